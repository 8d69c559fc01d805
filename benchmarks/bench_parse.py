"""Parsing published annual reports: reports per second per core, by format.

Timed work: ``parse_bytes`` (read the document: detect format and encoding, normalise,
build lines and grids; then recognise organ, year, sections and tables) over the same
reports as plain text, HTML, DOCX and PDF, in this one process (= one core), measured
in the process's CPU time so that other load on the machine does not count.
Reference, in the same run: ``read_document`` alone over the same bytes, i.e. merely
reading and normalising them. The ratio is parse rate / read rate (≤ 1; how much the
recognizer costs on top of reading).

The reports are the five seeds in ``../shared/seeds`` when present, else reports built
from the schema. HTML (inside a site's navigation and footer), DOCX and PDF versions are
laid out by ``tests/annual/parse/as_documents`` (as the fixtures' round trips are): pipe
rows become ruled tables.
Crawled text whose table cells were joined into digit runs (``tests/fixtures/flat``) is
timed too: the digit-run decoder is part of the work. Targets (issue 13): ≥ 1,000 text or
HTML reports per second per core; ≥ 10 PDF pages' worth of reports per second.
Each line says whether the reader ran compiled (``make native``) or as plain Python.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from _common import Result  # noqa: E402
from gongkai.annual.parse import native, parse_bytes, read_document  # noqa: E402
from tests.annual.parse.as_documents import as_docx, as_html  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
CRAWLED = ROOT / "tests" / "fixtures" / "flat"
TEXT_TARGET = 1000.0
PDF_PAGES_TARGET = 10.0


def _texts() -> list[str]:
    if SEEDS.is_dir():
        found = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        if found:
            return found
    from tests.annual.parse.builders import report_text
    from tests.strategies import blank_report

    texts = []
    for i in range(5):
        report = blank_report(2020 + i, f"测试市第{i + 1}局")
        for key, _ in report.cells():
            report = report.with_cell(key, i)
        texts.append(report_text(report))
    return texts


def _html(text: str) -> bytes:
    return as_html(text, furniture=True)


def _pdf(text: str) -> tuple[bytes, int]:
    import weasyprint

    rendered = weasyprint.HTML(string=_html(text).decode("utf-8")).render()
    return rendered.write_pdf(), len(rendered.pages)


def _rate(fn: Callable[[bytes, str], object], documents: list[bytes], seconds: float) -> float:
    """Documents per CPU second of this process, looping for about ``seconds`` of CPU.

    CPU time, not wall time: the targets are per core, and on a shared machine wall time
    also counts the time other processes held the core.
    """
    done = 0
    started = time.process_time()
    while True:
        for i, data in enumerate(documents):
            fn(data, f"bench-{i}")
        done += len(documents)
        elapsed = time.process_time() - started
        if elapsed >= seconds:
            return done / elapsed


def main() -> list[Result]:
    texts = _texts()
    formats: dict[str, list[bytes]] = {
        "文本": [t.encode("utf-8") for t in texts],
        "文本 GBK": [t.encode("gb18030") for t in texts],
        "HTML": [_html(t) for t in texts],
        "DOCX": [as_docx(t) for t in texts],
        "网页抓取文本（数字连写，含解码）": [p.read_bytes() for p in sorted(CRAWLED.glob("*.txt"))],
    }
    pdfs = [_pdf(t) for t in texts]
    formats["PDF"] = [data for data, _ in pdfs]
    pages_per_report = sum(pages for _, pages in pdfs) / len(pdfs)

    def read(data: bytes, source: str) -> object:
        return read_document(data, source)

    for documents in formats.values():  # warm-up: imports, opencc, lxml
        parse_bytes(documents[0], "warm-up")
    results: list[Result] = []
    build = "编译版" if native.in_use() else "纯 Python"
    for name, documents in formats.items():
        seconds = 2.0 if name == "PDF" else 1.0
        parsed = _rate(parse_bytes, documents, seconds)
        reference = _rate(read, documents, seconds)
        if name == "PDF":
            results.append(
                Result(
                    f"解析 PDF（页/秒/核，{build}）",
                    parsed * pages_per_report,
                    "页/秒",
                    "仅读取并规范化",
                    reference * pages_per_report,
                    target=f"≥ {PDF_PAGES_TARGET:.0f} 页/秒",
                    met=parsed * pages_per_report >= PDF_PAGES_TARGET,
                )
            )
            continue
        target = TEXT_TARGET if name in ("文本", "文本 GBK", "HTML") or "抓取" in name else None
        results.append(
            Result(
                f"解析{name}（份/秒/核，{build}）",
                parsed,
                "份/秒",
                "仅读取并规范化",
                reference,
                target=f"≥ {target:.0f} 份/秒" if target else "",
                met=parsed >= target if target else None,
            )
        )
    return results


if __name__ == "__main__":
    for result in main():
        print(result.line())
