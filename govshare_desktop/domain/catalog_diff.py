"""What changed between two states of a catalog: resources added, removed, and field by field.

States are snapshots: resource id -> its wire payload (as frozen at filing). Data items are
compared by name, since that is how a compiler recognises them across versions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Snapshot = dict[str, dict[str, Any]]
IGNORED = frozenset({"data_items", "extra"})


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class ResourceChange:
    resource_id: str
    code: str
    name: str
    fields: tuple[FieldChange, ...] = ()
    items_added: tuple[str, ...] = ()
    items_removed: tuple[str, ...] = ()
    items_changed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CatalogDiff:
    added: tuple[ResourceChange, ...] = ()
    removed: tuple[ResourceChange, ...] = ()
    changed: tuple[ResourceChange, ...] = ()
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _items(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        str(i.get("name", "")): {k: v for k, v in i.items() if k != "id"}
        for i in payload.get("data_items", [])
    }


def resource_change(rid: str, old: dict[str, Any], new: dict[str, Any]) -> ResourceChange | None:
    """What differs from `old` to `new` (two contents of one resource); None if nothing."""
    keys = sorted((set(old) | set(new)) - IGNORED)
    fields = tuple(FieldChange(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k))
    if old.get("extra") != new.get("extra"):
        fields += (FieldChange("extra", old.get("extra"), new.get("extra")),)
    old_items, new_items = _items(old), _items(new)
    added = tuple(n for n in new_items if n not in old_items)
    removed = tuple(n for n in old_items if n not in new_items)
    changed = tuple(n for n in new_items if n in old_items and new_items[n] != old_items[n])
    if not (fields or added or removed or changed):
        return None
    return ResourceChange(
        rid, str(new.get("code", "")), str(new.get("name", "")), fields, added, removed, changed
    )


def diff_catalogs(old: Snapshot, new: Snapshot) -> CatalogDiff:
    """Every difference from `old` to `new`, each list ordered by resource code."""

    def brief(rid: str, payload: dict[str, Any]) -> ResourceChange:
        return ResourceChange(rid, str(payload.get("code", "")), str(payload.get("name", "")))

    def by_code(changes: list[ResourceChange]) -> tuple[ResourceChange, ...]:
        return tuple(sorted(changes, key=lambda c: (c.code, c.name)))

    added = [brief(rid, p) for rid, p in new.items() if rid not in old]
    removed = [brief(rid, p) for rid, p in old.items() if rid not in new]
    changed = [
        c
        for rid in new
        if rid in old and (c := resource_change(rid, old[rid], new[rid])) is not None
    ]
    unchanged = sum(1 for rid in new if rid in old) - len(changed)
    return CatalogDiff(by_code(added), by_code(removed), by_code(changed), unchanged)
