"""The applicant answers a 补正 request online (条例第三十条): the period restarts that day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai.applications import corrections, files, lookup, projection, services
from gongkai.applications.errors import InvalidInput, NotAllowedInState
from gongkai.applications.models import Application, CaseEvent, ReplyFile
from gongkai.applications.workflow import Event, State

from .factories import Staff, make_case

pytestmark = pytest.mark.django_db

RECEIVED = date(2025, 6, 16)  # a Monday; the 补正 notice goes out the same day
NOTICE_REPLY_BY = date(2025, 7, 7)  # 15 working days after the notice
SENT = date(2025, 6, 20)  # the Friday the applicant answers online
RESTARTED_DUE = date(2025, 7, 18)  # 20 working days from the day the correction came in
PDF = b"%PDF-1.4\n% correction\n"
TEXT = "所需文件为《示范区2024年老旧小区改造项目立项批复》，文号示发改〔2024〕12号。"


def upload(name: str = "补正说明.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def with_token(case: Application) -> str:
    """Give a case made by the factories a private link of its own."""
    token = "applicant-private-token"
    Application.objects.filter(pk=case.pk).update(token_digest=lookup.digest(token))
    return token


def open_link(client: Client, case: Application, token: str) -> str:
    """The applicant opens the private link: its token is exchanged for the case's cookie
    and a clean URL, whose page is returned."""
    r = client.get(f"/apply/{case.number}/?token={token}")
    assert r.status_code == 303 and r["Location"] == f"/apply/{case.number}/"
    return client.get(r["Location"]).content.decode()


def stored(settings: Any) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


@pytest.fixture
def waiting(travel: Callable[[date], None]) -> tuple[Staff, Application, str]:
    """A case received on 16 June 2025 and sent a 补正 notice that day; it is now 20 June."""
    travel(RECEIVED)
    staff = Staff()
    case = make_case(staff, State.CORRECTION, received_on=RECEIVED)
    travel(SENT)
    case.refresh_from_db()
    return staff, case, with_token(case)


def snapshot(case: Application) -> tuple[Any, ...]:
    row = Application.objects.get(pk=case.pk)
    return (
        row.state,
        row.version,
        row.due_on,
        CaseEvent.objects.filter(application=case).count(),
        ReplyFile.objects.filter(application=case).count(),
    )


# ------------------------------------------------------------------ the service


def test_the_period_restarts_from_the_day_the_correction_is_sent(
    waiting: tuple[Staff, Application, str],
) -> None:
    _, case, _ = waiting
    assert (case.state, case.clock_paused, case.due_on) == (State.CORRECTION, True, None)
    row = services.correct_by_applicant(case, f"  {TEXT}\n", [upload()])
    assert (row.action, row.role, row.actor_name, row.actor, row.on, row.reason) == (
        Event.CORRECTION_RECEIVED,
        "applicant",
        "申请人",
        None,
        SENT,
        TEXT,
    )
    assert row.data["files"] == [
        {"name": "补正说明.pdf", "size": len(PDF), "sha256": files.check([upload()])[0].sha256}
    ]
    case.refresh_from_db()
    assert (case.state, case.clock_paused, case.received_on) == (State.PROCESSING, False, RECEIVED)
    assert case.due_on == RESTARTED_DUE == services.current_calendar().add_workdays(SENT, 20)
    assert projection.replay(case).due_on == RESTARTED_DUE  # derived from the events alone
    assert [f.name for f in corrections.received(case)[0].files] == ["补正说明.pdf"]


@pytest.mark.parametrize("text", ["", "   ", "略", "见附件", "（理由略）", "。。。", "——"])
def test_an_empty_or_placeholder_text_is_refused_and_nothing_is_stored(
    waiting: tuple[Staff, Application, str], settings: Any, text: str
) -> None:
    _, case, _ = waiting
    before = snapshot(case)
    with pytest.raises(InvalidInput) as refused:
        services.correct_by_applicant(case, text, [upload()])
    assert refused.value.message == "补正内容：请写明补正的内容：针对补正通知列明的事项逐项说明"
    assert snapshot(case) == before and stored(settings) == []


def test_a_case_no_longer_waiting_for_correction_refuses(travel: Callable[[date], None]) -> None:
    travel(RECEIVED)
    case = make_case(Staff(), State.PROCESSING, received_on=RECEIVED)
    before = snapshot(case)
    with pytest.raises(NotAllowedInState) as refused:
        services.correct_by_applicant(case, TEXT)
    assert refused.value.message == (
        f"申请{case.number}当前状态为“办理中”，不在等待补正，不能再在网上提交补正材料"
    )
    assert refused.value.status == 409 and snapshot(case) == before


def test_a_refused_file_stores_nothing(
    waiting: tuple[Staff, Application, str], settings: Any
) -> None:
    _, case, _ = waiting
    before = snapshot(case)
    with pytest.raises(InvalidInput) as refused:
        services.correct_by_applicant(case, TEXT, [upload(), upload("setup.exe", b"MZ\x90")])
    assert refused.value.message == (
        f"文件“setup.exe”的类型不允许：只接受{files.ALLOWED_LABEL}，收到“.exe”"
    )
    assert snapshot(case) == before and stored(settings) == []


# ------------------------------------------------------------------ the applicant's page


def test_the_page_shows_what_was_asked_and_by_when_and_the_form(
    waiting: tuple[Staff, Application, str], client: Client
) -> None:
    _, case, token = waiting
    page = open_link(client, case, token)
    assert f'<strong id="correction-by">{NOTICE_REPLY_BY.isoformat()}前</strong>' in page
    assert "<li>请写明所需文件的名称或文号</li>" in page
    assert 'id="correction-form" enctype="multipart/form-data"' in page
    assert f'action="/apply/{case.number}/correction/"' in page and token not in page


def test_sending_online_records_the_day_and_shows_the_new_due_date(
    waiting: tuple[Staff, Application, str], client: Client, settings: Any
) -> None:
    _, case, token = waiting
    open_link(client, case, token)
    follow = f"/apply/{case.number}/"
    r = client.post(
        f"/apply/{case.number}/correction/",
        {"text": TEXT, "files": [upload(), upload("目录.txt", "一、立项批复".encode())]},
        follow=True,
    )
    assert r.redirect_chain == [(follow, 302)]
    page = r.content.decode()
    assert (
        "已收到您的补正材料（附2个文件），收到日期2025-06-20；"
        "答复期限自该日起重新计算，至2025-07-18。"
    ) in page
    assert "<tr><td>2025-06-20</td><td>收到补正材料</td></tr>" in page
    assert "本机关已于<strong>2025-06-20</strong>收到补正材料（网上提交）" in page
    assert "答复期限自该日起重新计算：<strong>2025-07-18</strong>前作出答复" in page
    assert 'id="correction-form"' not in page
    assert '<dd id="state">办理中</dd>' in page
    assert len(stored(settings)) == 2
    assert [f.name for f in ReplyFile.objects.filter(application=case)] == [
        "补正说明.pdf",
        "目录.txt",
    ]
    again = client.post(f"/apply/{case.number}/correction/", {"text": TEXT})
    assert again.status_code == 409
    assert (
        f"申请{case.number}当前状态为“办理中”，不在等待补正，不能再在网上提交补正材料"
        in again.content.decode()
    )
    assert CaseEvent.objects.filter(application=case, action=Event.CORRECTION_RECEIVED).count() == 1


def test_the_files_are_for_the_organs_staff_only(
    waiting: tuple[Staff, Application, str], client: Client
) -> None:
    staff, case, token = waiting
    services.correct_by_applicant(case, TEXT, [upload()])
    row = ReplyFile.objects.get(application=case)
    officer = Client()
    officer.force_login(staff.officer)
    page = officer.get(f"/office/applications/{case.number}/").content.decode()
    assert '<section class="card" id="corrections"><h2>补正材料</h2>' in page
    assert "2025-06-20 收到补正材料（申请人网上提交）" in page
    assert TEXT in page
    link = f"/office/applications/{case.number}/files/{row.pk}/"
    assert f'<a href="{link}">补正说明.pdf</a>' in page
    download = officer.get(link)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF

    outsider = Client()
    outsider.force_login(Staff().officer)  # an officer of another organ
    assert outsider.get(link).status_code == 404
    assert client.get(link).status_code == 302  # not logged in: to the login page
    applicant = client.get(f"/apply/{case.number}/files/{row.pk}/?token={token}", follow=True)
    assert applicant.status_code == 404  # not a file of a delivered reply
    assert "/office/" not in client.get(f"/apply/{case.number}/").content.decode()


@pytest.mark.parametrize("text", ["", "  ", "略", "见附件"])
def test_an_empty_text_gets_the_fields_message_once_and_nothing_is_stored(
    waiting: tuple[Staff, Application, str], client: Client, settings: Any, text: str
) -> None:
    _, case, token = waiting
    open_link(client, case, token)
    before = snapshot(case)
    r = client.post(f"/apply/{case.number}/correction/", {"text": text, "files": [upload()]})
    page = r.content.decode()
    assert r.status_code == 400
    assert page.count("请写明补正的内容：针对补正通知列明的事项逐项说明") == 1
    assert '<div class="field has-errors" id="field-correction-text">' in page
    assert snapshot(case) == before and stored(settings) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "文件“setup.exe”的类型不允许"),
        ("扫描件.pdf", b"not a pdf", "文件“扫描件.pdf”的内容与扩展名“.pdf”不符"),
        ("大文件.pdf", PDF + b"x" * 100, "文件“大文件.pdf”超过单个文件"),
    ],
)
def test_a_refused_file_is_a_field_error_and_nothing_is_stored(
    waiting: tuple[Staff, Application, str],
    client: Client,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    message: str,
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 64)
    _, case, token = waiting
    open_link(client, case, token)
    before = snapshot(case)
    r = client.post(
        f"/apply/{case.number}/correction/",
        {"text": TEXT, "files": [upload(), upload(name, content)]},
    )
    page = r.content.decode()
    assert r.status_code == 400 and page.count(message) == 1
    assert '<div class="field has-errors" id="field-correction-files">' in page
    assert TEXT in page  # what was typed is kept
    assert snapshot(case) == before and stored(settings) == []


def test_a_case_not_waiting_for_correction_answers_409(
    travel: Callable[[date], None], client: Client
) -> None:
    travel(RECEIVED)
    case = make_case(Staff(), State.CONSULTING, received_on=RECEIVED)
    token = with_token(case)
    page = open_link(client, case, token)
    assert 'id="correction' not in page
    before = snapshot(case)
    r = client.post(f"/apply/{case.number}/correction/", {"text": TEXT})
    assert r.status_code == 409
    assert (
        f"申请{case.number}当前状态为“征求意见中”，不在等待补正，不能再在网上提交补正材料"
    ) in r.content.decode()
    assert snapshot(case) == before


def test_only_the_cases_own_link_may_correct(
    waiting: tuple[Staff, Application, str], client: Client
) -> None:
    _, case, _ = waiting
    before = snapshot(case)
    assert client.get(f"/apply/{case.number}/correction/").status_code == 405
    r = client.post(f"/apply/{case.number}/correction/?token=wrong", {"text": TEXT})
    assert r.status_code == 404 and snapshot(case) == before


def test_a_provisional_period_is_marked_and_no_date_is_promised(
    travel: Callable[[date], None], client: Client
) -> None:
    """Across into a year whose holiday notice is not entered: the notice's period in
    words, and the restarted due date marked 暂定."""
    travel(date(2026, 12, 14))
    case = make_case(Staff(), State.CORRECTION, received_on=date(2026, 12, 14))
    token = with_token(case)
    page = open_link(client, case, token)
    assert "自补正通知发出之日（2026-12-14）起15个工作日内" in page
    assert "2027-" not in page
    travel(date(2026, 12, 16))
    open_link(client, case, token)  # two days later: the link again (the cookie has ended)
    r = client.post(f"/apply/{case.number}/correction/", {"text": TEXT}, follow=True)
    case.refresh_from_db()
    assert case.due_provisional and case.due_on is not None
    page = r.content.decode()
    due = case.due_on.isoformat()
    assert f'<strong>{due}</strong> <span class="badge badge-provisional">暂定</span>' in page
    assert f"答复期限自该日起重新计算，暂定至{due}" in page
