"""Unlocking with the platform (Art. 18): a sign-in leaves the offline verifier (never the
password); online the platform checks the password, offline the verifier does. Through the
product's own sign-in, against the reference platform behind the faulty front."""

from __future__ import annotations

import sqlite3

from govshare_desktop.domain.unlock import UnlockOutcome
from tests.platform.conftest import Platform
from tests.support.proxy import Proxy
from tests.sync.conftest import OpenOfficer

SIGN_IN_PATH = "/api/v1/auth/" + "token"


def test_online_the_platform_checks_offline_the_verifier(
    officer: OpenOfficer, platform: Platform, proxy: Proxy
) -> None:
    pc = officer("mz-requester", "unlock-pc")
    with sqlite3.connect(pc.home / "govshare.db") as db:
        [(stored,)] = db.execute("SELECT value FROM sync_meta WHERE key = 'unlock_verifier'")
    assert '"kdf": "scrypt"' in stored and pc.password not in stored

    unlock = pc.ctx.services.unlock
    proxy.clear()
    assert unlock.unlock(pc.password).outcome is UnlockOutcome.UNLOCKED
    assert unlock.unlock("not-the-password").outcome is UnlockOutcome.WRONG
    asked = [c for c in proxy.calls if c.path == SIGN_IN_PATH]
    assert [c.status for c in asked] == [200, 401]  # the platform answered both

    proxy.add("refuse", count=None)  # offline from here on
    assert unlock.unlock(pc.password).outcome is UnlockOutcome.UNLOCKED
    assert unlock.unlock("not-the-password").outcome is UnlockOutcome.WRONG
