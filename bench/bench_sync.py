"""The first sync of a big catalog, as whole processes, against a bare download of the same
pages in the same run (issue 12: ≤ 2× the bare download).

    python bench/bench_sync.py [--resources 10000] [--items 10] [--runs 5] [--keep DIR]
                               [--no-floor] [--profile N]

What "first sync" means here: the platform already holds the unit's catalog — 10,000
resources with 100,000 data items, plus the demo world — and an officer signs in on a new
PC (an empty data directory) and runs `govshare sync --once`: nothing to push, the whole
change feed to pull, page by page (500 items a page), each page and its cursor stored in
one transaction. That is the pull direction; pushing 10,000 new resources is the import's
and the outbox's business, measured elsewhere.

Set-up (untimed): a seeded reference platform in a temporary SQLite file (the demo world,
then the bulk catalog written through the platform's own service in a few transactions),
served by `govshare-platform serve` on 127.0.0.1. Then, after one untimed warm-up of each,
the two commands take turns, run after run, each a whole process from start to exit:

- **bare**: `python -c` with requests: a password grant, then `GET /changes` page after
  page with the same page size, each body JSON-decoded; nothing stored;
- **sync**: `govshare sync --once --home NEW`, in a data directory signed in beforehand
  (`govshare login`, untimed), with a fresh copy of that signed-in directory each run;
- **floor** (unless `--no-floor`): the bare download, each page then stored with plain
  sqlite3 into a fresh copy of that signed-in DB — the same rows in the same tables
  (resources with their base, data items, search entries) and the cursor, one durable
  transaction a page, with the app connection's pragmas — by `executemany` of tuples built
  straight from the JSON: no checks, no domain objects, no change records. The part no
  first sync can beat: it says how much of the budget storing alone costs.

Prints min / median of each, the ratio of the medians (target ≤ 2×), the median of the
run-by-run ratios, CPU seconds, the sync's peak RSS (its own `wait4` rusage), the floor's
ratio to the bare download and the seconds it spent storing; then the number of HTTP
requests a second sync with nothing to do makes (one: the feed's head). With `--keep DIR`
the seeded platform is kept there and reused by the next run on the same DIR.
Tokens are kept in a throwaway file keyring (tests/support/file_keyring.py). Children may
write bytecode (an installed app runs compiled). Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

UNIT, USER = "SJZ-MZ", "mz-compiler"
PAGE = 500

BARE = """
import sys, requests
api, user, password, page = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
s = requests.Session()
token = s.post(api + "/auth/token", data={"grant_type": "password", "username": user,
               "password": password}, timeout=60).json()["access_token"]
s.headers["Authorization"] = "Bearer " + token
params, items = {"limit": page}, 0
while True:
    body = s.get(api + "/changes", params=params, timeout=(10, 60)).json()
    items += len(body["items"])
    if not body["has_more"]:
        break
    params = {"limit": page, "since": body["next_cursor"]}
print(items)
"""

# The least any first sync must do, written bare, as a whole process: the bare download,
# each page then stored as it came, with plain sqlite3 into a copy of the signed-in data
# directory's DB (same tables, indexes, search table and pragmas as the app's connection):
# per page, one transaction of `executemany` over tuples built straight from the JSON (the
# resource rows with a base of the document's JSON text, their data items, their search
# entries) and the cursor, then a durable commit. No checks, no domain objects, no change
# records, no reading ahead. Prints the feed items and the seconds spent storing.
FLOOR = """
import json, sqlite3, sys, time
import requests
api, user, password, page, path = sys.argv[1:6]
s = requests.Session()
token = s.post(api + "/auth/token", data={"grant_type": "password", "username": user,
               "password": password}, timeout=60).json()["access_token"]
s.headers["Authorization"] = "Bearer " + token
db = sqlite3.connect(path, isolation_level=None)
for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
               "cache_size = -65536"):
    db.execute("PRAGMA " + pragma)
R = ("id", "unit_code", "code", "name", "provider_name", "provider_code", "abstract",
     "format_category", "format_detail", "share_type", "share_conditions", "share_method",
     "legal_basis", "open_to_society", "open_conditions", "update_cycle", "published_on",
     "class_category", "class_item", "class_subject", "class_detail", "related_codes_json",
     "secret", "sequence", "one_source_note", "extra_json", "server_version", "base_json",
     "local_rev", "sync_state", "deleted", "created_at", "updated_at")
I = ("id", "resource_id", "position", "name", "data_type", "length", "share_type",
     "share_conditions", "open_to_society", "description", "extra_json")
def insert(table, columns):
    return f"INSERT INTO {table} ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})"
RS, IS = insert("resources", R), insert("data_items", I)
SS = insert("resource_search", ("resource_id", "name", "abstract", "item_names"))
now, params, count, storing = "2026-01-01 00:00:00.000000", {"limit": page}, 0, 0.0
while True:
    body = s.get(api + "/changes", params=params, timeout=(10, 60)).json()
    count += len(body["items"])
    began = time.perf_counter()
    resources, items, search = [], [], []
    for item in body["items"]:
        if item["type"] != "resource" or item["kind"] != "upsert":
            continue
        d, rid = item["data"], item["id"]
        c, di = d["classification"], d["data_items"]
        resources.append((rid, d["unit_code"], d["code"], d["name"], d["provider_name"],
            d["provider_code"], d["abstract"], d["format_category"] or "", d["format_detail"],
            d["share_type"] or "", d["share_conditions"], d["share_method"] or "",
            d["legal_basis"], d["open_to_society"], d["open_conditions"],
            d["update_cycle"] or "", d["published_on"], c["category"], c["item"], c["subject"],
            c["detail"] or "", json.dumps(d["related_codes"]), False, "", "", "{}",
            item["version"], json.dumps(d, ensure_ascii=False, sort_keys=True), 1, "synced",
            False, now, now))
        items.extend((i["id"], rid, n, i["name"], i["data_type"], i["length"], i["share_type"],
                      i["share_conditions"], i["open_to_society"], i["description"], "{}")
                     for n, i in enumerate(di))
        search.append((rid, d["name"], d["abstract"], " ".join(i["name"] for i in di)))
    db.execute("BEGIN")
    db.executemany(RS, resources)
    db.executemany(IS, items)
    db.executemany(SS, search)
    db.execute("INSERT OR REPLACE INTO sync_meta (key, value) VALUES ('cursor', ?)",
               (body["next_cursor"],))
    db.execute("COMMIT")
    storing += time.perf_counter() - began
    if not body["has_more"]:
        break
    params = {"limit": page, "since": body["next_cursor"]}
db.close()
print(count, storing)
"""


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    cpu: float
    peak_mb: float
    stdout: str


def run_process(argv: Sequence[str], env: dict[str, str] | None = None) -> Run:
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if code != 0:
        raise SystemExit(f"{argv[:4]} exited {code}:\n{stdout}\n{stderr}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)


def govshare() -> list[str]:
    script = Path(sys.executable).with_name("govshare")
    return [str(script)] if script.exists() else [sys.executable, "-m", "govshare_desktop.cli"]


def seed_platform(db_url: str, resources: int, items: int) -> str:
    """The demo world and `resources` more of the unit; the officer's password."""
    from reference_platform.catalog.schemas import ResourceCreate  # noqa: PLC0415
    from reference_platform.catalog.service import create_resource  # noqa: PLC0415
    from reference_platform.context import Principal  # noqa: PLC0415
    from reference_platform.db.database import Database  # noqa: PLC0415
    from reference_platform.seed import seed_demo  # noqa: PLC0415
    from reference_platform.settings import utc_now  # noqa: PLC0415

    db = Database(db_url)
    officers = seed_demo(db, utc_now)
    password = next(o.password for o in officers if o.username == USER)
    principal = Principal(USER, "周静", UNIT, ("compiler",))
    kinds = ("C", "N", "D", "I", "M")
    now = utc_now()
    for start in range(0, resources, 1000):
        with db.write() as session:
            for n in range(start, min(resources, start + 1000)):
                item, subject = f"{n % 90 + 10:02d}", f"{n % 900 + 100:03d}"
                body = ResourceCreate.model_validate(
                    {
                        "code": f"3{item}{subject}/{n + 1:06d}",
                        "name": f"批量资源{n}号",
                        "classification": {"category": "3", "item": item, "subject": subject},
                        "provider_name": "石家庄市民政局",
                        "abstract": f"性能测试用的第{n}个资源，含{items}个信息项",
                        "format_category": "database",
                        "format_detail": "MySQL",
                        "share_type": "unconditional",
                        "share_method": "platform_interface",
                        "update_cycle": "monthly",
                        "data_items": [
                            {
                                "id": str(uuid.uuid4()),
                                "name": f"信息项{j}",
                                "data_type": kinds[j % 5],
                                "length": 20 + j,
                            }
                            for j in range(items)
                        ],
                    }
                )
                create_resource(
                    session, principal, str(uuid.uuid4()), body=body, op_id=None, now=now
                )
    return password


def seeded_platform(work: Path, db_url: str, resources: int, items: int, *, reuse: bool) -> str:
    """The platform's DB in `work`, seeded (or, with `reuse`, as a kept `work` holds it from
    an earlier run of the same size); the officer's password."""
    seeded = work / f"seeded-{resources}x{items}.json"
    if reuse and seeded.exists() and (work / "platform.db").exists():
        print(f"reusing the platform seeded in {work}")
        return str(json.loads(seeded.read_text(encoding="utf-8"))["password"])
    for stale in work.glob("platform.db*"):
        stale.unlink()
    began = time.perf_counter()
    password = seed_platform(db_url, resources, items)
    seeded.write_text(json.dumps({"password": password}), encoding="utf-8")
    print(f"seeded {resources} resources × {items} items in "
          f"{time.perf_counter() - began:.0f} s")  # fmt: skip
    return password


def start_server(db_url: str, work: Path) -> tuple[subprocess.Popen[bytes], str]:
    import socket  # noqa: PLC0415

    import requests  # noqa: PLC0415

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (work / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "reference_platform", "serve", "--db", db_url, "--port",
         str(port), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    root = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if requests.get(root + "/api/v1/health", timeout=2).ok:
                return server, root
        except requests.ConnectionError:
            pass
        time.sleep(0.1)  # another process starting; nothing to wait on
    server.kill()
    raise SystemExit("the platform did not start")


def requests_of_a_sync(home: Path) -> int:
    """HTTP requests made by one in-process sync of a data directory that is up to date."""
    import requests  # noqa: PLC0415

    from govshare_desktop.app.context import AppContext  # noqa: PLC0415

    sent = 0
    original = requests.Session.send

    def counting(self: requests.Session, request: requests.PreparedRequest, **kw: object) -> object:
        nonlocal sent
        sent += 1
        return original(self, request, **kw)

    ctx = AppContext.open(home)
    try:
        requests.Session.send = counting  # type: ignore[method-assign]
        result = ctx.services.sync.run_once()
    finally:
        requests.Session.send = original  # type: ignore[method-assign]
        ctx.close()
    if not result.complete:
        raise SystemExit(f"the second sync did not complete: {result}")
    return sent


def profile_sync(home: Path, top: int) -> None:
    """cProfile of one first sync in this process: the calling thread (HTTP, decoding)
    and, separately, the pages' writes on the writer thread (where the store works)."""
    import cProfile  # noqa: PLC0415
    import pstats  # noqa: PLC0415

    from govshare_desktop.app.context import AppContext  # noqa: PLC0415
    from govshare_desktop.sync.pull import Puller  # noqa: PLC0415

    writes = cProfile.Profile()
    apply_page = Puller._apply_page

    def profiled(self: Puller, *args: Any, **kwargs: Any) -> None:
        writes.runcall(apply_page, self, *args, **kwargs)

    ctx = AppContext.open(home)
    calls = cProfile.Profile()
    try:
        Puller._apply_page = profiled  # type: ignore[method-assign]
        result = calls.runcall(ctx.services.sync.run_once)
    finally:
        Puller._apply_page = apply_page  # type: ignore[method-assign]
        ctx.close()
    print(f"profiled sync: {result.outcome.value}, {result.applied} applied")
    print("-- the calling thread")
    pstats.Stats(calls).sort_stats("cumulative").print_stats(top // 3)
    print("-- the pages' writes (writer thread)")
    pstats.Stats(writes).sort_stats("tottime").print_stats(top)


def report(bares: Sequence[Run], syncs: Sequence[Run], floors: Sequence[Run], applied: int) -> None:
    base = statistics.median(r.seconds for r in bares)
    mine = statistics.median(r.seconds for r in syncs)
    pairs = statistics.median(s.seconds / b.seconds for s, b in zip(syncs, bares, strict=True))
    cpu = statistics.median(r.cpu for r in bares), statistics.median(r.cpu for r in syncs)
    print(f"feed items: {int(bares[-1].stdout)}; the sync applied {applied} "
          f"({len(bares)} runs each)")  # fmt: skip
    print(f"bare download: {spread(bares)}, cpu {cpu[0]:.2f} s")
    print(f"govshare sync --once: {spread(syncs)}, cpu {cpu[1]:.2f} s, "
          f"peak RSS {max(r.peak_mb for r in syncs):.0f} MB")  # fmt: skip
    print(f"ratio of medians: {mine / base:.2f}× (target ≤ 2×); "
          f"median of run-by-run ratios {pairs:.2f}×; cpu {cpu[1] / cpu[0]:.2f}×")  # fmt: skip
    if floors:
        floor = statistics.median(r.seconds for r in floors)
        storing = statistics.median(float(r.stdout.split()[1]) for r in floors)
        print(f"floor (the bare download, each page stored bare): {spread(floors)}, "
              f"cpu {statistics.median(r.cpu for r in floors):.2f} s, of which storing "
              f"{storing:.2f} s (median)")  # fmt: skip
        print(f"floor ratio: {floor / base:.2f}× the bare download (storing alone "
              f"{storing / base:.2f}×); the sync takes {mine / floor:.2f}× the floor")  # fmt: skip


def spread(runs: Sequence[Run]) -> str:
    times = [r.seconds for r in runs]
    return f"min {min(times):.2f} s, median {statistics.median(times):.2f} s"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="then profile one in-process sync and print its top N functions",
    )
    parser.add_argument("--no-floor", action="store_true", help="skip the floor runs")
    parser.add_argument("--keep", type=Path, help="work in DIR and leave it (else a temp dir)")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    # The children may write bytecode, whatever this shell says (as in bench_import): an
    # installed app runs from compiled modules, and the warm-up is there to compile them
    # once; with PYTHONDONTWRITEBYTECODE set, every sync compiled the whole package again.
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH")))),
        "PYTHON_KEYRING_BACKEND": "tests.support.file_keyring.FileKeyring",
        "GOVSHARE_TEST_KEYRING": str(work / "keyring.json"),
    }
    os.environ.update(env)
    db_url = f"sqlite:///{work / 'platform.db'}"
    password = seeded_platform(work, db_url, args.resources, args.items, reuse=bool(args.keep))
    server, root = start_server(db_url, work)
    try:
        signed_in = work / "signed-in"
        shutil.rmtree(signed_in, ignore_errors=True)
        login = subprocess.run(
            [*govshare(), "login", "--platform", root, "--user", USER, "--home", str(signed_in)],
            input=password + "\n", capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        if login.returncode != 0:
            raise SystemExit(login.stdout + login.stderr)
        api = root + "/api/v1"
        bare = [sys.executable, "-c", BARE, api, USER, password, str(PAGE)]

        def fresh_home(name: int | str) -> Path:
            """A copy of the signed-in, never-synced data directory, with its own tokens."""
            home = work / f"run-{name}"
            shutil.rmtree(home, ignore_errors=True)
            shutil.copytree(signed_in, home)
            # the tokens are keyed by the data directory: give the copy its own
            keyring = json.loads((work / "keyring.json").read_text(encoding="utf-8"))
            for key, value in list(keyring.items()):
                if str(signed_in) in key:
                    keyring[key.replace(str(signed_in), str(home))] = value
            (work / "keyring.json").write_text(json.dumps(keyring), encoding="utf-8")
            return home

        def sync_run(n: int) -> Run:
            home = fresh_home(n)
            return run_process([*govshare(), "sync", "--once", "--home", str(home), "--json"],
                               env)  # fmt: skip

        def floor_run(n: int) -> Run:
            db = fresh_home(f"floor-{n}") / "govshare.db"
            floor = [sys.executable, "-c", FLOOR, api, USER, password, str(PAGE), str(db)]
            return run_process(floor, env)

        run_process(bare, env)  # warm-up: .pyc files, the server's caches
        sync_run(0)
        bares, syncs, floors = [], [], []
        for n in range(1, args.runs + 1):  # in turn, so a drift of the machine hits all alike
            bares.append(run_process(bare, env))
            syncs.append(sync_run(n))
            if not args.no_floor:
                floors.append(floor_run(n))
        report(bares, syncs, floors, json.loads(syncs[-1].stdout)["applied"])
        print(f"a second sync with nothing to do: {requests_of_a_sync(work / 'run-1')} request(s)")
        if args.profile:
            profile_sync(fresh_home(args.runs + 1), args.profile)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
