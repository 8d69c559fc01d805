"""Round trips through the foundation's renderers: a generated report rendered to HTML,
DOCX and PDF, read back and recognised, gives back the same organ, year and tables."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.recognize import recognize
from gongkai.annual.render import render_docx, render_html, render_pdf
from tests.annual.parse.test_roundtrip_text import compared, reports_with_blanks


def html_bytes(report: AnnualReport) -> bytes:
    return render_html(report).encode("utf-8")


def round_trip(report: AnnualReport, render: Callable[[AnnualReport], bytes], name: str) -> None:
    back = recognize(read_document(render(report), source=name))
    assert compared(back) == compared(report)
    assert back.format == s.FORMAT_2021
    assert back.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
    assert back.sections is not None and list(back.sections) == list(s.SECTION_KEYS)


@settings(max_examples=40, deadline=None)
@given(report=reports_with_blanks())
def test_html_round_trip(report: AnnualReport) -> None:
    round_trip(report, html_bytes, "report.html")


@settings(max_examples=15, deadline=None)
@given(report=reports_with_blanks())
def test_docx_round_trip(report: AnnualReport) -> None:
    round_trip(report, render_docx, "report.docx")


@pytest.mark.slow
@settings(max_examples=5, deadline=None)
@given(report=reports_with_blanks())
def test_pdf_round_trip(report: AnnualReport) -> None:
    round_trip(report, render_pdf, "report.pdf")
