"""Table 四 printed 行政诉讼 first, in a text report both readers of the tables read.

A crawled report whose tables 二 and 三 lost their cell boundaries is read by both the
ruled-table reader (``tables``) and the flat reader (``flat_tables``); ``recognize`` keeps
one reading per table. Two faults, each built here as a whole report:

- the header words one a line and the numbers spaced on one line: both readers read the
  printed order and ``TABLE4_REORDERED`` was said twice (the flat reader's notes were
  added for a table whose reading it did not supply);
- the first header word (行政诉讼) also on the part's title's line: the ruled reader did
  not see it, read the groups in the national order with full confidence and won the tie
  over the flat reader's reading by the header.

The numbers are chosen so each group's 总计 is the sum of its other four and no two
groups hold the same numbers; read in the national order, the 未经复议直接起诉 group's
numbers would land in 行政复议.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from gongkai.annual import AnnualReport
from gongkai.annual.model import AppealCounts, Table4
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.flat_tables import read_flat
from gongkai.annual.parse.normalize import normalize_text
from gongkai.annual.parse.tables import table4_header_words
from tests.conftest import FIXTURES

FLAT = FIXTURES / "flat"
BASE = (FLAT / "crawled-table4-litigation-first-columns-total-first.txt").read_text(
    encoding="utf-8"
)
TITLE = "四、政府信息公开行政复议、行政诉讼情况"
FIVE = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
WORDS = ["行政诉讼", "行政复议", "未经复议直接起诉", "复议后起诉", *FIVE * 3]
DIRECT = [3, 1, 0, 2, 6]
AFTER = [1, 0, 0, 1, 2]
RECONSIDERATION = [4, 2, 1, 0, 7]
NUMBERS = " ".join(str(n) for n in (*DIRECT, *AFTER, *RECONSIDERATION))
EXPECTED = Table4(AppealCounts(*RECONSIDERATION), AppealCounts(*DIRECT), AppealCounts(*AFTER))
REORDERED = (
    "info",
    "report.txt：表四表头所示各组的顺序为“未经复议直接起诉、复议后起诉、行政复议”，"
    "与国家格式不同，各数字按表头归入各组、各列",
)
HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def _report(table4: str, *, lines: bool = True) -> str:
    """The crawled fixture (tables 二 and 三 run together into digit runs) with ``table4``
    after the part's title (``table4`` starts with what the title's line holds after the
    title); with ``lines``, each part's heading on its own line, as a plain text copy
    prints them."""
    head, rest = BASE.split(TITLE, 1)
    text = f"{head}{TITLE}{table4}\n{rest[rest.index('五、存在的主要问题') :]}"
    if lines:
        for heading in HEADINGS:
            text = text.replace(heading, f"\n{heading}\n", 1)
        text = text.replace(TITLE, f"\n{TITLE}", 1)
    return text


def _parse(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "report.txt")


def _said(report: AnnualReport, code: str) -> list[tuple[Any, Any]]:
    return [(d["severity"], d["message"]) for d in report.diagnostics or () if d["code"] == code]


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


ONE_A_LINE = "\n" + "\n".join(WORDS) + "\n" + NUMBERS
ON_THE_TITLE_LINE = " " + WORDS[0] + "\n" + "\n".join(WORDS[1:]) + "\n" + NUMBERS

LAYOUTS = {
    "header words one a line, numbers spaced": _report(ONE_A_LINE),
    "行政诉讼 on the title's line": _report(ON_THE_TITLE_LINE),
    "行政诉讼 run into the title": _report(ON_THE_TITLE_LINE.lstrip()),
    "行政诉讼 after a unit note on the title's line": _report("（单位：件） " + ON_THE_TITLE_LINE),
    "行政诉讼 on the crawled page's one line": _report(ON_THE_TITLE_LINE, lines=False),
}


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_table4_litigation_first_reads_by_its_header_and_says_so_once(name: str) -> None:
    report = _parse(LAYOUTS[name])
    assert report.table4 == EXPECTED
    assert report.confidence is not None and report.confidence["table4"] == 1.0
    assert _said(report, "TABLE4_REORDERED") == [REORDERED]
    assert "TABLE4_HEADINGS_CONFLICT" not in _codes(report)


def test_both_readers_read_the_layouts_table4() -> None:
    """Why the notes were doubled: the flat reader reads the same table (and says so),
    the ruled reader's reading is kept."""
    for text in LAYOUTS.values():
        flat = read_flat(normalize_text(text))
        assert flat.table4 == EXPECTED
        assert [d["code"] for d in flat.diagnostics if d["code"] == "TABLE4_REORDERED"] == [
            "TABLE4_REORDERED"
        ]


def test_headings_found_with_the_word_on_the_titles_line() -> None:
    """The title's line is still the part's heading (its table read from the lines after
    it), and its header word is no text of the part."""
    report = _parse(LAYOUTS["行政诉讼 on the title's line"])
    assert "SECTION_NOT_FOUND" not in _codes(report)
    assert report.sections is not None and "行政诉讼" not in report.sections.get("4", "")


def test_a_ruled_table4_with_its_first_header_word_on_the_titles_line() -> None:
    """The ruled reader alone (every table read from its cells, the flat reader not
    tried): the word on the title's line gives the order."""
    fixture = FIXTURES / "reports" / "table4_litigation_printed_before_reconsideration.txt"
    text = fixture.read_text(encoding="utf-8")
    heading = "## **四、政府信息公开行政复议、行政诉讼情况**"
    head, rest = text.split(heading)
    table = "\n".join(
        [
            f"{TITLE} 行政诉讼",
            "行政复议",
            "未经复议直接起诉 复议后起诉",
            "  ".join(FIVE * 3),
            NUMBERS.replace(" ", "  "),
        ]
    )
    report = _parse(f"{head}{table}\n\n{rest[rest.index('## **五、') :]}")
    assert report.table4 == EXPECTED
    assert report.confidence is not None and report.confidence["table4"] == 1.0
    assert _said(report, "TABLE4_REORDERED") == [REORDERED]


@pytest.mark.parametrize(
    "after_title",
    [
        " 本年度未发生行政诉讼和行政复议",  # a sentence: says nothing of the order
        "（详见下表）",
    ],
)
def test_words_after_the_title_that_are_no_header_change_nothing(after_title: str) -> None:
    """The national order printed under a title line holding other words: read as before."""
    national = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", *FIVE * 3]
    numbers = " ".join(str(n) for n in (*RECONSIDERATION, *DIRECT, *AFTER))
    report = _parse(_report(after_title + "\n" + "\n".join(national) + "\n" + numbers))
    assert report.table4 == EXPECTED
    assert not _said(report, "TABLE4_REORDERED")


def test_readers_disagreeing_the_one_that_read_the_header_is_kept() -> None:
    """Words between the title and 行政诉讼 that are no header (``如下表``): the ruled
    reader does not take 行政诉讼 from the title's line and reads the national order, the
    flat reader reads the header. Both are sure of their reading; the tie goes to the one
    that read the printed order, which says so."""
    report = _parse(_report(" 如下表 " + ON_THE_TITLE_LINE.lstrip()))
    assert report.table4 == EXPECTED
    assert _said(report, "TABLE4_REORDERED") == [REORDERED]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("行政诉讼", [("group", "litigation")]),
        (" 行政诉讼  行政复议 ", [("group", "litigation"), ("group", "reconsideration")]),
        ("（单位：件）行政诉讼", [("group", "litigation")]),
        ("情况 行政诉讼", []),
        ("本年度未发生行政诉讼", []),
        ("", []),
        ("行政诉讼12", []),
    ],
)
def test_header_words_alone(text: str, expected: list[tuple[str, str]]) -> None:
    assert table4_header_words(text) == expected


def test_every_flat_note_names_its_table_first() -> None:
    """A note of the flat reader begins by naming the table it concerns (表二, 表三, 表四),
    for the person reading the diagnostics (``recognize`` goes by its ``table`` key):
    every fixture's flat notes start so."""
    seen = 0
    for path in sorted(FLAT.glob("*.txt")):
        for item in read_flat(normalize_text(path.read_text(encoding="utf-8"))).diagnostics:
            seen += 1
            assert re.match("表[二三四]", str(item["message"])), (path.name, item)
    assert seen > 5
