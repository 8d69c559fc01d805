"""Report builders and Hypothesis strategies shared by the tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from gongkai.annual import AnnualReport, AppealCounts, DocumentCounts, Table2, Table3, Table4
from gongkai.annual import schema as s


def blank_report(year: int = 2024, organ: str | None = "测试市测试局") -> AnnualReport:
    return AnnualReport(organ=organ, year=year)


def _row_from_parts(parts: list[int]) -> tuple[int, ...]:
    return (*parts, sum(parts))


@st.composite
def consistent_reports(draw: st.DrawFn, max_count: int = 50, zeros: bool = False) -> AnnualReport:
    """A report whose tables satisfy every identity of the national form; with ``zeros``,
    about half its counts are 0 (a small office's sparse tables)."""
    small = st.integers(min_value=0, max_value=max_count)
    if zeros:
        small = st.just(0) | small
    rows: dict[str, tuple[int, ...]] = {}
    outcome_sum = [0] * 6
    for row in s.TABLE3_OUTCOME_ROWS:
        parts = [draw(small) for _ in range(6)]
        rows[row.key] = _row_from_parts(parts)
        outcome_sum = [a + b for a, b in zip(outcome_sum, parts, strict=True)]
    forward = [draw(small) for _ in range(6)]
    over = [
        draw(st.integers(min_value=0, max_value=h + f))
        for h, f in zip(outcome_sum, forward, strict=True)
    ]
    received = [h + f - o for h, f, o in zip(outcome_sum, forward, over, strict=True)]
    rows["handled_total"] = _row_from_parts(outcome_sum)
    rows["carried_forward"] = _row_from_parts(forward)
    rows["carried_over"] = _row_from_parts(over)
    rows["received"] = _row_from_parts(received)

    def appeal() -> AppealCounts:
        parts = [draw(small) for _ in range(4)]
        return AppealCounts(*parts, sum(parts))

    def docs() -> DocumentCounts:
        return DocumentCounts(draw(small), draw(small), draw(small))

    fees = draw(
        st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
    )
    return AnnualReport(
        organ=draw(st.sampled_from(["嘉兴市数据局", "测试区发展和改革局", "某县人民政府办公室"])),
        year=draw(st.integers(min_value=2021, max_value=2030)),
        table2=Table2(docs(), docs(), draw(small), draw(small), draw(small), Decimal(fees)),
        table3=Table3(rows),
        table4=Table4(appeal(), appeal(), appeal()),
    )


@st.composite
def blanked_reports(draw: st.DrawFn, max_count: int = 12, most: int = 3) -> AnnualReport:
    """A consistent, sparse report up to ``most`` of whose 0 cells in table 三, and up to
    as many in table 四, are blank (``None``: printed as nothing). A blank counts as 0 in
    the form's identities, so the report still satisfies every one of them. Half of them
    print 四 as 一 and 二 as （七）. (Few blanks: a table 三 blank in most rows is slow to
    search, and a separate question.)"""
    report = draw(consistent_reports(max_count=max_count, zeros=True))
    rows = {k: list(row) for k, row in report.table3.rows.items()}
    groups = [
        [getattr(report.table4.group(g.key), c.key) for c in s.TABLE4_COLUMNS]
        for g in s.TABLE4_GROUPS
    ]
    for table in (list(rows.values()), groups):
        zeros = [(cells, i) for cells in table for i, v in enumerate(cells) if v == 0]
        if zeros:
            for n in draw(st.lists(st.integers(0, len(zeros) - 1), max_size=most)):
                cells, i = zeros[n]
                cells[i] = None
    if draw(st.booleans()):
        # 四 printed as 一 and 二 as （七）: a misreading of 一 is then made good by the
        # same misreading of 四 (一 + 二 = （七）+ 四 still holds), the hardest case
        received = rows["received"]
        zeros = [i for i, v in enumerate(received) if v == 0]
        if zeros:
            received[zeros[draw(st.integers(0, len(zeros) - 1))]] = None
        rows["carried_forward"] = list(received)
        rows["carried_over"] = list(rows["handled_total"])
    return replace(
        report,
        table3=Table3({k: tuple(row) for k, row in rows.items()}),
        table4=Table4(*(AppealCounts(*g) for g in groups)),
    )


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_COUNT = st.none() | st.integers(min_value=-5, max_value=10**6)
_AMOUNT = st.decimals(
    min_value=-10, max_value=10**6, places=4, allow_nan=False, allow_infinity=False
)


@st.composite
def any_reports(draw: st.DrawFn) -> AnnualReport:
    """Any report ``annual-report/1`` can hold, sound or not: blank (null) cells anywhere,
    negative counts, decimals in table 二 (fees, and counts as a document printed them),
    and every optional field present or absent."""
    t2 = _COUNT | _AMOUNT

    def docs() -> DocumentCounts:
        return DocumentCounts(draw(t2), draw(t2), draw(t2))

    rows = {key: tuple(draw(_COUNT) for _ in range(s.TABLE3_WIDTH)) for key in s.TABLE3_ROW_KEYS}
    groups = [AppealCounts(*(draw(_COUNT) for _ in s.TABLE4_COLUMNS)) for _ in s.TABLE4_GROUPS]
    optional = st.none() | _TEXT
    return AnnualReport(
        organ=draw(optional),
        year=draw(st.none() | st.integers(min_value=1900, max_value=2200)),
        table2=Table2(docs(), docs(), draw(t2), draw(t2), draw(t2), draw(st.none() | _AMOUNT)),
        table3=Table3(rows),
        table4=Table4(*groups),
        sections=draw(st.none() | st.dictionaries(st.sampled_from(s.SECTION_KEYS), _TEXT)),
        source=draw(optional),
        diagnostics=draw(
            st.none()
            | st.lists(st.fixed_dictionaries({"code": _TEXT, "message": _TEXT}), max_size=3).map(
                tuple
            )
        ),
        notes=draw(optional),
        format=draw(st.none() | st.sampled_from(sorted(s.FORMAT_NAMES))),
        confidence=draw(
            st.none()
            | st.fixed_dictionaries(
                {t: st.floats(min_value=0, max_value=1) for t in ("table2", "table3", "table4")}
            )
        ),
        title=draw(optional),
        published=draw(
            st.none()
            | st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)).map(date.isoformat)
        ),
    )


# --- deadlines ------------------------------------------------------------------------

# Dates well inside the shipped calendar (2004–2026), leaving room for 60 working days
# plus pauses before the end of 2026.
DEADLINE_FIRST = date(2004, 1, 2)
DEADLINE_LAST = date(2026, 8, 31)


def covered_dates(
    first: date = DEADLINE_FIRST, last: date = DEADLINE_LAST
) -> st.SearchStrategy[date]:
    """A date the shipped working-day calendar covers, with room after it."""
    return st.dates(min_value=first, max_value=last)
