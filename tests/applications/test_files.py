"""Files provided with a reply: checked on upload, stored safely, served only privately."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from gongkai.applications import files, services
from gongkai.applications.errors import InvalidInput
from gongkai.applications.models import Application, CaseEvent, ReplyFile
from gongkai.applications.workflow import Event, State
from gongkai.organs.models import Membership
from tests.conftest import FROZEN_TODAY

from .factories import DATA, PATHS, REASONS, Staff, make_case, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]

PDF = b"%PDF-1.4\n% test\n"


def upload(name: str, content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def draft_with_files(client: Client, staff: Staff, case: Application, *uploads: SimpleUploadedFile):  # type: ignore[no-untyped-def]
    client.force_login(staff.officer)
    return client.post(
        f"/office/applications/{case.number}/actions/draft_reply/",
        {
            "version": case.version,
            "answer": "granted",
            "reason": "现予提供",
            "files": list(uploads),
        },
        follow=True,
    )


def finish(case: Application, staff: Staff) -> None:
    """From 初审 to delivery, through the services."""
    case.refresh_from_db()
    for event, who in PATHS[State.CLOSED][1:]:
        services.apply(
            case, event, getattr(staff, who), REASONS.get(event, ""), data=DATA.get(event)
        )


def stored_files(settings) -> list[Path]:  # type: ignore[no-untyped-def]
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_files_uploaded_on_the_reply_step_are_stored_and_listed_in_the_letter(
    client: Client, settings
) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    case = make_case(staff)
    r = draft_with_files(
        client, staff, case, upload("立项批复.pdf"), upload("附表.txt", "甲乙".encode())
    )
    assert "已办理：拟写答复并提交初审" in r.content.decode()
    rows = list(ReplyFile.objects.filter(application=case))
    assert [(f.name, f.size, f.content_type) for f in rows] == [
        ("立项批复.pdf", len(PDF), "application/pdf"),
        ("附表.txt", 6, "text/plain"),
    ]
    on_disk = stored_files(settings)
    assert len(on_disk) == 2 and not any("立项" in str(p) for p in on_disk)
    assert all(Path(settings.MEDIA_ROOT).resolve() / "applications" in p.parents for p in on_disk)
    draft = CaseEvent.objects.get(application=case, action="draft_reply")
    assert [f["name"] for f in draft.data["files"]] == ["立项批复.pdf", "附表.txt"]
    finish(case, staff)
    docx = client.get(f"/office/applications/{case.number}/letter.docx")
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "附件：\n1. 立项批复.pdf\n2. 附表.txt" in text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "tool.exe",
            b"MZ",
            "文件“tool.exe”的类型不允许：只接受PDF、Word（DOC/DOCX）、Excel（XLS/XLSX）、OFD、ZIP、JPG、PNG、TXT，收到“.exe”",
        ),
        (
            "page.pdf",
            b"<html>",
            "文件“page.pdf”的内容与扩展名“.pdf”不符（文件头不是PDF格式），请确认文件未损坏或改名",
        ),
        ("notes.txt", b"a\x00b", "文件“notes.txt”不是文本文件（含有二进制内容）"),
        ("big.pdf", PDF + b"x" * 100, "文件“big.pdf”超过单个文件0.0MB的大小限制（实际0.0MB）"),
    ],
)
def test_bad_files_are_refused_in_chinese_and_nothing_is_written(
    client: Client,
    settings,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    message: str,
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 50)
    staff = Staff()
    case = make_case(staff)
    before = case.version
    r = draft_with_files(client, staff, case, upload("ok.pdf", PDF[:20]), upload(name, content))
    assert message in r.content.decode()
    case.refresh_from_db()
    assert (case.state, case.version) == (State.PROCESSING, before)
    assert not ReplyFile.objects.exists() and stored_files(settings) == []


def test_files_only_with_the_reply_step() -> None:
    staff = Staff()
    case = make_case(staff)
    with pytest.raises(InvalidInput, match="只有拟写答复时可以上传答复所附文件"):
        services.apply(
            case, Event.OPEN_CONSULTATION, staff.officer, "征求意见", files=[upload("a.pdf")]
        )


def test_files_are_served_only_to_the_organs_staff_and_the_applicant(client: Client) -> None:
    staff = Staff()
    case, token = services.register(
        staff.organ,
        {**_applicant()},
        staff.officer,
        channel="letter",
        received_on=FROZEN_TODAY,
    )
    draft_with_files(client, staff, case, upload("批复.pdf"))
    row = ReplyFile.objects.get()
    office = f"/office/applications/{case.number}/files/{row.pk}/"
    public = f"/apply/{case.number}/files/{row.pk}/?token={token}"

    client.force_login(staff.reviewer)
    r = client.get(office)
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF
    assert r["Content-Type"] == "application/pdf"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%E6%89%B9%E5%A4%8D.pdf" in r["Content-Disposition"]

    client.force_login(Staff().officer)
    assert client.get(office).status_code == 404
    supervisor = make_user()
    parent = Staff().organ
    staff.organ.parent = parent
    staff.organ.save()
    Membership.objects.create(user=supervisor, organ=parent, role="supervisor")
    client.force_login(supervisor)
    assert client.get(office).status_code == 404
    client.logout()
    assert client.get(office).status_code == 302  # to the log-in page

    # still in review: not the applicant's yet (the link leaves its cookie all the same)
    assert client.get(public, follow=True).status_code == 404
    finish(case, staff)
    r = client.get(public.split("?")[0])  # by the cookie
    assert r.status_code == 200 and r["X-Content-Type-Options"] == "nosniff"
    assert r["Content-Disposition"].startswith("attachment;")
    assert Client().get(public.replace(token, "wrong")).status_code == 404
    assert Client().get(public.split("?")[0]).status_code == 404
    follow = client.get(f"/apply/{case.number}/").content.decode()
    assert f'href="/apply/{case.number}/files/{row.pk}/"' in follow and "token" not in follow


def test_the_reply_email_carries_the_files(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    staff = Staff()
    case = make_case(staff)
    draft_with_files(client, staff, case, upload("批复.pdf"))
    finish(case, staff)
    call_command("send_outbox", stdout=io.StringIO())
    letter, *files = mail.outbox[0].attachments
    assert letter[0] == f"政府信息公开申请答复告知书-{case.number}.pdf"
    assert letter[1].startswith(b"%PDF-")
    assert files == [("批复.pdf", PDF, "application/pdf")]


def _applicant() -> dict[str, str]:
    from .factories import APPLICANT

    return dict(APPLICANT)
