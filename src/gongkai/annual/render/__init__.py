"""AnnualReport → HTML, DOCX, PDF and XLSX in the layout of 国办公开办函〔2021〕30号.

All four draw the same grids (``_layout``): the merged header cells of the national
tables, labels exactly as ``schema`` prints them, blank cells for null (never 0).
python-docx, openpyxl and WeasyPrint are imported on first use, so importing the
library stays cheap for code that never renders.
"""

from __future__ import annotations

from ..model import AnnualReport
from .html import render_html, report_css
from .pdf import render_pdf


def render_docx(report: AnnualReport) -> bytes:
    """The report as a Word document (A4, official fonts, merged table headers)."""
    from .docx import render_docx as render

    return render(report)


def render_xlsx(report: AnnualReport) -> bytes:
    """The report as an Excel workbook: a 说明 sheet, then 表二, 表三, 表四."""
    from .xlsx import render_xlsx as render

    return render(report)


__all__ = ["render_docx", "render_html", "render_pdf", "render_xlsx", "report_css"]
