"""The fuzz harness of the readers: damaged, hostile and odd documents (``mutators``) through
``parse_bytes``, the entry point the batch, the API and the workspace use.

Every input must either give a report that validates against the ``annual-report/1`` JSON
Schema and that ``annual.check`` reads without raising, or raise exactly one
``UnreadableDocument`` (a ``ParseError``) naming the file, with a code and a Chinese
message; no other exception, and within ``BUDGET`` seconds per document.

The suite runs a bounded, derandomized pass (``max_examples`` small enough for the whole
module to take well under a minute on two busy cores, the same examples every run). To
fuzz for real, set ``GONGKAI_FUZZ_EXAMPLES`` (examples per test; random and remembered in
``.hypothesis/`` between runs), e.g. ``GONGKAI_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest
-p no:cacheprovider -n 2 tests/annual/parse/test_fuzz_readers.py``.
"""

from __future__ import annotations

import json
import os
import re
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual import AnnualReport, ParseError, check, json_schema
from gongkai.annual.parse import UnreadableDocument, parse_bytes
from tests.annual.parse.mutators import (
    damaged_zips,
    deep_and_wide_html,
    mutated,
    odd_encodings,
    seed_names,
    seeds,
    whitespace_runs,
)

jsonschema = pytest.importorskip("jsonschema")

# a failing document of 300,000 spaces is a long repr; Hypothesis still prints it
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)

LONG_EXAMPLES = int(os.environ.get("GONGKAI_FUZZ_EXAMPLES", "0") or 0)
BUDGET = float(os.environ.get("GONGKAI_FUZZ_BUDGET", "5"))
"""Seconds one document may take, read and checked (as in the issue's fuzzing run)."""

FUZZ = settings(
    max_examples=LONG_EXAMPLES or 25,
    derandomize=not LONG_EXAMPLES,
    deadline=None,  # the budget is asserted below, on the reader alone
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

CHINESE = re.compile(r"[\u4e00-\u9fff]")
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


class Overtime(Exception):
    """A document still being read when its budget ran out."""


@contextmanager
def hard_limit(seconds: float) -> Iterator[None]:
    """Interrupt the reader when it has used ``seconds`` of CPU (and every half second
    after, in case a reader swallows it), so that a hang fails the example instead of
    stalling the suite. CPU time, not wall time: two xdist workers, or other work on the
    machine, must not make a fast reader look slow. Python code and the
    regular-expression engine both notice the signal."""

    def stop(signum: int, frame: object) -> None:
        raise Overtime(f"用了 {seconds:g} 秒 CPU 时间仍未读完")

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def read_and_check(data: bytes, name: str) -> AnnualReport | None:
    """The property: a valid, checkable report or one coded error, in time."""
    started = time.process_time()
    report: AnnualReport | None = None
    with hard_limit(BUDGET):
        try:
            report = parse_bytes(data, name)
        except ParseError as error:
            assert isinstance(error, UnreadableDocument), repr(error)
            assert re.fullmatch(r"[A-Z][A-Z_]+", error.code), error.code
            assert error.source == name and str(error).startswith(name)
            assert CHINESE.search(error.detail), error.detail
        if report is not None:
            document = json.loads(report.to_json())
            errors = [
                f"{'/'.join(map(str, e.path))}: {e.message}"
                for e in VALIDATOR.iter_errors(document)
            ]
            assert errors == []
            for finding in check(report):
                assert CHINESE.search(finding.message), finding
    elapsed = time.process_time() - started
    assert elapsed < BUDGET, f"{name}: {elapsed:.1f} 秒 CPU 时间"
    return report


def test_every_seed_reads_as_a_report() -> None:
    """The seeds themselves are sound documents, so the mutations start from real reports."""
    for name, data in seeds().items():
        report = read_and_check(data, name)
        assert report is not None and any((report.confidence or {}).values()), name


@FUZZ
@given(st.data())
def test_mutated_seeds(data: st.DataObject) -> None:
    name = data.draw(seed_names(), label="seed")
    read_and_check(data.draw(mutated(seeds()[name]), label="document"), name)


@FUZZ
@given(damaged_zips())
def test_damaged_zips(document: bytes) -> None:
    read_and_check(document, "损坏.docx")


@FUZZ
@given(deep_and_wide_html())
def test_deep_and_wide_html(document: bytes) -> None:
    read_and_check(document, "网页.html")


@FUZZ
@given(odd_encodings())
def test_odd_encodings(document: bytes) -> None:
    read_and_check(document, "编码.txt")


@FUZZ
@given(whitespace_runs())
def test_long_whitespace_runs(document: bytes) -> None:
    read_and_check(document, "空白.txt")


_HEADS = st.sampled_from(
    [
        b"%PDF-1.7\n",
        b"PK\x03\x04",
        b"<html>",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xd0\xcf\x11\xe0",
        b"",
    ]
)


@FUZZ
@given(_HEADS, st.binary(max_size=4096))
def test_any_bytes_behind_a_format_signature(head: bytes, tail: bytes) -> None:
    read_and_check(head + tail, "任意.bin")
