"""Personal numbers in attachments are found before publication, whatever the format."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest

from gongkai.disclosure import services, workflow
from gongkai.disclosure.attachment_text import text_of
from gongkai.disclosure.personal_data import found_in
from gongkai.disclosure.services import DisclosureError
from gongkai_demo.factories.disclosure import make_item

MOBILE = "13912345678"
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def an_id_number() -> str:
    first = "11010519491231002"
    return first + "10X98765432"[sum(int(d) * w for d, w in zip(first, WEIGHTS, strict=True)) % 11]


def docx_with(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("补贴发放名单")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "张三"
    table.cell(0, 1).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_with(number: int) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["姓名", "电话"])
    book.active.append(["张三", number])  # typed as a number, as spreadsheets do
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ofd_with(text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
        archive.writestr(
            "Doc_0/Pages/Page_0/Content.xml",
            f"<ofd:Page><ofd:TextObject><ofd:TextCode X='0' Y='0'>{text}</ofd:TextCode>"
            "</ofd:TextObject></ofd:Page>",
        )
    return out.getvalue()


def ole_with(text: str) -> bytes:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + "联系电话：".encode("utf-16-le") + text.encode("utf-16-le") + b"\x00" * 64


def pdf_with(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>Phone {text}</p>").write_pdf()


@pytest.mark.parametrize(
    ("extension", "make"),
    [
        ("docx", lambda: docx_with(MOBILE)),
        ("xlsx", lambda: xlsx_with(int(MOBILE))),
        ("ofd", lambda: ofd_with(MOBILE)),
        ("doc", lambda: ole_with(MOBILE)),
        ("wps", lambda: ole_with(MOBILE)),
        ("pdf", lambda: pdf_with(MOBILE)),
    ],
)
def test_a_mobile_number_is_read_out_of_each_format(extension: str, make) -> None:  # type: ignore[no-untyped-def]
    found = found_in(text_of(extension, make()))
    assert found and "5678" in found[0]


def test_damaged_files_give_what_could_be_read_and_never_raise() -> None:
    for extension, data in [
        ("docx", b"PK\x03\x04 not a zip"),
        ("pdf", b"%PDF-1.7 broken"),
        ("xlsx", docx_with(MOBILE)[:300]),
        ("doc", b""),
        ("png", b"\x89PNG\r\n\x1a\n"),
    ]:
        assert isinstance(text_of(extension, data), str)


@pytest.mark.django_db
def test_an_id_number_in_a_word_attachment_blocks_publication(team, tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.VAR_DIR = tmp_path
    on = datetime.date(2024, 5, 6)
    item = make_item(team, title="补贴名单", body="<p>名单见附件。</p>")
    services.add_attachment(item, team.officer, "名单.docx", docx_with(an_id_number()))
    for event, who in (
        ("submit", team.officer),
        ("approve_first", team.first),
        ("approve_second", team.second),
    ):
        item = services.apply(item, event, who, on=on)
    with pytest.raises(DisclosureError, match="身份证"):
        services.apply(item, "approve_final", team.head, on=on)
    item.refresh_from_db()
    assert item.state == workflow.FINAL_REVIEW
