"""annual.check: every rule, with the exact code, message and cells a user sees."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.annual import RULES, AnnualReport, Severity, Table3, check
from gongkai.annual import schema as s
from tests.annual.check_reports import last_year_of, sound_report, with_section
from tests.annual.seed_sections import seed_report
from tests.conftest import EXPECTED, seed_params

SOUND = sound_report()


def _found(report: AnnualReport, last_year: AnnualReport | None = None) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in check(report, last_year=last_year)]


# ---------------------------------------------------------------------------- seeds


@pytest.mark.parametrize("seed", seed_params())
def test_seed_tables_get_errors_only_where_the_document_is_wrong(seed: str) -> None:
    """003 printed its （七）总计 row as zeros; the other four seeds add up."""
    findings = check(AnnualReport.load(EXPECTED / f"{seed}.json"))
    errors = [(f.code, f.data.get("column")) for f in findings if f.severity is Severity.ERROR]
    if seed.startswith("003_"):
        assert errors == [
            ("T3.E001", "natural_person"),
            ("T3.E001", "commercial"),
            ("T3.E001", "total"),
            ("T3.E002", "natural_person"),
            ("T3.E002", "commercial"),
            ("T3.E002", "total"),
        ]
    else:
        assert findings == []


@pytest.mark.parametrize("seed", [p for p in seed_params() if str(p).startswith("003_")] or ["-"])
def test_seed_003_messages_name_the_columns_and_the_numbers(seed: str) -> None:
    if seed == "-":
        pytest.skip("../shared/seeds 不存在")
    messages = [f.message for f in check(AnnualReport.load(EXPECTED / f"{seed}.json"))]
    assert messages == [
        "表三“自然人”列：一（3）+ 二（0）= 3，应等于（七）总计（0）+ 四（0）= 0，相差3。",
        "表三“商业企业”列：一（1）+ 二（0）= 1，应等于（七）总计（0）+ 四（0）= 0，相差1。",
        "表三“总计”列：一（4）+ 二（0）= 4，应等于（七）总计（0）+ 四（0）= 0，相差4。",
        "表三“自然人”列：（七）总计为0，而（一）至（六）各项办理结果之和为3"
        "（予以公开2 + 本机关不掌握相关政府信息1）。",
        "表三“商业企业”列：（七）总计为0，而（一）至（六）各项办理结果之和为1（予以公开1）。",
        "表三“总计”列：（七）总计为0，而（一）至（六）各项办理结果之和为4"
        "（予以公开3 + 本机关不掌握相关政府信息1）。",
    ]


# ---------------------------------------------------------------------------- the sound report


def test_sound_report_with_text_and_last_year_has_no_findings() -> None:
    assert check(SOUND) == []
    assert check(SOUND, last_year=last_year_of(SOUND)) == []
    assert check(sound_report(sections=False)) == []


# ---------------------------------------------------------------------------- tables


TABLE_CASES = [
    (
        "table3.granted.commercial",
        2,
        [
            (
                "T3.E002",
                "表三“商业企业”列：（七）总计为2，而（一）至（六）各项办理结果之和为3（予以公开2 + 重复申请1）。",
            ),
            (
                "T3.E003",
                "表三“（一）予以公开”行：“总计”列为4，而六类申请人之和为5（自然人3 + 商业企业2）。",
            ),
        ],
    ),
    (
        "table3.granted.research",
        -1,
        [
            (
                "T3.E002",
                "表三“科研机构”列：（七）总计为0，而（一）至（六）各项办理结果之和为-1（予以公开-1）。",
            ),
            (
                "T3.E003",
                "表三“（一）予以公开”行：“总计”列为4，而六类申请人之和为3（自然人3 + 商业企业1 + 科研机构-1）。",
            ),
            ("T3.E004", "表三“（一）予以公开”行“科研机构”列为-1，件数不能为负数。"),
        ],
    ),
    (
        "table4.litigation_direct.total",
        1,
        [
            (
                "T4.E001",
                "表四“未经复议直接起诉”：总计为1，而结果维持（0） + 结果纠正（0） + 其他结果（0） + 尚未审结（0） = 0。",
            )
        ],
    ),
    ("table4.reconsideration.other", -1, None),
    (
        "table2.licensing",
        Decimal("1.5"),
        [("T2.E001", "表二“行政许可”的“本年处理决定数量”为1.5，件数应为不小于0的整数。")],
    ),
    (
        "table2.punishment",
        -2,
        [("T2.E001", "表二“行政处罚”的“本年处理决定数量”为-2，件数应为不小于0的整数。")],
    ),
    (
        "table2.fees",
        Decimal("-0.1"),
        [
            (
                "T2.E002",
                "表二“行政事业性收费”的“本年收费金额（单位：万元）”为-0.1，收费金额不能为负数。",
            )
        ],
    ),
    (
        "table2.fees",
        Decimal("0.00001"),
        [
            (
                "T2.W002",
                "表二“行政事业性收费”的“本年收费金额（单位：万元）”为0.00001万元，小数超过4位（不足1元），请确认是否以万元填写。",
            )
        ],
    ),
    (
        "table2.fees",
        Decimal("25000"),
        [
            (
                "T2.W003",
                "表二“行政事业性收费”的“本年收费金额（单位：万元）”为25000万元，超过1000万元，请确认是否误以元为单位填写。",
            )
        ],
    ),
    (
        "table2.normative_documents.in_force",
        1,
        [("T2.W001", "表二“行政规范性文件”：现行有效件数（1）少于本年制发件数（2）。")],
    ),
    (
        "table2.regulations.made",
        None,
        [
            (
                "T2.N001",
                "无法核对“表二现行有效件数不少于本年制发件数”：表二“规章”的“本年制发件数”为空白。",
            )
        ],
    ),
    (
        "table4.reconsideration.pending",
        None,
        [
            (
                "T4.N001",
                "无法核对表四“行政复议”的“总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结”：表四“行政复议”的“尚未审结”为空白。",
            )
        ],
    ),
    (
        "table3.handled_total.natural_person",
        None,
        [
            (
                "T3.N001",
                "无法核对“一 + 二 = （七）总计 + 四”：表三“自然人”列有空白单元格（表三“（七）总计”行“自然人”列）。",
            ),
            (
                "T3.N001",
                "无法核对“（七）总计 = 各项办理结果之和”：表三“自然人”列有空白单元格（共1格）。",
            ),
            (
                "T3.N001",
                "无法核对“总计列 = 六类申请人之和”：表三“（七）总计”行有空白单元格（共1格）。",
            ),
        ],
    ),
]


@pytest.mark.parametrize(("cell", "value", "expected"), TABLE_CASES)
def test_table_rules(
    cell: str, value: int | Decimal | None, expected: list[tuple[str, str]] | None
) -> None:
    found = _found(sound_report(sections=False).with_cell(cell, value))
    if expected is None:  # only the codes matter here
        assert {code for code, _ in found} == {"T4.E001", "T4.E002"}
    else:
        assert found == expected


def test_findings_cite_the_cells_of_the_broken_identity() -> None:
    [finding] = [f for f in check(SOUND.with_cell("table4.litigation_direct.total", 1))]
    assert finding.cells == tuple(
        s.table4_cell("litigation_direct", c) for c in s.TABLE4_COLUMN_KEYS
    )
    finding = check(SOUND.with_cell("table3.received.total", 9))[0]
    assert finding.code == "T3.E001"
    assert finding.cells == tuple(
        s.table3_cell(row, "total")
        for row in ("received", "carried_over", "handled_total", "carried_forward")
    )


def test_blank_table_is_one_notice_not_175() -> None:
    report = replace(sound_report(sections=False), table3=Table3({}))
    assert _found(report) == [("T3.N002", "表三没有任何数字（全部为空白），无法核对表三。")]


def test_trial_format_report_may_leave_the_rows_2021_added_blank() -> None:
    report = sound_report(sections=False)
    for row in s.TABLE3_2019_ONLY_2021_ROWS:
        for column in s.TABLE3_COLUMN_KEYS:
            report = report.with_cell(s.table3_cell(row, column), None)
    assert [f.code for f in check(replace(report, year=2020, format=s.FORMAT_2019))] == []
    assert {f.code for f in check(report)} == {"T3.N001"}


# ---------------------------------------------------------------------------- last year


def test_carried_over_against_last_years_carried_forward() -> None:
    report = sound_report(sections=False)
    changed = (
        report.with_cell("table3.carried_over.natural_person", 2)
        .with_cell("table3.received.natural_person", 4)
        .with_cell("table3.carried_over.total", 2)
        .with_cell("table3.received.total", 6)
    )
    assert _found(changed, last_year_of(report)) == [
        (
            "YOY.W001",
            "表三“自然人”列：二、上年结转政府信息公开申请数量为2，而上年报告的四、结转下年度继续办理为1。",
        ),
        (
            "YOY.W001",
            "表三“总计”列：二、上年结转政府信息公开申请数量为2，而上年报告的四、结转下年度继续办理为1。",
        ),
    ]


def test_documents_in_force_against_last_year() -> None:
    report = sound_report(sections=False)
    found = check(
        report.with_cell("table2.normative_documents.in_force", 7), last_year=last_year_of(report)
    )
    assert [(f.code, f.message, f.cells) for f in found] == [
        (
            "YOY.W002",
            "表二“行政规范性文件”：现行有效件数为7，而上年现行有效件数（4）+ 本年制发件数（2）− 本年废止件数（1）= 5。",
            (
                "table2.normative_documents.made",
                "table2.normative_documents.repealed",
                "table2.normative_documents.in_force",
            ),
        )
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"year": 2020},
            [
                (
                    "YOY.W003",
                    "作为上年报告给出的是2020年度报告，而本报告为2024年度，应给出2023年度报告；未做跨年度核对。",
                )
            ],
        ),
        (
            {"organ": "别的局"},
            [("YOY.W004", "上年报告的机关为“别的局”，本报告的机关为“测试市数据局”。")],
        ),
        (
            {"sections": dict(SOUND.sections or {})},
            [
                ("YOY.W005", "第一部分“总体情况”的正文与上年报告相同（只有数字不同）。"),
                (
                    "YOY.W005",
                    "第五部分“存在的主要问题及改进情况”的正文与上年报告相同（只有数字不同）。",
                ),
            ],
        ),
    ],
)
def test_last_year_report_itself(
    change: dict[str, object], expected: list[tuple[str, str]]
) -> None:
    assert _found(SOUND, replace(last_year_of(SOUND), **change)) == expected  # type: ignore[arg-type]


def test_blank_cells_of_last_year_are_notices() -> None:
    last = last_year_of(SOUND).with_cell("table3.carried_forward.commercial", None)
    last = last.with_cell("table2.regulations.in_force", None)
    assert _found(SOUND, last) == [
        (
            "YOY.N001",
            "无法核对“上年结转 = 上年报告的结转下年度继续办理”：“商业企业”列在本年或上年报告中为空白。",
        ),
        ("YOY.N001", "无法核对表二“规章”的“现行有效件数”：上年报告的现行有效件数为空白。"),
    ]


# ---------------------------------------------------------------------------- sections and text


NARRATIVE_CASES = [
    (
        "1",
        "2024年，我局共收到政府信息公开申请十三件。",
        "NARR.W001",
        "第一部分“总体情况”称“共收到政府信息公开申请十三件”，而表三“一、本年新收政府信息公开申请数量”行“总计”列为7。",
    ),
    (
        "1",
        "本年度内本单位未收到依申请公开信息。",
        "NARR.W001",
        "第一部分“总体情况”称“未收到依申请公开信息”，而表三“一、本年新收政府信息公开申请数量”行“总计”列为7。",
    ),
    (
        "3",
        "全年办结政府信息公开申请5件。",
        "NARR.W002",
        "第三部分“收到和处理政府信息公开申请情况”称“办结政府信息公开申请5件”，而表三“（七）总计”行“总计”列为7。",
    ),
    (
        "3",
        "结转下年度继续办理两件。",
        "NARR.W003",
        "第三部分“收到和处理政府信息公开申请情况”称“结转下年度继续办理两件”，而表三“四、结转下年度继续办理”行“总计”列为1。",
    ),
    (
        "3",
        "上年结转3件。",
        "NARR.W004",
        "第三部分“收到和处理政府信息公开申请情况”称“上年结转3件”，而表三“二、上年结转政府信息公开申请数量”行“总计”列为1。",
    ),
    (
        "1",
        "2024年度，区政府办新收到自然人提交的信息公开申请7件。",
        "NARR.W005",
        "第一部分“总体情况”称“新收到自然人提交的信息公开申请7件”，而表三“一、本年新收政府信息公开申请数量”行“自然人”列为5（其他申请人：商业企业2）。",
    ),
    (
        "1",
        "共收到申请7件，均为自然人提出。",
        "NARR.W005",
        "第一部分“总体情况”称申请“均为自然人”，而表三“一、本年新收政府信息公开申请数量”行“商业企业”列为2。",
    ),
    (
        "5",
        "2023年，我局顺利完成各项任务。",
        "NARR.W006",
        "第五部分“存在的主要问题及改进情况”写有“2023年,我局顺利完成各项任务”，而本报告是2024年度报告，这段文字可能沿用了2023年度的报告。",
    ),
    (
        "6",
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        "NARR.W006",
        "第六部分“其他需要报告的事项”写有“统计期限自2023年1月1日起至2023年12月31日止”，而本报告是2024年度报告，这段文字可能沿用了2023年度的报告。",
    ),
    (
        "6",
        "2024年，我局收取信息处理费共计200元。",
        "NARR.W007",
        "第六部分“其他需要报告的事项”称“收取信息处理费共计200元”（即0.02万元），而表二“行政事业性收费”的“本年收费金额（单位：万元）”为0。",
    ),
]


@pytest.mark.parametrize(("section", "text", "code", "message"), NARRATIVE_CASES)
def test_narrative_against_tables_and_year(
    section: str, text: str, code: str, message: str
) -> None:
    assert _found(with_section(SOUND, section, text)) == [(code, message)]


@pytest.mark.parametrize(
    "text",
    [
        "全年主动公开政务信息170条，比2023年减少了10.5%。",
        "按照《浙江省政务公开五年行动计划（2021—2025年）》要求推进工作。",
        "依据《关于2022年度政务公开工作要点的通知》（浙政办发〔2022〕12号）开展工作。",
        "2025年，我局将进一步加强政策解读。",
        "全年转办、督办、答复依申请公开件共257件，全部在法定期限内办结。",
        "收到行政复议申请3件。",
        "共收到政府信息公开申请7件，其中当场答复2件，延期答复1件。",
        "2008年，《条例》施行以来，我局始终坚持依法公开。",
    ],
)
def test_narrative_references_are_not_reported(text: str) -> None:
    assert check(with_section(SOUND, "1", text)) == []


def test_narrative_number_against_a_blank_cell_is_a_notice() -> None:
    report = with_section(
        SOUND.with_cell("table2.fees", None), "6", "2024年，我局收取信息处理费共计200元。"
    )
    assert _found(report) == [
        (
            "NARR.N001",
            "第六部分“其他需要报告的事项”称“收取信息处理费共计200元”，而表二“行政事业性收费”的“本年收费金额（单位：万元）”为空白，无法核对。",
        )
    ]


def test_fee_in_yuan_entered_as_wan_gets_a_hint() -> None:
    report = with_section(SOUND.with_cell("table2.fees", 200), "6", "共收取信息处理费200元。")
    [finding] = [f for f in check(report) if f.code == "NARR.W007"]
    assert finding.hint == "表二的收费金额以万元计，可能误以元填写。"


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        (
            {k: v for k, v in SOUND.sections.items() if k not in ("4", "6")}
            if SOUND.sections
            else {},
            [
                (
                    "SEC.W001",
                    "缺少第六部分（“六、其他需要报告的事项”）。",
                )
            ],
        ),
        (
            {k: (SOUND.sections or {})[k] for k in ("1", "3", "2", "4", "5", "6")},
            [("SEC.W002", "六个部分的顺序为一、三、二、四、五、六，应按一至六的顺序排列。")],
        ),
        (
            {**(SOUND.sections or {}), "5": "  "},
            [("SEC.W003", "第五部分“存在的主要问题及改进情况”只有标题，没有内容。")],
        ),
    ],
)
def test_sections(sections: dict[str, str], expected: list[tuple[str, str]]) -> None:
    assert _found(replace(SOUND, sections=sections)) == expected


# ---------------------------------------------------------------------------- the report


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"title": "测试市数据局2023年政府信息公开工作年度报告"},
            (
                "RPT.W001",
                "标题“测试市数据局2023年政府信息公开工作年度报告”写的是2023年，而报告年度为2024年。",
            ),
        ),
        ({"published": "2024-12-30"}, ("RPT.W002", "发布日期为2024年12月30日，早于2024年度结束。")),
        (
            {"published": "2025-04-02"},
            (
                "RPT.W003",
                "发布日期为2025年4月2日，晚于2025年1月31日的法定期限（政府部门的报告），逾期61天。",
            ),
        ),
        (
            {"published": "2025-02-10"},
            (
                "RPT.W003",
                "发布日期为2025年2月10日，晚于2025年1月31日的法定期限（政府部门的报告），逾期10天。",
            ),
        ),
        (
            {"published": "2025-04-02", "organ": "测试市人民政府"},
            (
                "RPT.W003",
                "发布日期为2025年4月2日，晚于2025年3月31日的法定期限（本级人民政府的报告），逾期2天。",
            ),
        ),
        (
            {"format": s.FORMAT_2019},
            (
                "RPT.W004",
                "2024年度报告使用了国办公开办函〔2019〕60号（试行）格式，应使用国办公开办函〔2021〕30号格式。",
            ),
        ),
        ({"year": None}, ("RPT.N001", "报告没有年度（year 为空），跳过依赖年度的核对。")),
        (
            {"published": "2025-02-10", "organ": "测试市某某街道"},
            (
                "RPT.N002",
                "发布日期为2025年2月10日：政府部门的报告应于2025年1月31日前公布，本级政府的报告可到2025年3月31日。",
            ),
        ),
        (
            {"published": "去年"},
            ("RPT.N003", "发布日期“去年”无法识别（应为 YYYY-MM-DD），未核对发布期限。"),
        ),
    ],
)
def test_report_rules(change: dict[str, object], expected: tuple[str, str]) -> None:
    assert _found(replace(SOUND, **change)) == [expected]  # type: ignore[arg-type]


def test_published_on_time_is_quiet() -> None:
    assert (
        check(
            replace(
                SOUND, published="2025-01-20", title="测试市数据局2024年度政府信息公开工作年度报告"
            )
        )
        == []
    )


# ---------------------------------------------------------------------------- the engine


def test_findings_are_sorted_by_table_then_code() -> None:
    report = with_section(
        replace(
            SOUND.with_cell("table4.reconsideration.total", 3).with_cell("table2.punishment", -1),
            published="x",
        ),
        "1",
        "共收到政府信息公开申请9件。",
    )
    assert [f.code for f in check(report)] == ["RPT.N003", "T2.E001", "T4.E001", "NARR.W001"]


def test_a_broken_rule_does_not_stop_the_others() -> None:
    rows = dict(SOUND.table3.rows)
    rows["granted"] = (1, 2)  # not a row of the form: the rules over table 三 fail
    broken = replace(
        SOUND.with_cell("table4.reconsideration.total", 3), table3=Table3.__new__(Table3)
    )
    object.__setattr__(broken.table3, "rows", rows)
    codes = [f.code for f in check(broken)]
    assert "T4.E001" in codes
    assert "CHK.W001" in codes


def test_every_rule_is_described_once_in_chinese() -> None:
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for r in RULES:
        prefix = {Severity.ERROR: "E", Severity.WARNING: "W", Severity.NOTICE: "N"}[r.severity]
        assert re.fullmatch(
            rf"(RPT|SEC|T2|T3|T4|CELL|YOY|NARR|TXT|CHK)\.{prefix}\d{{3}}", r.code
        ), r.code
        assert re.search(r"[\u4e00-\u9fff]", r.title) and re.search(
            r"[\u4e00-\u9fff]", r.description
        )


def test_every_code_in_these_tests_is_a_described_rule() -> None:
    described = {r.code for r in RULES}
    cited = {c for _, _, expected in TABLE_CASES if expected for c, _ in expected}
    cited |= {code for _, _, code, _ in NARRATIVE_CASES}
    assert cited <= described


# ---------------------------------------------------------------------------- the seeds' own text

SEED_TEXT_FINDINGS = {
    "000_04732404754f1f00": [],
    "001_011fde16aa22de90": [
        # the report's own “三審三校制度和保密審查制度” came through as mojibake
        ("TXT.W001", "第一部分“总体情况”第975字起疑似乱码：““三审三?!敝贫群”。"),
    ],
    "002_3f0a03dfd5eda10b": [
        (
            "NARR.W001",
            "第一部分“总体情况”称“收到申请信息公开件共13件”，而表三“一、本年新收政府信息公开申请数量”行“总计”列为10。",
        ),
        (
            "NARR.W006",
            "第五部分“存在的主要问题及改进情况”写有“2022年,我局顺利完成政府信息公开工作的各项任务,但距离上…”，"
            "而本报告是2023年度报告，这段文字可能沿用了2022年度的报告。",
        ),
    ],
    "003_e8e20449add4641b": [
        (
            "NARR.W005",
            "第一部分“总体情况”称“新收到自然人提交的信息公开申请4件”，而表三“一、本年新收政府信息公开申请数量”行“自然人”列为3"
            "（其他申请人：商业企业1）。",
        ),
    ],
    "004_68f00f12ba36a829": [],
}


@pytest.mark.parametrize("seed", seed_params())
def test_seed_texts_get_narrative_warnings_only_for_their_real_defects(
    seeds_dir: Path, seed: str
) -> None:
    """002 says 13 applications where its table says 10, and talks about 2022 in a 2023
    report; 003 puts all four under 自然人 while its table has one 商业企业."""
    report = seed_report(seeds_dir, seed)
    assert list(report.sections or {}) == list(s.SECTION_KEYS)
    found = [(f.code, f.message) for f in check(report) if not f.code.startswith("T3.")]
    assert found == SEED_TEXT_FINDINGS[seed]


def test_the_library_exports_the_checker() -> None:
    import importlib

    import gongkai.annual as annual

    check_module = importlib.import_module("gongkai.annual.check")

    for name in ("check", "Finding", "Severity", "Rule", "RULES"):
        assert name in annual.__all__
        assert getattr(annual, name) is getattr(check_module, name)
