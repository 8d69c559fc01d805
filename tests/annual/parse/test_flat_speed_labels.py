"""The crawled-text reader's shortcuts read what the plain way reads: ``compact`` splitting
the page once, not at every white space run by a pattern."""

from __future__ import annotations

import random
import re

from gongkai.annual.parse.flat_tables import compact

_GAPS = str.maketrans("", "", " \t\u3000\r\n")


def _compact_run_by_run(text: str) -> str:
    """``compact`` as the form reads it, one white space run at a time: one space between
    two digits, elsewhere the run without the white space a page pads with."""
    pieces = re.split(r"(\s+)", text)
    for i in range(1, len(pieces), 2):
        before, after = pieces[i - 1], pieces[i + 1]
        if before and after and before[-1].isdecimal() and after[0].isdecimal():
            pieces[i] = " "
        else:
            pieces[i] = pieces[i].translate(_GAPS)
    return "".join(pieces)


def test_a_page_padded_with_line_breaks_and_wide_spaces_keeps_only_its_cell_boundaries() -> None:
    text = "  规章\n0 0\u30003\r\n行政许可 12\t\n(七) 总计 3  0\n"
    assert compact(text) == "规章0 0 3行政许可12（七）总计3 0"


def test_a_no_break_space_beside_a_label_stays_while_line_breaks_go() -> None:
    assert compact("行政\xa0许可\n1\n2 x") == "行政\xa0许可1 2x"


def test_compact_reads_any_page_as_the_run_by_run_reading() -> None:
    """Pages of digits, words and every kind of white space (those a page pads with and
    those kept): the same text either way."""
    pieces = ["0", "7", "３", "总计", "其他", "a", " ", "  ", "\n", "\r\n", "\t", "\u3000"]
    kept = ["\xa0", "\u2002", "\x0c"]
    rng = random.Random(13)
    for _ in range(3000):
        chosen = pieces + (kept if rng.random() < 0.3 else [])
        text = "".join(rng.choice(chosen) for _ in range(rng.randint(0, 16)))
        assert compact(text) == _compact_run_by_run(text), repr(text)
