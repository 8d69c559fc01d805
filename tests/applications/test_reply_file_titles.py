"""The officer names each file of the reply on the draft-reply step; the letter lists the
files by those names (附件名称), a file left unnamed by its file name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from gongkai.applications import services
from gongkai.applications.models import CaseEvent, Notice, ReplyFile
from gongkai.applications.workflow import Event, State

from .factories import DATA, PATHS, REASONS, Staff, make_case
from .notice_cases import ISSUED_ON, upload

pytestmark = pytest.mark.django_db


def draft(client: Client, staff: Staff, case: object, titles: str, *names: str):  # type: ignore[no-untyped-def]
    client.force_login(staff.officer)
    return client.post(
        f"/office/applications/{case.number}/actions/draft_reply/",  # type: ignore[attr-defined]
        {
            "version": case.version,  # type: ignore[attr-defined]
            "answer": "granted",
            "reason": "",
            "files": [upload(n) for n in names],
            "file_titles": titles,
        },
        follow=True,
    )


def test_the_draft_reply_form_asks_for_the_titles(
    client: Client, travel: Callable[[date], None]
) -> None:
    travel(ISSUED_ON)
    staff = Staff()
    case = make_case(staff)
    client.force_login(staff.officer)
    page = client.get(f"/office/applications/{case.number}/").content.decode()
    assert 'name="file_titles"' in page and "附件名称（每行一个，依次对应所选文件" in page


def test_titles_given_on_the_form_name_the_attachments(
    client: Client, travel: Callable[[date], None]
) -> None:
    travel(ISSUED_ON)
    staff = Staff()
    case = make_case(staff)
    r = draft(client, staff, case, "立项批复\n\n", "pifu.pdf", "table.pdf")
    assert "已办理：拟写答复并提交初审" in r.content.decode()
    rows = ReplyFile.objects.filter(application=case).order_by("id")
    assert [(f.name, f.title) for f in rows] == [("pifu.pdf", "立项批复"), ("table.pdf", "")]
    drafted = CaseEvent.objects.get(application=case, action=Event.DRAFT_REPLY)
    assert [f["title"] for f in drafted.data["files"]] == ["立项批复", ""]
    assert "file_titles" not in drafted.data
    case.refresh_from_db()
    for event, who in PATHS[State.CLOSED][1:]:
        services.apply(
            case, event, getattr(staff, who), REASONS.get(event, ""), data=DATA.get(event)
        )
    notice = Notice.objects.get(application=case, kind=Event.DELIVER)
    assert notice.document["attachments"] == ["立项批复", "table.pdf"]
    assert "现予以提供（见附件）。" in notice.body
    assert "附件：\n　　1. 立项批复\n　　2. table.pdf" in notice.body


def test_titles_without_files_are_refused_with_the_reason(
    client: Client, travel: Callable[[date], None]
) -> None:
    travel(ISSUED_ON)
    staff = Staff()
    case = make_case(staff)
    r = draft(client, staff, case, "立项批复")
    assert (
        "附件名称：填写了1个名称，但只上传了0个文件；请每行填写一个名称，依次对应所选文件"
        in r.content.decode()
    )
    assert not CaseEvent.objects.filter(application=case, action=Event.DRAFT_REPLY).exists()
