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
    ("print-driver-two-pages-per-sheet-side-by-side-on-landscape", "chromium"): (
        "Chromium splits each tall page box of this 2-up source across sheets before it "
        "shrinks it, so the lower part of every page ((二)部分公开, 四、结转下年度继续办理, "
        "part 四's title) is not in the PDF at all; the same source with its sheet "
        "contained reads whole (test_pdf_two_up_sheets)"
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
