"""Full-text search: FTS5 trigrams; a scan for 1-2 character queries.

One way of searching for every list the officer searches: the catalog's resources
(`resource_search`, migration 0002) and the shared directory's entries
(`directory_search`, migration 0006). Each index holds an entry's name, abstract and data
item names; its repository keeps it current in the same transaction as the entry itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.search import SearchFilters

TRIGRAM = 3


def _phrase(query: str) -> str:
    """An FTS5 string literal: the query matched as one substring, quotes doubled."""
    return '"' + query.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class IndexSpec:
    """Which FTS table indexes which rows: its key column, the rows' table and what makes
    a row searchable (SQL over alias `r`)."""

    table: str
    key: str
    rows: str
    live: str
    filters: tuple[str, ...]


RESOURCES = IndexSpec(
    "resource_search", "resource_id", "resources", "r.deleted = 0",
    ("unit_code", "share_type", "provider_code"),
)  # fmt: skip
DIRECTORY = IndexSpec("directory_search", "entry_id", "directory_entries", "1", ("unit_code",))


class TextIndex:
    def __init__(self, session: Session, spec: IndexSpec) -> None:
        self._session = session
        self._spec = spec

    def put_text(self, key: str, name: str, abstract: str, item_names: Sequence[str]) -> None:
        """Index one entry (replacing its old text)."""
        self.remove(key)
        spec = self._spec
        self._session.execute(
            text(
                f"INSERT INTO {spec.table} ({spec.key}, name, abstract, item_names) "  # noqa: S608
                "VALUES (:id, :name, :abstract, :items)"
            ),
            {"id": key, "name": name, "abstract": abstract, "items": " ".join(item_names)},
        )

    def remove(self, key: str) -> None:
        spec = self._spec
        self._session.execute(
            text(f"DELETE FROM {spec.table} WHERE {spec.key} = :id"),  # noqa: S608
            {"id": key},
        )

    def remove_many(self, keys: Sequence[str]) -> None:
        """`remove` for many at once: each statement scans the index once, not once an id."""
        spec = self._spec
        for start in range(0, len(keys), 5000):
            chunk = list(keys[start : start + 5000])
            self._session.execute(
                text(f"DELETE FROM {spec.table} WHERE {spec.key} IN :ids").bindparams(  # noqa: S608
                    bindparam("ids", expanding=True)
                ),
                {"ids": chunk},
            )

    def clear(self) -> None:
        self._session.execute(text(f"DELETE FROM {self._spec.table}"))  # noqa: S608

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 200
    ) -> list[str]:
        """Keys of matching live entries, best first (FTS rank, else code)."""
        query = query.strip()
        filters = filters or SearchFilters()
        spec = self._spec
        where = [spec.live]
        params: dict[str, object] = {"limit": limit}
        for column in spec.filters:
            value = getattr(filters, column)
            if value:
                where.append(f"r.{column} = :{column}")
                params[column] = value
        joined = f"FROM {spec.table} s JOIN {spec.rows} r ON r.id = s.{spec.key}"
        if not query:
            sql = (
                f"SELECT r.id FROM {spec.rows} r WHERE {' AND '.join(where)} "  # noqa: S608
                "ORDER BY r.code LIMIT :limit"
            )
        elif len(query) >= TRIGRAM:
            params["match"] = _phrase(query)
            sql = (
                f"SELECT r.id {joined} "
                f"WHERE {spec.table} MATCH :match AND {' AND '.join(where)} "
                "ORDER BY s.rank LIMIT :limit"
            )
        else:
            # One scan of the index's own copy of the text. instr(), not LIKE: SQLite (3.40)
            # answers a LIKE of fewer than three characters on a trigram table with no rows.
            params["needle"] = query.lower()
            sql = (
                f"SELECT r.id {joined} "
                f"WHERE {' AND '.join(where)} AND (instr(lower(s.name), :needle) "
                "OR instr(lower(s.abstract), :needle) OR instr(lower(s.item_names), :needle)) "
                "ORDER BY r.code LIMIT :limit"
            )
        return [str(row[0]) for row in self._session.execute(text(sql), params)]


class SearchIndex(TextIndex):
    """The catalog's index: its resources."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, RESOURCES)

    def put(self, resource: Resource) -> None:
        """Index a live resource (replacing its old entry); tombstones are `remove`d."""
        self.put_text(
            resource.id, resource.name, resource.abstract, [i.name for i in resource.data_items]
        )
