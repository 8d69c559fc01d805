"""Every diagnostic code the recognizer writes is listed in ``notes.CODES`` and in the
table in docs/data.md (年报数据与命令行), so users can look up what a code means."""

from __future__ import annotations

import re
from pathlib import Path

import gongkai.annual.parse
from gongkai.annual.parse import notes

PARSE = Path(gongkai.annual.parse.__file__).parent  # (a compiled module's file is elsewhere)
RECOGNIZER = ("recognize.py", "tables.py", "placeholders.py", "meta.py", "sections.py")
DATA_DOC = Path(__file__).resolve().parents[3] / "docs" / "data.md"
_CODE_RE = re.compile(r'"([A-Z]{3,}(?:_[A-Z0-9]+)+)"')


def written_codes() -> set[str]:
    """Every code-like string literal in the recognizer's modules."""
    found: set[str] = set()
    for name in RECOGNIZER:
        found.update(_CODE_RE.findall((PARSE / name).read_text(encoding="utf-8")))
    return found


def test_every_written_code_is_listed() -> None:
    written = written_codes()
    assert {"ROW_TOO_FEW", "CELL_BLANK", "CELL_AMBIGUOUS", "PLACEHOLDER_AS_ZERO"} <= written
    assert written - set(notes.CODES) == set()


def test_every_code_is_explained_in_the_docs() -> None:
    doc = DATA_DOC.read_text(encoding="utf-8")
    missing = [code for code in notes.CODES if f"| `{code}` |" not in doc]
    assert missing == []
