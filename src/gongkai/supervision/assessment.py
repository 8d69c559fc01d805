"""考核: the scoring sheet, the organs' self-assessment, the supervisor's review, the final
scores and the ranking.

A round starts from ``DEFAULT_SHEET`` (editable while the round is being prepared). Lines
with a ``measure`` are scored from the platform's data for the year (points × a rate);
the others are scored by the organ with evidence and reviewed by the supervising office.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from django.db import transaction
from django.db.models import Count, F, Q

from gongkai.applications import services as casework
from gongkai.applications.ledger import late_answer_ids
from gongkai.applications.models import Application
from gongkai.applications.workflow import State
from gongkai.disclosure import workflow as items_workflow
from gongkai.disclosure.models import Item
from gongkai.interaction import workflow as messages_workflow
from gongkai.interaction.models import Message
from gongkai.organs.models import Organ
from gongkai.reports.models import AnnualReportDraft, Status, deadline_for

from .bulletins import organs_of
from .models import AssessmentRound, Indicator, Problem, ProblemState, Score

ONE = Decimal("0.1")


class AssessmentError(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


MEASURES: Final = {
    "publish_rate": "主动公开按期发布率 × 分值",
    "answer_rate": "依申请公开按期办结率 × 分值",
    "messages_rate": "网民留言按期答复率 × 分值",
    "problems_fixed": "巡查问题整改率 × 分值",
    "report_on_time": "年度报告按期发布得满分，逾期或未发布不得分",
}

DEFAULT_SHEET: Final = (
    ("组织管理", "明确分管负责人和工作机构，配备专门工作人员", "8", ""),
    ("制度建设", "建立公开审查、依申请公开办理、考核等工作制度", "8", ""),
    ("平台建设", "政府网站信息公开专栏规范、内容准确、更新及时", "8", ""),
    ("平台建设", "巡查发现的问题按期整改", "10", "problems_fixed"),
    ("主动公开", "主动公开信息按期发布", "20", "publish_rate"),
    ("依申请公开", "依申请公开按期办结", "20", "answer_rate"),
    ("回应关切", "网民留言按期答复", "10", "messages_rate"),
    ("回应关切", "政策解读、意见征集和回应社会关切", "6", ""),
    ("年度报告", "年度报告按期发布、内容规范", "10", "report_on_time"),
)


def start(office: Organ, year: int, title: str = "") -> AssessmentRound:
    with transaction.atomic():
        r = AssessmentRound.objects.create(
            office=office, year=year, title=title or f"{year}年度政务公开工作考核"
        )
        for n, (group, name, points, measure) in enumerate(DEFAULT_SHEET, start=1):
            Indicator.objects.create(
                round=r, order=n, group=group, name=name, points=Decimal(points), measure=measure
            )
    return r


def set_indicator(
    r: AssessmentRound, *, pk: int | None, group: str, name: str, points: str, measure: str
) -> Indicator:
    if r.state != AssessmentRound.DRAFT:
        raise AssessmentError("自评开始后不能再修改指标", 409)
    if group not in Indicator.GROUPS:
        raise AssessmentError(f"类别应为：{'、'.join(Indicator.GROUPS)}")
    if not name.strip():
        raise AssessmentError("请填写指标内容")
    if measure and measure not in MEASURES:
        raise AssessmentError("计分方式无效")
    value = _points(points, Decimal("100"))
    if pk:
        row = Indicator.objects.get(round=r, pk=pk)
    else:
        row = Indicator(round=r, order=r.indicators.count() + 1)
    row.group, row.name, row.points, row.measure = group, name.strip(), value, measure
    row.save()
    return row


def _points(text: str, top: Decimal) -> Decimal:
    try:
        value = Decimal(str(text).strip())
    except ArithmeticError as exc:
        raise AssessmentError(f"分数“{text}”不是数字") from exc
    if not value.is_finite() or value < 0 or value > top:
        raise AssessmentError(f"分数应在0到{top}之间，收到“{text}”")
    return value.quantize(ONE, ROUND_HALF_UP)


def advance(r: AssessmentRound) -> AssessmentRound:
    """编制指标 → 机关自评 → 主管部门复核 → 已定分 (scores from data are filled in when
    self-assessment opens; the final step needs every line reviewed)."""
    order = [s for s, _ in AssessmentRound.STATES]
    if r.state == AssessmentRound.FINAL:
        raise AssessmentError("考核已定分", 409)
    if r.state == AssessmentRound.DRAFT:
        total = sum(i.points for i in r.indicators.all())
        if total != 100:
            raise AssessmentError(f"各项指标分值合计应为100分，现为{total}分")
        _fill_measured(r)
    if r.state == AssessmentRound.REVIEW:
        missing = r.scores.filter(final_score__isnull=True).count()
        if missing:
            raise AssessmentError(f"还有{missing}项得分未复核")
    r.state = order[order.index(r.state) + 1]
    r.save(update_fields=["state"])
    return r


def _fill_measured(r: AssessmentRound) -> None:
    organs = organs_of(r.office)
    rates = {key: fn(organs, r.year) for key, fn in RATES.items()}
    rows = []
    for organ in organs:
        for ind in r.indicators.all():
            value = None
            if ind.measure:
                rate = rates[ind.measure].get(organ.pk, Decimal(1))
                value = (ind.points * rate).quantize(ONE, ROUND_HALF_UP)
            rows.append(
                Score(round=r, organ=organ, indicator=ind, self_score=value, final_score=value)
            )
    Score.objects.bulk_create(rows)


def self_assess(
    r: AssessmentRound, organ: Organ, indicator: Indicator, score: str, evidence: str
) -> Score:
    if r.state != AssessmentRound.SELF:
        raise AssessmentError("当前不在机关自评阶段", 409)
    if indicator.measure:
        raise AssessmentError("该项按平台数据计分，不需自评")
    if not evidence.strip():
        raise AssessmentError("自评须说明佐证材料")
    row = Score.objects.get(round=r, organ=organ, indicator=indicator)
    row.self_score = _points(score, indicator.points)
    row.evidence = evidence.strip()
    row.save(update_fields=["self_score", "evidence"])
    return row


def review(r: AssessmentRound, row: Score, score: str, note: str) -> Score:
    if r.state != AssessmentRound.REVIEW:
        raise AssessmentError("当前不在复核阶段", 409)
    value = _points(score, row.indicator.points)
    if row.self_score is not None and value != row.self_score and not note.strip():
        raise AssessmentError("复核分与自评分不同，须填写复核意见")
    row.final_score, row.note = value, note.strip()
    row.save(update_fields=["final_score", "note"])
    return row


@dataclass(frozen=True)
class Total:
    organ: Organ
    score: Decimal
    rank: int


def totals(r: AssessmentRound) -> list[Total]:
    sums: dict[int, Decimal] = {}
    organs = {o.pk: o for o in organs_of(r.office)}
    for row in r.scores.all():
        value = row.final_score if row.final_score is not None else row.self_score
        sums[row.organ_id] = sums.get(row.organ_id, Decimal(0)) + (value or Decimal(0))
    ordered = sorted(sums.items(), key=lambda kv: (-kv[1], organs[kv[0]].name))
    out, rank = [], 0
    for i, (pk, score) in enumerate(ordered):
        if i == 0 or score != ordered[i - 1][1]:
            rank = i + 1
        out.append(Total(organs[pk], score, rank))
    return out


# --------------------------------------------------------------------- rates from data

Rates = dict[int, Decimal]


def _ratio(part: int, whole: int) -> Decimal:
    return Decimal(1) if not whole else Decimal(part) / Decimal(whole)


def _publish_rate(organs: list[Organ], year: int) -> Rates:
    rows = (
        Item.objects.filter(organ__in=organs, published_on__year=year)
        .exclude(state=items_workflow.WITHDRAWN)
        .values("organ_id")
        .annotate(n=Count("pk"), late=Count("pk", filter=Q(published_on__gt=F("due_on"))))
    )
    return {r["organ_id"]: _ratio(r["n"] - r["late"], r["n"]) for r in rows}


def _answer_rate(organs: list[Organ], year: int) -> Rates:
    """Answers given in time (the 申请台账's 是否逾期 definition)."""
    answered = Application.objects.filter(
        organ__in=organs, state=State.CLOSED, closed_on__year=year
    )
    late = Counter(
        Application.objects.filter(
            pk__in=late_answer_ids(answered, casework.current_calendar())
        ).values_list("organ_id", flat=True)
    )
    totals = answered.values("organ_id").annotate(n=Count("pk"))
    return {r["organ_id"]: _ratio(r["n"] - late[r["organ_id"]], r["n"]) for r in totals}


def _messages_rate(organs: list[Organ], year: int) -> Rates:
    rows = (
        Message.objects.filter(
            organ__in=organs, received_on__year=year, state=messages_workflow.REPLIED
        )
        .values("organ_id")
        .annotate(n=Count("pk"), on_time=Count("pk", filter=Q(replied_on__lte=F("due_on"))))
    )
    return {r["organ_id"]: _ratio(r["on_time"], r["n"]) for r in rows}


def _problems_fixed(organs: list[Organ], year: int) -> Rates:
    rows = (
        Problem.objects.filter(organ__in=organs, found_on__year=year)
        .exclude(state=ProblemState.REJECTED)
        .values("organ_id")
        .annotate(n=Count("pk"), fixed=Count("pk", filter=Q(state=ProblemState.VERIFIED)))
    )
    return {r["organ_id"]: _ratio(r["fixed"], r["n"]) for r in rows}


def _report_on_time(organs: list[Organ], year: int) -> Rates:
    published = {
        d.organ_id: d.published_on
        for d in AnnualReportDraft.objects.filter(
            organ__in=organs, year=year - 1, status=Status.PUBLISHED
        )
    }
    out: Rates = {}
    for organ in organs:
        on: date | None = published.get(organ.pk)
        ok = on is not None and on <= deadline_for(organ, year - 1)
        out[organ.pk] = Decimal(1) if ok else Decimal(0)
    return out


RATES: Final[dict[str, Callable[[list[Organ], int], Rates]]] = {
    "publish_rate": _publish_rate,
    "answer_rate": _answer_rate,
    "messages_rate": _messages_rate,
    "problems_fixed": _problems_fixed,
    "report_on_time": _report_on_time,
}
