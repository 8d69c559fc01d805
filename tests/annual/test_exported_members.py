"""``gongkai.annual.__all__`` is exactly what the package exposes (after httpx's
``tests/test_exported_members.py``), sorted as ruff sorts it, and each name is the object
of the module that defines it."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types

import pytest

import gongkai.annual as annual

EXPECTED = {
    "AnnualReport": "gongkai.annual.model",
    "AppealCounts": "gongkai.annual.model",
    "DocumentCounts": "gongkai.annual.model",
    "Table2": "gongkai.annual.model",
    "Table3": "gongkai.annual.model",
    "Table4": "gongkai.annual.model",
    "Finding": "gongkai.annual.findings",
    "Rule": "gongkai.annual.findings",
    "Severity": "gongkai.annual.findings",
    "RULES": "gongkai.annual.check",
    "check": "gongkai.annual.check",
    "GongkaiError": "gongkai.annual.errors",
    "ParseError": "gongkai.annual.errors",
    "RenderError": "gongkai.annual.errors",
    "SchemaError": "gongkai.annual.errors",
    "json_schema": "gongkai.annual.jsonschema",
    "parse_bytes": "gongkai.annual.parse",
    "parse_file": "gongkai.annual.parse",
    "render_docx": "gongkai.annual.render",
    "render_html": "gongkai.annual.render",
    "render_pdf": "gongkai.annual.render",
    "render_xlsx": "gongkai.annual.render",
}


def _ruff_order(name: str) -> tuple[int, str]:
    """RUF022's "isort-style" order: CONSTANTS, then Classes, then functions."""
    if name.isupper():
        return 0, name
    return (1 if name[:1].isupper() else 2), name


def test_all_is_the_public_api_and_sorted() -> None:
    assert sorted(annual.__all__) == sorted(EXPECTED)
    assert annual.__all__ == sorted(annual.__all__, key=_ruff_order)


def test_every_public_member_is_in_all() -> None:
    """Everything public the package exposes (``dir``), except its modules, is listed."""
    members = {
        name
        for name in dir(annual)
        if not name.startswith("_") and not isinstance(getattr(annual, name), types.ModuleType)
    }
    members -= {"annotations", "TYPE_CHECKING", "Any"}  # typing helpers of __init__
    assert members == set(annual.__all__)


def test_each_name_is_the_object_its_module_defines() -> None:
    for name, module in EXPECTED.items():
        assert getattr(annual, name) is getattr(importlib.import_module(module), name), name


def test_star_import_gives_every_name() -> None:
    namespace: dict[str, object] = {}
    exec("from gongkai.annual import *", namespace)
    assert set(EXPECTED) <= set(namespace)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'parse_everything'"):
        annual.parse_everything  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_library_does_not_import_the_parser() -> None:
    """The parser (and what it reads documents with) is loaded on first use only."""
    code = (
        "import sys, gongkai.annual as a\n"
        "assert 'gongkai.annual.parse' not in sys.modules, 'parser imported eagerly'\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('docx', 'openpyxl', 'weasyprint')]\n"
        "a.parse_file\n"
        "assert 'gongkai.annual.parse' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
