from __future__ import annotations

from django import forms

from .models import Organ


class OrganForm(forms.ModelForm):
    """What an organ's administrator keeps up to date (the 公开指南 prints it)."""

    class Meta:
        model = Organ
        fields = [
            "name",
            "short_name",
            "credit_code",
            "office_name",
            "office_address",
            "office_postcode",
            "office_hours",
            "office_phone",
            "office_fax",
            "office_email",
            "reconsideration_body",
            "court",
            "notice_number_pattern",
            "report_publisher",
        ]

    def clean_notice_number_pattern(self) -> str:
        return clean_notice_number_pattern(self.cleaned_data.get("notice_number_pattern", ""))


def clean_notice_number_pattern(value: str) -> str:
    """The 文号 pattern, or a field error saying what is wrong with it."""
    from gongkai.applications.document_numbers import pattern_problems

    pattern = (value or "").strip()
    problems = pattern_problems(pattern)
    if problems:
        raise forms.ValidationError(f"文号格式{'；'.join(problems)}")
    return pattern


class OrganAdminForm(forms.ModelForm):
    """The organ in the admin site: every field, the 文号 pattern checked as on the page."""

    class Meta:
        model = Organ
        fields = "__all__"

    def clean_notice_number_pattern(self) -> str:
        return clean_notice_number_pattern(self.cleaned_data.get("notice_number_pattern", ""))


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: object) -> None:
        from .roles import Role

        kwargs.setdefault("label", "角色")
        kwargs.setdefault("choices", Role.choices)
        kwargs.setdefault("error_messages", {"required": "请至少选择一个角色。"})
        super().__init__(**kwargs)  # type: ignore[arg-type]


class RolesForm(forms.Form):
    roles = RolesField()


class AddPersonForm(forms.Form):
    """Give an existing account roles in this organ."""

    username = forms.CharField(label="用户名", max_length=150, help_text="已有账户的用户名")
    roles = RolesField()

    def clean_username(self) -> object:
        from django.contrib.auth import get_user_model

        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError(
                f"没有用户名为“{username}”的账户；如是新同事，请用“新建账户”。"
            )
        return user


class NewPersonForm(forms.Form):
    """A new account; its initial password is generated and shown once."""

    username = forms.CharField(
        label="用户名", max_length=150, help_text="用于登录，可用字母、数字和 @ . + - _"
    )
    full_name = forms.CharField(label="姓名", max_length=150)
    email = forms.EmailField(label="电子邮箱", required=False)
    roles = RolesField()
