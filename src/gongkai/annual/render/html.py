"""AnnualReport → HTML in the official layout: a printable page or a fragment.

The fragment (``standalone=False``) is one ``<article class="gk-report">`` whose tables
carry their own classes; a page that embeds it links ``report_css()`` (the same rules
the standalone page inlines). Every data cell names its row and column headers through
``headers``/``id``, so screen readers announce e.g. “法人或其他组织 商业企业 （一）予以公开”.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from html import escape
from importlib import resources

from .. import schema as s
from ..findings import Finding
from ..model import AnnualReport
from ._layout import (
    TABLE_OF_SECTION,
    Cell,
    Grid,
    Kind,
    paragraphs,
    report_title,
    signature_lines,
    subheading_split,
    title_lines,
)

FINDINGS_HEADING = "核查结果"
NO_FINDINGS = "未发现问题。"
HINT_PREFIX = "建议："


@cache
@cache
def report_css() -> str:
    """The style sheet of the report (screen and print): the shipped ``report.css`` plus
    the tables' column widths.

    Widths are rules here rather than ``style`` attributes on ``<col>``, so that a page
    whose Content-Security-Policy forbids inline styles still lays the tables out.
    """
    shipped = resources.files("gongkai.annual.render").joinpath("report.css").read_text("utf-8")
    return shipped + "\n" + _column_width_rules()


def _column_width_rules() -> str:
    blank = AnnualReport(organ=None, year=None)
    rules = ["/* Column widths of the national tables (generated from the layout). */"]
    for build in TABLE_OF_SECTION.values():
        grid = build(blank)
        rules.extend(
            f".gk-report .gk-{grid.key} > colgroup > col:nth-child({i}) {{ width: {w * 100:.2f}%; }}"
            for i, w in enumerate(grid.widths, start=1)
        )
    return "\n".join(rules) + "\n"


def render_html(
    report: AnnualReport,
    *,
    findings: Sequence[Finding] | None = None,
    standalone: bool = True,
    id_prefix: str = "gk",
) -> str:
    """The report as HTML.

    ``standalone`` gives a whole page with the style sheet inlined; otherwise one
    ``<article>`` to embed. ``findings``, when given, are listed after the report (an
    empty list says that none were found). ``id_prefix`` keeps the ids of several
    reports on one page apart.
    """
    title = report_title(report)
    parts = [f'<article class="gk-report" lang="zh-CN" id="{escape(id_prefix)}-report">']
    lines = title_lines(report)
    if len(lines) == 1:
        parts.append(f'<h1 class="gk-title">{escape(title)}</h1>')
    else:
        spans = "".join(f'<span class="gk-title-line">{escape(line)}</span>' for line in lines)
        parts.append(f'<h1 class="gk-title">{spans}</h1>')
    for section in s.SECTIONS:
        parts.append(_section(report, section, id_prefix))
    signature = signature_lines(report)
    if signature:
        signed = "".join(f'<p class="gk-signature-line">{escape(x)}</p>' for x in signature)
        parts.append(f'<div class="gk-signature">{signed}</div>')
    if findings is not None:
        parts.append(_findings(findings, id_prefix))
    parts.append("</article>")
    body = "\n".join(parts)
    if not standalone:
        return body
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{report_css()}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _section(report: AnnualReport, section: s.Section, prefix: str) -> str:
    text = (report.sections or {}).get(section.key)
    out = [
        f'<section class="gk-section gk-section-{section.key}" id="{prefix}-section-{section.key}">',
        f'<h2 class="gk-section-heading">{escape(section.heading)}</h2>',
    ]
    out.extend(_paragraph(p) for p in paragraphs(text))
    build = TABLE_OF_SECTION.get(section.key)
    if build is not None:
        out.append(table_html(build(report), prefix))
    out.append("</section>")
    return "\n".join(out)


def _paragraph(text: str) -> str:
    head, rest = subheading_split(text)
    if head and not rest:
        return f'<p class="gk-paragraph gk-subheading">{escape(head)}</p>'
    if head:
        lead = f'<span class="gk-subheading">{escape(head)}</span>'
        return f'<p class="gk-paragraph">{lead}{escape(rest)}</p>'
    return f'<p class="gk-paragraph">{escape(text)}</p>'


def table_html(grid: Grid, prefix: str = "gk") -> str:
    """One table of the form as ``<table>`` markup."""
    out = [
        # A box that may scroll sideways on a phone: focusable, so keys can scroll it too.
        f'<div class="gk-table-wrap" tabindex="0" role="region" aria-label="{escape(grid.name)}">',
        f'<table class="gk-table gk-{grid.key}" id="{prefix}-{grid.key}">',
        f'<caption class="gk-caption">{escape(grid.name)} {escape(grid.caption)}</caption>',
        "<colgroup>",
        *("<col>" for _ in grid.widths),
        "</colgroup>",
    ]
    if grid.head_rows:
        out.append("<thead>")
        out.extend(_row(grid.rows[r], prefix) for r in range(grid.head_rows))
        out.append("</thead>")
    for body in grid.bodies:
        out.append("<tbody>")
        out.extend(_row(grid.rows[r], prefix) for r in body)
        out.append("</tbody>")
    out.append("</table>")
    out.append("</div>")
    return "\n".join(out)


def _row(cells: Sequence[Cell], prefix: str) -> str:
    return "<tr>" + "".join(_cell(c, prefix) for c in cells) + "</tr>"


def _cell(cell: Cell, prefix: str) -> str:
    attrs: list[str] = []
    if cell.id:
        attrs.append(f'id="{prefix}-{cell.id}"')
    classes = [f"gk-{cell.kind.value}"]
    if cell.kind is Kind.ROW and cell.rowspan > 1:
        classes.append("gk-group")
    if cell.kind is Kind.DATA and cell.value is None:
        classes.append("gk-null")
    attrs.append(f'class="{" ".join(classes)}"')
    if cell.scope:
        attrs.append(f'scope="{cell.scope}"')
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    if cell.headers:
        attrs.append(f'headers="{" ".join(f"{prefix}-{h}" for h in cell.headers)}"')
    if cell.key:
        attrs.append(f'data-cell="{cell.key}"')
    tag = "th" if cell.is_header else "td"
    return f"<{tag} {' '.join(attrs)}>{escape(cell.text)}</{tag}>"


def _findings(findings: Sequence[Finding], prefix: str) -> str:
    out = [
        f'<section class="gk-findings" id="{prefix}-findings">',
        f"<h2>{FINDINGS_HEADING}</h2>",
    ]
    if not findings:
        out.append(f"<p>{NO_FINDINGS}</p>")
    else:
        out.append("<ol>")
        for f in findings:
            hint = f' <span class="gk-hint">{HINT_PREFIX}{escape(f.hint)}</span>' if f.hint else ""
            out.append(
                f'<li class="gk-finding gk-finding-{f.severity.value}">'
                f'<span class="gk-severity">{escape(f.severity.label)}</span> '
                f'<code class="gk-code">{escape(f.code)}</code> '
                f'<span class="gk-message">{escape(f.message)}</span>{hint}</li>'
            )
        out.append("</ol>")
    out.append("</section>")
    return "\n".join(out)
