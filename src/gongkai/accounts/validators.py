"""The password policy beyond Django's built-in validators."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

DEMO_PASSWORD = "Gongkai-Demo-2025"
"""The password of every demo account (``manage.py load_demo``, the ``gongkai-demo`` package
in ``demo/``). It is published in the README, so it is refused everywhere else; it lives
here, not in the demo package, because production installs refuse it without that package."""


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


_LEET = str.maketrans(
    {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "0123456789")


class GuessablePasswordValidator:
    """Refuse what a guesser tries first, beyond Django's common-password list:

    - a common password dressed up (``Passw0rd!!``: letters for look-alike digits and
      symbols, digits and symbols at the ends removed, then looked up in Django's list of
      20,000 passwords from breaches, shipped with Django, no network);
    - a run of the alphabet or of the keyboard with a digit or two (``Abcdefghij1``);
    - the username inside the password (``fgj_officerfgj_officer``);
    - the demo accounts' password, published in the README.
    """

    def __init__(self) -> None:
        from django.contrib.auth.password_validation import CommonPasswordValidator

        self.common = CommonPasswordValidator().passwords

    def validate(self, password: str, user: Any = None) -> None:
        if password == DEMO_PASSWORD:
            raise ValidationError("不能使用演示账户的公开密码。", code="password_demo")
        ends = "0123456789!@#$%^&*()_+-=.,?~ "
        core = password.lower().strip(ends).translate(_LEET).strip(ends)
        if core in self.common or password.lower() in self.common:
            raise ValidationError(
                "密码是常见密码的变形（如 Passw0rd!!），很容易被猜中。", code="password_common"
            )
        letters = "".join(ch for ch in password.lower() if ch.isalnum())
        if len(letters) >= 6 and any(
            letters.rstrip("0123456789") in seq and len(letters.rstrip("0123456789")) >= 6
            for seq in _SEQUENCES
        ):
            raise ValidationError(
                "密码是字母表或键盘上的连续字符，很容易被猜中。", code="password_sequence"
            )
        username = str(getattr(user, "username", "") or "").lower()
        if len(username) >= 4 and username in password.lower():
            raise ValidationError("密码中不能包含用户名。", code="password_has_username")

    def get_help_text(self) -> str:
        return "不能是常见密码或其变形、连续的字母或键盘字符，不能包含用户名。"
