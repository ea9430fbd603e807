"""An officer signs in and syncs; afterwards no token and no password is anywhere in the
data directory: the DB file, its WAL, the settings, the logs (crash reports included).

Tokens live in the OS keyring only (security/credentials.py). The test knows every token
the platform issued — the keyring holds them, before and after a refresh — and reads every
file of the data directory as bytes, while the app still has the DB open (its WAL is
there) and again after it closed it (the WAL checkpointed into the DB).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification
from govshare_desktop.domain.sync_result import SyncOutcome
from tests.platform.conftest import Platform
from tests.sync.officer import govshare

USER = "scjg-compiler"


def keyring_secrets(keyring: Path) -> set[str]:
    held: dict[str, str] = json.loads(keyring.read_text(encoding="utf-8"))
    return {value for value in held.values() if len(value) >= 8}


def leaks(home: Path, secrets: set[str]) -> list[tuple[str, str]]:
    """(file, which secret's first characters) for every secret found in any file."""
    found = []
    for path in sorted(p for p in home.rglob("*") if p.is_file() and p.name != "govshare.lock"):
        data = path.read_bytes()
        for secret in secrets:
            if secret.encode() in data:
                found.append((str(path.relative_to(home)), secret[:6]))
    return found


@pytest.mark.allow_error_logs  # the crash report below is logged as CRITICAL on purpose
def test_no_token_or_password_is_left_in_the_data_directory(
    platform: Platform, tmp_path: Path, file_keyring: Path
) -> None:
    home = tmp_path / "pc"
    password = platform.officers[USER]["password"]
    login = govshare("login", "--platform", platform.root, "--user", USER, "--home", str(home),
                     stdin=password)  # fmt: skip
    assert login.returncode == 0, login.stderr
    synced = govshare("sync", "--once", "--home", str(home))
    assert synced.returncode == 0, synced.stdout + synced.stderr
    secrets = {password} | keyring_secrets(file_keyring)
    # the password, an access token, a refresh token, the audit chain's key
    assert len(secrets) == 4

    ctx = AppContext.open(home)
    try:
        logging.getLogger().setLevel(logging.DEBUG)  # the HTTP library's lines too
        fresh = ctx.services.catalog.new_resource(
            "令牌检查用资源", Classification("3", "01", "001")
        )
        rid = ctx.services.catalog.save(fresh).id
        platform.fault(action="expire_tokens")  # the next call refreshes: new tokens
        result = ctx.services.sync.run_once()
        assert result.outcome is SyncOutcome.DONE and result.sent == 1, result
        secrets |= keyring_secrets(file_keyring)
        assert len(secrets) == 6
        ctx.services.catalog.edit(rid, {"abstract": "同步之后的修改"})  # the WAL has pages
        _crash_report(file_keyring)
        assert (home / "govshare.db-wal").exists()
        assert leaks(home, secrets) == []
    finally:
        ctx.close()
    assert leaks(home, secrets) == []
    assert (home / "settings.json").exists() and (home / "logs" / "govshare.log").exists()


def _crash_report(keyring: Path) -> None:
    """What the crash handler logs for an uncaught exception whose text quotes a token
    answer as Python shows a dict (a `%r` of the parsed body, a KeyError's message)."""
    held = json.loads(keyring.read_text(encoding="utf-8"))
    access, refresh = sorted(held.values())[:2]
    body = {"access_token": access, "refresh_token": refresh, "token_type": "bearer"}
    try:
        raise ValueError(f"unexpected token answer {body!r}")
    except ValueError:
        logging.getLogger("govshare_desktop.app.crash_handler").critical(
            "uncaught exception", exc_info=True
        )
