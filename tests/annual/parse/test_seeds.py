"""Every seed report parses to exactly its expected file, and checks as the issue says.

The seeds are real published reports in five flattened shapes (see
``../shared/seeds/README.md``); the test reads each with the reader, recognises it and
compares organ, year and the three tables with ``expected/*.json``, cell by cell.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.annual import schema as s
from gongkai.annual.check import check
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.recognize import recognize
from tests.conftest import EXPECTED, SEEDS, seed_params

COMPARED = ("organ", "year", "table2", "table3", "table4")


def parse_seed(seed: str) -> AnnualReport:
    return recognize(read_document(SEEDS / f"{seed}.txt"))


def cell_differences(got: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    out = []
    for key in COMPARED:
        if got[key] != expected[key]:
            if isinstance(expected[key], dict):
                out.extend(
                    f"{key}.{row}: 应为 {value}，读到 {got[key].get(row)}"
                    for row, value in expected[key].items()
                    if got[key].get(row) != value
                )
            else:
                out.append(f"{key}: 应为 {expected[key]!r}，读到 {got[key]!r}")
    return out


@pytest.mark.parametrize("seed", seed_params())
def test_seed_parses_to_its_expected_file(seed: str) -> None:
    expected = json.loads((EXPECTED / f"{seed}.json").read_text(encoding="utf-8"))
    got = parse_seed(seed).to_dict()
    assert cell_differences(got, expected) == []


@pytest.mark.parametrize("seed", seed_params())
def test_seed_has_all_six_sections_and_no_table_numbers_in_them(seed: str) -> None:
    report = parse_seed(seed)
    assert report.sections is not None
    assert list(report.sections) == list(s.SECTION_KEYS)
    assert all(report.sections[key].strip() for key in ("1", "5", "6"))
    # in all five seeds sections 二–四 are just their tables: no label or number is kept
    # as text (a render would otherwise print them above the real tables)
    assert [report.sections[key] for key in ("2", "3", "4")] == ["", "", ""]
    assert report.format == s.FORMAT_2021
    assert report.confidence is not None
    assert set(report.confidence) == {"table2", "table3", "table4"}
    assert report.source == str(SEEDS / f"{seed}.txt")


def test_seed_000_misprinted_row_label_is_read_as_the_nearest_row_and_said(
    seeds_dir: object,
) -> None:
    """The 000 seed prints “三类内容事务信息” for “三类内部事务信息”: one character off the
    form's label, it is read as that row (its numbers in their row, at full confidence), and
    the note says which label was taken for which row."""
    report = parse_seed("000_04732404754f1f00")
    assert not [d for d in report.diagnostics or () if d["code"] == "ROW_INFERRED"]
    (near,) = [d for d in report.diagnostics or () if d["code"] == "LABEL_NEAR"]
    assert near["labels"] == ["5.属于三类内容事务信息"]
    assert "读作“（三）不予公开5.属于三类内部事务信息”" in near["message"]
    assert near["severity"] == "info"
    assert report.confidence is not None and report.confidence["table3"] == 1.0


def codes(report: AnnualReport) -> list[str]:
    return [finding.code for finding in check(report)]


def test_seed_003_checks_with_total_row_errors_and_narrative_warning(seeds_dir: object) -> None:
    found = codes(parse_seed("003_e8e20449add4641b"))
    assert found.count("T3.E001") == 3  # 自然人, 商业企业, 总计: (七) printed as zeros
    assert found.count("T3.E002") == 3
    assert "NARR.W005" in found  # all four from natural persons, table says one company
    assert not [c for c in found if c.startswith("SEC.")]


def test_seed_002_checks_with_narrative_count_and_stale_year_warnings(seeds_dir: object) -> None:
    found = codes(parse_seed("002_3f0a03dfd5eda10b"))
    assert "NARR.W001" in found  # 13 applications in the narrative, 10 in the table
    assert "NARR.W006" in found  # section 五 speaks of 2022 in a 2023 report
    assert not [c for c in found if c.startswith(("T3.", "T4.", "T2.", "SEC."))]


@pytest.mark.parametrize("seed", ["000_04732404754f1f00", "004_68f00f12ba36a829"])
def test_sound_seeds_check_clean(seed: str, seeds_dir: object) -> None:
    assert codes(parse_seed(seed)) == []


def test_seed_001_checks_clean_but_for_its_garbled_sentence(seeds_dir: object) -> None:
    """Its tables add up; one sentence of section 一 came through as mojibake."""
    assert codes(parse_seed("001_011fde16aa22de90")) == ["TXT.W001"]


@pytest.mark.slow
def test_a_parsed_seed_renders_to_about_its_own_length(seeds_dir: object) -> None:
    """parse → render used to print the tables' labels as paragraphs above the tables
    (seed 000 grew from 5 pages to 9); sections 二–四 are now only their tables."""
    import io

    import pdfplumber

    from gongkai.annual import render_pdf

    report = parse_seed("000_04732404754f1f00")
    with pdfplumber.open(io.BytesIO(render_pdf(report))) as document:
        assert len(document.pages) <= 6
