"""Excel import speed and memory (DESIGN §6: import ≤ 2× a bare python-calamine read; < 400 MB).

    python bench/bench_import.py [--resources 10000] [--items 10] [--runs 3] [--keep DIR]

Writes a merged-layout catalog workbook (title rows, two-row header, every resource a block
of `items` rows with its data items, valid values in template spellings), then, in the same
run and alternating, times in fresh processes:

- the baseline: a bare python-calamine read of the same file (open, load the sheet, to_python);
- the import: `govshare import-catalog` as the service runs it (parse + validate + store in
  one transaction) into a new, empty data directory;
- the floor: the same read, then the same rows stored with no checks (FLOOR below), which
  no import can beat; it shows how much of the ratio the store alone takes.

Each process reports its own wall time for the measured part and its peak RSS. Prints the
medians, the ratio and the peak memory; asserts nothing.
"""

# ruff: noqa: SIM905 - the word list reads best as one string
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
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

BASELINE = """
import json, resource, sys, time
import python_calamine
start = time.perf_counter()
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "rows": len(rows)}))
"""

IMPORT = """
import json, resource, sys, time
from pathlib import Path
from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.progress import Progress
ctx = AppContext.open(sys.argv[2])
marks = {}
def sink(done, total, phase):
    marks.setdefault(phase or "", time.perf_counter())
start = time.perf_counter()
report = ctx.services.catalog_import.run(Path(sys.argv[1]), progress=Progress(sink))
elapsed = time.perf_counter() - start
end = start + elapsed
phases = {"read": marks["check"] - marks["read"], "check": marks["store"] - marks["check"],
          "store": end - marks["store"]}
ctx.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "ok": report.ok, "new": report.new,
                  "items": report.data_items, "errors": len(report.errors), "phases": phases}))
"""


# The least any import must do, written bare: read the sheet, then store the same rows
# (resources, data items, search entries) into the app's schema with multi-row INSERTs and
# a durable commit: no checks, no domain objects, ids from a counter, the cyclic collector
# off. The app's own
# migrations make the schema beforehand, outside the timed part.
FLOOR = """
import gc, json, resource, sqlite3, sys, time
from itertools import chain
from pathlib import Path
import python_calamine
from govshare_desktop.app.context import AppContext
AppContext.open(sys.argv[2]).close()
db = sqlite3.connect(Path(sys.argv[2]) / "govshare.db", isolation_level=None)
db.execute("PRAGMA synchronous = FULL")
db.execute("PRAGMA cache_size = -65536")
def insert(table, columns, rows):
    one = "(" + ",".join("?" * len(columns)) + ")"
    for at in range(0, len(rows), 500):
        chunk = rows[at:at + 500]
        head = f"INSERT INTO {table} ({','.join(columns)}) VALUES "
        db.execute(head + ",".join([one] * len(chunk)), list(chain.from_iterable(chunk)))
gc.disable()  # as the import does: millions of acyclic objects
start = time.perf_counter()
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
now, resources, items, search, names = "2025-06-01 00:00:00", [], [], [], []
for n, c in enumerate(rows[4:]):
    if c[11] == "":  # the empty row and the note under the table
        continue
    if c[6] != "":
        rid = f"r{n:035d}"
        names = []
        search.append([rid, c[5], c[9], names])
        fmt, _, detail = c[10].partition("/")
        resources.append((rid, "", c[1], c[2], c[3], c[4], str(int(c[0])), c[6], c[5], c[7],
            c[8], c[9], fmt, detail, c[14], c[15], c[16], c[17], c[18] == "是", c[19], c[20],
            "2025-06-01", "[]", False, "", "{}", 1, "pending", False, now, now))
    names.append(c[11])
    items.append((f"i{n:035d}", rid, len(names) - 1, c[11], c[12], int(c[13]), "", "", "{}"))
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
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "items": len(items)}))
"""


def provider_code(n: int) -> str:
    first17 = f"1113{n:013d}"
    return first17 + check_character(first17)


def write_workbook(path: Path, resources: int, items: int) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("信息资源目录")
    sheet.append(["某某省某某厅政务信息资源目录"])
    sheet.append(["填报单位：某某厅        填报日期：2025年6月1日"])
    sheet.append(TOP)
    sheet.append(SUB)
    shares = (("无条件共享", "", ""), ("有条件共享", "经审批后共享", ""),
              ("不予共享", "", "《中华人民共和国保守国家秘密法》"))  # fmt: skip
    for i in range(resources):
        share, conditions, basis = shares[i % 3]
        item, subject = f"{i % 90 + 10:02d}", f"{i % 900 + 100:03d}"
        first = [
            float(i + 1), "3", item, subject, "", f"资源{i}·{FIELDS[i % 20]}信息",
            f"3{item}{subject}/{i + 1:06d}", "某某省某某厅", provider_code(i % 50),
            f"全省{FIELDS[i % 20]}相关数据，第{i}号", "数据库/MySQL",
        ]  # fmt: skip
        tail = [share, conditions, "共享平台/接口", basis, "否" if i % 2 else "是",
                "" if i % 2 else "依申请开放", "每月", "2025年6月1日"]  # fmt: skip
        for j in range(items):
            cells = [f"{FIELDS[(i + j) % 20]}{j}", TYPES[j % 5], float(20 + j)]
            sheet.append(first + cells + tail if j == 0 else [None] * 11 + cells)
    sheet.append([])
    sheet.append(["注：1. 带*号的为必填项。"])
    book.save(path)


def measure(script: str, *args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the workbook in this directory")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    folder = args.keep or work
    path = folder / f"catalog-{args.resources}x{args.items}.xlsx"
    if not path.exists():
        started = time.perf_counter()
        write_workbook(path, args.resources, args.items)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
    bare, full, floor = [], [], []
    for run in range(args.runs):
        bare.append(measure(BASELINE, str(path)))
        full.append(measure(IMPORT, str(path), str(work / f"home{run}")))
        floor.append(measure(FLOOR, str(path), str(work / f"floor{run}")))
    result = full[-1]
    if not result["ok"]:
        print(f"import found {result['errors']} error(s) — the benchmark workbook is wrong")
    base_s = statistics.median(b["seconds"] for b in bare)
    full_s = statistics.median(f["seconds"] for f in full)
    print(f"workbook: {args.resources} resources, {result['items']} data items")
    print(f"bare calamine read: median {base_s * 1000:.0f} ms, "
          f"peak {max(b['peak_mb'] for b in bare):.0f} MB")  # fmt: skip
    print(f"import (parse + validate + store): median {full_s * 1000:.0f} ms, "
          f"peak {max(f['peak_mb'] for f in full):.0f} MB")  # fmt: skip
    print(f"ratio: {full_s / base_s:.2f}× (budget 2.0×); stored {result['new']} new resources")
    phases = {
        name: statistics.median(f["phases"][name] for f in full)  # type: ignore[index]
        for name in ("read", "check", "store")
    }
    print("  import phases (median): " + ", ".join(
        f"{name} {seconds * 1000:.0f} ms" for name, seconds in phases.items()
    ) + " (read: safety scan, calamine, parse; check: the editor's rules; store: one "
        "transaction and its commit)")  # fmt: skip
    floor_s = statistics.median(f["seconds"] for f in floor)
    print(f"floor (the read, then the same rows stored bare, no checks): median "
          f"{floor_s * 1000:.0f} ms = {floor_s / base_s:.2f}× the bare read; "
          f"the import takes {full_s / floor_s:.2f}× the floor")  # fmt: skip


if __name__ == "__main__":
    main()
