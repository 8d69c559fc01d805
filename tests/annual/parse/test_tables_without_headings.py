"""Tables whose headings are lost read to the same cells.

A report's tables are found under their headings (``二、主动公开政府信息情况`` and the
others, or an appendix's ``附表1：…``) when it prints them, and by their own labels
when it does not: a heading printed as a picture, tables copied from a spreadsheet
without their titles. Every fixture that prints a table heading is read again with the
headings of its tables taken out (``mutators.without_titles``), one table at a time and
all at once, and must still give its expected cells, with no row read
twice (``ROW_DUPLICATE``) and no table or row lost that the fixture as printed did not
lose: without its heading, a table is not merged into the one before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.detect import sniff
from tests.annual.parse.mutators import (
    html_title_keys,
    html_without_titles,
    title_key,
    title_lines,
    titles_in_tables,
    without_titles,
)
from tests.annual.parse.test_fixture_reports import (
    DOCUMENTS,
    differences,
    expected_for,
    fixture_text,
)
from tests.annual.parse.test_fixtures_as_documents import FORMATS, TEXT_TABLES

DEPEND_ON_HEADINGS: dict[str, str] = {
    "rt10-html-table4-every-cell-wu-under-a-sentence-saying-no-case-happened-table2-wu-left-null": (
        "表四各格印作“无”，只因第四部分的一句话写明未发生复议、诉讼才按 0 读取；去掉第四部分的"
        "标题后那句话属于哪一部分无从判断，这些格留空（从不把没有依据的占位符读作 0）"
    ),
}
"""Fixtures whose cells cannot be told without their tables' headings, with the reason
(a fixture added here must say why its tables' labels do not tell them)."""

ATTRIBUTION_CODES = frozenset(
    {
        "ROW_DUPLICATE",
        "TABLE_NOT_FOUND",
        "ROW_NOT_FOUND",
        "ROW_TOO_MANY",
        "ROW_TOO_FEW",
        "ROW_INFERRED",
        "SUBTOTAL_IGNORED",
        "INTERNAL_ERROR",
    }
)
"""Diagnostics a row given to the wrong table brings: none may appear that the fixture
as printed does not have."""

TEXTS = [
    path
    for path in DOCUMENTS
    if path.suffix == ".txt"
    and path.stem not in DEPEND_ON_HEADINGS
    and title_lines(fixture_text(path))
]


def _page_keys(path: Path) -> list[str]:
    """The tables whose headings a page prints as an element's whole text."""
    decoded = sniff(path.read_bytes())[1]
    return sorted(html_title_keys(decoded.text)) if decoded is not None else []


PAGES = [
    path
    for path in DOCUMENTS
    if path.suffix == ".html" and path.stem not in DEPEND_ON_HEADINGS and _page_keys(path)
]


def _choices(keys: Sequence[str]) -> list[tuple[str, ...]]:
    """Each of ``keys`` alone, then all at once (two at a time is left to the regression
    tests in ``test_recognize``: it would double the time for one more known case)."""
    alone: list[tuple[str, ...]] = [(key,) for key in keys]
    return alone if len(keys) < 2 else [*alone, tuple(keys)]


def _attribution(report: AnnualReport) -> Counter[str]:
    return Counter(d["code"] for d in report.diagnostics or () if d["code"] in ATTRIBUTION_CODES)


def _failures(
    path: Path, keys: Sequence[str], printed: bytes, without: Callable[[tuple[str, ...]], bytes]
) -> list[str]:
    """What reads differently with the headings of each choice of ``keys`` taken out."""
    expected = expected_for(path.stem)
    before = _attribution(parse_bytes(printed, path.name))
    out: list[str] = []
    for chosen in _choices(keys):
        report = parse_bytes(without(chosen), path.name)
        taken = "、".join(f"表{'二三四'[int(k) - 2]}" for k in chosen)
        out.extend(
            f"去掉{taken}的标题：{d}"
            for d in differences(report, expected)
            if d.startswith("table")
        )
        added = _attribution(report) - before
        out.extend(f"去掉{taken}的标题：多出诊断 {code}×{n}" for code, n in added.items())
    return out


def test_there_are_fixtures_with_table_headings() -> None:
    assert len(TEXTS) >= 60
    assert len(PAGES) >= 20


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_text_fixture_without_table_headings(path: Path) -> None:
    text = fixture_text(path)
    keys = sorted(title_lines(text))
    assert (
        _failures(path, keys, text.encode(), lambda chosen: without_titles(text, chosen).encode())
        == []
    )


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_fixture_without_table_headings(path: Path) -> None:
    data = path.read_bytes()
    decoded = sniff(data)[1]
    assert decoded is not None
    assert (
        _failures(
            path,
            _page_keys(path),
            data,
            lambda chosen: html_without_titles(decoded.text, chosen).encode(decoded.encoding),
        )
        == []
    )


WITH_TABLES = [path for path in TEXT_TABLES if title_lines(fixture_text(path))]


@pytest.mark.parametrize("kind", list(FORMATS))
@pytest.mark.parametrize("path", WITH_TABLES, ids=[p.stem for p in WITH_TABLES])
def test_text_fixture_without_table_headings_as_a_page_or_a_word_file(
    path: Path, kind: str
) -> None:
    """Every heading taken out at once, the text laid out again as a page and a DOCX."""
    text = fixture_text(path)
    name = f"{path.stem}.{kind}"
    before = _attribution(parse_bytes(FORMATS[kind](text), name))
    report = parse_bytes(FORMATS[kind](without_titles(text, "234")), name)
    assert [d for d in differences(report, expected_for(path.stem)) if d.startswith("table")] == []
    assert _attribution(report) - before == Counter()


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_text_fixture_with_table_headings_in_the_tables_first_rows(path: Path) -> None:
    """A heading merged into its table (the table's first row, one cell across it) is
    still the section's heading, and the table reads as under a heading of its own."""
    text = fixture_text(path)
    merged = titles_in_tables(text, "234")
    before = parse_bytes(text.encode(), path.name)
    report = parse_bytes(merged.encode(), path.name)
    assert [d for d in differences(report, expected_for(path.stem)) if d.startswith("table")] == []
    assert _attribution(report) - _attribution(before) == Counter()
    assert report.sections is not None and before.sections is not None
    assert sorted(report.sections) == sorted(before.sections)


# ----------------------------------------------------------------------------- the mutators


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("二、主动公开政府信息情况", "2"),
        ("## 三、收到和处理政府信息公开申请情况", "3"),
        ("**四、政府信息公开行政复议、行政诉讼情况**", "4"),
        ("第二部分\u3000主动公开政府信息情况", "2"),
        ("附表3：政府信息公开行政复议、行政诉讼情况", "4"),
        ("附表二", "3"),
        ("一、主动公开政府信息情况", "2"),  # an appendix numbering its tables again
        ("四、政府信息公開行政復議、行政訴訟情況", "4"),
        ("一、总体情况", None),
        ("本年度主动公开政府信息情况见附表1。", None),
        ("| 三、收到和处理政府信息公开申请情况 | | |", None),
        ("四、结转下年度继续办理", None),
    ],
)
def test_title_key(line: str, key: str | None) -> None:
    assert title_key(line) == key


def test_without_titles_takes_out_only_the_chosen_tables_headings() -> None:
    text = "一、总体情况\n正文。\n二、主动公开政府信息情况\n附表2\n| 规章 | 0 |\n三、收到和处理政府信息公开申请情况\n"
    assert without_titles(text, ("2",)) == (
        "一、总体情况\n正文。\n附表2\n| 规章 | 0 |\n三、收到和处理政府信息公开申请情况\n"
    )
    assert without_titles(text, ("2", "3")) == "一、总体情况\n正文。\n| 规章 | 0 |\n"


def test_titles_in_tables_moves_each_heading_into_its_tables_first_row() -> None:
    text = (
        "二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 0 |\n"
        "三、收到和处理政府信息公开申请情况\n\t自然人\t总计\n"
        "四、政府信息公开行政复议、行政诉讼情况\n正文。\n"
    )
    assert titles_in_tables(text, "234") == (
        "\n| 二、主动公开政府信息情况 | |\n| 信息内容 | 本年制发件数 |\n| --- | --- |\n"
        "| 规章 | 0 |\n三、收到和处理政府信息公开申请情况\t\t\n\t自然人\t总计\n"
        "四、政府信息公开行政复议、行政诉讼情况\n正文。\n"
    )
