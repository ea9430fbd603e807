"""Excel import speed and memory, as whole processes (DESIGN §6: import ≤ 4× a bare read; < 400 MB).

    python bench/bench_import.py [--resources 10000] [--items 10] [--runs 5]
                                 [--layout both|merged|two_sheet] [--keep DIR] [--no-detail]

Writes two catalog workbooks of the same content (10,000 resources, 100,000 data items):

- **merged**: one sheet (title rows, two-row header, every resource a block of `items`
  rows, its resource columns filled on the block's first row only, as merged cells read);
- **two_sheet**: a 信息资源 sheet, one resource per row, and a 信息项 sheet whose rows name
  their resource by 信息资源代码.

Then, for each layout, after one untimed warm-up of each command (so `.pyc` files exist,
even where the shell sets PYTHONDONTWRITEBYTECODE: an installed app runs compiled),
it times in turn, run after run, whole processes from their start to their exit:

- **bare**: `python -c` opening the file with python-calamine and reading every sheet's rows;
- **import**: `govshare import-catalog FILE --home NEWDIR`, a new, empty data directory each
  run: start-up, DB creation, safety check, parse, validate, store, durable commit, exit;
- **floor** (unless `--no-detail`): a whole process that only reads the file with calamine
  and stores the same rows with plain sqlite3 into a copy of an empty app DB (multi-row
  INSERTs, the search rows, a durable commit), with no checks and no domain objects: the
  unavoidable part, which no import can beat.

Prints min / median of each, the ratio of the medians (budget 4×), the median of the
run-by-run ratios, the ratio of CPU times, and the import process's peak RSS (`wait4`'s
rusage of that child; budget 400 MB). Unless `--no-detail`, it then prints the import's
phases, in one process (`AppContext` as the CLI builds it): imports, opening the new data
directory (DB creation), read (safety scan, calamine, parse), check (the editor's rules),
store (one transaction and its durable commit).

Asserts nothing.
"""

# ruff: noqa: SIM905 - the word list reads best as one string
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from govshare_desktop.domain.credit_code import check_character

FIELDS = (
    "统一社会信用代码 名称 法定代表人 注册资本 成立日期 住所 经营范围 登记机关 核准日期 状态 "
    "公民身份号码 姓名 性别 民族 出生日期 户籍地址 联系电话 参保日期 缴费基数 单位编号"
).split()
TYPES = ("字符型C", "数值型N", "日期型D", "字符型", "C")
TOP = [
    "序号", "信息资源分类", None, None, None, "信息资源名称", "信息资源代码", "信息资源提供方",
    "信息资源提供方代码", "信息资源摘要", "信息资源格式", "信息项", None, None, "共享属性", None,
    None, "不予共享依据", "开放属性", None, "更新周期", "发布日期",
]  # fmt: skip
SUB = [
    None, "类", "项", "目", "细目", None, None, None, None, None, None, "信息项名称", "数据类型",
    "数据长度", "共享类型", "共享条件", "共享方式", None, "是否向社会开放", "开放条件", None, None,
]  # fmt: skip
# The two-sheet layout: one header row per sheet, the items linked by the resource code.
RESOURCE_HEADER = [
    "序号", "类", "项", "目", "细目", "信息资源名称", "信息资源代码", "信息资源提供方",
    "信息资源提供方代码", "信息资源摘要", "信息资源格式", "共享类型", "共享条件", "共享方式",
    "不予共享依据", "是否向社会开放", "开放条件", "更新周期", "发布日期",
]  # fmt: skip
ITEM_HEADER = ["信息资源代码", "信息项名称", "数据类型", "数据长度"]
LAYOUTS = ("merged", "two_sheet")

# The baseline: open the file and read every sheet's rows, as the import's reader does.
BARE = """
import sys
import python_calamine
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
cells = 0
for name in book.sheet_names:
    rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    cells += sum(map(len, rows))
print(cells)
"""

# The import in one process, phase by phase, from the service's own progress reports.
PHASES = """
import time
began = time.perf_counter()
import json, sys
from pathlib import Path
from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.progress import Progress
imported = time.perf_counter()
ctx = AppContext.open(sys.argv[2])
opened = time.perf_counter()
marks = {}
def sink(done, total, phase):
    marks.setdefault(phase or "", time.perf_counter())
report = ctx.services.catalog_import.run(Path(sys.argv[1]), progress=Progress(sink))
end = time.perf_counter()
ctx.close()
closed = time.perf_counter()
print(json.dumps({"ok": report.ok, "new": report.new, "items": report.data_items,
                  "errors": len(report.errors), "phases": {
    "imports": imported - began, "open (new DB)": opened - imported,
    "read": marks["check"] - marks["read"], "check": marks["store"] - marks["check"],
    "store": end - marks["store"], "close": closed - end}}))
"""

# The least any import must do, written bare, as a whole process: read the file, then store
# the same rows (resources, data items, search entries) into a copy of an empty app DB with
# multi-row INSERTs and a durable commit: no checks, no domain objects, ids from a counter,
# the cyclic collector off.
FLOOR = """
import gc, sqlite3, sys
from itertools import chain
import python_calamine
gc.disable()
db = sqlite3.connect(sys.argv[2], isolation_level=None)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = FULL")
db.execute("PRAGMA cache_size = -65536")
def insert(table, columns, rows):
    one = "(" + ",".join("?" * len(columns)) + ")"
    head = f"INSERT INTO {table} ({','.join(columns)}) VALUES "
    for at in range(0, len(rows), 500):
        chunk = rows[at:at + 500]
        db.execute(head + ",".join([one] * len(chunk)), list(chain.from_iterable(chunk)))
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
sheets = [book.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in book.sheet_names]
now, resources, items, search, by_code = "2025-06-01 00:00:00", [], [], [], {}
def resource(n, c, o):  # o: where the columns after 信息资源格式 start
    rid = f"r{n:035d}"
    by_code[c[6]] = (rid, [])
    search.append((rid, c[5], c[9], by_code[c[6]][1]))
    fmt, _, detail = c[10].partition("/")
    resources.append((rid, "", c[1], c[2], c[3], c[4], str(int(c[0])), c[6], c[5], c[7],
        c[8], c[9], fmt, detail, c[o], c[o + 1], c[o + 2], c[o + 3], c[o + 4] == "是",
        c[o + 5], c[o + 6], "2025-06-01", "[]", False, "", "{}", 1, "pending", False, now, now))
    return rid
def item(n, rid, names, name, kind, length):
    names.append(name)
    items.append((f"i{n:035d}", rid, len(names) - 1, name, kind, int(length), "", "", "{}"))
if len(sheets) == 1:  # merged blocks under a two-row header
    for n, c in enumerate(sheets[0][4:]):
        if c[11] == "":  # the empty row and the note under the table
            continue
        if c[6] != "":
            rid, names = resource(n, c, 14), by_code[c[6]][1]
        item(n, rid, names, c[11], c[12], c[13])
else:  # 信息资源 and 信息项, one header row each
    for n, c in enumerate(sheets[0][1:]):
        resource(n, c, 11)
    for n, c in enumerate(sheets[1][1:]):
        rid, names = by_code[c[0]]
        item(n, rid, names, c[1], c[2], c[3])
db.execute("BEGIN")
insert("resources", ("id", "unit_code", "class_category", "class_item", "class_subject",
    "class_detail", "sequence", "code", "name", "provider_name", "provider_code", "abstract",
    "format_category", "format_detail", "share_type", "share_conditions", "share_method",
    "legal_basis", "open_to_society", "open_conditions", "update_cycle", "published_on",
    "related_codes_json", "secret", "one_source_note", "extra_json", "local_rev", "sync_state",
    "deleted", "created_at", "updated_at"), resources)
insert("data_items", ("id", "resource_id", "position", "name", "data_type", "length",
    "share_conditions", "description", "extra_json"), items)
insert("resource_search", ("resource_id", "name", "abstract", "item_names"),
       [(r, n, a, " ".join(i)) for r, n, a, i in search])
db.execute("COMMIT")
db.close()
print(len(resources), len(items))
"""


def provider_code(n: int) -> str:
    first17 = f"1113{n:013d}"
    return first17 + check_character(first17)


@dataclass(frozen=True, slots=True)
class BenchResource:
    """One resource's cells, shared by both layouts so they hold the same catalog."""

    head: list[object]  # 序号 … 信息资源格式
    tail: list[object]  # 共享类型 … 发布日期
    items: list[list[object]]  # 信息项名称, 数据类型, 数据长度

    @property
    def code(self) -> object:
        return self.head[6]


def catalog(resources: int, items: int) -> list[BenchResource]:
    shares = (("无条件共享", "", ""), ("有条件共享", "经审批后共享", ""),
              ("不予共享", "", "《中华人民共和国保守国家秘密法》"))  # fmt: skip
    made = []
    for i in range(resources):
        share, conditions, basis = shares[i % 3]
        item, subject = f"{i % 90 + 10:02d}", f"{i % 900 + 100:03d}"
        head: list[object] = [
            float(i + 1), "3", item, subject, "", f"资源{i}·{FIELDS[i % 20]}信息",
            f"3{item}{subject}/{i + 1:06d}", "某某省某某厅", provider_code(i % 50),
            f"全省{FIELDS[i % 20]}相关数据，第{i}号", "数据库/MySQL",
        ]  # fmt: skip
        tail: list[object] = [share, conditions, "共享平台/接口", basis, "否" if i % 2 else "是",
                              "" if i % 2 else "依申请开放", "每月", "2025年6月1日"]  # fmt: skip
        cells = [[f"{FIELDS[(i + j) % 20]}{j}", TYPES[j % 5], float(20 + j)] for j in range(items)]
        made.append(BenchResource(head, tail, cells))
    return made


def write_merged(path: Path, resources: list[BenchResource]) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("信息资源目录")
    sheet.append(["某某省某某厅政务信息资源目录"])
    sheet.append(["填报单位：某某厅        填报日期：2025年6月1日"])
    sheet.append(TOP)
    sheet.append(SUB)
    for r in resources:
        for j, cells in enumerate(r.items):
            sheet.append(r.head + cells + r.tail if j == 0 else [None] * 11 + cells)
    sheet.append([])
    sheet.append(["注：1. 带*号的为必填项。"])
    book.save(path)


def write_two_sheets(path: Path, resources: list[BenchResource]) -> None:
    book = Workbook(write_only=True)
    resource_sheet = book.create_sheet("信息资源")
    item_sheet = book.create_sheet("信息项")
    resource_sheet.append(RESOURCE_HEADER)
    item_sheet.append(ITEM_HEADER)
    for r in resources:
        resource_sheet.append(r.head + r.tail)
        for cells in r.items:
            item_sheet.append([r.code, *cells])
    book.save(path)


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float  # wall time, start to exit
    cpu: float  # user + system seconds of the process: steadier on a shared machine
    peak_mb: float
    stdout: str


# The children may write bytecode, whatever this shell says: an installed app runs from
# compiled modules, and the warm-up is there to compile them once (with
# PYTHONDONTWRITEBYTECODE set, every run compiled the whole package again, 0.15 s of CPU).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(argv: Sequence[str]) -> Run:
    """Start `argv`, wait for it, and return its wall time and peak RSS (its own rusage)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=CHILD_ENV
        )
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if child.returncode != 0:
        raise SystemExit(f"{argv[:3]} exited {child.returncode}:\n{stdout}\n{stderr}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)


def govshare() -> list[str]:
    """The installed `govshare` command beside this interpreter, as an officer runs it."""
    script = Path(sys.executable).with_name("govshare")
    return [str(script)] if script.exists() else [sys.executable, "-m", "govshare_desktop.cli"]


def spread(runs: Sequence[Run]) -> str:
    times = [r.seconds * 1000 for r in runs]
    return f"min {min(times):.0f} ms, median {statistics.median(times):.0f} ms"


def empty_app_db(work: Path) -> Path:
    """A data directory the app made and closed, its DB at head: the floor's starting point."""
    home = work / "empty-home"
    run_process([*govshare(), "db", "upgrade", "--home", str(home)])
    return home / "govshare.db"


def write_workbooks(
    folder: Path, layouts: Sequence[str], resources: int, items: int
) -> dict[str, Path]:
    """The workbook of each layout (kept ones reused), all of the same catalog."""
    writers: dict[str, Callable[[Path, list[BenchResource]], None]] = {
        "merged": write_merged,
        "two_sheet": write_two_sheets,
    }
    made: list[BenchResource] | None = None
    files = {}
    for layout in layouts:
        path = folder / f"catalog-{layout}-{resources}x{items}.xlsx"
        if not path.exists():
            made = made or catalog(resources, items)
            started = time.perf_counter()
            writers[layout](path, made)
            print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) "
                  f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        files[layout] = path
    return files


class WholeProcesses:
    """The two commands of the budget, each started as an officer's shell would."""

    def __init__(self, work: Path, resources: int) -> None:
        self.work = work
        self.resources = resources
        self.homes = 0

    def bare(self, path: Path) -> Run:
        return run_process([sys.executable, "-c", BARE, str(path)])

    def full(self, path: Path) -> Run:
        self.homes += 1
        home = self.work / f"home{self.homes}"  # a new data directory every run
        found = run_process([*govshare(), "import-catalog", str(path), "--home", str(home),
                             "--json"])  # fmt: skip
        shutil.rmtree(home, ignore_errors=True)
        said = json.loads(found.stdout)
        if not said["stored"] or said["new"] != self.resources:
            raise SystemExit(f"the import did not store the workbook: {found.stdout[:500]}")
        return found

    def floor(self, path: Path) -> Run:
        template = self.work / "empty-home" / "govshare.db"
        if not template.exists():
            empty_app_db(self.work)  # made once, outside any timing
        self.homes += 1
        db = self.work / f"floor{self.homes}.db"
        shutil.copyfile(template, db)
        found = run_process([sys.executable, "-c", FLOOR, str(path), str(db)])
        db.unlink()
        return found


def print_ratios(layout: str, found: dict[str, list[Run]]) -> None:
    bare, full = found["bare"], found["import"]
    ratio = statistics.median(r.seconds for r in full) / statistics.median(r.seconds for r in bare)
    paired = statistics.median(i.seconds / b.seconds for i, b in zip(full, bare, strict=True))
    cpu = statistics.median(r.cpu for r in full) / statistics.median(r.cpu for r in bare)
    print(f"[{layout}] bare calamine read: {spread(bare)}; "
          f"peak {max(r.peak_mb for r in bare):.0f} MB")  # fmt: skip
    print(f"[{layout}] govshare import-catalog into a new data directory: {spread(full)}; "
          f"peak {max(r.peak_mb for r in full):.0f} MB (budget 400 MB)")  # fmt: skip
    print(f"[{layout}] ratio: {ratio:.2f}× the bare read (of the medians; run by run, "
          f"median {paired:.2f}×; budget 4.0×); CPU time {cpu:.2f}×")  # fmt: skip
    floors = found.get("floor")
    if floors:
        floor = statistics.median(r.seconds for r in floors)
        base = statistics.median(r.seconds for r in bare)
        print(f"[{layout}] floor (read, store the same rows bare, durable commit): "
              f"{spread(floors)} = {floor / base:.2f}× the bare read; the import takes "
              f"{statistics.median(r.seconds for r in full) / floor:.2f}× the floor")  # fmt: skip


def print_phases(layout: str, path: Path, runs: int, work: Path) -> None:
    """The import's phases in one process (`AppContext` as the CLI builds it), `runs` times."""
    phases = []
    for run in range(runs):
        home = str(work / f"phases-{layout}-{run}")  # a new data directory each time
        script = [sys.executable, "-c", PHASES, str(path), home]
        phases.append(json.loads(run_process(script).stdout.strip().splitlines()[-1]))
        shutil.rmtree(home, ignore_errors=True)
    if not phases[-1]["ok"]:
        print(f"[{layout}] import found {phases[-1]['errors']} error(s): the workbook is wrong")
    names = phases[-1]["phases"]
    print(f"[{layout}] import phases in one process (median): " + ", ".join(
        f"{name} {statistics.median(p['phases'][name] for p in phases) * 1000:.0f} ms"
        for name in names
    ))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--layout", choices=(*LAYOUTS, "both"), default="both")
    parser.add_argument("--keep", type=Path, help="keep the workbooks in this directory")
    parser.add_argument("--no-detail", action="store_true", help="skip the phases and floor")
    args = parser.parse_args()
    layouts = LAYOUTS if args.layout == "both" else (args.layout,)
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    folder = args.keep or work
    folder.mkdir(parents=True, exist_ok=True)
    files = write_workbooks(folder, layouts, args.resources, args.items)
    run = WholeProcesses(work, args.resources)
    for layout in layouts:  # warm-up: .pyc files written, the files in the page cache
        run.bare(files[layout])
        run.full(files[layout])
    results: dict[str, dict[str, list[Run]]] = {x: {"bare": [], "import": []} for x in layouts}
    for _ in range(args.runs):  # in turn, so a drift of the machine's speed hits all alike
        for layout in layouts:
            results[layout]["bare"].append(run.bare(files[layout]))
            results[layout]["import"].append(run.full(files[layout]))
            if not args.no_detail:
                results[layout].setdefault("floor", []).append(run.floor(files[layout]))
    print(f"workbook: {args.resources} resources, {args.resources * args.items} data items; "
          f"{args.runs} runs of each, whole processes")  # fmt: skip
    for layout in layouts:
        print_ratios(layout, results[layout])
    if not args.no_detail:
        for layout in layouts:
            print_phases(layout, files[layout], args.runs, work)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
