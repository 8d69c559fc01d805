"""Forms of the back office: item, action, attachment, table 二 entries, 公开指南."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone

from gongkai.organs.models import Organ

from . import workflow
from .content import ALLOWED_LABEL, MAX_UPLOAD_BYTES, human_size
from .models import Guide, Item, Table2Entry


class DateInput(forms.DateInput):
    input_type = "date"


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = [
            "title",
            "publisher",
            "doc_number",
            "written_on",
            "changed_on",
            "category",
            "topic",
            "kind",
            "disclosure_term",
            "effective_on",
            "valid_until",
            "interprets",
            "requires_interpretation",
            "amends",
            "repeals",
            "body",
        ]
        widgets = {
            "written_on": DateInput(),
            "changed_on": DateInput(),
            "effective_on": DateInput(),
            "valid_until": DateInput(),
            "body": forms.Textarea(attrs={"rows": 16, "class": "body-editor"}),
        }
        help_texts = {
            "body": (
                "空一行为新段落；“## ”开头为小标题，“- ”或“1. ”开头为列表，"
                "“| 列1 | 列2 |”为表格，[文字](网址) 为链接；可直接粘贴 Word 或网页中的内容。"
                "脚本等不安全内容会被自动移除。"
            ),
            "changed_on": "修订时填写信息变更的日期，公开期限从该日起算。",
            "kind": "规章、行政规范性文件计入年度报告表二。",
        }

    def __init__(self, *args: object, organ: Organ, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if self.instance.pk and self.instance.body_source and "body" not in self.data:
            self.initial["body"] = self.instance.body_source  # as typed, not the HTML
        self.fields["publisher"].required = False
        self.fields["topic"].required = False
        current = Item.objects.filter(organ=organ, state=workflow.PUBLISHED).order_by(
            "-published_on", "-id"
        )
        # a 解读 may point at a policy still in review: the two are published together
        self.fields["interprets"].queryset = Item.objects.filter(  # type: ignore[attr-defined]
            organ=organ,
            state__in=(workflow.PUBLISHED, workflow.DRAFT, *workflow.REVIEW_STATES),
        ).order_by("-published_on", "-id")
        self.fields["amends"].queryset = current  # type: ignore[attr-defined]
        self.fields["repeals"].queryset = current  # type: ignore[attr-defined]
        several = "按住 Ctrl（Mac 为 Command）可选多个。"
        self.fields["amends"].help_text = several
        self.fields["repeals"].help_text = (
            "本文件发布时，所选文件自动标为废止（计入表二本年废止件数）。" + several
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        from .services import date_problems

        problems = date_problems(
            data.get("written_on"), data.get("changed_on"), timezone.localdate()
        )
        for name, message in problems.items():
            self.add_error(name, message)
        return data


class ActionForm(forms.Form):
    event = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label="意见或理由", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="附件",
        help_text=f"接受 {ALLOWED_LABEL}，单个文件不超过 {human_size(MAX_UPLOAD_BYTES)}",
    )


class Table2EntryForm(forms.ModelForm):
    class Meta:
        model = Table2Entry
        fields = ["licensing", "punishment", "coercion", "fees", "source"]
        help_texts = {
            "licensing": "非负整数；留空表示尚未取得数据（不会按 0 计）",
            "punishment": "非负整数；留空表示尚未取得数据",
            "coercion": "非负整数；留空表示尚未取得数据",
            "fees": "单位：万元，最多 4 位小数，不小于 0",
            "source": "如“省行政执法监管平台导出，2025-01-10”",
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        fees = self.fields["fees"]
        fees.validators.append(MinValueValidator(0, message="收费金额（万元）应为不小于 0 的数"))
        fees.error_messages.update(
            invalid="收费金额请填写数字（单位：万元），如 12.5",
            max_decimal_places="收费金额（万元）最多保留 4 位小数",
            max_digits="收费金额（万元）位数过多，请核对单位是否为万元",
            max_whole_digits="收费金额（万元）位数过多，请核对单位是否为万元",
        )


class GuideForm(forms.ModelForm):
    class Meta:
        model = Guide
        fields = [
            "classification",
            "obtaining",
            "office_name",
            "office_address",
            "office_hours",
            "office_phone",
            "office_fax",
            "office_email",
            "other",
        ]
