"""Reading reports published outside the platform: limits, parsing, organ matching.

The writing (one transaction per file) is ``services.import_reports``; this module only
decides, per file, whether it is accepted, what it says and whose report it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from gongkai.annual import AnnualReport, GongkaiError
from gongkai.annual.parse import UnreadableDocument, parse_bytes
from gongkai.organs.models import Organ

MAX_FILES = 50
MAX_BYTES = 10 * 1024 * 1024
ACCEPTED = (".txt", ".text", ".htm", ".html", ".docx", ".doc", ".wps", ".pdf", ".json")
"""Text, web pages, Word (DOCX, and Word 97-2003 or WPS ``.doc``/``.wps``), PDF, and
``annual-report/1`` JSON."""

MATCHED_BY = {
    "chosen": "导入时指定",
    "name": "按机关全称匹配",
    "contains": "按文中机关名称匹配",
    "": "未匹配",
}


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes


@dataclass(frozen=True)
class Outcome:
    """One file of a batch: stored (``ok``) or refused, with a Chinese message."""

    source: str
    ok: bool
    message: str
    row: Any = None


class Unreadable(Exception):
    pass


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def refuse(upload: Upload) -> str | None:
    """Why the file is not even read (type, size), or ``None``."""
    suffix = PurePath(upload.name).suffix.lower()
    if suffix not in ACCEPTED:
        shown = suffix or "（无扩展名）"
        return (
            f"不支持的文件类型“{shown}”：请上传文本（.txt）、网页（.html）、Word（.docx、.doc、.wps）、"
            "PDF（.pdf）或 annual-report/1 JSON（.json）文件"
        )
    if not upload.content:
        return "文件是空的（0 字节），未导入"
    if len(upload.content) > MAX_BYTES:
        return too_large(len(upload.content))
    return None


def too_large(size: int) -> str:
    return f"文件大小为{_mb(size)}，超过上限{_mb(MAX_BYTES)}，未导入"


def read(upload: Upload) -> AnnualReport:
    """The report in the file; ``Unreadable`` (Chinese message) when there is none."""
    if PurePath(upload.name).suffix.lower() == ".json":
        try:
            text = upload.content.decode("utf-8")
            return AnnualReport.from_json(text, source=upload.name)
        except UnicodeDecodeError:
            raise Unreadable("JSON 文件不是 UTF-8 编码，未导入") from None
        except GongkaiError as exc:
            raise Unreadable(f"不是有效的 annual-report/1 JSON：{exc}") from None
    try:
        return parse_bytes(upload.content, upload.name)
    except UnreadableDocument as exc:
        raise Unreadable(f"无法读取：{exc.detail}（{exc.code}）") from None
    except GongkaiError as exc:
        raise Unreadable(f"无法读取：{exc}") from None
    except Exception as exc:  # a parser bug must not break the batch
        raise Unreadable(
            f"读取时出现内部错误（{type(exc).__name__}），请把文件提交给开发者"
        ) from None


def _plain(text: str) -> str:
    return "".join(text.split())


def match(report: AnnualReport, candidates: list[Organ]) -> tuple[Organ | None, str]:
    """The organ whose report this is: its full name as the document states it, else the
    longest organ name found in the stated organ, the title or the file name."""
    stated = _plain(report.organ or "")
    for organ in candidates:
        if stated and _plain(organ.name) == stated:
            return organ, "name"
    haystack = " ".join(_plain(t) for t in (report.organ, report.title, report.source) if t)
    found = [o for o in candidates if _plain(o.name) in haystack]
    if found:
        return max(found, key=lambda o: len(o.name)), "contains"
    return None, ""


def stated_organ(row: Any) -> str:
    """The organ the imported report names itself (title, signature), as read."""
    stated = row.data.get("organ") if isinstance(row.data, dict) else None
    return stated.strip() if isinstance(stated, str) else ""


def unmatched(row: Any) -> str:
    stated = stated_organ(row)
    if stated:
        return f"未匹配到机关（报告所署“{stated}”不在本单位所辖机关中，请在导入记录中指定）"
    return "未匹配到机关（报告中未识别出机关名称，请在导入记录中指定）"


def summary(row: Any) -> str:
    organ = row.organ.name if row.organ else unmatched(row)
    year = f"{row.year}年度" if row.year else "年度未识别"
    return f"已导入：{organ}，{year}；核查发现错误{row.errors}个、警告{row.warnings}个"
