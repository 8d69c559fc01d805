"""Forms of the calendar pages (administrators only)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms

from .entry import parse_days
from .models import DayKind
from .services import DayEntry


class NoticeForm(forms.Form):
    year = forms.IntegerField(label="年份", min_value=2000, max_value=2200)
    title = forms.CharField(
        label="通知标题", max_length=200, help_text="如：国务院办公厅关于2027年部分节假日安排的通知"
    )
    document_number = forms.CharField(
        label="文号", max_length=100, required=False, help_text="如：国办发明电〔2026〕×号"
    )
    published_on = forms.DateField(label="发布日期", required=False, help_text="格式：YYYY-MM-DD")
    holidays = forms.CharField(
        label="放假日期",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="每行一项：“2027-01-01 元旦”或“2027-02-06至2027-02-13 春节”（含放假期间的周末）",
    )
    workdays = forms.CharField(
        label="调休上班日期",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="每行一项，只能是星期六或星期日，如“2027-02-14 春节”",
    )
    reason = forms.CharField(
        label="变更原因",
        max_length=300,
        required=False,
        help_text="留空则记为“录入（或更新）该通知”",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        days: list[DayEntry] = []
        for field, kind, label in (
            ("holidays", DayKind.HOLIDAY, "放假日期"),
            ("workdays", DayKind.WORKDAY, "调休上班日期"),
        ):
            try:
                days.extend(parse_days(data.get(field) or "", kind, label))
            except forms.ValidationError as exc:
                self.add_error(field, exc)
        data["days"] = days
        return data


class OverrideForm(forms.Form):
    date = forms.DateField(label="日期", help_text="格式：YYYY-MM-DD")
    kind = forms.ChoiceField(label="调整为", choices=DayKind.choices, widget=forms.RadioSelect)
    name = forms.CharField(
        label="名称", max_length=100, help_text="如：古尔邦节、壮族三月三、临时调整"
    )
    reason = forms.CharField(
        label="依据或理由", max_length=300, help_text="如：自治区人民政府通知（文号）"
    )


class RemoveForm(forms.Form):
    reason = forms.CharField(label="删除原因", max_length=300)


def initial_for_notice(notice: Any, days: list[DayEntry]) -> dict[str, Any]:
    from .entry import format_days

    published: datetime.date | None = notice.published_on
    return {
        "year": notice.year,
        "title": notice.title,
        "document_number": notice.document_number,
        "published_on": published,
        "holidays": format_days([d for d in days if d.kind == DayKind.HOLIDAY]),
        "workdays": format_days([d for d in days if d.kind == DayKind.WORKDAY]),
    }
