"""Packages that only some uses need are extras; without one, that use says which to
install (and exits 2) instead of failing on an import."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.commands import annual_parse
from gongkai.deadlines import build_table


def test_parquet_output_without_pyarrow_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(annual_parse, "parquet_available", lambda: False)
    (tmp_path / "a.txt").write_text("一、总体情况", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["annual", "parse", str(tmp_path), "--format", "parquet", "-o", str(tmp_path / "x")]
    )
    assert result.exit_code == 2
    assert "pip install 'gongkai[parquet]'" in result.output


@pytest.mark.parametrize("package", ["holidays", "chinese_calendar"])
def test_the_calendar_maintenance_tool_names_its_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], package: str
) -> None:
    monkeypatch.setitem(sys.modules, package, None)
    assert build_table.main(["--check"]) == 2
    assert f"缺少维护年表所需的软件包 {package}" in capsys.readouterr().err
