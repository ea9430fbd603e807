"""A real reference platform per test module: seeded database, uvicorn subprocess, HTTP.

The database is a SQLite file; a module that sets `PLATFORM_BACKENDS = BOTH_BACKENDS` runs
each of its tests against PostgreSQL too (a throwaway cluster per session, one database per
module). Without the PostgreSQL binaries those variants are skipped — or fail, under CI.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.platform import postgres
from tests.platform.contract import check_response

API = "/api/v1"
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
BOTH_BACKENDS = (SQLITE, POSTGRESQL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def platform_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "reference_platform", *args]


class Client:
    """An officer's HTTP session; every response is checked against openapi.yaml."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url
        self.session = requests.Session()
        self.raw = requests.Session()  # unchecked, for injected faults
        if token:
            self.use_token(token)

    def use_token(self, token: str) -> None:
        for session in (self.session, self.raw):
            session.headers["Authorization"] = f"Bearer {token}"

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", 30)
        response = self.session.request(method, self.base_url + path, **kwargs)
        check_response(response)
        return response

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("DELETE", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    # -- catalog helpers
    def create(
        self, body: dict[str, Any] | None = None, *, key: str | None = None
    ) -> dict[str, Any]:
        rid = str(uuid.uuid4())
        headers = {"If-None-Match": "*"}
        if key:
            headers["Idempotency-Key"] = key
        response = self.put(
            f"/catalog/resources/{rid}", json=body or {"name": f"资源 {rid[:8]}"}, headers=headers
        )
        assert response.status_code == 201, response.text
        document: dict[str, Any] = response.json()
        return document

    def feed_head(self) -> str:
        """The cursor after everything currently in the unit's feed."""
        cursor: str | None = None
        while True:
            page = self.get("/changes", params={"since": cursor} if cursor else {}).json()
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return str(cursor)

    def feed_since(self, cursor: str | None, limit: int = 500) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        while True:
            params: dict[str, Any] = {"limit": limit}
            if cursor:
                params["since"] = cursor
            page = self.get("/changes", params=params).json()
            items.extend(page["items"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return items


@dataclass
class Platform:
    """A running server and the officers `seed --demo --json` printed."""

    root: str
    db_url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    officers: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def api(self) -> str:
        return self.root + API

    def token(self, username: str) -> dict[str, Any]:
        officer = self.officers[username]
        response = requests.post(
            self.api + "/auth/token",
            data={"grant_type": "password", "username": username, "password": officer["password"]},
            timeout=30,
        )
        check_response(response)
        assert response.status_code == 200, response.text
        tokens: dict[str, Any] = response.json()
        return tokens

    def login(self, username: str) -> Client:
        return Client(self.api, self.token(username)["access_token"])

    def anonymous(self) -> Client:
        return Client(self.api)

    def fault(self, **rule: Any) -> None:
        response = requests.post(self.api + "/_faults", json=rule, timeout=30)
        assert response.status_code == 200, response.text

    def clear_faults(self) -> None:
        requests.delete(self.api + "/_faults", timeout=30).raise_for_status()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


def seed(db_url: str) -> dict[str, dict[str, Any]]:
    result = subprocess.run(
        platform_command("seed", "--db", db_url, "--demo", "--json"),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return {o["username"]: o for o in json.loads(result.stdout)["officers"]}


def start_platform(directory: Path, *extra: str, db_url: str | None = None) -> Platform:
    """Start `govshare-platform serve` on a free loopback port and wait until it answers."""
    directory.mkdir(parents=True, exist_ok=True)
    db_url = db_url or f"sqlite:///{directory / 'platform.db'}"
    port = free_port()
    log_path = directory / f"server-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            platform_command(
                "serve", "--db", db_url, "--port", str(port), "--log-level", "warning", *extra
            ),
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    platform = Platform(f"http://127.0.0.1:{port}", db_url, process, log_path)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise RuntimeError("platform exited:\n" + log_path.read_text(errors="replace"))
        try:
            if requests.get(platform.api + "/health", timeout=2).status_code == 200:
                return platform
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            platform.stop()
            raise RuntimeError("platform did not start:\n" + log_path.read_text(errors="replace"))
        time.sleep(0.05)  # waiting on another process; no signal to wait on


def assert_clean_log(platform: Platform) -> None:
    """Expected conditions log at WARNING at most: a traceback or ERROR is a server bug."""
    text = platform.log_path.read_text(errors="replace")
    assert "Traceback" not in text and "ERROR" not in text, text[-5000:]


def assert_keys_survive_restart(db_url: str, work: Path) -> None:
    """A create sent, the server restarted on the same database, the same create sent again
    with its Idempotency-Key: the stored answer is replayed, not a second create."""
    officers = seed(db_url)
    rid, key = str(uuid.uuid4()), str(uuid.uuid4())
    headers = {"If-None-Match": "*", "Idempotency-Key": key}
    results = []
    for run in range(2):
        server = start_platform(work / f"run{run}", db_url=db_url)
        server.officers = officers
        try:
            client = server.login("ga-compiler")
            results.append(
                client.put(f"/catalog/resources/{rid}", json={"name": "持久"}, headers=headers)
            )
        finally:
            server.stop()
        assert_clean_log(server)
    first, replay = results
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert replay.headers["Idempotent-Replayed"] == "true"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run a module's platform tests on each backend it names in `PLATFORM_BACKENDS`."""
    backends = getattr(metafunc.module, "PLATFORM_BACKENDS", (SQLITE,))
    if "backend" in metafunc.fixturenames and tuple(backends) != (SQLITE,):
        metafunc.parametrize("backend", backends, indirect=True, scope="module")


@pytest.fixture(scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend of this module's platform: sqlite unless parametrized."""
    return str(getattr(request, "param", SQLITE))


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[postgres.Cluster]:
    """One throwaway PostgreSQL cluster for the session, stopped and deleted at its end."""
    reason = postgres.unavailable_reason()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so the PostgreSQL tests must run, but {reason}")
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    cluster = postgres.start_cluster(free_port())
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def new_db_url(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[], str]]:
    """Makes empty databases of the module's backend: SQLite files or PostgreSQL databases."""
    cluster: postgres.Cluster | None = None
    if backend == POSTGRESQL:
        cluster = request.getfixturevalue("postgres_cluster")
    prefix = request.module.__name__.rpartition(".")[2]
    log_offset = cluster.log_size() if cluster is not None else 0

    def make() -> str:
        if cluster is not None:
            return cluster.create_database(prefix)
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'platform.db'}"

    yield make
    if cluster is not None:
        # A failed statement the server swallowed (the access log only warns) shows here.
        errors = cluster.errors_since(log_offset)
        assert not errors, "PostgreSQL logged errors:\n" + "\n".join(errors[:20])


@pytest.fixture(scope="module")
def platform(
    tmp_path_factory: pytest.TempPathFactory, new_db_url: Callable[[], str]
) -> Iterator[Platform]:
    """A seeded server with the fault switch enabled, shared by one test module."""
    directory = tmp_path_factory.mktemp("platform")
    db_url = new_db_url()
    officers = seed(db_url)
    server = start_platform(directory, "--enable-faults", db_url=db_url)
    server.officers = officers
    yield server
    server.stop()
    assert_clean_log(server)


@pytest.fixture
def faults(platform: Platform) -> Iterator[Platform]:
    """The platform, with every armed fault cleared after the test."""
    yield platform
    platform.clear_faults()


@pytest.fixture
def ga(platform: Platform) -> Client:
    """A compiler of 石家庄市公安局 (unit A)."""
    return platform.login("ga-compiler")


@pytest.fixture
def mz(platform: Platform) -> Client:
    """A compiler of 石家庄市民政局 (unit B)."""
    return platform.login("mz-compiler")
