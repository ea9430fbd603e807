"""Full-text search over a unit's resources: FTS5 trigrams; a scan for 1-2 character queries.

The index (migration 0002) holds each live resource's name, abstract and data item names;
`ResourceRepository` keeps it current in the same transaction as the resource itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.search import SearchFilters

TRIGRAM = 3


def _phrase(query: str) -> str:
    """An FTS5 string literal: the query matched as one substring, quotes doubled."""
    return '"' + query.replace('"', '""') + '"'


class SearchIndex:
    def __init__(self, session: Session) -> None:
        self._session = session

    def put(self, resource: Resource) -> None:
        """Index a live resource (replacing its old entry); tombstones are `remove`d."""
        self.remove(resource.id)
        self._session.execute(
            text(
                "INSERT INTO resource_search (resource_id, name, abstract, item_names) "
                "VALUES (:id, :name, :abstract, :items)"
            ),
            {
                "id": resource.id,
                "name": resource.name,
                "abstract": resource.abstract,
                "items": " ".join(item.name for item in resource.data_items),
            },
        )

    def remove(self, resource_id: str) -> None:
        self._session.execute(
            text("DELETE FROM resource_search WHERE resource_id = :id"), {"id": resource_id}
        )

    def remove_many(self, resource_ids: Sequence[str]) -> None:
        """`remove` for many at once: each statement scans the index once, not once an id."""
        for start in range(0, len(resource_ids), 5000):
            chunk = list(resource_ids[start : start + 5000])
            self._session.execute(
                text("DELETE FROM resource_search WHERE resource_id IN :ids").bindparams(
                    bindparam("ids", expanding=True)
                ),
                {"ids": chunk},
            )

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 200
    ) -> list[str]:
        """Ids of matching live resources, best first (FTS rank, else resource code)."""
        query = query.strip()
        filters = filters or SearchFilters()
        where = ["r.deleted = 0"]
        params: dict[str, object] = {"limit": limit}
        for column, value in (
            ("unit_code", filters.unit_code),
            ("share_type", filters.share_type),
            ("provider_code", filters.provider_code),
        ):
            if value:
                where.append(f"r.{column} = :{column}")
                params[column] = value
        if not query:
            sql = (
                f"SELECT r.id FROM resources r WHERE {' AND '.join(where)} "  # noqa: S608
                "ORDER BY r.code LIMIT :limit"
            )
        elif len(query) >= TRIGRAM:
            params["match"] = _phrase(query)
            sql = (
                "SELECT r.id FROM resource_search s JOIN resources r ON r.id = s.resource_id "  # noqa: S608
                f"WHERE resource_search MATCH :match AND {' AND '.join(where)} "
                "ORDER BY s.rank LIMIT :limit"
            )
        else:
            # One scan of the index's own copy of the text. instr(), not LIKE: SQLite (3.40)
            # answers a LIKE of fewer than three characters on a trigram table with no rows.
            params["needle"] = query.lower()
            sql = (
                "SELECT r.id FROM resource_search s JOIN resources r ON r.id = s.resource_id "  # noqa: S608
                f"WHERE {' AND '.join(where)} AND (instr(lower(s.name), :needle) "
                "OR instr(lower(s.abstract), :needle) OR instr(lower(s.item_names), :needle)) "
                "ORDER BY r.code LIMIT :limit"
            )
        return [str(row[0]) for row in self._session.execute(text(sql), params)]
