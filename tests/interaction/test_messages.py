"""网民留言: the rules a citizen, an officer and a reviewer would notice."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from gongkai.annual import AnnualReport
from gongkai.interaction import privacy, services, stats, workflow
from gongkai.interaction.models import Message, ReplySettings
from gongkai.organs.models import Membership
from gongkai.organs.roles import Role
from gongkai.reports import skeleton

pytestmark = pytest.mark.django_db

FIELDS = {"kind": "consult", "subject": "办事指南在哪里", "body": "请问办事指南在哪里查看？"}


@pytest.fixture
def staff(organ_tree: dict[str, Any], make_member: Any) -> dict[str, Any]:
    a = organ_tree["a"]
    return {
        "organ": a,
        "other": organ_tree["b"],
        "officer": make_member(a, Role.OFFICER, username="officer"),
        "reviewer": make_member(a, Role.REVIEWER, username="reviewer"),
        "head": make_member(a, Role.HEAD, username="head"),
        "outsider": make_member(organ_tree["b"], Role.OFFICER, username="outsider"),
    }


def _replied(staff: dict[str, Any], *, publishable: bool = True, publish: bool = True) -> Message:
    message, _ = services.submit(staff["organ"], {**FIELDS, "publishable": publishable})
    services.save_draft(message, staff["officer"], "在本机关网站“办事指南”栏目查看。")
    services.submit_reply(message, staff["officer"])
    return services.approve(message, staff["reviewer"], publish=publish)


def test_the_reply_period_is_the_organs_working_days_after_receipt(
    staff: dict[str, Any], frozen_today: date
) -> None:
    message, token = services.submit(staff["organ"], FIELDS)
    calendar = services.casework.current_calendar()
    assert message.due_on == calendar.add_workdays(frozen_today, 5)
    ReplySettings.objects.create(organ=staff["organ"], workdays=10)
    later, _ = services.submit(staff["organ"], FIELDS)
    assert later.due_on == calendar.add_workdays(frozen_today, 10)
    assert message.number.endswith("-00001") and later.number.endswith("-00002")
    assert services.message_for_token(message.number, token) == message
    assert services.message_for_token(later.number, token) is None
    assert services.message_for_lookup(message.number, services.casework.lookup_code(token))


def test_a_reply_is_reviewed_by_someone_else_and_published_only_with_consent(
    staff: dict[str, Any], frozen_today: date
) -> None:
    message, _ = services.submit(staff["organ"], FIELDS)
    with pytest.raises(services.MessageError, match="答复内容不能为空"):
        services.save_draft(message, staff["officer"], "  ")
    with pytest.raises(services.MessageError, match="公开专员"):
        services.save_draft(message, staff["reviewer"], "答复")
    services.save_draft(message, staff["officer"], "答复内容")
    services.submit_reply(message, staff["officer"])
    with pytest.raises(services.MessageError, match="须填写理由"):
        services.send_back(message, staff["reviewer"], "")
    services.send_back(message, staff["reviewer"], "请写明栏目位置")
    message.refresh_from_db()
    assert message.state == workflow.DRAFTED
    services.submit_reply(message, staff["officer"])
    with pytest.raises(services.MessageError, match="未同意公开"):
        services.approve(message, staff["reviewer"], publish=True)
    approved = services.approve(message, staff["head"])
    assert approved.state == workflow.REPLIED and approved.replied_on == frozen_today
    assert not approved.public
    kinds = list(approved.events.values_list("action", "public"))
    assert ("approve", True) in kinds and ("send_back", False) in kinds


def test_the_drafter_cannot_approve_their_own_reply(
    staff: dict[str, Any], make_member: Any
) -> None:
    both = make_member(staff["organ"], Role.OFFICER, username="both")
    Membership.objects.create(user=both, organ=staff["organ"], role=Role.REVIEWER)
    message, _ = services.submit(staff["organ"], FIELDS)
    services.save_draft(message, both, "答复")
    services.submit_reply(message, both)
    with pytest.raises(services.MessageError, match="起草人以外"):
        services.approve(message, both)


def test_transfer_makes_a_message_of_the_other_organ_with_the_same_link(
    staff: dict[str, Any], frozen_today: date
) -> None:
    message, token = services.submit(staff["organ"], FIELDS)
    with pytest.raises(services.MessageError, match="本机关"):
        services.transfer(message, staff["officer"], staff["organ"], "理由")
    services.transfer(message, staff["officer"], staff["other"], "属乙局职责")
    message.refresh_from_db()
    moved = message.transferred_to
    assert message.state == workflow.TRANSFERRED
    assert moved.organ == staff["other"] and moved.state == workflow.RECEIVED
    assert services.message_for_token(moved.number, token) == moved
    assert "属乙局职责" in message.events.get(action="transfer").reason
    assert message.events.get(action="transfer").public


def test_conversion_keeps_the_day_received_and_the_text(
    staff: dict[str, Any], frozen_today: date
) -> None:
    received = frozen_today - timedelta(days=2)
    message, _ = services.submit(staff["organ"], FIELDS, received_on=received)
    applicant = services.Applicant(
        applicant_type="natural_person",
        applicant_name="王五",
        id_type="resident_id",
        id_number="110101199003070011",
        phone="13800000000",
        email="",
        address="",
        provision_form="electronic",
        delivery_method="online",
    )
    with pytest.raises(services.MessageError, match="理由"):
        services.convert(message, staff["officer"], applicant, "")
    case = services.convert(message, staff["officer"], applicant, "属于申请获取政府信息")
    assert case.received_on == received and case.channel == "message"
    assert FIELDS["body"] in case.information
    message.refresh_from_db()
    assert message.state == workflow.CONVERTED and message.application == case


def test_the_public_sees_masked_names_and_never_the_contact(
    staff: dict[str, Any], frozen_today: date
) -> None:
    message, _ = services.submit(
        staff["organ"],
        {
            **FIELDS,
            "body": "我的身份证110101199003070011，手机13912345678，邮箱a@b.cn",
            "name": "欧阳娜娜",
            "contact": "13912345678",
            "publishable": True,
        },
    )
    services.save_draft(message, staff["officer"], "已收悉。")
    services.submit_reply(message, staff["officer"])
    services.approve(message, staff["reviewer"], publish=True)
    page = Client().get(f"/messages/shown/{message.number}/").content.decode()
    assert "欧***" in page
    for secret in ("欧阳娜娜", "13912345678", "110101199003070011", "a@b.cn"):
        assert secret not in page
    assert Client().get("/messages/").content.decode().count(message.subject) == 1
    assert privacy.masked_name("") == "网友"


def test_an_unpublished_or_open_message_is_not_public(staff: dict[str, Any]) -> None:
    message, _ = services.submit(staff["organ"], {**FIELDS, "publishable": True})
    assert Client().get(f"/messages/shown/{message.number}/").status_code == 404
    assert Client().get(f"/messages/{message.number}/?token=wrong").status_code == 404


def test_the_private_link_is_used_once_and_leaves_a_clean_address(
    staff: dict[str, Any],
) -> None:
    message, token = services.submit(staff["organ"], FIELDS)
    writer = Client()
    first = writer.get(f"/messages/{message.number}/?token={token}")
    assert first.status_code == 303
    assert first["Location"] == f"/messages/{message.number}/"  # no token in it
    assert first["Referrer-Policy"] == "no-referrer"
    page = writer.get(first["Location"])
    assert page.status_code == 200 and message.subject in page.content.decode()
    assert token not in page.content.decode()
    assert Client().get(f"/messages/{message.number}/").status_code == 404  # a stranger
    assert Client().get(f"/messages/{message.number}/?token=wrong").status_code == 404


def test_after_a_transfer_the_writer_follows_the_message(staff: dict[str, Any]) -> None:
    message, token = services.submit(staff["organ"], FIELDS)
    services.transfer(message, staff["officer"], staff["other"], "属乙局职责")
    moved = Message.objects.get(pk=message.pk).transferred_to
    writer = Client()
    page = writer.get(f"/messages/{message.number}/?token={token}", follow=True)
    assert f'href="/messages/{moved.number}/"' in page.content.decode()
    assert writer.get(f"/messages/{moved.number}/").status_code == 200


def test_lookup_by_number_and_code(staff: dict[str, Any]) -> None:
    message, token = services.submit(staff["organ"], FIELDS)
    client = Client()
    wrong = client.post("/messages/status/", {"number": message.number, "code": "AAAA-AAAA"})
    assert wrong.status_code == 404 and "未找到该留言" in wrong.content.decode()
    code = services.casework.lookup_code(token)
    found = client.post("/messages/status/", {"number": message.number, "code": code})
    assert found.status_code == 302
    assert client.get(found["Location"]).status_code == 200


def test_the_form_says_what_is_wrong_and_stores_nothing(staff: dict[str, Any]) -> None:
    response = Client().post(
        "/messages/write/", {"organ": staff["organ"].pk, "kind": "consult", "body": "短"}
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert "请填写标题" in text and "留言内容太短" in text
    assert not Message.objects.exists()


def test_counts_feed_the_annual_report_sentence(
    staff: dict[str, Any], frozen_today: date, travel: Any
) -> None:
    _replied(staff)
    services.submit(staff["organ"], FIELDS)
    late, _ = services.submit(staff["organ"], FIELDS, received_on=frozen_today - timedelta(days=30))
    services.save_draft(late, staff["officer"], "答复")
    services.submit_reply(late, staff["officer"])
    services.approve(late, staff["reviewer"])
    found = stats.counts(staff["organ"], frozen_today.year)
    rows = Message.objects.filter(organ=staff["organ"], received_on__year=frozen_today.year)
    assert found.received == rows.count() == 3
    assert found.replied == rows.filter(state=workflow.REPLIED).count() == 2
    assert found.on_time == 1 and found.published == 1
    sentence = stats.sentence(found)
    assert sentence == (
        "本年度通过网站“网民留言”栏目收到留言3条，答复2条，其中按期答复1条，"
        "经留言人同意在“留言选登”中公开1条。"
    )
    text = skeleton.sections(AnnualReport(organ="x", year=frozen_today.year), sentence)["1"]
    assert sentence in text
    assert stats.sentence(stats.counts(staff["other"], frozen_today.year)) == ""


def test_other_organs_staff_cannot_open_a_message(staff: dict[str, Any]) -> None:
    message, _ = services.submit(staff["organ"], FIELDS)
    client = Client()
    client.force_login(staff["outsider"])
    assert client.get(f"/office/messages/{message.number}/").status_code == 404
    client.force_login(staff["officer"])
    assert client.get(f"/office/messages/{message.number}/").status_code == 200


def test_attachments_follow_the_file_rules_and_a_transfer(staff: dict[str, Any]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.applications.errors import InvalidInput

    fake = SimpleUploadedFile("照片.pdf", b"not a pdf", content_type="application/pdf")
    with pytest.raises(InvalidInput, match="内容与扩展名"):
        services.submit(staff["organ"], FIELDS, [fake])
    assert not Message.objects.exists()  # nothing half-written
    pdf = SimpleUploadedFile("现场照片.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    message, _ = services.submit(staff["organ"], FIELDS, [pdf])
    row = message.files.get()
    client = Client()
    client.force_login(staff["officer"])
    response = client.get(f"/office/messages/{message.number}/files/{row.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    services.transfer(message, staff["officer"], staff["other"], "属乙局职责")
    message.refresh_from_db()
    assert message.transferred_to.files.get().sha256 == row.sha256
