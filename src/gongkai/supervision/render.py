"""An issued 通报 as a 公文: the red heading and 期号, the issuing office and date, the
title, 主送, the six sections, the table of figures with the ranking, and the 印发 line.
DOCX (python-docx) and PDF (WeasyPrint, from the same HTML the page shows)."""

from __future__ import annotations

import io
from html import escape
from typing import Any

from .bulletins import SECTION_TITLES, day
from .models import Bulletin

HEADING = "政府信息公开工作通报"
COLUMNS = (
    ("organ", "机关"),
    ("received", "收到申请"),
    ("closed", "办结"),
    ("on_time_rate", "按期办结率"),
    ("overdue", "逾期未办结"),
    ("published", "主动公开"),
    ("publish_rate", "按期发布率"),
    ("problems_found", "发现问题"),
    ("problems_fixed", "已整改"),
    ("report", "上年度年报"),
)
RED = "#c00000"


def rows(bulletin: Bulletin) -> list[list[str]]:
    """The table as printed: rank first, rates as percentages."""
    out = []
    for rank, figures in enumerate(bulletin.figures, start=1):
        line = [str(rank)]
        for key, _ in COLUMNS:
            line.append(_cell(key, figures))
        out.append(line)
    return out


def _cell(key: str, f: dict[str, Any]) -> str:
    if key == "on_time_rate":
        return _rate(f["on_time"], f["closed"])
    if key == "publish_rate":
        return _rate(f["published"] - f["late"], f["published"])
    return str(f[key])


def _rate(part: int, whole: int) -> str:
    return "—" if not whole else f"{part * 100 / whole:.1f}%"


def issued_line(bulletin: Bulletin) -> str:
    assert bulletin.issued_on is not None
    return f"{bulletin.office.name}　　{day(bulletin.issued_on)}印发"


def html(bulletin: Bulletin) -> str:
    head = "".join(f"<th>{escape(label)}</th>" for label in ("排名", *(c[1] for c in COLUMNS)))
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows(bulletin)
    )
    sections = "".join(
        f"<h2>{escape(title)}</h2><p>{escape(bulletin.sections.get(key, ''))}</p>"
        for key, title in SECTION_TITLES
    )
    issued = day(bulletin.issued_on) if bulletin.issued_on else ""
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
body {{ font-family: "FangSong", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt;
  line-height: 28pt; }}
.red {{ color: {RED}; text-align: center; font-family: "Noto Serif CJK SC", serif;
  font-size: 30pt; font-weight: bold; letter-spacing: 4pt; margin: 0 0 12pt; }}
.number {{ text-align: center; margin: 0; }}
.office {{ display: flex; justify-content: space-between; border-bottom: 2pt solid {RED};
  padding-bottom: 6pt; margin-bottom: 24pt; font-size: 14pt; }}
h1 {{ font-family: "Noto Serif CJK SC", serif; font-size: 20pt; text-align: center;
  line-height: 32pt; }}
h2 {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 16pt; margin: 12pt 0 0; }}
p {{ text-indent: 2em; margin: 0; }}
p.main-to {{ text-indent: 0; margin: 12pt 0; }}
table {{ border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 12pt;
  margin-top: 12pt; font-family: "Noto Serif CJK SC", serif; }}
th, td {{ border: 0.75pt solid #000; padding: 2pt; text-align: center; }}
.issued {{ border-top: 1pt solid #000; border-bottom: 1pt solid #000; margin-top: 24pt;
  font-size: 14pt; text-indent: 0; }}
</style><title>{escape(bulletin.title)}</title></head><body>
<p class="red">{HEADING}</p>
<p class="number">{escape(bulletin.number_label)}</p>
<div class="office"><span>{escape(bulletin.office.name)}</span><span>{issued}</span></div>
<h1>{escape(bulletin.title)}</h1>
<p class="main-to">{escape(bulletin.main_to)}：</p>
{sections}
<h2>附：各机关政府信息公开工作情况排名</h2>
<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
<p class="issued">{escape(issued_line(bulletin)) if bulletin.issued_on else ""}</p>
</body></html>"""


def pdf(bulletin: Bulletin) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=html(bulletin)).write_pdf())


def docx(bulletin: Bulletin) -> bytes:
    import docx as python_docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    document = python_docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT

    def para(
        text: str,
        *,
        size: int = 16,
        bold: bool = False,
        center: bool = False,
        red: bool = False,
        indent: bool = False,
    ) -> None:
        p = document.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent:
            p.paragraph_format.first_line_indent = Pt(size * 2)
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.font.bold = bold
        if red:
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)

    para(HEADING, size=30, bold=True, center=True, red=True)
    para(bulletin.number_label, center=True)
    issued = day(bulletin.issued_on) if bulletin.issued_on else ""
    para(f"{bulletin.office.name}　　　　{issued}", size=14, red=False)
    para(bulletin.title, size=20, bold=True, center=True)
    para(f"{bulletin.main_to}：")
    for key, title in SECTION_TITLES:
        para(title, bold=True)
        para(bulletin.sections.get(key, ""), indent=True)
    para("附：各机关政府信息公开工作情况排名", bold=True)
    table = document.add_table(rows=1, cols=len(COLUMNS) + 1)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ("排名", *(c[1] for c in COLUMNS)), strict=True):
        cell.text = label
    for row in rows(bulletin):
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    if bulletin.issued_on:
        para(issued_line(bulletin), size=14)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
