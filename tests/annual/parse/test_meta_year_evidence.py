"""The report's year when the title names none, and years that disagree.

A report is written in the first months after its year (the deadline is 31 January, late
ones by mid-year): the date under the signature, or the crawler's ``发布时间``, dates it.
A year read from such a date alone is filled but said (``YEAR_FROM_DATE``, a warning);
a year that other evidence contradicts is said too (``YEAR_CONFLICT``)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes

SECTIONS = (
    "一、总体情况\n{opening}本单位依法做好政府信息公开工作。\n二、主动公开政府信息情况\n"
    "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
    "五、存在的主要问题及改进情况\n{plans}\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"
)


def _body(opening: str = "本年度，", plans: str = "上年度问题已整改。") -> str:
    return SECTIONS.format(opening=opening, plans=plans)


def _read(text: str) -> tuple[int | None, list[dict[str, Any]]]:
    report = parse_bytes(text.encode("utf-8"), "样本.txt")
    found = [d for d in report.diagnostics or () if str(d["code"]).startswith("YEAR")]
    return report.year, found


@pytest.mark.parametrize(
    "signed", ["二〇二六年一月二十日", "2026年1月20日", "2026年3月", "2026.1.20"]
)
def test_a_year_from_the_signing_date_alone_is_filled_and_said(signed: str) -> None:
    year, found = _read("政府信息公开工作年度报告\n" + _body() + "某市某区教育局\n" + signed + "\n")
    assert year == 2025
    [note] = found
    assert (note["code"], note["severity"], note["date"]) == ("YEAR_FROM_DATE", "warning", signed)
    assert f"按落款日期“{signed}”推定为2025年度" in note["message"]


def test_a_year_from_the_crawlers_publication_date_alone_is_filled_and_said() -> None:
    year, found = _read(
        "标题:政府信息公开工作年度报告\n发布时间:2026-01-20\n发布机构:某市某区教育局\n"
        "政府信息公开工作年度报告\n" + _body()
    )
    assert year == 2025
    [note] = found
    assert note["code"] == "YEAR_FROM_DATE"
    assert "发布时间“2026-01-20”" in note["message"]


def test_on_a_page_flattened_to_one_line_the_signing_date_is_the_last_date() -> None:
    year, found = _read(
        "当前位置：首页>信息公开>年报 全真版 文字版 文件下载 政府信息公开工作年度报告 "
        + _body().replace("\n", " ")
        + " 某市某区教育局 2026年1月20日 分享到： 打印本页"
    )
    assert year == 2025
    assert [d["code"] for d in found] == ["YEAR_FROM_DATE"]


def test_a_date_after_mid_year_dates_no_report() -> None:
    year, found = _read("政府信息公开工作年度报告\n" + _body() + "某市某区教育局\n2026年8月20日\n")
    assert year is None
    assert [d["code"] for d in found] == ["YEAR_NOT_FOUND"]


def test_the_signing_date_and_the_text_agreeing_is_said_nothing() -> None:
    year, found = _read(
        "政府信息公开工作年度报告\n" + _body("2025年，") + "某市某区教育局\n2026年1月20日\n"
    )
    assert (year, found) == (2025, [])


def test_next_years_plans_in_the_text_do_not_outweigh_the_signing_date() -> None:
    year, found = _read(
        "政府信息公开工作年度报告\n"
        + _body(plans="2026年，将继续加强培训。2026年将完善目录。")
        + "某市某区教育局\n2026年1月20日\n"
    )
    assert year == 2025
    [note] = found
    assert note["code"] == "YEAR_FROM_DATE"
    assert "正文提到的年份是2026年" in note["message"]


def test_the_overview_opening_with_its_year_wins_over_a_signing_date_of_the_same_year() -> None:
    """A report for 2025 signed ``2025年1月20日`` (last year's date kept by mistake)."""
    year, found = _read(
        "政府信息公开工作年度报告\n"
        + _body("2025年，", plans="2024年收到申请12件。")
        + "某市某区教育局\n2025年1月20日\n"
    )
    assert year == 2025
    [note] = found
    assert (note["code"], note["other"]) == ("YEAR_CONFLICT", 2024)


def test_a_title_year_against_the_statistics_period_is_kept_and_said() -> None:
    year, found = _read(
        "某市某区教育局2025年政府信息公开工作年度报告\n"
        "本报告统计期限自2024年1月1日起至2024年12月31日止。\n" + _body()
    )
    assert year == 2025
    [note] = found
    assert (note["code"], note["other"]) == ("YEAR_CONFLICT", 2024)
    assert "统计期限是2024年" in note["message"]


@pytest.mark.parametrize(
    ("signed", "codes"),
    [
        ("2026年1月20日", []),
        ("2026年6月30日", []),
        ("2025年12月28日", []),  # signed before the year ended: no evidence either way
        ("2025年1月20日", ["YEAR_CONFLICT"]),
        ("某市某区教育局 2025年1月20日", ["YEAR_CONFLICT"]),
    ],
)
def test_a_title_year_is_checked_against_the_signing_date(signed: str, codes: list[str]) -> None:
    year, found = _read(
        "某市某区教育局2025年政府信息公开工作年度报告\n" + _body() + "某市某区教育局\n" + signed
    )
    assert year == 2025
    assert [d["code"] for d in found] == codes


@pytest.mark.parametrize(
    "last",
    [
        "1.2025年3月开展政务公开培训",  # a list item: a date in the text
        "联系时间：2025年1月",  # a field
        "2025年1月20日印发的通知已执行完毕，本单位将继续推进",
    ],
)
def test_a_date_in_the_texts_last_lines_is_not_a_signing_date(last: str) -> None:
    _, found = _read("某市某区教育局2025年政府信息公开工作年度报告\n" + _body() + last + "\n")
    assert found == []


@pytest.mark.parametrize(
    ("opening", "codes"),
    [
        ("2024年，", ["YEAR_CONFLICT"]),  # last year's text kept
        ("2024年度，", ["YEAR_CONFLICT"]),
        ("2025年，", []),
        ("2024年底，", []),  # a time in the year, not the year the text is about
        ("与2024年相比，", []),
    ],
)
def test_a_title_year_is_checked_against_the_year_the_overview_opens_with(
    opening: str, codes: list[str]
) -> None:
    year, found = _read("某市某区教育局2025年政府信息公开工作年度报告\n" + _body(opening))
    assert year == 2025
    assert [d["code"] for d in found] == codes
    if codes:
        assert found[0]["other"] == 2024
