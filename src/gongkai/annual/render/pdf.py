"""AnnualReport → PDF: WeasyPrint typesets the standalone HTML page.

The page needs a font with Chinese glyphs. Before typesetting, fontconfig is asked for
one (``fc-list :lang=zh``); when it has none, a ``RenderError`` says what to install
rather than producing a PDF of empty boxes.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence

from ..errors import RenderError
from ..findings import Finding
from ..model import AnnualReport
from .html import render_html

INSTALL_FONTS = "apt-get install fonts-noto-cjk"
NO_FC_LIST = (
    "生成 PDF 需要 fontconfig 和中文字体，但找不到 fc-list 命令。"
    "请以 root 运行：apt-get install fontconfig fonts-noto-cjk"
)
NO_CJK_FONT = (
    "生成 PDF 需要中文字体，但系统中没有（fc-list :lang=zh 没有列出任何字体）。"
    f"请以 root 运行：{INSTALL_FONTS}"
)
NO_WEASYPRINT = (
    "生成 PDF 需要 WeasyPrint 及其系统库（Pango）：{error}。请运行：pip install weasyprint"
)


def cjk_fonts() -> list[str]:
    """The font families fontconfig offers for Chinese, e.g. ``Noto Serif CJK SC``.

    Raises ``RenderError`` when fontconfig itself is missing.
    """
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise RenderError(NO_FC_LIST)
    result = subprocess.run(
        [fc_list, ":lang=zh", "family"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    families = {
        name.strip()
        for line in result.stdout.splitlines()
        for name in line.split(",")
        if name.strip()
    }
    return sorted(families)


def require_cjk_font() -> list[str]:
    """The CJK font families, or a ``RenderError`` saying what to install."""
    fonts = cjk_fonts()
    if not fonts:
        raise RenderError(NO_CJK_FONT)
    return fonts


def render_pdf(report: AnnualReport, *, findings: Sequence[Finding] | None = None) -> bytes:
    """The report as an A4 PDF, findings (when given) listed after it."""
    require_cjk_font()
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango or its friends missing
        raise RenderError(NO_WEASYPRINT.format(error=exc)) from exc
    page = render_html(report, findings=findings, standalone=True)
    pdf: bytes = HTML(string=page).write_pdf()
    return pdf
