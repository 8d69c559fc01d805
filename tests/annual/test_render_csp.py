"""The HTML fragment embeds under a Content-Security-Policy that forbids inline styles."""

from __future__ import annotations

import re

from gongkai.annual.render import render_html, report_css
from tests.strategies import blank_report


def test_fragment_has_no_inline_style_or_script() -> None:
    fragment = render_html(blank_report(2024), standalone=False)
    assert not re.search(r"\sstyle=", fragment)
    assert "<script" not in fragment and "<style" not in fragment


def test_column_widths_come_from_the_style_sheet() -> None:
    css = report_css()
    # table 三 has ten columns: three label columns and the seven numbers
    assert ".gk-report .gk-table3 > colgroup > col:nth-child(10) { width: 7.00%; }" in css
    fragment = render_html(blank_report(2024), standalone=False)
    table3 = re.search(r'<table class="gk-table gk-table3".*?</colgroup>', fragment, re.S)
    assert table3 is not None
    assert table3.group(0).count("<col>") == 10
