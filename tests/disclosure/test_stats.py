"""Table 二 from the items, against a brute-force recount and last year's numbers."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

import pytest

from gongkai.annual.model import DocumentCounts
from gongkai.disclosure import services, workflow
from gongkai.disclosure.categories import KIND_NORMATIVE, KIND_OTHER, KIND_REGULATION
from gongkai.disclosure.models import Item
from gongkai.disclosure.stats import table2
from gongkai.disclosure.workflow import TransitionError
from gongkai_demo.factories.disclosure import make_item

D = datetime.date
YEARS = range(2021, 2026)


def recount(organ_id: int, kind: str, year: int) -> DocumentCounts:
    """Count by looking at every item row in Python, version chains followed by hand."""
    made = repealed = in_force = 0
    rows = list(Item.objects.filter(organ_id=organ_id, kind=kind))
    superseded = {r.previous_id for r in rows if r.previous_id and r.published_on}
    for row in rows:
        if row.pk in superseded or row.published_on is None or row.state == "withdrawn":
            continue  # not the current published version of its document
        if row.state not in ("published", "repealed", "expired"):
            continue
        ended = row.ended_on if row.state in ("repealed", "expired") else None
        if row.written_on.year == year:
            made += 1
        if ended and ended.year == year:
            repealed += 1
        if row.written_on <= D(year, 12, 31) and (ended is None or ended > D(year, 12, 31)):
            in_force += 1
    return DocumentCounts(made, repealed, in_force)


@pytest.fixture
def history(team):  # type: ignore[no-untyped-def]
    rng = random.Random(20240301)
    for n in range(36):
        kind = rng.choice([KIND_REGULATION, KIND_NORMATIVE, KIND_NORMATIVE, KIND_OTHER])
        written = D(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 28))
        state = rng.choice(["published", "published", "repealed", "expired", "draft", "withdrawn"])
        ended = written + datetime.timedelta(days=rng.randint(0, 900))
        if state == "withdrawn":
            item = make_item(
                team, state="published", kind=kind, written_on=written, title=f"文件{n}"
            )
            services.apply(item, "withdraw", team.head, "误发")
        else:
            item = make_item(
                team, state=state, kind=kind, written_on=written, ended_on=ended, title=f"文件{n}"
            )
        if state == "published" and n % 5 == 0:  # a revised document counts once
            new = services.apply(item, "revise", team.officer, on=written)
            for event, who in [
                ("submit", team.officer),
                ("approve_first", team.first),
                ("approve_second", team.second),
                ("approve_final", team.head),
            ]:
                new = services.apply(new, event, who)
    return team


def test_table2_equals_brute_force_recount_and_carries_over(history) -> None:
    seen_repeal = False
    for year in YEARS:
        got = table2(history.organ, year)
        assert got.regulations == recount(history.organ.pk, KIND_REGULATION, year), year
        assert got.normative_documents == recount(history.organ.pk, KIND_NORMATIVE, year), year
        seen_repeal |= bool(got.normative_documents.repealed)
    assert seen_repeal  # the history exercises repeals, not only documents made
    for year in YEARS[1:]:
        before, now = table2(history.organ, year - 1), table2(history.organ, year)
        for row in ("regulations", "normative_documents"):
            last, this = getattr(before, row), getattr(now, row)
            assert this.in_force == last.in_force + this.made - this.repealed, (year, row)


def test_entered_counts_with_source(team) -> None:
    assert table2(team.organ, 2024).licensing is None  # blank, not 0, until entered
    services.set_table2_entry(
        team.organ,
        2024,
        team.officer,
        source="省政务服务平台导出 2025-01-10",
        licensing=12,
        punishment=3,
        coercion=0,
        fees=Decimal("1.25"),
    )
    got = table2(team.organ, 2024)
    assert (got.licensing, got.punishment, got.coercion, got.fees) == (12, 3, 0, Decimal("1.25"))


def test_entered_counts_need_a_source_and_non_negative_numbers(team) -> None:
    with pytest.raises(TransitionError, match="请注明数据来源"):
        services.set_table2_entry(team.organ, 2024, team.officer, source=" ", licensing=1)
    with pytest.raises(TransitionError, match="行政处罚的本年处理决定数量应为非负整数，实际为 -1"):
        services.set_table2_entry(team.organ, 2024, team.officer, source="x", punishment=-1)


def test_repeal_before_made_is_refused(team) -> None:
    item = make_item(team, state=workflow.PUBLISHED, written_on=D(2024, 5, 1), kind=KIND_NORMATIVE)
    with pytest.raises(TransitionError, match="早于成文日期"):
        services.apply(item, "repeal", team.head, "x", on=D(2024, 4, 1))
