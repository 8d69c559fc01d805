"""Any valid report, its tables flattened the way a crawler flattens them (labels run
together, each row's numbers one run of digits, spaces between some numbers or none), and
the whole page on one line: the parser reads every table back, or says which table it
could not decide. It never returns a wrong table without saying so."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.shapes import glued, report_text
from tests.strategies import consistent_reports

UNSURE = {"AMBIGUOUS_RUN", "UNDECODED_RUN"}


def _crawled(report: AnnualReport, seed: int, share: float) -> bytes:
    rng = random.Random(seed)
    text = report_text(report, lambda rows: glued(rows, lambda: rng.random() < share))
    return " ".join(text.splitlines()).encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(
    consistent_reports(max_count=12),
    st.integers(0, 10**6),
    st.sampled_from([0.0, 0.3, 1.0]),
)
def test_a_flattened_report_reads_back_or_names_the_table_it_could_not_decide(
    report: AnnualReport, seed: int, share: float
) -> None:
    got = parse_bytes(_crawled(report, seed, share), "crawled.txt")
    assert (got.organ, got.year) == (report.organ, report.year)
    unsure = [str(d["message"]) for d in got.diagnostics or () if d["code"] in UNSURE]
    for name, key in (("表二", "table2"), ("表三", "table3"), ("表四", "table4")):
        if getattr(got, key) != getattr(report, key):
            assert any(f"{name}的" in m or f"{name}“" in m for m in unsure), (name, unsure)
            assert got.confidence is not None and got.confidence[key] < 1.0


@settings(max_examples=30, deadline=None)
@given(consistent_reports(max_count=12))
def test_fully_spaced_runs_read_back_exactly(report: AnnualReport) -> None:
    got = parse_bytes(_crawled(report, 0, 1.0), "crawled.txt")
    assert (got.table2, got.table3, got.table4) == (report.table2, report.table3, report.table4)
