"""Organ and year in further shapes of titles, signatures and crawler headers (issue 13,
shape 4): an organ with its second name in brackets on a line of its own or signing, a
title broken inside the organ's name, a date above a title without a year, a statistics
period in Chinese numerals, a signing date after its key; and the new organ fixtures'
notes."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes, parse_file
from tests.conftest import FIXTURES

BODY = (
    "一、总体情况\n本年度，本单位依法做好政府信息公开工作。\n二、主动公开政府信息情况\n"
    "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
)
BRACKETED = "某市卫生健康局（某市中医药管理局）"


def _read(text: str) -> tuple[str | None, int | None, set[str]]:
    report = parse_bytes(text.encode("utf-8"), "样本.txt")
    return report.organ, report.year, {str(d["code"]) for d in report.diagnostics or ()}


@pytest.mark.parametrize(
    "text",
    [
        f"{BRACKETED}\n2025年政府信息公开工作年度报告\n{BODY}",
        f"2025年政府信息公开工作年度报告\n{BODY}{BRACKETED}\n2026年1月20日\n",
        f"2025年政府信息公开工作年度报告\n{BODY}某市卫生健康局(某市中医药管理局)\n2026年1月20日\n",
    ],
)
def test_an_organ_with_its_second_name_in_brackets_above_the_title_or_signing(text: str) -> None:
    organ, year, codes = _read(text)
    assert (organ, year) == (BRACKETED, 2025)
    assert "ORGAN_SPELLING" not in codes


def test_a_bracketed_note_after_a_signature_is_still_not_a_second_name() -> None:
    organ, _, _ = _read(
        f"2025年政府信息公开工作年度报告\n{BODY}某市某局（此件主动公开）\n2026年1月20日\n"
    )
    assert organ == "某市某局"


@pytest.mark.parametrize(
    ("head", "organ"),
    [
        ("某市某区农业农村\n局2025年政府信息公开工作年度报告\n", "某市某区农业农村局"),
        ("某市某区发展和改革委\n员会2025年政府信息公开工作年度报告\n", "某市某区发展和改革委员会"),
    ],
)
def test_a_title_broken_inside_the_organs_name_is_read_whole(head: str, organ: str) -> None:
    assert _read(head + BODY + "某区某局\n2026年1月20日\n")[:2] == (organ, 2025)


@pytest.mark.parametrize(
    "above",
    [
        "某市某区人民政府门户网站",  # the site's name
        "当前位置：首页",
        "某市某区",  # a place alone: the title names no organ
    ],
)
def test_a_line_above_a_title_naming_no_organ_does_not_join_it(above: str) -> None:
    organ, _, _ = _read(f"{above}\n2025年政府信息公开工作年度报告\n{BODY}")
    assert organ is None


def test_a_crawlers_date_with_year_and_month_above_a_title_is_not_its_year_nor_organ() -> None:
    organ, year, codes = _read(
        "标题：政府信息公开工作年度报告\n发布时间：2026年01月20日 09:30\n"
        f"政府信息公开工作年度报告\n{BODY}某市某区教育局\n"
    )
    assert (organ, year) == ("某市某区教育局", 2025)
    assert "YEAR_FROM_DATE" in codes  # the page's date is all that names the year


def test_a_statistics_period_in_chinese_numerals_names_the_year() -> None:
    organ, year, codes = _read(
        "某市某区教育局政府信息公开工作年度报告\n"
        "本报告统计期限为二〇二五年一月一日至二〇二五年十二月三十一日。\n" + BODY
    )
    assert (organ, year) == ("某市某区教育局", 2025)
    assert not {c for c in codes if c.startswith("YEAR")}


def test_a_title_year_against_a_period_in_chinese_numerals_is_said() -> None:
    _, year, codes = _read(
        "某市某区教育局2025年政府信息公开工作年度报告\n"
        "本报告统计期限为二〇二四年一月一日至二〇二四年十二月三十一日。\n" + BODY
    )
    assert year == 2025
    assert "YEAR_CONFLICT" in codes


def test_a_signing_date_after_its_own_key_dates_the_report() -> None:
    _, year, codes = _read(f"政府信息公开工作年度报告\n{BODY}某市某区教育局\n日期：2026年1月20日\n")
    assert year == 2025
    assert "YEAR_FROM_DATE" in codes


NEW_FIXTURES = {
    "no_year_anywhere_signed_in_chinese_numerals_year_from_signing_date": {"YEAR_FROM_DATE"},
    "crawler_bare_title_portal_owner_as_publisher_signature_and_date_on_one_line": set(),
    "organ_with_second_name_in_brackets_on_its_own_line_above_the_title": set(),
    "title_broken_inside_the_organ_name_before_its_last_character": set(),
    "traditional_report_no_year_in_title_period_in_chinese_numerals": set(),
    "street_office_title_year_against_a_period_copied_from_last_year": {"YEAR_CONFLICT"},
    "township_title_misreads_one_place_character_signature_spells_it_right": {"ORGAN_SPELLING"},
    "signature_above_a_long_page_footer_no_organ_in_title": set(),
}
"""The organ fixtures of this red team and the notes on organ and year each must give
(their organ, year and cells are compared by ``test_fixture_reports``)."""


@pytest.mark.parametrize(("name", "notes"), NEW_FIXTURES.items(), ids=list(NEW_FIXTURES))
def test_the_new_organ_fixtures_say_what_is_uncertain_and_nothing_else(
    name: str, notes: set[str]
) -> None:
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    codes = {str(d["code"]) for d in report.diagnostics or ()}
    assert {c for c in codes if c.startswith(("YEAR", "ORGAN"))} == notes


def test_the_year_from_the_signing_date_names_the_date_as_printed() -> None:
    name = "no_year_anywhere_signed_in_chinese_numerals_year_from_signing_date"
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    [note] = [d for d in report.diagnostics or () if d["code"] == "YEAR_FROM_DATE"]
    assert note["date"] == "二〇二六年一月十八日"
    assert note["severity"] == "warning"


LONG_BODY = BODY.replace("二、", "依法公开。\n" * 16 + "二、")
"""A body long enough that the page's fields at its end are not among its first rows."""


def test_a_page_field_under_the_signing_date_is_passed_over() -> None:
    _, year, codes = _read(
        f"政府信息公开工作年度报告\n{LONG_BODY}某市某区教育局\n2026年1月20日\n"
        "发布日期：2026-08-01 浏览次数：100\n"
    )
    assert year == 2025
    [note] = [c for c in codes if c.startswith("YEAR")]
    assert note == "YEAR_FROM_DATE"


def test_a_signing_date_followed_by_yinfa_leaves_the_signature_above_it() -> None:
    organ, year, _ = _read(f"政府信息公开工作年度报告\n{BODY}某市某区教育局\n2026年1月20日印发\n")
    assert (organ, year) == ("某市某区教育局", 2025)


@pytest.mark.parametrize(
    ("signature", "organ"),
    [
        ("国家税务总局\n某市某区税务局", "国家税务总局某市某区税务局"),
        ("某省某某监狱", "某省某某监狱"),
        ("某省某某国有林场", "某省某某国有林场"),
        # two organs, each naming its place: a joint signature, not one name
        ("某县人民政府办公室\n某县财政局", "某县人民政府办公室"),
    ],
)
def test_signatures_of_further_organs(signature: str, organ: str) -> None:
    assert _read(f"2025年政府信息公开工作年度报告\n{BODY}{signature}\n2026年1月20日\n")[0] == organ


def test_a_flattened_title_with_its_year_in_brackets_run_into_the_text() -> None:
    organ, year, _ = _read(
        "当前位置：首页>年报 某市某区教育局政府信息公开工作年度报告（2025年度）本报告根据条例编制。"
        + BODY.replace("\n", " ")
    )
    assert (organ, year) == ("某市某区教育局", 2025)


FOOTER = (
    "【打印本页】【关闭窗口】\n相关链接\n国务院\n省政府\n市政府\n网站地图\n联系我们\n关于我们\n"
    "主办单位：某市某区人民政府办公室\n承办单位：某市某区大数据中心\n网站标识码：3301000001\n"
    "浙ICP备12345678号\n"
)


@pytest.mark.parametrize("signed", ["2026年1月20日", "二〇二六年一月二十日"])
def test_the_signature_is_found_above_a_page_footer_of_many_lines(signed: str) -> None:
    """The footer's links (``市政府``) are not the signature, nor is its 主办单位."""
    organ, year, codes = _read(
        f"政府信息公开工作年度报告\n{BODY}某市某区教育局\n{signed}\n{FOOTER}"
    )
    assert (organ, year) == ("某市某区教育局", 2025)
    assert "YEAR_FROM_DATE" in codes


def test_without_a_signing_date_a_footer_of_many_lines_names_no_organ() -> None:
    organ, _, _ = _read(f"2025年政府信息公开工作年度报告\n{BODY}{FOOTER}")
    assert organ is None


@pytest.mark.parametrize(
    "title",
    [
        "【某市某区教育局】2025年政府信息公开工作年度报告",
        "1.某市某区教育局2025年政府信息公开工作年度报告",
        "【公开年报】某市某区教育局2025年政府信息公开工作年度报告",  # a column's name
    ],
)
def test_an_organ_in_black_brackets_or_after_a_number_before_the_year(title: str) -> None:
    assert _read(f"{title}\n{BODY}")[:2] == ("某市某区教育局", 2025)
