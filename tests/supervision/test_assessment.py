"""考核: the default sheet totals 100; data lines are scored from the platform; an organ
assesses itself with evidence; the office reviews; final scores rank and export."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from gongkai.disclosure import workflow
from gongkai.organs.roles import Role
from gongkai.supervision import assessment
from gongkai.supervision.models import AssessmentRound, Score
from gongkai_demo.factories.disclosure import Team, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(organ_tree: dict[str, Any], make_member: Any, frozen_today: date) -> dict[str, Any]:
    a = organ_tree["a"]
    team = Team.for_organ(a)
    make_item(team, state=workflow.PUBLISHED, on=frozen_today, title="按期")
    make_item(
        team,
        state=workflow.PUBLISHED,
        on=frozen_today,
        title="迟发",
        written_on=frozen_today - timedelta(days=60),
    )
    return {
        "office": organ_tree["office"],
        "a": a,
        "b": organ_tree["b"],
        "team": team,
        "supervisor": make_member(organ_tree["office"], Role.SUPERVISOR, username="sup"),
    }


def test_a_round_from_sheet_to_ranking(setup: dict[str, Any], frozen_today: date) -> None:
    r = assessment.start(setup["office"], frozen_today.year)
    assert sum(i.points for i in r.indicators.all()) == 100
    assessment.set_indicator(r, pk=None, group="组织管理", name="培训", points="5", measure="")
    with pytest.raises(assessment.AssessmentError, match="合计应为100分"):
        assessment.advance(r)
    r.indicators.filter(name="培训").delete()
    assessment.advance(r)
    publish = r.indicators.get(measure="publish_rate")
    a_score = Score.objects.get(round=r, organ=setup["a"], indicator=publish)
    assert a_score.self_score == Decimal("10.0")  # 1 of 2 on time × 20 points
    b_score = Score.objects.get(round=r, organ=setup["b"], indicator=publish)
    assert b_score.self_score == Decimal("20.0")  # nothing to count: full points
    manual = r.indicators.filter(measure="").first()
    assert manual is not None
    with pytest.raises(assessment.AssessmentError, match="佐证"):
        assessment.self_assess(r, setup["a"], manual, "8", "")
    with pytest.raises(assessment.AssessmentError, match=r"0到8\.0之间"):
        assessment.self_assess(r, setup["a"], manual, "9", "有文件")
    assessment.self_assess(r, setup["a"], manual, "8", "印发了分工方案")
    assessment.advance(r)
    with pytest.raises(assessment.AssessmentError, match="未复核"):
        assessment.advance(r)
    for row in Score.objects.filter(round=r, final_score__isnull=True):
        assessment.review(r, row, str(row.self_score or 0), "" if row.self_score else "未自评")
    row = Score.objects.get(round=r, organ=setup["a"], indicator=manual)
    with pytest.raises(assessment.AssessmentError, match="复核意见"):
        assessment.review(r, row, "6", "")
    assessment.review(r, row, "6", "分工方案未明确责任人")
    assessment.advance(r)
    assert r.state == AssessmentRound.FINAL
    totals = assessment.totals(r)
    assert [t.rank for t in totals] == sorted(t.rank for t in totals)
    by_organ = {t.organ.pk: t.score for t in totals}
    assert by_organ[setup["a"].pk] < by_organ[setup["b"].pk]
    client = Client()
    client.force_login(setup["supervisor"])
    page = client.get(f"/office/supervision/assessments/{r.pk}/").content.decode()
    assert "<svg" in page and "assessment-results" in page
    from openpyxl import load_workbook

    book = load_workbook(
        io.BytesIO(client.get(f"/office/supervision/assessments/{r.pk}/export.xlsx").content)
    )
    lines = list(book.active.iter_rows(min_row=2, values_only=True))
    assert [line[1] for line in lines] == [t.organ.name for t in totals]
    assert lines[-1][2] == float(totals[-1].score)


def test_the_organ_fills_its_own_sheet_only(setup: dict[str, Any], frozen_today: date) -> None:
    r = assessment.start(setup["office"], frozen_today.year)
    assessment.advance(r)
    manual = Score.objects.filter(round=r, organ=setup["a"], indicator__measure="").first()
    assert manual is not None
    client = Client()
    client.force_login(setup["team"].officer)
    url = f"/office/supervision/assessments/{r.pk}/organs/{setup['a'].slug}/"
    client.post(url, {"score": manual.pk, "value": "7", "text": "制度汇编"})
    manual.refresh_from_db()
    assert manual.self_score == Decimal("7.0") and manual.evidence == "制度汇编"
    other = f"/office/supervision/assessments/{r.pk}/organs/{setup['b'].slug}/"
    assert client.get(other).status_code == 404
    assert (
        client.post(
            f"/office/supervision/assessments/{r.pk}/act/", {"action": "advance"}
        ).status_code
        == 403
    )
