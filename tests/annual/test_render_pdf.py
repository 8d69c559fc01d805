"""annual.render.pdf: WeasyPrint typesets the HTML; the pages are looked at as pixels.

Each seed is typeset once per session (WeasyPrint takes about a second a report). The
pages are rasterised with poppler's ``pdftoppm -gray`` into PGM files, whose pixels
are counted here; the text layer is read back with pypdfium2.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest

from gongkai.annual import AnnualReport, Finding, RenderError, Severity
from gongkai.annual import schema as s
from gongkai.annual.render import render_pdf
from gongkai.annual.render.pdf import cjk_fonts
from tests.conftest import EXPECTED, seed_ids, seed_params

pytestmark = pytest.mark.slow


def _needs_tools() -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("没有 pdftoppm（Debian 软件包 poppler-utils），无法检查 PDF 页面")
    if shutil.which("fc-list") is None or not cjk_fonts():
        pytest.skip("没有中文字体（apt-get install fonts-noto-cjk），无法生成 PDF")


@pytest.fixture(scope="module")
def seed_pdfs() -> dict[str, bytes]:
    _needs_tools()
    return {seed: render_pdf(AnnualReport.load(EXPECTED / f"{seed}.json")) for seed in seed_ids()}


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary (P5) 8-bit PGM file."""
    data = path.read_bytes()
    fields: list[bytes] = []
    at = 0
    while len(fields) < 4:
        while data[at : at + 1].isspace():
            at += 1
        if data[at : at + 1] == b"#":
            at = data.index(b"\n", at)
            continue
        end = at
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    assert fields[0] == b"P5" and fields[3] == b"255"
    width, height = int(fields[1]), int(fields[2])
    pixels = data[at + 1 : at + 1 + width * height]
    assert len(pixels) == width * height
    return width, height, pixels


def ink_per_page(pdf: bytes, tmp_path: Path) -> list[float]:
    """The share of non-white pixels on each page, rendered at 40 dpi."""
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "40", str(source), str(tmp_path / "page")],
        check=True,
        timeout=120,
    )
    shares = []
    for page in sorted(tmp_path.glob("page*.pgm")):
        width, height, pixels = read_pgm(page)
        dark = sum(1 for p in pixels if p < 200)
        shares.append(dark / (width * height))
    return shares


def pdf_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.mark.parametrize("seed", seed_params())
def test_seed_pdf_pages_are_a4_and_not_blank(
    seed: str, seed_pdfs: dict[str, bytes], tmp_path: Path
) -> None:
    pdf = seed_pdfs[seed]
    assert pdf.startswith(b"%PDF-")
    document = pypdfium2.PdfDocument(pdf)
    sizes = {tuple(round(v / 72 * 25.4) for v in page.get_size()) for page in document}
    document.close()
    assert sizes == {(210, 297)}
    shares = ink_per_page(pdf, tmp_path)
    assert len(shares) >= 2
    assert all(share > 0.005 for share in shares), shares


@pytest.mark.parametrize("seed", seed_params())
def test_seed_pdf_text_layer_holds_title_labels_and_numbers(
    seed: str, seed_pdfs: dict[str, bytes]
) -> None:
    report = AnnualReport.load(EXPECTED / f"{seed}.json")
    text = "".join(pdf_text(seed_pdfs[seed]).split())
    assert f"{report.year}年政府信息公开工作年度报告" in text
    for label in (s.TABLE3_RESULTS_GROUP.label[2:], s.TABLE4_LITIGATION_HEADER, "予以公开"):
        assert label in text
    received = "".join("" if n is None else str(n) for n in report.table3.row("received"))
    assert f"{s.TABLE3_ROWS[0].label}{received}" in text


def test_findings_are_printed_after_the_report(tmp_path: Path) -> None:
    _needs_tools()
    finding = Finding("T3.E001", Severity.ERROR, "表三“自然人”列：一加二为8，三加四为0。")
    pdf = render_pdf(AnnualReport(organ="测试局", year=2024), findings=[finding])
    text = "".join(pdf_text(pdf).split())
    assert text.index("六、其他需要报告的事项") < text.index("核查结果1.错误T3.E001表三“自然人”列")


def test_without_a_chinese_font_the_pdf_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("没有 fc-list（fontconfig），无法模拟无中文字体的系统")
    empty = tmp_path / "fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig>'
        f"<dir>{empty}</dir><cachedir>{empty}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    with pytest.raises(RenderError) as raised:
        render_pdf(AnnualReport(organ="测试局", year=2024))
    assert str(raised.value) == (
        "生成 PDF 需要中文字体，但系统中没有（fc-list :lang=zh 没有列出任何字体）。"
        "请以 root 运行：apt-get install fonts-noto-cjk"
    )


@pytest.mark.parametrize("seed", seed_params())
def test_the_title_breaks_only_between_organ_and_year(
    seed: str, seed_pdfs: dict[str, bytes]
) -> None:
    """The set title's lines, read back from the page: each is the organ, the year's title,
    or the whole title; never a word cut in two (“…公开工 / 作年度报告”)."""
    report = AnnualReport.load(EXPECTED / f"{seed}.json")
    organ = report.organ or ""
    rest = f"{report.year}年政府信息公开工作年度报告"
    page = pypdfium2.PdfDocument(seed_pdfs[seed])[0].get_textpage().get_text_range()
    lines = [line.replace(" ", "") for line in page.splitlines() if line.strip()]
    first = lines[: 2 if lines[0] != organ + rest else 1]
    assert first in ([organ + rest], [organ, rest]), first
