"""The "must change password" flag: set for generated passwords, cleared by the user."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from .models import PasswordState


def require_change(user: Any) -> None:
    """The user must choose a new password at the next request after logging in."""
    PasswordState.objects.update_or_create(user=user, defaults={"must_change": True})


def must_change(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return PasswordState.objects.filter(user=user, must_change=True).exists()


def changed(user: Any) -> None:
    """The user chose a new password: clear the flag and note when."""
    PasswordState.objects.update_or_create(
        user=user, defaults={"must_change": False, "changed_at": timezone.now()}
    )
