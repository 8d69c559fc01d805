"""Read a published annual report (text, HTML, DOCX, PDF) back into an ``AnnualReport``.

``parse_file(path)`` and ``parse_bytes(data, source)`` read the document (``reader``:
format and encoding from the content, normalised text and grids) and recognise the
report in it (``recognize``: organ, year, sections, tables by their labels). Whatever
cannot be found becomes a diagnostic in the report. A document that cannot be read at
all (empty, binary, damaged, encrypted, unsupported) raises ``ParseError``; its
``UnreadableDocument`` subclass carries a ``code`` and turns into a diagnostic with
``unreadable_report`` for batches that go on to the next file.

The hot modules run compiled to C when a current build is installed (``native``).
"""

from __future__ import annotations

from pathlib import Path

from . import native

native.activate(__path__)  # before any other module of the package is imported

from ..model import AnnualReport  # noqa: E402
from .document import Document, Grid, Line  # noqa: E402
from .reader import UnreadableDocument, read_document  # noqa: E402
from .recognize import recognize  # noqa: E402

__all__ = [
    "Document",
    "Grid",
    "Line",
    "UnreadableDocument",
    "parse_bytes",
    "parse_file",
    "read_document",
    "recognize",
    "unreadable_report",
]


def parse_file(path: str | Path, source: str | None = None) -> AnnualReport:
    """Parse one file; ``source`` (default: the path) names it in diagnostics."""
    return recognize(read_document(Path(path), source))


def parse_bytes(data: bytes, source: str) -> AnnualReport:
    """Parse a document held in memory (an upload, a download)."""
    return recognize(read_document(data, source))


def unreadable_report(error: UnreadableDocument) -> AnnualReport:
    """An empty report whose one diagnostic says why the document could not be read."""
    return AnnualReport(
        organ=None,
        year=None,
        source=error.source,
        diagnostics=(error.diagnostic(),),
        confidence={"table2": 0.0, "table3": 0.0, "table4": 0.0},
    )
