"""The password policy beyond Django's built-in validators."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class CharacterClassValidator:
    """A password mixes at least three of: lower-case, upper-case, digits, other characters."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        classes = [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
        if sum(classes) < self.min_classes:
            raise ValidationError(
                self.message(), code="password_too_uniform", params={"min": self.min_classes}
            )

    def message(self) -> str:
        return f"密码须至少包含小写字母、大写字母、数字、其他符号中的{self.min_classes}类。"

    def get_help_text(self) -> str:
        return self.message()
