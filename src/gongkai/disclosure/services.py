"""The only code that writes items: each function is one transaction with its events.

    item, body = create_item(organ, officer, title=..., written_on=..., category="budget")
    apply(item, "submit", officer)
    apply(item, "approve_first", reviewer_a)
    ...
    apply(item, "approve_final", head)      # assigns the 索引号, publishes, indexes

A refused change raises ``workflow.TransitionError`` (or ``DisclosureError``, a subclass)
with a Chinese message naming the state, the event and the role; nothing is written then.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gongkai.deadlines import DeadlineError, WorkCalendar, proactive_disclosure_due
from gongkai.organs.models import Organ

from . import attachment_text, facet_counts, personal_data, search_terms, workflow
from .categories import CATEGORY_BY_KEY, TOPIC_BY_KEY, default_topic
from .content import CleanBody, check_upload, render_body
from .index_numbers import IndexPattern
from .models import (
    Attachment,
    DisclosureSettings,
    IndexNumber,
    IndexSerial,
    Item,
    ItemEvent,
    SearchEntry,
    Table2Entry,
)
from .rules import workflow_roles
from .search_text import index_tokens, normalize, token_string

EDITABLE_FIELDS = (
    "title",
    "publisher",
    "doc_number",
    "written_on",
    "changed_on",
    "category",
    "topic",
    "kind",
    "disclosure_term",
    "effective_on",
    "interprets",
    "requires_interpretation",
    "valid_until",
)


class DisclosureError(workflow.TransitionError):
    """A refused action outside the transition table (a guard); same shape."""


def _today() -> datetime.date:
    return timezone.localdate()


def _name(user: Any) -> str:
    full = (user.get_full_name() or "").strip() if hasattr(user, "get_full_name") else ""
    return full or user.get_username()


def calendar() -> WorkCalendar:
    """The installation's working-day calendar (shipped table plus admin overrides)."""
    from gongkai.workcalendar.calendar import current_calendar

    return current_calendar()


def due_date(item: Item, cal: WorkCalendar | None = None) -> datetime.date | None:
    """条例第二十六条: 20 working days after the 成文日期 or the date of change.

    None when the calendar has no data for that year (an old document entered late, or a
    year whose holiday notice is not out yet): the item page then says the due date could
    not be computed rather than guessing one.
    """
    formed = item.changed_on or item.written_on
    try:
        return proactive_disclosure_due(formed, cal or calendar())
    except DeadlineError:
        return None


def _event(
    item: Item, event: str, before: str, actor: Any, comment: str, on: datetime.date
) -> ItemEvent:
    return ItemEvent.objects.create(
        item=item,
        action=event,
        before=before,
        after=item.state,
        actor=actor,
        actor_name=_name(actor) if actor is not None else "系统",
        reason=comment,
        on=on,
    )


def date_problems(
    written_on: datetime.date | None, changed_on: datetime.date | None, today: datetime.date
) -> dict[str, str]:
    """What is wrong with an item's dates, by field (empty when they are sound)."""
    problems: dict[str, str] = {}
    if written_on is not None and written_on > today:
        problems["written_on"] = f"成文日期 {written_on} 晚于今天（{today}），请核对"
    if changed_on is not None:
        if changed_on > today:
            problems["changed_on"] = f"变更日期 {changed_on} 晚于今天（{today}），请核对"
        elif written_on is not None and changed_on < written_on:
            problems["changed_on"] = f"变更日期 {changed_on} 早于成文日期 {written_on}"
    return problems


def _check_fields(fields: dict[str, Any], today: datetime.date | None = None) -> None:
    problems = date_problems(fields.get("written_on"), fields.get("changed_on"), today or _today())
    if problems:
        raise DisclosureError(next(iter(problems.values())), code="date")
    category = fields.get("category")
    if category is not None and category not in CATEGORY_BY_KEY:
        raise DisclosureError(f"公开类别“{category}”不是条例第二十条所列的项目", code="category")
    topic = fields.get("topic")
    if topic and topic not in TOPIC_BY_KEY:
        raise DisclosureError(f"主题分类“{topic}”不存在", code="topic")
    if not (fields.get("title") or "").strip() and "title" in fields:
        raise DisclosureError("标题不能为空", code="title")


@transaction.atomic
def create_item(
    organ: Organ, actor: Any, *, body: str = "", on: datetime.date | None = None, **fields: Any
) -> tuple[Item, CleanBody]:
    """A new draft by the organ's officer; returns it with the sanitising result."""
    if workflow.OFFICER not in workflow_roles(actor, organ):
        raise DisclosureError("只有本机关的公开专员可以起草主动公开信息", code="wrong_role")
    links = _pop_links(fields, organ)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown item fields: {sorted(unknown)}")
    _check_fields(fields, on)
    fields.setdefault("publisher", organ.public_name)
    if not fields.get("topic"):
        fields["topic"] = default_topic(fields["category"]).key
    cleaned = render_body(body)
    item = Item(
        organ=organ,
        created_by=actor,
        body_source=body,
        body=cleaned.html,
        body_text=cleaned.text,
        **fields,
    )
    item.due_on = due_date(item)
    item.save()
    _set_links(item, links)
    _event(item, "create", "", actor, cleaned.note, on or _today())
    return item, cleaned


@transaction.atomic
def update_item(item: Item, actor: Any, *, body: str | None = None, **fields: Any) -> CleanBody:
    """Edit a draft (only drafts are edited; a published item is revised instead)."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    if item.state != workflow.DRAFT:
        raise DisclosureError(
            f"状态为“{workflow.STATE_LABELS[item.state]}”的信息不能直接修改；已发布的信息请使用“修订”",
            code="not_draft",
        )
    if workflow.OFFICER not in workflow_roles(actor, item.organ):
        raise DisclosureError("只有本机关的公开专员可以修改草稿", code="wrong_role")
    links = _pop_links(fields, item.organ)
    _check_fields({"written_on": item.written_on, "changed_on": item.changed_on, **fields})
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise TypeError(f"unknown item field: {name}")
        setattr(item, name, value)
    if body is not None:
        item.body_source = body
    cleaned = render_body(item.body_source or item.body)
    item.body, item.body_text = cleaned.html, cleaned.text
    item.due_on = due_date(item)
    item.save()
    _set_links(item, links)
    return cleaned


def _pop_links(fields: dict[str, Any], organ: Organ) -> dict[str, list[Item]]:
    """Take ``amends`` / ``repeals`` out of ``fields``: published items of the same organ."""
    links: dict[str, list[Item]] = {}
    for name, label in (("amends", "修改"), ("repeals", "废止")):
        if name not in fields:
            continue
        targets = list(fields.pop(name) or [])
        for target in targets:
            if target.organ_id != organ.pk or target.state != workflow.PUBLISHED:
                raise DisclosureError(
                    f"“{target.title}”不是本机关现行有效的已发布信息，不能作为{label}的对象",
                    code="link",
                )
        links[name] = targets
    return links


def _set_links(item: Item, links: dict[str, list[Item]]) -> None:
    for name, targets in links.items():
        getattr(item, name).set(targets)


def _round_approvers(item: Item) -> dict[int, str]:
    """Who approved a level of the current review round (since the last submission)."""
    approvers: dict[int, str] = {}
    for event in item.events.order_by("-at", "-id"):
        if event.action == "submit":
            approvers.setdefault(event.actor_id or 0, "提交")
            break
        if event.action.startswith("approve_") and event.actor_id:
            approvers[event.actor_id] = workflow.REVIEW_LEVEL[event.before]
    return approvers


@dataclass
class Approval:
    """What the table's conditions read (``workflow.GUARD_LABELS``), and what the
    publishing condition found: the 解读 to publish with the item, if any."""

    item: Item
    actor: Any
    comment: str
    confirmed: bool
    ready: bool = False
    """``READY_TO_PUBLISH`` was checked and held."""
    together: Item | None = None


def _separate_reviewers(a: Approval) -> bool:
    _guard_separation(a.item, a.actor)
    return True


def _ready_to_publish(a: Approval) -> bool:
    _guard_separation(a.item, a.actor)
    _guard_personal_data(a.item, a.comment, a.confirmed)
    a.together = _interpretation_to_publish_with(a.item, a.comment)
    a.ready = True
    return True


def _guard_separation(item: Item, actor: Any) -> None:
    done = _round_approvers(item).get(actor.pk)
    if done == "提交":
        raise DisclosureError("提交人不能审核自己提交的信息", code="same_person")
    if done:
        raise DisclosureError(
            f"同一人不能担任两级审核：您已完成本轮{done}，请由其他审核人进行"
            f"{workflow.REVIEW_LEVEL[item.state]}",
            code="same_person",
        )


def _assign_index_number(item: Item, on: datetime.date) -> str:
    settings_row, _ = DisclosureSettings.objects.get_or_create(organ=item.organ)
    pattern = IndexPattern.parse(settings_row.index_pattern)
    serial, _ = IndexSerial.objects.select_for_update().get_or_create(
        organ=item.organ, year=pattern.scope_year(on.year)
    )
    while True:
        serial.last += 1
        number = pattern.format(code=item.organ.credit_code, year=on.year, serial=serial.last)
        if not IndexNumber.objects.filter(number=number).exists():
            break
    serial.save(update_fields=["last"])
    IndexNumber.objects.create(number=number, organ=item.organ)
    return number


def search_entry(item: Item) -> SearchEntry:
    """The search row of a public item (not saved)."""
    assert item.published_on is not None
    return SearchEntry(
        item=item,
        organ_id=item.organ_id,
        category=item.category,
        topic=item.topic,
        year=item.published_on.year,
        validity=item.validity,
        published_on=item.published_on,
        title_tokens=token_string(index_tokens(f"{item.title} {item.doc_number}")),
        body_tokens=token_string(index_tokens(item.body_text)),
        text=normalize(f"{item.title}\n{item.doc_number}\n{item.body_text}"),
    )


def _index(item: Item) -> None:
    _unindex(item)
    entry = search_entry(item)
    entry.save(force_insert=True)
    search_terms.add(entry)
    facet_counts.add(entry)


def _unindex(item: Item) -> None:
    old = list(SearchEntry.objects.filter(item=item))
    search_terms.remove(old)
    facet_counts.remove(old)
    SearchEntry.objects.filter(item=item).delete()


@transaction.atomic
def apply(
    item: Item,
    event: str,
    actor: Any,
    comment: str = "",
    *,
    on: datetime.date | None = None,
    changed_on: datetime.date | None = None,
    confirm_personal_data: bool = False,
) -> Item:
    """Apply ``event`` to ``item`` as ``actor``; returns the item (or the new version
    for ``revise``). ``on`` is the day it happens (publication, repeal or expiry date).
    Publishing a text that holds personal numbers needs ``confirm_personal_data`` and a
    reason in ``comment`` (the reviewer checked that they may be public)."""
    day = on or _today()
    item = Item.objects.select_for_update().select_related("organ").get(pk=item.pk)
    roles = workflow_roles(actor, item.organ)
    comment = comment.strip()
    approval = Approval(item, actor, comment, confirm_personal_data)
    transition = WORKFLOW.transition_for(item.state, event, roles, approval)
    if transition.needs_comment and not comment:
        raise DisclosureError(f"“{transition.label}”必须填写意见或理由", code="comment_required")
    together: Item | None = None
    if transition.effect == "publish":
        # the table's publishing condition has looked it up (and locked it) already
        ready = approval.ready
        together = approval.together if ready else _interpretation_to_publish_with(item, comment)
    before = item.state
    item.state = workflow.target_of(transition, before)
    result = item
    if transition.effect == "publish":
        result = _publish(item, day, actor)
        if together is not None:
            _publish_together(together, item, day, actor)
    elif transition.effect == "unpublish":
        _unindex(item)
    elif transition.effect == "end_validity":
        if day < item.written_on:
            raise DisclosureError(
                f"废止或失效日期 {day} 早于成文日期 {item.written_on}", code="ended_before_made"
            )
        item.ended_on = day
    elif transition.effect == "new_version" and item.next_version_or_none() is not None:
        raise DisclosureError("该信息已有一个修订中的新版本，请先处理该版本", code="revising")
    item.save()
    _event(item, event, before, actor, comment, day)
    if transition.effect == "end_validity":
        _index(item)
    if transition.effect == "new_version":
        result = _new_version(item, actor, changed_on or day, day)
    return result


def personal_data_in(item: Item) -> list[str]:
    """Personal numbers in the item's text and in its attachments' text, masked."""
    texts = [item.title, item.body_text]
    for attachment in item.attachments.all():
        extension = attachment.name.rsplit(".", 1)[-1] if "." in attachment.name else ""
        try:
            with attachment.file.open("rb") as handle:
                texts.append(attachment_text.text_of(extension, handle.read()))
        except OSError:
            continue
    return personal_data.found_in("\n".join(texts))


def _guard_personal_data(item: Item, comment: str, confirmed: bool) -> None:
    found = personal_data_in(item)
    if not found:
        return
    if not confirmed:
        raise DisclosureError(
            f"正文或附件中有{'；'.join(found)}：发布前须由审核人核实可以公开，"
            "勾选“已核实个人信息可以公开”并填写理由",
            code="personal_data",
        )
    if not comment:
        raise DisclosureError("确认公开个人信息须填写理由", code="comment_required")


def _interpretation_to_publish_with(item: Item, comment: str) -> Item | None:
    """政策解读 released with its policy: a policy that requires a 解读 is published only
    when one is already public, or together with one waiting for 终审 (returned); a 解读
    published before its policy must say why (``comment``)."""
    if item.interprets_id is not None:
        policy = item.interprets
        if policy is not None and policy.state not in workflow.PUBLIC_STATES and not comment:
            raise DisclosureError(
                f"所解读的文件《{policy.title}》尚未发布：解读先于文件发布须在意见中说明理由",
                code="comment_required",
            )
    if not item.requires_interpretation:
        return None
    found = item.interpretations.select_for_update()
    if found.filter(state__in=workflow.PUBLIC_STATES).exists():
        return None
    waiting = found.filter(state=workflow.FINAL_REVIEW, organ_id=item.organ_id).first()
    if waiting is None:
        raise DisclosureError(
            "该文件须与政策解读同步发布：请先起草解读（“所解读的文件”选本文件）并提交至终审，"
            "再终审本文件，二者一并发布",
            code="interpretation_missing",
        )
    return waiting


WORKFLOW: Final = workflow.WORKFLOW.with_checks(
    {workflow.SEPARATE_REVIEWERS: _separate_reviewers, workflow.READY_TO_PUBLISH: _ready_to_publish}
)
"""The table with its conditions evaluated; every change of state goes through it."""


def _publish_together(interpretation: Item, policy: Item, day: datetime.date, actor: Any) -> None:
    before = interpretation.state
    interpretation.state = workflow.PUBLISHED
    _publish(interpretation, day, actor)
    _event(
        interpretation,
        "approve_final",
        before,
        actor,
        f"与所解读的文件《{policy.title}》同步终审发布",
        day,
    )


def _publish(item: Item, day: datetime.date, actor: Any) -> Item:
    if not item.index_number:
        item.index_number = _assign_index_number(item, day)
    item.published_on = day
    item.save()
    if item.previous_id is not None:
        previous = Item.objects.select_for_update().get(pk=item.previous_id)
        if previous.state == workflow.PUBLISHED:
            before = previous.state
            previous.state = workflow.SUPERSEDED
            previous.save()
            _event(previous, "supersede", before, None, f"由第{item.version}版替代", day)
            _unindex(previous)
    _index(item)
    for target in item.repeals.select_for_update().filter(state=workflow.PUBLISHED):
        _repeal_by(target, item, day, actor)
    return item


def _repeal_by(target: Item, repealer: Item, day: datetime.date, actor: Any) -> None:
    """A newly published document repeals ``target``: it is 废止 from the same day."""
    if day < target.written_on:
        raise DisclosureError(
            f"“{target.title}”的成文日期 {target.written_on} 晚于废止日期 {day}",
            code="ended_before_made",
        )
    before = target.state
    target.state = workflow.REPEALED
    target.ended_on = day
    target.save()
    comment = f"被《{repealer.title}》（索引号 {repealer.index_number}）废止"
    _event(target, "repeal", before, actor, comment, day)
    _index(target)


def _new_version(item: Item, actor: Any, changed_on: datetime.date, day: datetime.date) -> Item:
    new = Item.objects.get(pk=item.pk)
    new.pk = None
    new.id = None
    new.previous = item
    new.version = item.version + 1
    new.state = workflow.DRAFT
    new.published_on = None
    new.changed_on = changed_on
    new.created_by = actor
    new.due_on = due_date(new)
    new.save()
    new.amends.set(item.amends.all())
    new.repeals.set(item.repeals.all())
    _event(new, "create", "", actor, f"修订第{item.version}版", day)
    return new


@transaction.atomic
def add_attachment(item: Item, actor: Any, name: str, data: bytes) -> Attachment:
    """Store an attachment of a draft after checking it (nothing is written if refused)."""
    if item.state != workflow.DRAFT:
        raise DisclosureError("只能为草稿添加附件", code="not_draft")
    if workflow.OFFICER not in workflow_roles(actor, item.organ):
        raise DisclosureError("只有本机关的公开专员可以添加附件", code="wrong_role")
    checked = check_upload(name, data)
    attachment = Attachment(
        item=item,
        name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
    )
    attachment.file.save(checked.sha256, ContentFile(data), save=False)
    attachment.save()
    return attachment


TABLE2_ENTERED = ("licensing", "punishment", "coercion", "fees")
"""The cells of table 二 entered from other systems (第二十条第（五）（六）（八）项)."""
TABLE2_ENTERED_LABELS = {
    "licensing": "行政许可",
    "punishment": "行政处罚",
    "coercion": "行政强制",
    "fees": "行政事业性收费",
}


def _check_table2_value(cell: str, value: int | Decimal | None) -> None:
    if value is None:
        return
    label = TABLE2_ENTERED_LABELS[cell]
    if value < 0:
        what = "收费金额应为非负数" if cell == "fees" else "本年处理决定数量应为非负整数"
        raise DisclosureError(f"{label}的{what}，实际为 {value}", code="negative")
    if cell != "fees" and value != int(value):
        raise DisclosureError(
            f"{label}的本年处理决定数量应为整数，实际为 {value}", code="not_integer"
        )


def _require_source(source: str) -> str:
    if not source.strip():
        raise DisclosureError(
            "请注明数据来源（如“省行政执法监管平台导出，2025-01-10”）", code="source"
        )
    return source.strip()[:300]


@transaction.atomic
def set_table2_entry(
    organ: Organ,
    year: int,
    actor: Any,
    *,
    source: str,
    licensing: int | None = None,
    punishment: int | None = None,
    coercion: int | None = None,
    fees: Decimal | None = None,
) -> Table2Entry:
    """Enter the counts of table 二 that come from other systems, with their source.

    Each cell whose value changes records ``source``, the person and the time in the
    entry's ``provenance``.
    """
    source = _require_source(source)
    values: dict[str, int | Decimal | None] = {
        "licensing": licensing,
        "punishment": punishment,
        "coercion": coercion,
        "fees": fees,
    }
    for cell, value in values.items():
        _check_table2_value(cell, value)
    entry = Table2Entry.objects.select_for_update().filter(organ=organ, year=year).first()
    return _store_table2(entry, organ, year, actor, values, {c: source for c in values})


@transaction.atomic
def set_table2_figure(
    organ: Organ, year: int, actor: Any, cell: str, value: int | Decimal | None, source: str
) -> Table2Entry:
    """Enter one of the four cells (``TABLE2_ENTERED``) with its own source."""
    if cell not in TABLE2_ENTERED:
        raise DisclosureError(f"表二没有可填报的“{cell}”项", code="cell")
    source = _require_source(source)
    _check_table2_value(cell, value)
    entry = Table2Entry.objects.select_for_update().filter(organ=organ, year=year).first()
    values = {c: getattr(entry, c) if entry else None for c in TABLE2_ENTERED}
    values[cell] = int(value) if value is not None and cell != "fees" else value
    return _store_table2(entry, organ, year, actor, values, {cell: source})


def _store_table2(
    entry: Table2Entry | None,
    organ: Organ,
    year: int,
    actor: Any,
    values: dict[str, int | Decimal | None],
    sources: dict[str, str],
) -> Table2Entry:
    provenance = dict(entry.provenance) if entry else {}
    at = timezone.now().isoformat(timespec="seconds")
    for cell, source in sources.items():
        old = getattr(entry, cell) if entry else None
        if old is None and values[cell] is None:
            provenance.pop(cell, None)
        elif entry is None or old != values[cell] or cell not in provenance:
            provenance[cell] = {"source": source, "by": _name(actor), "at": at}
        elif provenance[cell].get("source") != source:
            provenance[cell] = {**provenance[cell], "source": source}
    last_source = next(reversed(sources.values()))
    entry, _ = Table2Entry.objects.update_or_create(
        organ=organ,
        year=year,
        defaults={**values, "source": last_source, "provenance": provenance, "updated_by": actor},
    )
    return entry


def recompute_due_dates() -> int:
    """After a calendar change: re-derive the due date of every item not yet published."""
    cal = calendar()
    changed = 0
    pending = (workflow.DRAFT, *workflow.REVIEW_STATES)
    for item in Item.objects.filter(state__in=pending).only(
        "pk", "written_on", "changed_on", "due_on"
    ):
        due = due_date(item, cal)
        if due != item.due_on:
            Item.objects.filter(pk=item.pk).update(due_on=due)
            changed += 1
    return changed
