"""A generated password shown once, after a redirect (post/redirect/get).

Reloading the page that shows a new account's (or a reset) password must not create the
account again, and the password must never be stored in clear. The POST keeps a one-time
pad in the session and puts the password, encrypted with that pad, in the redirect's URL;
the page joins the two once and forgets the pad, so neither the session store nor the
access log holds the password, and a reload finds nothing to show.
"""

from __future__ import annotations

import base64
import secrets
import time
from dataclasses import dataclass

from django.http import HttpRequest

KEY = "site:shown_once"
VALID_FOR = 10 * 60
"""Seconds within which the page must be opened after the POST."""


@dataclass(frozen=True)
class Shown:
    kind: str
    """``created`` (new account) or ``reset`` (new initial password)."""
    organ: str
    username: str
    summary: str
    password: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode()


def keep(
    request: HttpRequest, *, kind: str, organ: str, username: str, summary: str, password: str
) -> str:
    """Remember what to show; returns the cipher text for the redirect's query string."""
    plain = password.encode()
    pad = secrets.token_bytes(len(plain))
    request.session[KEY] = {
        "kind": kind,
        "organ": organ,
        "username": username,
        "summary": summary,
        "pad": _b64(pad),
        "at": time.time(),
    }
    return _b64(bytes(a ^ b for a, b in zip(plain, pad, strict=True)))


def take(request: HttpRequest, organ: str, username: str, cipher: str) -> Shown | None:
    """What to show, once (None on a reload, for another person, or once expired)."""
    kept = request.session.pop(KEY, None)
    if not isinstance(kept, dict) or (kept.get("organ"), kept.get("username")) != (
        organ,
        username,
    ):
        return None
    if time.time() - float(kept.get("at", 0)) > VALID_FOR:
        return None
    try:
        pad = base64.urlsafe_b64decode(str(kept["pad"]))
        sealed = base64.urlsafe_b64decode(cipher)
    except (ValueError, KeyError):
        return None
    if len(pad) != len(sealed):
        return None
    password = bytes(a ^ b for a, b in zip(sealed, pad, strict=True)).decode(errors="replace")
    return Shown(str(kept["kind"]), organ, username, str(kept["summary"]), password)
