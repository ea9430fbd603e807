"""共享目录: other units' filed catalogs, as this PC holds them read-only for offline use.

The platform lists every resource another unit's authority has filed (已备案), as that
filing recorded it; the sync keeps a copy here, so an officer browses, searches and derives
from it (Art. 11 §3) without a connection. Nothing in it is ever edited or sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from govshare_desktop.domain.entities import Classification, Resource


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """Another unit's resource as its last filing recorded it."""

    resource: Resource  # `unit_code` is the providing unit's
    version: int  # the resource's version as filed: what a derived entry keeps
    unit_name: str
    superior: bool  # the providing unit is this unit's superior (Art. 11 §3)
    filing_id: str = ""
    filed_at: datetime | None = None

    @property
    def id(self) -> str:
        return self.resource.id

    @property
    def unit_code(self) -> str:
        return self.resource.unit_code


@dataclass(frozen=True, slots=True)
class DirectorySummary:
    """What the directory's list shows of an entry, cheap to load by the thousand."""

    id: str
    version: int
    unit_code: str
    unit_name: str
    superior: bool
    code: str
    name: str
    classification: Classification
    share_type: str
