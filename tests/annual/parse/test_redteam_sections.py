"""Section headings as reports print them (issue 13, shape 3, a third red team): a
heading run into its paragraph on one line, OCR's dash for the 一 of ``一、``, a title
worded as the pre-2019 form did, a contents list before the sections."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes, parse_file
from tests.annual.parse.test_sections import TITLES
from tests.conftest import FIXTURES

TEXTS = (
    "2025年，本局坚持以公开为常态、不公开为例外。",
    "详见下表。",
    "详见下表。",
    "详见下表。",
    "信息公开的及时性还有差距。",
    "本年度未收取信息处理费。",
)


def _sections(titles: tuple[str, ...], joiner: str) -> dict[str, str]:
    lines = ["样例县某局2025年政府信息公开工作年度报告"]
    lines += [f"{title}{joiner}{text}" for title, text in zip(titles, TEXTS, strict=True)]
    report = parse_bytes("\n".join(lines).encode("utf-8"), "样本.txt")
    assert report.sections is not None
    return dict(report.sections)


@pytest.mark.parametrize("joiner", ["\n", "。", "：", " ", ""])
def test_a_heading_run_into_its_paragraph_keeps_the_paragraph(joiner: str) -> None:
    sections = _sections(TITLES, joiner)
    assert list(sections) == ["1", "2", "3", "4", "5", "6"]
    assert sections["1"] == TEXTS[0]
    assert sections["5"] == TEXTS[4]
    assert sections["6"] == TEXTS[5]


def test_a_long_paragraph_run_into_its_heading_is_the_sections_text() -> None:
    long = "2025年，本局坚持以公开为常态、不公开为例外，" * 4 + "全年主动公开信息312条。"
    titles = (f"{TITLES[0]}。{long}", *TITLES[1:])
    lines = ["样例县某局2025年政府信息公开工作年度报告", *titles]
    report = parse_bytes("\n".join(lines).encode("utf-8"), "样本.txt")
    assert report.sections is not None and report.sections["1"] == long


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("二、主动公开政府信息的情况", ""),  # the title's own last words are no text
        ("五、工作中存在的主要问题及改进措施", TEXTS[4]),
    ],
)
def test_a_title_worded_otherwise_leaves_no_words_in_the_text(title: str, text: str) -> None:
    key = title[0]
    titles = tuple(title if t[0] == key else t for t in TITLES)
    sections = _sections(titles, "\n")
    number = {"二": "2", "五": "5"}[key]
    expected = "详见下表。" if number == "2" else text
    assert sections[number] == expected


@pytest.mark.parametrize("dash", ["-", "—", "－"])
def test_a_dash_for_the_yi_of_section_one(dash: str) -> None:
    sections = _sections((f"{dash}、总体情况", *TITLES[1:]), "\n")
    assert sections["1"] == TEXTS[0]


def test_section_four_titled_as_the_pre_2019_form_did() -> None:
    titles = (*TITLES[:3], "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", *TITLES[4:])
    assert "4" in _sections(titles, "\n")


def test_a_tables_digits_run_into_a_heading_are_no_sections_text() -> None:
    """A crawled page's table 四 run into its heading's line (header words, then its
    digits together) is no paragraph: its digits are in no section's text."""
    line = (
        f"{TITLES[3]} 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计，{'100120000001001' * 2}"
    )
    lines = ["样例县某局2025年政府信息公开工作年度报告", *TITLES[:3], line, *TITLES[4:]]
    report = parse_bytes("\n".join(lines).encode("utf-8"), "样本.txt")
    assert report.sections is not None
    assert all("100120000001001" not in text for text in report.sections.values())


def test_the_fixture_with_headings_run_in_reads_each_sections_text() -> None:
    name = "headings_run_into_their_paragraphs_dash_for_yi_pre_2019_wording_of_four"
    report = parse_file(FIXTURES / "reports" / f"{name}.txt")
    assert report.sections is not None
    assert report.sections["1"].startswith("2025年，县农业农村局坚持以公开为常态")
    assert report.sections["5"].startswith("一是政策解读形式较为单一")
    assert report.sections["6"].startswith("本年度未收取信息处理费。本机关无其他需要报告的事项。")


def _fixture_sections(name: str) -> dict[str, str]:
    path = next(FIXTURES.glob(f"*/{name}.txt"))
    report = parse_file(path)
    assert report.sections is not None
    return dict(report.sections)


def test_sections_numbered_in_financial_numerals_keep_their_points_in_the_text() -> None:
    """``壹、`` to ``陆、``; the points ``一是…二是…`` of section 壹 name the sections'
    titles (二是收到和处理政府信息公开申请) and stay in its text."""
    name = "sections_numbered_in_financial_numerals_points_yi_shi_er_shi_guifanxing_wenjian_1_dun_xingzheng_fa_fuyi"
    sections = _fixture_sections(name)
    assert sections["1"].startswith("2024年，县卫生健康委员会坚持以公开为常态")
    assert "二是收到和处理政府信息公开申请，全年新收申请29件" in sections["1"]
    assert sections["5"].startswith("一是政策解读形式较为单一")
    assert sections["6"].startswith("本年度未收取信息处理费。")


def test_chapters_with_colons_then_an_appendix_numbered_again() -> None:
    name = "sections_as_chapters_with_colons_tables_in_appendix_numbered_again_no_guizhang_1_dun"
    sections = _fixture_sections(name)
    assert sections["2"] == (
        "本年度制发规范性文件0件，废止1件，现行有效5件；办理行政许可87件，作出行政处罚12件。"
        "具体见附件表一。"
    )
    assert sections["4"] == "因政府信息公开被申请行政复议1件，尚未审结，具体见附件表三。"
    assert "附件" not in sections["6"] and "行政法复议" not in sections["6"]


@pytest.mark.parametrize(
    "name",
    [
        "section_titles_alone_in_lenticular_brackets_some_typed_otherwise",
        "sections_numbered_in_roman_numerals_titles_typed_otherwise_tab_tables_no_guizhang_row",
    ],
)
def test_titles_typed_otherwise_leave_sections_two_to_four_to_their_tables(name: str) -> None:
    sections = _fixture_sections(name)
    assert list(sections) == ["1", "2", "3", "4", "5", "6"]
    assert sections["2"] == sections["3"] == sections["4"] == ""
    assert sections["6"].startswith("本年度未收取信息处理费。")


def test_a_missing_heading_among_financial_numerals_is_said_and_its_table_still_read() -> None:
    name = "sections_numbered_in_financial_numerals_heading_three_left_out_table3_found_by_labels"
    report = parse_file(next(FIXTURES.glob(f"*/{name}.txt")))
    missing = [
        d.get("section") for d in report.diagnostics or () if d["code"] == "SECTION_NOT_FOUND"
    ]
    assert missing == ["3"]
    assert report.table3.row("received") == (13, 3, 0, 0, 0, 1, 17)
