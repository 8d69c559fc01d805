"""``gongkai annual rules``: every rule the checker applies, as a table or a JSON array."""

from __future__ import annotations

import json

from rich.cells import cell_len
from typer.testing import CliRunner

from gongkai.annual import RULES
from gongkai.cli import app

runner = CliRunner()


def test_json_lists_every_rule_with_code_severity_title_and_description() -> None:
    result = runner.invoke(app, ["annual", "rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert listed == [
        {
            "code": r.code,
            "severity": r.severity.value,
            "title": r.title,
            "description": r.description,
        }
        for r in RULES
    ]
    assert {"T3.E001", "T3.E002", "T4.E001", "YOY.W002", "NARR.W006"} <= {r["code"] for r in listed}


def test_text_is_a_table_that_fits_80_columns() -> None:
    result = runner.invoke(app, ["annual", "rules"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["代码", "级别", "规则"]
    assert max(cell_len(line) for line in lines) <= 80
    assert [line for line in lines if line != line.rstrip()] == []
    assert lines[-1] == f"共{len(RULES)}条规则。"
    identity = next(i for i, line in enumerate(lines) if line.startswith("T3.E001"))
    assert lines[identity].split()[:2] == ["T3.E001", "错误"]
    for rule in RULES:
        assert any(line.startswith(rule.code) for line in lines), rule.code


def test_help_is_in_chinese() -> None:
    result = runner.invoke(app, ["annual", "rules", "--help"])
    assert result.exit_code == 0
    assert "列出全部核查规则" in result.output
