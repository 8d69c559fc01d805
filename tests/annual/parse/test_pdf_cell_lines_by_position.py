"""A converter that places every line of text as a box of its own may draw the boxes in
any order: a cell's wrapped label then came out in drawing order (止公开 before
2.其他法律行政法规禁) and the row was not known. A cell's lines are joined top to bottom by
where they stand, whatever the order the page draws them in."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from gongkai.annual.parse import parse_bytes
from tests.annual.parse.test_fixture_reports import differences

weasyprint = pytest.importorskip("weasyprint")

pytestmark = pytest.mark.slow

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "pdf_sources"
BOXES = "converter-output-text-boxes-drawn-in-shuffled-order-not-reading-order"
PAGE_RE = re.compile(r'(<div class="p">)(.*?)(</div>)(?=<div class="p">|</body>)', re.S)
BOX_RE = re.compile(r'<div class="[tr]"[^>]*>[^<]*</div>')


def _redrawn(order: str) -> bytes:
    """The converter's pages with each page's boxes drawn in another order."""
    html = (SOURCES / f"{BOXES}.source.html").read_text(encoding="utf-8")

    def page(match: re.Match[str]) -> str:
        boxes = BOX_RE.findall(match.group(2) + match.group(3))
        if order == "reversed":
            boxes.reverse()
        elif order == "by-position":
            boxes.sort(key=lambda b: [float(x) for x in re.findall(r"top:([\d.]+)mm", b)])
        else:
            random.Random(order).shuffle(boxes)
        return match.group(1) + "".join(boxes) + "</div>"

    redrawn = PAGE_RE.sub(page, html)
    return bytes(weasyprint.HTML(string=redrawn).write_pdf())


@pytest.mark.parametrize("order", ["reversed", "seed-1", "seed-2", "by-position"])
def test_a_cells_lines_are_read_top_to_bottom_whatever_the_drawing_order(order: str) -> None:
    report = parse_bytes(_redrawn(order), "boxes.pdf")
    values = json.loads((SOURCES / f"{BOXES}.values.json").read_text(encoding="utf-8"))
    assert differences(report, values) == []
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"ROW_INFERRED", "ROW_NOT_FOUND", "VALUES_UNASSIGNED"}
