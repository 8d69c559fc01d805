"""Layout facts of the rendered documents, measured on the pages themselves (issue 12):
every seed (as the reader reads it, and as the platform would publish it with its
skeleton's sentences) and the project's own reports, in every format.

PDF pages are read with pdfplumber (text and positions) and turned into images with
pdftoppm; DOCX and XLSX are checked in their XML, where Word and Excel read the layout.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from gongkai.annual import AnnualReport, render_docx, render_pdf, render_xlsx
from gongkai.annual import schema as s
from gongkai.annual.parse import parse_file
from gongkai.annual.render._layout import signature_lines, title_lines
from gongkai.annual.render.xlsx import FIRST_TABLE_ROW, LINE_POINTS
from tests.annual.check_reports import sound_report
from tests.conftest import SEEDS, seed_params

PLATFORM_SENTENCES = {
    "2": "本年度制发规章0件、行政规范性文件2件，废止行政规范性文件0件，现行有效行政规范性文件15件。",
    "3": "本年度共收到政府信息公开申请7件，上年结转1件，办结7件，结转下年度1件。",
    "4": "本年度因政府信息公开工作被申请行政复议0件，被提起行政诉讼0件。",
}
TABLE3_FIRST = s.TABLE3_ROWS[0].label
TABLE3_LAST = s.TABLE3_ROWS[-1].label
HEADINGS = tuple(section.heading for section in s.SECTIONS)


def _long_text_report() -> AnnualReport:
    """Section 三 long enough that table 三 lands near a page foot."""
    report = sound_report()
    sections = dict(report.sections or {})
    sections["3"] = "\n".join(
        f"（{'一二三四五六七八'[i]}）办理情况。本年度依法办理政府信息公开申请，逐件登记、按期答复。"
        for i in range(8)
    )
    return replace(report, sections=sections, published="2025-01-20")


def _reports() -> list[Any]:
    params: list[Any] = [
        pytest.param(lambda: replace(sound_report(), published="2025-01-18"), id="sound"),
        pytest.param(_long_text_report, id="long-section-3"),
    ]
    for param in seed_params():
        if not isinstance(param, str):  # ../shared is absent: the one skipped parameter
            params.append(param)
            continue
        seed, marks = param, ()

        def read(seed: str = seed) -> AnnualReport:
            return parse_file(SEEDS / f"{seed}.txt")

        def platform(seed: str = seed) -> AnnualReport:
            report = read(seed)
            sections = {**(report.sections or {}), **PLATFORM_SENTENCES}
            return replace(report, sections=sections, published="2025-01-20")

        params.append(pytest.param(read, id=f"{seed[:3]}-read", marks=marks))
        params.append(pytest.param(platform, id=f"{seed[:3]}-platform", marks=marks))
    return params


REPORTS = _reports()


def _pages(pdf: bytes) -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [
            [line for line in (page.extract_text() or "").splitlines() if line.strip()]
            for page in document.pages
        ]


def _flat(line: str) -> str:
    return "".join(line.split()).replace("(", "（").replace(")", "）")


@pytest.mark.parametrize("make", REPORTS)
def test_pdf_layout(make: Any) -> None:
    report = make()
    pdf = render_pdf(report)
    pages = _pages(pdf)
    texts = [[_flat(line) for line in page] for page in pages]
    # the title in its lines, never broken inside a word
    for i, line in enumerate(title_lines(report)):
        assert _flat(line) in texts[0][i], texts[0][:3]
    # table 三 whole on one page
    first = [i for i, page in enumerate(texts) if any(_flat(TABLE3_FIRST) in x for x in page)]
    last = [i for i, page in enumerate(texts) if any(_flat(TABLE3_LAST) in x for x in page)]
    assert first and first == last, (first, last)
    # no page holds only a table's header rows, or ends with a heading
    for n, page in enumerate(texts):
        body = page[:-1]  # the page number last
        assert body, f"page {n + 1} is empty"
        assert not any(body[-1].startswith(_flat(h)) for h in HEADINGS), f"page {n + 1}"
        if any(s.TABLE3_APPLICANT_HEADER in x for x in body):
            assert any(_flat(TABLE3_FIRST) in x for x in body), f"page {n + 1}: header only"
    # 署名 and 成文日期 close the report
    signed = [_flat(x) for x in signature_lines(report)]
    assert not signed or texts[-1][-1 - len(signed) : -1] == signed
    # page numbers: — n — on every page
    for n, page in enumerate(texts, start=1):
        assert page[-1] == f"—{n}—"


def test_pdf_page_numbers_sit_on_the_outer_side() -> None:
    pdf = render_pdf(_long_text_report())
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) >= 2
        for n, page in enumerate(document.pages[:2], start=1):
            words = [w for w in page.extract_words() if w["text"].strip("—") == str(n)]
            number = words[-1]
            on_right = number["x0"] > page.width / 2
            assert on_right is (n % 2 == 1), (n, number["x0"], page.width)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="需要 poppler-utils（pdftoppm）")
def test_pdf_pages_become_images(tmp_path: Path) -> None:
    """The pages a person looks at: one image per page, none blank."""
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_pdf(_long_text_report()))
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == len(_pages(pdf.read_bytes()))
    assert all(image.stat().st_size > 1000 for image in images)


@pytest.mark.parametrize("make", REPORTS)
def test_docx_layout(make: Any) -> None:
    report = make()
    document = Document(io.BytesIO(render_docx(report)))
    # page numbers — PAGE — in the footers, odd right and even left
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and "— " in footer.paragraphs[0].text
        assert f'w:val="{alignment}"' in xml
    # 署名 and 成文日期 last, right-aligned four characters in
    signed = list(signature_lines(report))
    if signed:  # a report read without its organ or date has nothing to sign with
        last = [p for p in document.paragraphs if p.text.strip()][-len(signed) :]
        assert [p.text for p in last] == signed
        assert all(p.paragraph_format.right_indent.pt == 64 for p in last)
    # kinsoku on, headings kept with what follows, table 三's rows kept together
    normal = document.styles["Normal"].element.pPr
    assert normal.find(qn("w:kinsoku")) is not None
    table3 = document.tables[1]
    kept = [row.cells[0].paragraphs[0].paragraph_format.keep_with_next for row in table3.rows]
    assert all(kept[:-1]) and not kept[-1]


@pytest.mark.parametrize("make", REPORTS[:4])
def test_xlsx_row_heights_fit_the_wrapped_labels(make: Any) -> None:
    report = make()
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    sheet = book["表三"]
    heights = {
        r: sheet.row_dimensions[r].height
        for r in range(FIRST_TABLE_ROW, sheet.max_row + 1)
        if sheet.row_dimensions[r].height
    }
    assert len(heights) == sheet.max_row - FIRST_TABLE_ROW + 1
    label_row = next(
        r
        for r in heights
        if str(sheet.cell(row=r, column=3).value or "").startswith("1.申请人无正当理由")
    )
    assert heights[label_row] >= 2 * LINE_POINTS
    info = book["说明"]
    values = [c.value for row in info.iter_rows() for c in row if c.value]
    signed = list(signature_lines(report))
    assert not signed or values[-len(signed) :] == signed
