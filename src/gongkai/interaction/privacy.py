"""What of a message the public may see: the name masked, contact details never, and
personal numbers typed into the text blotted out."""

from __future__ import annotations

import re

_MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)")
_ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_LANDLINE_RE = re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CARD_RE = re.compile(r"(?<!\d)\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?!\d)")


def masked_name(name: str) -> str:
    """``张三`` → ``张*``, ``欧阳娜娜`` → ``欧***``; no name → ``网友``."""
    name = name.strip()
    if not name:
        return "网友"
    return name[0] + "*" * max(1, len(name) - 1)


def masked_text(text: str) -> str:
    """Text with ID, card, phone numbers and e-mail addresses replaced by ``***``."""
    for pattern in (_ID_RE, _CARD_RE, _MOBILE_RE, _LANDLINE_RE, _EMAIL_RE):
        text = pattern.sub("***", text)
    return text
