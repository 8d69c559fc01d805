"""services.apply: the workflow table enforced, events written, dates derived, conflicts refused."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import projection, services
from gongkai.applications.errors import (
    Conflict,
    GuardFailed,
    InvalidInput,
    NotAllowedInState,
    RoleNotAllowed,
)
from gongkai.applications.models import Application, CaseEvent, Notice
from gongkai.applications.workflow import Event, Role, State

from .factories import Staff, as_system, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(frozen_today: date) -> Staff:
    """Every test here registers cases: "today" is fixed (``on(day)`` moves it)."""
    return Staff()


@pytest.fixture
def on(travel):  # type: ignore[no-untyped-def]
    """``on(day)`` sets the system's "today" (the whole clock, through time-machine)."""
    return travel


def test_registration_numbers_and_starts_the_clock_over_national_day(staff: Staff, on) -> None:  # type: ignore[no-untyped-def]
    on(date(2025, 9, 29))
    case = make_case(staff, received_on=date(2025, 9, 26))
    assert case.state == State.PROCESSING
    assert case.number == f"{staff.organ.slug.upper()}-2025-00001"
    assert case.received_on == date(2025, 9, 26)
    # day 1 is Sunday 28 September (调休上班); 1–8 October off; Saturday 11 October works.
    assert case.due_on == date(2025, 10, 30)
    assert case.half_on == date(2025, 10, 16)
    second = make_case(staff, received_on=date(2025, 9, 26))
    assert second.number.endswith("-2025-00002")
    assert [e.action for e in case.events.all()] == ["register"]


def test_spring_festival_2026_and_an_extension(staff: Staff, on) -> None:  # type: ignore[no-untyped-def]
    on(date(2026, 2, 10))
    case = make_case(staff, State.EXTENSION_PENDING, received_on=date(2026, 2, 6))
    # 20 working days from Mon 9 Feb: Sat 14 Feb works, 15–23 Feb off, Sat 28 Feb works.
    assert case.due_on == date(2026, 3, 12)
    services.apply(case, Event.APPROVE_EXTENSION, staff.head)
    assert case.events.filter(action="approve_extension").get().data == {"workdays": 20}
    # 20 more, across 清明 (4–6 April).
    assert case.due_on == date(2026, 4, 10)
    assert Notice.objects.filter(application=case, kind="approve_extension").exists()


def test_a_role_may_not_act_outside_the_table(staff: Staff) -> None:
    case = make_case(staff)
    with pytest.raises(RoleNotAllowed) as info:
        services.apply(case, Event.DRAFT_REPLY, staff.reviewer, data={"answer": "granted"})
    assert (
        info.value.message
        == "当前状态“办理中”下，“拟写答复并提交初审”只能由公开专员办理；您的角色：审核人"
    )
    assert info.value.status == 403


def test_an_event_the_state_does_not_allow_is_refused(staff: Staff) -> None:
    case = make_case(staff)
    with pytest.raises(NotAllowedInState) as info:
        services.apply(case, Event.SIGN_OFF, staff.head)
    assert info.value.message == "当前状态“办理中”下不能执行“终审签发”"
    assert info.value.status == 409
    assert case.events.count() == 1


def test_two_officers_at_once_one_wins_and_nothing_is_lost(staff: Staff) -> None:
    case = make_case(staff)
    mine = Application.objects.get(pk=case.pk)
    theirs = Application.objects.get(pk=case.pk)
    services.apply(
        mine, Event.OPEN_CONSULTATION, staff.officer, "涉及第三方", data={"party": "third_party"}
    )
    with pytest.raises(Conflict) as info:
        services.apply(
            theirs, Event.REQUEST_EXTENSION, staff.officer2, "需调档", data={"workdays": 5}
        )
    assert info.value.message == (
        f"申请{case.number}已被他人更新（您看到的是第1版），本次操作未保存，请刷新后重试"
    )
    kinds = list(CaseEvent.objects.filter(application=case).values_list("action", flat=True))
    assert kinds == ["register", "open_consultation"]
    assert Application.objects.get(pk=case.pk).state == State.CONSULTING


def test_correction_once_within_seven_working_days_and_the_period_restarts(
    staff: Staff, on
) -> None:  # type: ignore[no-untyped-def]
    on(date(2025, 3, 3))
    case = make_case(staff, State.CORRECTION, received_on=date(2025, 3, 3))
    assert case.clock_paused and case.due_on is None
    on(date(2025, 3, 10))
    services.apply(case, Event.CORRECTION_RECEIVED, staff.officer)
    assert case.due_on == date(2025, 4, 8)  # 20 working days from 10 March (清明 4 April)
    with pytest.raises(GuardFailed, match="补正通知只能一次性发出"):
        services.apply(
            case, Event.REQUEST_CORRECTION, staff.officer, "再补", data={"points": ["x"]}
        )


def test_correction_notice_after_seven_working_days_is_refused(staff: Staff, on) -> None:  # type: ignore[no-untyped-def]
    on(date(2025, 3, 3))
    case = make_case(staff, received_on=date(2025, 3, 3))
    on(date(2025, 3, 13))
    with pytest.raises(GuardFailed) as info:
        services.apply(
            case, Event.REQUEST_CORRECTION, staff.officer, "不明确", data={"points": ["文号"]}
        )
    assert info.value.message == (
        "补正通知应在收到申请之日起7个工作日内发出（条例第三十条），"
        "本申请最迟应于2025-03-12发出，今天是2025-03-13"
    )


def test_correction_lapses_only_after_its_deadline(staff: Staff, on) -> None:  # type: ignore[no-untyped-def]
    on(date(2025, 3, 3))
    case = make_case(staff, State.CORRECTION, received_on=date(2025, 3, 3))
    reply_by = date.fromisoformat(case.events.get(action="request_correction").data["reply_by"])
    on(reply_by)
    with pytest.raises(GuardFailed, match="尚未届满"):
        as_system(case, Event.CORRECTION_LAPSED, reply_by)
    later = date(2025, 4, 1)
    on(later)
    as_system(case, Event.CORRECTION_LAPSED, later)
    assert (case.state, case.outcome, case.answer, case.closed_on) == (
        State.CLOSED,
        "other.no_correction",
        "no_correction",
        later,
    )


def test_fee_notice_amount_is_computed_and_lapse_counts_under_fee_unpaid(staff: Staff, on) -> None:  # type: ignore[no-untyped-def]
    on(date(2025, 5, 6))
    case = make_case(staff, State.FEE_PENDING, received_on=date(2025, 5, 6))
    notice = case.events.get(action="send_fee_notice")
    assert notice.data["amount"] == "1100"
    assert notice.data["computation"].endswith("合计1100元")
    on(date(2025, 7, 1))
    as_system(case, Event.FEE_LAPSED, date(2025, 7, 1))
    assert case.outcome == "other.fee_unpaid"


def test_review_chain_and_delivery_fix_the_outcome(staff: Staff) -> None:
    case = make_case(staff, State.REVIEW_FIRST, answer="withheld_state_secret")
    with pytest.raises(GuardFailed, match="审核人不能是答复的拟稿人"):
        from gongkai.organs.models import Membership

        Membership.objects.create(user=staff.officer, organ=staff.organ, role="reviewer")
        services.apply(case, Event.APPROVE_FIRST, staff.officer)
    services.apply(case, Event.RETURN_FOR_REVISION, staff.reviewer, "理由不充分")
    assert case.state == State.PROCESSING
    services.apply(
        case, Event.DRAFT_REPLY, staff.officer, "经定密", data={"answer": "withheld_state_secret"}
    )
    services.apply(case, Event.APPROVE_FIRST, staff.reviewer)
    with pytest.raises(
        GuardFailed, match="同一人不能担任两级审核：您已完成本轮初审，请由其他审核人办理复审"
    ):
        services.apply(case, Event.APPROVE_SECOND, staff.reviewer)
    services.apply(case, Event.APPROVE_SECOND, staff.reviewer2)
    services.apply(case, Event.SIGN_OFF, staff.head)
    services.apply(case, Event.DELIVER, staff.officer)
    assert (case.state, case.outcome) == (State.CLOSED, "withheld.state_secret")
    assert projection.replay(case).as_fields() == {
        k: getattr(Application.objects.get(pk=case.pk), k)
        for k in projection.replay(case).as_fields()
    }


def test_the_officer_cannot_pick_a_workflow_outcome(staff: Staff) -> None:
    case = make_case(staff)
    with pytest.raises(InvalidInput, match="由流程自动确定"):
        services.apply(case, Event.DRAFT_REPLY, staff.officer, data={"answer": "fee_unpaid"})


def test_withdrawal_is_an_end_and_counts_as_other(staff: Staff) -> None:
    case = make_case(staff)
    services.apply(case, Event.WITHDRAW, None, "申请人书面撤回", as_role=Role.APPLICANT)
    assert (case.state, case.outcome) == (State.WITHDRAWN, "other.other")
    with pytest.raises(NotAllowedInState):
        services.apply(case, Event.REOPEN, staff.head, "x")
