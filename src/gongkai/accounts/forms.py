from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确。请注意：连续输错5次，账户将被锁定30分钟。",
        "inactive": "该账户已停用，请联系系统管理员。",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = "用户名"
        self.fields["password"].label = "密码"


class ChinesePasswordChangeForm(PasswordChangeForm):
    """Django's password change form, with Chinese labels and messages."""

    error_messages = {
        "password_mismatch": "两次输入的新密码不一致。",
        "password_incorrect": "当前密码不正确，请重新输入。",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["old_password"].label = "当前密码"
        self.fields["new_password1"].label = "新密码"
        self.fields["new_password2"].label = "再次输入新密码"
        self.fields["new_password1"].help_text = (
            "至少10个字符，须包含小写字母、大写字母、数字、其他符号中的3类；"
            "不能与用户名、姓名相近，不能是常见密码或纯数字。"
        )
        self.fields["new_password2"].help_text = ""
