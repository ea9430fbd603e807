"""What the Alembic environment shares with the tests (env.py itself runs only under Alembic)."""

from __future__ import annotations

# Tables the ORM does not model (FTS5 indexes and their shadow tables) are created by hand
# in migrations; autogenerate must not propose dropping them.
UNMODELLED_PREFIXES = ("resource_search", "directory_search")


def include_object(
    _obj: object, name: str | None, kind: str, reflected: bool, _compare_to: object
) -> bool:
    return not (kind == "table" and reflected and (name or "").startswith(UNMODELLED_PREFIXES))
