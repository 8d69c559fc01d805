"""Signal receivers of the accounts app, connected by ``AccountsConfig.ready``."""

from __future__ import annotations

from typing import Any


def revoke_tokens_on_password_or_deactivation(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A new password (changed, or reset by an administrator) or a deactivated account
    ends every API token the person had: a token must not outlive the access it came with."""
    if instance.pk is None or kwargs.get("raw"):
        return
    before = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before is None:
        return
    from .models import revoke_all

    if before["password"] != instance.password:
        revoke_all(instance, "密码已修改")
    elif before["is_active"] and not instance.is_active:
        revoke_all(instance, "账户已停用")
