"""The batch under hostile file systems and output paths: every file gets a result or a
coded diagnostic, the output is written whole or not at all, the run never hangs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.annual.parse.output import ParquetWriter
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_batch import parse, sample_report


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "年报"
    folder.mkdir()
    (folder / "a.txt").write_text(report_text(sample_report()), encoding="utf-8")
    return folder


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_name_that_is_not_utf8_is_written_losslessly(folder: Path, tmp_path: Path) -> None:
    gbk_name = os.fsencode(folder) + b"/" + "年报二".encode("gbk") + b".txt"
    with open(gbk_name, "wb") as stream:
        stream.write(report_text(sample_report()).encode())
    out = tmp_path / "out.jsonl"
    code, _, _ = parse(str(folder), "-o", str(out))
    assert code == 0
    sources = [str(r["source"]) for r in lines(out)]
    assert len(sources) == 2 and any("\\x" in s for s in sources)


def test_fifos_devices_and_links_out_of_the_folder_are_refused_not_read(
    folder: Path, tmp_path: Path
) -> None:
    os.mkfifo(folder / "b_pipe.txt")
    (folder / "c_zero.txt").symlink_to("/dev/zero")
    outside = tmp_path / "outside.txt"
    outside.write_text(report_text(sample_report()), encoding="utf-8")
    (folder / "d_outside.txt").symlink_to(outside)
    (folder / "e_inside.txt").symlink_to(folder / "a.txt")
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    code, _, _ = parse(str(folder), "-o", str(out))
    assert time.monotonic() - started < 30 and code == 1
    codes = {
        Path(str(r["source"])).name: [d["code"] for d in r.get("diagnostics") or []]  # type: ignore[union-attr]
        for r in lines(out)
    }
    assert codes["b_pipe.txt"] == ["NOT_A_FILE"], codes
    assert codes.get("c_zero.txt") == ["LINK_OUTSIDE"], sorted(codes)
    assert codes.get("d_outside.txt") == ["LINK_OUTSIDE"], codes
    assert codes["a.txt"] == [] and len(lines(out)) == 5  # the inside link read as a.txt


def test_output_path_problems_are_found_before_parsing(folder: Path, tmp_path: Path) -> None:
    code, _, err = parse(str(folder), "-o", str(tmp_path / "没有的文件夹" / "out.jsonl"))
    assert code == 2 and "不存在" in err
    code, _, err = parse(str(folder), "-o", str(tmp_path))
    assert code == 2 and "是一个文件夹" in err
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert parse(str(folder), "-o", str(link))[0] == 0
    assert link.is_symlink() and len(lines(target)) == 1


def test_terminal_escapes_in_names_are_shown_escaped(folder: Path) -> None:
    (folder / "x\x1b[31m.txt").write_bytes(b"")
    _, out, err = parse(str(folder))
    assert "\x1b[31m" not in err + out and "\\x1b[31m" in err + out


def test_parquet_holds_every_value_the_json_can(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    report = sample_report().with_cell("table2.fees", Decimal("2310.507318"))
    report = report.with_cell("table3.received.natural_person", 10**15)
    path = tmp_path / "out.parquet"
    writer = ParquetWriter(path)
    writer.write(report)
    writer.close()
    rows = pq.read_table(path).to_pylist()
    values = {(r["table"], r["row"], r["column"]): r["value"] for r in rows}
    assert values[("table2", "fees", "amount")] == Decimal("2310.507318")
    assert values[("table3", "received", "natural_person")] == 10**15


def test_sigterm_ends_the_run_like_ctrl_c_and_leaves_no_part_file(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = report_text(sample_report())
    for n in range(4000):
        (folder / f"{n:04d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "gongkai.cli", "annual", "parse", str(folder)]
    process = subprocess.Popen(
        [*command, "-o", str(out), "--jobs", "2", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # the signal once the run writes its output (its handler is in place by then): a fixed
    # wait sent it before Python had started on a loaded machine
    partial = tmp_path / "out.jsonl.part"
    deadline = time.monotonic() + 60
    while not partial.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the machine parsed 4,000 files before the signal")
    assert process.returncode == 130, err.decode()
    assert not out.exists() and not (tmp_path / "out.jsonl.part").exists()
    assert "已中断" in err.decode()
