"""annual.model: annual-report/1 in and out, with clear errors for bad input."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings

from gongkai.annual import AnnualReport, SchemaError
from gongkai.annual import schema as s
from gongkai.annual.jsonschema import json_schema, shipped_json_schema
from tests.conftest import EXPECTED, seed_params
from tests.strategies import any_reports, blank_report


@pytest.mark.parametrize("seed", seed_params())
def test_seed_expected_files_round_trip_exactly(seed: str) -> None:
    path = EXPECTED / f"{seed}.json"
    original = json.loads(path.read_text("utf-8"))
    report = AnnualReport.load(path)
    assert report.to_dict() == original
    assert AnnualReport.from_json(report.to_json()) == report


@pytest.mark.parametrize("seed", seed_params())
def test_seed_expected_files_validate_against_json_schema(seed: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads((EXPECTED / f"{seed}.json").read_text("utf-8")), json_schema())


def test_shipped_json_schema_is_the_one_built_from_the_form() -> None:
    assert shipped_json_schema() == json_schema()


def test_blank_cells_stay_null_not_zero() -> None:
    report = blank_report(2024)
    data = report.to_dict()
    assert data["table3"]["received"] == [None] * 7
    assert data["table2"]["fees"] is None
    assert data["table4"]["reconsideration"]["total"] is None


def test_fees_keep_their_decimals() -> None:
    report = blank_report(2024).with_cell("table2.fees", Decimal("0.35"))
    text = report.to_json()
    assert '"fees": 0.35' in text
    assert AnnualReport.from_json(text).table2.fees == Decimal("0.35")


def test_with_cell_changes_one_cell_only() -> None:
    report = blank_report(2024)
    changed = report.with_cell("table3.granted.commercial", 4)
    assert changed.table3.get("granted", "commercial") == 4
    assert report.table3.get("granted", "commercial") is None
    differing = [k for k, v in changed.cells() if v != report.cell(k)]
    assert differing == ["table3.granted.commercial"]


def test_every_cell_key_is_described_in_chinese() -> None:
    for key in s.all_cell_keys():
        assert s.describe_cell(key).startswith("表")
    assert s.describe_cell("table3.received.natural_person") == (
        "表三“一、本年新收政府信息公开申请数量”行“自然人”列"
    )


def _base() -> dict[str, object]:
    return blank_report(2024).to_dict()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d.update(schema="annual-report/2"),
            "schema：应为“annual-report/1”，读到字符串“annual-report/2”",
        ),
        (lambda d: d.pop("table3"), "(根)：缺少必填字段“table3”"),
        (lambda d: d["table3"].update(received=[1, 2, 3]), "table3.received：应为含7个数的数组"),
        (
            lambda d: d["table3"].update(granted=[1, 2, 3, 4, 5, 6, 1.5]),
            "table3.granted[6]：应为整数或 null，读到数字 1.5",
        ),
        (
            lambda d: d["table4"]["reconsideration"].update(total="3"),
            "table4.reconsideration.total：应为整数或 null，读到字符串“3”",
        ),
        (
            lambda d: d["table2"].update(fees=True),
            "table2.fees：应为以万元计的数字或 null，读到布尔值",
        ),
        (lambda d: d["table3"].update(recieved=[0] * 7), "table3：不认识的字段“recieved”"),
        (lambda d: d.update(year=24), "year：应为四位年份，读到数字 24"),
        (
            lambda d: d.update(confidence={"table3": 1.5}),
            "confidence.table3：应为0 到 1 之间的数，读到数字 1.5",
        ),
    ],
)
def test_bad_objects_are_refused_naming_the_field(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(_base()))
    mutate(data)
    with pytest.raises(SchemaError) as info:
        AnnualReport.from_dict(data, source="x.json")
    assert str(info.value).startswith("x.json：")
    assert message in str(info.value)


def test_invalid_json_names_line_and_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "annual-report/1",\n "year": }', encoding="utf-8")
    with pytest.raises(SchemaError, match=r"bad.json：不是有效的 JSON（第2行第10列"):
        AnnualReport.load(bad)


def test_missing_file_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SchemaError, match=r"nope\.json：文件不存在"):
        AnnualReport.load(tmp_path / "nope.json")


@settings(max_examples=50, deadline=None)
@given(any_reports())
def test_any_report_round_trips_through_json_losslessly(report: AnnualReport) -> None:
    """Nulls stay null, decimals keep their digits, optional fields survive, and the JSON
    written again is the same text."""
    text = report.to_json()
    again = AnnualReport.from_json(text)
    assert again == report
    assert again.to_json() == text


@settings(max_examples=40, deadline=None)
@given(any_reports())
def test_any_report_written_validates_against_the_json_schema(report: AnnualReport) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    assert list(validator.iter_errors(json.loads(report.to_json()))) == []
