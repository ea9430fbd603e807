"""A seeded reference platform (faults enabled) shared by a module, and client PCs on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.platform.conftest import Platform, assert_clean_log, seed, start_platform
from tests.support.proxy import Proxy, faulty_proxy
from tests.sync.officer import OfficerPc
from tests.sync.support import Client

OpenClient = Callable[..., Client]


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    directory = tmp_path_factory.mktemp("platform")
    db_url = f"sqlite:///{directory / 'platform.db'}"
    officers = seed(db_url)
    server = start_platform(directory, "--enable-faults", db_url=db_url)
    server.officers = officers
    yield server
    server.stop()
    assert_clean_log(server)


@pytest.fixture
def faults(platform: Platform) -> Iterator[Platform]:
    yield platform
    platform.clear_faults()


@pytest.fixture
def client(platform: Platform, tmp_path: Path) -> Iterator[OpenClient]:
    """`client("ga-compiler", "pc1")`: that officer's PC with its own data directory."""
    opened: list[Client] = []

    def open_client(username: str = "ga-compiler", pc: str = "pc1") -> Client:
        officer = platform.officers[username]
        token = platform.token(username)["access_token"]
        pc_home = tmp_path / pc
        pc_home.mkdir(exist_ok=True)
        opened.append(Client.open(pc_home, platform.api, token, officer["unit_code"]))
        return opened[-1]

    yield open_client
    for pc in opened:
        pc.close()


@pytest.fixture(scope="module")
def front(platform: Platform) -> Iterator[Proxy]:
    """A proxy before the module's platform that can lose answers (tests/support/proxy.py)."""
    with faulty_proxy(platform.root) as proxy:
        yield proxy


@pytest.fixture
def proxy(front: Proxy, platform: Platform) -> Iterator[Proxy]:
    """The front with no rule armed and no call counted; cleared again after the test."""
    front.clear()
    yield front
    front.clear()
    platform.clear_faults()


OpenOfficer = Callable[..., OfficerPc]


@pytest.fixture
def officer(
    platform: Platform, proxy: Proxy, tmp_path: Path, file_keyring: Path
) -> Iterator[OpenOfficer]:
    """`officer("ga-compiler", "pc1")`: a data directory signed in through the front with
    the product's own sign-in (tokens in the test keyring), closed after the test."""
    opened: list[OfficerPc] = []

    def open_pc(username: str = "ga-compiler", pc: str = "pc1") -> OfficerPc:
        secret = platform.officers[username]["password"]
        opened.append(OfficerPc.sign_in(tmp_path / pc, proxy.root, username, secret))
        return opened[-1]

    yield open_pc
    for pc in opened:
        pc.close()
