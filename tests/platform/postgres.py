"""A throwaway PostgreSQL cluster for the platform tests: initdb in a temp dir, loopback only.

The server binaries come from $PG_BINDIR, PATH or Debian's /usr/lib/postgresql/<ver>/bin
(package `postgresql`). PostgreSQL refuses to run as root, so under root the cluster belongs to the
`postgres` system user (the package creates it) and every server command runs as that user.
The cluster listens on 127.0.0.1 and on a socket in its own directory, requires a password,
and is stopped and deleted when the session ends.
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

SERVICE_USER = "postgres"
SUPERUSER = "govshare"
DEBIAN_ROOT = Path("/usr/lib/postgresql")
BINDIR_ENV = "PG_BINDIR"  # where initdb is, when neither PATH nor Debian's layout says
# Not UTC on purpose: the platform must not depend on the server's time zone.
SERVER_TIMEZONE = "Asia/Shanghai"


def _version_key(bindir: Path) -> tuple[int, ...]:
    """(15,) for /usr/lib/postgresql/15/bin."""
    return tuple(int(part) for part in re.findall(r"\d+", bindir.parent.name))


def find_bindir() -> Path | None:
    """The directory holding initdb, pg_ctl and postgres: $PG_BINDIR, PATH, or Debian's."""
    if os.environ.get(BINDIR_ENV):
        candidates = [Path(os.environ[BINDIR_ENV])]  # only there: set it to rule others out
    else:
        on_path = shutil.which("initdb")
        candidates = [Path(on_path).resolve().parent] if on_path else []
        debian = [p.parent for p in DEBIAN_ROOT.glob("*/bin/initdb")]
        candidates += sorted(debian, key=_version_key, reverse=True)
    for bindir in candidates:
        if all(os.access(bindir / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres")):
            return bindir
    return None


def unavailable_reason() -> str | None:
    """Why no cluster can be started here, or None when one can."""
    if importlib.util.find_spec("psycopg") is None:
        return "the PostgreSQL driver is missing: pip install -e '.[test]' (psycopg)"
    if find_bindir() is None:
        return (
            "the PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
            "apt-get install postgresql"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVICE_USER)
        except KeyError:
            return f"running as root and there is no {SERVICE_USER!r} user to run PostgreSQL as"
    return None


@dataclass
class Cluster:
    """One initdb'd cluster in `root`; `start`, `create_database`, `stop`."""

    bindir: Path
    root: Path
    port: int
    password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    _identity: dict[str, Any] = field(default_factory=dict)
    _started: bool = False
    _databases: int = 0

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_path(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres") -> str:
        return URL.create(
            "postgresql+psycopg",
            username=SUPERUSER,
            password=self.password,
            host="127.0.0.1",
            port=self.port,
            database=database,
        ).render_as_string(hide_password=False)

    def _run(self, *args: str, timeout: float = 120) -> None:
        result = subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            cwd=self.root,
            env={"PATH": os.defpath, "LC_ALL": "C", "TZ": "UTC"},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            **self._identity,
        )
        if result.returncode != 0:
            log = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
            raise RuntimeError(f"{args[0]} failed:\n{result.stdout}{result.stderr}\n{log}")

    def init(self) -> None:
        """initdb as the service user (under root) into a directory that user owns."""
        if os.geteuid() == 0:
            user = pwd.getpwnam(SERVICE_USER)
            self._identity = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self.root.chmod(0o700)
        password_file = self.root / "password"
        password_file.write_text(self.password + "\n")
        if self._identity:
            os.chown(password_file, self._identity["user"], self._identity["group"])
        self._run(
            "initdb",
            "--pgdata",
            str(self.data_dir),
            "--username",
            SUPERUSER,
            "--pwfile",
            str(password_file),
            "--auth",
            "scram-sha-256",
            "--encoding",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        password_file.unlink()

    def start(self) -> None:
        options = [
            "-c listen_addresses=127.0.0.1",
            f"-c port={self.port}",
            f"-c unix_socket_directories={self.root}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=100",
        ]
        if (Path("/usr/share/zoneinfo") / SERVER_TIMEZONE).exists():
            options.append(f"-c timezone={SERVER_TIMEZONE}")
        self._started = True
        self._run(
            "pg_ctl",
            "start",
            "--pgdata",
            str(self.data_dir),
            "--log",
            str(self.log_path),
            "--wait",
            "--timeout",
            "60",
            "--options",
            " ".join(options),
        )

    def create_database(self, prefix: str) -> str:
        """A new empty database; its SQLAlchemy URL."""
        self._databases += 1
        name = f"{re.sub(r'[^a-z0-9_]', '_', prefix.lower())[:40]}_{self._databases}"
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            engine.dispose()
        return self.url(name)

    def log_size(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def errors_since(self, offset: int) -> list[str]:
        """ERROR, FATAL and PANIC lines the server logged after `offset` (a `log_size`)."""
        with self.log_path.open("rb") as log:
            log.seek(offset)
            text = log.read().decode(errors="replace")
        return [line for line in text.splitlines() if re.search(r"\b(ERROR|FATAL|PANIC):", line)]

    def _postmaster_pid(self) -> int | None:
        try:
            return int((self.data_dir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        """Stop the server (fast shutdown; by PID if pg_ctl cannot) and delete the cluster."""
        try:
            if self._started:
                self._started = False
                try:
                    self._run("pg_ctl", "stop", "--pgdata", str(self.data_dir), "--mode", "fast")
                except (RuntimeError, subprocess.TimeoutExpired):
                    self._kill_postmaster()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _kill_postmaster(self) -> None:
        pid = self._postmaster_pid()
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGQUIT)  # immediate shutdown of the postmaster and children
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                os.kill(pid, 0)
                time.sleep(0.1)  # waiting on another process to exit
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def start_cluster(port: int) -> Cluster:
    """initdb and start a cluster in a fresh directory (world-traversable parent: /tmp)."""
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError(unavailable_reason())
    # Not under pytest's basetemp: that is private to root (0700) and the server runs as
    # the service user, so it could not reach its own data directory there.
    # Under root, /tmp rather than $TMPDIR, which may be private to root as well.
    parent = "/tmp" if os.geteuid() == 0 and Path("/tmp").is_dir() else None  # noqa: S108
    root = Path(tempfile.mkdtemp(prefix="govshare-pg-", dir=parent))
    cluster = Cluster(bindir, root, port)
    try:
        cluster.init()
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster
