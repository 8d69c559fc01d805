"""A crawler's JSON record saved as the file: the document it holds, with its page header.

A crawler stores each page it fetched as one JSON object (a file of its own, a line of a
JSON lines file, an item of an array, or the ``data`` of an API's answer): the article in
one long string field (``content``, ``text``, ``body``, ``正文`` …, its line breaks escaped
as ``\\n``; HTML or plain text, whichever the page was) and the page's fields beside it
(``title``, ``url``, ``source``, ``publish_time`` …). Read whole as text it is one line,
its tables lost. Decoded, the article is the document and the page's fields become the
header lines a crawled page prints above it and the reader already understands
(``标题：``, ``发布时间：``, ``发布机构：`` or ``来源：``, ``原文链接：``; an HTML article gets
them as paragraphs at its top). Of several records, the first that holds an annual
report (its title or article names one) is read, else the first with an article.

Text that only looks like JSON (a line starting with ``[``, a JSON with no article in it,
a record cut short) is not a record: it is read as the text it is.
"""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

ROLES: dict[str, tuple[str, ...]] = {
    "content": (
        "content", "正文", "内容", "text", "body", "html", "article", "contenthtml",
        "htmlcontent", "articlecontent", "articletext", "maintext", "fulltext", "bodytext",
    ),
    "title": ("title", "标题", "文章标题", "信息名称", "articletitle", "doctitle", "headline"),
    "published": (
        "publishtime", "publishdate", "发布时间", "发布日期", "pubtime", "pubdate",
        "releasetime", "releasedate", "publishedat", "published", "成文日期", "date", "time",
    ),
    "publisher": ("发布机构", "publisher", "发布单位", "department", "发文机关", "organ"),
    "source": ("source", "来源", "信息来源", "sourcename"),
    "url": ("url", "原文链接", "link", "sourceurl", "pageurl", "articleurl", "href", "网址"),
}  # fmt: skip
"""The fields a record's roles are read from, by their names (lower case, without ``_``,
``-`` and spaces), most trusted first."""
HEADER_KEYS = (
    ("title", "标题"),
    ("published", "发布时间"),
    ("publisher", "发布机构"),
    ("source", "来源"),
    ("url", "原文链接"),
)
"""The header line each role is printed as, in the order a crawled page prints them (a
crawler's ``source`` may name a news agency or ``本网``: it is the page's ``来源``, which
counts only when it names an organ)."""
MIN_CONTENT_CHARS = 200
"""A record without a named article field holds its article in its longest string, when
that is at least this long."""
MAX_DEPTH = 3
"""How deep records are looked for (``{"data": {"list": [{…}]}}``)."""
_REPORT_WORDS = ("年度报告", "年报")
_BODY_RE = re.compile(r"<body[^>]*>", re.IGNORECASE)
_HTML_TAG_RE = re.compile(r"<(?:p|div|table|br|span|html|body|tr|td)[\s>/]", re.IGNORECASE)
_CHINA = timezone(timedelta(hours=8))
_MIN_EPOCH = 946684800  # 2000-01-01: a smaller number is not a publication time
_KEY_NOISE = str.maketrans("", "", "_- ")


def crawler_document(text: str) -> str | None:
    """The document the crawler's record ``text`` holds, its header lines above it; None
    when ``text`` is not one (see the module docstring)."""
    values = _json_values(text)
    records = [r for value in values for r in _records(value, MAX_DEPTH)]
    if not records:
        return None
    chosen = next((r for r in records if _is_report(r)), records[0])
    return _document(chosen)


def _json_values(text: str) -> list[Any]:
    """The JSON value ``text`` is, or the values of its lines (JSON lines); none when it is
    neither."""
    try:
        return [json.loads(text)]
    except (ValueError, RecursionError):  # (``[[[…`` nested past the stack: not a record)
        pass
    values: list[Any] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("{"):
            return []
        try:
            values.append(json.loads(line))
        except (ValueError, RecursionError):
            return []
    return values


def _records(value: Any, depth: int) -> list[dict[str, str]]:
    """The records with an article among ``value`` and what it holds, ``depth`` levels
    down, each as its roles' values (see ``ROLES``)."""
    if isinstance(value, list):
        return [r for item in value for r in _records(item, depth)] if depth > 0 else []
    if not isinstance(value, dict):
        return []
    roles = _roles(value)
    if "content" in roles:
        return [roles]
    if depth == 0:
        return []
    return [r for item in value.values() for r in _records(item, depth - 1)]


def _roles(record: dict[Any, Any]) -> dict[str, str]:
    by_name: dict[str, str] = {}
    for key, value in record.items():
        printed = _printed(value)
        if isinstance(key, str) and printed:
            by_name.setdefault(key.lower().translate(_KEY_NOISE), printed)
    roles: dict[str, str] = {}
    for role, names in ROLES.items():
        found = next((by_name[name] for name in names if name in by_name), None)
        if found is not None:
            roles[role] = found
    if "content" not in roles:
        longest = max((v for v in record.values() if isinstance(v, str)), key=len, default="")
        if len(longest) >= MIN_CONTENT_CHARS:
            roles["content"] = longest
    return roles


def _printed(value: Any) -> str | None:
    """A field's value as text: a string, paragraphs in a list joined by line breaks, a
    time as seconds (or milliseconds) since 1970 as the day it is in China."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        if seconds >= _MIN_EPOCH:
            try:
                moment = datetime.fromtimestamp(seconds, UTC).astimezone(_CHINA)
            except (OverflowError, OSError, ValueError):
                return None
            return moment.date().isoformat()
    return None


def _is_report(roles: dict[str, str]) -> bool:
    title = roles.get("title", "")
    head = roles["content"][:500]
    return any(word in title or word in head for word in _REPORT_WORDS)


def _document(roles: dict[str, str]) -> str:
    """The article with the page's fields as its header lines."""
    content = roles["content"]
    header = [
        f"{printed}：{' '.join(roles[role].split())}"
        for role, printed in HEADER_KEYS
        if role in roles
    ]
    if _HTML_TAG_RE.search(content) is None:
        return "\n".join([*header, content])
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in header)
    body = _BODY_RE.search(content)
    at = body.end() if body else 0
    return content[:at] + paragraphs + content[at:]
