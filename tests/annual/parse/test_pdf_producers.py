"""Hand-written HTML reports laid out as real published pages (红头, title page, landscape
table 三, three-line tables, converter and OCR text layers…), each printed to PDF by both
producers that real reports come from — weasyprint and headless Chromium — and read back
to the cells of their hand-read values.

Each source is ``tests/fixtures/pdf_sources/NAME.source.html`` with its values in
``NAME.values.json``. A (source, producer) pair the reader does not yet read whole is in
``PENDING`` with what is read wrong and the general rule that would fix it; it is marked
``xfail(strict=True)`` so that the fix shows as XPASS.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.test_fixture_reports import differences

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "pdf_sources"
PRODUCERS = ("weasyprint", "chromium")
BAD_CODES = frozenset(
    {
        "ROW_NOT_FOUND",
        "TABLE_NOT_FOUND",
        "SECTION_NOT_FOUND",
        "ROW_TOO_FEW",
        "ROW_TOO_MANY",
        "ROW_INFERRED",
        "VALUES_UNASSIGNED",
        "ROW_DUPLICATE",
        "INTERNAL_ERROR",
    }
)
"""A part or row not found, or a row read with a doubt about its cells."""

PENDING: dict[tuple[str, str], str] = {
    (
        "ocr-text-layer-words-jittered-and-stretched-no-ruling-lines-tinted-page",
        "weasyprint",
    ): (
        "table 三's rows whose words sit up to 0.7 mm off their line lose most cells "
        "(partially_granted read [None×6, 6], ROW_TOO_FEW, VALUES_UNASSIGNED, ROW_NOT_FOUND): "
        "an unruled table's row should gather the words whose vertical extent overlaps the "
        "row's label line, not those on exactly the same baseline"
    ),
    (
        "ocr-text-layer-words-jittered-and-stretched-no-ruling-lines-tinted-page",
        "chromium",
    ): (
        "almost every table 三 row read blank, licensing None, fees 11.89 read 1189 "
        "(ROW_NOT_FOUND, ROW_TOO_FEW, ROW_TOO_MANY, VALUES_UNASSIGNED): words of one row "
        "jittered off a shared baseline should be joined by vertical overlap, and the fee "
        "cell's decimal point kept (a fee is 万元 with decimals)"
    ),
    ("three-line-tables-no-vertical-rules-top-header-bottom-rules-only", "chromium"): (
        "table 三 in a three-line (booktabs) layout, Chromium squeezing the number columns so "
        "that 自然人 and 总计 wrap one character a line: received, granted, handled_total and "
        "others read blank (ROW_NOT_FOUND, ROW_TOO_MANY, ROW_INFERRED, VALUES_UNASSIGNED): "
        "a table ruled only above, below and under its header is an unruled table — its "
        "columns should come from the header words' positions (a header wrapped one glyph a "
        "line is still one column), not from the few rules"
    ),
    ("print-driver-two-pages-per-sheet-side-by-side-on-landscape", "weasyprint"): (
        "two portrait pages shrunk side by side on one landscape sheet (print driver 2-up): "
        "every table 三 row blank (ROW_NOT_FOUND) as lines of the left page and of the right "
        "are read as one line: a sheet whose text parts in two halves at a blank vertical "
        "gutter that no line crosses should be read as two pages, left half first"
    ),
    ("print-driver-two-pages-per-sheet-side-by-side-on-landscape", "chromium"): (
        "same 2-up sheet from Chromium: organ, tables 二 and 三 all lost (TABLE_NOT_FOUND, "
        "SECTION_NOT_FOUND, ROW_NOT_FOUND, ROW_TOO_FEW, VALUES_UNASSIGNED): a sheet parted "
        "by a blank vertical gutter is two pages, read left then right"
    ),
}


def sources() -> list[str]:
    return sorted(p.name.removesuffix(".source.html") for p in HERE.glob("*.source.html"))


def params() -> list[Any]:
    out = []
    for name in sources():
        for producer in PRODUCERS:
            reason = PENDING.get((name, producer))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(name, producer, marks=marks, id=f"{producer}-{name}"))
    return out


def print_pdf(source: Path, producer: str, out: Path) -> bytes:
    """``source`` printed to PDF by ``producer`` into ``out``."""
    if producer == "weasyprint":
        import weasyprint

        html = source.read_text(encoding="utf-8")
        out.write_bytes(bytes(weasyprint.HTML(string=html, base_url=str(HERE)).write_pdf()))
    else:
        chromium = shutil.which("chromium")
        if chromium is None:
            pytest.skip("chromium is not installed")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={out}",
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return out.read_bytes()


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], bytes]:
    """Each (source, producer)'s PDF, printed once per session when first asked for."""
    return {}


def read(
    printed: dict[tuple[str, str], bytes],
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    producer: str,
) -> AnnualReport:
    key = (name, producer)
    if key not in printed:
        out = tmp_path_factory.mktemp("pdf") / f"{name}.{producer}.pdf"
        printed[key] = print_pdf(HERE / f"{name}.source.html", producer, out)
    return parse_bytes(printed[key], f"{name}.pdf")


def values(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / f"{name}.values.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("name", "producer"), params())
def test_printed_report_reads_whole(
    printed: dict[tuple[str, str], bytes],
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    producer: str,
) -> None:
    report = read(printed, tmp_path_factory, name, producer)
    assert differences(report, values(name)) == []
    found = {str(d["code"]) for d in report.diagnostics or ()}
    assert not found & BAD_CODES


def test_every_source_has_values_and_pending_names_are_sources() -> None:
    names = sources()
    assert len(names) >= 10
    for name in names:
        assert (HERE / f"{name}.values.json").is_file()
    assert {n for n, _ in PENDING} <= set(names)
    assert {p for _, p in PENDING} <= set(PRODUCERS)
