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
    unit_credit_code: str = ""  # GB 32100; new resources name it as their provider code

    @property
    def signed_in(self) -> bool:
        """An officer has signed in on this data directory at some time (the tokens that
        make calls possible now are the keyring's business, not the identity's)."""
        return bool(self.officer)


ANONYMOUS = Identity()


@dataclass(frozen=True, slots=True)
class Tokens:
    """The officer's OAuth2 tokens. Secrets: kept only in the OS keyring, never printed —
    `repr` shows neither, so a log line or a traceback that names a `Tokens` leaks nothing."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
