"""An organisation applies on a 390 px phone: one mistake, shown once beside its field; then
the confirmation and its receipt (回执.pdf).

Set ``GONGKAI_SCREENSHOTS=<dir>`` to keep the screenshots (else they go to ``tmp_path``)."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import pytest

from gongkai.applications.models import Application, ReplyFile
from tests.applications.factories import credit_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
CONTACT_ERROR = "申请人为法人或其他组织的，请填写联系人"


def no_sideways_scroll(page: Any) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("GONGKAI_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_an_organisation_applies_on_a_phone_and_downloads_its_receipt(
    site: Any, frozen_today: Any, tmp_path: Path
) -> None:
    folder = shots(tmp_path)
    site.set_viewport_size(PHONE)
    site.goto("/apply/")
    no_sideways_scroll(site)

    # A person sees no organisation fields; the defaults suit an online applicant.
    organisation = site.locator("#fieldset-organisation")
    assert organisation.is_hidden()
    assert site.get_by_label("提供政府信息的形式").input_value() == "electronic"
    assert site.get_by_label("获取政府信息的方式").input_value() == "online"

    # The organs are grouped under their parent's full name.
    groups = site.locator("#id_organ optgroup").evaluate_all("gs => gs.map(g => g.label)")
    assert groups == ["无上级主管机关", "示范区人民政府办公室"]
    site.get_by_label("受理机关").select_option(label="示范区发展和改革局")

    site.get_by_label("申请人类型").select_option(label="商业企业")
    assert organisation.is_visible()
    site.get_by_label("姓名或名称").fill("示范区某某科技有限公司")
    assert site.get_by_label("身份证明类型").input_value() == "uscc"  # switched with the type
    site.get_by_label("身份证明号码").fill(credit_code(777))
    site.get_by_label("法定代表人").fill("王五")
    # 联系人 forgotten: the one mistake.
    site.get_by_label("电子邮箱").fill("office@example.cn")
    assert site.get_by_label("获取政府信息的方式").input_value() == "email"  # switched
    site.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill(
        "2024年本区数据中心建设项目的可行性研究报告批复"
    )
    no_sideways_scroll(site)
    site.screenshot(path=str(folder / "public-form-filled.png"), full_page=True)
    site.get_by_role("button", name="提交申请").click()

    # The error, once, beside its field; nothing stored.
    field = site.locator("#field-contact_person")
    assert field.locator(".errorlist").inner_text() == CONTACT_ERROR
    assert site.locator("main").inner_text().count(CONTACT_ERROR) == 1
    assert site.locator(".errorlist li").count() == 1
    assert site.locator("#form-errors").count() == 0
    assert Application.objects.count() == 0
    assert organisation.is_visible()  # still an organisation after the round trip
    no_sideways_scroll(site)
    field.scroll_into_view_if_needed()
    site.screenshot(path=str(folder / "public-form-error.png"))

    # Fixed, with the 授权委托书 attached (the browser forgets files on a round trip).
    site.get_by_label("联系人").fill("赵六")
    site.get_by_label("授权委托书").set_input_files(
        {"name": "授权委托书.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%\n"}
    )
    site.get_by_role("button", name="提交申请").click()
    site.wait_for_url("**/apply/done/")
    number = site.locator("#number").inner_text()
    assert re.fullmatch(r"FGJ-\d{4}-\d{5}", number)
    code = site.locator("#code").inner_text()
    case = Application.objects.get(number=number)
    assert (case.legal_representative, case.contact_person) == ("王五", "赵六")
    assert case.delivery_method == "email"
    assert [f.title for f in ReplyFile.objects.filter(application=case)] == ["授权委托书"]
    assert site.get_by_role("button", name="打印本页").is_visible()
    no_sideways_scroll(site)
    site.screenshot(path=str(folder / "public-form-done.png"), full_page=True)
    site.emulate_media(media="print")
    site.screenshot(path=str(folder / "public-form-done-print.png"), full_page=True)
    site.emulate_media(media="screen")

    # The receipt.
    with site.expect_download() as info:
        site.get_by_role("link", name="下载回执（PDF）").click()
    download = info.value
    assert download.suggested_filename == "回执.pdf"
    saved = folder / "回执.pdf"
    download.save_as(str(saved))
    import pdfplumber

    with pdfplumber.open(io.BytesIO(saved.read_bytes())) as pdf:
        text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in pdf.pages))
    for expected in (number, code, "示范区发展和改革局", "2025年6月16日", "第三十三条"):
        assert expected in text, expected
