"""``gongkai annual schema``: the JSON Schema of annual-report/1, as shipped."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from gongkai.annual import json_schema
from gongkai.annual.jsonschema import shipped_json_schema
from gongkai.cli import app
from tests.conftest import EXPECTED, seed_params
from tests.strategies import blank_report

runner = CliRunner()


def _printed() -> dict[str, object]:
    result = runner.invoke(app, ["annual", "schema"])
    assert result.exit_code == 0, result.output
    printed: dict[str, object] = json.loads(result.stdout)
    return printed


def test_prints_the_shipped_schema() -> None:
    printed = _printed()
    assert printed == shipped_json_schema() == json_schema()
    assert printed["title"] == "政府信息公开工作年度报告（annual-report/1）"


@pytest.mark.parametrize("seed", seed_params())
def test_the_printed_schema_accepts_the_seeds_and_refuses_a_short_row(seed: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(_printed())
    assert (
        list(validator.iter_errors(json.loads((EXPECTED / f"{seed}.json").read_text("utf-8"))))
        == []
    )
    bad = blank_report().to_dict()
    bad["table3"]["received"] = [0] * 6
    assert [e.json_path for e in validator.iter_errors(bad)] == ["$.table3.received"]
