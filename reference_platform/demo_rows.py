"""Made-up data rows for the demo resources: deterministic, plausible, and obviously fictional."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
_GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛")
_STREETS = ("中华北大街", "裕华路", "建设大街", "和平路", "槐安路", "友谊大街", "体育大街")
_DISTRICTS = ("长安区", "桥西区", "新华区", "裕华区")
_VEHICLES = ("小型轿车", "小型普通客车", "轻型货车", "中型客车")
_FIRMS = ("科技", "商贸", "建筑", "物流", "餐饮", "文化")
_MARRIAGE = ("结婚", "离婚")
_CERTS = ("营业执照", "食品经营许可证", "道路运输经营许可证")
_BASE = date(1960, 1, 1)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _resident_id(rng: random.Random) -> str:
    """A GB 11643 number with a valid check character (region 130102, a fictional person)."""
    born = _BASE + timedelta(days=rng.randrange(365 * 45))
    body = f"130102{born:%Y%m%d}{rng.randrange(1000):03d}"
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]
    return body + check


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))


def _by_name(name: str, rng: random.Random) -> str | None:
    """A value for well-known item names; None when the name is not one of them."""
    makers: dict[str, Callable[[], str]] = {
        "公民身份号码": lambda: _resident_id(rng),
        "男方公民身份号码": lambda: _resident_id(rng),
        "女方公民身份号码": lambda: _resident_id(rng),
        "姓名": lambda: _name(rng),
        "法定代表人": lambda: _name(rng),
        "性别": lambda: rng.choice(("1", "2")),
        "户籍地址": lambda: (
            f"石家庄市{rng.choice(_DISTRICTS)}{rng.choice(_STREETS)}{rng.randint(1, 300)}号"
        ),
        "号牌号码": lambda: f"冀A{rng.randrange(100000):05d}",
        "车辆类型": lambda: rng.choice(_VEHICLES),
        "登记类型": lambda: rng.choice(_MARRIAGE),
        "证照名称": lambda: rng.choice(_CERTS),
        "统一社会信用代码": lambda: f"91130100MA{rng.randrange(10**8):08d}",
    }
    maker = makers.get(name)
    if maker is not None:
        return maker()
    if name.endswith("名称") or name == "持证主体":
        return f"石家庄{rng.choice(_FIRMS)}有限公司{rng.randint(1, 99)}号"
    return None


def _by_type(data_type: str, rng: random.Random) -> str:
    if data_type in {"D", "T"}:
        return (_BASE + timedelta(days=rng.randrange(365 * 60))).isoformat()
    if data_type in {"I", "N"}:
        return str(rng.randint(1, 6))
    if data_type in {"Y", "B", "F"}:
        return f"{rng.randint(300, 2_000_000) / 100:.2f}"
    if data_type == "L":
        return rng.choice(("true", "false"))
    if data_type == "M":
        return "示例说明文字"
    return f"示例{rng.randrange(10_000):04d}"


def demo_rows(resource_code: str, items: list[tuple[str, str]], count: int) -> list[list[str]]:
    """`count` rows of values for `items` (name, data type), the same for the same code."""
    rng = random.Random(f"govshare-demo:{resource_code}")  # noqa: S311 - demo data, not secrets
    rows = []
    for _ in range(count):
        rows.append([_by_name(name, rng) or _by_type(kind, rng) for name, kind in items])
    return rows
