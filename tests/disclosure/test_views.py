"""The back-office pages: drafting, the review flow, uploads and table 二 entry."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.messages import get_messages

from gongkai.disclosure import content, workflow
from gongkai.disclosure.factories import Team, make_item
from gongkai.disclosure.models import Attachment, Item, Table2Entry

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in get_messages(response.wsgi_request)]


def act(client, user, item, event, comment=""):  # type: ignore[no-untyped-def]
    client.force_login(user)
    return client.post(
        f"/office/disclosure/items/{item.pk}/action/", {"event": event, "comment": comment}
    )


def test_draft_review_send_back_and_publish_through_the_pages(client, team) -> None:
    client.force_login(team.officer)
    response = client.post(
        "/office/disclosure/new/fgj/",
        {
            "title": "关于公布2024年部门预算的通知",
            "written_on": "2024-02-01",
            "category": "budget",
            "kind": "other",
            "disclosure_term": "长期公开",
            "body": "<p>现予公开。</p><script>alert(1)</script>",
        },
    )
    item = Item.objects.get()
    assert response.status_code == 302
    assert item.body == "<p>现予公开。</p>" and item.topic == "finance"
    assert "正文中的脚本、事件属性等不安全内容已被移除" in messages_of(response)[0]
    act(client, team.officer, item, "submit")
    act(client, team.first, item, "approve_first")
    refused = act(client, team.second, item, "send_back")
    assert messages_of(refused)[-1] == "“退回修改”必须填写意见或理由"
    act(client, team.second, item, "send_back", "预算金额请与批复核对")
    item.refresh_from_db()
    assert item.state == workflow.DRAFT
    for event, who in [
        ("submit", team.officer),
        ("approve_first", team.first),
        ("approve_second", team.second),
        ("approve_final", team.head),
    ]:
        act(client, who, item, event)
    item.refresh_from_db()
    assert item.state == workflow.PUBLISHED
    client.force_login(team.officer)
    page = client.get(f"/office/disclosure/items/{item.pk}/").content.decode()
    assert "预算金额请与批复核对" in page


def test_officer_cannot_approve_and_sees_why(client, team) -> None:
    item = make_item(team, state=workflow.FINAL_REVIEW)
    response = act(client, team.officer, item, "approve_final")
    assert (
        messages_of(response)[-1]
        == "“终审通过并发布”需要以下角色之一：终审人；当前用户没有这些角色"
    )
    item.refresh_from_db()
    assert item.state == workflow.FINAL_REVIEW


def test_another_organs_item_is_not_found(client, team) -> None:
    from gongkai.organs.factories import OrganFactory

    other = Team.for_organ(OrganFactory())
    item = make_item(other)
    client.force_login(team.officer)
    assert client.get(f"/office/disclosure/items/{item.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "病毒.exe",
            b"MZ\x90\x00",
            "附件“病毒.exe”的类型“exe”不允许上传：只接受 PDF、DOCX、XLSX、PNG、JPG、GIF，未保存",
        ),
        (
            "伪装.pdf",
            b"<html><script>x</script>",
            "附件“伪装.pdf”的内容与扩展名“.pdf”不符（文件可能已损坏或被改名），未保存",
        ),
        (
            "大文件.pdf",
            b"%PDF-" + b"0" * 2048,
            "附件“大文件.pdf”大小为 3 KB，超过上限 1 KB，未保存",
        ),
    ],
)
def test_refused_uploads_say_why_and_store_nothing(
    client, team, tmp_path, settings, monkeypatch, name: str, data: bytes, message: str
) -> None:
    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(content, "MAX_UPLOAD_BYTES", 1024)
    item = make_item(team)
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(team.officer)
    good = SimpleUploadedFile("表格.xlsx", b"PK\x03\x04rest", content_type="application/zip")
    client.post(f"/office/disclosure/items/{item.pk}/attachments/", {"file": good})
    response = client.post(
        f"/office/disclosure/items/{item.pk}/attachments/",
        {"file": SimpleUploadedFile(name, data)},
    )
    assert messages_of(response)[-1] == message
    assert list(Attachment.objects.values_list("name", flat=True)) == ["表格.xlsx"]
    stored = list((tmp_path / "attachments").rglob("*"))
    files = [p for p in stored if p.is_file()]
    assert len(files) == 1 and files[0].read_bytes() == b"PK\x03\x04rest"


def test_table2_page_counts_documents_and_records_entries(client, team) -> None:
    make_item(
        team,
        state=workflow.PUBLISHED,
        kind="normative",
        written_on=datetime.date(2024, 3, 1),
        on=datetime.date(2024, 3, 5),
    )
    client.force_login(team.officer)
    response = client.post(
        "/office/disclosure/table2/fgj/2024/",
        {
            "licensing": "12",
            "punishment": "3",
            "coercion": "0",
            "fees": "1.5",
            "source": "省平台导出",
        },
    )
    assert response.status_code == 302
    assert Table2Entry.objects.get().source == "省平台导出"
    page = client.get("/office/disclosure/table2/fgj/2024/").content.decode()
    assert '<td data-key="normative_documents.made">1</td>' in page
    assert '<td data-key="licensing">12</td>' in page
    assert "第二十条第（一）项" in page and "本年收费金额（单位：万元）" in page


def test_supervisor_sees_each_organs_on_time_rate(client, team) -> None:
    from gongkai.organs.factories import member
    from gongkai.organs.roles import Role

    make_item(
        team,
        state=workflow.PUBLISHED,
        written_on=datetime.date(2024, 3, 1),
        on=datetime.date(2024, 3, 8),
    )
    make_item(
        team,
        state=workflow.PUBLISHED,
        written_on=datetime.date(2024, 3, 1),
        on=datetime.date(2024, 6, 3),
    )
    boss = member(team.organ, Role.SUPERVISOR)
    client.force_login(boss)
    page = client.get("/office/disclosure/timeliness/?year=2024").content.decode()
    assert "<td>湖州市吴兴区发展和改革局</td><td>2</td><td>1</td><td>50.0%</td>" in page
