"""The demo world that `seed --demo` creates: a city government, three bureaus, catalogs,
the city's sharing authority, share requests in several states, grants, rows and notices.

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
    authority_of: str | None = None  # set on a sharing authority: the level it serves

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
AUTHORITY = "SJZ-XXGX"

UNITS = (
    DemoUnit(SUPERIOR, "石家庄市人民政府", None, "40000101"),
    DemoUnit("SJZ-GA", "石家庄市公安局", SUPERIOR, "40000202"),
    DemoUnit("SJZ-MZ", "石家庄市民政局", SUPERIOR, "40000303"),
    DemoUnit("SJZ-SCJG", "石家庄市市场监督管理局", SUPERIOR, "40000404"),
    # The sharing authority of the city level (信息共享主管部门, Art. 5).
    DemoUnit(AUTHORITY, "石家庄市信息共享主管部门", SUPERIOR, "40000505", authority_of=SUPERIOR),
)

COMPILER, REVIEWER = "compiler", "reviewer"
REQUESTER, PROVIDER, AUTHORITY_ROLE = "requester", "provider", "authority"

OFFICERS = (
    DemoOfficer("sjz-compiler", "赵敏", SUPERIOR, (COMPILER,)),
    DemoOfficer("sjz-reviewer", "钱伟", SUPERIOR, (REVIEWER,)),
    DemoOfficer("ga-compiler", "孙丽", "SJZ-GA", (COMPILER,)),
    DemoOfficer("ga-reviewer", "李强", "SJZ-GA", (REVIEWER,)),
    DemoOfficer("mz-compiler", "周静", "SJZ-MZ", (COMPILER,)),
    DemoOfficer("mz-reviewer", "吴刚", "SJZ-MZ", (REVIEWER,)),
    DemoOfficer("scjg-compiler", "郑洁", "SJZ-SCJG", (COMPILER, REVIEWER)),
    DemoOfficer("ga-requester", "王芳", "SJZ-GA", (REQUESTER,)),
    DemoOfficer("ga-provider", "冯军", "SJZ-GA", (PROVIDER,)),
    DemoOfficer("mz-requester", "陈晨", "SJZ-MZ", (REQUESTER,)),
    DemoOfficer("mz-provider", "褚红", "SJZ-MZ", (PROVIDER,)),
    DemoOfficer("scjg-sharing", "卫东", "SJZ-SCJG", (REQUESTER, PROVIDER)),
    DemoOfficer("sjz-authority", "蒋华", AUTHORITY, (AUTHORITY_ROLE,)),
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


ROWS_PER_RESOURCE = 40


@dataclass(frozen=True, slots=True)
class DemoShareRequest:
    """A request and the steps it has gone through: (action, officer, body)."""

    requester: str  # username
    provider_unit_code: str
    resource_code: str
    data_items: tuple[str, ...]
    purpose: str
    legal_basis: str
    steps: tuple[tuple[str, str, dict[str, object]], ...]
    revoke: str | None = None  # revoke the resulting grant with this reason


_GRANT_TERMS = {"allow_offline_cache": True, "allow_export": False}

SHARE_REQUESTS = (
    DemoShareRequest(
        "mz-requester", "SJZ-GA", "101001/000001", ("公民身份号码", "姓名", "户籍地址"),
        "婚姻登记时核验当事人身份与户籍信息。", "《婚姻登记条例》第七条",
        (("submit", "mz-requester", {}),
         ("agree", "ga-provider", {"text": "同意按申请内容共享。"}),
         ("file", "mz-requester", {"text": "双方协商一致，报请备案。"}),
         ("grant", "sjz-authority", {"text": "准予授权。", "terms": _GRANT_TERMS})),
    ),
    DemoShareRequest(
        "ga-requester", "SJZ-MZ", "305001/000001", ("登记类型", "男方公民身份号码", "登记日期"),
        "户籍变更业务中核验婚姻状况。", "《户口登记条例》",
        (("submit", "ga-requester", {}),
         ("agree", "mz-provider", {}),
         ("file", "ga-requester", {}),
         ("grant", "sjz-authority", {"terms": _GRANT_TERMS})),
        revoke="监测发现超出授权用途使用，撤销授权（Art. 15）。",
    ),
    DemoShareRequest(
        "scjg-sharing", "SJZ-GA", "303001/000001", ("号牌号码", "车辆类型"),
        "市场主体名下车辆信息用于信用监管。", "",
        (("submit", "scjg-sharing", {}),
         ("decline", "ga-provider", {"text": "用途不属于法定职责范围，暂不同意共享。"}),
         ("apply", "scjg-sharing", {"text": "信用监管属本单位法定职责，申请主管部门协调。"}),
         ("request-explanation", "sjz-authority",
          {"text": "请于十五日内书面说明不予共享的理由。"})),
    ),
    DemoShareRequest(
        "ga-requester", "SJZ-SCJG", "102001/000001", ("主体名称", "统一社会信用代码"),
        "治安管理中核验市场主体登记状态。", "", (),
    ),
    DemoShareRequest(
        "mz-requester", "SJZ-SCJG", "102001/000001", ("主体名称", "成立日期"),
        "社会组织登记中比对同名市场主体。", "", (("submit", "mz-requester", {}),),
    ),
    DemoShareRequest(
        "ga-requester", "SJZ-MZ", "305003/000001", ("公民身份号码", "月保障金额"),
        "治安救助中核验低保对象身份。", "",
        (("submit", "ga-requester", {}),
         ("dispute-secrecy", "mz-provider",
          {"text": "低保对象名单是否属于国家秘密存在争议，提请保密部门确定。"})),
    ),
)  # fmt: skip

OBJECTION = {
    "raiser": "mz-requester",
    "request": 0,  # the grant of SHARE_REQUESTS[0]
    "data_item": "户籍地址",
    "aspect": "timeliness",
    "description": "部分人员户籍地址已迁出但仍显示原地址，请核实更新。",
}

NOTICE = {
    "issuer": "sjz-authority",
    "title": "关于本季度政务信息资源共享情况的通报",
    "body": "本季度各单位共享申请办理总体及时。请按期完成目录备案更新，"
    "并对超期未说明理由的共享申请于五个工作日内书面说明。",
    "unit_codes": ("SJZ-GA", "SJZ-MZ", "SJZ-SCJG"),
}
