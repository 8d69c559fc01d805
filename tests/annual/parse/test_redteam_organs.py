"""A third red team's organ fixtures (issue 13, shape 4), and the notes on organ and year
each must give: no more than these (organ, year and cells are compared by
``test_fixture_reports``). The two marked as failing before had their rule added."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes, parse_file
from tests.conftest import FIXTURES

NOTES = {
    "title_year_in_chinese_numerals_erlinger_si_niandu": set(),
    "title_over_two_lines_guanyu_de_wrapper_year_on_second_line": set(),
    "government_office_with_service_bureau_second_name_in_brackets": set(),
    "report_year_earlier_than_publication_year_published_late": set(),
    "commission_full_name_in_title_short_name_in_body_and_signature": set(),
    "district_government_title_with_city_signature_without": set(),
    "town_name_with_nian_character_before_the_year": set(),
    "police_brigade_with_chinese_numerals_in_its_name": set(),
    # the signature names the organ: the crawler's 发布机构 field is not needed
    "crawler_header_no_title_organ_statistics_period_names_the_year_published_next_year": set(),
    "title_organ_and_chinese_year_on_two_lines_signature_dated_in_chinese_numerals": set(),
    "half_width_brackets_second_name_signed_by_second_name": set(),
    "guanyu_wrapper_with_place_repeated_inside_the_wrapper": set(),
    "ocr_place_character_in_title_body_and_signature_spell_it_otherwise_two_line_title": {
        "ORGAN_SPELLING"
    },
    "ocr_title_year_with_letter_o_for_zero": {"LETTER_O_AS_ZERO"},  # failed before
    "title_words_gongzuo_de_niandu_baogao": set(),  # failed before (no organ)
    # failed before (the second name was dropped; no organ was read)
    "no_organ_in_title_signature_with_second_name_in_brackets_on_the_line_under_it": set(),
    "organ_in_brackets_alone_on_the_line_under_the_title": set(),
    "organ_in_brackets_alone_on_the_line_above_the_title": set(),
    "trial_format_2019_title_year_in_chinese_numerals_signed_in_chinese_numerals": set(),
    "guanyu_organ_on_its_own_line_year_and_gonggao_on_the_next": set(),
    "notice_guanyu_fabu_organ_year_report_de_tongzhi": set(),  # failed before (发布X局)
}


@pytest.mark.parametrize(("name", "notes"), NOTES.items(), ids=list(NOTES))
def test_organ_fixture_gives_only_its_notes_on_organ_and_year(name: str, notes: set[str]) -> None:
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    codes = {str(d["code"]) for d in report.diagnostics or ()}
    assert {c for c in codes if c.startswith(("YEAR", "ORGAN", "LETTER_O"))} == notes


def test_a_misread_place_in_the_title_is_kept_and_the_other_spelling_given() -> None:
    name = "ocr_place_character_in_title_body_and_signature_spell_it_otherwise_two_line_title"
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    assert report.organ == "样例市东潮区农业农村局"
    found = [d for d in report.diagnostics or () if d["code"] == "ORGAN_SPELLING"]
    assert [d.get("spelling") for d in found] == ["样例市东湖区农业农村局"]


@pytest.mark.parametrize(
    ("head", "tail", "organ"),
    [
        ("2024年政府信息公开工作年度报告\n（某市医疗保障局）", "", "某市医疗保障局"),
        ("（某市医疗保障局）\n2024年政府信息公开工作年度报告", "", "某市医疗保障局"),
        (
            "2024年政府信息公开工作年度报告",
            "某市人民政府办公室\n（某市政务服务管理局）\n2025年1月20日\n",
            "某市人民政府办公室（某市政务服务管理局）",
        ),
        (  # a note in brackets under the signature is no second name
            "2024年政府信息公开工作年度报告",
            "某市医疗保障局\n（此件主动公开）\n2025年1月20日\n",
            "某市医疗保障局",
        ),
    ],
)
def test_an_organ_in_brackets_on_a_line_of_its_own(head: str, tail: str, organ: str) -> None:
    body = (
        "\n一、总体情况\n本机关坚持以公开为常态。\n二、主动公开政府信息情况\n"
        "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
    )
    report = parse_bytes((head + body + tail).encode("utf-8"), "年报.txt")
    assert (report.organ, report.year) == (organ, 2024)


@pytest.mark.parametrize(
    "head",
    [
        "关于某县审计局\n2024年度政府信息公开工作年度报告的公告",
        "关于某县审计局\n2024年度政府信息公开工作年度报告",
        "关于发布某县审计局\n2024年度政府信息公开工作年度报告的通知",
        "关于印发某县审计局2024年度政府信息公开工作年度报告的通知",
    ],
)
def test_a_guanyu_wrapper_before_the_organ_is_not_its_name(head: str) -> None:
    body = "\n一、总体情况\n本机关坚持以公开为常态。\n二、主动公开政府信息情况\n六、其他需要报告的事项\n无。\n"
    report = parse_bytes((head + body).encode("utf-8"), "年报.txt")
    assert (report.organ, report.year) == ("某县审计局", 2024)
