"""Forms of the back office: item, action, attachment, table 二 entries, 公开指南."""

from __future__ import annotations

from django import forms

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
            "interprets",
            "amends",
            "repeals",
            "body",
        ]
        widgets = {
            "written_on": DateInput(),
            "changed_on": DateInput(),
            "effective_on": DateInput(),
            "body": forms.Textarea(attrs={"rows": 14}),
        }
        help_texts = {
            "body": "可使用段落、标题、列表、表格和链接；脚本等不安全内容会被自动移除。",
            "changed_on": "修订时填写信息变更的日期，公开期限从该日起算。",
            "kind": "规章、行政规范性文件计入年度报告表二。",
        }

    def __init__(self, *args: object, organ: Organ, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["publisher"].required = False
        self.fields["topic"].required = False
        current = Item.objects.filter(organ=organ, state=workflow.PUBLISHED).order_by(
            "-published_on", "-id"
        )
        self.fields["interprets"].queryset = current  # type: ignore[attr-defined]
        self.fields["amends"].queryset = current  # type: ignore[attr-defined]
        self.fields["repeals"].queryset = current  # type: ignore[attr-defined]
        self.fields[
            "repeals"
        ].help_text = "本文件发布时，所选文件自动标为废止（计入表二本年废止件数）。"


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
        help_texts = {"source": "如“省行政执法监管平台导出，2025-01-10”"}


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
