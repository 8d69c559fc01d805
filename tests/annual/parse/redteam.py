"""What every red team's fixture tests share: where a fixture's document and values are,
the notes a report read whole never gives, and the strict-xfail list of fixtures the reader
does not yet read whole.

A red team's directory holds, for each document (``.txt`` or ``.html``), its hand-read
values: ``.expected.json`` when the reader reads it whole (then ``test_fixture_reports``
compares it cell by cell), ``.pending.json`` while it does not (then the red team's own
test compares it, marked ``xfail(strict=True)`` with what is read wrong and the rule that
would fix it: when the fix lands the test fails as XPASS, and the file is renamed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_file
from tests.annual.parse.test_fixture_reports import differences

BAD_CODES = frozenset({"SECTION_NOT_FOUND", "TABLE_NOT_FOUND", "ROW_NOT_FOUND", "INTERNAL_ERROR"})
"""A part or a row the reader did not find."""
WARNED_ROWS = frozenset(
    {"ROW_INFERRED", "ROW_TOO_FEW", "ROW_TOO_MANY", "VALUES_UNASSIGNED", "ROW_DUPLICATE"}
)
"""A row read with a doubt about its cells."""
DOCUMENT_SUFFIXES = (".txt", ".html")


def codes(report: AnnualReport) -> list[str]:
    """The codes of ``report``'s diagnostics, in order."""
    return [str(d["code"]) for d in report.diagnostics or ()]


def pending_params(pending: dict[str, str]) -> list[Any]:
    """One strict-xfail parameter per pending fixture, its reason the rule it waits for."""
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=r)) for n, r in pending.items()
    ]


@dataclass(frozen=True)
class RedTeam:
    """One red team's fixture directory."""

    here: Path

    def path(self, name: str) -> Path:
        return next(p for p in self.here.glob(f"{name}.*") if p.suffix in DOCUMENT_SUFFIXES)

    def read(self, name: str) -> AnnualReport:
        return parse_file(self.path(name))

    def values(self, name: str) -> dict[str, Any]:
        """The hand-read values, expected or pending."""
        path = next(self.here.glob(f"{name}.*.json"))
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def documents(self) -> set[str]:
        return {p.stem for p in self.here.iterdir() if p.suffix in DOCUMENT_SUFFIXES}

    def expected(self) -> set[str]:
        return {p.name.removesuffix(".expected.json") for p in self.here.glob("*.expected.json")}

    def pending(self) -> set[str]:
        return {p.name.removesuffix(".pending.json") for p in self.here.glob("*.pending.json")}

    def assert_reads_whole(self, name: str) -> None:
        """Every cell as hand-read, and no note of a part or row not found or doubted."""
        report = self.read(name)
        assert differences(report, self.values(name)) == []
        assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)

    def assert_listed(self, pending: dict[str, str], at_least: int) -> None:
        """Each document has values, expected or pending (never both), and the pending ones
        are exactly those ``pending`` lists."""
        assert self.pending() == set(pending)
        assert self.documents() == self.expected() | self.pending()
        assert not self.expected() & self.pending()
        assert len(self.documents()) >= at_least
