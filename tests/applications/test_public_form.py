"""The public form (issue 10): required marks, online defaults, each error once beside its
field, 法人或其他组织 fields, optional ID copy and 授权委托书, organs grouped by parent; and
the printable receipt (回执.pdf) of the session that has just submitted."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from lxml import html as lxml_html

from gongkai.applications import lookup, querysets, services
from gongkai.applications.forms import TOP_LEVEL_GROUP
from gongkai.applications.models import Application, CaseEvent, NumberSequence, ReplyFile
from gongkai.applications.views.public import PRIVATE_FOR, SUBMITTED
from gongkai.applications.workflow import Event

from .factories import APPLICANT, Staff, credit_code, make_organ, make_user
from .test_form_errors import APPLICANT_CASES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]

USCC = credit_code(4343)
COMPANY = {
    **APPLICANT,
    "applicant_type": "commercial",
    "applicant_name": "测试市某某科技有限公司",
    "id_type": "uscc",
    "id_number": USCC,
    "legal_representative": "王五",
    "contact_person": "赵六",
}
PDF = b"%PDF-1.4\n% id copy\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

REQUIRED = (
    "organ",
    "applicant_type",
    "applicant_name",
    "id_type",
    "id_number",
    "legal_representative",
    "contact_person",
    "information",
    "provision_form",
    "delivery_method",
)
OPTIONAL = ("phone", "email", "address", "postcode", "document_number", "id_copy", "authorization")


def tree(response: Any) -> Any:
    return lxml_html.fromstring(response.content.decode())


def text_of(element: Any) -> str:
    return "".join(element.itertext())


def post(client: Client, organ: Any, fields: dict[str, Any], **files: Any) -> Any:
    return client.post("/apply/", {**fields, "organ": organ.pk, **files})


def stored_files(settings: Any) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


# ------------------------------------------------------------------ marks and defaults


def test_required_fields_are_marked_and_optional_ones_not(client: Client) -> None:
    Staff()
    page = tree(client.get("/apply/"))
    for name in (*REQUIRED, *OPTIONAL):
        (label,) = page.xpath(f'//label[@for="id_{name}"]')
        marks = label.xpath('.//span[@class="required-mark"]')
        spoken = label.xpath('.//span[@class="visually-hidden"]')
        if name in REQUIRED:
            assert [m.text for m in marks] == ["*"], name
            assert marks[0].get("aria-hidden") == "true"
            assert [s.text for s in spoken] == ["（必填）"], name
        else:
            assert not marks and not spoken, name


def test_defaults_suit_an_online_applicant(client: Client) -> None:
    Staff()
    page = tree(client.get("/apply/"))
    (form,) = page.xpath('//form[@id="apply-form"]')
    assert form.get("enctype") == "multipart/form-data"
    chosen = {
        name: page.xpath(f'//select[@name="{name}"]/option[@selected]/text()')
        for name in ("provision_form", "delivery_method")
    }
    assert chosen == {"provision_form": ["电子数据"], "delivery_method": ["网上查看"]}


@pytest.mark.parametrize(
    ("delivery", "change", "field", "message"),
    [
        ("email", {"email": ""}, "email", "选择以电子邮件获取的，请填写电子邮箱"),
        ("post", {"address": ""}, "address", "选择邮寄的，请填写通信地址"),
    ],
    ids=["e-mail needs an address", "post needs an address"],
)
def test_the_delivery_method_needs_its_address(
    client: Client, delivery: str, change: dict[str, str], field: str, message: str
) -> None:
    staff = Staff()
    r = post(client, staff.organ, {**APPLICANT, "delivery_method": delivery, **change})
    assert [text_of(e) for e in tree(r).xpath(f'//*[@id="id_{field}_error"]/li')] == [message]
    assert not Application.objects.exists()


def test_online_viewing_and_electronic_data_go_through(client: Client) -> None:
    staff = Staff()
    r = post(client, staff.organ, {**APPLICANT, "delivery_method": "online", "email": ""})
    assert r.status_code == 302
    case = Application.objects.get()
    assert (case.provision_form, case.delivery_method) == ("electronic", "online")


# ------------------------------------------------------------------ errors: once, beside


@pytest.mark.parametrize(
    ("change", "message"),
    [c[1:] for c in APPLICANT_CASES],
    ids=[c[0] for c in APPLICANT_CASES],
)
def test_each_error_is_shown_once(client: Client, change: dict[str, Any], message: str) -> None:
    staff = Staff()
    r = client.post("/apply/", {**APPLICANT, "organ": staff.organ.pk, **change})
    errors = [text_of(li) for li in tree(r).xpath('//ul[contains(@class, "errorlist")]/li')]
    assert errors.count(message) == 1, errors
    page = unescape(r.content.decode()).replace("（请选择受理机关）", "")  # the empty option
    assert page.count(message) == 1, message
    assert not Application.objects.exists()


def test_errors_stand_beside_their_fields_and_the_form_error_at_the_top(client: Client) -> None:
    staff = Staff()
    r = post(
        client,
        staff.organ,
        {
            **APPLICANT,
            "id_number": "123",
            "information": "文件",
            "phone": "",
            "email": "",
            "address": "",
            "delivery_method": "collect",
        },
    )
    page = tree(r)
    beside = {
        "id_number": "居民身份证号码应为18位，输入的是3位",
        "information": "请具体描述所需的政府信息（至少4个字）",
    }
    for name, message in beside.items():
        (box,) = page.xpath(f'//div[@id="field-{name}"]')
        assert "has-errors" in box.get("class")
        errors = box.xpath(f'./ul[@id="id_{name}_error"]/li')
        assert [text_of(e) for e in errors] == [message]
        (control,) = box.xpath(f'.//*[@name="{name}"]')
        assert control.get("aria-invalid") == "true"
        assert f"id_{name}_error" in control.get("aria-describedby")
    (top,) = page.xpath('//div[@id="form-errors"]')
    assert text_of(top) == "请至少填写一种联系方式（电话、电子邮箱或通信地址）"
    # the top box is the first thing in the form, and the only error outside a field
    all_errors = page.xpath('//ul[contains(@class, "errorlist")]/li')
    assert len(all_errors) == 3


# ------------------------------------------------------------------ 法人或其他组织


def test_an_organisation_must_name_its_legal_representative_and_contact(client: Client) -> None:
    staff = Staff()
    r = post(client, staff.organ, {**COMPANY, "legal_representative": "", "contact_person": " "})
    page = tree(r)
    assert [text_of(e) for e in page.xpath('//*[@id="id_legal_representative_error"]/li')] == [
        "申请人为法人或其他组织的，请填写法定代表人（其他组织填写主要负责人）"
    ]
    assert [text_of(e) for e in page.xpath('//*[@id="id_contact_person_error"]/li')] == [
        "申请人为法人或其他组织的，请填写联系人"
    ]
    assert not Application.objects.exists() and not NumberSequence.objects.exists()


def test_an_organisation_is_stored_with_them_and_the_officer_sees_them(client: Client) -> None:
    staff = Staff()
    assert post(client, staff.organ, COMPANY).status_code == 302
    case = Application.objects.get()
    assert (case.legal_representative, case.contact_person) == ("王五", "赵六")
    client.force_login(staff.officer)
    page = tree(client.get(f"/office/applications/{case.number}/"))
    assert page.xpath('//dd[@id="legal-representative"]/text()') == ["王五"]
    assert page.xpath('//dd[@id="contact-person"]/text()') == ["赵六"]


def test_a_person_gets_no_organisation_fields(client: Client) -> None:
    staff = Staff()
    fields = {**APPLICANT, "legal_representative": "某" * 200, "contact_person": "某人"}
    assert post(client, staff.organ, fields).status_code == 302  # too long, but ignored
    case = Application.objects.get()
    assert (case.legal_representative, case.contact_person) == ("", "")
    client.force_login(staff.officer)
    page = tree(client.get(f"/office/applications/{case.number}/"))
    assert not page.xpath('//dd[@id="legal-representative"]')


def test_the_api_asks_the_same_of_organisations(client: Client) -> None:
    staff = Staff()
    body = {**COMPANY, "organ": staff.organ.slug, "legal_representative": ""}
    r = client.post("/api/applications", body, content_type="application/json")
    assert r.status_code == 400
    assert r.json()["errors"] == {
        "legal_representative": [
            "申请人为法人或其他组织的，请填写法定代表人（其他组织填写主要负责人）"
        ]
    }
    body["legal_representative"] = "王五"
    r = client.post("/api/applications", body, content_type="application/json")
    assert r.status_code == 201
    case = Application.objects.get()
    assert (case.legal_representative, case.contact_person) == ("王五", "赵六")


def test_staff_record_what_a_letter_says_of_an_organisation(client: Client) -> None:
    staff = Staff()
    client.force_login(staff.officer)
    body = {
        **COMPANY,
        "organ": staff.organ.pk,
        "channel": "letter",
        "received_on": "2025-06-16",
        "contact_person": "",
    }
    r = client.post("/office/applications/register/", body)
    assert r.status_code == 302, unescape(r.content.decode())
    case = Application.objects.get()
    assert (case.legal_representative, case.contact_person) == ("王五", "")


# ------------------------------------------------------------------ ID copy, 授权委托书


def test_documents_are_stored_on_the_submission_and_seen_by_staff_only(
    client: Client, settings: Any
) -> None:
    staff = Staff()
    r = post(
        client,
        staff.organ,
        COMPANY,
        id_copy=SimpleUploadedFile("身份证.png", PNG),
        authorization=SimpleUploadedFile("委托书.pdf", PDF),
    )
    assert r.status_code == 302
    token = client.session[SUBMITTED]["token"]
    case = Application.objects.get()
    rows = list(ReplyFile.objects.filter(application=case).order_by("id"))
    assert [(f.title, f.name, f.size) for f in rows] == [
        ("身份证明复印件", "身份证.png", len(PNG)),
        ("授权委托书", "委托书.pdf", len(PDF)),
    ]
    assert {f.event.action for f in rows} == {Event.SUBMIT_ONLINE}
    submitted = CaseEvent.objects.get(application=case, action=Event.SUBMIT_ONLINE)
    assert [f["title"] for f in submitted.data["files"]] == ["身份证明复印件", "授权委托书"]
    assert querysets.reply_files(case) == []
    assert querysets.applicant_files(case) == rows
    assert len(stored_files(settings)) == 2

    # The organ's officer sees and downloads them on the case page.
    client.force_login(staff.officer)
    page = tree(client.get(f"/office/applications/{case.number}/"))
    listed = [
        text_of(li).replace("\xa0", " ") for li in page.xpath('//ul[@id="applicant-files"]/li')
    ]
    assert listed == ["身份证明复印件：身份证.png（40 字节）", "授权委托书：委托书.pdf（19 字节）"]
    download = client.get(f"/office/applications/{case.number}/files/{rows[1].pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF

    # Nobody else: staff of another organ, the applicant's link, the public file URL.
    other = make_user(make_organ(), "officer")
    client.force_login(other)
    assert client.get(f"/office/applications/{case.number}/files/{rows[1].pk}/").status_code in (
        403,
        404,
    )
    client.logout()
    follow = client.get(f"/apply/{case.number}/?token={token}", follow=True).content.decode()
    assert "委托书.pdf" not in follow and "身份证.png" not in follow
    for row in rows:
        url = f"/apply/{case.number}/files/{row.pk}/?token={token}"
        assert client.get(url, follow=True).status_code == 404


@pytest.mark.parametrize(
    ("field", "upload", "message"),
    [
        (
            "id_copy",
            SimpleUploadedFile("setup.exe", b"MZ\x90\x00"),
            "文件“setup.exe”的类型不允许：只接受PDF、Word（DOC/DOCX）、Excel（XLS/XLSX）、OFD、ZIP、JPG、PNG、TXT，收到“.exe”",
        ),
        (
            "authorization",
            SimpleUploadedFile("委托书.pdf", b"<html>not a pdf</html>"),
            "文件“委托书.pdf”的内容与扩展名“.pdf”不符（文件头不是PDF格式），请确认文件未损坏或改名",
        ),
        ("authorization", SimpleUploadedFile("委托书.pdf", b""), "上传的文件是空文件"),
    ],
    ids=["forbidden type", "disguised", "empty"],
)
def test_a_bad_file_refuses_the_whole_submission(
    client: Client, settings: Any, field: str, upload: Any, message: str
) -> None:
    staff = Staff()
    good = SimpleUploadedFile("身份证.png", PNG)
    others = {"authorization": good} if field == "id_copy" else {"id_copy": good}
    r = post(client, staff.organ, COMPANY, **{field: upload}, **others)
    assert r.status_code == 200
    page = tree(r)
    (box,) = page.xpath(f'//div[@id="field-{field}"]')
    assert [text_of(e) for e in box.xpath(f'./ul[@id="id_{field}_error"]/li')] == [message]
    assert unescape(r.content.decode()).count(message) == 1
    assert not Application.objects.exists() and not NumberSequence.objects.exists()
    assert not ReplyFile.objects.exists() and stored_files(settings) == []


def test_the_service_checks_the_files_itself(settings: Any) -> None:
    staff = Staff()
    with pytest.raises(Exception, match="类型不允许"):
        services.submit_online(
            staff.organ, COMPANY, files={"授权委托书": SimpleUploadedFile("a.exe", b"MZ")}
        )
    assert not Application.objects.exists() and stored_files(settings) == []


# ------------------------------------------------------------------ organs by parent


def test_organs_are_listed_by_full_name_grouped_by_parent(
    client: Client, organ_tree: dict[str, Any]
) -> None:
    lone = make_organ("测试区统计局")
    make_organ("测试区已撤销局", parent=organ_tree["office"]).__class__.objects.filter(
        name="测试区已撤销局"
    ).update(is_active=False)
    page = tree(client.get("/apply/"))
    (select,) = page.xpath('//select[@name="organ"]')
    assert select.xpath("./option/text()") == ["（请选择受理机关）"]
    groups = {
        g.get("label"): [(o.get("value"), o.text) for o in g.xpath("./option")]
        for g in select.xpath("./optgroup")
    }
    office, a, b = organ_tree["office"], organ_tree["a"], organ_tree["b"]
    assert groups == {
        TOP_LEVEL_GROUP: [(str(office.pk), "测试区人民政府办公室"), (str(lone.pk), "测试区统计局")],
        "测试区人民政府办公室": [(str(a.pk), "测试区甲局"), (str(b.pk), "测试区乙局")],
    }
    assert select.xpath("./optgroup")[0].get("label") == TOP_LEVEL_GROUP


def test_an_inactive_organ_cannot_be_chosen(client: Client) -> None:
    staff = Staff()
    type(staff.organ).objects.filter(pk=staff.organ.pk).update(is_active=False)
    r = post(client, staff.organ, APPLICANT)
    assert "请选择受理机关" in unescape(r.content.decode())
    assert not Application.objects.exists()


# ------------------------------------------------------------------ the receipt


def pdf_text(content: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(content)) as opened:
        return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in opened.pages))


def test_the_confirmation_offers_the_receipt_and_a_print_button(client: Client) -> None:
    staff = Staff()
    post(client, staff.organ, APPLICANT)
    page = tree(client.get("/apply/done/"))
    (link,) = page.xpath('//a[@id="receipt-pdf"]')
    assert link.get("href") == "/apply/done/receipt/" and text_of(link) == "下载回执（PDF）"
    (button,) = page.xpath("//button[@data-print]")
    assert text_of(button) == "打印本页" and button.get("type") == "button"
    assert page.xpath('//dd[@id="submitted-on"]/text()') == ["2025年6月16日"]


def test_the_receipt_pdf_has_number_code_organ_dates_and_what_comes_next(
    client: Client,
) -> None:
    staff = Staff()
    post(client, staff.organ, APPLICANT)
    case = Application.objects.get()
    code = lookup.lookup_code(client.session[SUBMITTED]["token"])
    r = client.get("/apply/done/receipt/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"].endswith("filename*=UTF-8''%E5%9B%9E%E6%89%A7.pdf")
    assert "no-store" in r["Cache-Control"]
    text = pdf_text(r.content)
    for expected in (
        "政府信息公开申请回执",
        f"申请编号{case.number}",
        f"查询码{code}",
        f"受理机关{staff.organ.name}",
        "提交日期2025年6月16日",
        "网上申请以本机关确认收到之日为收到申请之日",
        "第三十一条第三项",
        "自收到申请之日起20个工作日内予以答复",
        "条例第三十三条",
        "http://testserver/apply/status/",
        "不要将查询码告诉他人",
    ):
        assert expected in text, expected


def test_the_receipt_is_only_for_the_session_that_submitted(client: Client) -> None:
    staff = Staff()
    post(client, staff.organ, APPLICANT)
    assert Client().get("/apply/done/receipt/").status_code == 404
    assert client.get("/apply/done/receipt/").status_code == 200
    session = client.session
    session[SUBMITTED] = {**session[SUBMITTED], "at": session[SUBMITTED]["at"] - PRIVATE_FOR - 1}
    session.save()
    assert client.get("/apply/done/receipt/").status_code == 404
