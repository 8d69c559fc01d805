"""The only code that writes applications: each function is one transaction.

``apply(case, event, actor, reason)`` looks the change up in ``workflow.TABLE``, checks the
caller's role and the transition's guard, and writes the event row, the new state and the
re-derived dates in one transaction. Concurrency is optimistic: the case's ``version``
must still be the one the caller read, otherwise ``Conflict`` and nothing is written.

What the writers build on lives beside them: ``payloads`` checks and completes an event's
data, ``guards`` evaluates the table's conditions, ``projection`` derives the case row's
cached fields from its events (``clock`` counts the dates), ``files`` checks and stores the
files that come with an event, ``lookup`` finds a case by its private token or 查询码, and
``rules.roles_of`` says which roles a user holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from gongkai.organs.models import Organ

from . import answers, guards
from . import files as reply_files_mod
from .clock import current_calendar as current_calendar
from .clock import today as today
from .errors import Conflict, InvalidInput, NotAllowedInState, RoleNotAllowed
from .history import since_reopen
from .letters import LETTER_TITLE
from .lookup import lookup_code, lookup_digest, new_token
from .models import (
    RECEIPT_BASIS_BY_CHANNEL,
    Appeal,
    Application,
    CaseEvent,
    Notice,
    NumberSequence,
    PersonalDataAccess,
)
from .payloads import payload as event_payload
from .projection import case_events, project
from .rules import roles_of
from .workflow import (
    EVENT_LABELS,
    OPEN_STATES,
    ROLE_LABELS,
    STATE_LABELS,
    Event,
    Role,
    State,
    Transition,
    transition,
)

NOTIFYING = {
    Event.CONFIRM: "受理告知",
    Event.REQUEST_CORRECTION: "补正申请告知书",
    Event.APPROVE_EXTENSION: "延长答复期限告知书",
    Event.SEND_FEE_NOTICE: "收费通知书",
    Event.DELIVER: LETTER_TITLE,
    Event.CORRECTION_LAPSED: "终止处理告知",
    Event.FEE_LAPSED: "终止处理告知",
    Event.MERGE: "申请合并处理告知书",
}


# ---------------------------------------------------------------------------- roles


def _choose_role(t: Transition, have: set[Role], state: State) -> Role:
    usable = [r for r in Role if r in t.roles and r in have]
    if usable:
        return usable[0]
    need = "、".join(ROLE_LABELS[r] for r in Role if r in t.roles)
    mine = "、".join(ROLE_LABELS[r] for r in Role if r in have) or "无"
    raise RoleNotAllowed(
        f"当前状态“{STATE_LABELS[state]}”下，“{EVENT_LABELS[t.event]}”只能由{need}办理；"
        f"您的角色：{mine}"
    )


# ---------------------------------------------------------------------------- apply


def admit(
    case: Application, event: Event | str, actor: Any, *, as_role: Role | None = None
) -> tuple[Transition, Role]:
    """The checks ``apply`` makes before it reads the event's data, in this order: the
    case is still the version the caller saw (else ``Conflict``), the state allows the
    event (``NotAllowedInState``), the actor holds a role that may do it
    (``RoleNotAllowed``). Returns the transition and the role it is done in."""
    try:
        ev = Event(event)
    except ValueError:
        raise InvalidInput(f"未知的操作“{event}”") from None
    # A case changed since the caller saw it says so first, whatever the state now allows.
    current = Application.objects.filter(pk=case.pk).values_list("version", flat=True).first()
    if current is not None and current != case.version:
        raise conflict(case, case.version)
    state = State(case.state)
    t = transition(state, ev)
    if t is None:
        raise NotAllowedInState(f"当前状态“{STATE_LABELS[state]}”下不能执行“{EVENT_LABELS[ev]}”")
    have = {as_role} if as_role is not None else roles_of(actor, case.organ)
    return t, _choose_role(t, have, state)


def apply(
    case: Application,
    event: Event | str,
    actor: Any,
    reason: str = "",
    *,
    data: Mapping[str, Any] | None = None,
    on: date | None = None,
    as_role: Role | None = None,
    files: Sequence[Any] = (),
    recorded: Mapping[str, Any] | None = None,
) -> CaseEvent:
    """Perform ``event`` on ``case`` as ``actor``; one transaction; raises a ``CaseworkError``.

    ``case.version`` must be the version the caller saw; ``as_role`` is for the system
    (lapses) and the applicant (private link), who hold no organ role. ``files`` are the
    files provided with the reply (uploads; only with ``draft_reply``), checked before
    anything is written and stored with the event. ``recorded``: data the caller has
    already checked, added to the event's data as given (the row is written once).
    """
    t, role = admit(case, event, actor, as_role=as_role)
    ev = t.event
    reason = (reason or "").strip()
    if t.needs_reason and not reason:
        raise InvalidInput(f"“{EVENT_LABELS[ev]}”需要填写理由或说明")
    day = on or today()
    if files and ev is not Event.DRAFT_REPLY:
        raise InvalidInput("只有拟写答复时可以上传答复所附文件")
    provided = reply_files_mod.check(files) if files else []
    with transaction.atomic():
        events = case_events(case)
        if events and day < events[-1].on:
            raise InvalidInput(
                f"日期{day.isoformat()}早于上一条办理记录的日期{events[-1].on.isoformat()}"
            )
        if day > today():
            raise InvalidInput(f"日期{day.isoformat()}不能晚于今天")
        payload = event_payload(ev, case, events, day, data or {})
        guards.check(
            guards.Context(t, case, since_reopen(events), actor, day, payload, current_calendar),
            role,
        )
        if ev is Event.DRAFT_REPLY:
            chosen = answers.ANSWER_BY_KEY[str(payload["answer"])]
            problem = answers.reason_problem(chosen, reason)
            if problem:
                raise InvalidInput(f"答复理由或说明：{problem}")
        titles = reply_files_mod.file_titles(payload.pop("file_titles", []), provided)
        if provided:
            payload["files"] = [
                {"name": f.name, "title": title, "size": f.size, "sha256": f.sha256}
                for f, title in zip(provided, titles, strict=True)
            ]
        payload.update(recorded or {})
        row = _write(case, t, events, actor, role, day, reason, payload)
        if provided:
            reply_files_mod.attach(case, row, provided, titles)
        return row


def _write(
    case: Application,
    t: Transition | None,
    events: list[CaseEvent],
    actor: Any,
    role: Role,
    day: date,
    reason: str,
    payload: dict[str, Any],
    *,
    kind: str | None = None,
    public: bool = True,
) -> CaseEvent:
    seen = case.version
    claimed = Application.objects.filter(pk=case.pk, version=seen).update(version=F("version") + 1)
    if not claimed:
        raise conflict(case, seen)
    try:
        with transaction.atomic():
            row = CaseEvent.objects.create(
                application=case,
                seq=seen + 1,
                action=kind or t.event.value if t else kind or "",
                before=t.state.value if t else "",
                after=t.target.value if t else "",
                actor=actor if getattr(actor, "pk", None) else None,
                actor_name=_name(actor, role),
                role=role.value,
                at=timezone.now(),
                on=day,
                reason=reason,
                data=payload,
                public=public,
            )
    except IntegrityError:
        raise conflict(case, seen) from None
    case.version = seen + 1
    if t is not None:
        events.append(row)
        fields = project(case, events).as_fields()
        Application.objects.filter(pk=case.pk).update(**fields)
        for name, value in fields.items():
            setattr(case, name, value)
        if t.event in NOTIFYING:
            _queue_notice(case, row, NOTIFYING[t.event])
    return row


def conflict(case: Application, seen: int) -> Conflict:
    return Conflict(
        f"申请{case.number}已被他人更新（您看到的是第{seen}版），本次操作未保存，请刷新后重试"
    )


def _name(actor: Any, role: Role) -> str:
    if actor is None or not getattr(actor, "pk", None):
        return ROLE_LABELS[role]
    full = getattr(actor, "get_full_name", lambda: "")()
    return str(full or actor.get_username())


def _queue_notice(case: Application, source: CaseEvent, title: str) -> Notice:
    """The notice for ``source``, numbered (文号 of the organ for the notice's year) and
    kept as the document issued; its text (the e-mail) is derived from that document."""
    from .document_numbers import allocate
    from .letters import notice_document

    number = allocate(case.organ, source.on.year)
    document = notice_document(case, source, title, number)
    row = CaseEvent.objects.create(
        application=case,
        seq=source.seq + 1,
        action="notice",
        role=Role.SYSTEM.value,
        actor_name=ROLE_LABELS[Role.SYSTEM],
        at=timezone.now(),
        on=source.on,
        reason=title,
        data={"for": source.seq},
    )
    Application.objects.filter(pk=case.pk).update(version=F("version") + 1)
    case.version += 1
    return Notice.objects.create(
        application=case,
        event=row,
        kind=source.action,
        title=title,
        document_number=number,
        document=document.as_json(),
        body=document.text(),
        method=_served_by(case, source),
    )


def _served_by(case: Application, source: CaseEvent) -> str:
    """How the notice goes: the reply as its 送达 record says, any other as the applicant
    chose."""
    if source.action == Event.DELIVER and source.data.get("method"):
        return str(source.data["method"])
    return case.delivery_method


def record(
    case: Application,
    kind: str,
    actor: Any,
    reason: str = "",
    *,
    data: Mapping[str, Any] | None = None,
    on: date | None = None,
    public: bool = False,
) -> CaseEvent:
    """An event that changes no state (assignment, note, reminder); same concurrency rule."""
    with transaction.atomic():
        have = roles_of(actor, case.organ)
        role = next(iter(sorted(have)), Role.SYSTEM)
        return _write(
            case,
            None,
            [],
            actor,
            role,
            on or today(),
            reason,
            dict(data or {}),
            kind=kind,
            public=public,
        )


# ---------------------------------------------------------------------------- intake


def _allocate_number(organ: Organ, year: int) -> tuple[str, int]:
    seq, _ = NumberSequence.objects.select_for_update().get_or_create(organ=organ, year=year)
    NumberSequence.objects.filter(pk=seq.pk).update(last=F("last") + 1)
    seq.refresh_from_db()
    return f"{organ.slug.upper()}-{year}-{seq.last:05d}", seq.last


APPLICANT_FIELDS = (
    "applicant_type",
    "applicant_name",
    "id_type",
    "id_number",
    "legal_representative",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "information",
    "document_number",
    "provision_form",
    "delivery_method",
)


def submit_online(
    organ: Organ, fields: Mapping[str, Any], files: Mapping[str, Any] | None = None
) -> tuple[Application, str]:
    """The public form: a case awaiting the organ's confirmation, and its private token.

    ``files`` are the applicant's optional documents by title (``{"授权委托书": upload}``):
    checked under the reply files' rules before anything is written, stored with the
    submission event (for the organ's staff; never part of the reply)."""
    titles = list((files or {}).keys())
    provided = reply_files_mod.check(list((files or {}).values())) if files else []
    with transaction.atomic():
        token, token_digest = new_token()
        case = _create(organ, "online", fields, token_digest, token)
        t = transition(State.NEW, Event.SUBMIT_ONLINE)
        assert t is not None
        payload: dict[str, Any] = {}
        if provided:
            payload["files"] = [
                {"title": title, "name": f.name, "size": f.size, "sha256": f.sha256}
                for title, f in zip(titles, provided, strict=True)
            ]
        row = _write(case, t, [], None, Role.PUBLIC, today(), "", payload)
        if provided:
            reply_files_mod.attach(case, row, provided)
            for stored, title in zip(row.files.order_by("id"), titles, strict=True):
                stored.title = title
                stored.save(update_fields=["title"])
    return case, token


def register(
    organ: Organ,
    fields: Mapping[str, Any],
    actor: Any,
    *,
    channel: str,
    received_on: date,
    receipt_basis: str = "",
    reason: str = "",
) -> tuple[Application, str]:
    """Staff registration of a letter, fax, e-mail or in-person (or oral) application."""
    if channel == "online":
        raise InvalidInput("网上申请由申请人在线提交，请在待确认列表中确认")
    with transaction.atomic():
        token, token_digest = new_token()
        case = _create(organ, channel, fields, token_digest, token)
        basis = receipt_basis or RECEIPT_BASIS_BY_CHANNEL[channel]
        apply(
            case,
            Event.REGISTER,
            actor,
            reason,
            data={"receipt_basis": basis},
            on=received_on,
        )
    return case, token


def _create(
    organ: Organ, channel: str, fields: Mapping[str, Any], token_digest: str, token: str
) -> Application:
    number, serial = _allocate_number(organ, today().year)
    values = {k: fields.get(k, "") for k in APPLICANT_FIELDS}
    case = Application(
        organ=organ,
        number=number,
        number_year=today().year,
        serial=serial,
        channel=channel,
        token_digest=token_digest,
        lookup_digest=lookup_digest(number, lookup_code(token)),
        **values,
    )
    case.full_clean()
    case.save()
    return case


WITHDRAWN_WITHOUT_REASON = "申请人撤回申请（未说明理由）"


def withdraw_by_applicant(case: Application, reason: str = "") -> CaseEvent:
    """The applicant withdraws the application through the private link: one event,
    recorded as 申请人 (raises ``NotAllowedInState`` once the reply is signed off)."""
    return apply(
        case,
        Event.WITHDRAW,
        None,
        reason.strip() or WITHDRAWN_WITHOUT_REASON,
        as_role=Role.APPLICANT,
    )


def can_withdraw(case: Application) -> bool:
    """Whether the applicant may still withdraw (the workflow table decides)."""
    t = transition(State(case.state), Event.WITHDRAW)
    return t is not None and Role.APPLICANT in t.roles


def can_correct(case: Application) -> bool:
    """Whether the applicant may send the 补正 online now (the workflow table decides)."""
    t = transition(State(case.state), Event.CORRECTION_RECEIVED)
    return t is not None and Role.APPLICANT in t.roles


def correct_by_applicant(case: Application, text: str, files: Sequence[Any] = ()) -> CaseEvent:
    """The applicant sends the 补正 through the private link: one 收到补正材料 event on
    today's date, recorded as 申请人, with ``text`` as its reason and ``files`` (the reply
    files' rules) stored with it; the answer period restarts from today (条例第三十条).

    Raises ``NotAllowedInState`` when the case no longer waits for 补正, ``InvalidInput``
    for an empty or placeholder text or a refused file; then nothing is written."""
    from . import corrections

    if not can_correct(case):
        raise NotAllowedInState(corrections.not_waiting(case))
    text = (text or "").strip()
    problem = corrections.text_problem(text)
    if problem:
        raise InvalidInput(f"补正内容：{problem}")
    provided = reply_files_mod.check(list(files)) if files else []
    listed = [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in provided]
    with transaction.atomic():
        row = apply(
            case,
            Event.CORRECTION_RECEIVED,
            None,
            text,
            as_role=Role.APPLICANT,
            recorded={"files": listed} if provided else None,
        )
        if provided:
            reply_files_mod.attach(case, row, provided)
    return row


# ---------------------------------------------------------------------------- appeals


def lodge_appeal(
    case: Application, actor: Any, *, kind: str, lodged_on: date, body: str = ""
) -> Appeal:
    if not roles_of(actor, case.organ):
        raise RoleNotAllowed("只有本机关工作人员可以记录行政复议、行政诉讼")
    if case.received_on is None:
        raise InvalidInput("尚未受理的申请不能记录行政复议、行政诉讼")
    if lodged_on < case.received_on:
        raise InvalidInput(
            f"提起日期{lodged_on.isoformat()}早于收到申请日期{case.received_on.isoformat()}"
        )
    with transaction.atomic():
        appeal = Appeal(application=case, kind=kind, lodged_on=lodged_on, body=body)
        appeal.full_clean()
        appeal.save()
        record(case, "appeal_lodged", actor, body, data={"appeal": appeal.pk, "kind": kind})
    return appeal


def decide_appeal(appeal: Appeal, actor: Any, *, outcome: str, decided_on: date) -> Appeal:
    case = appeal.application
    if not roles_of(actor, case.organ):
        raise RoleNotAllowed("只有本机关工作人员可以记录复议或诉讼结果")
    if decided_on < appeal.lodged_on:
        raise InvalidInput(
            f"审结日期{decided_on.isoformat()}早于提起日期{appeal.lodged_on.isoformat()}"
        )
    with transaction.atomic():
        appeal.outcome = outcome
        appeal.decided_on = decided_on
        appeal.full_clean()
        appeal.save()
        record(case, "appeal_decided", actor, "", data={"appeal": appeal.pk, "outcome": outcome})
    return appeal


# ---------------------------------------------------------------------------- privacy


def log_personal_data_view(case: Application, user: Any, via: str) -> None:
    PersonalDataAccess.objects.create(
        application=case, user=user if getattr(user, "pk", None) else None, via=via
    )


def recompute_open_cases(organ_ids: Iterable[int] | None = None, *, reason: str = "") -> int:
    """Re-derive the dates of every open case (after the working-day calendar changed);
    a case whose dates move gets a ``calendar`` event citing ``reason``."""
    calendar = current_calendar()
    cases = Application.objects.filter(state__in=[s.value for s in OPEN_STATES])
    if organ_ids is not None:
        cases = cases.filter(organ_id__in=list(organ_ids))
    changed = 0
    for case in cases.select_related("organ").iterator():
        with transaction.atomic():
            fields = project(case, case_events(case), calendar).as_fields()
            if all(getattr(case, k) == v for k, v in fields.items()):
                continue
            old_due = case.due_on
            _write(
                case,
                None,
                [],
                None,
                Role.SYSTEM,
                today(),
                reason or "工作日历调整",
                {
                    "due_before": old_due.isoformat() if old_due else None,
                    "provisional_before": case.due_provisional,
                    "due_after": fields["due_on"].isoformat() if fields["due_on"] else None,
                    "provisional_after": fields["due_provisional"],
                },
                kind="calendar",
                public=False,
            )
            Application.objects.filter(pk=case.pk).update(**fields)
            changed += 1
    return changed


def assign(case: Application, assignee: Any, actor: Any) -> CaseEvent:
    """Make ``assignee`` (staff of the organ) the officer in charge; one event."""
    from gongkai.organs import rules as organ_rules

    if not organ_rules.can_handle_cases(actor, case.organ):
        raise RoleNotAllowed("只有本机关公开专员可以指定承办人")
    if not organ_rules.is_staff_of(assignee, case.organ):
        raise InvalidInput(f"{assignee.get_username()}不是{case.organ.name}的工作人员")
    if case.state not in {s.value for s in OPEN_STATES} | {State.AWAITING_CONFIRMATION.value}:
        raise NotAllowedInState(f"申请{case.number}已办结，不能再指定承办人")
    with transaction.atomic():
        row = record(case, "assign", actor, "", data={"assignee": assignee.get_username()})
        Application.objects.filter(pk=case.pk).update(assignee=assignee)
        case.assignee = assignee
    return row
