"""The platform's parts without HTTP: codes, hashing, cursors, preconditions, token lifetimes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError

from reference_platform import cli
from reference_platform.auth import throttle, tokens
from reference_platform.auth.passwords import hash_password, verify_password
from reference_platform.catalog.schemas import ResourceCreate, ResourcePatch
from reference_platform.credit_code import check_character, is_valid, make_credit_code
from reference_platform.cursors import decode_feed_cursor, encode_feed_cursor
from reference_platform.db.database import Database
from reference_platform.demo_data import UNITS
from reference_platform.preconditions import check_if_match, none_match
from reference_platform.problems import ProblemError
from reference_platform.seed import AlreadySeeded, seed_demo
from reference_platform.settings import SignInLimits
from tests.platform.contract import SPEC


def test_credit_code_check_characters() -> None:
    # Published example of a valid code (a GB 32100 test vector).
    assert is_valid("91350100M000100Y43")
    assert not is_valid("91350100M000100Y44")
    assert not is_valid("91350100M000100Y4")  # too short
    assert check_character("91350100M000100Y4") == "3"
    codes = [unit.credit_code for unit in UNITS]
    assert all(is_valid(code) for code in codes)
    assert len(set(codes)) == len(codes)
    assert make_credit_code("11", "130100", "40000202").startswith("1113010040000202")
    with pytest.raises(ValueError, match="17 characters"):
        check_character("I" * 17)


def test_passwords_are_salted_and_checked() -> None:
    first, second = hash_password("秘密 secret"), hash_password("秘密 secret")
    assert first != second
    assert first.startswith("scrypt$")
    assert verify_password("秘密 secret", first)
    assert not verify_password("secret", first)
    assert not verify_password("秘密 secret", "md5$abc")
    assert not verify_password("x", "garbage")


def test_feed_cursors_are_signed() -> None:
    cursor = encode_feed_cursor("epoch1", 42, "k" * 64)
    assert decode_feed_cursor(cursor, "k" * 64) == ("epoch1", 42)
    assert decode_feed_cursor(cursor, "other" * 13) is None
    assert decode_feed_cursor("", "k" * 64) is None
    assert decode_feed_cursor("abc.def", "k" * 64) is None
    assert decode_feed_cursor("ä.ö", "k" * 64) is None


def test_if_match_rules() -> None:
    check_if_match('"v3"', 3)
    check_if_match('"v2", "v3"', 3)
    cases = [
        (None, 428),
        ("", 428),
        ("*", 428),  # "any version" would skip the lost-update check
        ('"v3", *', 428),
        ('"v2"', 412),
        ('W/"v3"', 412),
        ("v3", 412),
    ]
    for header, status in cases:
        with pytest.raises(ProblemError) as raised:
            check_if_match(header, 3)
        assert raised.value.status == status
    assert none_match('W/"abc"', '"abc"')
    assert none_match("*", '"abc"')
    assert not none_match(None, '"abc"')
    assert not none_match('"abd"', '"abc"')


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2025, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_access_tokens_expire_after_their_lifetime(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'p.db'}")
    clock = FakeClock()
    try:
        officers = seed_demo(db, clock)
        with db.read() as session:
            name = tokens.authenticate(session, officers[0].username, officers[0].password)
        with db.write() as session:
            issued = tokens.sign_in(session, name, clock(), access_ttl=60, refresh_ttl=600)
        for elapsed, alive in ((0, True), (59, True), (60, False)):
            with db.read() as session:
                found = tokens.officer_for_token(
                    session, issued.access_token, clock.now + timedelta(seconds=elapsed)
                )
            assert (found is not None) is alive, elapsed
        with db.write() as session, pytest.raises(ProblemError):
            tokens.refresh(
                session, issued.refresh_token, clock.now + timedelta(seconds=600), 60, 600
            )
        with pytest.raises(AlreadySeeded):
            seed_demo(db, clock)
    finally:
        db.dispose()


def test_throttled_addresses_group_ipv6_by_subscriber() -> None:
    assert throttle.client_address("203.0.113.7") == "203.0.113.7"
    assert throttle.client_address("::ffff:203.0.113.7") == "203.0.113.7"
    one, other = "2001:db8:1:2:aaaa::1", "2001:db8:1:2:bbbb::2"
    assert throttle.client_address(one) == throttle.client_address(other) == "2001:db8:1:2::/64"
    assert throttle.client_address("2001:db8:1:3::1") == "2001:db8:1:3::/64"
    assert throttle.client_address(None) == "unknown"


def test_lockouts_double_up_to_the_window() -> None:
    limits = SignInLimits(window=900, lockout=60)
    waits = [throttle.lockout_seconds(limits, failures, 5) for failures in range(4, 12)]
    assert waits == [0, 60, 120, 240, 480, 900, 900, 900]
    assert throttle.lockout_seconds(limits, 10**6, 5) == 900


def test_one_address_alone_cannot_reach_the_account_wide_limit() -> None:
    """A guesser retrying the moment each lockout ends, for six hours, with the defaults:
    its failures against one account in any window stay below the account-wide limit, so
    one address cannot lock an officer out for everyone (auth/throttle.py)."""
    defaults = SignInLimits()
    limits = replace(defaults, per_account=10**9)  # watch the per-address counters alone
    db = Database("sqlite://")
    db.create_schema()
    clock = FakeClock()
    start, failures = clock.now, []
    try:
        while clock.now < start + timedelta(hours=6):
            try:
                with db.write() as session:
                    throttle.begin(session, limits, "ga-compiler", "198.51.100.9", clock.now)
            except ProblemError as refused:
                assert refused.status == 429
                clock.now += timedelta(seconds=int(refused.headers["Retry-After"]))
            else:
                failures.append(clock.now)
                clock.now += timedelta(seconds=1)
    finally:
        db.dispose()
    window = timedelta(seconds=defaults.window)
    most = max(sum(1 for f in failures if t <= f < t + window) for t in failures)
    assert most == 8 < defaults.per_account  # the 8 named in auth/throttle.py


_SCHEMA = schemathesis.openapi.from_path(SPEC)


@pytest.mark.parametrize(("method", "model"), [("PUT", ResourceCreate), ("PATCH", ResourcePatch)])
def test_every_body_the_contract_allows_is_accepted_by_the_server_models(
    method: str, model: type[ResourceCreate | ResourcePatch]
) -> None:
    operation = _SCHEMA["/catalog/resources/{id}"][method]

    @settings(
        max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(operation.as_strategy())
    def accepted(case: schemathesis.Case) -> None:
        try:
            model.model_validate(case.body)
        except ValidationError as exc:
            pytest.fail(f"contract-valid body refused: {case.body!r}\n{exc}")

    accepted()


def test_seed_cli_prints_the_officers_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_url = f"sqlite:///{tmp_path / 'seed.db'}"
    assert cli.main(["seed", "--db", db_url]) == 2  # --demo is required
    assert cli.main(["seed", "--db", db_url, "--demo", "--json"]) == 0
    officers = json.loads(capsys.readouterr().out)["officers"]
    assert {tuple(sorted(o)) for o in officers} == {
        ("password", "roles", "unit_code", "unit_name", "username")
    }
    units = {o["unit_code"] for o in officers}
    assert {"SJZ-ZF", "SJZ-GA", "SJZ-MZ"} <= units
    assert {"compiler", "reviewer"} <= {role for o in officers for role in o["roles"]}
    assert len({o["password"] for o in officers}) == len(officers)
    assert cli.main(["seed", "--db", db_url, "--demo"]) == 1  # never twice
    assert cli.main(["rotate-epoch", "--db", db_url]) == 0
    assert cli.main(["prune", "--db", db_url, "--keep-days", "30"]) == 0
    assert "removed 0" in capsys.readouterr().out
