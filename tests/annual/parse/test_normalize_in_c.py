"""What ``normalize`` asks the C module ``_html_scan`` must be what it would find itself.

The marks of a text (``text_marks``) say what ``normalize_text``'s passes would find: a
pass whose mark is missing is not made, so a mark the C module misses would leave a text
unnormalised. ``finished_cells`` says whether a table's cells are finished
(``normalize._finished`` of the cells joined) without joining them.

Each mark is compared with the search it stands for, and ``normalize_text`` with the
marks with ``normalize_text`` without them (each pass looking for itself), on texts
built from every character a pass looks at. The module is compiled for these tests from
its source when the build in use has none (``GONGKAI_NATIVE=0``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual.parse import normalize as n
from tests.annual.parse.test_html_scan import _module_here

Marks = Callable[[str], int]

_PINYIN_START_RE = re.compile(
    rf"(?:(?<=[\u3400-\u9fff])|(?<=[\u3400-\u9fff]\n))\([{n._PINYIN_LETTERS}{n._TONE_VOWELS}]"
)
"""Where the pinyin mark is set: every match of ``_PINYIN_RE`` starts so."""

_ALPHABET = (
    list(" \t\n\x1f,，。、；;：:！!？?()（）0123456789-")
    + list("数据局公开收国開關數據發為總計")  # simplified and traditional-only
    + ["⼀", "⻓", "２", "Ａ", "\u3000", "\u200b", "\ufeff", "\r", "\u2028"]  # folded
    + list("shùjāüabz")  # pinyin letters and tone vowels
    + ["٣", "𠀀", "é", "\x00"]  # a decimal digit \\d finds, above U+FFFF, Latin-1, NUL
)


@pytest.fixture(scope="module")
def marks(tmp_path_factory: pytest.TempPathFactory) -> Marks:
    module = _module_here(tmp_path_factory.mktemp("text_marks"))
    if module is None:
        pytest.skip("没有 C 编译器：不比较")
    text_marks: Callable[[str, bytes], int] = module.text_marks
    return partial(_marks_with, text_marks)


def _marks_with(text_marks: Callable[[str, bytes], int], text: str) -> int:
    return text_marks(text, n._CLASSES)


def _expected(text: str) -> int:
    """The marks as the searches they stand for find them."""
    found = 0
    if n._CHARACTER_RE.search(text):
        found |= n._M_FOLD
    if _PINYIN_START_RE.search(text):
        found |= n._M_PINYIN
    if n._COMMA_BEFORE_PUNCT_RES[0].search(text):
        found |= n._M_COMMA
    if n._COMMA_BEFORE_PUNCT_RES[1].search(text):
        found |= n._M_FULL_COMMA
    if any(stop in text for stop in n._REPEATED_STOPS):
        found |= n._M_STOPS
    if any(hint.search(text) for hint in n._LEADING_HINT_RES):
        found |= n._M_LEADING
    if n._THOUSANDS_HINT_RE.search(text):
        found |= n._M_THOUSANDS
    if " \n" in text or text.endswith(" "):
        found |= n._M_TRAILING_SPACE
    traditional = min(len(n._TRADITIONAL_RE.findall(text)), 255)
    return found | traditional << n._M_TRADITIONAL_SHIFT


_TEXTS = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_marks_are_the_searches(marks: Marks, text: str) -> None:
    assert marks(text) == _expected(text)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.sampled_from([None, False, True]))
def test_normalised_with_marks_as_without(marks: Marks, text: str, simplify: bool | None) -> None:
    assert n._normalized(text, simplify, marks) == n._normalized(text, simplify, n._no_marks)


def test_every_pinyin_match_starts_where_its_mark_is_set() -> None:
    for text in ("數(shù)據(jù)", "總計\n(jì)", "甲(ǎ)", "甲(ü)", "a(shù)", "甲(一)"):
        assert bool(n._PINYIN_RE.search(text)) <= bool(_PINYIN_START_RE.search(text))


def test_marks_of_long_and_wide_texts(marks: Marks) -> None:
    """Every kind of string (Latin-1, two and four bytes a character); the count of
    traditional-only characters stops at 255."""
    assert marks("") == 0
    assert marks("a ") == n._M_TRAILING_SPACE
    assert marks("1,234") == n._M_THOUSANDS
    assert marks("數" * 300) == 255 << n._M_TRADITIONAL_SHIFT
    assert marks("𠀀數,。") == n._M_COMMA | 1 << n._M_TRADITIONAL_SHIFT
    assert marks("甲\n(shù)" + "𠀀") == n._M_PINYIN


def test_marks_find_the_fixture_texts(marks: Marks) -> None:
    """The reports the project holds, as their readers' texts are before normalising."""
    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    for path in sorted(fixtures.rglob("*.txt"))[:400]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert marks(text) == _expected(text), path.name
        assert n._normalized(text, None, marks) == n._normalized(text, None, n._no_marks)


# ----------------------------------------------------------------------------- cells

Finished = Callable[[list[str]], bool]

_CELL_PIECES = st.sampled_from(
    [
        *("本年", "12", "0", "a", "𠀀"),
        *("-", "--", "—", "－", "─"),  # dashes
        *(" ", "  ", "\t", "\n", "\x1f", "\x00", "\u2005", "\u3000", "\xa0", "\x85"),
    ]
)


@pytest.fixture(scope="module")
def finished(tmp_path_factory: pytest.TempPathFactory) -> Finished:
    module = _module_here(tmp_path_factory.mktemp("finished_cells"))
    if module is None:
        pytest.skip("没有 C 编译器：不比较")
    found: Finished = module.finished_cells
    return found


@settings(max_examples=800, deadline=None)
@given(st.lists(st.lists(_CELL_PIECES, max_size=4).map("".join), max_size=6))
def test_cells_finished_as_joined(finished: Finished, cells: list[str]) -> None:
    assert finished(cells) == n._finished("\0".join(cells))


def test_every_character_alone_and_between_as_joined(finished: Finished) -> None:
    for code in range(0x10000):
        char = chr(code)
        for cells in ([char], ["a", char + "b"], [f"a{char}b"], [char, char]):
            assert finished(cells) == n._finished("\0".join(cells)), (hex(code), cells)
    assert finished([])
    assert finished([""])
