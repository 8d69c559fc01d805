"""``gongkai annual parse --timeout``: a file past the limit gets one ``TIMEOUT`` row and the
batch writes every other file's result, with one job or several."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from gongkai.annual.parse import batch
from tests.annual.parse.builders import report_text
from tests.annual.parse.stuck_readers import misbehaving
from tests.annual.parse.test_batch import parse, sample_report


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # the worker processes are forked from this one and keep the patched reader
    monkeypatch.setattr(batch, "parse_bytes", misbehaving)
    folder = tmp_path / "年报"
    folder.mkdir()
    text = report_text(sample_report())
    for name in ("a.txt", "b_慢.txt", "c.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_past_the_limit_is_abandoned_and_the_rest_written(
    folder: Path, tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    code, _, err = parse(str(folder), "-o", str(out), "--timeout", "1.5", "--jobs", jobs)
    assert time.monotonic() - started < 30
    assert code == 1, err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in rows] == ["a.txt", "b_慢.txt", "c.txt"]
    assert [r["table3"]["received"][6] for r in rows] == [4, None, 4]
    assert rows[0].get("diagnostics", []) == rows[2].get("diagnostics", []) == []
    [timeout] = rows[1]["diagnostics"]
    assert timeout["code"] == "TIMEOUT" and timeout["severity"] == "error"
    assert timeout["message"].startswith(str(folder / "b_慢.txt"))
    assert "超过 1.5 秒的上限" in timeout["message"]
    assert f"TIMEOUT：{folder / 'b_慢.txt'} 解析用时超过 1.5 秒的上限" in err
    assert "无法读取 1" in err


def test_a_limit_of_zero_means_none_and_nonsense_is_a_usage_error(folder: Path) -> None:
    (folder / "b_慢.txt").unlink()
    code, out, _ = parse(str(folder), "--timeout", "0", "-q")
    assert code == 0 and len(out.splitlines()) == 2
    for value in ("nan", "inf", "-1"):
        code, out, err = parse(str(folder), "--timeout", value)
        assert code == 2 and out == "" and "--timeout" in err, value
