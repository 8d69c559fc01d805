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
