"""Audit rows are only ever added: the model refuses to change or remove a written row,
and the admin offers neither (issue 17)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.test import RequestFactory

from gongkai.applications import services as cases
from gongkai.applications.models import Application, CaseEvent
from gongkai.core.models import AppendOnly, AppendOnlyError, AuditEvent
from gongkai.disclosure.models import ItemEvent
from gongkai.interaction import services as messages
from gongkai.interaction.models import MessageEvent, QuestionLog
from gongkai.organs.models import Organ, PeopleAction, PeopleChange
from gongkai.reports.models import AnnualReportDraft, DraftEvent, EventKind, Status
from gongkai.supervision.models import Problem, ProblemEvent
from gongkai.workcalendar.models import CalendarChange
from gongkai_demo.factories.disclosure import Team, make_item
from tests.applications.factories import APPLICANT, Staff

MESSAGE = "办理记录只增不改：不能修改或删除已写入的记录"
DAY = date(2025, 6, 16)


def _case_event(staff: Staff) -> CaseEvent:
    case, _ = cases.register(
        staff.organ, APPLICANT, staff.officer, channel="letter", received_on=DAY
    )
    return CaseEvent.objects.filter(application=case).latest("seq")


def _item_event(staff: Staff) -> ItemEvent:
    item = make_item(Team.for_organ(staff.organ), on=DAY)
    return ItemEvent.objects.filter(item=item).latest("id")


def _draft_event(staff: Staff) -> DraftEvent:
    draft = AnnualReportDraft.objects.create(organ=staff.organ, year=2024)
    return DraftEvent.objects.create(
        draft=draft,
        action=EventKind.CREATED,
        actor=staff.officer,
        before=Status.DRAFT,
        after=Status.DRAFT,
        summary="创建草稿",
    )


def _people_change(staff: Staff) -> PeopleChange:
    return PeopleChange.objects.create(
        organ=staff.organ,
        person=staff.officer,
        actor=staff.head,
        action=PeopleAction.ADD,
        after=["officer"],
        summary="加入本机关",
    )


def _calendar_change(staff: Staff) -> CalendarChange:
    return CalendarChange.objects.create(
        actor=staff.head, action="day_set", reason="测试", summary="无变化"
    )


def _message_event(staff: Staff) -> MessageEvent:
    message, _ = messages.submit(
        staff.organ,
        {"kind": "consult", "subject": "咨询", "body": "请问如何办理？"},
        received_on=DAY,
    )
    return MessageEvent.objects.get(message=message)


def _question_log(staff: Staff) -> QuestionLog:
    return QuestionLog.objects.create(question="如何申请公开？", answered=False)


def _problem_event(staff: Staff) -> ProblemEvent:
    problem = Problem.objects.create(
        organ=staff.organ,
        rule="GUIDE.MISSING",
        key="guide",
        title="未发布指南",
        found_on=DAY,
        last_seen_on=DAY,
        deadline=DAY,
    )
    return ProblemEvent.objects.create(problem=problem, action="found", on=DAY)


WRITERS: dict[type[AppendOnly], Callable[[Staff], Any]] = {
    CaseEvent: _case_event,
    ItemEvent: _item_event,
    DraftEvent: _draft_event,
    PeopleChange: _people_change,
    CalendarChange: _calendar_change,
    MessageEvent: _message_event,
    QuestionLog: _question_log,
    ProblemEvent: _problem_event,
}
AUDIT = list(WRITERS)
ids = [m.__name__ for m in AUDIT]


@pytest.fixture
def staff(db: None) -> Staff:
    return Staff()


def _text_field(model: type[models.Model]) -> str:
    """A field a careless edit would change (any plain text field of the model)."""
    for field in model._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            return field.name
    raise AssertionError(f"{model.__name__} has no text field")


def test_every_audit_table_is_append_only() -> None:
    """The list here is every concrete child of the base: a new audit table is tested."""
    from django.apps import apps

    children = {m for m in apps.get_models() if issubclass(m, AppendOnly)}
    assert children == set(AUDIT)


OLD_NAMES = {
    "by": "actor",
    "by_name": "actor_name",
    "kind": "action",
    "event": "action",
    "note": "reason",
    "comment": "reason",
    "from_state": "before",
    "to_state": "after",
    "status_before": "before",
    "status_after": "after",
    "roles_before": "before",
    "roles_after": "after",
}


@pytest.mark.parametrize(
    "model", [m for m in AUDIT if issubclass(m, AuditEvent)], ids=lambda m: m.__name__
)
def test_every_audit_table_speaks_one_vocabulary(model: type[AuditEvent]) -> None:
    """Who, when, what and why have the same names in every history table."""
    names = {field.name for field in model._meta.get_fields()}
    assert {"actor", "at", "action", "reason"} <= names
    assert {name: OLD_NAMES[name] for name in names & set(OLD_NAMES)} == {}
    assert ("before" in names) == ("after" in names)


@pytest.mark.parametrize("model", AUDIT, ids=ids)
def test_a_new_row_is_written_and_read_back(model: type[AppendOnly], staff: Staff) -> None:
    row = WRITERS[model](staff)
    assert row.pk is not None
    assert model.objects.filter(pk=row.pk).exists()
    assert not row._state.adding


@pytest.mark.parametrize("model", AUDIT, ids=ids)
def test_saving_a_written_row_is_refused(model: type[AppendOnly], staff: Staff) -> None:
    row = WRITERS[model](staff)
    name = _text_field(model)
    before = getattr(row, name)
    setattr(row, name, "改写")
    with pytest.raises(AppendOnlyError) as raised:
        row.save()
    assert str(raised.value) == MESSAGE
    assert raised.value.model is model
    with pytest.raises(AppendOnlyError, match=MESSAGE):
        row.save(update_fields=[name])
    fresh = model.objects.get(pk=row.pk)
    assert getattr(fresh, name) == before
    with pytest.raises(AppendOnlyError, match=MESSAGE):
        fresh.save()  # read from the database, unchanged: still refused


@pytest.mark.parametrize("model", AUDIT, ids=ids)
def test_a_new_object_cannot_take_the_place_of_a_written_row(
    model: type[AppendOnly], staff: Staff
) -> None:
    row = WRITERS[model](staff)
    copy = model.objects.get(pk=row.pk)
    copy._state.adding = True  # as if built anew with the written row's id
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()
    assert model.objects.filter(pk=row.pk).count() == 1


@pytest.mark.parametrize("model", AUDIT, ids=ids)
def test_queryset_update_delete_and_bulk_update_are_refused(
    model: type[AppendOnly], staff: Staff
) -> None:
    row = WRITERS[model](staff)
    name = _text_field(model)
    written = model.objects.filter(pk=row.pk)
    with pytest.raises(AppendOnlyError, match=MESSAGE):
        written.update(**{name: "改写"})
    with pytest.raises(AppendOnlyError, match=MESSAGE):
        model.objects.all().delete()
    with pytest.raises(AppendOnlyError, match=MESSAGE):
        model.objects.update_or_create(pk=row.pk, defaults={name: "改写"})
    setattr(row, name, "改写")
    with pytest.raises(AppendOnlyError, match=MESSAGE):
        model.objects.bulk_update([row], [name])
    with pytest.raises(AppendOnlyError, match=MESSAGE):
        row.delete()
    assert getattr(model.objects.get(pk=row.pk), name) != "改写"


def test_related_managers_refuse_too(staff: Staff) -> None:
    row = _case_event(staff)
    with pytest.raises(AppendOnlyError, match=MESSAGE):
        row.application.events.update(reason="改写")
    with pytest.raises(AppendOnlyError, match=MESSAGE):
        row.application.events.all().delete()
    assert CaseEvent.objects.filter(application=row.application).count() == 1


def test_deleting_the_record_removes_its_history(staff: Staff) -> None:
    """The decision documented in gongkai.core.models: a record removed as a whole (by an
    administrator or a test) takes its history with it; the cascade does not go through
    the append-only manager."""
    row = _message_event(staff)
    row.message.delete()
    assert not MessageEvent.objects.filter(pk=row.pk).exists()
    case_event = _case_event(staff)
    Application.objects.filter(pk=case_event.application_id).delete()
    assert not CaseEvent.objects.filter(pk=case_event.pk).exists()
    change = _people_change(staff)
    Organ.objects.filter(pk=staff.organ.pk).delete()
    assert not PeopleChange.objects.filter(pk=change.pk).exists()


def _superuser_request() -> Any:
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.create_superuser("root", password=None)
    return request


def _admins_of(model: type[models.Model], request: Any) -> list[Any]:
    """Every admin that shows ``model``: its own and the inlines of others."""
    found: list[Any] = []
    for model_admin in admin.site._registry.values():
        if model_admin.model is model:
            found.append(model_admin)
        for inline in model_admin.get_inline_instances(request):
            if inline.model is model:
                found.append(inline)
    return found


@pytest.mark.parametrize("model", AUDIT, ids=ids)
def test_the_admin_offers_no_add_edit_or_delete(model: type[AppendOnly], db: None) -> None:
    request = _superuser_request()
    for model_admin in _admins_of(model, request):
        if isinstance(model_admin, InlineModelAdmin):  # an inline's takes the parent too
            assert not model_admin.has_add_permission(request, None), model_admin
        else:
            assert not model_admin.has_add_permission(request), model_admin
        assert not model_admin.has_change_permission(request, None), model_admin
        assert not model_admin.has_delete_permission(request, None), model_admin


def test_the_audit_tables_shown_in_the_admin(db: None) -> None:
    """The admin test above checks something: these tables are in the admin."""
    request = _superuser_request()
    shown = {m for m in AUDIT if _admins_of(m, request)}
    assert shown == {ItemEvent, PeopleChange, CalendarChange}
