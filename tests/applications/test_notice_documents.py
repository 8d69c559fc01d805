"""Every notice and every reply is a complete document, the same in its text (e-mail), DOCX
and PDF: title, 文号 in the organ's pattern, the addressee once, no empty slot and no
placeholder, the article it rests on, the remedies naming the 复议机关 and the court where
the notice decides against the applicant, and a 落款 with the date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from gongkai.applications import answers, documents, outbox, querysets, services
from gongkai.applications.documents import Document
from gongkai.applications.models import Notice
from gongkai.applications.workflow import Event
from gongkai_demo.simulate import REPLY_REASONS

from .factories import Staff, make_case
from .notice_cases import (
    APPEALABLE,
    BASE_URL,
    ISSUE,
    ISSUED_ON,
    LAPSED_ON,
    NUMBER,
    configured,
    delivered,
    docx_text,
    issue,
    pdf_text,
    upload,
)

pytestmark = pytest.mark.django_db

PLACEHOLDERS = (
    "（理由略）",
    "理由略",
    "（未定）",
    "{",
    "}",
    "None",
    "年　　月　　日",
    "（见附件）",
)
EMPTY_SLOTS = (
    "“”",
    "（）",
    "()",
    "：。",
    "：；",
    "：，",
    "，。",
    "，，",
    "；；",
    "。。",
    "编号）",
    "于前",
)
REMEDIES = (
    "可以自收到本告知书之日起60日内向测试区人民政府申请行政复议，"
    "或者自收到本告知书之日起6个月内向测试区人民法院提起行政诉讼。"
)


def test_every_notifying_event_is_covered() -> None:
    assert set(ISSUE) == set(services.NOTIFYING)


def renderings(notice: Notice) -> dict[str, str]:
    """The notice as the applicant can get it: e-mail, DOCX and PDF (one string each)."""
    document = documents.of_notice(notice)
    return {
        "e-mail": outbox._message(notice).body,
        "docx": "\n".join(docx_text(documents.docx(document))),
        "pdf": pdf_text(documents.pdf(document)),
    }


def assert_complete(notice: Notice, day: date) -> dict[str, str]:
    """What every notice must show in every rendering; returns the renderings."""
    organ = notice.application.organ.name
    dated = f"{day.year}年{day.month}月{day.day}日"
    assert re.fullmatch(NUMBER, notice.document_number), notice.document_number
    assert notice.document["number"] == notice.document_number
    lines = notice.body.splitlines()
    assert lines[:3] == [notice.title, notice.document_number, "张三："]
    assert lines[-2:] == [organ, dated]
    rendered = renderings(notice)
    for where, text in rendered.items():
        found = [p for p in (*PLACEHOLDERS, *EMPTY_SLOTS) if p in text]
        assert not found, f"{notice.kind} {where}: {found}\n{text}"
        assert text.count("张三：") == 1, f"{notice.kind} {where}"
        assert notice.document_number in text, f"{notice.kind} {where}"
        assert notice.title in text and notice.application.number in text
        assert f"{organ}{dated}" in text.replace("\n", ""), f"{notice.kind} {where}"
    return rendered


@pytest.mark.parametrize("kind", list(ISSUE), ids=str)
def test_every_notice_is_a_complete_document(
    kind: Event, travel: Callable[[date], None], settings: Any
) -> None:
    settings.GONGKAI_BASE_URL = BASE_URL
    notice = issue(kind, configured(), travel)
    assert notice.title == services.NOTIFYING[kind]
    day = LAPSED_ON if kind in (Event.CORRECTION_LAPSED, Event.FEE_LAPSED) else ISSUED_ON
    rendered = assert_complete(notice, day)
    for where, text in rendered.items():
        assert ("申请行政复议" in text) is (kind in APPEALABLE), f"{kind} {where}"
        if kind in APPEALABLE:
            assert REMEDIES in text, f"{kind} {where}"
        assert "（见附件）" not in text and "附件：" not in text


@pytest.mark.parametrize("chosen", answers.OFFICER_ANSWERS, ids=lambda a: a.key)
def test_every_reply_is_a_complete_document_citing_its_article(
    chosen: answers.Answer, travel: Callable[[date], None], settings: Any
) -> None:
    settings.GONGKAI_BASE_URL = BASE_URL
    travel(ISSUED_ON)
    staff = configured()
    case = delivered(staff, chosen.key)
    notice = Notice.objects.get(application=case, kind=Event.DELIVER)
    rendered = assert_complete(notice, ISSUED_ON)
    decision = chosen.decision_text(REPLY_REASONS.get(chosen.key, ""))
    for where, text in rendered.items():
        assert f"本答复的法律依据：{chosen.basis}。" in text, where
        assert decision in text, where
        assert REMEDIES in text, where
        assert "附件" not in text, where


def test_the_files_are_listed_by_their_titles_and_only_then_见附件(
    travel: Callable[[date], None], settings: Any
) -> None:
    settings.GONGKAI_BASE_URL = BASE_URL
    travel(ISSUED_ON)
    staff = configured()
    case = delivered(
        staff,
        "partially_granted",
        files=[upload("project_list.pdf"), upload("scan-0001.pdf")],
        titles=["2024年老旧小区改造项目清单（删除个人信息）"],
    )
    assert [(f.name, f.title) for f in querysets.reply_files(case)] == [
        ("project_list.pdf", "2024年老旧小区改造项目清单（删除个人信息）"),
        ("scan-0001.pdf", ""),
    ]
    notice = Notice.objects.get(application=case, kind=Event.DELIVER)
    assert notice.document["attachments"] == [
        "2024年老旧小区改造项目清单（删除个人信息）",
        "scan-0001.pdf",
    ]
    for where, text in renderings(notice).items():
        assert "现向您提供可以公开的部分（见附件），不予公开部分的理由" in text, where
        flat = text.replace("\n", "").replace("　", "")
        assert "附件：1. 2024年老旧小区改造项目清单（删除个人信息）2. scan-0001.pdf" in flat, where
        assert "project_list.pdf" not in text, where


def test_more_titles_than_files_is_refused_and_nothing_stored(
    travel: Callable[[date], None],
) -> None:
    from gongkai.applications.errors import InvalidInput

    travel(ISSUED_ON)
    staff = Staff()
    case = make_case(staff)
    before = case.events.count()
    with pytest.raises(InvalidInput) as refused:
        services.apply(
            case,
            Event.DRAFT_REPLY,
            staff.officer,
            "",
            data={"answer": "granted", "file_titles": ["甲", "乙"]},
            files=[upload("a.pdf")],
        )
    assert refused.value.message == (
        "附件名称：填写了2个名称，但只上传了1个文件；请每行填写一个名称，依次对应所选文件"
    )
    assert case.events.count() == before


def test_the_correction_notice_says_how_and_by_when(
    travel: Callable[[date], None], settings: Any
) -> None:
    settings.GONGKAI_BASE_URL = BASE_URL
    notice = issue(Event.REQUEST_CORRECTION, configured(), travel)
    number = notice.application.number
    assert notice.document["body"][-5:] == [
        "补正材料请于2025年7月7日前通过以下任一方式提交：",
        f"（一）网上提交：在本机关网站“查询申请办理进度”页面（{BASE_URL}/apply/status/）凭申请编号{number}"
        "和查询码查看本申请，在线提交补正材料；",
        "（二）邮寄：寄至测试市测试路8号（邮政编码100001），测试区发展和改革局政府信息公开办公室收，"
        f"请在信封上注明申请编号{number}；",
        f"（三）电子邮件：发送至gongkai@fgj.example.gov.cn，邮件主题请注明申请编号{number}。",
        "答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
    ]
    assert "请于2025年7月7日前一并补正以下事项：" in notice.body
    assert "1. 请写明所需文件的名称或文号" in notice.body


def test_a_channel_without_its_setting_is_left_out(
    travel: Callable[[date], None], settings: Any
) -> None:
    settings.GONGKAI_BASE_URL = BASE_URL
    staff = configured(office_address="", office_postcode="", office_email="")
    notice = issue(Event.REQUEST_CORRECTION, staff, travel)
    body = notice.document["body"]
    assert body[-3] == "补正材料请于2025年7月7日前通过以下任一方式提交："
    assert body[-2].startswith("（一）网上提交：") and body[-2].endswith("在线提交补正材料。")
    assert "邮寄" not in notice.body and "电子邮件" not in notice.body
    assert "邮政编码" not in notice.body


def test_without_the_sites_address_the_page_is_named_not_a_bare_path(
    travel: Callable[[date], None], settings: Any
) -> None:
    settings.GONGKAI_BASE_URL = ""
    settings.CSRF_TRUSTED_ORIGINS = []
    notice = issue(Event.REQUEST_CORRECTION, configured(), travel)
    assert "在本机关网站“查询申请办理进度”页面凭申请编号" in notice.body
    assert "/apply/status/" not in notice.body


def test_without_a_postcode_the_post_channel_has_no_empty_brackets(
    travel: Callable[[date], None], settings: Any
) -> None:
    staff = configured(office_postcode="", office_name="")
    notice = issue(Event.REQUEST_CORRECTION, staff, travel)
    number = notice.application.number
    assert f"（二）邮寄：寄至测试市测试路8号，请在信封上注明申请编号{number}；" in notice.body


def test_blank_settings_give_the_default_number_and_remedies(
    travel: Callable[[date], None], settings: Any
) -> None:
    travel(ISSUED_ON)
    staff = Staff()
    case = delivered(staff, "not_held")
    notice = Notice.objects.get(application=case, kind=Event.DELIVER)
    assert notice.document_number == f"{staff.organ.short_name}〔2025〕依申请第1号"
    assert (
        "如对本答复不服，可以自收到本告知书之日起60日内依法向有管辖权的行政复议机关申请行政复议，"
        "或者自收到本告知书之日起6个月内依法向有管辖权的人民法院提起行政诉讼。"
    ) in notice.body
    assert "联系" not in notice.body  # no contact line without contact details


def test_the_document_is_kept_as_issued(travel: Callable[[date], None]) -> None:
    """The PDF shows the notice as it was issued, even after the organ's settings change."""
    notice = issue(Event.DELIVER, configured(), travel)
    organ = notice.application.organ
    organ.name, organ.court = "测试区发展和改革委员会", "另一法院"
    organ.save()
    notice.refresh_from_db()
    document = documents.of_notice(notice)
    assert document == Document.from_json(notice.document)
    assert document.text() == notice.body
    text = pdf_text(documents.pdf(document))
    assert "测试区人民法院" in text and "另一法院" not in text


def test_the_delivery_email_carries_the_letter_pdf_the_files_and_the_status_link(
    travel: Callable[[date], None], settings: Any
) -> None:
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.GONGKAI_BASE_URL = BASE_URL
    travel(ISSUED_ON)
    case = delivered(configured(), "granted", files=[upload("批复.pdf")], titles=["立项批复"])
    summary = outbox.deliver_pending()
    assert summary.sent == 1
    message = mail.outbox[0]
    (letter, content, kind), attached = message.attachments[0], message.attachments[1:]
    assert (letter, kind) == (f"政府信息公开申请答复告知书-{case.number}.pdf", "application/pdf")
    assert content.startswith(b"%PDF-") and case.number in pdf_text(content)
    assert "立项批复" in pdf_text(content)
    assert [a[0] for a in attached] == ["批复.pdf"]
    assert message.body.endswith(
        f"查询办理进度：请访问{BASE_URL}/apply/status/，凭申请编号{case.number}和查询码查看本申请、"
        "下载通知书及所附文件。"
    )


def test_files_over_the_limit_stay_behind_but_the_letter_always_goes(
    travel: Callable[[date], None], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    monkeypatch.setattr(outbox, "ATTACH_LIMIT", 1)
    travel(ISSUED_ON)
    case = delivered(configured(), "granted", files=[upload("批复.pdf")])
    outbox.deliver_pending()
    message = mail.outbox[0]
    assert [a[0] for a in message.attachments] == [f"政府信息公开申请答复告知书-{case.number}.pdf"]
    assert "所附文件较大，未随邮件发送" in message.body


@pytest.mark.parametrize("kind", [Event.CONFIRM, Event.REQUEST_CORRECTION], ids=str)
def test_every_email_ends_with_how_to_find_the_case(
    kind: Event, travel: Callable[[date], None], settings: Any
) -> None:
    settings.GONGKAI_BASE_URL = BASE_URL
    notice = issue(kind, configured(), travel)
    body = outbox._message(notice).body
    assert body.startswith(notice.body)
    assert f"请访问{BASE_URL}/apply/status/，凭申请编号{notice.application.number}和查询码" in body


def test_a_notice_issued_before_documents_were_kept_is_laid_out_from_its_text(
    travel: Callable[[date], None],
) -> None:
    notice = issue(Event.CONFIRM, configured(), travel)
    organ = notice.application.organ.name
    Notice.objects.filter(pk=notice.pk).update(
        document={},
        document_number="",
        body=f"受理告知\n张三：\n    您的申请已于2025年6月16日确认收到。\n{organ}\n2025年6月16日",
    )
    notice.refresh_from_db()
    document = documents.of_notice(notice)
    assert (document.title, document.number, document.salutation) == ("受理告知", "", "张三：")
    assert document.body == ("您的申请已于2025年6月16日确认收到。",)
    assert (document.signed, document.dated) == (organ, ISSUED_ON)
    assert document.text().splitlines()[-2:] == [organ, "2025年6月16日"]
