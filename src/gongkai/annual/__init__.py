"""The national annual-report format (国办公开办函〔2021〕30号), as a plain Python library.

The public API is ``__all__`` below (``tests/annual/test_exported_members.py`` keeps it
honest). Public modules: ``schema`` (the form: every label, key, row, column and section),
``parse`` (published documents → reports), ``check`` and ``render``.

``parse_file`` and ``parse_bytes`` are imported on first use: the parser is a larger
package that code which only checks or renders reports never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .check import RULES, check
from .errors import GongkaiError, ParseError, RenderError, SchemaError
from .findings import Finding, Rule, Severity
from .jsonschema import json_schema
from .model import AnnualReport, AppealCounts, DocumentCounts, Table2, Table3, Table4
from .render import render_docx, render_html, render_pdf, render_xlsx

if TYPE_CHECKING:
    from .parse import parse_bytes, parse_file

_LAZY = frozenset({"parse_bytes", "parse_file"})

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
    "json_schema",
    "parse_bytes",
    "parse_file",
    "render_docx",
    "render_html",
    "render_pdf",
    "render_xlsx",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import parse

        return getattr(parse, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
