"""Field-level comparison and three-way merge of synced content (SYNC.md, conflict policy).

Content is a flat mapping of field → JSON value. Some fields only mean something together
(a resource's four classification levels): a change to one of them carries the group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Content = Mapping[str, Any]


def changed_fields(
    before: Content | None, after: Content, groups: Iterable[tuple[str, ...]] = ()
) -> dict[str, Any]:
    """The fields of `after` that differ from `before` (all of them when there is no
    before), each group whole when any of its fields changed."""
    if before is None:
        return dict(after)
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    for group in groups:
        if any(k in changed for k in group):
            changed.update({k: after[k] for k in group if k in after})
    return changed


@dataclass(frozen=True, slots=True)
class Merge:
    content: dict[str, Any]  # what the entity holds after the merge
    from_remote: tuple[str, ...]  # fields the platform changed and this PC did not
    clashes: tuple[str, ...]  # fields both changed, differently: the officer decides


def three_way(base: Content | None, local: Content, remote: Content) -> Merge:
    """Merge a remote state into a local one by field, against the state both started from.

    A field changed on one side takes that side's value; changed on both sides to the same
    value, that value; to different values, it is a clash and keeps the local value until
    the officer resolves it (never a silent overwrite). Without a base every differing
    field is a clash.
    """
    base = base or {}
    merged: dict[str, Any] = {}
    from_remote: list[str] = []
    clashes: list[str] = []
    for key in sorted({*local, *remote}):
        mine, theirs = local.get(key), remote.get(key)
        if mine == theirs:
            merged[key] = mine
        elif key in base and base[key] == mine:
            merged[key] = theirs
            from_remote.append(key)
        elif key in base and base[key] == theirs:
            merged[key] = mine
        else:
            merged[key] = mine
            clashes.append(key)
    return Merge(merged, tuple(from_remote), tuple(clashes))
