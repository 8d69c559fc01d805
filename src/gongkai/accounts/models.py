"""API tokens: staff authenticate to /api/ with ``Authorization: Bearer <token>``."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX_LENGTH = 8


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_days() -> int:
    """How long a new API token lasts (``GONGKAI_API_TOKEN_DAYS``, default 180)."""
    return int(getattr(settings, "GONGKAI_API_TOKEN_DAYS", 180))


def revoke_all(user: Any, reason: str) -> int:
    """Revoke every live token of ``user`` (password changed, account deactivated)."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_reason=reason
    )


class ApiTokenManager(models.Manager["ApiToken"]):
    def issue(self, user: Any, name: str) -> tuple[ApiToken, str]:
        """Create a token; the plain value is returned once and only its hash is stored."""
        plain = secrets.token_urlsafe(32)
        token = self.create(
            user=user,
            name=name,
            prefix=plain[:PREFIX_LENGTH],
            key=digest(plain),
            expires_at=timezone.now() + timedelta(days=token_days()),
        )
        return token, plain

    def authenticate(self, plain: str) -> ApiToken | None:
        token = (
            self.select_related("user")
            .filter(
                key=digest(plain),
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
                user__is_active=True,
            )
            .first()
        )
        if token is not None:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens", verbose_name="用户"
    )
    name = models.CharField("用途", max_length=100)
    prefix = models.CharField("前缀", max_length=PREFIX_LENGTH)
    key = models.CharField("摘要", max_length=64, unique=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)
    expires_at = models.DateTimeField("到期时间")
    revoked_reason = models.CharField("吊销原因", max_length=100, blank=True)

    objects = ApiTokenManager()

    class Meta:
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"

    def __str__(self) -> str:
        return f"{self.name}（{self.prefix}…）"

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()


class PasswordState(models.Model):
    """Whether a user must choose a new password before doing anything else.

    Set when an account is created with a generated password (or an administrator resets
    it); cleared when the user changes it on the 修改密码 page.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        primary_key=True,
        related_name="password_state",
        verbose_name="用户",
    )
    must_change = models.BooleanField("须修改密码", default=False)
    changed_at = models.DateTimeField("最近修改密码", null=True, blank=True)

    class Meta:
        verbose_name = "密码状态"
        verbose_name_plural = "密码状态"

    def __str__(self) -> str:
        return f"{self.user}：{'须修改密码' if self.must_change else '正常'}"
