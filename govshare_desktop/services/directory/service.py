"""Reading the shared directory (共享目录) this PC holds: list, search, one entry.

The sync fills the cache from the platform's feed (`sync/pull.py`); here it is only read,
offline as well as online. Search is the catalog's: trigram full text over names,
abstracts and data item names, Chinese included, a scan for one- and two-character words.
"""

from __future__ import annotations

from govshare_desktop.domain.directory import DirectoryEntry, DirectorySummary
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.services.runtime import Service
from govshare_desktop.store.repositories.directory import DirectoryRepository


class DirectoryService(Service):
    def list_entries(self) -> list[DirectorySummary]:
        """Every entry held, by unit and resource code."""
        with self._db.read() as session:
            return DirectoryRepository(session).summaries()

    def search(
        self, query: str, unit_code: str | None = None, limit: int = 500
    ) -> list[DirectorySummary]:
        """Entries matching `query` (all of them for an empty one), best first."""
        with self._db.read() as session:
            return DirectoryRepository(session).search(
                query, SearchFilters(unit_code=unit_code), limit
            )

    def get(self, entry_id: str) -> DirectoryEntry | None:
        with self._db.read() as session:
            return DirectoryRepository(session).get(entry_id)

    def count(self) -> int:
        with self._db.read() as session:
            return DirectoryRepository(session).count()
