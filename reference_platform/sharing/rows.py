"""Rows of a granted resource: only the granted data items, keyset-paged, with equality filters.

Values are strings as the provider holds them (dates `YYYY-MM-DD`); a column's `data_type`
says how to read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from reference_platform.db.models import Grant, ResourceCell
from reference_platform.problems import ProblemError
from reference_platform.sharing.grants import usable_grant


@dataclass(frozen=True, slots=True)
class RowPage:
    columns: list[dict[str, Any]]
    rows: list[dict[str, Any]]
    last_row: int | None  # set when another page follows


def _columns(grant: Grant) -> list[dict[str, Any]]:
    items = {item.id: item for item in grant.resource.data_items}
    return [
        {"id": items[i].id, "name": items[i].name, "data_type": items[i].data_type}
        for i in grant.data_item_ids
        if i in items
    ]


def parse_filters(raw: list[str], columns: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """`column:value` pairs (column by name or id) → (item id, value); 400 for other columns."""
    by_key: dict[str, str] = {}
    for column in columns:
        by_key[column["id"]] = column["id"]
        by_key.setdefault(column["name"], column["id"])
    filters = []
    for entry in raw:
        key, sep, value = entry.partition(":")
        # No value holds a NUL (and PostgreSQL refuses one in a query parameter).
        if not sep or key not in by_key or "\x00" in value:
            raise ProblemError(
                400,
                "invalid_filter",
                f"Filter {entry!r}: write <granted column name or id>:<value>.",
            )
        filters.append((by_key[key], value))
    return filters


def read_rows(
    session: Session,
    unit_code: str,
    grant_id: str,
    *,
    filters: list[str],
    after: int | None,
    limit: int,
    now: datetime,
) -> RowPage:
    """One page of rows under a usable grant of the unit."""
    grant = usable_grant(session, unit_code, grant_id, now)
    columns = _columns(grant)
    wanted = parse_filters(filters, columns)
    query = (
        select(ResourceCell.row_no)
        .where(ResourceCell.resource_id == grant.resource_id)
        .group_by(ResourceCell.row_no)
    )
    for item_id, value in wanted:
        match = aliased(ResourceCell)
        query = query.where(
            select(match.row_no)
            .where(
                match.resource_id == grant.resource_id,
                match.row_no == ResourceCell.row_no,
                match.item_id == item_id,
                match.value == value,
            )
            .exists()
        )
    if after is not None:
        query = query.where(ResourceCell.row_no > after)
    numbers = list(session.scalars(query.order_by(ResourceCell.row_no).limit(limit + 1)).all())
    more = len(numbers) > limit
    numbers = numbers[:limit]
    item_ids = [column["id"] for column in columns]
    cells: dict[tuple[int, str], str | None] = {}
    if numbers and item_ids:
        for cell in session.scalars(
            select(ResourceCell).where(
                ResourceCell.resource_id == grant.resource_id,
                ResourceCell.row_no.in_(numbers),
                ResourceCell.item_id.in_(item_ids),
            )
        ):
            cells[cell.row_no, cell.item_id] = cell.value
    rows = [
        {"row": number, "values": [cells.get((number, item)) for item in item_ids]}
        for number in numbers
    ]
    return RowPage(columns, rows, numbers[-1] if more else None)
