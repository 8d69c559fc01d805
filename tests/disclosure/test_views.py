"""The back-office pages: drafting, the review flow, uploads and table 二 entry."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.messages import get_messages

from gongkai.disclosure import content, workflow
from gongkai.disclosure.models import Attachment, Item, Table2Entry
from gongkai_demo.factories.disclosure import Team, make_item

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
    from gongkai_demo.factories.organs import OrganFactory

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
            "附件“病毒.exe”的类型“exe”不允许上传：只接受 PDF、OFD、DOC/DOCX、WPS、XLS/XLSX、ET、"
            "PNG、JPG、GIF，未保存",
        ),
        (
            "旧版文件.doc",
            b"PK\x03\x04 not an OLE file",
            "附件“旧版文件.doc”的内容与扩展名“.doc”不符（文件可能已损坏或被改名），未保存",
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
    from gongkai.organs.roles import Role
    from gongkai_demo.factories.organs import member

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


GOOD_ITEM = {
    "title": "关于公布2024年部门预算的通知",
    "written_on": "2024-02-01",
    "category": "budget",
    "kind": "other",
    "disclosure_term": "长期公开",
    "body": "<p>现予公开。</p>",
}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "这个字段是必填项。"),
        ({"title": "   "}, "title", "这个字段是必填项。"),
        ({"written_on": ""}, "written_on", "这个字段是必填项。"),
        ({"written_on": "2024-02-30"}, "written_on", "输入一个有效的日期。"),
        ({"written_on": "去年"}, "written_on", "输入一个有效的日期。"),
        ({"written_on": "2999-01-01"}, "written_on", "成文日期 2999-01-01 晚于今天"),
        (
            {"changed_on": "2024-01-01"},
            "changed_on",
            "变更日期 2024-01-01 早于成文日期 2024-02-01",
        ),
        ({"category": "lottery"}, "category", "选择一个有效的选项。 lottery 不在可用的选项中。"),
        ({"topic": "weather"}, "topic", "选择一个有效的选项。 weather 不在可用的选项中。"),
        ({"kind": "decree"}, "kind", "选择一个有效的选项。 decree 不在可用的选项中。"),
    ],
)
def test_bad_item_input_is_refused_field_by_field_and_stores_nothing(
    client, team, changes: dict[str, str], field: str, message: str
) -> None:
    from gongkai.disclosure.models import ItemEvent

    client.force_login(team.officer)
    response = client.post("/office/disclosure/new/fgj/", {**GOOD_ITEM, **changes})
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert form.errors[field][0].startswith(message)
    page = response.content.decode()
    assert 'role="alert"' in page and message.split(" ")[0] in page
    assert not Item.objects.exists() and not ItemEvent.objects.exists()


def test_script_in_body_is_sanitised_with_a_notice_on_create_and_edit(client, team) -> None:
    client.force_login(team.officer)
    body = '<p onclick="steal()">正文<a href="javascript:x()">链接</a></p><script>x()</script>'
    response = client.post("/office/disclosure/new/fgj/", {**GOOD_ITEM, "body": body})
    item = Item.objects.get()
    assert item.body == '<p>正文<a rel="noopener noreferrer">链接</a></p>'
    notice = "正文中的脚本、事件属性等不安全内容已被移除，其余内容已保存。"
    assert messages_of(response) == ["草稿已保存。" + notice]
    response = client.post(
        f"/office/disclosure/items/{item.pk}/edit/",
        {**GOOD_ITEM, "body": "<p>改</p><iframe src='//x'></iframe>"},
    )
    item.refresh_from_db()
    assert item.body == "<p>改</p>" and messages_of(response)[-1] == "已保存。" + notice


def test_a_refused_edit_keeps_the_stored_draft(client, team) -> None:
    item = make_item(team, title="原标题", written_on=datetime.date(2024, 2, 1))
    client.force_login(team.officer)
    response = client.post(
        f"/office/disclosure/items/{item.pk}/edit/",
        {**GOOD_ITEM, "title": "新标题", "written_on": "2999-01-01"},
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert (item.title, item.written_on) == ("原标题", datetime.date(2024, 2, 1))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"licensing": "-1"}, "licensing", "确保该值大于或等于0。"),
        ({"punishment": "2.5"}, "punishment", "输入整数。"),
        ({"coercion": "三"}, "coercion", "输入整数。"),
        ({"fees": "-0.5"}, "fees", "收费金额（万元）应为不小于 0 的数"),
        ({"fees": "1.23456"}, "fees", "收费金额（万元）最多保留 4 位小数"),
        ({"fees": "十万"}, "fees", "收费金额请填写数字（单位：万元），如 12.5"),
        ({"source": ""}, "source", "这个字段是必填项。"),
    ],
)
def test_bad_table2_entry_is_refused_and_stores_nothing(
    client, team, changes: dict[str, str], field: str, message: str
) -> None:
    good = {
        "licensing": "12",
        "punishment": "3",
        "coercion": "0",
        "fees": "1.5",
        "source": "省平台",
    }
    client.force_login(team.officer)
    response = client.post("/office/disclosure/table2/fgj/2024/", {**good, **changes})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert response.context["form"].errors[field][0].startswith(message)
    assert not Table2Entry.objects.exists()


def test_late_item_is_flagged_on_its_page_and_in_the_on_time_rate(client, team) -> None:
    from gongkai.organs.roles import Role
    from gongkai_demo.factories.organs import member

    late = make_item(
        team, state=workflow.PUBLISHED, written_on=datetime.date(2025, 9, 26),
        on=datetime.date(2025, 10, 31),
    )  # fmt: skip
    make_item(
        team, state=workflow.PUBLISHED, written_on=datetime.date(2025, 9, 26),
        on=datetime.date(2025, 10, 30),
    )  # fmt: skip
    client.force_login(team.officer)
    page = client.get(f"/office/disclosure/items/{late.pk}/").content.decode()
    assert "2025-10-30" in page and "逾期发布" in page
    client.force_login(member(team.organ.parent or team.organ, Role.SUPERVISOR))
    page = client.get("/office/disclosure/timeliness/?year=2025").content.decode()
    assert "<td>湖州市吴兴区发展和改革局</td><td>2</td><td>1</td><td>50.0%</td>" in page
    late_rows = page.split("逾期发布的信息（")[1]
    assert (
        late_rows.startswith("1 条）") and "2025-09-26" in late_rows and "2025-10-31" in late_rows
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("通知.ofd", b"PK\x03\x04ofd"),
        ("旧版通知.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1word"),
        ("统计表.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1excel"),
        ("方案.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1wps"),
        ("台账.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1et"),
    ],
)
def test_ofd_doc_xls_wps_and_et_are_accepted_by_their_content(name: str, data: bytes) -> None:
    from gongkai.disclosure.content import check_upload

    assert check_upload(name, data).name == name
