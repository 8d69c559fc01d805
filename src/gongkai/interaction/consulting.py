"""意见征集 and 征集调查: an organ's consultation from draft to published feedback.

The officer drafts a consultation (a draft document, a question, or a questionnaire) with
its period; a reviewer or the head publishes it. While the period runs, anyone may comment
or answer (name and contact optional, never shown). After the period the officer sorts the
comments by theme and marks what was adopted, writes the 反馈, and a reviewer or the head
publishes it. Nothing here shows a person's name or contact to the public.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from gongkai.applications import files as file_rules
from gongkai.organs.models import Organ
from gongkai.workflow import TransitionError, WrongRole

from . import consultation_workflow as flow
from . import privacy, workflow
from .models import (
    Answer,
    Comment,
    Consultation,
    ConsultationFile,
    ConsultationKind,
    Feedback,
    Question,
    Response,
)
from .services import MessageError, roles_of, stored, today

MAX_QUESTIONS = 20


@dataclass(frozen=True)
class QuestionSpec:
    text: str
    kind: str
    options: tuple[str, ...] = ()


def status(c: Consultation, on: date | None = None) -> str:
    """未发布, 未开始, 征集中, 已截止 or 已发布反馈."""
    on = on or today()
    if c.published_at is None:
        return "未发布"
    feedback = getattr(c, "feedback", None)
    if feedback is not None and feedback.published_at is not None:
        return "已发布反馈"
    if on < c.starts_on:
        return "未开始"
    if on > c.ends_on:
        return "已截止"
    return "征集中"


def state_of(c: Consultation) -> str:
    """The consultation's state in ``consultation_workflow`` (read, not stored)."""
    if c.published_at is None:
        return flow.DRAFT
    feedback: Feedback | None = getattr(c, "feedback", None)
    if feedback is None:
        return flow.PUBLISHED
    return flow.FEEDBACK_DRAFTED if feedback.published_at is None else flow.CONCLUDED


def _fire(c: Consultation, event: str, roles: str | set[str]) -> str:
    """The state after ``event`` by one of ``roles``; a refusal of the table is a
    ``MessageError`` (403 for the role, else 409)."""
    period = flow.Period(today(), c.starts_on, c.ends_on)
    try:
        return flow.WORKFLOW.fire(state_of(c), event, roles, period)
    except TransitionError as exc:
        raise MessageError(exc.message, 403 if isinstance(exc, WrongRole) else 409) from None


def _staff(c: Consultation, event: str, actor: Any) -> None:
    """``event`` done by ``actor`` in the roles they hold in the consultation's organ."""
    _fire(c, event, roles_of(actor, c.organ))


def _public(c: Consultation, event: str, refused: str) -> None:
    """``event`` done by the public; refused with ``refused`` and the consultation's status."""
    try:
        _fire(c, event, flow.PUBLIC)
    except MessageError:
        raise MessageError(refused.format(status=status(c)), 409) from None


def _require(user: Any, organ: Organ, role: str, what: str) -> None:
    if role not in roles_of(user, organ):
        who = "公开专员" if role == workflow.OFFICER else "审核人或机构负责人"
        raise MessageError(f"{what}须由本机关的{who}办理", 403)


def create(
    organ: Organ,
    actor: Any,
    fields: Mapping[str, Any],
    questions: Sequence[QuestionSpec] = (),
    uploads: Sequence[Any] = (),
) -> Consultation:
    _require(actor, organ, workflow.OFFICER, "起草意见征集")
    if fields["ends_on"] < fields["starts_on"]:
        raise MessageError("截止日期不能早于开始日期", 400)
    if fields["kind"] == ConsultationKind.SURVEY and not questions:
        raise MessageError("问卷调查至少要有一道题", 400)
    if len(questions) > MAX_QUESTIONS:
        raise MessageError(f"一份问卷最多{MAX_QUESTIONS}道题", 400)
    for n, q in enumerate(questions, start=1):
        if q.kind not in (Question.SINGLE, Question.MULTIPLE, Question.TEXT):
            raise MessageError(f"第{n}题的题型无效", 400)
        if q.kind != Question.TEXT and len(q.options) < 2:
            raise MessageError(f"第{n}题“{q.text}”是选择题，至少要有两个选项", 400)
    checked = file_rules.check(list(uploads)) if uploads else []
    with transaction.atomic():
        c = Consultation.objects.create(
            organ=organ,
            created_by=actor,
            **{
                k: fields[k]
                for k in ("kind", "title", "description", "starts_on", "ends_on", "contact")
            },
        )
        for n, q in enumerate(questions, start=1):
            Question.objects.create(
                consultation=c, order=n, text=q.text, kind=q.kind, options="\n".join(q.options)
            )
        ConsultationFile.objects.bulk_create(
            ConsultationFile(consultation=c, **stored(item, organ.pk, c.pk)) for item in checked
        )
    return c


def publish(c: Consultation, actor: Any) -> Consultation:
    _staff(c, flow.PUBLISH, actor)
    c.published_at = timezone.now()
    c.published_by = actor
    c.save(update_fields=["published_at", "published_by"])
    return c


def comment(c: Consultation, body: str, name: str = "", contact: str = "") -> Comment:
    _public(c, flow.COMMENT, "该征集{status}，不再接收意见")
    if c.kind == ConsultationKind.SURVEY:
        raise MessageError("问卷调查请填写问卷", 400)
    body = body.strip()
    if len(body) < 2:
        raise MessageError("请填写意见内容", 400)
    return Comment.objects.create(
        consultation=c, body=body, name=name.strip(), contact=contact.strip()
    )


def respond(c: Consultation, given: Mapping[int, Sequence[str]]) -> Response:
    """One filled-in questionnaire: ``given`` maps question id → chosen options (or the
    free text as one element). Every choice question must be answered from its options."""
    _public(c, flow.RESPOND, "该调查{status}，不再接收答卷")
    questions = list(c.questions.all())
    answers: list[Answer] = []
    for n, q in enumerate(questions, start=1):
        values = [v.strip() for v in given.get(q.pk, ()) if v and v.strip()]
        if q.kind == Question.TEXT:
            if values:
                answers.append(Answer(question=q, text=values[0][:2000]))
            continue
        if not values:
            raise MessageError(f"请回答第{n}题“{q.text}”", 400)
        if q.kind == Question.SINGLE and len(values) > 1:
            raise MessageError(f"第{n}题只能选一项", 400)
        wrong = [v for v in values if v not in q.choices]
        if wrong:
            raise MessageError(f"第{n}题没有选项“{wrong[0]}”", 400)
        answers += [Answer(question=q, choice=v) for v in dict.fromkeys(values)]
    with transaction.atomic():
        response = Response.objects.create(consultation=c)
        for a in answers:
            a.response = response
        Answer.objects.bulk_create(answers)
    return response


def sort_comment(row: Comment, actor: Any, theme: str, adopted: bool | None) -> Comment:
    _staff(row.consultation, flow.SORT, actor)
    row.theme = theme.strip()[:50]
    row.adopted = adopted
    row.save(update_fields=["theme", "adopted"])
    return row


def write_feedback(c: Consultation, actor: Any, summary: str, reasons: str) -> Feedback:
    _staff(c, flow.WRITE_FEEDBACK, actor)
    if not summary.strip():
        raise MessageError("请填写反馈说明", 400)
    unsorted = c.comments.filter(adopted__isnull=True).count()
    if unsorted:
        raise MessageError(f"还有{unsorted}条意见未标明是否采纳", 400)
    if c.comments.filter(adopted=False).exists() and not reasons.strip():
        raise MessageError("有未采纳的意见，须说明未采纳的理由", 400)
    feedback, _ = Feedback.objects.update_or_create(
        consultation=c,
        defaults={"summary": summary.strip(), "not_adopted_reasons": reasons.strip()},
    )
    return feedback


def publish_feedback(c: Consultation, actor: Any) -> Feedback:
    _staff(c, flow.PUBLISH_FEEDBACK, actor)
    feedback: Feedback = c.feedback
    feedback.published_at = timezone.now()
    feedback.save(update_fields=["published_at"])
    return feedback


@dataclass(frozen=True)
class ThemeRow:
    theme: str
    received: int
    adopted: int
    not_adopted: int


def adoption(c: Consultation) -> list[ThemeRow]:
    """采纳情况 by theme (comments without a theme under 其他)."""
    rows = (
        c.comments.values("theme")
        .annotate(
            n=Count("id"),
            yes=Count("id", filter=Q(adopted=True)),
            no=Count("id", filter=Q(adopted=False)),
        )
        .order_by("-n", "theme")
    )
    return [ThemeRow(r["theme"] or "其他", r["n"], r["yes"], r["no"]) for r in rows]


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    counts: list[tuple[str, int]]
    texts: list[str]
    answered: int


def results(c: Consultation) -> list[QuestionResult]:
    """Per question: how often each option was chosen, and the free-text answers with
    personal numbers blotted out."""
    out = []
    for q in c.questions.all():
        answers = list(q.answers.all())
        if q.kind == Question.TEXT:
            texts = [privacy.masked_text(a.text) for a in answers if a.text]
            out.append(QuestionResult(q, [], texts, len(texts)))
            continue
        chosen = Counter(a.choice for a in answers)
        counts = [(option, chosen.get(option, 0)) for option in q.choices]
        out.append(QuestionResult(q, counts, [], len({a.response_id for a in answers})))
    return out


@dataclass(frozen=True)
class YearCounts:
    consultations: int
    comments: int
    feedbacks: int
    surveys: int
    responses: int


def counts(organ: Organ, year: int) -> YearCounts:
    """Consultations and surveys published by ``organ`` that started in ``year``."""
    published = Consultation.objects.filter(
        organ=organ, published_at__isnull=False, starts_on__year=year
    )
    surveys = published.filter(kind=ConsultationKind.SURVEY)
    others = published.exclude(kind=ConsultationKind.SURVEY)
    return YearCounts(
        consultations=others.count(),
        comments=Comment.objects.filter(consultation__in=others).count(),
        feedbacks=Feedback.objects.filter(
            consultation__in=others, published_at__isnull=False
        ).count(),
        surveys=surveys.count(),
        responses=Response.objects.filter(consultation__in=surveys).count(),
    )


def sentence(c: YearCounts) -> str:
    """开展意见征集N次…; empty when there were none."""
    parts = []
    if c.consultations:
        parts.append(
            f"开展意见征集{c.consultations}次，收到意见{c.comments}条，发布意见采纳情况反馈{c.feedbacks}次"
        )
    if c.surveys:
        parts.append(f"开展问卷调查{c.surveys}次，收回答卷{c.responses}份")
    return "；".join(parts) + "。" if parts else ""
