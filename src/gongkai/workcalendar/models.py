"""Calendar data entered by administrators."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.core.models import AuditEvent


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", "放假（非工作日）"
    WORKDAY = "workday", "调休上班（工作日）"


class YearNotice(models.Model):
    """The official holiday arrangement for one year (国务院办公厅关于YYYY年部分节假日安排的通知).

    A row here declares the year covered: its holidays and 调休 working days are the
    shipped data (when the library has them) plus this year's ``CalendarOverride`` rows.
    """

    year = models.PositiveSmallIntegerField("年份", unique=True)
    title = models.CharField("通知标题", max_length=200)
    document_number = models.CharField("文号", max_length=100, blank=True)
    published_on = models.DateField("发布日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="录入人",
    )
    entered_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = "年度放假安排通知"
        verbose_name_plural = "年度放假安排通知"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年：{self.title}"


class CalendarOverride(models.Model):
    """One day made a holiday or a working day (a notice's day, a local festival, an ad hoc change)."""

    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=DayKind.choices)
    name = models.CharField("名称", max_length=100, help_text="如：春节、壮族三月三、临时调整")
    notice = models.ForeignKey(
        YearNotice,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="overrides",
        verbose_name="依据通知",
    )
    reason = models.CharField("依据或理由", max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="录入人",
    )
    entered_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = "日历调整"
        verbose_name_plural = "日历调整"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}（{self.name}）"


class CalendarAction(models.TextChoices):
    NOTICE_ENTERED = "notice_entered", "录入放假安排"
    NOTICE_UPDATED = "notice_updated", "更新放假安排"
    DAY_SET = "day_set", "调整单日"
    DAY_REMOVED = "day_removed", "删除单日调整"


class CalendarChange(AuditEvent):
    """Why the calendar changed, when and by whom (never rewritten)."""

    action = models.CharField("操作", max_length=40, choices=CalendarAction.choices)
    reason = models.CharField("原因", max_length=300)
    summary = models.TextField("变更内容")
    dates = models.JSONField("涉及日期", default=list)

    class Meta:
        verbose_name = "日历变更记录"
        verbose_name_plural = "日历变更记录"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.reason}"


class CoverageReminder(models.Model):
    """One weekly e-mail to the site administrators that a year's notice is missing.

    At most one row per missing year and week (Monday): the row is written in the same
    transaction as the e-mails are sent, so a second run of the same week, even a
    concurrent one, stops at the unique constraint and sends nothing.
    """

    year = models.PositiveSmallIntegerField("未录入的年份")
    week_start = models.DateField("所在周（星期一）")
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)
    recipients = models.JSONField("收件人", default=list)

    class Meta:
        verbose_name = "工作日历提醒"
        verbose_name_plural = "工作日历提醒"
        ordering = ["-week_start", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "week_start"], name="workcalendar_reminder_once_a_week"
            )
        ]

    def __str__(self) -> str:
        return f"{self.week_start:%Y-%m-%d}当周：{self.year}年日历提醒（{len(self.recipients)}人）"
