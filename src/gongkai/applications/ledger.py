"""依申请公开台账 (the ledger): every case of the organs a user may see, open and closed, as
the rows of the paper ledger organs keep.

- ``access_of(user)``: the organs whose cases are listed (``querysets.visible_to``) and those
  where the applicant may be shown (the organ's own staff, ``rules.can_see_personal_data``;
  a supervisor never sees who applied, nor searches by applicant);
- ``LedgerFilters``: the filters of the query string, each refused value explained in
  Chinese beside its filter;
- ``filtered`` and ``sorted_by``: the query (sort keys are whitelisted in ``SORTS``);
- ``COLUMNS`` and ``rows_of``: the ledger's columns and rows as plain data, built for a
  page or a chunk of an export with a fixed number of queries.

The case row keeps ``due_on`` only while a case is open; for a case answered (or ended) the
statutory due date of that answer is recomputed from its events with the working calendar
(``closing_clock``), and "overdue" means still open past ``due_on`` (``querysets.overdue``)
or answered after the due date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, NamedTuple, cast

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import OrderBy
from django.db.models.functions import Coalesce, NullIf

from gongkai.annual import schema
from gongkai.deadlines import DeadlineError, WorkCalendar, compute
from gongkai.organs.models import Membership, Organ
from gongkai.organs.querysets import case_organs
from gongkai.organs.roles import CASEWORK_ROLES, Role

from . import answers
from . import querysets as q
from .clock import CLOCK_POLICY, Step, clock_events
from .models import APPLICANT_TYPES as APPLICANT_TYPE_CHOICES
from .models import (
    Appeal,
    AppealKind,
    AppealOutcome,
    Application,
    CaseEvent,
    Channel,
    PersonalDataAccess,
)
from .periods import ANSWER_DAYS
from .workflow import STATE_LABELS, Event, State

PER_PAGE: Final = 50
CHUNK: Final = 1000
"""Cases built per round of queries (an export of 100,000 cases is 100 rounds)."""

WORKFLOW_KINDS: Final = tuple(e.value for e in Event)
"""The events that move a case (notes, notices and reminders are left out)."""
ENDING_STATES: Final = (State.CLOSED.value, State.WITHDRAWN.value)
"""The first event into one of these is the case's closing (``closed_on``)."""


# ---------------------------------------------------------------------------- who sees what


@dataclass(frozen=True)
class Access:
    organs: tuple[Organ, ...]
    """The organs whose cases are listed, by name."""
    personal_organ_ids: frozenset[int]
    """Of those, the organs where the user is the organ's own staff (sees the applicant)."""

    @property
    def personal(self) -> bool:
        """Whether the applicant column and the search by applicant are offered at all."""
        return bool(self.personal_organ_ids)

    def shows_applicant(self, case: Application) -> bool:
        return case.organ_id in self.personal_organ_ids


def access_of(user: Any) -> Access:
    """The same rule as ``rules.can_see_personal_data`` (``organs.rules.is_staff_of``),
    answered for every listed organ in one query."""
    organs = tuple(case_organs(user).order_by("name"))
    staff = Membership.objects.filter(
        user=user, organ__in=[o.pk for o in organs], role__in=CASEWORK_ROLES
    )
    return Access(
        organs, frozenset(staff.values_list("organ_id", flat=True)) if organs else frozenset()
    )


# ---------------------------------------------------------------------------- filters


class LedgerDateField(forms.DateField):
    """A date; an impossible one (2025-02-30) is named in the message."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> date | None:
        try:
            day: date | None = super().to_python(value)
        except ValidationError:
            raise ValidationError(
                f"应为实际存在的日期，格式如2025-03-01；读到“{str(value).strip()}”",
                code="invalid",
            ) from None
        return day


STATE_CHOICES: Final = [
    ("", "全部状态"),
    ("open", "办理中（全部未答复）"),
    *((s.value, STATE_LABELS[s]) for s in State if s is not State.NEW),
]
ANSWER_CHOICES: Final = [
    ("", "全部答复类型"),
    ("none", "尚未选择答复类型"),
    *((a.key, a.label) for a in answers.ANSWERS),
]
OVERDUE_CHOICES: Final = [
    ("", "不限"),
    ("yes", "逾期（逾期未答复或逾期答复）"),
    ("no", "未逾期"),
]
UNASSIGNED: Final = "none"
INVALID_CHOICE: Final = {"invalid_choice": "没有这一选项：“%(value)s”"}


def _choice(label: str, choices: Sequence[tuple[str, str]] = ()) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, required=False, choices=choices, error_messages=INVALID_CHOICE
    )


def _text(label: str, max_length: int) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        error_messages={"max_length": f"最多{max_length}个字（读到%(show_value)d个）"},
    )


class LedgerFilters(forms.Form):
    """The filters, read from the query string (always bound; empty means no filter)."""

    number = _text("申请编号", 40)
    applicant = _text("申请人（姓名或证件号码）", 200)
    words = _text("所需信息（关键词）", 200)
    organ = _choice("受理机关")
    state = _choice("状态", STATE_CHOICES)
    answer = _choice("答复类型", ANSWER_CHOICES)
    assignee = _choice("承办人")
    received_from = LedgerDateField(label="收到日期（起）", required=False)
    received_to = LedgerDateField(label="收到日期（止）", required=False)
    answered_from = LedgerDateField(label="答复日期（起）", required=False)
    answered_to = LedgerDateField(label="答复日期（止）", required=False)
    overdue = _choice("是否逾期", OVERDUE_CHOICES)

    RANGES: Final = (("received_from", "received_to"), ("answered_from", "answered_to"))

    def __init__(self, data: Mapping[str, Any], *, access: Access, assignees: Iterable[Any]):
        super().__init__(data)
        if not access.personal:
            del self.fields["applicant"]
        if len(access.organs) > 1:
            cast(forms.ChoiceField, self.fields["organ"]).choices = [
                ("", "全部机关"),
                *((o.slug, o.short_name) for o in access.organs),
            ]
        else:
            del self.fields["organ"]
        cast(forms.ChoiceField, self.fields["assignee"]).choices = [
            ("", "全部承办人"),
            (UNASSIGNED, "未指定"),
            *((str(u.pk), u.get_full_name() or u.get_username()) for u in assignees),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for start, end in self.RANGES:
            first, last = data.get(start), data.get(end)
            if first and last and last < first:
                self.add_error(
                    end,
                    f"截止日期{last.isoformat()}早于起始日期{first.isoformat()}，请对调或改正",
                )
        return data


def assignees(cases: QuerySet[Application], organs: Iterable[Organ]) -> QuerySet[Any]:
    """Everyone who can be chosen as 承办人: the organs' officers and whoever handles a case."""
    return (
        get_user_model()
        .objects.filter(
            Q(pk__in=cases.exclude(assignee=None).values("assignee_id"))
            | Q(memberships__organ__in=list(organs), memberships__role=Role.OFFICER)
        )
        .distinct()
        .order_by("first_name", "username")
    )


def filtered(
    cases: QuerySet[Application],
    data: Mapping[str, Any],
    *,
    access: Access,
    on: date,
    calendar: WorkCalendar,
) -> QuerySet[Application]:
    """``cases`` narrowed by the cleaned filters (``LedgerFilters.cleaned_data``)."""
    if number := (data.get("number") or "").strip():
        cases = cases.filter(number__icontains=number)
    if (who := (data.get("applicant") or "").strip()) and access.personal:
        cases = cases.filter(organ_id__in=access.personal_organ_ids).filter(
            Q(applicant_name__icontains=who) | Q(id_number__iexact=who)
        )
    for word in (data.get("words") or "").split():
        cases = cases.filter(information__icontains=word)
    if organ := data.get("organ"):
        cases = cases.filter(organ__slug=organ)
    state = data.get("state")
    if state == "open":
        cases = cases.filter(state__in=q.OPEN)
    elif state:
        cases = cases.filter(state=state)
    answer = data.get("answer")
    if answer == "none":
        cases = cases.filter(answer="")
    elif answer:
        cases = cases.filter(answer=answer)
    assignee = data.get("assignee")
    if assignee == UNASSIGNED:
        cases = cases.filter(assignee=None)
    elif assignee:
        cases = cases.filter(assignee_id=int(assignee))
    for field, lookup in (
        ("received_from", "received_on__gte"),
        ("received_to", "received_on__lte"),
        ("answered_from", "closed_on__gte"),
        ("answered_to", "closed_on__lte"),
    ):
        if data.get(field):
            cases = cases.filter(**{lookup: data[field]})
    overdue = data.get("overdue")
    if overdue:
        late = Q(pk__in=q.overdue(cases, on).values("pk")) | Q(
            pk__in=sorted(late_answer_ids(cases, calendar))
        )
        cases = cases.filter(late) if overdue == "yes" else cases.exclude(late)
    return cases


# ---------------------------------------------------------------------------- sorting


def _in_order(field: str, keys: Sequence[str]) -> Case:
    """``field`` ranked in the order of ``keys`` (workflow order, not alphabetical)."""
    return Case(
        *(When(**{field: key}, then=Value(i)) for i, key in enumerate(keys)),
        default=Value(len(keys)),
        output_field=IntegerField(),
    )


SORTS: Final[Mapping[str, tuple[str, Any]]] = {
    "number": ("申请编号", F("number")),
    "organ": ("受理机关", F("organ__short_name")),
    "received": ("收到日期", F("received_on")),
    "state": ("状态", _in_order("state", [s.value for s in State])),
    "assignee": (
        "承办人",
        Coalesce(NullIf(F("assignee__first_name"), Value("")), F("assignee__username")),
    ),
    "answer": ("答复类型", _in_order("answer", [a.key for a in answers.ANSWERS])),
    "answered": ("答复日期", F("closed_on")),
}
"""The sort keys the page offers: key → (column label, expression)."""
DEFAULT_SORT: Final = "-received"


def sort_param(value: str | None) -> str:
    """A whitelisted sort (``received`` or ``-received``); anything else is the default."""
    value = (value or "").strip()
    return value if value.lstrip("-") in SORTS else DEFAULT_SORT


def sorted_by(cases: QuerySet[Application], sort: str) -> QuerySet[Application]:
    key = sort_param(sort)
    descending = key.startswith("-")
    expression = SORTS[key.lstrip("-")][1]
    # An empty value (not yet received, not yet answered) sorts as the latest, both ways:
    # PostgreSQL's own order, so the (organ, received_on) index serves the default sort.
    first: OrderBy = (
        expression.desc(nulls_first=True) if descending else expression.asc(nulls_last=True)
    )
    tie = F("id").desc() if descending else F("id").asc()
    return cases.order_by(first, tie)


# ---------------------------------------------------------------------------- the clock


def closing_clock(
    events: Sequence[Any], channel: str, calendar: WorkCalendar
) -> tuple[date | None, bool]:
    """The statutory due date of the answer that closed the case, and whether the answer
    came after it (``False`` for a withdrawal or lapse: nothing was answered late).

    ``events`` are the case's workflow events in order (rows or anything with ``action``,
    ``on``, ``data``, ``after``); only those up to the first closing count, the one
    ``closed_on`` records. ``(None, False)`` for a case never closed or whose dates the
    calendar cannot give.
    """
    steps: list[Step] = []
    closing = None
    for e in events:
        steps.append(Step(e.action, e.on, e.data))
        if e.after in ENDING_STATES:
            closing = e
            break
    if closing is None:
        return None, False
    try:
        state = compute(clock_events(steps, channel), calendar, CLOCK_POLICY, closing.on)
    except DeadlineError:
        return None, False
    due = state.final_due
    return due, closing.action == Event.DELIVER and due is not None and closing.on > due


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    size = CHUNK
    for start in range(0, len(items), size):
        yield items[start : start + size]


class EventFacts(NamedTuple):
    """What the ledger reads of one workflow event."""

    action: str
    on: date
    data: dict[str, Any]
    after: str


def events_of(ids: Iterable[int]) -> dict[int, list[EventFacts]]:
    """The workflow events of these cases, in order (one query; plain tuples, no models)."""
    found: dict[int, list[EventFacts]] = {pk: [] for pk in ids}
    rows = (
        CaseEvent.objects.filter(application_id__in=list(found), action__in=WORKFLOW_KINDS)
        .order_by("application_id", "seq")
        .values_list("application_id", "action", "on", "data", "after")
    )
    for pk, *facts in rows:
        found[pk].append(EventFacts(*facts))
    return found


def late_answer_ids(cases: QuerySet[Application], calendar: WorkCalendar) -> set[int]:
    """The cases among ``cases`` answered after their statutory due date.

    Only cases closed more than 20 working days after receipt can be late (pauses,
    extensions and corrections only move the due date later); their events are read in
    chunks and their clocks computed.
    """
    maybe: list[tuple[int, str]] = []
    closed = cases.filter(closed_on__isnull=False, received_on__isnull=False)
    rows = closed.values_list("pk", "received_on", "closed_on", "channel")
    # Both dates are filtered to be present above.
    for pk, received, closed_on, channel in cast(
        "Iterator[tuple[int, date, date, str]]", rows.iterator(chunk_size=CHUNK * 5)
    ):
        try:
            earliest = calendar.add_workdays(received, ANSWER_DAYS)
        except DeadlineError:
            earliest = received
        if closed_on > earliest:
            maybe.append((pk, channel))
    late: set[int] = set()
    for chunk in _chunks(maybe):
        channels = dict(chunk)
        for pk, events in events_of(channels).items():
            if closing_clock(events, channels[pk], calendar)[1]:
                late.add(pk)
    return late


# ---------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    personal: bool = False
    """The applicant's identity: only for the organ's own staff."""


COLUMNS: Final[tuple[Column, ...]] = (
    Column("number", "申请编号"),
    Column("organ", "受理机关"),
    Column("received_on", "收到日期"),
    Column("channel", "申请渠道"),
    Column("applicant_type", "申请人类型"),
    Column("applicant", "申请人", personal=True),
    Column("information", "所需信息"),
    Column("state", "办理状态"),
    Column("assignee", "承办人"),
    Column("answer", "答复类型"),
    Column("outcome", "表三办理结果行"),
    Column("due_on", "法定答复期限"),
    Column("answered_on", "答复日期"),
    Column("delivered_on", "送达日期"),
    Column("workdays", "用时（工作日）"),
    Column("overdue", "是否逾期"),
    Column("appeals", "复议诉讼"),
)
"""The ledger's columns, in order: the page and both exports show exactly these."""


def columns_for(access: Access) -> tuple[Column, ...]:
    return tuple(c for c in COLUMNS if access.personal or not c.personal)


Cell = date | int | str | None


@dataclass(frozen=True)
class LedgerRow:
    case: Application
    values: Mapping[str, Cell]
    """Column key → a date, a number, text or ``None`` (empty)."""
    overdue: bool | None

    def cells(self, columns: Iterable[Column]) -> list[Cell]:
        return [self.values[c.key] for c in columns]


def with_facts(cases: QuerySet[Application]) -> QuerySet[Application]:
    """``cases`` with the organ and the handler (``rows_of`` reads events and appeals)."""
    return cases.select_related("organ", "assignee")


def appeals_of(ids: Iterable[int]) -> dict[int, list[Appeal]]:
    found: dict[int, list[Appeal]] = {pk: [] for pk in ids}
    for appeal in Appeal.objects.filter(application_id__in=list(found)).order_by("lodged_on", "id"):
        found[appeal.application_id].append(appeal)
    return found


CHANNELS: Final = dict(Channel.choices)
APPLICANT_TYPES: Final = dict(APPLICANT_TYPE_CHOICES)
ANSWER_LABELS: Final = {a.key: a.label for a in answers.ANSWERS}


APPEAL_KINDS: Final = dict(AppealKind.choices)
APPEAL_OUTCOMES: Final = dict(AppealOutcome.choices)


def appeals_summary(appeals: Iterable[Appeal]) -> str:
    """``行政复议（2025-03-01提起，结果维持）；…``, or empty when none was lodged."""
    parts = []
    for a in appeals:
        result = APPEAL_OUTCOMES.get(a.outcome, "") if a.decided_on and a.outcome else "尚未审结"
        parts.append(
            f"{APPEAL_KINDS.get(a.kind, a.kind)}（{a.lodged_on.isoformat()}提起，{result}）"
        )
    return "；".join(parts)


def _workdays(calendar: WorkCalendar, start: date | None, end: date | None) -> int | None:
    """Working days from receipt to answer (the day of receipt not counted)."""
    if start is None or end is None:
        return None
    try:
        return calendar.count_workdays(start, end)
    except DeadlineError:
        return None


def row_of(
    case: Application,
    events: Sequence[EventFacts],
    appeals: Sequence[Appeal],
    *,
    access: Access,
    calendar: WorkCalendar,
    on: date,
) -> LedgerRow:
    """One row (no query: ``case`` comes from ``with_facts``)."""
    answer_due, late = closing_clock(events, case.channel, calendar)
    is_open = case.state in q.OPEN
    due = case.due_on if is_open else answer_due
    overdue: bool | None = None
    if case.received_on is not None:
        open_overdue = (
            is_open and case.due_on is not None and not case.clock_paused and case.due_on < on
        )
        overdue = bool(open_overdue or late)
    delivered = [e.on for e in events if e.action == Event.DELIVER]
    row = schema.TABLE3_ROW_BY_KEY.get(case.outcome) if case.outcome else None
    assignee = case.assignee
    values: dict[str, Cell] = {
        "number": case.number,
        "organ": case.organ.short_name,
        "received_on": case.received_on,
        "channel": CHANNELS.get(case.channel, case.channel),
        "applicant_type": APPLICANT_TYPES.get(case.applicant_type, case.applicant_type),
        "applicant": case.applicant_name if access.shows_applicant(case) else None,
        "information": case.information,
        "state": case.state_label,
        "assignee": (assignee.get_full_name() or assignee.get_username()) if assignee else None,
        "answer": ANSWER_LABELS.get(case.answer, case.answer) or None,
        "outcome": row.full_label if row is not None else None,
        "due_on": due,
        "answered_on": case.closed_on,
        "delivered_on": delivered[-1] if delivered else None,
        "workdays": _workdays(calendar, case.received_on, case.closed_on),
        "overdue": None if overdue is None else ("是" if overdue else "否"),
        "appeals": appeals_summary(appeals) or None,
    }
    return LedgerRow(case, values, overdue)


def rows_of(
    cases: Iterable[Application], *, access: Access, calendar: WorkCalendar, on: date
) -> list[LedgerRow]:
    """The rows of ``cases`` (from ``with_facts``): two queries, for the events and the
    appeals, however many cases."""
    listed = list(cases)
    ids = [c.pk for c in listed]
    events, appeals = events_of(ids), appeals_of(ids)
    return [
        row_of(c, events[c.pk], appeals[c.pk], access=access, calendar=calendar, on=on)
        for c in listed
    ]


Log = Callable[[Sequence[LedgerRow]], None]
"""Called with the rows about to be shown or written (a page, a chunk of an export)."""
VIA: Final = {"page": "ledger_page", "xlsx": "ledger_xlsx", "csv": "ledger_csv"}
"""``PersonalDataAccess.via`` of each way the ledger shows applicants."""


def access_log(user: Any, access: Access, via: str) -> Log:
    """Records each shown row whose applicant is shown in the personal-data access log
    (``PersonalDataAccess``, kept per case: "who has seen this applicant" finds the ledger
    too), one insert per call; rows without personal data are not recorded."""

    def log(rows: Sequence[LedgerRow]) -> None:
        shown = [r.case for r in rows if access.shows_applicant(r.case)]
        if shown:
            PersonalDataAccess.objects.bulk_create(
                PersonalDataAccess(application=case, user=user, via=via) for case in shown
            )

    return log


def chunked_rows(
    cases: QuerySet[Application], *, access: Access, calendar: WorkCalendar, on: date
) -> Iterator[list[LedgerRow]]:
    """Every row of ``cases`` (sorted), ``CHUNK`` at a time: the ids first (one query), then
    per chunk the cases with their facts, so memory stays flat whatever the count."""
    ids = list(cases.values_list("pk", flat=True))
    for chunk in _chunks(ids):
        found = {c.pk: c for c in with_facts(Application.objects.filter(pk__in=list(chunk)))}
        yield rows_of(
            (found[pk] for pk in chunk if pk in found), access=access, calendar=calendar, on=on
        )
