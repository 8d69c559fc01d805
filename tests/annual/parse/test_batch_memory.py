"""``gongkai annual parse --max-memory``: each worker process is capped in memory; a file
past the cap gets one ``MEMORY_LIMIT`` row naming it and the cap, its worker is replaced and
the batch writes every other file's result (issue 17: memory bombs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gongkai.annual.parse import batch
from gongkai.annual.parse.batch import MB, default_max_memory, parse_many
from tests.annual.parse.builders import report_text
from tests.annual.parse.stuck_readers import misbehaving
from tests.annual.parse.test_batch import parse, sample_report

HUGE_TEXT = ("政府信息公开" * 1000 + "\n") * 1700
"""30 MB of text: decoding and normalising it takes far more than 64 MB."""


def rows(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # the worker processes are forked from this one and keep the patched reader
    monkeypatch.setattr(batch, "parse_bytes", misbehaving)
    folder = tmp_path / "年报"
    folder.mkdir()
    text = report_text(sample_report())
    for name in ("a.txt", "b_胖.txt", "c.txt", "d_胖.txt", "e.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_past_the_cap_is_abandoned_and_the_rest_written(
    folder: Path, tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "out.jsonl"
    code, _, err = parse(str(folder), "-o", str(out), "--max-memory", "200", "--jobs", jobs)
    assert code == 1, err
    found = rows(out)
    assert [Path(r["source"]).name for r in found] == [
        "a.txt", "b_胖.txt", "c.txt", "d_胖.txt", "e.txt"
    ]  # fmt: skip
    assert [r["table3"]["received"][6] for r in found] == [4, None, 4, None, 4]
    for row in found[1], found[3]:
        [over] = row["diagnostics"]
        assert over["code"] == "MEMORY_LIMIT" and over["severity"] == "error"
        assert over["message"] == (
            f"{row['source']} 解析所需内存超过 200 MB 的上限，"
            "已放弃这个文件（文件可能异常庞大、展开后极大或是恶意构造的）；"
            "其余文件照常解析，需要时可用 --max-memory 放宽上限"
        )
    assert f"MEMORY_LIMIT：{folder / 'b_胖.txt'} 解析所需内存超过 200 MB 的上限" in err
    assert "无法读取 2" in err


def test_zero_means_no_cap(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, _, err = parse(str(folder), "-o", str(out), "--max-memory", "0", "-q")
    assert code == 0, err
    assert [r["table3"]["received"][6] for r in rows(out)] == [4] * 5
    code, _, err = parse(str(folder), "--max-memory", "-5")
    assert code == 2 and "--max-memory" in err


def test_a_real_document_too_large_for_the_cap(tmp_path: Path) -> None:
    """No patched reader: a text whose reading runs out of a 64 MB cap (the reader reports
    the ``MemoryError`` as a damaged file; the batch knows it for what it is), while the
    ordinary reports around it are read within the same cap. The command runs in a process
    of its own: the cap counts from what a worker holds when it starts, and a worker forked
    from this test process would inherit its free heap as room (tens of MB after the tests
    before it), where one forked from the command has next to none."""
    folder = tmp_path / "年报"
    folder.mkdir()
    text = report_text(sample_report())
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b_巨大.txt").write_text(HUGE_TEXT, encoding="utf-8")
    (folder / "c.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "gongkai.cli", "annual", "parse", str(folder)]
    done = subprocess.run(
        [*command, "-o", str(out), "--max-memory", "64", "-q"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr.decode()
    found = rows(out)
    assert [[d["code"] for d in r.get("diagnostics", [])] for r in found] == [
        [],
        ["MEMORY_LIMIT"],
        [],
    ]


def test_the_library_caps_only_when_asked(folder: Path) -> None:
    files = sorted(folder.iterdir())
    capped = list(parse_many(files, max_memory=200 * MB, check=False))
    assert [r.status for r in capped].count(batch.Status.UNREADABLE) == 2
    assert [r.status for r in parse_many(files, check=False)].count(batch.Status.UNREADABLE) == 0


@pytest.mark.parametrize(
    ("machine_mb", "jobs", "cap_mb"),
    [
        (24_000, 2, 2048),  # plenty: the ceiling
        (8192, 4, 1536),  # three quarters shared by four
        (8192, 16, 384),
        (1024, 8, 256),  # a small machine: the floor
        (None, 4, 2048),  # unknown: the ceiling
    ],
)
def test_the_default_cap_shares_the_machine_among_the_workers(
    machine_mb: int | None, jobs: int, cap_mb: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory = machine_mb * MB if machine_mb is not None else None
    monkeypatch.setattr(batch, "machine_memory", lambda: memory)
    assert default_max_memory(jobs) == cap_mb * MB
