"""Keyset pages by record id, shared by every list endpoint (never OFFSET: stable under writes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import InstrumentedAttribute, Session

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    rows: list[T]
    last_id: str | None  # where the next page starts; None on the last page


def keyset_page(
    session: Session,
    query: Select[Any],
    id_column: InstrumentedAttribute[Any],
    limit: int,
    after: str | None,
) -> Page[Any]:
    """Up to `limit` rows of `query` after id `after`, in id order."""
    if after is not None:
        query = query.where(id_column > after)
    rows = list(session.scalars(query.order_by(id_column).limit(limit + 1)).all())
    if len(rows) > limit:
        return Page(rows[:limit], str(getattr(rows[limit - 1], id_column.key)))
    return Page(rows, None)
