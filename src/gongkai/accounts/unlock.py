"""Unlocking one's own account by e-mail after too many failed log-ins.

The locked page offers to send a link to the address the account has on file. The
answer never says whether the account exists or has an address (the same words every
time), the requests are rate-limited per client, and the link is signed, names the
account, and lasts an hour. Opening it shows a button; only the POST unlocks (mail
scanners that follow links unlock nothing). Unlocking removes the account's failed
attempts from every address, as an administrator's unlock does.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse

LINK_SECONDS = 3600
SALT = "gongkai.accounts.unlock"


def link_token(user: Any) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(user.pk))


def user_for(token: str) -> Any | None:
    """The account the token was made for, while it is valid (else None)."""
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign(token, max_age=LINK_SECONDS)
    except signing.BadSignature:  # tampered or expired (SignatureExpired is a subclass)
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True).first()


def send_link(username: str, base: str) -> bool:
    """Mail the link to the account's address; False when there is nobody to mail."""
    user = get_user_model().objects.filter(username=username.strip(), is_active=True).first()
    if user is None or not user.email:
        return False
    url = f"{base}{reverse('accounts:unlock', args=[link_token(user)])}"
    body = (
        f"{user.get_full_name() or user.username}：\n\n"
        f"您的账户“{user.username}”因连续多次登录失败已被暂时锁定。"
        f"如果是您本人操作，请在1小时内打开下面的链接解除锁定：\n\n{url}\n\n"
        "如果不是您本人操作，说明有人在尝试用您的账户登录：请不要打开链接，账户将在30分钟后"
        "自动解锁；建议登录后修改密码，并告知系统管理员。\n"
    )
    send_mail("【公开平台】账户解锁链接", body, None, [user.email])
    return True


def unlock(user: Any) -> int:
    """Remove the account's failed log-ins (all addresses); how many were removed."""
    from axes.utils import reset

    return int(reset(username=user.username))
