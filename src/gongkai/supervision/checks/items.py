"""Checks of the 主动公开 items: timeliness, numbering, validity, links, personal data."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator

from django.db import connection
from django.db.models import F
from django.urls import reverse

from gongkai.disclosure import personal_data as personal
from gongkai.disclosure import workflow
from gongkai.disclosure.categories import KIND_NORMATIVE, KIND_REGULATION
from gongkai.disclosure.models import Attachment, Item

from ..catalogue import Finding
from .context import Context

_HREF_RE = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_ITEM_LINK_RE = re.compile(r"^(?:https?://[^/]+)?/items/(\d+)/(?:files/(\d+)/)?")
TEXT_ATTACHMENT_BYTES = 1_000_000


def _url(item: Item) -> str:
    return reverse("disclosure:detail", args=[item.pk])


def _public(ctx: Context):  # type: ignore[no-untyped-def]
    return Item.objects.filter(organ_id__in=ctx.organ_ids, state__in=workflow.HEAD_STATES)


def publishing(ctx: Context) -> Iterator[Finding]:
    late = _public(ctx).filter(published_on__gt=F("due_on"))
    for item in late.only("id", "organ_id", "title", "due_on", "published_on").iterator():
        yield Finding(
            item.organ_id,
            "PUB.LATE",
            f"item:{item.pk}",
            f"《{item.title}》于{item.published_on}发布，公开期限为{item.due_on}",
            _url(item),
        )
    waiting = Item.objects.filter(
        organ_id__in=ctx.organ_ids,
        state__in=(workflow.DRAFT, *workflow.REVIEW_STATES),
        due_on__lt=ctx.on,
    ).only("id", "organ_id", "title", "due_on", "state")
    for item in waiting.iterator():
        yield Finding(
            item.organ_id,
            "PUB.OVERDUE",
            f"item:{item.pk}",
            f"《{item.title}》公开期限{item.due_on}已过，仍为“{workflow.STATE_LABELS[item.state]}”",
            _url(item),
        )


def numbering(ctx: Context) -> Iterator[Finding]:
    missing = _public(ctx).filter(index_number="").only("id", "organ_id", "title")
    for item in missing.iterator():
        yield Finding(
            item.organ_id,
            "ITEM.INDEX",
            f"item:{item.pk}",
            f"《{item.title}》没有索引号",
            _url(item),
        )
    unnumbered = _public(ctx).filter(kind__in=(KIND_REGULATION, KIND_NORMATIVE), doc_number="")
    for item in unnumbered.only("id", "organ_id", "title").iterator():
        yield Finding(
            item.organ_id,
            "ITEM.DOCNO",
            f"item:{item.pk}",
            f"《{item.title}》没有文号",
            _url(item),
        )


def validity(ctx: Context) -> Iterator[Finding]:
    expired = Item.objects.filter(
        organ_id__in=ctx.organ_ids, state=workflow.PUBLISHED, valid_until__lt=ctx.on
    ).only("id", "organ_id", "title", "valid_until")
    for item in expired.iterator():
        yield Finding(
            item.organ_id,
            "POLICY.EXPIRED",
            f"item:{item.pk}",
            f"《{item.title}》有效期至{item.valid_until}，仍标为有效",
            _url(item),
        )
    needing = Item.objects.filter(
        organ_id__in=ctx.organ_ids, state=workflow.PUBLISHED, requires_interpretation=True
    ).exclude(interpretations__state__in=workflow.PUBLIC_STATES)
    for item in needing.only("id", "organ_id", "title").iterator():
        yield Finding(
            item.organ_id,
            "POLICY.INTERP",
            f"item:{item.pk}",
            f"《{item.title}》要求同步发布政策解读，没有已发布的解读",
            _url(item),
        )


def links(ctx: Context) -> Iterator[Finding]:
    """Internal links against the database, attachments on disk, external links only when
    the admin allows outbound checks."""
    rows = list(_public(ctx).filter(body__icontains="href").only("id", "organ_id", "title", "body"))
    wanted: set[int] = set()
    found: list[tuple[Item, str, int, int | None]] = []
    external: list[tuple[Item, str]] = []
    for item in rows:
        for href in _HREF_RE.findall(item.body):
            m = _ITEM_LINK_RE.match(href)
            if m:
                target = int(m.group(1))
                wanted.add(target)
                found.append((item, href, target, int(m.group(2)) if m.group(2) else None))
            elif href.startswith(("http://", "https://")):
                external.append((item, href))
    public = set(
        Item.objects.filter(pk__in=wanted, state__in=workflow.PUBLIC_STATES).values_list(
            "pk", flat=True
        )
    )
    files = {
        (a.item_id, a.pk)
        for a in Attachment.objects.filter(item_id__in=wanted).only("id", "item_id")
    }
    for item, href, target, attachment in found:
        broken = target not in public or (
            attachment is not None and (target, attachment) not in files
        )
        if broken:
            yield Finding(
                item.organ_id,
                "LINK.INTERNAL",
                f"item:{item.pk}:{href}",
                f"《{item.title}》正文链接“{href}”指向的信息不存在或未公开",
                _url(item),
                href,
            )
    attachments = Attachment.objects.filter(
        item__organ_id__in=ctx.organ_ids, item__state__in=workflow.HEAD_STATES
    ).select_related("item")
    for a in attachments.iterator():
        if not a.file.name or not a.file.storage.exists(a.file.name):
            yield Finding(
                a.item.organ_id,
                "LINK.INTERNAL",
                f"item:{a.item_id}:file:{a.pk}",
                f"《{a.item.title}》的附件“{a.name}”在服务器上找不到",
                _url(a.item),
                a.name,
            )
    if ctx.external_links:
        for item, href in external:
            if not _reachable(href):
                yield Finding(
                    item.organ_id,
                    "LINK.EXTERNAL",
                    f"item:{item.pk}:{href}",
                    f"《{item.title}》正文的外部链接无法访问",
                    _url(item),
                    href,
                )


def _reachable(url: str) -> bool:
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "Gongkai"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status) < 400
    except urllib.error.HTTPError as exc:
        return exc.code < 400 or exc.code == 405
    except (OSError, ValueError):
        return False


def _attachment_texts(ctx: Context) -> dict[int, str]:
    """Text attachments of public items (other formats are not read here)."""
    out: dict[int, str] = {}
    rows = Attachment.objects.filter(
        item__organ_id__in=ctx.organ_ids,
        item__state__in=workflow.HEAD_STATES,
        content_type__startswith="text/",
    )
    for a in rows.iterator():
        try:
            with a.file.open("rb") as handle:
                data = handle.read(TEXT_ATTACHMENT_BYTES)
        except (OSError, ValueError):
            continue
        out[a.item_id] = out.get(a.item_id, "") + "\n" + data.decode("utf-8", "replace")
    return out


_NUMBERS_RE = re.compile(r"[0-9]{4}(?:[0-9]{7}|[ -][0-9]{4})")
"""Every ID, mobile or card number holds one of these: texts without are skipped."""


def _texts(ctx: Context) -> Iterator[tuple[int, int, str, str]]:
    """(id, organ id, title, text) of every public item, read as plain rows: at 300,000
    items the ORM's per-row work costs more than the checks themselves."""
    query = _public(ctx).values_list("id", "organ_id", "title", "body_text").query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while True:
            rows = cursor.fetchmany(5000)
            if not rows:
                return
            yield from rows


def personal_data(ctx: Context) -> Iterator[Finding]:
    attached = _attachment_texts(ctx)
    words = re.compile("|".join(re.escape(w) for w in ctx.words if w)) if ctx.words else None
    numbers = _NUMBERS_RE.search
    for pk, organ_id, title, body in _texts(ctx):
        extra = attached.get(pk)
        text = f"{title}\n{body}\n{extra}" if extra else None
        if numbers(body) or numbers(title) or (extra and numbers(extra)):
            yield from _numbers_in(pk, organ_id, title, text or f"{title}\n{body}")
        if words is not None and (
            words.search(body) or words.search(title) or (extra and words.search(extra))
        ):
            found = personal.words_in(text or f"{title}\n{body}", ctx.words)
            yield Finding(
                organ_id,
                "PRIVACY.WORD",
                f"item:{pk}",
                f"《{title}》含敏感词",
                reverse("disclosure:detail", args=[pk]),
                "、".join(found),
            )


def _numbers_in(pk: int, organ_id: int, title: str, text: str) -> Iterator[Finding]:
    checks = (
        ("PRIVACY.ID", personal.id_numbers(text), "身份证号码"),
        ("PRIVACY.MOBILE", personal.mobiles(text), "手机号码"),
        ("PRIVACY.CARD", personal.cards(text), "银行卡号"),
    )
    for rule, hits, what in checks:
        shown = sorted({personal.masked(h) for h in hits})
        if shown:
            yield Finding(
                organ_id,
                rule,
                f"item:{pk}",
                f"《{title}》含{len(shown)}个{what}",
                reverse("disclosure:detail", args=[pk]),
                "、".join(shown),
            )
