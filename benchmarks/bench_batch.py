"""A whole folder through the command line: ``gongkai annual parse --jobs 2`` (parse and
check, JSONL out) over a 10,000-file mixed folder, wall-clock time.

The folder is built in a temporary directory from the same reports ``bench_parse`` uses:
plain text (UTF-8 and GBK), HTML pages, DOCX, a few PDFs, and crawled text whose table
cells were joined into digit runs (the project's ``tests/fixtures/flat``). Reference, in
the same run: the same command with ``--jobs 1``; the ratio is the speed-up of the second
process. Target (issue 13): the 10,000 files parsed and checked in under a minute with
``--jobs 2``. ``GONGKAI_BENCH_FILES`` sets another count.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import bench_parse as p  # noqa: E402
from _common import Result  # noqa: E402

COUNT = int(os.environ.get("GONGKAI_BENCH_FILES", "10000"))
TARGET_SECONDS = 60.0
TARGET_RATE = 10_000 / TARGET_SECONDS
PDF_SHARE = 200
"""One file in this many is a PDF (PDFs cost a hundred times a text file to read)."""


def _samples() -> list[tuple[str, bytes]]:
    texts = p._texts()
    samples: list[tuple[str, bytes]] = []
    for i, text in enumerate(texts):
        samples.append((f"text-{i}.txt", text.encode("utf-8")))
        samples.append((f"gbk-{i}.txt", text.encode("gb18030")))
        samples.append((f"page-{i}.html", p._html(text)))
        samples.append((f"word-{i}.docx", p.as_docx(text)))
    for path in sorted(p.CRAWLED.glob("*.txt")):
        samples.append((f"crawled-{path.stem}.txt", path.read_bytes()))
    return samples


def _folder(target: Path, count: int) -> None:
    samples = _samples()
    pdfs = [p._pdf(t)[0] for t in p._texts()[:2]]
    for n in range(count):
        sub = target / f"{n // 1000:02d}"
        sub.mkdir(exist_ok=True)
        if n % PDF_SHARE == PDF_SHARE - 1:
            (sub / f"{n:05d}.pdf").write_bytes(pdfs[n % len(pdfs)])
            continue
        name, data = samples[n % len(samples)]
        (sub / f"{n:05d}-{name}").write_bytes(data)


def _run(folder: Path, jobs: int, out: Path) -> float:
    command = [
        str(Path(sys.executable).with_name("gongkai")),
        "annual",
        "parse",
        str(folder),
        "--jobs",
        str(jobs),
        "-o",
        str(out),
        "--quiet",
    ]
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr else "解析失败")
    lines = out.read_text(encoding="utf-8").count("\n")
    if lines != COUNT:
        raise RuntimeError(f"输出 {lines} 行，应为 {COUNT} 行")
    return elapsed


def main() -> list[Result]:
    work = Path(tempfile.mkdtemp(prefix="gongkai-bench-batch-"))
    try:
        folder = work / "reports"
        folder.mkdir()
        _folder(folder, COUNT)
        two = _run(folder, 2, work / "two.jsonl")
        one = _run(folder, 1, work / "one.jsonl")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"   {COUNT:,} 个文件：--jobs 2 用时 {two:.1f} 秒，--jobs 1 用时 {one:.1f} 秒", flush=True
    )
    return [
        Result(
            f"{COUNT:,} 个混合文件解析并核查（--jobs 2，份/秒）",
            COUNT / two,
            "份/秒",
            "--jobs 1",
            COUNT / one,
            target=f"10,000 份 ≤ {TARGET_SECONDS:.0f} 秒（≥ {TARGET_RATE:,.0f} 份/秒）",
            met=COUNT / two >= TARGET_RATE,
        )
    ]


if __name__ == "__main__":
    for result in main():
        print(result.line())
