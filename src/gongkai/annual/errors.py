"""Errors of the annual-report library.

    GongkaiError
     ├── SchemaError     a JSON object is not a valid annual-report/1 report
     ├── ParseError      a document cannot be read (carries the source and the place)
     └── RenderError     a report cannot be rendered (e.g. no CJK font for the PDF)

Checks never raise: they return findings. These errors are for input that cannot be
used at all; each message names the file, the place, what was expected and what was found.
"""

from __future__ import annotations


class GongkaiError(Exception):
    """Base of every error this library raises on purpose."""


class SchemaError(GongkaiError):
    """A report object does not follow ``annual-report/1``."""

    def __init__(self, message: str, *, path: str = "", source: str | None = None) -> None:
        self.path = path
        self.source = source
        self.detail = message
        where = "".join((f"{source}：" if source else "", f"{path}：" if path else ""))
        super().__init__(f"{where}{message}")


class ParseError(GongkaiError):
    """A document cannot be read at all."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.detail = message
        where = (f"{source} " if source else "") + (f"第{line}行 " if line else "")
        super().__init__(f"{where}{message}".strip())


class RenderError(GongkaiError):
    """A report cannot be rendered in the requested format."""
