"""Letters right in law: reasons required where the Regulation requires them, the officer's
extension reason, one salutation, 落款 and date, and 见附件 only with attachments."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import answers, services
from gongkai.applications.errors import InvalidInput
from gongkai.applications.models import CaseEvent, Notice
from gongkai.applications.workflow import Event, State
from gongkai_demo.simulate import REPLY_REASONS

from .factories import Staff, make_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]

NEEDS_REASON = [a for a in answers.OFFICER_ANSWERS if a.reason_required]


def test_the_answers_that_must_give_reasons() -> None:
    keys = {a.key for a in NEEDS_REASON}
    assert {"partially_granted", "not_responsible", "petition", "publication"} <= keys
    assert all(a.key in keys for a in answers.OFFICER_ANSWERS if a.key.startswith("withheld_"))
    assert "granted" not in keys and "not_held" not in keys


@pytest.mark.parametrize("chosen", NEEDS_REASON, ids=lambda a: a.key)
@pytest.mark.parametrize("reason", ["", "  ", "（理由略）", "略", "见附件", "……"])
def test_an_empty_or_placeholder_reason_is_refused_and_nothing_stored(
    chosen: answers.Answer, reason: str
) -> None:
    staff = Staff()
    case = make_case(staff)
    before = CaseEvent.objects.filter(application=case).count()
    with pytest.raises(InvalidInput) as refused:
        services.apply(case, Event.DRAFT_REPLY, staff.officer, reason, data={"answer": chosen.key})
    assert refused.value.message == f"答复理由或说明：{chosen.reason_required}"
    assert "条例" in chosen.reason_required or chosen.key in ("confirmation", "other")
    case.refresh_from_db()
    assert (case.state, case.answer) == (State.PROCESSING, "")
    assert CaseEvent.objects.filter(application=case).count() == before


def test_the_demo_and_simulation_write_a_real_reason_for_every_answer_that_needs_one() -> None:
    for chosen in NEEDS_REASON:
        assert answers.reason_problem(chosen, REPLY_REASONS[chosen.key]) == "", chosen.key


def test_no_letter_prints_a_placeholder_reason() -> None:
    for chosen in answers.ANSWERS:
        assert "理由略" not in chosen.decision_text("")
        assert "（见附件）" not in chosen.decision_text("理由", attached=False)


def test_the_extension_notice_gives_the_officers_reason_not_the_heads_comment() -> None:
    staff = Staff()
    case = make_case(staff, State.EXTENSION_PENDING, received_on=date(2025, 6, 2))
    services.apply(case, Event.APPROVE_EXTENSION, staff.head, "同意延期，请抓紧办理")
    notice = Notice.objects.get(application=case, kind=Event.APPROVE_EXTENSION)
    assert "因需调取档案，经政府信息公开工作机构负责人同意" in notice.body
    assert "同意延期，请抓紧办理" not in notice.body


def test_the_reply_notice_has_one_salutation_a_signature_and_a_date() -> None:
    staff = Staff()
    case = make_case(staff, State.CLOSED, received_on=date(2025, 6, 2), answer="partially_granted")
    notice = Notice.objects.get(application=case, kind=Event.DELIVER)
    lines = notice.body.splitlines()
    assert lines[0] == "政府信息公开申请答复告知书"
    assert lines[1] == f"{staff.organ.short_name}〔2025〕依申请第1号"
    assert lines[2] == "张三："
    assert notice.body.count("张三：") == 1
    assert lines[-2:] == [staff.organ.name, "2025年6月16日"]
    assert "现向您提供可以公开的部分，不予公开部分的理由：现予提供" in notice.body


def test_remedies_name_the_organs_appeal_body_and_court() -> None:
    staff = Staff()
    staff.organ.reconsideration_body = "测试区人民政府"
    staff.organ.court = "测试区人民法院"
    staff.organ.save()
    case = make_case(staff, State.CLOSED, received_on=date(2025, 6, 2))
    notice = Notice.objects.get(application=case, kind=Event.DELIVER)
    assert (
        "如对本答复不服，可以自收到本告知书之日起60日内向测试区人民政府申请行政复议，"
        "或者自收到本告知书之日起6个月内向测试区人民法院提起行政诉讼。"
    ) in notice.body


def test_every_notice_ends_with_the_organ_and_its_date() -> None:
    staff = Staff()
    for state in (State.CORRECTION, State.EXTENSION_PENDING, State.FEE_PENDING, State.CLOSED):
        make_case(staff, state, received_on=date(2025, 6, 13))
    extended = make_case(staff, State.EXTENSION_PENDING, received_on=date(2025, 6, 13))
    services.apply(extended, Event.APPROVE_EXTENSION, staff.head, "同意")
    notices = list(Notice.objects.all())
    assert {n.kind for n in notices} >= {
        Event.REQUEST_CORRECTION,
        Event.APPROVE_EXTENSION,
        Event.SEND_FEE_NOTICE,
        Event.DELIVER,
    }
    for notice in notices:
        assert notice.body.splitlines()[-2:] == [staff.organ.name, "2025年6月16日"], notice.kind
        assert "（未定）" not in notice.body and "None" not in notice.body
