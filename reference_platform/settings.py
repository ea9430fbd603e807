"""Server settings as one typed value, built by the CLI from flags and environment variables."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROFILE = REPO_ROOT / "resources" / "profiles" / "national-2017.json"
DEFAULT_DB_URL = "sqlite:///govshare-platform.db"
FAULTS_ENV = "GOVSHARE_PLATFORM_ENABLE_FAULTS"
PROFILE_ENV = "GOVSHARE_PLATFORM_PROFILE"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The server clock: aware UTC. Tests pass their own clock instead."""
    return datetime.now(UTC)


def env_flag(name: str) -> bool:
    """True when the environment variable is set to 1, true or yes."""
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes"}


# The largest request body, in bytes. The largest bodies the contract allows are a resource
# with its 2,000 data items and an audit batch of 1,000 events. A resource whose 2,000 items
# each have a 100-character name, 200-character description and share conditions, every
# Chinese character sent as a \uXXXX escape (as Python's json does by default), is about
# 6.2 MB, so 8 MiB holds it (tests/platform/test_request_limits.py sends it). An audit batch
# fits while its events average under 8 KB; their `details` have no bound of their own, so a
# client with bigger events sends smaller batches.
DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024
# The largest attachment of a share request (a scanned negotiation record runs to a few MB;
# 20 MiB holds a long one at a readable resolution). Its upload is the one body that may
# exceed `max_body_bytes`, up to this.
DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SignInLimits:
    """How many failed sign-ins are tolerated before 429; see auth/throttle.py for why."""

    window: int = 15 * 60  # seconds a failure counts
    lockout: int = 60  # seconds of the first lockout; each further failure doubles it
    per_account_address: int = 5  # failures for one username from one client address
    per_address: int = 20  # failures from one client address, any usernames
    per_account: int = 20  # failures for one username, any addresses


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the server needs to know at start; never changed while it runs."""

    db_url: str = DEFAULT_DB_URL
    profile_path: Path = DEFAULT_PROFILE
    access_token_ttl: int = 15 * 60  # seconds
    refresh_token_ttl: int = 30 * 24 * 3600  # seconds
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES
    sign_in: SignInLimits = field(default_factory=SignInLimits)
    # Off unless the operator asks for it at start (--enable-faults or the env variable).
    faults_enabled: bool = False
    clock: Clock = field(default=utc_now)
