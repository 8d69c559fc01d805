"""Round trips: a generated report written as text in every flattened shape the seeds
show, read and recognised, gives back the same organ, year and tables."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.recognize import recognize
from tests.annual.parse.shapes import SHAPES
from tests.strategies import consistent_reports

COMPARED = ("organ", "year", "table2", "table3", "table4")


@st.composite
def reports_with_blanks(draw: st.DrawFn) -> AnnualReport:
    """Consistent reports with a few cells printed as ``-`` (read back as null)."""
    report = draw(consistent_reports())
    keys = draw(st.lists(st.sampled_from(s.all_cell_keys()), max_size=4, unique=True))
    for key in keys:
        report = report.with_cell(key, None)
    return report


def parsed(report: AnnualReport, shape: str) -> AnnualReport:
    text = SHAPES[shape](report)
    return recognize(read_document(text.encode("utf-8"), source=f"{shape}.txt"))


def compared(report: AnnualReport) -> dict[str, object]:
    data = report.to_dict()
    return {key: data[key] for key in COMPARED}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@settings(max_examples=60, deadline=None)
@given(report=reports_with_blanks())
def test_text_shape_round_trip(shape: str, report: AnnualReport) -> None:
    back = parsed(report, shape)
    assert compared(back) == compared(report)
    assert back.format == s.FORMAT_2021
    assert back.sections is not None and list(back.sections) == list(s.SECTION_KEYS)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_full_confidence_without_warnings_when_every_cell_is_printed(shape: str) -> None:
    from tests.strategies import blank_report

    report = blank_report(year=2024)
    for key in s.all_cell_keys():
        report = report.with_cell(key, 0)
    report = replace(report, organ="某县人民政府办公室")
    back = parsed(report, shape)
    assert compared(back) == compared(report)
    assert back.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
    warnings = [d for d in back.diagnostics or () if d["severity"] != "info"]
    assert warnings == []
