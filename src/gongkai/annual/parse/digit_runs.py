"""Digit runs: table rows whose cell boundaries were lost, decoded by the form's arithmetic.

A crawler's ``get_text()`` joins a table row into its label and one run of digits
(``3612000039`` for 36, 1, 2, 0, 0, 0, 39). Spaces, where a run keeps some, are
boundaries; elsewhere every split into the row's cells is a candidate, numbers without
leading zeros. The form's own identities choose among them:

- table 三: each row's 总计 is the sum of its six applicant cells; per column,
  （七）总计 is the sum of the outcome rows, and 一 + 二 = （七）+ 四;
- table 四: each group's 总计 is the sum of its four cells;
- table 二: a document row's 现行有效件数 is at least its 本年制发件数 and 本年废止件数 (usually,
  not always: only a preference).

When two splits satisfy every identity the decoder says so (``Decoded.alternatives``) and
picks by ``RULE``: the fewest multi-digit cells in the low-frequency columns (all but 自然人
and 总计), then the fewest multi-digit cells overall. A run that no split makes consistent
keeps the split its spaces or its length force (the report's own arithmetic may be wrong:
the checker reports it, the decoder never repairs it); failing that, its cells stay blank
(``None``) with a reason. Nothing here turns a blank into 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

from .. import schema as s

Cells = tuple[int, ...]
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


@dataclass(frozen=True)
class Decoded:
    """A run's cells (``None`` where undecidable) and how sure the decoder is.

    ``unique`` is true when exactly one split satisfied every identity (or the split was
    forced by spaces and length); ``alternatives`` lists other consistent splits;
    ``reason`` says in Chinese why cells stayed blank or which rule picked them.
    """

    cells: tuple[int | None, ...]
    unique: bool
    alternatives: tuple[Cells, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class _Row:
    key: str
    candidates: tuple[Cells, ...]
    forced: bool = False
    reason: str = ""
    consistent: bool = True
    """False when the candidates break the row's own identity (kept as printed)."""
    printed: tuple[Cells, ...] = ()
    """A row no split of which adds up (its own total misprinted): its splits as printed,
    which the column identities may still choose among (the total is kept as printed)."""
    unspaced: tuple[Cells, ...] = ()
    """A row that adds up only when its spaces are ignored (a space inside a number): those
    splits, for the column identities to confirm."""
    zero: bool = False
    """Fewer digits than cells, all of them 0: blank cells and zeros. Its cells stay blank,
    but it adds nothing to any column, so the identities across rows still hold."""


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


def summed_splits(run: str, size: int, groups: int, *, digits: int = MAX_DIGITS) -> Iterator[Cells]:
    """Readings of ``run`` as ``groups`` groups of ``size`` cells whose last cell is the sum
    of the others (table 三's rows, table 四's groups). A group's parts are read only while
    they fit under its total, which keeps the search small."""
    run = " ".join(run.split())
    if groups == 1:
        yield from _row_splits(run, size, digits)
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


def _row_splits(run: str, size: int, digits: int) -> Iterator[Cells]:
    """One group: its total is a suffix of the run, the parts split what is before it."""
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
    memo: dict[tuple[int, int, int], list[Cells]] = {}

    def go(p: int, left: int, rest: int) -> list[Cells]:
        p = _skip(text, p)
        key = (p, left, rest)
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
            while end < len(text) and text[end].isdigit() and end - p < digits:
                end += 1
            sizes = range(1, 2) if text[p] == "0" else range(1, end - p + 1)
            for n in sizes:
                value = int(text[p : p + n])
                if value > rest:
                    break
                for tail in go(p + n, left - 1, rest - value):
                    out.append((value, *tail))
                    if len(out) > MAX_CANDIDATES:
                        break
        memo[key] = out
        return out

    if not text:
        return iter(())
    return iter(go(0, count, total))


def _limited(found: Iterator[Cells]) -> tuple[Cells, ...] | None:
    out = []
    for cells in found:
        out.append(cells)
        if len(out) > MAX_CANDIDATES:
            return None
    return tuple(out)


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


def decode_table4(run: str) -> Decoded:
    """Table 四's 15 cells from one run (the three groups of five in form order)."""
    return decode_groups(run, len(s.TABLE4_COLUMNS), len(s.TABLE4_GROUPS))


def decode_groups(run: str, size: int, groups: int = 1) -> Decoded:
    """A run of ``groups`` groups of ``size`` cells, each ending with its total (table 四,
    a table 三 row alone)."""
    width = size * groups
    good = _limited(summed_splits(run, size, groups))
    if good is None:
        return Decoded((None,) * width, False, reason="数字串过长，拆分方式太多，无法确定各格")
    if good:
        low = frozenset(i for i in range(width) if i % size != size - 1)
        return _pick(good, low)
    found = _limited(splits(run, width))
    if found is None:
        return Decoded((None,) * width, False, reason="数字串过长，拆分方式太多，无法确定各格")
    if len(found) == 1:
        return Decoded(
            found[0], True, reason="按原文的空格和位数只有一种拆分，照录（勾稽关系不成立）"
        )
    return Decoded((None,) * width, False, reason=_no_split(run, width, len(found)))


def _no_split(run: str, width: int, count: int) -> str:
    if not count:
        return f"数字串“{run.strip()}”不足{width}位或无法拆成{width}格"
    return f"数字串“{run.strip()}”的{count}种拆分都不满足勾稽关系，各格留空"


# ---------------------------------------------------------------------------- table 三


def _table3_row(key: str, run: str) -> _Row:
    return replace(_row_candidates(" ".join(run.split())), key=key)


@lru_cache(maxsize=4096)
def _row_candidates(run: str) -> _Row:
    """A table 三 row's splits; cached, since most rows of most reports are the same few
    runs (``0000000``)."""
    key = ""
    width = s.TABLE3_WIDTH
    good = _limited(summed_splits(run, width, 1))
    if good is None:
        return _Row(key, (), reason="数字串过长，拆分方式太多，无法确定各格")
    if good:
        return _Row(key, good)
    found = _limited(splits(run, width))
    if found is None:
        return _Row(key, (), reason="数字串过长，拆分方式太多，无法确定各格")
    if len(found) == 1:
        return _Row(key, found, forced=True, consistent=False)
    digits = run.replace(" ", "")
    unspaced = _limited(summed_splits(digits, width, 1)) if digits != run else ()
    return _Row(
        key,
        (),
        reason=_no_split(run, width, len(found)),
        printed=found if len(found) <= MAX_PRINTED else (),
        unspaced=unspaced or (),
        zero=0 < len(digits) < width and not digits.strip("0"),
    )


MAX_PRINTED: Final = 64
"""A row that adds up under no split offers at most this many printed splits to the
column identities; with more it stays blank."""
_ZERO: Final = (0,) * s.TABLE3_WIDTH
PRINTED_REASON: Final = (
    "本行数字串没有合计成立的拆分，各列勾稽关系只容此一种拆分，照录原文（本行合计不成立）"
)
UNSPACED_REASON: Final = (
    "按原文空格拆开时本行合计不成立；去掉数字中间的空格后，只有此拆分同时满足本行和各列的勾稽关系"
    "（原文可能在数字中间误加了空格），请核对"
)


@dataclass
class Table3Result:
    rows: dict[str, Decoded] = field(default_factory=dict)
    """Every row given, decoded; rows not given are absent."""
    ambiguous: bool = False


def decode_table3(runs: Mapping[str, str]) -> Table3Result:
    """Table 三's rows from their runs (keyed by ``schema`` row key), decided together.

    The outcome rows' sums must equal （七）总计 per column, and 一 + 二 = （七）+ 四; rows
    whose own split is unique anchor the rest. When the identities across rows leave more
    than one combination, ``RULE`` picks and the rows that differ are marked ambiguous.
    """
    rows = {key: _table3_row(key, run) for key, run in runs.items()}
    low = LOW_FREQUENCY_3
    combos, complete = _table3_solutions(rows)
    out = Table3Result()
    if combos:
        # a combination reading fewer rows against their print (a misprinted total, a space
        # ignored) is preferred; among the rest, RULE
        costs = [_deviations(rows, sol) for sol in combos]
        combos = [sol for sol, cost in zip(combos, costs, strict=True) if cost == min(costs)]
        best = min(combos, key=lambda sol: rank(list(sol.values()), low))
        for key, row in rows.items():
            if key not in best:
                out.rows[key] = _alone(row, low)
                continue
            if row.zero and not row.candidates:
                out.rows[key] = Decoded((None,) * s.TABLE3_WIDTH, False, reason=row.reason)
                continue
            others = tuple(
                sorted(
                    {sol[key] for sol in combos if sol[key] != best[key]},
                    key=lambda c: rank([c], low),
                )
            )
            settled = len(row.candidates) == 1 or complete
            reason = (
                RULE if others else ("照录原文（本行合计不成立）" if not row.consistent else "")
            )
            if not settled and not reason:
                reason = "表内拆分组合过多，本行未能逐一确认，按规则选取：" + RULE
            if not row.candidates and best[key] in row.unspaced:
                printed = tuple(c for c in row.printed if c not in others)
                out.rows[key] = Decoded(best[key], False, (*others, *printed)[:3], UNSPACED_REASON)
                continue
            if not row.candidates:
                reason = reason if others else PRINTED_REASON
            out.rows[key] = Decoded(best[key], settled and not others, others[:3], reason)
        out.ambiguous = len(combos) > 1
        return out
    for key, row in rows.items():
        out.rows[key] = _alone(row, low)
        out.ambiguous = out.ambiguous or not out.rows[key].unique
    return out


def _alone(row: _Row, low: frozenset[int]) -> Decoded:
    """A row decided by its own identity only (the table's identities could not help)."""
    if not row.candidates:
        return Decoded((None,) * s.TABLE3_WIDTH, False, reason=row.reason)
    if not row.consistent:
        return Decoded(
            row.candidates[0], True, reason="按原文的空格和位数只有一种拆分，照录（本行合计不成立）"
        )
    return _pick(row.candidates, low)


def _options(row: _Row) -> tuple[Cells, ...]:
    """What a row may add to the column identities: its consistent (or forced) splits; else
    its printed splits and its splits without spaces; else, for a run of zeros shorter than
    the row, nothing (zeros); else no option (the row is undecidable)."""
    if row.candidates:
        return row.candidates
    if row.printed or row.unspaced:
        return (*row.printed, *row.unspaced)
    return (_ZERO,) if row.zero else ()


def _deviations(rows: Mapping[str, _Row], solution: Mapping[str, Cells]) -> int:
    """How many rows ``solution`` reads against their print (no consistent split of their
    own: a misprinted total kept, or a space inside a number ignored)."""
    return sum(1 for key, row in rows.items() if key in solution and _deviates(row))


def _deviates(row: _Row) -> bool:
    return not row.candidates and bool(row.printed or row.unspaced)


_OUTCOMES: Final = tuple(r.key for r in s.TABLE3_OUTCOME_ROWS)
_RECEIVED, _CARRIED, _HANDLED, _FORWARD = (r.key for r in s.TABLE3_ROWS if not r.is_outcome)


def _table3_solutions(rows: Mapping[str, _Row]) -> tuple[list[dict[str, Cells]], bool]:
    """The combinations of the rows' candidates that satisfy the column identities (``[]``
    when the rows needed are missing, undecidable, or no combination fits), and whether
    the list is complete (the search keeps a few paths per partial sum, and stops early)."""
    outcome_keys = [k for k in _OUTCOMES if k in rows]
    frame = (_RECEIVED, _CARRIED, _HANDLED, _FORWARD)
    options = {k: _options(row) for k, row in rows.items()}
    if any(k not in rows or not options[k] for k in frame):
        return [], True
    missing = set(_OUTCOMES) - set(outcome_keys)
    if missing - set(s.TABLE3_2019_ONLY_2021_ROWS) or any(not options[k] for k in outcome_keys):
        return [], True
    if sum(1 for row in rows.values() if _deviates(row)) > MAX_DEVIATING_ROWS:
        return [], True
    complete = True
    states: dict[Cells, list[dict[str, Cells]]] = {(0,) * s.TABLE3_WIDTH: [{}]}
    for key in outcome_keys:
        nxt: dict[Cells, list[dict[str, Cells]]] = {}
        for sums, paths in states.items():
            for cand in options[key]:
                total = tuple(a + b for a, b in zip(sums, cand, strict=True))
                kept = nxt.setdefault(total, [])
                for path in paths:
                    if len(kept) < 4:
                        kept.append({**path, key: cand})
                    else:
                        complete = False
        if len(nxt) > MAX_STATES:
            return [], True
        states = nxt
    # the columns of the six applicants decide; the 总计 column follows from them in every
    # row that adds up (a row whose printed total is wrong keeps it, for the checker)
    by_parts: dict[Cells, list[dict[str, Cells]]] = {}
    for sums, paths in states.items():
        by_parts.setdefault(sums[:-1], []).extend(paths)
    found: list[dict[str, Cells]] = []
    for handled in options[_HANDLED]:
        for path in by_parts.get(handled[:-1], []):
            for received in options[_RECEIVED]:
                for carried in options[_CARRIED]:
                    for forward in options[_FORWARD]:
                        if all(
                            r + c == h + f
                            for r, c, h, f in zip(
                                received[:-1], carried[:-1], handled[:-1], forward[:-1], strict=True
                            )
                        ):
                            found.append(
                                {
                                    **path,
                                    _HANDLED: handled,
                                    _RECEIVED: received,
                                    _CARRIED: carried,
                                    _FORWARD: forward,
                                }
                            )
                            if len(found) > 16:
                                return found, False
    return found, complete


# ---------------------------------------------------------------------------- table 二


def decode_documents(run: str) -> Decoded:
    """A 规章 / 行政规范性文件 row: made, repealed, in force.

    No identity of the form ties the three cells, so a run with more than one split is
    always reported as ambiguous. The pick (``RULE_T2``): 现行有效件数 at least 本年制发件数,
    then at least 本年废止件数; the shortest 现行有效件数; made and repealed closest in length;
    no more repealed than made."""
    found = _limited(splits(run, 3))
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
