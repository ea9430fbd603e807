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


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the server needs to know at start; never changed while it runs."""

    db_url: str = DEFAULT_DB_URL
    profile_path: Path = DEFAULT_PROFILE
    access_token_ttl: int = 15 * 60  # seconds
    refresh_token_ttl: int = 30 * 24 * 3600  # seconds
    # Off unless the operator asks for it at start (--enable-faults or the env variable).
    faults_enabled: bool = False
    clock: Clock = field(default=utc_now)
