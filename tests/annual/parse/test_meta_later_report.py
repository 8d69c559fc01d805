"""A page holding a second report after the one read: last year's in a second tab pane, or
the ``上一篇`` article a crawler expanded under this one. The signature and the date that
count are the ones ending the report read (the first, whose title and tables are read),
never the later report's."""

from __future__ import annotations

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes

SECTIONS = (
    "一、总体情况\n{year}年，本单位依法做好政府信息公开工作。\n二、主动公开政府信息情况\n"
    "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
    "五、存在的主要问题及改进情况\n上年度问题已整改。\n六、其他需要报告的事项\n"
    "本年度未收取信息处理费。\n"
)


def _report(title: str, year: int, signer: str, signed: str) -> str:
    return f"{title}\n{SECTIONS.format(year=year)}{signer}\n{signed}\n"


def _read(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "样本.txt")


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


THIS_YEAR = _report("甲县民政局2024年政府信息公开工作年度报告", 2024, "甲县民政局", "2025年1月20日")
LAST_YEAR = _report("甲县民政局2023年政府信息公开工作年度报告", 2023, "甲县民政局", "2024年1月18日")


def test_last_years_report_expanded_under_this_one_gives_no_year_conflict() -> None:
    report = _read(
        THIS_YEAR + "【打印本页】【关闭窗口】\n上一篇：\n" + LAST_YEAR + "下一篇：通知\n"
    )
    assert (report.organ, report.year) == ("甲县民政局", 2024)
    assert not {"YEAR_CONFLICT", "YEAR_FROM_DATE"} & set(_codes(report))


def test_last_years_report_in_a_second_pane_right_after_the_signing_date() -> None:
    report = _read(THIS_YEAR + LAST_YEAR)
    assert report.year == 2024
    assert "YEAR_CONFLICT" not in _codes(report)


def test_the_signing_date_of_the_report_read_dates_a_title_without_year() -> None:
    this_year = _report("政府信息公开工作年度报告", 2024, "甲县民政局", "2025年1月20日")
    report = _read(this_year + LAST_YEAR)
    assert report.year == 2024
    assert "YEAR_CONFLICT" not in _codes(report)


def test_the_organ_signing_the_report_read_is_the_organ_not_the_later_reports() -> None:
    this_year = _report("2024年政府信息公开工作年度报告", 2024, "甲县民政局", "2025年1月20日")
    other = _report("乙县财政局2024年政府信息公开工作年度报告", 2024, "乙县财政局", "2025年1月9日")
    report = _read(this_year + "相关阅读：\n" + other)
    assert (report.organ, report.year) == ("甲县民政局", 2024)


def test_a_later_title_wrapped_over_two_lines_or_under_its_organ_still_ends_the_report() -> None:
    for later in (
        LAST_YEAR.replace("2023年政府信息公开", "2023年政府信息公开\n", 1),
        LAST_YEAR.replace("甲县民政局2023年", "甲县民政局\n2023年", 1),
    ):
        report = _read(THIS_YEAR + later)
        assert report.year == 2024
        assert "YEAR_CONFLICT" not in _codes(report), later[:40]


def test_a_report_title_before_the_signature_without_a_report_under_it_ends_nothing() -> None:
    """A title cited in section 六 (an attachment's) is not a later report: the signing
    date after it is still the report's, and one that disagrees with the title is said."""
    cited = "附件：甲县民政局2024年政府信息公开工作年度报告（图解版）\n"
    text = _report(
        "甲县民政局2024年政府信息公开工作年度报告", 2024, cited + "甲县民政局", "2024年1月20日"
    )
    report = _read(text)
    assert report.year == 2024
    assert "YEAR_CONFLICT" in _codes(report)
