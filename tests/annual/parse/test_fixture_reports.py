"""Reports in shapes the seeds do not show parse to their expected values, cell by cell.

Each fixture in ``tests/fixtures/reports`` (text) and ``tests/fixtures/documents`` (HTML)
has a ``<name>.expected.json`` beside it with the organ, year, format and the three
tables as the document prints them (blank cells null). The DOCX and PDF fixtures are
built in the test run from their expected file (``fixture_documents``). The names say
what each shows, e.g. ``spaces_aligned_columns_pdftotext_layout`` or
``cms_page_gb2312_nested_layout_tables``.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes, parse_file
from tests.annual.parse.fixture_documents import build_docx, build_pdf
from tests.conftest import FIXTURES

COMPARED = ("organ", "year", "format")
TABLES = ("table2", "table3", "table4")


def _documents() -> list[Path]:
    found = []
    for expected in sorted(FIXTURES.glob("*/*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        found.extend(expected.parent.glob(f"{stem}.txt"))
        found.extend(expected.parent.glob(f"{stem}.html"))
    return found


def expected_for(name: str) -> dict[str, Any]:
    path = next(FIXTURES.glob(f"*/{name}.expected.json"))
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def differences(report: AnnualReport, expected: dict[str, Any]) -> list[str]:
    got = report.to_dict()
    out = [
        f"{key}: 应为 {expected[key]!r}，读到 {got.get(key)!r}"
        for key in COMPARED
        if got.get(key) != expected[key]
    ]
    for table in TABLES:
        out.extend(
            f"{table}.{row}: 应为 {value}，读到 {got[table].get(row)}"
            for row, value in expected[table].items()
            if got[table].get(row) != value
        )
    return out


DOCUMENTS = _documents()


def fixture_text(path: Path) -> str:
    """A text fixture's characters: UTF-8, or UTF-16 after a byte-order mark (how Notepad
    saves “Unicode”), for tests that turn a fixture's text into other formats."""
    data = path.read_bytes()
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    return data.decode("utf-8")


def test_there_are_fixtures_in_every_kind() -> None:
    suffixes = sorted({path.suffix for path in DOCUMENTS})
    assert suffixes == [".html", ".txt"]
    assert len(DOCUMENTS) >= 12


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_fixture_parses_to_its_expected_values(path: Path) -> None:
    expected = expected_for(path.stem)
    report = parse_file(path)
    assert differences(report, expected) == []
    assert report.source == str(path)


WHOLE = [p for p in DOCUMENTS if p.parent.name != "damaged"]
"""``tests/fixtures/damaged`` holds reports printed with a part missing or wrong (a heading
left out, a blank 总计, totals that do not add up): they read to their values, not whole.
``tests/fixtures/ambiguous`` holds crawled reports whose digit runs have more than one
consistent split: they read to their values by the documented rule, and say so."""


@pytest.mark.parametrize("path", WHOLE, ids=[p.stem for p in WHOLE])
def test_fixture_finds_all_six_sections_and_tables(path: Path) -> None:
    report = parse_file(path)
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"SECTION_NOT_FOUND", "TABLE_NOT_FOUND", "ROW_NOT_FOUND", "INTERNAL_ERROR"}
    assert report.sections is not None and list(report.sections) == list(s.SECTION_KEYS)
    # every row found by its own label: nothing placed by position or guessed, except a
    # digit run with more than one split, which says so (and lowers its table's confidence)
    trial = report.format == s.FORMAT_2019
    unsure = _unsure_tables(report)
    assert report.confidence == {
        "table2": 0.0 if trial else (0.5 if "table2" in unsure else 1.0),
        "table3": report.confidence["table3"] if "table3" in unsure else 1.0,
        "table4": 0.5 if "table4" in unsure else 1.0,
    }
    if path.parent.name == "ambiguous":
        assert unsure


def _unsure_tables(report: AnnualReport) -> set[str]:
    """The tables a digit-run diagnostic names as not decided for certain."""
    names = {"表二": "table2", "表三": "table3", "表四": "table4"}
    return {
        key
        for d in report.diagnostics or ()
        if d["code"] in ("AMBIGUOUS_RUN", "UNDECODED_RUN")
        for name, key in names.items()
        if f"{name}的" in str(d["message"]) or f"{name}“" in str(d["message"])
    }


def test_docx_with_merged_cells_full_width_digits_and_table_split_by_page_break() -> None:
    name = "docx_merged_cells_table3_split_by_page_break"
    expected = expected_for(name)
    report = parse_bytes(build_docx(expected), f"{name}.docx")
    assert differences(report, expected) == []
    blanks = [d for d in report.diagnostics or () if d["code"] == "CELL_BLANK"]
    assert {d.get("row") for d in blanks} == {
        "table3.withheld.state_secret",
        "table3.unavailable.still_unclear",
        "table3.other.fee_unpaid",
        None,  # table 四 is one row of 15 cells
    }


@pytest.mark.slow
def test_pdf_with_table3_across_pages_and_header_repeated() -> None:
    pytest.importorskip("weasyprint")
    name = "pdf_table3_across_pages_header_repeated"
    expected = expected_for(name)
    data = build_pdf(expected)
    report = parse_bytes(data, f"{name}.pdf")
    assert differences(report, expected) == []
    codes = [d["code"] for d in report.diagnostics or ()]
    assert "ROW_DUPLICATE" not in codes  # the repeated header is not read as rows again


@pytest.mark.slow
def test_pdf_without_ruling_lines_reads_tables_from_text_columns() -> None:
    pytest.importorskip("weasyprint")
    name = "pdf_tables_without_ruling_lines"
    expected = expected_for(name)
    report = parse_bytes(build_pdf(expected, ruled=False), f"{name}.pdf")
    assert differences(report, expected) == []
