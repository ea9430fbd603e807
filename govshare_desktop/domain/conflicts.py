"""Conflicts the officer resolves: a field both sides changed, or a record deleted remotely.

A conflict holds the three states of SYNC.md's merge — the base both sides started from,
this PC's state and the platform's — and the fields that clash. Resolving it picks, field
by field, mine or theirs; the result goes out as a new change on the platform's version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class ConflictKind(StrEnum):
    HARD = "hard"  # a field changed on both sides
    DELETED_REMOTELY = "deleted_remotely"  # the platform deleted what this PC still changes


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    entity_type: str
    entity_id: str
    kind: ConflictKind
    base: dict[str, Any]
    local: dict[str, Any]
    remote: dict[str, Any]
    fields: tuple[str, ...]
    created_at: datetime
    name: str = ""  # what the officer calls the record (a resource's name)
    extra: dict[str, Any] = field(default_factory=dict)

    def resolved_content(self, choices: dict[str, Choice]) -> dict[str, Any]:
        """The local state with the platform's value wherever the officer chose theirs;
        every clashing field must be chosen."""
        missing = [f for f in self.fields if f not in choices]
        if missing:
            raise ValueError(f"no choice for {missing}")
        content = dict(self.local)
        for name, choice in choices.items():
            if choice is Choice.THEIRS:
                content[name] = self.remote.get(name)
        return content
