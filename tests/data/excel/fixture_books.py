"""What each Excel fixture holds: the clean, tolerant and defect workbooks, each defect with
the findings a correct importer must report next to it. Built with `fixture_model.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fixture_model import (
    DIGITS,
    SJJ,
    TJJ,
    WRONG_CHECK,
    Built,
    Column,
    Dated,
    Escaped,
    Exp,
    Recorder,
    Res,
    code_sheet,
    entry,
    finding,
    item,
    merged_sheet,
    new_book,
    resource,
    two_sheet_book,
)

# ---------------------------------------------------------------- the fixtures

MERGED_COLUMNS = [
    Column("序号"),
    *(Column(k, group="信息资源分类") for k in ("类", "项", "目", "细目")),
    *(
        Column(k)
        for k in (
            "信息资源名称",
            "信息资源代码",
            "信息资源提供方",
            "信息资源提供方代码",
            "信息资源摘要",
            "信息资源格式",
        )
    ),
    *(Column(k, group="信息项") for k in ("信息项名称", "数据类型", "数据长度")),
    *(Column(k, group="共享属性") for k in ("共享类型", "共享条件", "共享方式")),
    Column("不予共享依据"),
    *(Column(k, group="开放属性") for k in ("是否向社会开放", "开放条件")),
    *(Column(k) for k in ("更新周期", "发布日期", "关联资源代码", "是否涉密")),
]


def merged_book(resources: list[Res], title: str, columns: list[Column] = MERGED_COLUMNS) -> Built:
    """The one-sheet merged layout of merged_clean and merged_defects, with a hidden 代码表."""
    wb = new_book()
    sheet = Recorder(wb.create_sheet("信息资源目录"))
    found = merged_sheet(
        sheet,
        columns,
        resources,
        top=[title, "填报单位：某某局      填报日期：2025年6月1日"],
        two_row_header=True,
        notes=["注：1. 带*号的为必填项。", "填表说明：……"],
    )
    share_col = next(i for i, c in enumerate(columns, 1) if c.key == "共享类型")
    rows = range(5, 5 + sum(max(1, len(r.items)) for r in resources))
    codes = code_sheet(wb, sheet, share_col, rows)
    return Built(
        wb,
        {"信息资源目录": sheet, "代码表": codes},
        {"代码表"},
        entry("merged", resources, found),
    )


def merged_clean() -> Built:
    """Four valid resources, blocks of 4/2/4/2 rows, mixed spellings of types and yes/no."""
    resources = [
        resource(
            1,
            "企业登记基本信息",
            [
                item("统一社会信用代码", "字符型C", 18),
                item("企业名称", "字符型", 200),
                item("成立日期", "日期型D", 8),
                item("注册资本", "数值型N", 16),
            ],
            共享类型="有条件共享",
            共享条件="仅用于行政审批与事中事后监管",
            是否向社会开放="是",
            开放条件="脱敏后向社会开放",
            更新周期="每日",
            关联资源代码="301002/000002",
        ),
        resource(
            2,
            "行政处罚案件办理信息",
            [item("案件编号", "C", 32), item("处罚决定日期", "D", None)],
            目="002",
            信息资源代码="301002/000002",
            信息资源格式="电子文件/PDF",
            共享类型="不予共享",
            共享方式="邮件或介质",
            不予共享依据="《中华人民共和国行政处罚法》第四十八条",
            是否向社会开放="否",
            是否涉密="是",
        ),
        resource(
            3,
            "食品经营许可证信息",
            [
                item("许可证编号", "字符型C", 20),
                item("经营者名称", "字符型", 100),
                item("有效期至", "日期型", None),
                item("是否有效", "L", 1),
            ],
            项="02",
            细目="01",
            信息资源代码="30200101/000003",
            信息资源提供方="某某市数据和政务服务局",
            信息资源提供方代码=SJJ,
            信息资源格式="电子表格/xlsx",
            共享方式="共享平台/文件",
            是否向社会开放="Y",
            开放条件="无",
            更新周期="每周",
        ),
        resource(
            4,
            "特种设备使用登记信息",
            [item("设备代码", "C", 20), item("登记日期", "日期型D", 8)],
            类="2",
            项="05",
            目="003",
            信息资源代码="205003/000004",
            信息资源提供方="某某市统计局",
            信息资源提供方代码=TJJ,
            信息资源格式="数据库/Oracle",
            共享方式="共享平台/数据库",
            是否向社会开放="N",
            更新周期="实时",
            发布日期=Dated(dt.date(2025, 5, 20), 'yyyy"年"m"月"d"日"'),
        ),
    ]
    return merged_book(resources, "某某市某某局政务信息资源目录")


def merged_defects() -> Built:
    """One defect per resource, each resource otherwise valid (see expected.json)."""
    long_name = ("很长的信息资源名称" * 23)[:201]
    ok = [item("统一社会信用代码", "字符型C", 18)]
    two = [item("统一社会信用代码", "字符型C", 18), item("企业名称", "字符型", 200)]
    r = resource
    resources = [
        r(1, "摘要为空", two, 信息资源摘要=None),
        r(2, "更新周期不在枚举中", ok, 更新周期="每两年"),
        r(3, long_name, ok),
        r(4, "类为四", ok, 类="4", 信息资源代码="401001/000004"),
        r(5, "代码与分类不符", ok, 信息资源代码="302001/000009"),
        r(6, "提供方代码校验位错误", ok, 信息资源提供方代码=WRONG_CHECK),
        r(7, "有条件共享缺共享条件", ok, 共享类型="有条件共享"),
        r(8, "不予共享缺依据", ok, 共享类型="不予共享", 共享方式="邮件或介质"),
        r(9, "开放缺开放条件", ok, 是否向社会开放="是"),
        r(10, "信息项重名", [item("企业名称"), item("企业名称", "字符型", 100)]),
        r(11, "没有信息项", []),
        r(12, "数据长度为零", [item("企业名称", "字符型", 100), item("注册号", "C", 0)]),
        r(13, "数据长度非数字", [item("企业名称", "C", "abc"), item("注册号", "C", 15)]),
        r(14, "代码重复甲", ok),
        r(15, "代码重复乙", ok, 信息资源代码="301001/000014"),
        r(16, "发布日期无法识别", two, 发布日期="明年春天"),
        r(17, "是否开放无法识别", ok, 是否向社会开放="可能"),
        r(18, "提供方代码被存成数字", ok, 信息资源提供方代码=int(DIGITS)),
        r(19, "数据类型不在枚举中", [item("企业名称"), item("备注", "文本", 500)]),
    ]
    expects = [
        [Exp("required", "信息资源摘要")],
        [Exp("not_in_enum", "更新周期")],
        [Exp("too_long", "信息资源名称")],
        [Exp("bad_classification", "类")],
        [Exp("code_mismatch", "信息资源代码")],
        [Exp("bad_credit_code", "信息资源提供方代码")],
        [Exp("conditions_required", "共享条件")],
        [Exp("legal_basis_required", "共享条件")],
        [Exp("open_conditions_required", "开放条件", warning=True)],
        [Exp("duplicate_item_name", "信息项名称", 0), Exp("duplicate_item_name", "信息项名称", 1)],
        [Exp("no_data_items", "信息项名称", warning=True)],
        [Exp("bad_length", "数据长度", 1)],
        [Exp("bad_number", "数据长度", 0)],
        [Exp("duplicate_code", "信息资源代码")],
        [Exp("duplicate_code", "信息资源代码")],
        [Exp("bad_date", "发布日期")],
        [Exp("bad_bool", "是否向社会开放")],
        [Exp("numeric_code_lost", "信息资源提供方代码")],
        [Exp("not_in_enum", "数据类型", 1)],
    ]
    for res, exp in zip(resources, expects, strict=True):
        res.expect = exp
    return merged_book(resources, "某某市某某局政务信息资源目录（含错误）")


TOLERANT_COLUMNS = [
    Column("序号", "序　号"),
    Column("类", "信息资源分类（类）"),
    Column("项", "信息资源分类（项）"),
    Column("目", "信息资源分类（ 目 ）"),
    Column("细目", "信息资源分类(细目)"),
    Column("信息资源名称", "资源名称"),
    Column("信息资源代码", "信息资源 代码"),
    Column("信息资源提供方", "提供单位"),
    Column("信息资源提供方代码", "信息资源\n提供方代码"),
    Column("信息资源摘要", " 信息资源摘要 "),
    Column("信息资源格式", "信息资源　格式"),
    Column("信息项名称", "信息项\n名称"),
    Column("数据类型"),
    Column("数据长度", "数据\n长度"),
    Column("共享类型"),
    Column("共享条件"),
    Column("共享方式"),
    Column("不予共享依据"),
    Column("是否向社会开放", "是否向社会\n开放"),
    Column("开放条件"),
    Column("更新周期"),
    Column("发布日期", "发布\u3000日期"),
    Column("关联资源代码"),
]


def tolerant() -> Built:
    """Merged data blocks under a one-row header of variant texts; dates three ways."""
    resources = [
        resource(
            1,
            "企业年报信息",
            [item("统一社会信用代码", "字符型C", 18), item("年报年度", "N", 4)],
            项=1,
            目=1,
        ),
        resource(
            2,
            "个体工商户登记信息",
            [item("经营者姓名", "C", 50), item("登记日期", "日期型D", 8)],
            信息资源提供方="某某市数据和政务服务局",
            信息资源提供方代码=SJJ,
            发布日期="2025年6月1日",
        ),
        resource(
            3,
            "广告经营许可信息",
            [item("许可证号", "字符型", 30), item("发证机关", "字符型C", 100)],
            共享类型="有条件共享",
            共享条件="仅限监管部门使用",
            发布日期=45809,
        ),
    ]
    resources[0].expect = [
        Exp("numeric_code_recovered", "项", warning=True),
        Exp("numeric_code_recovered", "目", warning=True),
    ]
    wb = new_book()
    sheet = Recorder(wb.create_sheet("政务信息资源目录"))
    found = merged_sheet(
        sheet,
        TOLERANT_COLUMNS,
        resources,
        top=["", "附件：某某市某某局政务信息资源目录"],
        two_row_header=False,
        notes=["注：发布日期格式不限。"],
    )
    return Built(wb, {"政务信息资源目录": sheet}, set(), entry("merged", resources, found))


TWO_SHEET_COLUMNS = [
    Column(k)
    for k in (
        "序号",
        "类",
        "项",
        "目",
        "细目",
        "信息资源名称",
        "信息资源代码",
        "信息资源提供方",
        "信息资源提供方代码",
        "信息资源摘要",
        "信息资源格式",
        "共享类型",
        "共享条件",
        "共享方式",
        "不予共享依据",
        "是否向社会开放",
        "开放条件",
        "更新周期",
        "发布日期",
        "关联资源代码",
    )
]


def two_sheet_clean() -> Built:
    """Five valid resources on 信息资源, their 2–3 items each on 信息项."""
    resources = [
        resource(
            1,
            "人口基本信息",
            [
                item("公民身份号码", "字符型C", 18, "18位"),
                item("姓名", "C", 50),
                item("出生日期", "D", 8),
            ],
            类="1",
            项="01",
            目="001",
            信息资源代码="101001/000001",
            共享类型="有条件共享",
            共享条件="按需核验，不批量下载",
        ),
        resource(
            2,
            "法人单位基本信息",
            [item("统一社会信用代码", "字符型C", 18), item("单位名称", "字符型", 200)],
            类="1",
            项="02",
            目="001",
            信息资源代码="102001/000002",
            是否向社会开放="是",
            开放条件="公开字段",
        ),
        resource(
            3,
            "市场主体年报信息",
            [
                item("年报年度", "整型I", 4),
                item("从业人数", "I", None),
                item("营业总收入", "货币型Y", 20, "万元"),
            ],
            更新周期="每年",
            关联资源代码="102001/000002",
        ),
        resource(
            4,
            "投诉举报信息",
            [item("投诉编号", "C", 30), item("投诉内容", "备注型M", None)],
            目="003",
            信息资源代码="301003/000004",
            信息资源格式="电子表格/xlsx",
            共享类型="不予共享",
            共享方式=None,
            不予共享依据="涉及个人隐私",
            更新周期="每季度",
        ),
        resource(
            5,
            "抽查检查结果信息",
            [item("检查日期", "日期型D", 8), item("检查结果", "字符型", 100)],
            信息资源格式="电子文件/PDF",
            共享方式="共享平台/文件",
            是否向社会开放="Y",
            开放条件="无",
            更新周期="每半年",
            发布日期=dt.date(2024, 12, 31),
        ),
    ]
    return two_sheet_book(TWO_SHEET_COLUMNS, resources, [])


def two_sheet_defects() -> Built:
    """No 更新周期 column, one resource without a name, one item whose resource is unknown."""
    columns = [c for c in TWO_SHEET_COLUMNS if c.key != "更新周期"]
    orphan = {**item("许可证号", "C", 30), "信息资源代码": "301001/000099"}
    resources = [
        resource(1, "企业登记基本信息", [item("统一社会信用代码", "C", 18), orphan]),
        resource(
            2,
            "企业变更信息",
            [item("企业名称", "字符型", 200), item("住所", "字符型", 200)],
            信息资源名称=None,
        ),
        resource(3, "企业注销信息", [item("注销日期", "日期型D", 8), item("注销原因", "C", 200)]),
    ]
    resources[0].expect = [Exp("orphan_item", "信息资源代码", item=1)]
    resources[1].expect = [Exp("required", "信息资源名称")]
    missing = finding("信息资源", 1, "更新周期", "missing_column")
    return two_sheet_book(columns, resources, [(False, missing)])


# The columns of the national guide's catalog table (2017): no separate 不予共享依据 (the
# guide has the basis written in 共享条件) and no 是否涉密.
GUIDE_COLUMNS = [c for c in MERGED_COLUMNS if c.key not in {"不予共享依据", "是否涉密"}]


def guide_conformant() -> Built:
    """The guide's table: 不予共享 resources name their legal basis in 共享条件. No findings."""
    resources = [
        resource(
            1,
            "企业登记基本信息",
            [item("统一社会信用代码", "字符型C", 18), item("企业名称", "字符型C", 200)],
            共享类型="有条件共享",
            共享条件="仅用于行政审批与事中事后监管",
        ),
        resource(
            2,
            "投诉举报人信息",
            [item("举报人姓名", "字符型C", 50), item("联系电话", "字符型C", 20)],
            信息资源代码="301001/000002",
            共享类型="不予共享",
            共享条件="依据《中华人民共和国个人信息保护法》第十三条及《信访工作条例》第四十三条，"
            "涉及举报人个人信息，不予共享",
            共享方式=None,
        ),
        resource(
            3,
            "涉密案件办理信息",
            [item("案件编号", "字符型C", 32)],
            信息资源代码="301001/000003",
            信息资源格式="电子文件/PDF",
            共享类型="不予共享",
            共享条件="《中华人民共和国保守国家秘密法》第二条、第九条：\n属于国家秘密",
            共享方式="邮件或介质",
            更新周期="其他",
        ),
        resource(
            4,
            "双随机抽查结果信息",
            [item("检查日期", "日期型D", 8), item("检查结果", "字符型C", 100)],
            信息资源代码="301001/000004",
            是否向社会开放="是",
            开放条件="公示字段",
        ),
    ]
    return merged_book(resources, "某某市某某局政务信息资源目录（按编制指南）", GUIDE_COLUMNS)


def control_characters() -> Built:
    """Control characters in cells, written by Excel as _x001B_ escapes: each one an error at
    its cell; line breaks and tabs stand in multi-line fields only. A literal "_x0041_" is
    text. xlsx and xls only: ods cannot carry control characters (LibreOffice drops them)."""
    resources = [
        resource(1, "企业登记基本信息", [item("统一社会信用代码", "C", 18)],
                 信息资源名称=Escaped("企业登记\x1b[31m基本信息")),
        resource(2, "企业年报信息", [item("年报年度", "N", 4)],
                 信息资源摘要=Escaped("本单位企业年报\x00信息")),
        resource(3, "企业变更信息", [item("变更日期", "D", 8), item(Escaped("变更\x01事项"))]),
        resource(4, "企业注销信息", [item("注销日期", "D", 8)],
                 信息资源名称=Escaped("企业注销\n信息")),
        resource(
            5,
            "行政许可信息",
            [item("许可证号", "C", 30, Escaped("编号规则见 _x0041_ 附件\n按年度\t递增"))],
            信息资源摘要=Escaped("第一行\n第二行\t制表"),
        ),
    ]  # fmt: skip
    resources[0].expect = [Exp("control_character", "信息资源名称")]
    resources[1].expect = [Exp("control_character", "信息资源摘要")]
    resources[2].expect = [Exp("control_character", "信息项名称", item=1)]
    resources[3].expect = [Exp("control_character", "信息资源名称")]
    built = two_sheet_book(TWO_SHEET_COLUMNS, resources, [])
    built.expected["formats"] = ["xlsx", "xls"]
    return built


FIXTURES: dict[str, Callable[[], Built]] = {
    "merged_clean": merged_clean,
    "merged_defects": merged_defects,
    "tolerant": tolerant,
    "two_sheet_clean": two_sheet_clean,
    "two_sheet_defects": two_sheet_defects,
    "guide_conformant": guide_conformant,
    "control_characters": control_characters,
}
