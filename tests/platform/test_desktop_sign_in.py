"""Signing in and out as a use case (services/sync/signin.py), over the real reference server
and a real data directory: the officer and unit kept across restarts, the catalog compiled
offline becoming the unit's, another unit's account refused, sign-out refused while changes
wait, no keyring meaning no sign-in, and no secret anywhere on disk but the keyring."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import error_text, untranslated
from govshare_desktop.store.models import AuditEventRow
from tests.platform.conftest import Platform

DEFAULT_CLASSIFICATION = Classification("3", "01", "001")


def tokens(keyring: Path) -> dict[str, str]:
    """The keyring's sign-in entries: the install's own secrets (the audit key,
    security/install_secrets.py) stay across sign-outs, as they must."""
    held: dict[str, str] = json.loads(keyring.read_text(encoding="utf-8"))
    return {name: value for name, value in held.items() if "\nsecret:" not in name}


@pytest.fixture
def ctx(home: Path) -> Iterator[AppContext]:
    context = AppContext.open(home)
    yield context
    context.close()


def password(platform: Platform, username: str) -> str:
    return str(platform.officers[username]["password"])


def sign_in(ctx: AppContext, platform: Platform, username: str) -> None:
    ctx.services.sign_in.sign_in(platform.root, username, password(platform, username))


def test_sign_in_keeps_the_officer_and_unit_across_a_restart(
    ctx: AppContext, platform: Platform, home: Path, file_keyring: Path
) -> None:
    assert not ctx.services.sign_in.state().signed_in  # offline start: nobody signed in
    officer = ctx.services.sign_in.sign_in(
        platform.root + "/", "ga-compiler", password(platform, "ga-compiler")
    )
    assert (officer.officer, officer.unit_name) == ("ga-compiler", "石家庄市公安局")
    assert ctx.services.catalog.unit_code == "SJZ-GA"
    assert ctx.settings.get("platform.url") == platform.root  # the address given is kept
    ctx.close()

    reopened = AppContext.open(home)
    try:
        state = reopened.services.sign_in.state()
        assert state.signed_in
        assert state.identity.officer == "ga-compiler"
        assert state.identity.unit_code == "SJZ-GA"
        assert len(state.identity.unit_credit_code) == 18
        assert state.identity.roles == {"compiler"}
        # the tokens work after the restart, read back from the keyring
        me = reopened.platform.session().request("GET", "/me")
        assert me.body["username"] == "ga-compiler"
        with reopened.database.read() as session:
            actors = [(e.action, e.actor) for e in session.query(AuditEventRow)]
        assert ("officer.sign_in", "ga-compiler") in actors
    finally:
        reopened.close()


def test_the_catalog_compiled_offline_becomes_the_units(
    ctx: AppContext, platform: Platform, file_keyring: Path
) -> None:
    catalog = ctx.services.catalog
    before = catalog.new_resource("离线编制的资源", DEFAULT_CLASSIFICATION)
    assert (before.unit_code, before.provider_name, before.provider_code) == ("", "", "")
    offline = catalog.save(before)
    sign_in(ctx, platform, "ga-compiler")
    assert catalog.get(offline.id).unit_code == "SJZ-GA"  # type: ignore[union-attr]
    assert [r.id for r in catalog.list_resources("SJZ-GA")] == [offline.id]
    # new resources name the unit as their provider
    fresh = catalog.new_resource("新资源", DEFAULT_CLASSIFICATION)
    assert fresh.unit_code == "SJZ-GA"
    assert fresh.provider_name == "石家庄市公安局"
    assert fresh.provider_code == ctx.services.sign_in.state().identity.unit_credit_code


def test_an_account_of_another_unit_is_refused(
    ctx: AppContext, platform: Platform, file_keyring: Path
) -> None:
    sign_in(ctx, platform, "ga-compiler")
    held = json.loads(file_keyring.read_text(encoding="utf-8"))
    with pytest.raises(KnownError) as caught:
        sign_in(ctx, platform, "mz-compiler")
    assert caught.value.code is ErrorCode.UNIT_MISMATCH
    text = error_text(caught.value, untranslated)
    assert "石家庄市公安局 (SJZ-GA)" in text and "石家庄市民政局 (SJZ-MZ)" in text
    state = ctx.services.sign_in.state()
    assert state.identity.officer == "ga-compiler"  # nothing changed
    assert json.loads(file_keyring.read_text(encoding="utf-8")) == held
    # another officer of the same unit may sign in on it
    sign_in(ctx, platform, "ga-reviewer")
    assert ctx.services.sign_in.state().identity.officer == "ga-reviewer"


def test_sign_out_is_refused_while_changes_wait_unless_forced(
    ctx: AppContext, platform: Platform, file_keyring: Path
) -> None:
    sign_in(ctx, platform, "ga-compiler")
    ctx.services.catalog.save(ctx.services.catalog.new_resource("待发送", DEFAULT_CLASSIFICATION))
    with pytest.raises(KnownError) as caught:
        ctx.services.sign_in.sign_out()
    assert caught.value.code is ErrorCode.SIGN_OUT_UNSENT
    assert caught.value.params["count"] == 1
    assert ctx.services.sign_in.state().signed_in
    ctx.services.sign_in.sign_out(force=True)
    state = ctx.services.sign_in.state()
    assert not state.signed_in
    assert state.identity.unit_code == "SJZ-GA"  # the data directory still belongs to the unit
    assert tokens(file_keyring) == {}
    assert ctx.services.sign_in.unsent() == 1  # and the change still waits


def test_a_wrong_password_writes_nothing(
    ctx: AppContext, platform: Platform, home: Path, file_keyring: Path
) -> None:
    with pytest.raises(KnownError) as caught:
        ctx.services.sign_in.sign_in(platform.root, "ga-compiler", "wrong")
    assert caught.value.code is ErrorCode.SIGN_IN_FAILED
    assert not ctx.services.sign_in.state().identity.signed_in
    assert not (home / "settings.json").exists()
    assert not file_keyring.exists()


def test_without_a_keyring_nothing_is_sent_or_written(
    ctx: AppContext, faults: Platform, home: Path
) -> None:
    """keyring's resolved backend is its fail backend (tests/conftest.py pins it)."""
    faults.fault(action="status", path="/api/v1/auth/token", status=500, count=None)
    with pytest.raises(KnownError) as caught:
        ctx.services.sign_in.sign_in(faults.root, "ga-compiler", password(faults, "ga-compiler"))
    assert caught.value.code is ErrorCode.KEYRING_UNAVAILABLE  # not the 500: nothing was sent
    assert "fail" in str(caught.value.params["reason"])
    assert not ctx.services.sign_in.state().identity.signed_in
    assert not (home / "settings.json").exists()
    assert not ctx.services.sign_in.state().signed_in
    ctx.services.sign_in.sign_out()  # nothing to remove: no error either


def test_no_token_or_password_is_written_anywhere_but_the_keyring(
    ctx: AppContext, faults: Platform, home: Path, file_keyring: Path
) -> None:
    ctx.settings.update({"platform.url": faults.root})
    logging.getLogger().setLevel(logging.DEBUG)  # whatever requests and urllib3 would say
    secret = password(faults, "ga-compiler")
    try:
        ctx.services.sign_in.sign_in("", "ga-compiler", secret)
        first = ctx.platform.session().tokens()
        faults.fault(action="expire_tokens")
        ctx.platform.session().request("GET", "/me")  # a refresh: a second pair
        second = ctx.platform.session().tokens()
    finally:
        logging.getLogger().setLevel(logging.INFO)
    (home / "ui-state.ini").write_text("[main]\n", encoding="utf-8")  # as the GUI leaves it
    assert first is not None and second is not None
    secrets = {
        secret,
        first.access_token,
        first.refresh_token,
        second.access_token,
        second.refresh_token,
    }
    files = [p for p in home.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"govshare.db", "govshare.db-wal", "settings.json", "govshare.log"} <= names
    for path in files:
        content = path.read_bytes()
        for value in secrets:
            assert value.encode() not in content, f"{value[:4]}… found in {path.name}"
    kept = tokens(file_keyring)
    assert set(kept.values()) == {second.access_token, second.refresh_token}
