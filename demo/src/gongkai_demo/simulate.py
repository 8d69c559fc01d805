"""A simulated caseload: random but valid event histories, written with bulk inserts.

Every history follows ``workflow.TABLE`` (an impossible step raises), and the case rows'
facts are derived from the generated events by ``projection.facts`` — the same derivation
``apply`` uses — so the simulated data is what the services would have written, without
paying for 100,000 transactions. Used by the simulated-year test and the benchmark.

Without a ``calendar`` one shortcut is taken: the due date of a simulated open case is its
receipt date plus 28 calendar days (it only orders the queue in the benchmark). With a
``calendar`` (the demo) nothing is typed: staff act on working days only, the 补正 and fee
periods and the open cases' dates are computed by the statutory clock, and lapses come the
working day after the period ends. Everything the statistics read (receipt, first
closing, outcome, appeals) is derived from the events either way.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from gongkai.applications import answers
from gongkai.applications.clock import CLOCK_POLICY, Step, clock_events
from gongkai.applications.models import Appeal, Application, CaseEvent, NumberSequence
from gongkai.applications.periods import CORRECTION_REPLY_DAYS
from gongkai.applications.projection import facts
from gongkai.applications.tally import APPLICANT_COLUMNS
from gongkai.applications.workflow import Event, Role, State, transition
from gongkai.deadlines import WorkCalendar, compute
from gongkai.deadlines.periods import fee_payment_due
from gongkai.organs.models import Organ

CHANNELS = ("letter", "fax", "email", "in_person", "online")
APPEAL_KINDS = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
APPEAL_OUTCOMES = ("upheld", "corrected", "other", "")


@dataclass
class _Ev:
    action: str
    on: date
    before: str
    after: str
    role: str
    data: dict[str, Any] = field(default_factory=dict)
    reason: str = ""


# The reason written with each simulated reply: the letters of the demo read as real ones.
REPLY_REASONS: dict[str, str] = {
    "already_public": "该信息已在示范区人民政府门户网站“政府信息公开”专栏主动公开，可在该栏目检索标题查阅。",
    "granted": "",
    "partially_granted": "所申请材料中的个人身份证号码、联系电话属于个人隐私，公开会对第三方合法权益造成损害，已作删除处理。",
    "withheld_state_secret": "该文件经定密责任人确定为国家秘密，依法不得公开。",
    "withheld_prohibited_by_law": "《中华人民共和国统计法》规定统计调查中获得的能够识别单个统计调查对象的资料应当保密。",
    "withheld_security_stability": "该信息涉及重要基础设施的具体位置和防护措施，公开后可能危及公共安全。",
    "withheld_third_party_rights": "该信息含有投标企业的商业秘密，经书面征求意见，第三方不同意公开。",
    "withheld_internal_affairs": "该信息为本机关内部人事管理信息，不属于应当公开的政府信息。",
    "withheld_process_information": "该信息为本机关研究讨论过程中形成的会议记录，属于过程性信息。",
    "withheld_enforcement_files": "该信息为行政处罚案件的执法案卷材料，属于行政执法案卷信息。",
    "special_access": "企业登记资料请依照《企业信息公示暂行条例》的规定，向市场监督管理部门申请查询。",
    "not_held": "本机关在职责范围内进行了检索，未制作或获取该信息。",
    "not_responsible": "该信息由示范区教育局制作，请向该局申请公开（地址：示范区示范路12号，电话：0999-81000003）。",
    "needs_creation": "所申请的统计汇总数据需要对多个年度的原始档案进行汇总、分析后方能形成。",
    "still_unclear": "补正后的申请仍未写明所需文件的名称、文号或者便于确定的特征性描述。",
    "petition": "您反映的问题可通过示范区12345政务服务便民热线或信访渠道提出。",
    "repeated": "本机关已于此前就同一信息作出答复，申请编号见此前的答复告知书。",
    "publication": "《示范区年鉴》可在示范区图书馆、档案馆查阅，或通过正规出版发行渠道购买。",
    "excessive": "您在一个月内提出申请三十余件，经书面要求说明理由，所述理由与申请数量明显不相称。",
    "confirmation": "您要求本机关对已获取文件的真实性出具证明，不属于获取政府信息的申请。",
    "other": "经电话联系，您已在本机关政务服务窗口现场查阅所需文件，表示不再需要书面答复。",
}


@dataclass
class _History:
    rng: random.Random
    day: date
    until: date
    calendar: WorkCalendar | None = None
    state: State = State.NEW
    events: list[_Ev] = field(default_factory=list)

    def step(self, event: Event, role: Role, gap: int = 0, **data: Any) -> bool:
        """Append ``event`` ``gap`` days later (on a working day when there is a calendar,
        except the public's own submission); False once past ``until`` (history ends)."""
        day = self.day + timedelta(days=gap)
        if self.calendar is not None and role is not Role.PUBLIC:
            day = self.calendar.workday_on_or_after(day)
        if day > self.until:
            return False
        t = transition(self.state, event)
        if t is None:
            raise AssertionError(f"simulated an impossible step {self.state} → {event}")
        self.events.append(_Ev(event.value, day, t.state.value, t.target.value, role.value, data))
        self.state, self.day = t.target, day
        return True


def _after(h: _History, last_day: date, fallback: int) -> int:
    """The gap in days from ``h.day`` to the working day after ``last_day`` (a lapse)."""
    if h.calendar is None:
        return fallback
    return (h.calendar.next_workday(last_day) - h.day).days


def _history(
    rng: random.Random,
    received: date,
    until: date,
    channel: str,
    calendar: WorkCalendar | None = None,
) -> _History:
    h = _History(rng, received, until, calendar)
    off, rev, head, sys = Role.OFFICER, Role.REVIEWER, Role.HEAD, Role.SYSTEM
    if channel == "online":
        h.step(Event.SUBMIT_ONLINE, Role.PUBLIC)
        if not h.step(Event.CONFIRM, off, rng.randint(0, 2)):
            return h
    elif not h.step(Event.REGISTER, off, 0, receipt_basis="signed_for"):
        return h
    r = rng.random()
    if r < 0.03:
        h.step(Event.WITHDRAW, off, rng.randint(1, 10))
        return h
    if r < 0.12:
        if not h.step(
            Event.REQUEST_CORRECTION, off, rng.randint(1, 5), points=["写明文号"], reply_by=""
        ):
            return h
        reply_by = (
            h.day + timedelta(days=25)
            if calendar is None
            else calendar.add_workdays(h.day, CORRECTION_REPLY_DAYS)
        )
        h.events[-1].data["reply_by"] = reply_by.isoformat()
        if rng.random() < 0.3:
            h.step(Event.CORRECTION_LAPSED, sys, _after(h, reply_by, 40))
            return h
        if not h.step(Event.CORRECTION_RECEIVED, off, rng.randint(2, 20)):
            return h
    if rng.random() < 0.08:
        if not h.step(Event.OPEN_CONSULTATION, off, rng.randint(1, 5), party="third_party"):
            return h
        event = Event.CONSULTATION_ANSWERED if rng.random() < 0.7 else Event.CONSULTATION_TIMED_OUT
        if not h.step(event, off, rng.randint(5, 25)):
            return h
    if rng.random() < 0.1:
        if not h.step(Event.REQUEST_EXTENSION, off, rng.randint(5, 15), workdays=20):
            return h
        if not h.step(Event.APPROVE_EXTENSION, head, 1, workdays=20):
            return h
    if rng.random() < 0.04:
        if not h.step(Event.SEND_FEE_NOTICE, off, rng.randint(1, 5), amount="700"):
            return h
        if calendar is not None:
            pay_by = fee_payment_due(h.day, calendar)
            h.events[-1].data["pay_by"] = pay_by.isoformat()
        if rng.random() < 0.4:
            lapse = _after(h, pay_by, 35) if calendar is not None else 35
            h.step(Event.FEE_LAPSED, sys, lapse)
            return h
        if not h.step(Event.FEE_PAID, off, rng.randint(1, 20)):
            return h
    answer = rng.choice(answers.OFFICER_ANSWERS).key
    for event, role, gap in (
        (Event.DRAFT_REPLY, off, rng.randint(1, 15)),
        (Event.APPROVE_FIRST, rev, rng.randint(0, 2)),
        (Event.APPROVE_SECOND, rev, rng.randint(0, 2)),
        (Event.SIGN_OFF, head, rng.randint(0, 2)),
        (Event.DELIVER, off, rng.randint(0, 3)),
    ):
        data = {"answer": answer} if event is Event.DRAFT_REPLY else {}
        if not h.step(event, role, gap, **data):
            return h
        if event is Event.DRAFT_REPLY:
            h.events[-1].reason = REPLY_REASONS.get(answer, "")
    return h


def _working_day_near(calendar: WorkCalendar, day: date, until: date) -> date:
    """``day`` or the next working day, or the one before when that is past ``until``."""
    later = calendar.workday_on_or_after(day)
    if later <= until:
        return later
    while not calendar.is_workday(day):
        day -= timedelta(days=1)
    return day


def _dates(
    h: _History, received: date | None, closed: date | None, channel: str, until: date
) -> dict[str, Any]:
    """The open case's dates: computed by the clock with a calendar, else the shortcut."""
    if received is None or closed is not None:
        return {"due_on": None}
    if h.calendar is None:
        return {"due_on": received + timedelta(days=28)}
    steps = [Step(e.action, e.on, e.data) for e in h.events]
    state = compute(clock_events(steps, channel), h.calendar, CLOCK_POLICY, until)
    return {
        "due_on": state.final_due,
        "half_on": state.halfway,
        "target_on": state.internal_target,
        "clock_paused": h.state in (State.CORRECTION, State.CONSULTING, State.FEE_PENDING),
        "due_provisional": state.due_provisional,
    }


def simulate(
    organs: Sequence[Organ],
    count: int,
    *,
    first: date,
    last: date,
    until: date,
    seed: int = 2025,
    appeal_rate: float = 0.03,
    batch: int = 20000,
    calendar: WorkCalendar | None = None,
) -> int:
    """Write ``count`` cases received between ``first`` and ``last`` with histories up to
    ``until``; returns the number of events written. On PostgreSQL the cases and events
    go in with ``COPY`` (about 100,000 cases a minute on 2 cores); elsewhere with
    ``bulk_create``."""
    rng = random.Random(seed)
    span = (last - first).days
    serials: dict[tuple[int, int], int] = {}
    for seq in NumberSequence.objects.filter(organ__in=organs):
        serials[(seq.organ_id, seq.year)] = seq.last
    written = 0
    with transaction.atomic():
        for start in range(0, count, batch):
            cases: list[Application] = []
            histories: list[_History] = []
            for _ in range(start, min(count, start + batch)):
                organ = rng.choice(organs)
                received = first + timedelta(days=rng.randint(0, span))
                channel = rng.choice(CHANNELS)
                if calendar is not None and channel != "online":
                    received = _working_day_near(calendar, received, until)
                h = _history(rng, received, until, channel, calendar)
                key = (organ.pk, received.year)
                serials[key] = serials.get(key, 0) + 1
                f = facts(h.events)
                cases.append(
                    Application(
                        organ=organ,
                        number=f"{organ.slug.upper()}-{received.year}-{serials[key]:05d}",
                        number_year=received.year,
                        serial=serials[key],
                        state=f.state,
                        version=len(h.events),
                        channel=channel,
                        applicant_type=rng.choice(APPLICANT_COLUMNS),
                        applicant_name="模拟申请人",
                        id_type="resident_id",
                        id_number="11010519491231002X",
                        information="模拟申请内容",
                        provision_form="electronic",
                        delivery_method="email",
                        received_on=f.received_on,
                        receipt_basis=f.receipt_basis,
                        **_dates(h, f.received_on, f.closed_on, channel, until),
                        answer=f.answer,
                        outcome=f.outcome,
                        closed_on=f.closed_on,
                    )
                )
                histories.append(h)
            if connection.vendor == "postgresql":
                written += _copy_batch(cases, histories)
            else:
                written += _bulk_batch(cases, histories)
            appeals = []
            for case in cases:
                if case.closed_on is None or rng.random() >= appeal_rate:
                    continue
                lodged = case.closed_on + timedelta(days=rng.randint(5, 55))
                if lodged > until:
                    continue
                outcome = rng.choice(APPEAL_OUTCOMES)
                decided = lodged + timedelta(days=rng.randint(30, 200)) if outcome else None
                if decided is not None and decided > until:
                    decided, outcome = None, ""
                appeals.append(
                    Appeal(
                        application=case,
                        kind=rng.choice(APPEAL_KINDS),
                        lodged_on=lodged,
                        decided_on=decided,
                        outcome=outcome,
                    )
                )
            Appeal.objects.bulk_create(appeals)
        for (organ_id, year), last_serial in serials.items():
            NumberSequence.objects.update_or_create(
                organ_id=organ_id, year=year, defaults={"last": last_serial}
            )
    return written


def _event_at(on: date) -> datetime:
    return timezone.make_aware(datetime.combine(on, time(9)))


def _bulk_batch(cases: list[Application], histories: list[_History]) -> int:
    Application.objects.bulk_create(cases)
    if not cases[0].pk:  # backends that do not return ids
        raise RuntimeError("bulk_create did not return primary keys")
    rows = [
        CaseEvent(
            application=case,
            seq=seq,
            action=ev.action,
            before=ev.before,
            after=ev.after,
            role=ev.role,
            actor_name="模拟",
            at=_event_at(ev.on),
            on=ev.on,
            reason=ev.reason,
            data=ev.data,
        )
        for case, h in zip(cases, histories, strict=True)
        for seq, ev in enumerate(h.events, start=1)
    ]
    CaseEvent.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


EVENT_COLUMNS = (
    "application_id",
    "seq",
    "action",
    "before",
    "after",
    "actor_id",
    "actor_name",
    "role",
    "at",
    "on",
    "reason",
    "data",
    "public",
)


def _copy_batch(cases: list[Application], histories: list[_History]) -> int:
    """The same rows as ``_bulk_batch``, through PostgreSQL's ``COPY`` (ids drawn from the
    table's sequence first, so the events can point at their case)."""
    from psycopg.types.json import Jsonb

    app_table = Application._meta.db_table
    fields = [f for f in Application._meta.concrete_fields]
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [app_table, len(cases)],
        )
        for case, (pk,) in zip(cases, cursor.fetchall(), strict=True):
            case.pk = pk
            case.created_at = now
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        columns = ", ".join(f'"{f.column}"' for f in fields)
        names = [f.attname for f in fields]  # plain str, int, bool, date, datetime values
        with raw.copy(f'COPY "{app_table}" ({columns}) FROM STDIN') as copy:
            for case in cases:
                copy.write_row([getattr(case, name) for name in names])
        written = 0
        event_columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
        with raw.copy(f'COPY "{CaseEvent._meta.db_table}" ({event_columns}) FROM STDIN') as copy:
            for case, h in zip(cases, histories, strict=True):
                for seq, ev in enumerate(h.events, start=1):
                    copy.write_row(
                        (
                            case.pk,
                            seq,
                            ev.action,
                            ev.before,
                            ev.after,
                            None,
                            "模拟",
                            ev.role,
                            _event_at(ev.on),
                            ev.on,
                            ev.reason,
                            Jsonb(ev.data),
                            True,
                        )
                    )
                    written += 1
    return written
