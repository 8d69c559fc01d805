"""Bodies and attachments: sanitising rich text and checking uploads before storing.

A body is cleaned with nh3 (scripts, event handlers and ``javascript:`` links removed);
the caller gets the clean HTML, its plain text and a note when something was removed, so
the form can say so. An upload is checked for size, extension *and* content signature
(a renamed executable is refused) before anything is written.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from html import unescape
from typing import Final

import markdown
import nh3

MAX_UPLOAD_BYTES: Final = 20 * 1024 * 1024

# extension → (content type, check of the first bytes)
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The compound-file header of DOC, XLS and WPS Office's own WPS and ET files."""
ALLOWED_TYPES: Final = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (_ZIP,),
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    "ofd": ("application/ofd", (_ZIP,)),
    "doc": ("application/msword", (_OLE,)),
    "xls": ("application/vnd.ms-excel", (_OLE,)),
    "wps": ("application/vnd.ms-works", (_OLE,)),
    "et": ("application/vnd.ms-excel", (_OLE,)),
}
ALLOWED_LABEL: Final = "PDF、OFD、DOC/DOCX、WPS、XLS/XLSX、ET、PNG、JPG、GIF"

_TAGS: Final = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "span", "div", "blockquote",
    "h2", "h3", "h4", "h5", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "a", "img", "hr", "pre", "code",
}  # fmt: skip
_ATTRIBUTES: Final = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
_TAG_RE: Final = re.compile(r"<[^>]+>")
_DANGER_RE: Final = re.compile(
    r"<\s*(script|style|iframe|object|embed|form)\b|\son\w+\s*=|javascript:", re.IGNORECASE
)


class UploadRefused(ValueError):
    """An attachment that is not stored; the message says what and why."""


@dataclass(frozen=True)
class CleanBody:
    html: str
    text: str
    removed_unsafe: bool

    @property
    def note(self) -> str:
        return (
            "正文中的脚本、事件属性等不安全内容已被移除，其余内容已保存。"
            if self.removed_unsafe
            else ""
        )


_HTML_START: Final = re.compile(
    r"\s*<(p|div|h[1-6]|ul|ol|table|blockquote|section|article|span|strong|br)\b", re.IGNORECASE
)
_TOP_HEADING: Final = re.compile(r"<(/?)h1\b")
MARKDOWN_EXTENSIONS: Final = ("tables", "sane_lists", "nl2br")


def body_html(source: str) -> str:
    """A body as typed into HTML: Markdown (blank line: new paragraph; line break kept;
    ``## 标题``, ``- 列表``, ``| 表格 |``, ``[链接](https://…)``), or, for a text that
    starts with an HTML block (items from before the editor, API clients), that HTML."""
    if _HTML_START.match(source):
        return source
    html = markdown.markdown(source, extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    return _TOP_HEADING.sub(r"<\1h2", html)  # the page's own h1 is the title


def render_body(source: str) -> CleanBody:
    """What an officer typed, as the sanitised HTML the public page shows."""
    return clean_body(body_html(source))


def clean_body(html: str) -> CleanBody:
    """Sanitise a rich-text body; say whether anything unsafe was removed."""
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    text = unescape(_TAG_RE.sub(" ", cleaned.replace("</p>", "</p>\n").replace("<br>", "\n")))
    text = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return CleanBody(cleaned, text, bool(_DANGER_RE.search(html)))


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content_type: str
    size: int
    sha256: str


def human_size(size: int) -> str:
    """A byte count as people read it: 「3 KB」, 「20.5 MB」."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".0 MB", " MB")
    return f"{math.ceil(size / 1024)} KB"


def check_size(name: str, size: int) -> None:
    """Refuse an empty or oversized file before reading it."""
    if size == 0:
        raise UploadRefused(f"附件“{name}”是空文件，未保存")
    if size > MAX_UPLOAD_BYTES:
        raise UploadRefused(
            f"附件“{name}”大小为 {human_size(size)}，超过上限 {human_size(MAX_UPLOAD_BYTES)}，未保存"
        )


def check_upload(name: str, data: bytes) -> CheckedUpload:
    """Accept an attachment or raise ``UploadRefused`` naming the file and the reason."""
    size = len(data)
    check_size(name, size)
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in ALLOWED_TYPES:
        raise UploadRefused(
            f"附件“{name}”的类型“{ext or '无扩展名'}”不允许上传：只接受 {ALLOWED_LABEL}，未保存"
        )
    content_type, signatures = ALLOWED_TYPES[ext]
    if not any(data.startswith(sig) for sig in signatures):
        raise UploadRefused(
            f"附件“{name}”的内容与扩展名“.{ext}”不符（文件可能已损坏或被改名），未保存"
        )
    safe_name = re.sub(r"[\\/:*?\"<>|\x00-\x1f]", "_", name)[-200:]
    return CheckedUpload(safe_name, content_type, size, hashlib.sha256(data).hexdigest())
