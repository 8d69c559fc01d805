"""The only code that writes applications: each function is one transaction.

``apply(case, event, actor, reason)`` looks the change up in ``workflow.TABLE``, checks the
caller's role and the transition's guard, and writes the event row, the new state and the
re-derived dates in one transaction. Concurrency is optimistic: the case's ``version``
must still be the one the caller read, otherwise ``Conflict`` and nothing is written.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from gongkai.deadlines.calendar import WorkCalendar
from gongkai.deadlines.clock import ClockPolicy, ClockState, compute
from gongkai.deadlines.periods import (
    fee_payment_due,
)
from gongkai.organs.models import Organ
from gongkai.organs.querysets import roles_in

from . import answers, fees, guards
from . import files as reply_files_mod
from .clock import Step, clock_events
from .delivery_details import payload as delivery_payload
from .errors import Conflict, InvalidInput, NotAllowedInState, RoleNotAllowed
from .history import REVIEW_LEVELS as REVIEW_LEVELS
from .history import last, since_reopen
from .history import review_round as review_round
from .letters import LETTER_TITLE
from .models import (
    RECEIPT_BASIS_BY_CHANNEL,
    Appeal,
    Application,
    CaseEvent,
    Notice,
    NumberSequence,
    PersonalDataAccess,
    ReplyFile,
)
from .periods import ANSWER_DAYS as ANSWER_DAYS
from .periods import CORRECTION_REPLY_DAYS as CORRECTION_REPLY_DAYS
from .periods import INTERNAL_TARGET_MARGIN as INTERNAL_TARGET_MARGIN
from .querysets import reply_files as reply_files
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

RECEIVING = (Event.REGISTER, Event.CONFIRM, Event.REOPEN)

MAX_EXTENSION = 20  # working days (Art 33)

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


def today() -> date:
    return timezone.localdate()


def current_calendar() -> WorkCalendar:
    """The site's working-day calendar (the shipped table plus what administrators entered)."""
    return _calendar()


def _calendar() -> WorkCalendar:
    try:
        from gongkai.workcalendar.calendar import current_calendar
    except ImportError:  # the platform's calendar integration not installed
        return WorkCalendar.from_shipped()
    return current_calendar()


# ---------------------------------------------------------------------------- roles


def roles_of(user: Any, organ: Organ) -> set[Role]:
    """The workflow roles ``user`` holds in ``organ`` (officer, reviewer, head)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    held = set(roles_in(user, organ))
    return {r for r in (Role.OFFICER, Role.REVIEWER, Role.HEAD) if r.value in held}


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


# ---------------------------------------------------------------------------- facts


def _events(case: Application) -> list[CaseEvent]:
    return list(case.events.order_by("seq"))


@dataclass(frozen=True)
class Projection:
    state: str
    received_on: date | None
    receipt_basis: str
    due_on: date | None
    half_on: date | None
    target_on: date | None
    clock_paused: bool
    due_provisional: bool
    answer: str
    outcome: str
    closed_on: date | None

    def as_fields(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Facts:
    state: str
    received_on: date | None
    receipt_basis: str
    answer: str
    outcome: str
    closed_on: date | None


def facts(events: Iterable[Any]) -> Facts:
    """State, receipt, answer and first closing from events (rows or anything with
    ``action``, ``on``, ``before``, ``after`` and ``data``), in order."""
    state = State.NEW.value
    received_on: date | None = None
    basis = ""
    answer = ""
    outcome = ""
    closed_on: date | None = None
    for e in events:
        if e.after:
            state = e.after
        if e.action in (Event.REGISTER, Event.CONFIRM):
            received_on = e.on
            basis = str(e.data.get("receipt_basis", ""))
        elif e.action == Event.DRAFT_REPLY:
            answer = str(e.data["answer"])
        elif e.after in (State.CLOSED, State.WITHDRAWN) and closed_on is None:
            closed_on = e.on
            t = transition(State(e.before), Event(e.action))
            if t is not None and t.outcome:
                outcome = t.outcome
                answer = answers.ANSWER_BY_ROW_FOR_WORKFLOW[t.outcome].key
            else:
                outcome = answers.answer(answer).table3_row
    return Facts(state, received_on, basis, answer, outcome, closed_on)


def project(case: Application, events: list[CaseEvent], calendar: Any = None) -> Projection:
    """Everything the case row caches, derived from the events alone."""
    f = facts(events)
    due = half = target = None
    provisional = False
    paused = f.state in (State.CORRECTION, State.CONSULTING, State.FEE_PENDING)
    if f.received_on is not None and f.state not in (State.CLOSED, State.WITHDRAWN):
        state = clock_state(case, events, calendar or _calendar())
        due, half, target = state.final_due, state.halfway, state.internal_target
        provisional = state.due_provisional
    return Projection(
        f.state,
        f.received_on,
        f.receipt_basis,
        due,
        half,
        target,
        paused,
        provisional,
        f.answer,
        f.outcome,
        f.closed_on,
    )


CLOCK_POLICY = ClockPolicy(internal_target_workdays=ANSWER_DAYS - INTERNAL_TARGET_MARGIN)


def clock_state(case: Application, events: list[CaseEvent], calendar: Any = None) -> ClockState:
    """The statutory clock of the current answer period, with its explanation."""
    steps = [Step(e.action, e.on, e.data) for e in since_reopen(events)]
    day = today()
    received = next((s.on for s in steps if s.kind in RECEIVING), day)
    return compute(
        clock_events(steps, case.channel),
        calendar or _calendar(),
        CLOCK_POLICY,
        max(day, received),
    )


# ---------------------------------------------------------------------------- payloads


def _payload(
    event: Event, case: Application, events: list[CaseEvent], on: date, data: Mapping[str, Any]
) -> dict[str, Any]:
    """Validate and complete the event's data (Chinese errors, nothing written yet)."""
    out: dict[str, Any] = {}
    if event is Event.REQUEST_CORRECTION:
        points = [str(p).strip() for p in data.get("points", []) if str(p).strip()]
        if not points:
            raise InvalidInput("补正通知应一次性列明需要补正的全部事项，至少一项")
        reply_by = data.get("reply_by")
        provisional = False
        if reply_by is None:
            cal = _calendar()
            reply_by = cal.add_workdays(on, CORRECTION_REPLY_DAYS)
            provisional = _crosses_provisional(cal, on, reply_by)
        elif isinstance(reply_by, str):
            reply_by = _date(reply_by, "补正期限")
        if reply_by <= on:
            raise InvalidInput(f"补正期限应晚于通知日期{on.isoformat()}")
        out = {"points": points, "reply_by": reply_by.isoformat()}
        if provisional:
            out["reply_by_provisional"] = True
            out["reply_workdays"] = CORRECTION_REPLY_DAYS
    elif event is Event.OPEN_CONSULTATION:
        party = data.get("party", "third_party")
        if party not in ("third_party", "other_organ"):
            raise InvalidInput("征求意见对象应为“第三方”或“其他行政机关”")
        out = {"party": party, "name": str(data.get("name", "")).strip()}
    elif event is Event.REQUEST_EXTENSION:
        days = _int(data.get("workdays", MAX_EXTENSION), "延长的工作日数")
        if not 1 <= days <= MAX_EXTENSION:
            raise InvalidInput(f"延长期限应为1至20个工作日（条例第三十三条），收到{days}")
        out = {"workdays": days}
    elif event is Event.APPROVE_EXTENSION:
        request = last(events, Event.REQUEST_EXTENSION)
        assert request is not None
        out = {"workdays": int(request.data["workdays"])}
    elif event is Event.SEND_FEE_NOTICE:
        try:
            q = fees.quote(
                str(data.get("method", "")),
                _int(data.get("units"), "计费数量"),
                _int(data.get("earlier", 0), "本月此前申请件数"),
            )
        except fees.FeeError as exc:
            raise InvalidInput(str(exc)) from None
        cal = _calendar()
        pay_by = fee_payment_due(on, cal)
        out = {
            "method": q.method.value,
            "units": q.units,
            "amount": str(q.amount),
            "computation": q.describe(),
            "pay_by": pay_by.isoformat(),
        }
        if _crosses_provisional(cal, on, pay_by):
            out["pay_by_provisional"] = True
    elif event is Event.DRAFT_REPLY:
        out = {"answer": str(data.get("answer", ""))}
        titles = data.get("file_titles") or []
        if isinstance(titles, str):
            titles = titles.splitlines()
        if titles:
            out["file_titles"] = [str(t) for t in titles]
    elif event is Event.DELIVER:
        out = delivery_payload(case, data)
    elif event is Event.MERGE:
        into = str(data.get("into", "")).strip()
        if not into:
            raise InvalidInput("请指定合并至哪一件申请（申请编号）")
        out = {"into": into}
    elif event in (Event.REGISTER, Event.CONFIRM):
        out = {"receipt_basis": str(data.get("receipt_basis", ""))}
    return out


def _crosses_provisional(calendar: WorkCalendar, start: date, end: date) -> bool:
    """Whether counting from ``start`` to ``end`` used a provisional year's days."""
    return any(calendar.is_provisional(y) for y in range(start.year, end.year + 1))


def _int(value: Any, name: str) -> int:
    if value is None or value == "":
        raise InvalidInput(f"请填写{name}")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{name}应为整数，收到“{value}”") from None


def _date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name}应为日期（如2025-03-01），收到“{value}”") from None


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
        events = _events(case)
        if events and day < events[-1].on:
            raise InvalidInput(
                f"日期{day.isoformat()}早于上一条办理记录的日期{events[-1].on.isoformat()}"
            )
        if day > today():
            raise InvalidInput(f"日期{day.isoformat()}不能晚于今天")
        payload = _payload(ev, case, events, day, data or {})
        guards.check(
            guards.Context(t, case, since_reopen(events), actor, day, payload, _calendar), role
        )
        if ev is Event.DRAFT_REPLY:
            chosen = answers.ANSWER_BY_KEY[str(payload["answer"])]
            problem = answers.reason_problem(chosen, reason)
            if problem:
                raise InvalidInput(f"答复理由或说明：{problem}")
        titles = file_titles(payload.pop("file_titles", []), provided)
        if provided:
            payload["files"] = [
                {"name": f.name, "title": title, "size": f.size, "sha256": f.sha256}
                for f, title in zip(provided, titles, strict=True)
            ]
        payload.update(recorded or {})
        row = _write(case, t, events, actor, role, day, reason, payload)
        if provided:
            _store_files(case, row, provided, titles)
        return row


FILE_TITLE_MAX = 200


def file_titles(given: Sequence[Any], provided: Sequence[Any]) -> list[str]:
    """The attachment title of each file provided with a reply, in the order of the files
    (blank: the file name is listed); refuses more titles than files, or a title too long."""
    titles = [str(t).strip() for t in given]
    while titles and not titles[-1]:
        titles.pop()
    if len(titles) > len(provided):
        raise InvalidInput(
            f"附件名称：填写了{len(titles)}个名称，但只上传了{len(provided)}个文件；"
            "请每行填写一个名称，依次对应所选文件"
        )
    for i, title in enumerate(titles, 1):
        if len(title) > FILE_TITLE_MAX:
            raise InvalidInput(
                f"附件名称：第{i}个名称不能超过{FILE_TITLE_MAX}个字（已输入{len(title)}个）"
            )
    return titles + [""] * (len(provided) - len(titles))


def _store_files(
    case: Application, row: CaseEvent, provided: list[Any], titles: Sequence[str] = ()
) -> None:
    """Write the files and their rows, each with its title (``titles`` in the order of the
    files; a missing or blank one leaves the title blank: the file name is listed); on any
    failure remove what was written (the surrounding transaction then drops the rows)."""
    written: list[str] = []
    try:
        for i, f in enumerate(provided):
            path = reply_files_mod.store(f, case.organ_id, case.pk)
            written.append(path)
            ReplyFile.objects.create(
                application=case,
                event=row,
                name=f.name,
                title=titles[i] if i < len(titles) else "",
                path=path,
                content_type=f.content_type,
                size=f.size,
                sha256=f.sha256,
            )
    except BaseException:
        for path in written:
            reply_files_mod.remove(path)
        raise


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


def new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(24)
    return token, digest(token)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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
            _store_files(case, row, provided)
            for stored, title in zip(row.files.order_by("id"), titles, strict=True):
                stored.title = title
                stored.save(update_fields=["title"])
    return case, token


def applicant_files(case: Application) -> list[ReplyFile]:
    """The documents sent with the online application (ID copy, 授权委托书): the organ's
    staff see them on the case page; they are never files of the reply."""
    return list(
        ReplyFile.objects.filter(application=case, event__action=Event.SUBMIT_ONLINE).order_by("id")
    )


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


LOOKUP_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def lookup_code(token: str) -> str:
    """The short 查询码 that goes with a private token (``ABCD-EFGH``): with the number it
    finds the case again when the link is lost. Derived from the token, stored as a digest."""
    raw = hashlib.sha256(b"gongkai-lookup:" + token.encode("utf-8")).digest()
    letters = "".join(LOOKUP_ALPHABET[b % 32] for b in raw[:8])
    return f"{letters[:4]}-{letters[4:]}"


def lookup_digest(number: str, code: str) -> str:
    normal = code.upper().replace("-", "").replace(" ", "").translate(str.maketrans("01", "OI"))
    return hashlib.sha256(f"{number}:{normal}".encode()).hexdigest()


def case_for_lookup(number: str, code: str) -> Application | None:
    """The case with this number whose 查询码 is ``code`` (None for every wrong pair)."""
    number = number.strip().upper()
    case = Application.objects.select_related("organ").filter(number=number).first()
    if case is None or not case.lookup_digest or not code.strip():
        return None
    if not secrets.compare_digest(case.lookup_digest, lookup_digest(number, code)):
        return None
    return case


MOBILE = re.compile(r"1[3-9]\d{9}")
"""A mainland mobile number (after dropping spaces, hyphens and a +86 prefix)."""
ID_TAIL = 4
_NO_TAIL = "\x00" * ID_TAIL


def has_mobile(phone: str) -> bool:
    """Whether ``phone`` looks like a mainland mobile number (13800000000, +86 138-0000-0000)."""
    digits = unicodedata.normalize("NFKC", phone).replace(" ", "").replace("-", "")
    digits = digits.removeprefix("+86").removeprefix("0086")
    return MOBILE.fullmatch(digits) is not None


def case_for_id_tail(number: str, tail: str) -> Application | None:
    """The case with this number whose applicant gave a mobile number and whose ID
    document ends with ``tail`` (its last 4 characters, any case, full-width accepted);
    None for every wrong pair, by the same path whether or not the number exists."""
    number = number.strip().upper()
    given = unicodedata.normalize("NFKC", tail).strip().upper()
    case = Application.objects.select_related("organ").filter(number=number).first()
    expected = _NO_TAIL
    if case is not None and has_mobile(case.phone):
        on_file = unicodedata.normalize("NFKC", case.id_number).strip().upper()
        if len(on_file) >= ID_TAIL:
            expected = on_file[-ID_TAIL:]
    matches = secrets.compare_digest(
        expected.encode("utf-8"), given.encode("utf-8") if len(given) == ID_TAIL else b"-"
    )
    return case if matches and expected != _NO_TAIL else None


def case_for_token(number: str, token: str) -> Application | None:
    case = Application.objects.select_related("organ").filter(number=number).first()
    if case is None or not token or not secrets.compare_digest(case.token_digest, digest(token)):
        return None
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
            _store_files(case, row, provided)
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


def replay(case: Application) -> Projection:
    """The projection recomputed from the events (for checks and repairs)."""
    return project(case, _events(case))


def recompute_open_cases(organ_ids: Iterable[int] | None = None, *, reason: str = "") -> int:
    """Re-derive the dates of every open case (after the working-day calendar changed);
    a case whose dates move gets a ``calendar`` event citing ``reason``."""
    calendar = _calendar()
    cases = Application.objects.filter(state__in=[s.value for s in OPEN_STATES])
    if organ_ids is not None:
        cases = cases.filter(organ_id__in=list(organ_ids))
    changed = 0
    for case in cases.select_related("organ").iterator():
        with transaction.atomic():
            fields = project(case, _events(case), calendar).as_fields()
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
