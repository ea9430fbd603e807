"""Who is working: the signed-in officer and their unit, as every write records them.

Empty until the officer signs in to the platform (offline work needs no sign-in); the
platform's `/me` fills it. The unit code is the catalog this data directory belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Identity:
    officer: str = ""  # the platform user name, written as `actor` on every audit event
    display_name: str = ""
    unit_code: str = ""
    unit_name: str = ""
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def signed_in(self) -> bool:
        return bool(self.officer)


ANONYMOUS = Identity()
