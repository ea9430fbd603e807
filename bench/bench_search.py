"""Catalog search latency over 10,000 resources / 100,000 data items (DESIGN §6: median < 20 ms).

    python bench/bench_search.py [--resources 10000] [--items 10]

Builds the catalog through the real repository (index maintenance included) in one
transaction, then times varied queries — three-plus-character Chinese substrings answered
by the trigram index, one- and two-character queries answered by a scan, misses, filters —
against a bare `SELECT count(*)` in the same run. Prints median and p95; asserts nothing.
"""

# ruff: noqa: SIM905 - word lists read best as one string
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.store.repositories.resources import ResourceRepository

SUBJECTS = "企业 人口 法人 社保 医保 教育 交通 住房 税务 气象 环境 农业 水利 卫生 民政 公安".split()
KINDS = "登记 基础 许可 备案 处罚 缴费 参保 年报 资质 监测 统计 档案".split()
FIELDS = (
    "统一社会信用代码 名称 法定代表人 注册资本 成立日期 住所 经营范围 登记机关 核准日期 状态 "
    "公民身份号码 姓名 性别 民族 出生日期 户籍地址 联系电话 参保日期 缴费基数 单位编号"
).split()
SHARE = ("unconditional", "conditional", "not_shared")


def build(ctx: AppContext, resources: int, items: int, rng: random.Random) -> None:
    with ctx.database.write() as session:
        repo = ResourceRepository(session)
        for i in range(resources):
            subject, kind = rng.choice(SUBJECTS), rng.choice(KINDS)
            cls = Classification("3", f"{i % 90 + 10:02d}", f"{i % 900 + 100:03d}")
            repo.save(
                Resource(
                    name=f"{subject}{kind}信息{i}",
                    unit_code=f"U{i % 20}",
                    classification=cls,
                    code=f"{cls.code}/{i:06d}",
                    abstract=f"全省{subject}{kind}相关数据，第{i}号",
                    share_type=SHARE[i % 3],
                    data_items=tuple(
                        DataItem(f"{rng.choice(FIELDS)}{j}", "C", 50) for j in range(items)
                    ),
                )
            )


def timed(call: object) -> float:
    start = time.perf_counter()
    call()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def report(label: str, samples: list[float]) -> None:
    p95 = statistics.quantiles(samples, n=20)[-1]
    print(f"{label:38} median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--home", type=Path, help="reuse (or keep) the built catalog here")
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="govshare-bench-"))
    ctx = AppContext.open(home)
    try:
        if ctx.services.catalog.count() < args.resources:
            start = time.perf_counter()
            build(ctx, args.resources, args.items, random.Random(7))  # noqa: S311 - test data
            print(
                f"built {args.resources:,} resources / {args.resources * args.items:,} data "
                f"items in {time.perf_counter() - start:.1f} s"
            )
        measure(ctx)
    finally:
        ctx.close()
    return 0


def measure(ctx: AppContext) -> None:
    long_queries = (
        [f"{s}{k}" for s in SUBJECTS for k in KINDS[:3]]
        + [f"{f[:3]}" for f in FIELDS]
        + ["不存在的词语", "全省企业登记"]
    )
    short_queries = [s[:1] for s in SUBJECTS] + [f[:2] for f in FIELDS]
    catalog = ctx.services.catalog
    with ctx.database.read() as session:
        bare = [
            timed(lambda: session.execute(text("SELECT count(*) FROM resources")).scalar())
            for _ in range(50)
        ]
    conditional = SearchFilters(share_type="conditional")
    # what the catalog page asks for: summaries of the first 50 hits
    trigram = [timed(lambda q=q: catalog.browse(q, limit=50)) for q in long_queries * 3]
    short = [timed(lambda q=q: catalog.browse(q, limit=50)) for q in short_queries * 3]
    filtered = [timed(lambda q=q: catalog.browse(q, conditional, limit=50)) for q in long_queries]
    # the CLI's search, which loads whole resources with their data items
    full = [timed(lambda q=q: catalog.search(q, limit=50)) for q in long_queries + short_queries]
    report("bare count(*) (baseline)", bare)
    report("page search, 3+ characters (trigram)", trigram)
    report("page search, 1-2 characters (scan)", short)
    report("page search with a share-type filter", filtered)
    report("page search, all queries", trigram + short + filtered)
    report("full resources (CLI search)", full)


if __name__ == "__main__":
    raise SystemExit(main())
