"""Authorized data (授权数据, Art. 14, 15): what the officer may do with a grant today, and
the words every export and printout carries.

A grant is usable while it is in force (not revoked, within its validity); its rows may be
kept on this PC only where it says `allow_offline_cache`, and written out only where it
says `allow_export`. Rows kept offline are shown only within the offline lease: so many
days after the platform last confirmed the grant (a revocation cannot reach a PC that
never syncs, so the PC stops trusting its copy after a while).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from govshare_desktop.domain.entities import Grant, GrantedItem
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

EXPIRING_DAYS = 30  # a grant whose validity ends within this many days is flagged
CONTEXT = "GrantData"

WATERMARK = QT_TRANSLATE_NOOP("GrantData", "{officer} · {unit} · {time}")
EXPORT_NOTICE = QT_TRANSLATE_NOOP(
    "GrantData",
    "Shared government data exported by {officer} ({unit}) at {time} under grant {grant} "
    "({resource}). Use it only for the granted purpose; it must not be passed on, sold or "
    "published (Art. 15).",
)


@dataclass(frozen=True, slots=True)
class RowFilter:
    """Rows whose value in the granted column `item_id` equals `value`."""

    item_id: str
    value: str


@dataclass(frozen=True, slots=True)
class RowQuery:
    """Equality filters and an optional sort column (None: the platform's row order)."""

    filters: tuple[RowFilter, ...] = ()
    sort: str | None = None
    descending: bool = False

    def describe(self) -> dict[str, object]:
        """As the audit log keeps it: which granted items were searched and how the rows were
        ordered, never the values searched for. A value is shared data (an ID number, an
        address); the audit log lives unencrypted in the main DB and is uploaded, so keeping it
        there would copy shared data out of its encrypted cache (Art. 15, 18)."""
        return {
            "filtered_items": [f.item_id for f in self.filters],
            "sort": self.sort,
            "descending": self.descending,
        }


def in_force(grant: Grant, today: date) -> bool:
    return (
        not grant.revoked
        and grant.valid_from <= today
        and (grant.valid_to is None or today <= grant.valid_to)
    )


def expired(grant: Grant, today: date) -> bool:
    return grant.valid_to is not None and today > grant.valid_to


def expiring_soon(grant: Grant, today: date) -> bool:
    return (
        in_force(grant, today)
        and grant.valid_to is not None
        and (grant.valid_to - today).days <= EXPIRING_DAYS
    )


def lease_over(confirmed_at: datetime | None, now: datetime, lease_days: int) -> bool:
    """Whether cached rows must be hidden: never confirmed, or confirmed too long ago.
    Both times naive UTC."""
    return confirmed_at is None or now - confirmed_at > timedelta(days=lease_days)


@dataclass(frozen=True, slots=True)
class CacheInfo:
    rows: int
    complete: bool
    size_bytes: int


@dataclass(frozen=True, slots=True)
class GrantView:
    """A grant as the 授权数据 list shows it."""

    grant: Grant
    in_force: bool
    expired: bool
    expiring_soon: bool
    acknowledged: bool  # a revocation the officer has seen
    confirmed_at: datetime | None
    lease_over: bool
    cache: CacheInfo | None

    @property
    def columns(self) -> tuple[GrantedItem, ...]:
        return self.grant.data_items
