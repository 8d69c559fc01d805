"""Digit runs: table rows whose cell boundaries were lost, decoded by the form's arithmetic.

A crawler's ``get_text()`` joins a table row into its label and one run of digits
(``3612000039`` for 36, 1, 2, 0, 0, 0, 39). Spaces, where a run keeps some, are
boundaries; elsewhere every split into the row's cells is a candidate, numbers without
leading zeros. The form's own identities choose among them:

- table 三: each row's 总计 is the sum of its six applicant cells; per column,
  （七）总计 is the sum of the outcome rows, and 一 + 二 = （七）+ 四 (checked on the six
  applicant columns, so a row whose own total is misprinted can still be placed);
- table 四: each group's 总计 is the sum of its four cells (printed last, or where the
  table's header puts it: ``total``);
- table 二: a document row's 现行有效件数 is at least its 本年制发件数 and 本年废止件数 (usually,
  not always: only a preference).

Rules, in order:

1. A row's splits that satisfy its own identity are its candidates; a row none of whose
   splits adds up offers its printed splits (and, with spaces, its splits without them)
   to the column identities, which keep its misprinted total as printed (shape 5: the
   checker reports it; the decoder never repairs a report's arithmetic).
2. Blank cells print nothing. A table 三 with a run shorter than its row (or none of whose
   combinations fits without reading a row against its print, or any run of which also
   reads as a row with blank cells) is read with blank cells allowed in every row: a run
   is then also its numbers in column order with blanks between, its last number the
   row's 总计. A table with no short run whose readings with blank cells satisfy every
   identity as well as its fully printed reading keeps the latter by rule 4 but is
   ambiguous: a blank cell printing nothing is never read as a number without saying so.
   A row whose readings with blank cells are too many to list is never sure. A blank
   adds 0 to the identities and is null in the output; where the readings of the value
   chosen disagree on which cells are blank (``000000``: which of seven?), those cells
   are null and the row says so.
3. One row with no reading at all (a short run whose total is wrong, say) is what the
   identities leave for it; that is kept when it matches the row's digits (its total as
   printed), so the other rows are still decided by the identities.
   Every combination is counted (the outcome rows are combined row by row, one search per
   value （七）总计 may take), so a table with one combination says it is sure.
4. Among combinations that satisfy every identity: the fewest rows read against their
   print, then the fewest blank cells, then ``RULE`` — the fewest multi-digit cells in
   the low-frequency columns (all but 自然人 and 总计), the fewest non-zero cells there,
   the fewest multi-digit cells overall. When more than one combination remains the row
   is marked ambiguous (``Decoded.alternatives``); if the alternatives differ in which
   cells are blank, only the cells they all agree on are kept.
5. A table no combination of which satisfies the column identities in all six applicant
   columns (the report's own column does not add up: shape 5) is solved again leaving
   out one column at a time; the other five still place its rows, which keep their
   printed cells (the checker reports the column). Failing that, the outcome rows' sums
   stand in for a （七）总计 wrong in every column (printed as zeros): 一 + 二 = sums + 四
   places the rows, and the 总计 row is decided alone, as printed.
6. Rows the table's identities cannot help are decided alone; in a table with blank
   cells, a row that could also hold blanks says so. A run with no consistent split
   keeps the split its spaces and length force (as printed, said when a reading with
   blanks adds up); failing that, its cells stay null with a reason.
7. Table 四 and table 二 are read with blank cells when the run is short or the report
   prints blanks elsewhere (``blanks=``): table 四 keeps its full-width reading when that
   adds up (ambiguous if a reading with blanks does too), else the cells its readings
   with the fewest blank cells agree on (unsure when they are too many to list); a
   document row that could be two numbers and a blank is ambiguous. A report printing no
   blank cell in table 三 may still leave cells of table 四 blank, the fewest first: a
   full-width reading that adds up is kept, ambiguous when a reading with one blank cell
   adds up as well (「00055600062913042」: 2 9 1 30 42 or 29 13 0 blank 42); two are not
   looked for then, so 「100010000000000」 (10, 0, 0, blank, 10 needs a second blank
   among the zeros) stays 1 upheld. A run no full-width reading of which adds up is read
   with blank cells, two or more as well (the fewest that add up; ambiguous when more
   add up too), even when its full-width splits are too many to count. A split forced
   by the run's length whose totals do not add up is never sure: readings with blank
   cells that add up win (the split as printed among the alternatives), else it is kept
   as printed and said.
8. A 总计 left blank while its parts are printed (a row of table 三, a group of table 四)
   is read only where the run prints its numbers one by one (as many numbers between
   spaces, or as many digits, as the cells left: ``one_per_cell``): each printed number
   a cell, the total null. Nothing checks that total: in table 三 the column identities
   may still confirm the row's applicant cells (a row decided alone says it is unsure);
   in table 四 the other groups must add up, and the reading is never sure. A full
   reading that adds up only by cutting a printed number is kept, unsure, with the
   blank-total reading among its alternatives.

Nothing here turns a blank into 0 without saying so, and no cell is read as a number
that another consistent reading contradicts without ``unique`` being false.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import combinations
from operator import itemgetter
from typing import Final, TypeVar

from .. import schema as s

Cells = tuple[int, ...]
_T = TypeVar("_T")
MAX_DIGITS: Final = 7
"""No cell of tables 三/四 runs to eight digits; longer pieces are never split out."""
MAX_CANDIDATES: Final = 5000
"""Splits kept per run; a run with more is left blank (it carries too little to decode)."""
MAX_STATES: Final = 50_000
MAX_DEVIATING_ROWS: Final = 2
"""Rows read against their print (misprinted total, space inside a number) that the column
identities may settle in one table; with more, each row is decided alone."""
"""Partial column sums kept while combining the outcome rows of table 三."""
RULE: Final = (
    "多种拆分都满足勾稽关系时，取低频列（自然人、总计以外各列）多位数最少者，其次取低频列非零格最少者，"
    "再次取多位数最少者"
)

_RUN_RE = re.compile(r"^[\d\s.]*$")
LOW_FREQUENCY_3: Final = frozenset(range(1, 6))
"""Table 三's columns where numbers are rare: the five kinds of organisation."""


class Decoded:
    """A run's cells (``None`` where undecidable) and how sure the decoder is.

    ``unique`` is true when exactly one split satisfied every identity (or the split was
    forced by spaces and length); ``alternatives`` lists other consistent splits;
    ``reason`` says in Chinese why cells stayed blank or which rule picked them.

    Not a dataclass: compiled, a dataclass's generated ``__init__`` still runs interpreted
    (a frozen one setting each field through ``object.__setattr__``), and one is made per
    row of every report read.
    """

    def __init__(
        self,
        cells: tuple[int | None, ...],
        unique: bool,
        alternatives: tuple[Cells, ...] = (),
        reason: str = "",
    ) -> None:
        self.cells = cells
        self.unique = unique
        self.alternatives = alternatives
        self.reason = reason

    def _fields(self) -> tuple[tuple[int | None, ...], bool, tuple[Cells, ...], str]:
        return self.cells, self.unique, self.alternatives, self.reason

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Decoded) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Decoded(cells={self.cells!r}, unique={self.unique!r}, "
            f"alternatives={self.alternatives!r}, reason={self.reason!r})"
        )


# ---------------------------------------------------------------------------- one run


def pieces(run: str) -> tuple[str, ...]:
    """The space-separated digit groups of a run (``"30 0 0 0 03"`` → 5 groups)."""
    return tuple(run.split())


def is_run(text: str) -> bool:
    return bool(text.strip()) and bool(_RUN_RE.match(text))


def _numbers(group: str, count: int, digits: int = MAX_DIGITS) -> Iterator[Cells]:
    """Every way to read ``group`` as ``count`` numbers without leading zeros."""
    if len(group) < count:  # each number needs a digit (「0」 cannot be two cells)
        return
    if count == 1:
        if len(group) <= digits and (group == "0" or not group.startswith("0")):
            yield (int(group),)
        return
    if group.startswith("0"):
        for rest in _numbers(group[1:], count - 1, digits):
            yield (0, *rest)
        return
    longest = min(digits, len(group) - (count - 1))
    for size in range(1, longest + 1):
        head = int(group[:size])
        for rest in _numbers(group[size:], count - 1, digits):
            yield (head, *rest)


def splits(run: str, width: int, *, digits: int = MAX_DIGITS) -> Iterator[Cells]:
    """Every reading of ``run`` as ``width`` integers; spaces are cell boundaries."""
    groups = [g for g in pieces(run) if g]
    if not groups or any(not g.isdigit() for g in groups):
        return
    total_digits = sum(len(g) for g in groups)
    if total_digits < width or len(groups) > width:
        return
    yield from _spread(groups, width, digits)


def _spread(groups: Sequence[str], width: int, digits: int) -> Iterator[Cells]:
    if len(groups) == 1:
        yield from _numbers(groups[0], width, digits)
        return
    first, rest = groups[0], groups[1:]
    most = min(len(first), width - len(rest))
    least = max(1, -(-len(first) // digits))
    for count in range(least, most + 1):
        for head in _numbers(first, count, digits):
            for tail in _spread(rest, width - count, digits):
                yield head + tail


def _skip(run: str, p: int) -> int:
    while p < len(run) and run[p] == " ":
        p += 1
    return p


def _read(
    run: str, p: int, count: int, digits: int, limit: int | None = None, widest: int = 0
) -> Iterator[tuple[Cells, int]]:
    """``count`` numbers read from ``run`` at ``p`` (a number never spans a space). With
    ``limit``, the numbers are parts of a group whose total follows them and must end by
    ``limit``: the total is at least as long as the widest part (``widest`` so far)."""
    if count == 0:
        yield (), p
        return
    p = _skip(run, p)
    if p >= len(run):
        return
    if run[p] == "0":
        sizes: range = range(1, 2)
    else:
        end = p
        while end < len(run) and run[end].isdigit() and end - p < digits:
            end += 1
        sizes = range(1, end - p + 1)
    for size in sizes:
        if limit is not None and p + size + max(widest, size) > limit:
            break
        head = run[p : p + size]
        if not head.isdigit():
            break
        for rest, q in _read(run, p + size, count - 1, digits, limit, max(widest, size)):
            yield (int(head), *rest), q


def summed_splits(
    run: str, size: int, groups: int, *, digits: int = MAX_DIGITS, total: int = -1
) -> Iterator[Cells]:
    """Readings of ``run`` as ``groups`` groups of ``size`` cells whose last cell is the sum
    of the others (table 三's rows, table 四's groups). A group's parts are read only while
    they fit under its total, which keeps the search small. With ``total``, the sum is the
    group's cell at that index (a table 四 printing 总计 first), not its last."""
    run = " ".join(run.split())
    at = total if 0 <= total < size - 1 else size - 1
    if groups == 1 and at == size - 1:
        yield from _row_splits(run, size, digits)
        return
    if size > 1 and groups > 0 and _plain(run):
        yield from _GroupsWalk(run, size, groups, at, digits).find()
        return
    if at < size - 1:
        yield from _summed_at(run, size, groups, total, digits)
        return

    def walk(p: int, left: int) -> Iterator[Cells]:
        if left == 0:
            if _skip(run, p) == len(run):
                yield ()
            return
        # every later group needs at least ``size`` digits
        for parts, q in _read(run, p, size - 1, digits, len(run) - size * (left - 1)):
            total = str(sum(parts))
            q = _skip(run, q)
            if not run.startswith(total, q):
                continue
            for rest in walk(q + len(total), left - 1):
                yield (*parts, int(total), *rest)

    yield from walk(0, groups)


def adds_up(run: str, size: int, groups: int = 1, *, total: int = -1) -> bool:
    """Whether ``summed_splits`` reads ``run`` at all: the search stops at the first
    reading found."""
    run = " ".join(run.split())
    at = total if 0 <= total < size - 1 else size - 1
    if size > 1 and groups > 0 and _plain(run):
        if groups == 1 and at == size - 1:
            return bool(_PartsWalk(run, MAX_DIGITS).rows(size - 1, 1))
        return bool(_GroupsWalk(run, size, groups, at, MAX_DIGITS, 1).find())
    return next(summed_splits(run, size, groups, total=total), None) is not None


class _GroupsWalk:
    """``summed_splits`` of a plain run (``_plain``) in groups of several cells, as a
    depth-first walk over its digits' values, a cell at a time (the cells so far in one
    list, a tuple built only for a reading found), in the order the generators of a run
    not plain find them (each number shortest first). A group's sum is its cell at ``at``:
    printed last, it must spell the sum of the parts before it (read only while they fit
    under it before ``limit``); printed earlier, the parts before it are read freely and
    those after it only while they fit under what it leaves. Stops after
    ``MAX_CANDIDATES`` + 1 readings, which is all any caller tells from more."""

    __slots__ = ("at", "cells", "digits", "ends", "groups", "limit", "out", "size", "value")

    def __init__(
        self,
        run: str,
        size: int,
        groups: int,
        at: int,
        digits: int,
        limit: int = MAX_CANDIDATES + 1,
    ) -> None:
        self.limit = limit
        """Readings after which the walk stops (1: whether there is any)."""
        self.value = [-1 if ch == " " else ord(ch) - 48 for ch in run]
        ends = [len(run)] * len(run)
        end = len(run)
        for p in range(len(run) - 1, -1, -1):
            if run[p] == " ":
                end = p
            ends[p] = end
        self.ends = ends
        self.size = size
        self.groups = groups
        self.at = at
        self.digits = digits
        self.cells: list[int] = []
        self.out: list[Cells] = []

    def find(self) -> list[Cells]:
        self.group(0, 0)
        return self.out

    def group(self, p: int, g: int) -> None:
        """Group ``g`` read from ``p`` (and the groups after it)."""
        if g == self.groups:
            if self.skip(p) == len(self.value):
                self.out.append(tuple(self.cells))
            return
        self.cell(p, g, 0, 0, 0, 0)

    def skip(self, p: int) -> int:
        value = self.value
        while p < len(value) and value[p] < 0:
            p += 1
        return p

    def cell(self, p: int, g: int, i: int, used: int, total: int, widest: int) -> None:
        """Cell ``i`` of group ``g`` read from ``p``: ``used`` the sum of its parts so far,
        ``total`` its sum once read, ``widest`` its widest part so far."""
        size, at = self.size, self.at
        if i == size:
            if used == total:
                self.group(p, g + 1)
            return
        if len(self.out) >= self.limit:
            return
        value = self.value
        p = self.skip(p)
        if p >= len(value):
            return
        if i == at and at == size - 1:  # the sum printed last: it spells ``used``
            width = _width(used)
            if p + width <= self.ends[p] and _number(value, p, p + width) == used:
                self.then(used, p + width, g, i, used, used, 0)
            return
        end = p + 1 if value[p] == 0 else min(self.ends[p], p + self.digits)
        limit = len(value) - size * (self.groups - g - 1)
        number = 0
        for q in range(p, end):
            number = number * 10 + value[q]
            if at == size - 1:  # a part, the sum printed after the group's parts
                width = max(widest, q + 1 - p)
                if q + 1 + width > limit:
                    break
                self.then(number, q + 1, g, i, used + number, 0, width)
            elif i < at:  # a part before the sum
                self.then(number, q + 1, g, i, used + number, 0, 0)
            elif i == at:  # the sum
                if number >= used:
                    self.then(number, q + 1, g, i, used, number, 0)
            elif used + number <= total:  # a part after the sum
                self.then(number, q + 1, g, i, used + number, total, 0)
            else:
                break

    def then(self, number: int, p: int, g: int, i: int, used: int, total: int, widest: int) -> None:
        """Cell ``i`` read as ``number``: the cells after it from ``p``."""
        cells = self.cells
        cells.append(number)
        self.cell(p, g, i + 1, used, total, widest)
        cells.pop()


def _number(value: list[int], start: int, end: int) -> int:
    number = 0
    for q in range(start, end):
        number = number * 10 + value[q]
    return number


def _summed_at(run: str, size: int, groups: int, total: int, digits: int) -> Iterator[Cells]:
    """``summed_splits`` of groups whose sum is their cell at ``total``, not their last."""
    end = len(run)

    def walk(p: int, left: int) -> Iterator[Cells]:
        if left == 0:
            if _skip(run, p) == end:
                yield ()
            return
        for cells, q in _group_at(run, p, size, total, digits):
            for rest in walk(q, left - 1):
                yield (*cells, *rest)

    yield from walk(0, groups)


def _group_at(run: str, p: int, size: int, total: int, digits: int) -> Iterator[tuple[Cells, int]]:
    """One group of ``size`` numbers read from ``run`` at ``p`` whose number at ``total``
    is the sum of the others, and where it ends: the numbers before the sum read freely,
    those after it only while they fit under what the sum leaves."""
    for before, q in _read(run, p, total, digits):
        used = sum(before)
        for (value,), r in _read(run, q, 1, digits):
            if value >= used:
                for after, e in _read_summing(run, r, size - 1 - total, value - used, digits):
                    yield (*before, value, *after), e


def _read_summing(
    run: str, p: int, count: int, target: int, digits: int
) -> Iterator[tuple[Cells, int]]:
    """``count`` numbers read from ``run`` at ``p`` that add up to ``target``."""
    if count == 0:
        if target == 0:
            yield (), p
        return
    p = _skip(run, p)
    end = p
    while end < len(run) and run[end].isdigit() and end - p < digits:
        end += 1
    if end == p:
        return
    for q in range(p + 1, p + 2 if run[p] == "0" else end + 1):
        value = int(run[p:q])
        if value > target:
            break
        for rest, e in _read_summing(run, q, count - 1, target - value, digits):
            yield (value, *rest), e


def _row_splits(run: str, size: int, digits: int) -> Iterator[Cells]:
    """One group: its total is a suffix of the run, the parts split what is before it."""
    if _plain(run):
        return iter(_PartsWalk(run, digits).rows(size - 1))
    return _row_splits_spelled(run, size, digits)


def _row_splits_spelled(run: str, size: int, digits: int) -> Iterator[Cells]:
    """``_row_splits`` of a run that is not ASCII digits and single spaces (its pieces
    read with ``int``, as printed)."""
    last = run.rsplit(" ", 1)[-1]
    for length in range(1, min(digits, len(last)) + 1):
        tail = last[-length:]
        if not tail.isdigit() or (length > 1 and tail[0] == "0"):
            continue
        head = run[: len(run) - length].rstrip()
        total = int(tail)
        for parts in _parts(head, size - 1, total, digits):
            yield (*parts, total)


def _parts(text: str, count: int, total: int, digits: int) -> Iterator[Cells]:
    """``text`` read as ``count`` numbers summing to ``total``."""
    if not text:
        return iter(())
    if _plain(text):
        walk = _PartsWalk(text, digits)
        return iter(walk.find(len(text), count, total))
    return iter(_PartsSearch(text, digits).go(0, count, total))


def _plain(text: str) -> bool:
    """ASCII digits with single spaces between them: what ``_PartsWalk`` reads."""
    return (
        text.isascii()
        and text.replace(" ", "").isdigit()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    )


class _PartsWalk:
    """``_parts`` of a plain run (``_plain``) as a depth-first walk over its digits' values
    (no slicing, no ``int``), the cells so far in one list, a tuple built only for a
    reading found, and the states that lead to none remembered as small ints. The
    readings come in ``_PartsSearch``'s order (each number shortest first); the walk stops
    after ``MAX_CANDIDATES`` + 1 of them, which is all any caller tells from more."""

    __slots__ = (
        "after",
        "cells",
        "dead",
        "digits",
        "ends",
        "last_group",
        "limit",
        "out",
        "span",
        "stop",
        "value",
    )

    def __init__(self, text: str, digits: int) -> None:
        self.digits = digits
        self.limit = MAX_CANDIDATES + 1
        """Readings after which a walk stops (``rows`` sets it)."""
        size = len(text)
        self.value = [-1 if ch == " " else ord(ch) - 48 for ch in text]
        ends = [size] * size
        after = [0] * (size + 1)
        end = size
        for p in range(size - 1, -1, -1):
            if text[p] == " ":
                end = p
                after[p] = after[p + 1]
            else:
                after[p] = after[p + 1] + 1
            ends[p] = end
        self.ends = ends
        """Where the digit group at each place ends (a space or the run's end)."""
        self.after = after
        """How many digits the run holds from each place on."""
        self.last_group = text.rfind(" ") + 1
        self.cells: list[int] = []
        self.out: list[Cells] = []
        self.dead: set[int] = set()
        self.stop = size
        self.span = 1

    def rows(self, count: int, limit: int = MAX_CANDIDATES + 1) -> list[Cells]:
        """``_row_splits``: each number the run may end with (no leading zero, at most
        ``digits`` long) as the total of ``count`` parts that read what is before it; the
        first ``limit`` such readings (1: whether there is any)."""
        self.limit = limit
        value = self.value
        size = len(value)
        found: list[Cells] = []
        total = 0
        scale = 1
        for length in range(1, min(self.digits, size - self.last_group) + 1):
            p = size - length
            total += value[p] * scale
            scale *= 10
            if length > 1 and value[p] == 0:
                continue
            stop = p - 1 if p > 0 and value[p - 1] < 0 else p
            for parts in self.find(stop, count, total):
                found.append((*parts, total))
            if len(found) >= limit:
                break
        self.limit = MAX_CANDIDATES + 1
        return found

    def find(self, stop: int, count: int, total: int) -> list[Cells]:
        """The readings of the run's first ``stop`` characters as ``count`` numbers
        summing to ``total``."""
        self.stop = stop
        self.out = []
        self.cells = []
        self.dead = set()
        self.span = count + 1
        if stop > 0:
            self.walk(0, count, total)
        return self.out

    def walk(self, p: int, left: int, rest: int) -> bool:
        """Whether ``left`` numbers summing to ``rest`` read the run from ``p`` to its stop
        (each reading found added to ``out``)."""
        value = self.value
        stop = self.stop
        if p < stop and value[p] < 0:
            p += 1
        if left == 1:
            return self.last(p, rest)
        if left == 0:
            return self.none_left(p, rest)
        digits = self.after[p] - self.after[stop] if p < stop else 0
        if digits < left or digits > left * _width(rest):
            return False
        key = (rest * (stop + 1) + p) * self.span + left
        dead = self.dead
        if key in dead:
            return False
        end = p + 1 if value[p] == 0 else min(self.ends[p], stop, p + self.digits)
        found = False
        number = 0
        cells = self.cells
        for q in range(p, end):
            number = number * 10 + value[q]
            if number > rest:
                break
            cells.append(number)
            if self.walk(q + 1, left - 1, rest - number):
                found = True
            cells.pop()
            if len(self.out) >= self.limit:
                return True
        if not found:
            dead.add(key)
        return found

    def last(self, p: int, rest: int) -> bool:
        """The last number: what is left of the run, whole, when it is ``rest``."""
        stop = self.stop
        value = self.value
        if p >= stop or self.ends[p] < stop or stop - p > self.digits:
            return False
        if value[p] == 0 and stop - p > 1:
            return False
        number = 0
        for q in range(p, stop):
            number = number * 10 + value[q]
        if number != rest:
            return False
        cells = self.cells
        cells.append(number)
        self.out.append(tuple(cells))
        cells.pop()
        return True

    def none_left(self, p: int, rest: int) -> bool:
        if p < self.stop or rest != 0:
            return False
        self.out.append(tuple(self.cells))
        return True


def _width(number: int) -> int:
    """How many digits ``number`` prints (at least one)."""
    width = 1
    while number >= 10:
        number //= 10
        width += 1
    return width


class _PartsSearch:
    """The memoised search of ``_parts``: a class, not a closure, since compiled a method
    calls itself directly, where a closure is called through Python's protocol (the
    search is most of a crawled report's decoding)."""

    __slots__ = ("digits", "memo", "text")

    def __init__(self, text: str, digits: int) -> None:
        self.text = text
        self.digits = digits
        self.memo: dict[tuple[int, int, int], list[Cells]] = {}

    def go(self, p: int, left: int, rest: int) -> list[Cells]:
        """The readings of ``text[p:]`` as ``left`` numbers summing to ``rest``."""
        text = self.text
        p = _skip(text, p)
        key = (p, left, rest)
        memo = self.memo
        if key in memo:
            return memo[key]
        out: list[Cells] = []
        remaining = len(text) - p
        if left == 0:
            if remaining == 0 and rest == 0:
                out.append(())
        elif rest == 0:
            if text[p:].replace(" ", "") == "0" * left and text.count(" ", p) <= left - 1:
                out.append((0,) * left)
        elif left <= remaining <= left * len(str(rest)) + text.count(" ", p):
            end = p
            while end < len(text) and text[end].isdigit() and end - p < self.digits:
                end += 1
            sizes = range(1, 2) if text[p] == "0" else range(1, end - p + 1)
            for n in sizes:
                value = int(text[p : p + n])
                if value > rest:
                    break
                for tail in self.go(p + n, left - 1, rest - value):
                    out.append((value, *tail))
                    if len(out) > MAX_CANDIDATES:
                        break
        memo[key] = out
        return out


def _limited(found: Iterator[Cells]) -> tuple[Cells, ...] | None:
    out = []
    for cells in found:
        out.append(cells)
        if len(out) > MAX_CANDIDATES:
            return None
    return tuple(out)


def one_per_cell(run: str, count: int) -> Cells | None:
    """``count`` numbers the run prints one by one: as many numbers between spaces, or as
    many digits; ``None`` otherwise (a split would have to choose, or join digits)."""
    numbers = run.split()
    if len(numbers) != count:
        numbers = list("".join(numbers))
        if len(numbers) != count:
            return None
    if any(not n.isdigit() or (n[0] == "0" and len(n) > 1) for n in numbers):
        return None
    return tuple([int(n) for n in numbers])


def forced(run: str, width: int) -> Cells | None:
    """The split the run's spaces and length leave no choice about, if any."""
    first: Cells | None = None
    for i, cells in enumerate(splits(run, width)):
        if i:
            return None
        first = cells
    return first


# ---------------------------------------------------------------------------- choosing


def _multi(cells: Cells, columns: frozenset[int] | None = None) -> int:
    return sum(1 for i, v in enumerate(cells) if v >= 10 and (columns is None or i in columns))


def _nonzero(cells: Cells, columns: frozenset[int]) -> int:
    return sum(1 for i, v in enumerate(cells) if v and i in columns)


def rank(solution: Sequence[Cells], low: frozenset[int]) -> tuple[int, int, int, Cells]:
    """``RULE`` as a sort key: lower is preferred; the cells themselves last, so that the
    choice never depends on the order the splits were found in."""
    return (
        sum(_multi(c, low) for c in solution),
        sum(_nonzero(c, low) for c in solution),
        sum(_multi(c) for c in solution),
        tuple(-v for c in solution for v in c),
    )


def _pick(options: Sequence[Cells], low: frozenset[int]) -> Decoded:
    ordered = sorted(options, key=lambda c: rank([c], low))
    best = ordered[0]
    if len(ordered) == 1:
        return Decoded(best, True)
    return Decoded(best, False, tuple(ordered[1:4]), RULE)


# ---------------------------------------------------------------------------- table 四


def decode_table4(run: str, *, blanks: bool = False, total: int = -1) -> Decoded:
    """Table 四's 15 cells from one run (three groups of five); with ``blanks`` (the report
    prints blank cells elsewhere), also read with blank cells. The cells come in the
    order printed: each group's 总计 last, or at ``total`` when the table prints its
    columns in another order (``decode_groups``)."""
    return decode_groups(
        run, len(s.TABLE4_COLUMNS), len(s.TABLE4_GROUPS), blanks=blanks, total=total
    )


def decode_groups(
    run: str, size: int, groups: int = 1, *, blanks: bool = False, total: int = -1
) -> Decoded:
    """A run of ``groups`` groups of ``size`` cells, each ending with its total (table 四,
    a group of it alone), or holding it at index ``total`` (a table printing 总计 first:
    everything below reads so, the cells in the order printed). A run with fewer digits
    than cells, or any run with ``blanks``,
    is also read with blank cells (which print nothing): one value the readings agree on
    is kept (a cell null where they disagree on whether it is blank); between several,
    the fewest blank cells, then ``RULE``, with the others as alternatives. A short run
    printing whole groups, its numbers between spaces, each group adding up (a table 四
    with only its 行政复议 printed), fills the first groups, never sure
    (``_from_the_left``).

    A report that prints no blank cell elsewhere (not ``blanks``) may still leave cells of
    table 四 blank: a full-width reading that adds up is kept, but ambiguous when a
    reading with one blank cell adds up too (readings with two are not looked for then);
    with none that adds up, the readings with blank cells however many, as above; a
    full-width reading forced by the run's length whose totals do not add up is kept as
    printed, never as sure (a blank cell shifts every later cell, and a misprinted total
    looks the same)."""
    width = size * groups
    at = total if 0 <= total < size else size - 1
    good = _limited(summed_splits(run, size, groups, total=at))
    if good is None:
        return Decoded((None,) * width, False, reason="数字串过长，拆分方式太多，无法确定各格")
    low = frozenset(i for i in range(width) if i % size != at)
    digits = len(run.replace(" ", ""))
    short = digits < width
    if blanks or not good or short:
        found = _blank_groups(" ".join(run.split()), size, groups, at)
    elif at != size - 1:  # (the argument below is for the total last)
        found = _one_blank(run, size, groups, at)
    elif digits == width:
        # every cell one digit and every total adds up: no reading with one blank cell
        # does too (its one number of two digits would be a total, 10x + y, and the
        # totals read one digit each make that 11x = 0 or a total over 9), none to list
        found = {}
    else:  # a report with no blank cell elsewhere: a reading with one blank cell counts
        found = _one_blank(run, size, groups)
    unchecked = _blank_totals(run, size, groups, at)
    if found and short:
        left = _from_the_left(run, size, groups, at, found, low)
        return _with_blank_totals(left or _pick_blank(found, low), found, unchecked)
    if good:
        picked = _pick(good, low)
        if found is None and blanks:  # its readings with blank cells: too many to list
            return Decoded(picked.cells, False, picked.alternatives, BLANK_UNLISTED_REASON)
        others = _blank_others(found, low, picked.cells)
        if others:  # a reading with blank cells adds up too: said
            reason = BLANK_POSSIBLE_REASON if blanks else ONE_BLANK_POSSIBLE_REASON
            decoded = Decoded(picked.cells, False, others[:3], reason)
            return _with_blank_totals(decoded, found, unchecked)
        if unchecked:  # adds up only by cutting a printed number: a blank total may be why
            alternatives = (*_values_of(unchecked), *picked.alternatives)
            return Decoded(picked.cells, False, alternatives[:3], SPLIT_OR_BLANK_GROUP_TOTAL_REASON)
        return picked
    printed = forced(run, width)
    if printed is None and found:
        # however many splits the run has printed in full (too many to count, say), none
        # adds up: the readings with blank cells, the fewest blank cells first
        return _with_blank_totals(_pick_blank(found, low, BLANK_PLACES_REASON), found, unchecked)
    if unchecked and not found:
        return _blank_total_pick(unchecked, printed)
    if printed is not None:
        if found:
            # the totals add up only if some cells are blank: the readings with blank
            # cells (the cells they agree on), never sure, the split as printed among the
            # alternatives (its totals may be misprinted)
            blank = _pick_blank(found, low)
            others = (printed, *blank.alternatives, *_values_of(unchecked, found))
            return Decoded(blank.cells, False, others[:3], FORCED_BLANK_REASON)
        return Decoded(printed, False, reason=FORCED_UNEQUAL_REASON)
    found_splits = _limited(splits(run, width))
    if found_splits is None:
        return Decoded((None,) * width, False, reason="数字串过长，拆分方式太多，无法确定各格")
    reason = _no_split(run, width, len(found_splits), blanks=found is not None)
    return Decoded((None,) * width, False, reason=reason)


def _blank_totals(run: str, size: int, groups: int, at: int) -> dict[Cells, Reading]:
    """Readings of ``run`` with some groups' totals blank (a total cell printing nothing,
    its parts printed): only where the run prints its numbers one by one
    (``one_per_cell``), each other group adding up. Keyed by value (blank = 0).
    Nothing checks a blank total's group: these readings are never sure."""
    width = size * groups
    out: dict[Cells, Reading] = {}
    for count in range(1, groups + 1):
        cells = one_per_cell(run, width - count)
        if cells is None:
            continue
        for blank in combinations(range(groups), count):
            reading = _placed_with_blank_totals(cells, size, groups, at, blank)
            if reading is not None:
                out[_value(reading)] = reading
    return out


def _placed_with_blank_totals(
    cells: Cells, size: int, groups: int, at: int, blank: tuple[int, ...]
) -> Reading | None:
    """``cells`` as ``groups`` groups, those in ``blank`` printing their parts only (the
    total at ``at`` blank); ``None`` when another group does not add up, or a group with a
    blank total printed only zeros (which cells are blank is then unknown: the readings
    with blank cells cover it)."""
    out: list[int | None] = []
    i = 0
    for g in range(groups):
        if g in blank:
            parts = cells[i : i + size - 1]
            if not any(parts):
                return None
            out.extend((*parts[:at], None, *parts[at:]))
            i += size - 1
            continue
        group = cells[i : i + size]
        if 2 * group[at] != sum(group):
            return None
        out.extend(group)
        i += size
    return tuple(out)


def _values_of(
    unchecked: Mapping[Cells, Reading], found: Mapping[Cells, object] | None = None
) -> tuple[Cells, ...]:
    """The values of readings with a blank total, but those ``found`` has already."""
    return tuple(v for v in unchecked if not found or v not in found)


def _with_blank_totals(
    decoded: Decoded,
    found: Mapping[Cells, object] | None,
    unchecked: Mapping[Cells, Reading],
) -> Decoded:
    """``decoded`` from readings that add up, unsure when the run also reads with a group's
    total blank (its parts printed): those readings among the alternatives."""
    others = _values_of(unchecked, found)
    if not others:
        return decoded
    alternatives = tuple(dict.fromkeys((*decoded.alternatives, *others)))[:3]
    reason = decoded.reason if not decoded.unique else BLANK_TOTAL_ALSO_REASON
    return Decoded(decoded.cells, False, alternatives, reason)


def _blank_total_pick(unchecked: Mapping[Cells, Reading], printed: Cells | None) -> Decoded:
    """The cells of a run that reads only with a group's total blank: one reading kept,
    never sure (nothing checks that group); several, the cells they agree on. The split
    as printed in full (if forced) among the alternatives."""
    readings = list(unchecked.values())
    cells, _ = _merged(readings)
    alternatives = (*(() if printed is None else (printed,)), *list(unchecked)[1:])
    return Decoded(cells, False, alternatives[:3], BLANK_TOTAL_REASON)


def _from_the_left(
    run: str,
    size: int,
    groups: int,
    at: int,
    found: Mapping[Cells, tuple[Reading, int]],
    low: frozenset[int],
) -> Decoded | None:
    """A short run that prints whole groups, its numbers between spaces (five or ten for
    table 四), each group adding up, read into the first groups in the order printed, the
    later groups blank (a table 四 printing its 行政复议 only): never sure, the readings
    that put the numbers in other groups as alternatives (``GROUPS_FROM_LEFT_REASON``).
    ``None`` when the run is no such run, or some reading of it has fewer blank cells
    (that one is read, as before). Digits run together (``10012``) do not say how many
    numbers were printed: such a run is read as before (the cells its readings agree on)."""
    fewest = min(count for _, count in found.values())
    numbers = len(run.split())
    for printed in range(1, groups):
        cells = one_per_cell(run, printed * size) if numbers == printed * size else None
        if cells is None:
            continue
        if not all(
            2 * cells[g * size + at] == sum(cells[g * size : (g + 1) * size])
            for g in range(printed)
        ):
            return None
        blank = (groups - printed) * size
        value = (*cells, *(0,) * blank)
        if value not in found or fewest != blank:
            return None
        others = sorted(
            (v for v in found if v != value), key=lambda v: (found[v][1], rank([v], low))
        )
        return Decoded(
            (*cells, *(None,) * blank), False, tuple(others[:3]), GROUPS_FROM_LEFT_REASON
        )
    return None


GROUPS_FROM_LEFT_REASON: Final = (
    "数字串印出的数（以空格分开）比格数少，恰好填满前几组且各组合计成立：按所印顺序从第一组起逐组读入，"
    "其后各组没有印数字，留空（null）；这些数也可能属于后面的组，各种读法见备选，请核对"
)


BLANK_TOTAL_REASON: Final = (
    "数字串印出的数比格数少：按原文逐个读数时，只有把某组的总计格当作空白（不印数字），其余各组"
    "合计才成立，照此读取；该组总计留空，其各格无从用合计核对，请核对"
)
BLANK_TOTAL_ALSO_REASON: Final = (
    "数字串按合计成立的拆分读取；但若某组的总计格空白（不印数字），按原文逐个读数也说得通，"
    "见备选，请核对"
)
SPLIT_OR_BLANK_GROUP_TOTAL_REASON: Final = (
    "数字串印出的数比格数少，只有把印在一起的数拆开才凑足各格，照此读取（各组合计成立）；"
    "也可能是某组的总计格空白、不印数字，按原文逐个读数的读法见备选，请核对"
)
SPLIT_OR_BLANK_TOTAL_REASON: Final = (
    "本行印出的数字比格数少，只有把印在一起的数拆开才凑足各格，但这样本行合计不成立；"
    "也可能是某格（如总计）空白、不印数字，请核对"
)


def _one_blank(
    run: str, size: int, groups: int, total: int = -1
) -> dict[Cells, tuple[Reading, int]] | None:
    """Readings of ``run`` as ``groups`` groups with exactly one blank cell, among the
    parts of a group (a blank total adds 0: it adds up only over zeros, which read the
    same printed or blank), keyed by value as ``_blank_groups``'s; ``None`` when there are
    too many. Found as ``summed_splits`` finds full readings, the group with the blank
    printing one number fewer; the readings from each place on are found once. With
    ``total``, each group's total is its cell at that index (``_printed_at``), else its
    last (``_printed_last``)."""
    run = " ".join(run.split())
    if not run.replace(" ", "").strip("0"):
        return {}  # zeros only: each its own cell, never fewer than the run has digits
    at = total if 0 <= total < size - 1 else -1
    end = len(run)
    memo: dict[tuple[int, int, bool], list[Reading]] = {}

    def walk(p: int, g: int, used: bool) -> list[Reading]:
        key = (p, g, used)
        known = memo.get(key)
        if known is not None:
            return known
        out: list[Reading] = []
        if g == groups:
            if used and _skip(run, p) == end:
                out.append(())
            memo[key] = out
            return out
        found = (
            _printed_last(run, p, size, groups - g - 1, used)
            if at < 0
            else _printed_at(run, p, size, at, used)
        )
        for printed, q, blanks in found:
            rests = walk(q, g + 1, used or bool(blanks))
            if not rests:
                continue
            heads: list[Reading] = (
                [(*printed[:c], None, *printed[c:]) for c in blanks] if blanks else [printed]
            )
            out.extend((*head, *rest) for head in heads for rest in rests)
            if len(out) > MAX_BLANK_READINGS:
                raise _TooMany
        memo[key] = out
        return out

    return _by_value(walk)


_Printed = tuple[Cells, int, tuple[int, ...]]
"""A group as ``_one_blank`` reads it: its printed numbers, where they end, and the places
among them one blank cell may stand (none: every cell printed)."""


def _printed_last(run: str, p: int, size: int, later: int, used: bool) -> Iterator[_Printed]:
    """A group read from ``run`` at ``p``, its total last: every cell printed, or (unless
    a blank cell is ``used`` already) one of its parts blank. Each of the ``later`` groups
    needs ``size`` digits (one fewer for the blank yet to come)."""
    end = len(run)
    for here in (False,) if used else (False, True):
        count = size - 2 if here else size - 1
        limit = end - later * size + (0 if used or here else 1)
        for parts, q in _read(run, p, count, MAX_DIGITS, limit):
            total = str(sum(parts))
            q = _skip(run, q)
            if run.startswith(total, q):
                blanks = tuple(range(size - 1)) if here else ()
                yield (*parts, int(total)), q + len(total), blanks


def _printed_at(run: str, p: int, size: int, total: int, used: bool) -> Iterator[_Printed]:
    """``_printed_last`` for groups whose total is their cell at ``total``: the group with
    the blank prints its total one place earlier when the blank cell is before it."""
    for cells, q in _group_at(run, p, size, total, MAX_DIGITS):
        yield cells, q, ()
    if not used:
        for at, blanks in _blank_places(size, total):
            for printed, q in _group_at(run, p, size - 1, at, MAX_DIGITS):
                yield printed, q, blanks


@lru_cache(maxsize=64)
def _blank_places(size: int, total: int) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """Where a group with one blank part prints its total (``total``, or one place earlier
    when the blank is before it), and the blank cells that put it there."""
    return tuple(
        (
            at,
            tuple(
                c for c in range(size) if c != total and at == (total - 1 if c < total else total)
            ),
        )
        for at in sorted({total - 1, total} - {-1})
    )


def _by_value(
    walk: Callable[[int, int, bool], list[Reading]],
) -> dict[Cells, tuple[Reading, int]] | None:
    """The readings with one blank cell that ``walk`` finds from the run's start, keyed by
    value as ``_blank_groups``'s; ``None`` when there are too many."""
    try:
        readings = walk(0, 0, False)
    except _TooMany:
        return None
    found: dict[Cells, list[Reading]] = {}
    for reading in readings:
        found.setdefault(_value(reading), []).append(reading)
    return {value: (_merged(group)[0], 1) for value, group in found.items()}


class _TooMany(Exception):
    """More readings than ``MAX_BLANK_READINGS``."""


def _blank_others(
    found: Mapping[Cells, tuple[Reading, int]] | None, low: frozenset[int], picked: Reading
) -> tuple[Cells, ...]:
    """The values of readings with blank cells other than ``picked``: fewest blanks first."""
    if not found:
        return ()
    ordered = sorted(found, key=lambda v: (found[v][1], rank([v], low)))
    return tuple(v for v in ordered if v != picked)


BLANK_UNLISTED_REASON: Final = (
    "本报告有空白格（空白格不印数字），本数字串含空白格的读法过多，无法逐一核对是否另有合计成立的读法；"
    "按每格都印数字的拆分读取，请核对"
)
BLANK_POSSIBLE_REASON: Final = (
    "本报告有空白格（有的行数字串少于格数），本数字串按每格都印数字读时合计成立，照此读取；"
    "若其中也有空白格，另有合计成立的读法，见备选，请核对"
)
ONE_BLANK_POSSIBLE_REASON: Final = (
    "本数字串按每格都印数字读时合计成立，照此读取；但若其中一格为空白（空白格不印数字），"
    "另有合计成立的读法，见备选，请核对"
)
FORCED_UNEQUAL_REASON: Final = (
    "按原文的空格和位数只有一种拆分，照录，但合计不成立：可能是合计印错，也可能有空白格"
    "（空白格不印数字）使其后各格错位，请核对"
)
FORCED_BLANK_REASON: Final = (
    "按每格都印数字只有一种拆分，但合计不成立；按含空白格（空白格不印数字）的读法合计成立，"
    "照此读取（各种读法不一致的格留空），原文照录的拆分见备选，请核对"
)
FORCED_OR_BLANK_REASON: Final = (
    "按原文的空格和位数只有一种拆分，照录（勾稽关系不成立）；若有空白格（不印数字），另有合计成立的读法，"
    "见备选，请核对"
)


BLANK_GROUPS_REASON: Final = (
    "数字串可按含空白格（空白格不印数字）的多种方式拆分，都满足各组合计；只填各种读法一致的格，"
    "其余留空，各种读法见备选"
)


def _pick_blank(
    found: Mapping[Cells, tuple[Reading, int]],
    low: frozenset[int],
    unsure_reason: str = "",
) -> Decoded:
    """One value: its cells, null where the readings disagree on which cells are blank
    (more nulls than blank cells: said, with ``unsure_reason``, by default that the run is
    short). Several: the fewest blank cells, then ``RULE``."""
    ordered = sorted(found, key=lambda value: (found[value][1], rank([value], low)))
    cells, count = found[ordered[0]]
    if len(ordered) == 1:
        unsure = sum(v is None for v in cells) > count
        reason = (unsure_reason or BLANK_UNSURE_REASON) if unsure else ""
        return Decoded(cells, not unsure, reason=reason)
    fewest = [value for value in ordered if found[value][1] == count]
    if len(fewest) == 1:  # readings with more blank cells add up too: said
        return Decoded(cells, False, tuple(ordered[1:4]), BLANK_MORE_REASON)
    # which cells are blank differs between the readings: only what they all agree on
    agreed, _ = _merged([found[value][0] for value in fewest])
    others = [value for value in ordered if value not in fewest]
    return Decoded(agreed, False, tuple([*fewest, *others][:3]), BLANK_GROUPS_REASON)


BLANK_PLACES_REASON: Final = (
    "数字串按每格都印数字读时合计不成立，按含空白格（空白格不印数字）的读法才成立，各格数值由此确定；"
    "但无法确定哪几格是空白、哪几格印的是0，这几格留空"
)
BLANK_MORE_REASON: Final = (
    "数字串按含空白格（空白格不印数字）的读法合计成立，取空白格最少的一种；"
    "另有空白格更多的读法合计也成立，见备选，请核对"
)


@lru_cache(maxsize=4096)
def _group_readings(segment: str, size: int, total: int = -1) -> dict[Cells, tuple[Reading, int]]:
    """One group's digits read with blank cells: its printed numbers in column order, the
    last its total (the sum of the others), or the one in the column ``total``; digits that
    are all 0 (or none) are zeros and blanks, which cells unknown. Keyed by value (blank =
    0): the cells the readings agree on (``None`` elsewhere) and the number of blank
    cells."""
    digits = segment.replace(" ", "")
    readings: list[Reading] = []
    if not digits.strip("0"):
        if len(digits) <= size:
            readings = [
                tuple(0 if i in printed else None for i in range(size))
                for printed in combinations(range(size), len(digits))
            ]
    else:
        last = total if 0 <= total < size else size - 1
        for count in range(2, min(size, len(digits)) + 1):
            # the printed columns of the parts, by the place the total is printed at
            places: dict[int, list[tuple[int, ...]]] = {}
            for columns in combinations([c for c in range(size) if c != last], count - 1):
                places.setdefault(sum(c < last for c in columns), []).append(columns)
            for at, chosen in places.items():
                for printed in _limited(summed_splits(segment, count, 1, total=at)) or ():
                    parts = (*printed[:at], *printed[at + 1 :])
                    for columns in chosen:
                        cells: list[int | None] = [None] * size
                        for column, value in zip(columns, parts, strict=True):
                            cells[column] = value
                        cells[last] = printed[at]
                        readings.append(tuple(cells))
    out: dict[Cells, list[Reading]] = {}
    for reading in readings:
        out.setdefault(_value(reading), []).append(reading)
    return {
        value: (_merged(group)[0], sum(v is None for v in group[0])) for value, group in out.items()
    }


def _blank_groups(
    run: str, size: int, groups: int, total: int = -1
) -> dict[Cells, tuple[Reading, int]] | None:
    """Readings of ``run`` as ``groups`` groups with blank cells, keyed by value: the
    cells every reading of that value agrees on, and its blank cells (each group's total
    its cell at ``total``, by default its last). ``None`` when there are too many."""
    cuts = [0, *(i for i in range(1, len(run)) if run[i - 1] != " "), len(run)]
    states: dict[int, dict[Cells, tuple[Reading, int]]] = {0: {(): ((), 0)}}
    for g in range(groups):
        nxt: dict[int, dict[Cells, tuple[Reading, int]]] = {}
        for p, prefixes in states.items():
            ends = [len(run)] if g == groups - 1 else [q for q in cuts if q >= p]
            for q in ends:
                options = _group_readings(run[p:q].strip(), size, total)
                if not options:
                    continue
                here = nxt.setdefault(q, {})
                for value, (cells, count) in options.items():
                    for prefix, (pcells, pcount) in prefixes.items():
                        key = (*prefix, *value)
                        merged = (*pcells, *cells)
                        known = here.get(key)
                        if known is not None:
                            merged = _merged([known[0], merged])[0]
                        here[key] = (merged, pcount + count)
                if len(here) > MAX_BLANK_READINGS:
                    return None
        states = nxt
    return states.get(len(run), {})


def _no_split(run: str, width: int, count: int, *, blanks: bool = False) -> str:
    """Why a run is left null; ``blanks``: its readings with blank cells were tried too."""
    if not count:
        return f"数字串“{run.strip()}”不足{width}位或无法拆成{width}格"
    also = "，按含空白格（空白格不印数字）读也都不满足" if blanks else ""
    return f"数字串“{run.strip()}”的{count}种拆分都不满足勾稽关系{also}，各格留空"


# ---------------------------------------------------------------------------- table 三

Reading = tuple[int | None, ...]
"""A row's cells as printed: ``None`` for a blank cell (it printed no digit)."""
MAX_BLANK_READINGS = 2000
"""Readings with blank cells kept per run; a run with more has no such reading (its row is
left to the identities, as an unknown row, or blank). Not ``Final``: compiled (``native``), a
final constant is built into the code, and the tests lower this one to reach the limit."""
MAX_PRINTED: Final = 64
"""A row that adds up under no split offers at most this many printed splits to the
column identities; with more it stays blank."""
MAX_SEARCHES: Final = 64
"""Values of （七）总计 searched one by one (each bounds the outcome rows' sums); with more,
one search bounded by the largest."""
MAX_FOUND: Final = 16
"""Combinations of the whole table kept; with more, the list is incomplete."""
_APPLICANTS: Final = s.TABLE3_WIDTH - 1
_ZERO7: Final = (0,) * s.TABLE3_WIDTH
FORM_COLUMNS: Final = tuple(range(s.TABLE3_WIDTH))
"""Table 三's columns printed as the form prints them (``decode_table3``'s ``columns``)."""
_COLUMNS: Final[Callable[[Cells], Cells]] = itemgetter(*range(_APPLICANTS))
"""A row's six applicant cells: what the column identities compare."""


@lru_cache(maxsize=8)
def _columns_without(skip: int) -> Callable[[Cells], Cells]:
    kept: Callable[[Cells], Cells] = itemgetter(*(i for i in range(_APPLICANTS) if i != skip))
    return kept


PRINTED_REASON: Final = (
    "本行数字串没有合计成立的拆分，各列勾稽关系只容此一种拆分，照录原文（本行合计不成立）"
)
UNSPACED_REASON: Final = (
    "按原文空格拆开时本行合计不成立；去掉数字中间的空格后，只有此拆分同时满足本行和各列的勾稽关系"
    "（原文可能在数字中间误加了空格），请核对"
)
UNKNOWN_REASON: Final = (
    "本行数字串没有合计成立的拆分；各列勾稽关系推得的各格与原文数字相符，照录原文（本行合计按原文）"
)
BLANK_UNSURE_REASON: Final = (
    "本行数字串少于格数（有空白格）；各格数值由勾稽关系确定，但无法确定哪几格是空白、哪几格印的是0，"
    "这几格留空"
)
BLANK_ALONE_REASON: Final = (
    "本行数字串少于格数（有空白格），表内勾稽关系未能确定空白格的位置，各格留空"
)
BLANK_RISK_REASON: Final = (
    "本表有空白格（有的行数字串少于格数），本行也可能含空白格，而各列勾稽关系未能确认本行的拆分；"
    "按规则选取，请核对"
)


@dataclass(frozen=True)
class _Row:
    run: str
    candidates: tuple[Cells, ...]
    reason: str = ""
    consistent: bool = True
    """False when the candidates break the row's own identity (kept as printed)."""
    printed: tuple[Cells, ...] = ()
    """A row no split of which adds up (its own total misprinted): its splits as printed,
    which the column identities may still choose among (the total is kept as printed)."""
    unspaced: tuple[Cells, ...] = ()
    """A row that adds up only when its spaces are ignored (a space inside a number): those
    splits, for the column identities to confirm."""

    short: bool = False
    """Fewer digits than cells: some cells are blank."""
    columns: tuple[int, ...] = FORM_COLUMNS
    """The form column of each cell as printed (``FORM_COLUMNS``: the form's order); the
    candidates are in the form's order."""


@dataclass(frozen=True)
class _Option:
    """One value of a row for the identities (blank cells count as 0) and the readings of
    its run that give it."""

    readings: tuple[Reading, ...]
    deviates: bool = False
    """Read against the print: a misprinted total kept, or a space inside a number."""
    blanks: int = 0


def _table3_row(run: str, columns: tuple[int, ...]) -> _Row:
    return _row_candidates(" ".join(run.split()), columns)


def _in_form(cells: tuple[_T, ...], columns: tuple[int, ...]) -> tuple[_T, ...]:
    """A row's cells printed in ``columns`` (each printed cell's form column), in the
    form's order."""
    if columns == FORM_COLUMNS:
        return cells
    out = list(cells)
    for i, column in enumerate(columns):
        out[column] = cells[i]
    return tuple(out)


def _all_in_form(found: tuple[Cells, ...], columns: tuple[int, ...]) -> tuple[Cells, ...]:
    if columns == FORM_COLUMNS:
        return found
    return tuple(_in_form(cells, columns) for cells in found)


@lru_cache(maxsize=4096)
def _row_candidates(run: str, columns: tuple[int, ...]) -> _Row:
    """A table 三 row's splits into its seven cells (printed in ``columns``, returned in
    the form's order); cached, since most rows of most reports are the same few runs
    (``0000000``)."""
    width = s.TABLE3_WIDTH
    total = columns.index(_APPLICANTS)
    digits = run.replace(" ", "")
    if len(digits) < width:
        return _Row(run, (), reason=_no_split(run, width, 0), short=True, columns=columns)
    good = _limited(summed_splits(run, width, 1, total=total))
    if good is None:
        return _Row(run, (), reason="数字串过长，拆分方式太多，无法确定各格", columns=columns)
    if good:
        return _Row(run, _all_in_form(good, columns), columns=columns)
    found = _limited(splits(run, width))
    if found is None:
        return _Row(run, (), reason="数字串过长，拆分方式太多，无法确定各格", columns=columns)
    found = _all_in_form(found, columns)
    if len(found) == 1:
        return _Row(run, found, consistent=False, columns=columns)
    unspaced = _limited(summed_splits(digits, width, 1, total=total)) if digits != run else ()
    return _Row(
        run,
        (),
        reason=_no_split(run, width, len(found)),
        printed=found if len(found) <= MAX_PRINTED else (),
        unspaced=_all_in_form(unspaced or (), columns),
        columns=columns,
    )


@lru_cache(maxsize=4096)
def _blank_readings(run: str, columns: tuple[int, ...]) -> tuple[Reading, ...] | None:
    """Readings of a run as a row some cells of which are blank (printed nothing): its
    numbers in the order printed (``columns``), the row's 总计 among them where the header
    puts it and equal to the sum of the others. A run of zeros only is a row of zeros and
    blanks, which cells unknown (one reading, every cell ``None``). In the form's order;
    ``None`` when there are too many readings."""
    width = s.TABLE3_WIDTH
    digits = run.replace(" ", "")
    if not digits.strip("0"):  # zeros only: which cells are the blank ones is unknown
        if len(digits) >= width:
            return ()
        return tuple(
            tuple(0 if i in printed else None for i in range(width))
            for printed in combinations(range(width), len(digits))
        )
    at_total = columns.index(_APPLICANTS)
    parts_at = [p for p in range(width) if p != at_total]
    # one walk over the run's digits for every count of numbers (summed_splits'd make one each)
    walker = _PartsWalk(run, MAX_DIGITS) if _plain(run) else None
    out: set[Reading] = set()
    for count in range(2, min(width - 1, len(digits)) + 1):
        # the printed places of the parts, by where among them the total is printed
        places: dict[int, list[tuple[int, ...]]] = {}
        for chosen in combinations(parts_at, count - 1):
            places.setdefault(sum(p < at_total for p in chosen), []).append(chosen)
        for at, choices in places.items():
            found = (
                _rows_of(walker, count)
                if walker is not None and at == count - 1
                else _limited(summed_splits(run, count, 1, total=at))
            )
            if found is None:
                return None
            for printed in found:
                parts = (*printed[:at], *printed[at + 1 :])
                for chosen in choices:
                    cells: list[int | None] = [None] * width
                    for place, value in zip(chosen, parts, strict=True):
                        cells[columns[place]] = value
                    cells[_APPLICANTS] = printed[at]
                    out.add(tuple(cells))
                if len(out) > MAX_BLANK_READINGS:
                    return None
    unchecked = _with_total_blank(run, columns)
    if unchecked is not None:
        out.add(unchecked)
    return tuple(sorted(out, key=lambda r: tuple(-1 if v is None else v for v in r)))


def _with_total_blank(run: str, columns: tuple[int, ...]) -> Reading | None:
    """A row's run read as its six applicant cells with its 总计 blank (printing nothing),
    where it prints six numbers one by one (``one_per_cell``); nothing in the row checks
    it, the column identities may."""
    parts = one_per_cell(run, _APPLICANTS)
    if parts is None:
        return None
    cells: list[int | None] = [None] * s.TABLE3_WIDTH
    for column, value in zip((c for c in columns if c != _APPLICANTS), parts, strict=True):
        cells[column] = value
    return tuple(cells)


def _rows_of(walker: _PartsWalk, count: int) -> tuple[Cells, ...] | None:
    """``_limited(summed_splits(run, count, 1))`` of the plain run ``walker`` reads."""
    found = walker.rows(count - 1)
    return None if len(found) > MAX_CANDIDATES else tuple(found)


def _value(reading: Reading) -> Cells:
    """A reading as the identities see it: a blank cell adds nothing."""
    return tuple(0 if v is None else v for v in reading)


def _options(row: _Row, blanks: bool) -> dict[Cells, _Option] | None:
    """What a row may add to the identities: its consistent (or forced) splits; else its
    printed splits and its splits without spaces (read against the print); with ``blanks``,
    also its readings with blank cells. ``None``: no reading at all (an unknown row, which
    the identities may still solve). Shared between rows with the same run: not to be
    changed."""
    return _run_options(row.run, blanks or row.short, row.columns)


@lru_cache(maxsize=4096)
def _run_options(run: str, blanks: bool, columns: tuple[int, ...]) -> dict[Cells, _Option] | None:
    row = _row_candidates(run, columns)
    out: dict[Cells, _Option] = {c: _Option((c,)) for c in row.candidates}
    if not row.candidates:
        for c in (*row.printed, *row.unspaced):
            out.setdefault(c, _Option((c,), deviates=True))
    if blanks:
        for reading in _blank_readings(run, columns) or ():
            value = _value(reading)
            count = sum(v is None for v in reading)
            known = out.get(value)
            if known is None or known.deviates:
                out[value] = _Option((reading,), blanks=count)
            elif known.blanks == count and reading not in known.readings:
                out[value] = replace(known, readings=(*known.readings, reading))
    return out or None


def _merged(readings: Sequence[Reading]) -> tuple[Reading, bool]:
    """The cells all ``readings`` agree on (``None`` elsewhere), and whether they agree on
    every cell."""
    first = readings[0]
    if len(readings) == 1:
        return first, True
    cells = tuple(v if all(r[i] == v for r in readings) else None for i, v in enumerate(first))
    return cells, all(r == first for r in readings)


def _fit(run: str, parts: Cells, columns: tuple[int, ...]) -> tuple[Reading, ...]:
    """Readings of ``run`` as a row whose six applicant cells are ``parts`` (a 0 may be
    blank), with its printed 总计 (any number: a misprinted total is kept); the cells
    printed in ``columns``, the readings in the form's order."""
    digits = run.replace(" ", "")
    wanted = [parts[c] if c < _APPLICANTS else -1 for c in columns]  # -1: the total
    out: list[Reading] = []

    def go(i: int, p: int, cells: Reading) -> None:
        if i == len(wanted):
            if p == len(digits):
                out.append(_in_form(cells, columns))
            return
        want = wanted[i]
        if want < 0:  # the total, as printed
            for end in range(p + 1, min(len(digits), p + MAX_DIGITS) + 1):
                if end > p + 1 and digits[p] == "0":
                    break
                go(i + 1, end, (*cells, int(digits[p:end])))
            return
        text = str(want)
        if digits.startswith(text, p):
            go(i + 1, p + len(text), (*cells, want))
        if want == 0:
            go(i + 1, p, (*cells, None))

    go(0, 0, ())
    return tuple(out)


@dataclass
class Table3Result:
    rows: dict[str, Decoded] = field(default_factory=dict)
    """Every row given, decoded; rows not given are absent."""
    ambiguous: bool = False
    blanks: bool = False
    """The table prints blank cells (a run shorter than its row, or the reading chosen
    holds blank cells): the report's other runs may hold some too."""


@dataclass
class _Solved:
    combos: list[dict[str, Cells]]
    complete: bool
    options: dict[str, dict[Cells, _Option]]
    blanks: bool


def decode_table3(
    runs: Mapping[str, str], *, columns: Sequence[int] = FORM_COLUMNS
) -> Table3Result:
    """Table 三's rows from their runs (keyed by ``schema`` row key), decided together.
    ``columns``: the form column of each cell in the order the runs print them (a table
    printing 总计 first: ``(6, 0, 1, 2, 3, 4, 5)``); the cells come in the form's order.

    The outcome rows' sums must equal （七）总计 per column, and 一 + 二 = （七）+ 四; rows
    whose own split is unique anchor the rest. A table some runs of which are shorter than
    their row (blank cells) is read with blank cells allowed in every row; so is a table
    no combination of which fits without reading a row against its print. One row with no
    reading at all is solved from the others and kept when that matches its digits. When
    the identities leave more than one combination, ``RULE`` picks and the rows that
    differ are marked ambiguous.
    """
    order = tuple(columns)
    if sorted(order) != list(FORM_COLUMNS):
        raise ValueError(f"not an order of table 三's columns: {order}")
    rows = {key: _table3_row(run, order) for key, run in runs.items()}
    has_blanks = any(row.short for row in rows.values())
    solved = _solve(rows, blanks=has_blanks)
    if not has_blanks and _may_hold_blanks(rows):
        again = _solve(rows, blanks=True)
        if again.combos and (
            not solved.combos
            or _least(again)[0] < _least(solved)[0]
            or _blank_combination_as_good(rows, solved, again)
        ):
            solved = again
    if not solved.combos:
        solved = (
            _skipping_a_column(rows, has_blanks)
            or _without_handled_total(rows, has_blanks)
            or solved
        )
    result = _chosen(rows, solved) if solved.combos else _all_alone(rows, blanks=has_blanks)
    result.blanks = result.blanks or has_blanks
    return result


def _may_hold_blanks(rows: Mapping[str, _Row]) -> bool:
    """Whether some row's run also reads as a row with blank cells (or has too many such
    readings to list): only then can a reading with blank cells differ from the print."""
    return any(_blank_readings(row.run, row.columns) != () for row in rows.values())


def _blank_combination_as_good(rows: Mapping[str, _Row], solved: _Solved, again: _Solved) -> bool:
    """Whether the table read with blank cells allowed has a combination that holds blank
    cells and reads no more rows against their print than the best without them: a
    blank cell prints nothing, so every identity is satisfied both ways and the table
    must say it is unsure (rule 4 still prefers the reading without blank cells). So
    must it when that search is incomplete, or a row's readings with blank cells are too
    many to offer it."""
    if not again.complete or any(
        _blank_readings(row.run, row.columns) is None for row in rows.values()
    ):
        return True
    least = _least(solved)[0]
    return any(cost[0] <= least and cost[1] > 0 for cost in (_cost(again, c) for c in again.combos))


def _skipping_a_column(rows: Mapping[str, _Row], blanks: bool) -> _Solved | None:
    """The combinations that satisfy the identities in five of the six applicant columns,
    when no combination satisfies all six: the report's own arithmetic is wrong in one
    column (shape 5), and the other five still place its rows. The column is not
    repaired: every row keeps its printed cells, and the checker reports it."""
    found: list[_Solved] = []
    for skip in range(_APPLICANTS):
        solved = _solve(rows, blanks, skip)
        if solved.combos:
            found.append(solved)
    if not found:
        return None
    combos: list[dict[str, Cells]] = []
    for solved in found:
        combos.extend(c for c in solved.combos if c not in combos)
    first = found[0]
    return _Solved(combos, all(f.complete for f in found), first.options, first.blanks)


def _without_handled_total(rows: Mapping[str, _Row], blanks: bool) -> _Solved | None:
    """The combinations that satisfy the identities with the outcome rows' sums standing
    in for （七）总计, when no combination fits the 总计 row as printed (wrong in every
    column: printed as zeros, say). The other rows are placed by 一 + 二 = sums + 四; the
    总计 row keeps its print, decided alone, and the checker reports it."""
    solved = _solve(rows, blanks, virtual=True)
    if not solved.combos:
        return None
    combos: list[dict[str, Cells]] = []
    for combo in solved.combos:
        rest = {k: v for k, v in combo.items() if k != _HANDLED}
        if rest not in combos:
            combos.append(rest)
    return _Solved(combos, solved.complete, solved.options, solved.blanks)


def _cost(solved: _Solved, solution: Mapping[str, Cells]) -> tuple[int, int]:
    """Rows read against their print (or solved from the others), then blank cells."""
    deviations = blanks = 0
    for key, value in solution.items():
        option = solved.options.get(key, {}).get(value)
        if option is None or option.deviates:
            deviations += 1
        blanks += option.blanks if option is not None else 0
    return deviations, blanks


def _least(solved: _Solved) -> tuple[int, int]:
    return min(_cost(solved, sol) for sol in solved.combos)


def _chosen(rows: Mapping[str, _Row], solved: _Solved) -> Table3Result:
    low = LOW_FREQUENCY_3
    out = Table3Result()
    costs = [_cost(solved, sol) for sol in solved.combos]
    fewest = min(cost[0] for cost in costs)
    ranked = [(cost, sol) for cost, sol in zip(costs, solved.combos, strict=True)]
    ranked = [(cost, sol) for cost, sol in ranked if cost[0] == fewest]
    combos = [sol for _, sol in ranked]
    best_cost, best = (
        ranked[0]
        if len(ranked) == 1
        else min(ranked, key=lambda item: (item[0][1], rank(list(item[1].values()), low)))
    )
    out.blanks = best_cost[1] > 0
    for key, row in rows.items():
        if key not in best:
            out.rows[key] = _alone(row, solved.blanks)
            continue
        value = best[key]
        option = solved.options.get(key, {}).get(value) or _Option(
            _fit(row.run, value[:_APPLICANTS], row.columns), True
        )
        cells, agreed = _merged(option.readings)
        others = (
            tuple(
                sorted(
                    {sol[key] for sol in combos if sol[key] != value},
                    key=lambda c: rank([c], low),
                )
            )
            if len(combos) > 1
            else ()
        )
        settled = solved.complete or len(solved.options.get(key, ())) == 1
        if solved.blanks and _blank_readings(row.run, row.columns) is None:
            # its readings with blank cells were too many to offer: none was ruled out
            settled, reason = False, BLANK_UNLISTED_REASON
        elif others:
            reason = RULE
        elif key not in solved.options or value not in solved.options[key]:
            reason = UNKNOWN_REASON
        elif not agreed:
            reason = BLANK_UNSURE_REASON
        elif option.deviates and not row.candidates:
            reason = UNSPACED_REASON if value in row.unspaced else PRINTED_REASON
        elif not row.consistent:
            reason = "照录原文（本行合计不成立）"
        else:
            reason = ""
        if not settled and not reason:
            reason = "表内拆分组合过多，本行未能逐一确认，按规则选取：" + RULE
        unique = settled and not others and agreed and reason != UNSPACED_REASON
        if reason == UNSPACED_REASON:
            printed = tuple(c for c in row.printed if c not in others)
            others = (*others, *printed)
        if others and not _same_blanks(
            option.readings, [solved.options.get(key, {}).get(o) for o in others]
        ):
            # the readings differ in which cells are blank: only what they all agree on
            readings = [cells]
            for other in others:
                known = solved.options.get(key, {}).get(other)
                readings.append(_merged(known.readings)[0] if known else (None,) * len(cells))
            cells = _merged(readings)[0]
            if cells != value and len(others) < 3:
                others = (*others, value)  # no longer shown whole: one of the readings
        out.rows[key] = Decoded(cells, unique, others[:3], reason)
    out.ambiguous = len(combos) > 1
    return out


def _same_blanks(readings: Sequence[Reading], others: Sequence[_Option | None]) -> bool:
    """Whether no reading of a row's chosen value or of its alternatives has a blank cell
    (then ``RULE`` picks among them; else only what they agree on is kept)."""
    every = [*readings, *(r for o in others if o is not None for r in o.readings)]
    return all(o is not None for o in others) and all(None not in r for r in every)


BLANK_TOTAL_ROW_REASON: Final = (
    "本行印出的数比格数少一个：按原文逐个读数，本行总计格空白（不印数字），其余各格照录，"
    "本行合计无从核对（把印在一起的数拆开的读法如有，见备选），请核对"
)


def _total_blank_only(cells: Reading) -> bool:
    """Whether a row's reading leaves its 总计 blank but prints some applicant cell."""
    return cells[_APPLICANTS] is None and any(v is not None for v in cells[:_APPLICANTS])


def _split_a_printed_number(row: _Row) -> bool:
    """Whether the row's only split breaks a number the page printed whole (fewer numbers
    between spaces than cells): then a blank cell, printing nothing, may be why it is one
    number short, and the split is no reading "as printed"."""
    return " " in row.run and len(row.run.split()) < s.TABLE3_WIDTH


def _all_alone(rows: Mapping[str, _Row], blanks: bool) -> Table3Result:
    out = Table3Result()
    for key, row in rows.items():
        out.rows[key] = _alone(row, blanks)
        out.ambiguous = out.ambiguous or not out.rows[key].unique
    return out


def _alone(row: _Row, blanks: bool) -> Decoded:
    """A row decided by its own identity only (the table's identities could not help). In
    a table with blank cells, a row whose run also reads with blank cells is unsure."""
    low = LOW_FREQUENCY_3
    width = s.TABLE3_WIDTH
    risky = blanks and _blank_readings(row.run, row.columns) != ()  # (None: too many to list)
    if row.short:
        options = _options(row, blanks=True) or {}
        if len(options) == 1:
            option = next(iter(options.values()))
            cells, agreed = _merged(option.readings)
            if _total_blank_only(cells):
                return Decoded(cells, False, reason=BLANK_TOTAL_ROW_REASON)
            return Decoded(cells, agreed, reason="" if agreed else BLANK_UNSURE_REASON)
        return Decoded((None,) * width, False, reason=row.reason or BLANK_ALONE_REASON)
    if not row.candidates:
        return Decoded((None,) * width, False, reason=row.reason)
    if not row.consistent:
        # its total as printed does not add up: a blank cell (printing nothing) may be why
        unchecked = _with_total_blank(row.run, row.columns)
        if unchecked is not None and _split_a_printed_number(row):
            # six numbers printed one by one against seven cells: the 总计 printed nothing
            return Decoded(unchecked, False, row.candidates[:1], BLANK_TOTAL_ROW_REASON)
        readings = _blank_readings(row.run, row.columns)
        if readings is None or readings:  # (None: too many to list)
            alternatives = tuple(dict.fromkeys(_value(r) for r in readings or ()))
            return Decoded(row.candidates[0], False, alternatives[:3], FORCED_OR_BLANK_REASON)
        if _split_a_printed_number(row):
            return Decoded(row.candidates[0], False, reason=SPLIT_OR_BLANK_TOTAL_REASON)
        reason = "按原文的空格和位数只有一种拆分，照录（本行合计不成立）"
        return Decoded(row.candidates[0], True, reason=reason)
    picked = _pick(row.candidates, low)
    if risky:
        alternatives = tuple(
            _value(r)
            for r in (_blank_readings(row.run, row.columns) or ())
            if _value(r) != picked.cells
        )
        return Decoded(
            picked.cells, False, (*picked.alternatives, *alternatives)[:3], BLANK_RISK_REASON
        )
    return picked


_OUTCOMES: Final = tuple(r.key for r in s.TABLE3_OUTCOME_ROWS)
_RECEIVED, _CARRIED, _HANDLED, _FORWARD = (r.key for r in s.TABLE3_ROWS if not r.is_outcome)
_FRAME: Final = (_RECEIVED, _CARRIED, _HANDLED, _FORWARD)


# (index loops: compiled, these run per state and candidate, where zip and a generator
# cost more than the sums)
def _plus(a: Cells, b: Cells) -> Cells:
    return tuple([a[i] + b[i] for i in range(len(a))])


def _minus(a: Cells, b: Cells) -> Cells:
    return tuple([a[i] - b[i] for i in range(len(a))])


def _plus_within(a: Cells, b: Cells, bound: Cells) -> Cells | None:
    """``_plus(a, b)``, or ``None`` when some column's sum is above its bound (no tuple
    built for a sum ``_layers`` drops)."""
    out = [0] * len(a)
    for i in range(len(a)):
        value = a[i] + b[i]
        if value > bound[i]:
            return None
        out[i] = value
    return tuple(out)


def _solve(
    rows: Mapping[str, _Row], blanks: bool, skip: int | None = None, virtual: bool = False
) -> _Solved:
    """The combinations of the rows' options that satisfy the column identities on the six
    applicant columns (the 总计 column follows from them in every row that adds up; a row
    whose printed total is wrong keeps it, for the checker). One row with no option (an
    unknown row) is solved from the others: its cells are kept when they match its digits.
    Empty when the rows needed are missing, more than one is unknown, or nothing fits.
    With ``skip``, that applicant column is left out of the identities (a report whose
    own column does not add up) and no unknown row is solved. With ``virtual``, the
    outcome rows' sums stand in for （七）总计 (a report whose 总计 row is wrong in every
    column, printed as zeros, say): the combinations hold no value for it."""
    cut = _COLUMNS if skip is None else _columns_without(skip)
    options = {k: _options(row, blanks) for k, row in rows.items()}
    if virtual:
        options[_HANDLED] = None
    known = {k: o for k, o in options.items() if o is not None}
    solved = _Solved([], True, known, blanks)
    outcome_keys = [k for k in _OUTCOMES if k in rows]
    missing = set(_OUTCOMES) - set(outcome_keys)
    unknown = [k for k, o in options.items() if o is None]
    if any(k not in rows for k in _FRAME) or missing - set(s.TABLE3_2019_ONLY_2021_ROWS):
        return solved
    if len(unknown) > (0 if skip is not None else 1):
        return solved
    deviating = sum(1 for o in known.values() if all(x.deviates for x in o.values()))
    if deviating + len(unknown) > MAX_DEVIATING_ROWS:
        return solved
    lost = unknown[0] if unknown else None
    start = cut(_ZERO7)

    def solve_for(key: str, parts: Cells) -> Cells | None:
        """The unknown row's value when its six cells are ``parts`` and they match its run."""
        if min(parts) < 0 or not (virtual or _fit(rows[key].run, parts, rows[key].columns)):
            return None
        return (*parts, sum(parts))

    found = solved.combos

    def emit(layers: _Layers, sums: Cells, handled: Cells, extra: Mapping[str, Cells]) -> bool:
        for frame in _frames(known, handled, lost, solve_for, cut):
            for path in _paths(layers, sums, start):
                found.append({**path, **extra, **frame, _HANDLED: handled})
                if len(found) > MAX_FOUND:
                    solved.complete = False
                    return False
        return True

    values = [(k, [(c, cut(c)) for c in known[k]]) for k in outcome_keys if k != lost]
    if lost == _HANDLED:
        # （七）总计 = 一 + 二 − 四 is at most 一 + 二
        bound = (
            _plus(_most(known, _RECEIVED, cut), _most(known, _CARRIED, cut))
            if _RECEIVED in known and _CARRIED in known
            else None
        )
        layers = _layers(values, start, bound)
        if layers is None:
            return _Solved([], True, known, blanks)
        for sums in layers[-1][1] if layers else (start,):
            value = solve_for(lost, sums)
            if value is not None and not emit(layers, sums, value, {}):
                break
        return solved
    # the outcome rows add up to （七）总计 in every column: one search per value of it (a
    # row read with blank cells may have many, each a tight bound on the sums)
    handled_values = list(known[_HANDLED])
    if lost is None and len(handled_values) > 1:
        framed = {_plus(cut(r), cut(c)) for r in known[_RECEIVED] for c in known[_CARRIED]}
        handled_values = [
            h
            for h in handled_values
            if any(_plus(cut(h), cut(f)) in framed for f in known[_FORWARD])
        ]
    searches = (
        [(cut(h), [h]) for h in handled_values]
        if len(handled_values) <= MAX_SEARCHES
        else [(_most(known, _HANDLED, cut), handled_values)]  # one search, a looser bound
    )
    for bound, targets in searches:
        layers = _layers(values, start, bound)
        if layers is None:
            return _Solved([], True, known, blanks)
        final = layers[-1][1] if layers else {start: []}
        for handled in targets:
            target = cut(handled)
            if lost is None or lost in _FRAME:
                if target in final and not emit(layers, target, handled, {}):
                    return solved
                continue
            for sums in final:  # an outcome row: what （七）总计 leaves for it
                rest = solve_for(lost, _minus(target, sums))
                if rest is not None and not emit(layers, sums, handled, {lost: rest}):
                    return solved
    return solved


_Layers = list[tuple[str, dict[Cells, list[tuple[Cells, Cells]]]]]
"""Each outcome row's layer: the column sums reached with it, and how (the sums before and
the row's value)."""


def _layers(
    values_by_key: Sequence[tuple[str, Sequence[tuple[Cells, Cells]]]],
    start: Cells,
    bound: Cells | None,
) -> _Layers | None:
    """The outcome rows' values (each with its compared cells) combined row by row, no
    column's sum above ``bound``; ``None`` when there are more than ``MAX_STATES`` sums."""
    layers: _Layers = []
    states: Iterable[Cells] = (start,)
    for key, values in values_by_key:
        nxt: dict[Cells, list[tuple[Cells, Cells]]] = {}
        for sums in states:
            for cand, part in values:
                total = _plus(sums, part) if bound is None else _plus_within(sums, part, bound)
                if total is None:
                    continue
                edges = nxt.get(total)
                if edges is None:
                    nxt[total] = [(sums, cand)]
                else:
                    edges.append((sums, cand))
        if len(nxt) > MAX_STATES:
            return None
        layers.append((key, nxt))
        states = nxt
    return layers


def _paths(
    layers: _Layers,
    sums: Cells,
    start: Cells,
    depth: int = -1,
    tail: tuple[tuple[str, Cells], ...] = (),
) -> Iterator[dict[str, Cells]]:
    """Every combination of the outcome rows' values that adds up to ``sums``, walked back
    through the first ``depth`` layers (all by default; ``tail``: the values chosen in the
    layers after them, last layer first); none is dropped. The rows in form order."""
    if depth < 0:
        depth = len(layers)
    chosen = list(tail)
    while depth:
        key, layer = layers[depth - 1]
        edges = layer.get(sums, ())
        if len(edges) != 1:
            for before, cand in edges:
                yield from _paths(layers, before, start, depth - 1, (*chosen, (key, cand)))
            return
        sums, cand = edges[0]
        chosen.append((key, cand))
        depth -= 1
    if sums == start:
        yield dict(reversed(chosen))


def _most(
    known: Mapping[str, Mapping[Cells, _Option]], key: str, cut: Callable[[Cells], Cells]
) -> Cells:
    """The largest number each compared column of row ``key`` may hold."""
    return cut(tuple(max(column) for column in zip(*known[key], strict=True)))


def _frames(
    known: Mapping[str, Mapping[Cells, _Option]],
    handled: Cells,
    lost: str | None,
    solve_for: Callable[[str, Cells], Cells | None],
    cut: Callable[[Cells], Cells],
) -> Iterator[dict[str, Cells]]:
    """Values of 一, 二 and 四 with 一 + 二 = （七）+ 四 in every applicant column; the
    unknown row among them (``lost``) solved from the other three."""
    h = cut(handled)
    if lost == _FORWARD:
        for r in known[_RECEIVED]:
            for c in known[_CARRIED]:
                f = solve_for(lost, _minus(_plus(cut(r), cut(c)), h))
                if f is not None:
                    yield {_RECEIVED: r, _CARRIED: c, _FORWARD: f}
        return
    carried: dict[Cells, list[Cells]] = {}
    if lost != _CARRIED:
        for c in known[_CARRIED]:
            carried.setdefault(cut(c), []).append(c)
    for f in known[_FORWARD]:
        target = _plus(h, cut(f))
        if lost == _RECEIVED:
            for c in known[_CARRIED]:
                solved = solve_for(lost, _minus(target, cut(c)))
                if solved is not None:
                    yield {_RECEIVED: solved, _CARRIED: c, _FORWARD: f}
            continue
        for r in known[_RECEIVED]:
            rest = _minus(target, cut(r))
            if lost == _CARRIED:
                solved = solve_for(lost, rest)
                if solved is not None:
                    yield {_RECEIVED: r, _CARRIED: solved, _FORWARD: f}
                continue
            for c in carried.get(rest, ()):
                yield {_RECEIVED: r, _CARRIED: c, _FORWARD: f}


# ---------------------------------------------------------------------------- 小计


SUBTOTAL_BEFORE: Final = 1
"""A 法人或其他组织 小计 column printed before the five organisation columns."""
SUBTOTAL_AFTER: Final = 6
"""… after them (before 总计)."""


@lru_cache(maxsize=1024)
def without_subtotal(run: str, place: int) -> str | None:
    """A table 三 row printed with a 小计 column (eight cells: 自然人, the five
    organisations and their 小计 at ``place``, 总计) as a run of its seven form cells:
    its readings where 小计 is the sum of the five and 总计 = 自然人 + 小计. One reading:
    its cells with spaces between; several that print the same digits without the 小计:
    those digits (the identities choose among them); ``None`` when no reading adds up
    or the readings differ in what the 小计 is (the row is then not read)."""
    run = " ".join(run.split())
    found: set[Cells] = set()
    last = run.rsplit(" ", 1)[-1]
    for size in range(1, min(MAX_DIGITS, len(last)) + 1):
        tail = last[-size:]
        if size > 1 and tail[0] == "0":
            continue
        total = int(tail)
        head = run[: len(run) - size].rstrip()
        if place == SUBTOTAL_AFTER:
            found.update(_subtotal_after(head, total))
        else:
            found.update(_subtotal_before(head, total))
        if len(found) > MAX_CANDIDATES:
            return None
    printed = {"".join(map(str, cells)) for cells in found}
    if len(found) == 1:
        return " ".join(map(str, next(iter(found))))
    return next(iter(printed)) if len(printed) == 1 else None


def _number_at_end(text: str) -> Iterator[tuple[int, str]]:
    """Numbers ``text`` may end with (no leading zero), and what is before each."""
    last = text.rsplit(" ", 1)[-1]
    for size in range(1, min(MAX_DIGITS, len(last)) + 1):
        tail = last[-size:]
        if tail.isdigit() and (size == 1 or tail[0] != "0"):
            yield int(tail), text[: len(text) - size].rstrip()


def _subtotal_after(head: str, total: int) -> Iterator[Cells]:
    for subtotal, before in _number_at_end(head):
        person = total - subtotal
        if person < 0 or not before.startswith(str(person)):
            continue
        rest = before[len(str(person)) :].strip()
        for parts in _parts(rest, _APPLICANTS - 1, subtotal, MAX_DIGITS):
            yield (person, *parts, total)


def _subtotal_before(head: str, total: int) -> Iterator[Cells]:
    first = head.split(" ", 1)[0]
    for size in range(1, min(MAX_DIGITS, len(first)) + 1):
        text = first[:size]
        if size > 1 and text[0] == "0":
            break
        person = int(text)
        subtotal = total - person
        rest = head[size:].lstrip()
        if subtotal < 0 or not rest.startswith(str(subtotal)):
            continue
        after = rest[len(str(subtotal)) :].strip()
        for parts in _parts(after, _APPLICANTS - 1, subtotal, MAX_DIGITS):
            yield (person, *parts, total)


# ---------------------------------------------------------------------------- table 二


def decode_documents(run: str, *, blanks: bool = False) -> Decoded:
    """A 规章 / 行政规范性文件 row: made, repealed, in force.

    No identity of the form ties the three cells, so a run with more than one split is
    always reported as ambiguous; so is, with ``blanks`` (the report prints blank cells
    elsewhere), a run that could also be fewer numbers with a blank cell. The pick
    (``RULE_T2``): 现行有效件数 at least 本年制发件数, then at least 本年废止件数; the shortest
    现行有效件数; made and repealed closest in length; no more repealed than made."""
    found = _limited(splits(run, 3))
    digits = run.replace(" ", "")
    if found and blanks and len(found) == 1 and digits.strip("0"):
        fewer = _limited(splits(run, 2))
        if fewer:
            return Decoded(found[0], False, reason=BLANK_DOCUMENTS_REASON)
    if not found:
        return Decoded((None, None, None), False, reason=_no_split(run, 3, 0))

    def key(c: Cells) -> tuple[bool, bool, int, int, bool]:
        return (
            c[2] < c[0],
            c[2] < c[1],
            len(str(c[2])),
            abs(len(str(c[0])) - len(str(c[1]))),
            c[1] > c[0],
        )

    ranked = sorted(found, key=key)
    if len(ranked) == 1:
        return Decoded(ranked[0], True)
    # no identity ties the three cells: every other split stays a possible reading
    return Decoded(ranked[0], False, tuple(ranked[1:4]), RULE_T2)


BLANK_DOCUMENTS_REASON: Final = (
    "本报告有空白格（有的行数字串少于格数），本行数字串也可能是两个数加一个空白格；"
    "按三格拆分照录，请核对"
)
RULE_T2: Final = (
    "表二文件行有多种拆分时，先取现行有效件数不少于制发件数、再取不少于废止件数者，其中现行有效件数"
    "位数最少、制发与废止件数位数最接近者，再取废止件数不多于制发件数者"
)


def decode_amount(run: str) -> Decimal | None:
    """A fee amount (万元) as printed: one number, its decimals kept."""
    text = "".join(run.split())
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None
