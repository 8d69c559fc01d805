"""Section headings: a long row is looked at no further only when its fold is surely long."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import Document, Line
from gongkai.annual.parse.rows import document_rows
from gongkai.annual.parse.sections import MAX_HEADING, _too_long, find_headings

TITLES = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def _headings(lines: list[str]) -> dict[str, int]:
    document = Document("t", "text", [Line(text, i + 1) for i, text in enumerate(lines)])
    return find_headings(document_rows(document))


def test_a_long_paragraph_that_starts_like_a_heading_is_not_one() -> None:
    paragraph = "一是加大对政务公开工作的督查力度,办公室定期对各部门政府信息公开情况进行检查" * 2
    assert len(paragraph) > MAX_HEADING and _too_long(paragraph)
    assert _headings([paragraph, *TITLES]) == {str(i): i for i in range(1, 7)}


def test_white_space_does_not_count_towards_the_length() -> None:
    spaced = "一、 " + " ".join("总体情况" * 5)
    assert len(spaced) > MAX_HEADING and not _too_long(spaced)
    assert not _too_long(spaced + "总" * 18) and _too_long(spaced + "总" * 19)


def test_a_heading_padded_with_no_break_spaces_is_still_found() -> None:
    padded = "一、" + "\u00a0" * MAX_HEADING + "总体情况"  # (no NFKC: left to the fold)
    assert len(padded) > MAX_HEADING and not _too_long(padded)
    assert _headings([padded, *TITLES[1:]])["1"] == 0


def test_text_not_in_nfkc_is_left_to_the_fold() -> None:
    # compatibility characters fold to others: the row's length says nothing
    assert not _too_long("\u2f00" * (MAX_HEADING + 1))
    assert _too_long("一" * (MAX_HEADING + 1))
    assert not _too_long("一" * MAX_HEADING)


def test_a_heading_merged_into_its_tables_first_row_is_found() -> None:
    """A converter's table whose first row is the heading, one cell across the table."""
    lines = [TITLES[0], f"| {TITLES[1]} | | | |", "| 规章 | 0 | 0 | 0 |", *TITLES[2:]]
    assert _headings(lines) == {"1": 0, "2": 1, "3": 3, "4": 4, "5": 5, "6": 6}
    assert _headings([f"|{TITLES[0]}| |", *TITLES[1:]])["1"] == 0


def test_a_tables_row_is_no_heading_of_a_missing_section() -> None:
    """Looked for in table rows only when a section is missing, and then only a row of
    one cell with the section's own title: table 三's 三、本年度办理结果 is none."""
    lines = [TITLES[0], TITLES[1], "| 三、本年度办理结果 | | |", *TITLES[3:]]
    assert "3" not in _headings(lines)
    lines = [TITLES[0], TITLES[1], f"| {TITLES[2]} | 申请人情况 |", *TITLES[3:]]
    assert "3" not in _headings(lines)


@pytest.mark.parametrize(
    "row",
    ["第二十条第（一）项", "第三项加第四项之和）", "二十、其他", "三项工作"],
)
def test_a_larger_number_or_an_item_is_no_heading(row: str) -> None:
    """Table 二's block heading alone in its row, table 三's note wrapped in its cell (a
    PDF's narrow cell): neither is the heading of a section left out (二 or 三)."""
    lines = [TITLES[0], row, TITLES[2], TITLES[3], TITLES[4], TITLES[5]]
    assert "2" not in _headings(lines)
    lines = [TITLES[0], TITLES[1], row, TITLES[3], TITLES[4], TITLES[5]]
    assert "3" not in _headings(lines)


@pytest.mark.parametrize(
    "last",
    ["六、其它需要报告的事项", "六、其它需要报告的事项：", "六、其他需报告的事项", "六、其他事项"],
)
def test_the_last_section_worded_otherwise_is_found(last: str) -> None:
    body = ["依法公开。"]
    lines = [*(x for t in TITLES[:5] for x in (t, *body)), last, "本年度未收取信息处理费。"]
    assert _headings(lines)["6"] == lines.index(last)


@pytest.mark.parametrize("last", ["六、加强培训", "六是加强队伍建设"])
def test_a_sixth_item_under_section_five_is_no_heading(last: str) -> None:
    lines = [*TITLES[:5], "一、加强统筹", "二、完善制度", last]
    assert "6" not in _headings(lines)


def test_an_other_matters_title_before_section_five_is_not_the_last_section() -> None:
    lines = [TITLES[0], "六、其他事项", *TITLES[1:5]]
    assert "6" not in _headings(lines)
