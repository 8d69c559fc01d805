"""The system admin (/admin/) speaks Chinese on every page it draws, third-party apps
included (django-axes, django-q2: labels in gongkai/site/locale)."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.utils import translation

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parents[2] / "src/gongkai/site/locale/zh_Hans/LC_MESSAGES"
# Words that stay as they are in Chinese admin pages: acronyms and names.
ALLOWED = {
    "ID",
    "IP",
    "API",
    "HTTP",
    "Accept",
    "GET",
    "POST",
    "SHA",
    "Cron",
    "URL",
    "ICP",
    "HEAD",
    "LDAP",
    "Gongkai",
}
ALLOWED |= {"Control", "Command", "Mac"}  # key names in Django's own Chinese help text
# Values, not labels: dotted function paths, {placeholders} and slugs in examples (如 fgj).
VALUES = re.compile(r"<unknown>|[a-z_]+(?:\.[a-z_]+)+|\{[^}]*\}|如：?\s*[a-z0-9_-]+")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def visible_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    html = re.sub(r'(?s)<select\b[^>]*name="(action|[a-z_]*__exact)".*?</select>', " ", html)
    return VALUES.sub(" ", html_module.unescape(re.sub(r"<[^>]+>", " ", html)))


def po_entries() -> list[tuple[str, str]]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    return [(a, b) for a, b in re.findall(r'msgid "(.+)"\nmsgstr "(.+)"', text)]


def test_the_compiled_catalogue_matches_its_source() -> None:
    entries = po_entries()
    assert len(entries) > 40
    with translation.override("zh-hans"):
        for msgid, msgstr in entries:
            assert translation.gettext(msgid) == msgstr, f"django.mo 过期：{msgid}"


def admin_urls() -> list[str]:
    urls = ["/admin/"]
    for model in admin.site._registry:
        meta = model._meta
        base = f"/admin/{meta.app_label}/"
        urls += [base, f"{base}{meta.model_name}/", f"{base}{meta.model_name}/add/"]
    return list(dict.fromkeys(urls))


def test_every_admin_page_is_in_chinese(client) -> None:
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("系统管理员", "", "Gongkai-Test-2099!")
    client.force_login(root)
    english: dict[str, set[str]] = {}
    for url in admin_urls():
        response = client.get(url)
        if response.status_code == 403 and url.endswith("/add/"):
            continue  # a model nobody adds by hand (e.g. axes' logs)
        assert response.status_code == 200, url
        words = set(LATIN_WORD.findall(visible_text(response.content.decode()))) - ALLOWED
        if words:
            english[url] = words
    assert not english, "\n".join(f"{u}: {sorted(w)}" for u, w in english.items())
