"""The outbox: send_outbox e-mails or sets aside each notice once; bulk print of notices."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from gongkai.applications.models import CaseEvent, Notice
from gongkai.applications.workflow import State

from .factories import Staff, make_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def send_outbox(*args: str) -> str:
    out = io.StringIO()
    call_command("send_outbox", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def kinds(case) -> list[str]:  # type: ignore[no-untyped-def]
    return list(
        CaseEvent.objects.filter(application=case).order_by("seq").values_list("action", flat=True)
    )


def test_email_notices_are_sent_once_each_with_an_event(settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = LOCMEM
    staff = Staff()
    case = make_case(staff, State.CLOSED)  # delivery by e-mail, address given
    notice = Notice.objects.get(application=case)
    assert (notice.title, notice.status) == ("政府信息公开申请答复告知书", Notice.Status.PENDING)
    assert send_outbox() == "已发送1件，发送失败0件，转为待打印0件"
    assert send_outbox() == "已发送0件，发送失败0件，转为待打印0件"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["zhangsan@example.cn"]
    assert (
        message.subject
        == f"政府信息公开申请答复告知书（{staff.organ.name}，申请编号{case.number}）"
    )
    assert "60日内依法向有管辖权的行政复议机关申请行政复议" in message.body
    notice.refresh_from_db()
    assert (notice.status, notice.sent_to, notice.error) == ("sent", "zhangsan@example.cn", "")
    assert kinds(case)[-1] == "notice_sent"
    assert CaseEvent.objects.filter(application=case, action="notice_sent").count() == 1


def test_a_failed_delivery_records_the_error_and_can_be_retried(settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    case = make_case(Staff(), State.CLOSED)
    assert send_outbox() == "已发送0件，发送失败1件，转为待打印0件"
    notice = Notice.objects.get(application=case)
    assert notice.status == Notice.Status.FAILED
    assert notice.error.startswith("ConnectionRefusedError")
    failed = CaseEvent.objects.get(application=case, action="notice_failed")
    assert failed.reason.startswith("政府信息公开申请答复告知书：ConnectionRefusedError")
    assert send_outbox() == "已发送0件，发送失败0件，转为待打印0件"  # not retried by default
    settings.EMAIL_BACKEND = LOCMEM
    assert send_outbox("--retry-failed") == "已发送1件，发送失败0件，转为待打印0件"
    notice.refresh_from_db()
    assert (notice.status, notice.error) == ("sent", "")
    assert kinds(case)[-2:] == ["notice_failed", "notice_sent"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"delivery_method": "post"}, "to_print"),
        ({"delivery_method": "collect"}, "to_print"),
        ({"delivery_method": "online", "email": ""}, "to_print"),
        ({"delivery_method": "online"}, "sent"),
    ],
)
def test_post_and_collection_notices_are_set_aside_to_print(
    settings, fields: dict[str, str], expected: str
) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = LOCMEM
    case = make_case(Staff(), State.CLOSED, **fields)
    send_outbox()
    assert Notice.objects.get(application=case).status == expected
    assert kinds(case)[-1] == ("notice_to_print" if expected == "to_print" else "notice_sent")


def test_bulk_print_makes_one_pdf_and_one_event_per_case(client: Client) -> None:
    staff = Staff()
    posted = [make_case(staff, State.CLOSED, delivery_method="post") for _ in range(2)]
    emailed = make_case(staff, State.CLOSED)
    send_outbox()  # the first is set aside by the command, the second left pending
    Notice.objects.filter(application=posted[1]).update(status=Notice.Status.PENDING)
    client.force_login(staff.officer)
    queue = client.get("/office/applications/").content.decode()
    assert 'id="to-print"' in queue and posted[0].number in queue
    numbers = [c.number for c in (*posted, emailed)]
    r = client.post("/office/applications/print/", {"numbers": numbers})
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"] == 'attachment; filename="notices.pdf"'
    pdf = pypdfium2.PdfDocument(r.content)
    assert len(pdf) >= 2
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert posted[0].number in text and posted[1].number in text and emailed.number not in text
    for case in posted:
        assert Notice.objects.get(application=case).status == Notice.Status.PRINTED
        assert CaseEvent.objects.filter(application=case, action="notices_printed").count() == 1
    assert not CaseEvent.objects.filter(application=emailed, action="notices_printed").exists()
    again = client.post("/office/applications/print/", {"numbers": numbers}, follow=True)
    html = again.content.decode()
    assert f"{posted[0].number}：没有待打印的通知" in html
    assert CaseEvent.objects.filter(action="notices_printed").count() == 2


def test_bulk_print_follows_the_rules(client: Client) -> None:
    staff = Staff()
    case = make_case(staff, State.CLOSED, delivery_method="post")
    client.force_login(staff.reviewer)
    r = client.post("/office/applications/print/", {"numbers": [case.number]}, follow=True)
    assert f"{case.number}：只有本机关公开专员可以打印通知" in r.content.decode()
    client.force_login(Staff().officer)  # another organ: the case is not even seen
    r = client.post("/office/applications/print/", {"numbers": [case.number]}, follow=True)
    assert r["Content-Type"].startswith("text/html")
    assert Notice.objects.get(application=case).status == Notice.Status.PENDING
    assert not CaseEvent.objects.filter(action="notices_printed").exists()
