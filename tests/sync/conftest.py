"""A seeded reference platform (faults enabled) shared by a module, and client PCs on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.platform.conftest import Platform, assert_clean_log, seed, start_platform
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
