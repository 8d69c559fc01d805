"""The one error a reader raises: a document that cannot be read, with a code."""

from __future__ import annotations

from ..errors import ParseError


class UnreadableDocument(ParseError):
    """A document that cannot be read at all; ``code`` names the reason."""

    def __init__(self, code: str, message: str, *, source: str | None = None) -> None:
        self.code = code
        super().__init__(message, source=source)

    def diagnostic(self) -> dict[str, object]:
        """The error as a diagnostic row, for batches that go on to the next file."""
        return {"code": self.code, "severity": "error", "message": str(self)}
