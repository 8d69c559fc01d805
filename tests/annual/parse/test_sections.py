"""Section headings: a long row is looked at no further only when its fold is surely long."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import Document, Line
from gongkai.annual.parse.rows import document_rows
from gongkai.annual.parse.sections import MAX_HEADING, _too_long, find_headings, section_texts

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


def _numbered(style: str) -> list[str]:
    """The six headings numbered in ``style`` (``{n}`` the numeral, ``{t}`` the title),
    each over a paragraph of points numbered 一是, 二是."""
    numerals = {
        "chinese": "一二三四五六",
        "financial": "壹贰叁肆伍陆",
        "roman": "ⅠⅡⅢⅣⅤⅥ",
        "latin": ("I", "II", "III", "IV", "V", "VI"),
    }
    kind, _, pattern = style.partition(":")
    lines = []
    for numeral, title in zip(numerals[kind], TITLES, strict=True):
        lines += [pattern.format(n=numeral, t=title[2:]), "一是加强领导。二是完善制度。"]
    return lines


@pytest.mark.parametrize(
    "style",
    [
        "financial:{n}、{t}",
        "financial:第{n}部分 {t}",
        "chinese:第{n}章 {t}",
        "chinese:第{n}节 {t}",
        "chinese:{n}、{t}：",
        "chinese:第{n}部分：{t}",
        "chinese:【{n}、{t}】",
        "chinese:【{t}】",
        "roman:{n}、{t}",
        "roman:{n}. {t}",
        "latin:{n}. {t}",
        "latin:{n} {t}",
        "latin:{n}、{t}：",
    ],
)
def test_headings_numbered_otherwise_are_found(style: str) -> None:
    assert _headings(_numbered(style)) == {str(i): 2 * (i - 1) for i in range(1, 7)}


@pytest.mark.parametrize(
    ("key", "title"),
    [
        ("2", "二、主动公开政府信息的情况"),
        ("3", "三、收到和处理政府信息公开申请的情况"),
        ("4", "四、政府信息公开行政复议和行政诉讼情况"),
        ("4", "四、政府信息公开行政复议及行政诉讼情况"),
        ("5", "五、存在的主要问题和改进情况"),
        ("6", "六、其他需要报告事项"),
    ],
)
def test_a_title_typed_with_other_small_words_is_its_sections_own(key: str, title: str) -> None:
    """Found as the section's own title, not only between its neighbours: the last
    heading of a report that prints no more (nothing after it to stand between)."""
    position = int(key) - 1
    lines = [*TITLES[:position], title]
    assert _headings(lines) == {str(i): i - 1 for i in range(1, int(key) + 1)}


@pytest.mark.parametrize(
    "point",
    [
        "二是主动公开政府信息情况良好",
        "二是主动公开政府信息",
        "贰是主动公开政府信息",
        "第二是主动公开政府信息",
    ],
)
def test_a_point_numbered_er_shi_is_no_heading(point: str) -> None:
    """``一是…二是…`` number a paragraph's points: never a section's heading, even when
    the point names the section's title and the section is not found otherwise."""
    lines = [TITLES[0], point, "正文。", *TITLES[2:]]
    assert "2" not in _headings(lines)


def test_a_point_numbered_yi_shi_before_the_first_heading_is_no_heading() -> None:
    assert _headings(["一是总体情况良好。", *TITLES])["1"] == 1


@pytest.mark.parametrize(
    "row",
    ["IT系统建设情况", "VI系统", "【工作动态】", "【主动公开】", "I.加强培训", "Ⅱ、完善制度"],
)
def test_latin_letters_and_other_bracketed_words_are_no_heading(row: str) -> None:
    lines = [TITLES[0], row, *TITLES[2:]]
    assert "2" not in _headings(lines)


def test_a_bracketed_heading_keeps_the_paragraph_run_in_after_it() -> None:
    lines = ["【一、总体情况】2025年，本局依法公开。", *TITLES[1:]]
    document = Document("t", "text", [Line(text, i + 1) for i, text in enumerate(lines)])
    rows = document_rows(document)
    texts = section_texts(rows, find_headings(rows), set())
    assert texts["1"] == "2025年，本局依法公开。"
