"""Files provided with a reply: checked (type, content, size), stored safely, served privately.

Checks run before anything is written (Chinese messages naming the file; ``file_titles``
checks the attachment titles given with them); ``attach`` stores them with the event they
came with (a ``ReplyFile`` row each, in the caller's transaction). A stored file
gets a random name ``<organ>/<case>/<random>.<ext>`` in the ``applications`` storage area
(a folder here, or the shared bucket: ``gongkai.site.storage``) — the uploaded name is kept
only as text for the download's ``Content-Disposition``. Nothing stored is served by the
web server; ``response`` streams one file as an attachment with ``nosniff``.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.http import FileResponse

from gongkai.site.storage import area_storage

from .errors import InvalidInput
from .models import ReplyFile

if TYPE_CHECKING:
    from .models import Application, CaseEvent

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_FILES = 10

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (ZIP,)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    "doc": ("application/msword", (OLE,)),
    "xls": ("application/vnd.ms-excel", (OLE,)),
    "ofd": ("application/ofd", (ZIP,)),
    "zip": ("application/zip", (ZIP,)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "txt": ("text/plain", ()),
}
"""Extension → (content type served, accepted first bytes; empty = any text)."""

ALLOWED_LABEL = "PDF、Word（DOC/DOCX）、Excel（XLS/XLSX）、OFD、ZIP、JPG、PNG、TXT"


def storage() -> Storage:
    """Where these files live (decided on each use, so tests can point it elsewhere)."""
    return area_storage("applications")


@dataclass(frozen=True)
class Checked:
    name: str
    extension: str
    content_type: str
    content: bytes
    sha256: str

    @property
    def size(self) -> int:
        return len(self.content)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}MB"


def _clean_name(name: str) -> str:
    base = Path(str(name).replace("\\", "/")).name.strip()
    base = "".join(c for c in base if c.isprintable() and c not in '"<>|:*?')
    return base[:200] or "附件"


def check(uploads: Sequence[Any]) -> list[Checked]:
    """Read and check every upload; raise ``InvalidInput`` for the first problem."""
    if len(uploads) > MAX_FILES:
        raise InvalidInput(f"一次最多上传{MAX_FILES}个文件，收到{len(uploads)}个")
    out: list[Checked] = []
    total = 0
    for upload in uploads:
        name = _clean_name(getattr(upload, "name", "") or "")
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in TYPES:
            raise InvalidInput(
                f"文件“{name}”的类型不允许：只接受{ALLOWED_LABEL}，收到“.{extension or '无扩展名'}”"
            )
        size = int(getattr(upload, "size", 0) or 0)
        if size > MAX_FILE_BYTES:
            raise InvalidInput(
                f"文件“{name}”超过单个文件{_mb(MAX_FILE_BYTES)}的大小限制（实际{_mb(size)}）"
            )
        content = upload.read(MAX_FILE_BYTES + 1)
        if len(content) > MAX_FILE_BYTES:
            raise InvalidInput(f"文件“{name}”超过单个文件{_mb(MAX_FILE_BYTES)}的大小限制")
        if not content:
            raise InvalidInput(f"文件“{name}”是空文件")
        content_type, magics = TYPES[extension]
        if magics and not content.startswith(magics):
            raise InvalidInput(
                f"文件“{name}”的内容与扩展名“.{extension}”不符（文件头不是{extension.upper()}格式），"
                "请确认文件未损坏或改名"
            )
        if not magics and b"\x00" in content[:4096]:
            raise InvalidInput(f"文件“{name}”不是文本文件（含有二进制内容）")
        total += len(content)
        if total > MAX_TOTAL_BYTES:
            raise InvalidInput(f"所附文件合计超过{_mb(MAX_TOTAL_BYTES)}的限制")
        digest = hashlib.sha256(content).hexdigest()
        out.append(Checked(name, extension, content_type, content, digest))
    return out


def store(checked: Checked, organ_id: int, case_id: int) -> str:
    """Write one checked file under a random name; its name in the storage area."""
    name = f"{organ_id}/{case_id}/{secrets.token_hex(16)}.{checked.extension}"
    return storage().save(name, ContentFile(checked.content))


FILE_TITLE_MAX = 200


def file_titles(given: Sequence[Any], provided: Sequence[Any]) -> list[str]:
    """The attachment title of each file provided with a reply, in the order of the files
    (blank: the file name is listed); refuses more titles than files, or a title too long."""
    titles = [str(t).strip() for t in given]
    while titles and not titles[-1]:
        titles.pop()
    if len(titles) > len(provided):
        raise InvalidInput(
            f"附件名称：填写了{len(titles)}个名称，但只上传了{len(provided)}个文件；"
            "请每行填写一个名称，依次对应所选文件"
        )
    for i, title in enumerate(titles, 1):
        if len(title) > FILE_TITLE_MAX:
            raise InvalidInput(
                f"附件名称：第{i}个名称不能超过{FILE_TITLE_MAX}个字（已输入{len(title)}个）"
            )
    return titles + [""] * (len(provided) - len(titles))


def attach(
    case: Application, row: CaseEvent, provided: list[Any], titles: Sequence[str] = ()
) -> None:
    """Write the files and their rows, each with its title (``titles`` in the order of the
    files; a missing or blank one leaves the title blank: the file name is listed); on any
    failure remove what was written (the surrounding transaction then drops the rows)."""
    written: list[str] = []
    try:
        for i, f in enumerate(provided):
            path = store(f, case.organ_id, case.pk)
            written.append(path)
            ReplyFile.objects.create(
                application=case,
                event=row,
                name=f.name,
                title=titles[i] if i < len(titles) else "",
                path=path,
                content_type=f.content_type,
                size=f.size,
                sha256=f.sha256,
            )
    except BaseException:
        for path in written:
            remove(path)
        raise


def remove(name: str) -> None:
    storage().delete(_valid(name))


def _valid(name: str) -> str:
    """A stored name as ``store`` makes them; refuses anything that could leave the area."""
    parts = name.split("/")
    if name.startswith("/") or "\\" in name or any(p in ("", ".", "..") for p in parts):
        raise InvalidInput("文件存储位置无效")
    return name


def read(name: str) -> bytes:
    with storage().open(_valid(name), "rb") as handle:
        return bytes(handle.read())


def response(row: Any) -> FileResponse:
    """The file as a download: attachment, its own type, never sniffed."""
    handle = storage().open(_valid(row.path), "rb")
    out = FileResponse(handle, content_type=row.content_type)
    ascii_name = (
        row.name.encode("ascii", "ignore").decode() or f"file.{row.path.rsplit('.', 1)[-1]}"
    )
    ascii_name = ascii_name.replace('"', "")
    out["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(row.name)}"
    )
    out["X-Content-Type-Options"] = "nosniff"
    out["Content-Security-Policy"] = "default-src 'none'; sandbox"
    out["Cache-Control"] = "private, no-store"
    return out
