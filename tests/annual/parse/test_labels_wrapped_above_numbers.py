"""Table 三's labels wrapped over several lines with the numbers on a middle line or after
the label's second part, as a PDF copied as text or a crawled page prints a narrow label
column (``5.要求行政机关确认或重新出`` then ``具已获取信息 0 0 0 0 0 0 0``): the label's
lines above the numbers are joined to it as those below are, so each row is read by its
label, not placed by position (``ROW_INFERRED``, table 三 confidence 0.98)."""

from __future__ import annotations

import re

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_fixture_reports import expected_for

NAME = "pdf_table3_across_pages_header_repeated"
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_TABLE3_STARTS = ("一、本年新收", "二、上年结转", "三、本年度", "（", "1.", "2.", "3.", "4.")
_TABLE3_STARTS += ("5.", "6.", "7.", "8.", "四、结转")
WARNED = {"ROW_INFERRED", "ROW_TOO_FEW", "ROW_TOO_MANY", "VALUES_UNASSIGNED", "ROW_DUPLICATE"}


def _report() -> AnnualReport:
    return AnnualReport.from_dict(expected_for(NAME))


def _wrapped(text: str, size: int, at: str) -> str:
    """Table 三's rows with each label cut every ``size`` characters, one piece a line,
    and the row's numbers (spaced) after the first piece, the second or the last."""
    out: list[str] = []
    for line in text.splitlines():
        if not line.startswith(_TABLE3_STARTS):
            out.append(line)
            continue
        cells = [c.strip() for c in line.strip(" |").split("|")]
        label = "".join(c for c in cells if c and not _NUMBER.match(c))
        numbers = "  ".join(c for c in cells if _NUMBER.match(c))
        pieces = [label[i : i + size] for i in range(0, len(label), size)]
        where = {"first": 0, "second": min(1, len(pieces) - 1), "last": len(pieces) - 1}[at]
        pieces[where] = f"{pieces[where]}  {numbers}"
        out.extend(pieces)
    return "\n".join(out) + "\n"


def _codes(report: AnnualReport) -> set[str]:
    return {str(d["code"]) for d in report.diagnostics or ()}


@pytest.mark.parametrize(
    ("size", "at"),
    # (cut every 7 characters, ``（三）不予公开`` is a line of its own, with the numbers
    # on it when they follow the first piece: a group's subtotal, as printed)
    [
        (7, "second"),
        (7, "last"),
        *((n, at) for n in (10, 13) for at in ("first", "second", "last")),
    ],
)
def test_a_label_wrapped_around_its_numbers_is_read_by_its_label(size: int, at: str) -> None:
    report = _report()
    got = parse_bytes(_wrapped(report_text(report), size, at).encode("utf-8"), "换行.txt")
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert not _codes(got) & WARNED
    assert got.confidence["table3"] == 1.0


def test_the_fixture_shape_a_numbered_start_then_the_numbers_after_its_second_part() -> None:
    """``5.要求行政机关确认或重新出`` was joined to the row above as the rest of its label
    (``4.无正当理由大量反复申请``), and the numbers after ``具已获取信息`` placed by
    position: the numbered line starts the next row's label."""
    report = _report()
    lines = report_text(report).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("5.要求行政机关"))
    numbers = [c.strip() for c in lines[at].strip(" |").split("|")[1:]]
    lines[at : at + 1] = ["5.要求行政机关确认或重新出", "具已获取信息 " + " ".join(numbers)]
    got = parse_bytes(("\n".join(lines) + "\n").encode("utf-8"), "折行.txt")
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert not _codes(got) & WARNED


def test_a_line_above_that_starts_no_label_is_not_joined() -> None:
    """A note line above a row whose label was lost: the two make no label, so the
    numbers are still placed by position and said (``ROW_INFERRED``)."""
    report = _report()
    lines = report_text(report).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("2.重复申请"))
    numbers = [c.strip() for c in lines[at].strip(" |").split("|")[1:]]
    lines[at : at + 1] = ["（本行标签缺失）", "重复 " + " ".join(numbers)]
    got = parse_bytes(("\n".join(lines) + "\n").encode("utf-8"), "缺标签.txt")
    assert got.table3.row("not_processed.repeated") == report.table3.row("not_processed.repeated")
    assert "ROW_INFERRED" in _codes(got)
