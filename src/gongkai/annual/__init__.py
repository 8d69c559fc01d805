"""The national annual-report format (国办公开办函〔2021〕30号), as a plain Python library."""

from .check import RULES, check
from .errors import GongkaiError, ParseError, RenderError, SchemaError
from .findings import Finding, Rule, Severity
from .model import AnnualReport, AppealCounts, DocumentCounts, Table2, Table3, Table4
from .render import render_docx, render_html, render_pdf, render_xlsx

__all__ = [
    "RULES",
    "AnnualReport",
    "AppealCounts",
    "DocumentCounts",
    "Finding",
    "GongkaiError",
    "ParseError",
    "RenderError",
    "Rule",
    "SchemaError",
    "Severity",
    "Table2",
    "Table3",
    "Table4",
    "check",
    "render_docx",
    "render_html",
    "render_pdf",
    "render_xlsx",
]
