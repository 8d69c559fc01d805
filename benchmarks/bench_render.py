"""Rendering one annual report in each format, milliseconds per report.

Timed work: ``render_html``, ``render_docx``, ``render_xlsx`` and ``render_pdf`` of the
same report (tables 二 三 四 filled, the six sections with a paragraph each). Reference
for each, in the same run:

- HTML: ``report.to_json()`` of the same report (serialising the data at all);
- DOCX: python-docx writing the same three tables' texts into plain tables (no merges,
  no styles): the library's own floor;
- XLSX: openpyxl writing the same cells into plain sheets (no merges, no styles);
- PDF: WeasyPrint typesetting a one-paragraph Chinese page (its fixed cost per document).

The ratio is work / reference. Targets: HTML under 20 ms, DOCX under 500 ms, XLSX under
200 ms, PDF under 3 s per report.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from _common import Result, best_of, median_ms  # noqa: E402
from gongkai.annual import AnnualReport, render_docx, render_html, render_pdf, render_xlsx  # noqa: E402
from gongkai.annual import schema as s  # noqa: E402
from gongkai.annual.render._layout import grids  # noqa: E402


def sample() -> AnnualReport:
    report = AnnualReport(organ="测试市数据局", year=2024)
    for i, key in enumerate(s.all_cell_keys()):
        report = report.with_cell(key, i % 7)
    text = "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，" * 6
    return replace(report, sections={sec.key: text for sec in s.SECTIONS})


def plain_docx(report: AnnualReport) -> bytes:
    from docx import Document

    document = Document()
    for grid in grids(report):
        table = document.add_table(rows=grid.n_rows, cols=grid.n_cols)
        cells = table._cells
        for cell in grid.cells():
            cells[cell.row * grid.n_cols + cell.col].text = cell.text
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def plain_xlsx(report: AnnualReport) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for grid in grids(report):
        sheet = book.create_sheet(grid.name)
        for cell in grid.cells():
            sheet.cell(row=1 + cell.row, column=1 + cell.col, value=cell.value or cell.text)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def plain_pdf() -> bytes:
    from weasyprint import HTML

    page = (
        '<html lang="zh-CN"><body style="font-family: Noto Serif CJK SC">政府信息公开</body></html>'
    )
    pdf: bytes = HTML(string=page).write_pdf()
    return pdf


def _result(name: str, ms: float, ref_name: str, ref_ms: float, target_ms: float) -> Result:
    return Result(
        name=name,
        value=ms,
        unit="ms/份",
        reference_name=ref_name,
        reference_value=ref_ms,
        target=f"< {target_ms:,.0f} ms",
        met=ms < target_ms,
    )


def main() -> list[Result]:
    report = sample()
    for warm in (render_docx, render_xlsx, plain_docx, plain_xlsx):
        warm(report)
    results = [
        _result(
            "render_html",
            median_ms(lambda: render_html(report), repeat=51),
            "to_json",
            median_ms(report.to_json, repeat=51),
            20,
        ),
        _result(
            "render_docx",
            best_of(lambda: render_docx(report), repeat=5) * 1000,
            "python-docx 无合并无样式",
            best_of(lambda: plain_docx(report), repeat=5) * 1000,
            500,
        ),
        _result(
            "render_xlsx",
            best_of(lambda: render_xlsx(report), repeat=5) * 1000,
            "openpyxl 无合并无样式",
            best_of(lambda: plain_xlsx(report), repeat=5) * 1000,
            200,
        ),
    ]
    try:
        plain_pdf()
        render_pdf(report)
    except Exception as exc:  # no CJK font or no Pango: say so, keep the other results
        print(f"   跳过 PDF：{exc}", flush=True)
        return results
    results.append(
        _result(
            "render_pdf",
            best_of(lambda: render_pdf(report), repeat=3) * 1000,
            "WeasyPrint 一段中文",
            best_of(plain_pdf, repeat=3) * 1000,
            3000,
        )
    )
    return results


if __name__ == "__main__":
    for result in main():
        print(result.line())
