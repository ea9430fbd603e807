"""The demo world that `seed --demo` creates: a city government, three bureaus, catalogs.

Plain data, so trainers can read what they will see; unit credit codes are computed with
valid GB 11714 and GB 32100 check characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from reference_platform.credit_code import make_credit_code

CITY_DIVISION = "130100"  # 石家庄市


@dataclass(frozen=True, slots=True)
class DemoUnit:
    code: str
    name: str
    parent_code: str | None
    org_body: str  # 8 characters of the organization code, before its check character

    @property
    def credit_code(self) -> str:
        # "11": registered by the staffing office (机构编制), an organ of state (机关).
        return make_credit_code("11", CITY_DIVISION, self.org_body)


@dataclass(frozen=True, slots=True)
class DemoOfficer:
    username: str
    display_name: str
    unit_code: str
    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemoResource:
    unit_code: str
    name: str
    classification: tuple[str, str, str]  # 类, 项, 目
    sequence: int
    abstract: str
    share_type: str
    share_conditions: str
    share_method: str
    format_category: str
    format_detail: str
    update_cycle: str
    open_to_society: bool
    data_items: tuple[tuple[str, str, int | None], ...]  # name, data type, length

    @property
    def code(self) -> str:
        category, item, subject = self.classification
        return f"{category}{item}{subject}/{self.sequence:06d}"


SUPERIOR = "SJZ-ZF"

UNITS = (
    DemoUnit(SUPERIOR, "石家庄市人民政府", None, "40000101"),
    DemoUnit("SJZ-GA", "石家庄市公安局", SUPERIOR, "40000202"),
    DemoUnit("SJZ-MZ", "石家庄市民政局", SUPERIOR, "40000303"),
    DemoUnit("SJZ-SCJG", "石家庄市市场监督管理局", SUPERIOR, "40000404"),
)

COMPILER, REVIEWER = "compiler", "reviewer"

OFFICERS = (
    DemoOfficer("sjz-compiler", "赵敏", SUPERIOR, (COMPILER,)),
    DemoOfficer("sjz-reviewer", "钱伟", SUPERIOR, (REVIEWER,)),
    DemoOfficer("ga-compiler", "孙丽", "SJZ-GA", (COMPILER,)),
    DemoOfficer("ga-reviewer", "李强", "SJZ-GA", (REVIEWER,)),
    DemoOfficer("mz-compiler", "周静", "SJZ-MZ", (COMPILER,)),
    DemoOfficer("mz-reviewer", "吴刚", "SJZ-MZ", (REVIEWER,)),
    DemoOfficer("scjg-compiler", "郑洁", "SJZ-SCJG", (COMPILER, REVIEWER)),
)

_PERSON = (("公民身份号码", "C", 18), ("姓名", "C", 50), ("性别", "C", 1), ("出生日期", "D", 8))

RESOURCES = (
    # The superior's catalog: what subordinate units compile theirs from.
    DemoResource(SUPERIOR, "人口基础信息", ("1", "01", "001"), 1,
                 "全市常住人口的基础身份信息目录模板。", "conditional", "仅限政务服务身份核验使用",
                 "platform_interface", "database", "关系型数据库", "daily", False, _PERSON),
    DemoResource(SUPERIOR, "法人单位基础信息", ("1", "02", "001"), 1,
                 "全市法人单位的登记与状态信息目录模板。", "unconditional", "", "platform_database",
                 "database", "关系型数据库", "daily", True,
                 (("单位名称", "C", 200), ("统一社会信用代码", "C", 18), ("成立日期", "D", 8))),
    DemoResource(SUPERIOR, "电子证照目录信息", ("2", "01", "001"), 1,
                 "各部门签发的电子证照目录。", "conditional", "用于政务服务办件材料核验",
                 "platform_interface", "service_interface", "REST 接口", "real_time", False,
                 (("证照名称", "C", 100), ("证照编号", "C", 64), ("持证主体", "C", 200),
                  ("签发日期", "D", 8))),
    DemoResource("SJZ-GA", "常住人口信息", ("1", "01", "001"), 1,
                 "本市户籍及居住登记人口信息。", "conditional", "仅限政务服务身份核验使用",
                 "platform_interface", "database", "Oracle", "daily", False,
                 (*_PERSON, ("户籍地址", "C", 200))),
    DemoResource("SJZ-GA", "机动车登记信息", ("3", "03", "001"), 1,
                 "本市登记机动车的号牌与登记信息。", "conditional", "用于交通、保险相关政务办理",
                 "platform_database", "database", "Oracle", "daily", False,
                 (("号牌号码", "C", 10), ("车辆类型", "C", 20), ("初次登记日期", "D", 8))),
    DemoResource("SJZ-MZ", "婚姻登记信息", ("3", "05", "001"), 1,
                 "结婚、离婚登记记录。", "conditional", "用于户籍、社保等业务核验",
                 "platform_interface", "database", "MySQL", "daily", False,
                 (("登记类型", "C", 10), ("男方公民身份号码", "C", 18),
                  ("女方公民身份号码", "C", 18), ("登记日期", "D", 8))),
    DemoResource("SJZ-MZ", "社会组织登记信息", ("3", "05", "002"), 1,
                 "社会团体、民办非企业单位和基金会的登记信息。", "unconditional", "",
                 "platform_database", "spreadsheet", "XLSX", "monthly", True,
                 (("组织名称", "C", 200), ("统一社会信用代码", "C", 18), ("成立日期", "D", 8),
                  ("业务范围", "M", None))),
    DemoResource("SJZ-MZ", "最低生活保障对象信息", ("3", "05", "003"), 1,
                 "城乡低保对象及保障金发放信息。", "conditional", "仅限社会救助相关业务使用",
                 "platform_file", "spreadsheet", "XLSX", "monthly", False,
                 (("公民身份号码", "C", 18), ("保障人数", "I", 3), ("月保障金额", "Y", 10))),
    DemoResource("SJZ-SCJG", "市场主体登记信息", ("1", "02", "001"), 1,
                 "企业、个体工商户等市场主体的设立、变更、注销登记信息。", "unconditional", "",
                 "platform_database", "database", "MySQL", "real_time", True,
                 (("主体名称", "C", 200), ("统一社会信用代码", "C", 18), ("法定代表人", "C", 50),
                  ("注册资本", "Y", 18), ("成立日期", "D", 8))),
)  # fmt: skip
