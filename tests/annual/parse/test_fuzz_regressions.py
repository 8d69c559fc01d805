"""One test per defect the fuzz harness (``test_fuzz_readers``) found, each with the
smallest input that showed it."""

from __future__ import annotations

import time

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.read_text import strip_markdown
from tests.annual.parse.mutators import seeds


def test_a_long_run_of_spaces_on_a_markdown_page_is_read_in_linear_time() -> None:
    """The Markdown rule-line pattern began with ``^[ \\t]*`` and its first alternative
    with another ``[ \\t]*``: a line of 20,000 spaces took 8 s, of 200,000 nine minutes."""
    text = seeds()["markdown_traditional_characters_notes_in_cells.txt"].decode()
    at = text.index("|  | 3.")
    page = text[:at] + " " * 30_000 + text[at:]
    started = time.process_time()  # CPU time: other load on the machine does not count
    report = parse_bytes(page.encode(), "空白.txt")
    assert time.process_time() - started < 1.5
    assert report.table3.row("received")[6] == 12
    assert strip_markdown("a\n  | --- | :---: |  \n---|---\n+---+===+\n * * *\nx|---|y\n") == (
        "a\n\n\n\n\nx|---|y\n"
    )
