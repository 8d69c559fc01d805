"""The parser's public entry points: parse_file, parse_bytes, unreadable_report."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.annual import AnnualReport, ParseError
from gongkai.annual.parse import UnreadableDocument, parse_bytes, parse_file, unreadable_report
from tests.conftest import EXPECTED, seed_params


@pytest.mark.parametrize("seed", seed_params())
def test_seed_tables_read_as_printed(seeds_dir: Path, seed: str) -> None:
    report = parse_file(seeds_dir / f"{seed}.txt")
    expected = AnnualReport.load(EXPECTED / f"{seed}.json")
    assert (report.year, report.table2, report.table3, report.table4) == (
        expected.year,
        expected.table2,
        expected.table3,
        expected.table4,
    )
    assert report.source == str(seeds_dir / f"{seed}.txt")


def test_parse_bytes_names_the_source() -> None:
    report = parse_bytes("一、总体情况\n本局2024年收到申请0件。\n".encode(), "上传.txt")
    assert report.source == "上传.txt"
    assert report.diagnostics is not None
    assert all(str(d["message"]).startswith("上传.txt") for d in report.diagnostics)


def test_unreadable_input_raises_and_becomes_a_diagnostic_report() -> None:
    with pytest.raises(ParseError) as caught:
        parse_bytes(b"", "空.txt")
    error = caught.value
    assert isinstance(error, UnreadableDocument)
    report = unreadable_report(error)
    assert report.source == "空.txt"
    assert report.to_dict()["diagnostics"] == [
        {
            "code": "EMPTY_FILE",
            "severity": "error",
            "message": "空.txt 文件是空的，没有可读取的内容",
        }
    ]
    assert report.confidence == {"table2": 0.0, "table3": 0.0, "table4": 0.0}
