"""Failed sign-ins throttled over real HTTP, per account and address, on the server's own clock.

The server runs with small limits; time moves by the fault switch's clock shift (never by
sleeping), and client addresses are told by `X-Forwarded-For`, which uvicorn takes from a
loopback peer as a reverse proxy's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import requests

from tests.platform.conftest import (
    BOTH_BACKENDS,
    Platform,
    assert_clean_log,
    seed,
    start_platform,
)
from tests.platform.contract import check_response
from tests.platform.test_auth import assert_problem

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL

WINDOW, LOCKOUT = 600, 60
PER_ACCOUNT_ADDRESS, PER_ADDRESS, PER_ACCOUNT = 3, 6, 8
LIMITS = (
    *("--sign-in-window", str(WINDOW), "--sign-in-lockout", str(LOCKOUT)),
    *("--sign-in-failures-per-account-address", str(PER_ACCOUNT_ADDRESS)),
    *("--sign-in-failures-per-address", str(PER_ADDRESS)),
    *("--sign-in-failures-per-account", str(PER_ACCOUNT)),
)


class ServerClock:
    """Moves the server's clock forward; only forward, so no failure lands in its future."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        self.offset = 0.0

    def advance(self, seconds: float) -> None:
        self.offset += seconds
        self.platform.fault(action="shift_clock", days=self.offset / 86400)


@pytest.fixture(scope="module")
def throttled(
    tmp_path_factory: pytest.TempPathFactory, new_db_url: Callable[[], str]
) -> Iterator[Platform]:
    directory = tmp_path_factory.mktemp("throttled")
    db_url = new_db_url()
    officers = seed(db_url)
    server = start_platform(directory, "--enable-faults", *LIMITS, db_url=db_url)
    server.officers = officers
    yield server
    server.stop()
    assert_clean_log(server)


@pytest.fixture(scope="module")
def clock(throttled: Platform) -> ServerClock:
    return ServerClock(throttled)


@pytest.fixture(autouse=True)
def _forget_earlier_failures(clock: ServerClock) -> Iterator[None]:
    yield
    clock.advance(WINDOW + LOCKOUT)  # every failure so far leaves the window, every lock ends


def sign_in(
    platform: Platform, username: str, address: str, password: str | None = None
) -> requests.Response:
    """A password sign-in from `address`: the officer's password, or `password`."""
    response = requests.post(
        platform.api + "/auth/token",
        data={
            "grant_type": "password",
            "username": username,
            "password": password or platform.officers[username]["password"],
        },
        headers={"X-Forwarded-For": address},
        timeout=30,
    )
    check_response(response)
    return response


def wrong(platform: Platform, username: str, address: str) -> int:
    return sign_in(platform, username, address, "wrong password").status_code


def retry_after(response: requests.Response) -> int:
    assert_problem(response, 429, "sign_in_throttled")
    return int(response.headers["Retry-After"])


def test_wrong_passwords_are_throttled_and_the_right_one_works_after_the_lockout(
    throttled: Platform, clock: ServerClock
) -> None:
    address = "198.51.100.1"
    statuses = [wrong(throttled, "ga-compiler", address) for _ in range(40)]
    assert statuses == [401] * PER_ACCOUNT_ADDRESS + [429] * (40 - PER_ACCOUNT_ADDRESS)
    refused = sign_in(throttled, "ga-compiler", address)  # the right password, not even checked
    wait = retry_after(refused)
    assert LOCKOUT - 5 <= wait <= LOCKOUT
    clock.advance(wait)
    assert sign_in(throttled, "ga-compiler", address).status_code == 200
    # The success forgot those failures: a typo now is an ordinary 401 again.
    assert wrong(throttled, "ga-compiler", address) == 401


def test_each_further_failure_doubles_the_lockout(throttled: Platform, clock: ServerClock) -> None:
    address = "198.51.100.2"
    for _ in range(PER_ACCOUNT_ADDRESS):
        assert wrong(throttled, "mz-compiler", address) == 401
    waits = []
    for _ in range(3):
        waits.append(retry_after(sign_in(throttled, "mz-compiler", address)))
        clock.advance(waits[-1])
        assert wrong(throttled, "mz-compiler", address) == 401
    assert [round(w / LOCKOUT) for w in waits] == [1, 2, 4]


def test_a_guesser_cannot_lock_the_officer_out_from_another_address(
    throttled: Platform, clock: ServerClock
) -> None:
    guesser, desk = "198.51.100.3", "198.51.100.4"
    spent = 0
    while spent < WINDOW:  # a whole window of guessing, as fast as the throttle allows
        response = sign_in(throttled, "ga-reviewer", guesser, "guess")
        if response.status_code == 429:
            spent += retry_after(response)
            clock.advance(retry_after(response))
        else:
            assert response.status_code == 401
        assert sign_in(throttled, "ga-reviewer", desk).status_code == 200


def test_one_address_trying_many_accounts_is_throttled(
    throttled: Platform, clock: ServerClock
) -> None:
    sprayer, elsewhere = "198.51.100.5", "198.51.100.6"
    names = ["nobody-1", "nobody-2", "scjg-compiler", "mz-reviewer", "ga-provider", "nobody-3"]
    assert len(names) == PER_ADDRESS
    assert [wrong(throttled, name, sprayer) for name in names] == [401] * PER_ADDRESS
    known = sign_in(throttled, "scjg-sharing", sprayer)
    unknown = sign_in(throttled, "nobody-4", sprayer, "x")
    assert retry_after(known) == retry_after(unknown)  # no hint which accounts exist
    assert sign_in(throttled, "scjg-sharing", elsewhere).status_code == 200
    clock.advance(retry_after(known))
    assert sign_in(throttled, "scjg-sharing", sprayer).status_code == 200


def test_many_addresses_against_one_account_lock_it_everywhere_for_a_while(
    throttled: Platform, clock: ServerClock
) -> None:
    addresses = [f"203.0.113.{n}" for n in range(PER_ACCOUNT // 2)]
    for address in addresses:
        for _ in range(2):  # below the limit for one account from one address
            assert wrong(throttled, "sjz-reviewer", address) == 401
    wait = retry_after(sign_in(throttled, "sjz-reviewer", "203.0.113.200"))
    assert LOCKOUT - 5 <= wait <= LOCKOUT
    clock.advance(wait)
    assert sign_in(throttled, "sjz-reviewer", "203.0.113.200").status_code == 200
