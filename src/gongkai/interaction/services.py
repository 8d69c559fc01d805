"""Every change to a message goes through here: one transaction, one event row each.

Views read the request and call one function; the rules (which role, which state, the
reviewer is not the drafter, 选登 only with the citizen's consent) live here and in
``workflow``.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from gongkai.applications import files as file_rules
from gongkai.applications import lookup
from gongkai.applications import services as casework
from gongkai.applications.errors import InvalidInput
from gongkai.applications.models import Application, Channel
from gongkai.deadlines import DeadlineError
from gongkai.organs.models import Membership, Organ
from gongkai.organs.roles import Role

from . import workflow
from .models import (
    DEFAULT_REPLY_WORKDAYS,
    Message,
    MessageEvent,
    MessageFile,
    MessageSequence,
    ReplySettings,
)

ROLES_BY_ORGAN_ROLE: dict[str, frozenset[str]] = {
    Role.OFFICER: frozenset({workflow.OFFICER}),
    Role.REVIEWER: frozenset({workflow.REVIEWER}),
    Role.HEAD: frozenset({workflow.REVIEWER}),
}


class MessageError(Exception):
    """A change refused, with the reason in Chinese and an HTTP status for the page."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def today() -> date:
    return timezone.localdate()


def roles_of(user: Any, organ: Organ) -> set[str]:
    """The message roles ``user`` holds in ``organ`` (empty for the public)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    held = Membership.objects.filter(user=user, organ=organ).values_list("role", flat=True)
    out: set[str] = set()
    for role in held:
        out |= ROLES_BY_ORGAN_ROLE.get(role, frozenset())
    return out


def reply_workdays(organ: Organ) -> int:
    found = ReplySettings.objects.filter(organ=organ).values_list("workdays", flat=True).first()
    return found or DEFAULT_REPLY_WORKDAYS


def due_date(organ: Organ, received_on: date) -> date | None:
    """The last day to reply: the organ's number of working days after the day received
    (``None`` when the calendar does not reach that far)."""
    try:
        return casework.current_calendar().add_workdays(received_on, reply_workdays(organ))
    except DeadlineError:
        return None


def _number(organ: Organ, year: int) -> str:
    seq, _ = MessageSequence.objects.select_for_update().get_or_create(organ=organ, year=year)
    MessageSequence.objects.filter(pk=seq.pk).update(last=F("last") + 1)
    seq.refresh_from_db()
    return f"{organ.slug.upper()}-LY-{year}-{seq.last:05d}"


def _event(
    message: Message,
    kind: str,
    actor: Any,
    note: str = "",
    *,
    public: bool = False,
    on: date | None = None,
) -> MessageEvent:
    last = message.events.aggregate(n=Max("seq"))["n"] or 0
    return MessageEvent.objects.create(
        message=message,
        seq=last + 1,
        action=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        on=on or today(),
        reason=note,
        public=public,
    )


FILE_FIELDS = ("name", "content_type", "size", "sha256", "path")


def stored(item: file_rules.Checked, organ_id: int, owner_id: int) -> dict[str, Any]:
    """Write a checked upload under the organ's folder; the file row's fields."""
    return {
        "name": item.name,
        "content_type": item.content_type,
        "size": item.size,
        "sha256": item.sha256,
        "path": file_rules.store(item, organ_id, owner_id),
    }


def _file_fields(row: MessageFile) -> dict[str, Any]:
    return {k: getattr(row, k) for k in FILE_FIELDS}


MESSAGE_FIELDS = ("kind", "subject", "body", "name", "contact", "publishable")


def _message_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: str(fields.get(k) or "").strip() for k in MESSAGE_FIELDS[:-1]}
    out["publishable"] = bool(fields.get("publishable"))
    return out


def submit(
    organ: Organ,
    fields: Mapping[str, Any],
    uploads: Sequence[Any] = (),
    *,
    received_on: date | None = None,
) -> tuple[Message, str]:
    """The public form: a new message and the private token of its link. Files are checked
    under the reply files' rules before anything is written. ``received_on``: the day it
    arrived when not today (messages loaded from elsewhere, the demo)."""
    checked = file_rules.check(list(uploads)) if uploads else []
    with transaction.atomic():
        token, token_digest = lookup.new_token()
        received = received_on or today()
        number = _number(organ, received.year)
        message = Message(
            organ=organ,
            number=number,
            received_on=received,
            due_on=due_date(organ, received),
            token_digest=token_digest,
            lookup_digest=lookup.lookup_digest(number, lookup.lookup_code(token)),
            **_message_fields(fields),
        )
        message.full_clean()
        message.save()
        MessageFile.objects.bulk_create(
            MessageFile(message=message, **stored(item, organ.pk, message.pk)) for item in checked
        )
        _event(message, "receive", None, public=True, on=received)
    return message, token


def message_for_token(number: str, token: str) -> Message | None:
    if not token:
        return None
    found = Message.objects.select_related("organ").filter(number=number).first()
    if found is None or not hmac.compare_digest(found.token_digest, lookup.digest(token)):
        return None
    return found


def message_for_lookup(number: str, code: str) -> Message | None:
    found = Message.objects.select_related("organ").filter(number=number.strip()).first()
    if found is None or not code.strip():
        return None
    wanted = lookup.lookup_digest(found.number, code)
    return found if hmac.compare_digest(found.lookup_digest, wanted) else None


def _locked(message: Message) -> Message:
    return Message.objects.select_for_update().select_related("organ").get(pk=message.pk)


def _check(message: Message, event: str, actor: Any, note: str) -> workflow.Transition:
    try:
        transition = workflow.find(message.state, event, roles_of(actor, message.organ))
    except workflow.TransitionError as exc:
        raise MessageError(exc.message, status=403 if exc.code == "wrong_role" else 409) from exc
    if transition.needs_comment and not note.strip():
        raise MessageError(f"“{transition.label}”须填写理由", status=400)
    return transition


def _move(message: Message, transition: workflow.Transition, actor: Any, note: str) -> None:
    message.state = transition.target
    message.save()
    _event(message, transition.event, actor, note.strip(), public=transition.public)


def save_draft(message: Message, actor: Any, reply: str) -> Message:
    reply = reply.strip()
    if not reply:
        raise MessageError("答复内容不能为空", status=400)
    if len(reply) > 5000:
        raise MessageError(f"答复内容不能超过5000字（现有{len(reply)}字）", status=400)
    with transaction.atomic():
        message = _locked(message)
        transition = _check(message, "draft", actor, "")
        message.reply = reply
        message.drafted_by = actor
        _move(message, transition, actor, "")
    return message


def submit_reply(message: Message, actor: Any) -> Message:
    with transaction.atomic():
        message = _locked(message)
        transition = _check(message, "submit", actor, "")
        if not message.reply.strip():
            raise MessageError("请先写好答复内容再提交审核", status=400)
        _move(message, transition, actor, "")
    return message


def send_back(message: Message, actor: Any, note: str) -> Message:
    with transaction.atomic():
        message = _locked(message)
        transition = _check(message, "send_back", actor, note)
        _move(message, transition, actor, note)
    return message


def approve(message: Message, actor: Any, *, publish: bool = False) -> Message:
    """The reviewer approves the reply: it is sent (the citizen sees it on the private
    page) and, when the citizen agreed and the reviewer chooses, shown in 留言选登."""
    with transaction.atomic():
        message = _locked(message)
        transition = _check(message, "approve", actor, "")
        if message.drafted_by_id is not None and message.drafted_by_id == actor.pk:
            raise MessageError("答复须由起草人以外的审核人审核", status=403)
        if publish and not message.publishable:
            raise MessageError("留言人未同意公开，不能在留言选登中公开", status=400)
        message.replied_on = today()
        _move(message, transition, actor, "")
        if publish:
            _publish(message, actor)
    return message


def _publish(message: Message, actor: Any) -> None:
    message.public = True
    message.published_at = timezone.now()
    message.save(update_fields=["public", "published_at"])
    _event(message, "publish", actor)


def set_public(message: Message, actor: Any, public: bool, note: str = "") -> Message:
    """Show a replied message in 留言选登, or take it down (with a reason)."""
    with transaction.atomic():
        message = _locked(message)
        if not roles_of(actor, message.organ) & {workflow.REVIEWER}:
            raise MessageError("选登须由审核人或机构负责人决定", status=403)
        if message.state != workflow.REPLIED:
            raise MessageError("只有已答复的留言可以选登", status=409)
        if public:
            if not message.publishable:
                raise MessageError("留言人未同意公开，不能在留言选登中公开", status=400)
            if not message.public:
                _publish(message, actor)
        elif message.public:
            if not note.strip():
                raise MessageError("撤下选登须填写理由", status=400)
            message.public = False
            message.save(update_fields=["public"])
            _event(message, "unpublish", actor, note.strip())
    return message


def transfer(message: Message, actor: Any, target: Organ, note: str) -> Message:
    """转办: the message goes to ``target`` as a new message (its own number, same private
    link); the citizen's page says where and why; the target's officers find it among
    their messages to answer."""
    if target.pk == message.organ_id:
        raise MessageError("不能转办给本机关", status=400)
    if not target.is_active:
        raise MessageError(f"“{target.name}”已停用，不能转办", status=400)
    with transaction.atomic():
        message = _locked(message)
        transition = _check(message, "transfer", actor, note)
        received = today()
        number = _number(target, received.year)
        moved = Message.objects.create(
            organ=target,
            number=number,
            received_on=received,
            due_on=due_date(target, received),
            token_digest=message.token_digest,
            transferred_from=message,
            **{k: getattr(message, k) for k in MESSAGE_FIELDS},
        )
        MessageFile.objects.bulk_create(
            MessageFile(message=moved, **_file_fields(row)) for row in message.files.all()
        )
        _event(
            moved,
            "transferred_in",
            actor,
            f"由{message.organ.name}转来（原留言编号{message.number}）：{note.strip()}",
            public=True,
        )
        _move(
            message,
            transition,
            actor,
            f"已转{target.name}办理，新留言编号{number}。理由：{note.strip()}",
        )
    return message


@dataclass(frozen=True)
class Applicant:
    """What the officer enters to turn a message into an application (the message rarely
    holds all of it: 申请人类型, 身份证明 and how the reply is to be delivered)."""

    applicant_type: str
    applicant_name: str
    id_type: str
    id_number: str
    phone: str
    email: str
    address: str
    provision_form: str
    delivery_method: str


def convert(message: Message, actor: Any, applicant: Applicant, note: str) -> Application:
    """转为政府信息公开申请: an application of the same organ, received on the day the
    message was, asking for what the message asks (its subject and text)."""
    with transaction.atomic():
        message = _locked(message)
        transition = _check(message, "convert", actor, note)
        fields = {
            **applicant.__dict__,
            "information": f"{message.subject}\n{message.body}",
        }
        try:
            case, _ = casework.register(
                message.organ,
                fields,
                actor,
                channel=Channel.MESSAGE,
                received_on=message.received_on,
                reason=f"由网民留言{message.number}转为政府信息公开申请",
            )
        except InvalidInput as exc:
            raise MessageError(exc.message, status=400) from exc
        except ValidationError as exc:  # the application's own field rules
            raise MessageError(
                "；".join(m for ms in exc.message_dict.values() for m in ms), 400
            ) from exc
        message.application = case
        _move(
            message,
            transition,
            actor,
            f"已转为政府信息公开申请（申请编号{case.number}），按收到留言之日"
            f"{message.received_on.isoformat()}计算答复期限。{note.strip()}",
        )
    return case
