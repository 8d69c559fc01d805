"""The crawled-text reader's shortcuts read what the plain way reads: ``compact`` splitting
the page once, not at every white space run by a pattern; a row's labels found by one
search, not one search per label."""

from __future__ import annotations

import random
import re

from gongkai.annual import schema as s
from gongkai.annual.parse.flat_tables import (
    _TABLE4_ANCHORS,
    _any_of,
    _find_any,
    _pattern,
    _row_labels,
    compact,
)

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


def _find_label_by_label(
    body: str, labels: tuple[str, ...], start: int, stop: int
) -> tuple[int, int] | None:
    """The earliest of ``labels`` as printed, the longest at that place: one search per
    label, with no shortcut."""
    found = [m for label in labels if (m := _pattern(label).search(body, start, stop))]
    if not found:
        return None
    first = min(m.start() for m in found)
    return first, max(m.end() for m in found if m.start() == first)


_PRINTED = (
    "本年新收政府信息公开申请24件。一、本年新收政府信息公开申请数量：3612000039"
    "二、上年结转政府信息公开申请2000002（一）予以公开11（二）部分公开(区分处理的，只计"
    "这一情形，不计其他情形)3（三）不予公开1.属于国家秘密02.其他法律、行政法规禁止公开1"
    "3.危及“三安全一稳定”04.保护第三方合法权益（六）其他处理1.申请人无正当理由逾期不补正、"
    "行政机关不再处理其政府信息公开申请0（七）总计12四、结转下年度继续办理1"
    "行政复议结果维持1行政诉讼未经复议直接起诉复议后起诉2"
)


def test_a_row_is_found_at_its_earliest_place_and_with_its_longest_label() -> None:
    """Every table 三 row's labels, table 四's header words and table 二's columns, from
    every place of a page: one search over all of a row's labels finds what a search per
    label finds (the narrative's 本年新收 before the table's longer label, a pause inside a
    label, a colon before the run, the 2019 format's 其他处理 beside 其他)."""
    body = compact(_PRINTED)
    label_sets = [
        *(_row_labels(row) for row in s.TABLE3_ROWS),
        s.TABLE3_ROWS[0].variants,
        _TABLE4_ANCHORS,
        tuple(c.label for c in s.TABLE2_DOCUMENT_COLUMNS),
    ]
    for labels in label_sets:
        for start in range(len(body)):
            for stop in (len(body), min(len(body), start + 12)):
                assert _find_any(body, labels, start, stop) == _find_label_by_label(
                    body, labels, start, stop
                ), (labels, start, stop)


def test_labels_that_part_where_a_pause_may_be_skipped_are_searched_one_by_one() -> None:
    """``其他、法律`` as printed matches both ``其他、法律`` and ``其他法律`` (a pause between
    two words): neither is the other's beginning, so the longest is chosen by searching
    each."""
    labels = ("其他法律", "其他、法律禁止")
    assert _any_of(labels) is None
    body = "说明其他、法律禁止公开"
    assert _find_any(body, labels, 0) == _find_label_by_label(body, labels, 0, len(body))
    assert _find_any(body, labels, 0) == (2, 9)


def test_labels_that_part_at_a_word_are_searched_together() -> None:
    assert _any_of(("（七）总计", "（七）合计", "总计")) is not None
    assert _find_any("合计1（七）总计：12", ("（七）总计", "（七）合计", "总计"), 0) == (3, 9)
