"""Inspections (巡查), the problems they find and their follow-up (整改), and the site
admin's list of words that must not be published."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.organs.models import Organ


class ProblemState(models.TextChoices):
    OPEN = "open", "待整改"
    FIXED = "fixed", "已整改"
    VERIFIED = "verified", "已复核"
    REJECTED = "rejected", "不予采纳"


OPEN_STATES = (ProblemState.OPEN, ProblemState.FIXED)
"""States a re-inspection still looks at: a fixed problem is verified by not being found."""


class Run(models.Model):
    """One inspection of some organs on one day."""

    on = models.DateField("检查日期")
    started_at = models.DateTimeField(auto_now_add=True)
    seconds = models.FloatField("用时（秒）", default=0)
    organs = models.PositiveIntegerField("检查机关数", default=0)
    found = models.PositiveIntegerField("发现问题", default=0)
    new = models.PositiveIntegerField("新问题", default=0)
    reopened = models.PositiveIntegerField("再次出现", default=0)
    closed = models.PositiveIntegerField("复核关闭", default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "巡查"
        verbose_name_plural = "巡查"


class Problem(models.Model):
    """A finding of a rule about one thing of one organ, tracked until it is fixed."""

    organ = models.ForeignKey(Organ, models.CASCADE, related_name="problems", verbose_name="机关")
    rule = models.CharField("规则", max_length=20, db_index=True)
    key = models.CharField("问题标识", max_length=200)
    """What the problem is about (``item:12``, ``guide``, ``case:FGJ-2026-00003`` …):
    the same key found again is the same problem."""
    title = models.CharField("问题", max_length=300)
    evidence_url = models.CharField("证据链接", max_length=500, blank=True)
    excerpt = models.TextField("证据摘录", blank=True)
    found_on = models.DateField("发现日期")
    last_seen_on = models.DateField("最近发现日期")
    deadline = models.DateField("整改期限")
    state = models.CharField(
        "状态", max_length=10, choices=ProblemState.choices, default=ProblemState.OPEN
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="整改负责人",
    )
    reopened = models.PositiveSmallIntegerField("再次出现次数", default=0)
    closed_on = models.DateField("关闭日期", null=True, blank=True)

    class Meta:
        verbose_name = "问题"
        verbose_name_plural = "问题"
        constraints = [
            models.UniqueConstraint(fields=["organ", "rule", "key"], name="problem_unique")
        ]
        indexes = [models.Index(fields=["organ", "state"])]

    def __str__(self) -> str:
        return f"{self.rule} {self.title}"

    @property
    def state_label(self) -> str:
        return ProblemState(self.state).label


class ProblemEvent(models.Model):
    problem = models.ForeignKey(Problem, models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    on = models.DateField()
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    LABELS = {
        "found": "巡查发现",
        "reopened": "复查时再次发现",
        "assigned": "指定整改负责人",
        "fixed": "报告已整改",
        "verified": "复查未再发现，已复核",
        "rejected": "不予采纳",
    }

    @property
    def label(self) -> str:
        return self.LABELS.get(self.kind, self.kind)


class SensitiveWord(models.Model):
    """A word the site admin never wants in a published text."""

    word = models.CharField("敏感词", max_length=50, unique=True)

    class Meta:
        verbose_name = "敏感词"
        verbose_name_plural = "敏感词"

    def __str__(self) -> str:
        return self.word


class Bulletin(models.Model):
    """通报: composed from a period's figures, edited, then issued once with its number."""

    office = models.ForeignKey(
        Organ, models.PROTECT, related_name="bulletins", verbose_name="印发机关"
    )
    year = models.PositiveSmallIntegerField("年度")
    number = models.PositiveSmallIntegerField("期号", null=True, blank=True)
    start = models.DateField("统计起始日期")
    end = models.DateField("统计截止日期")
    title = models.CharField("标题", max_length=200)
    main_to = models.CharField("主送", max_length=300)
    sections = models.JSONField("正文", default=dict)
    figures = models.JSONField("各机关数据", default=list)
    issued_on = models.DateField("印发日期", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "通报"
        verbose_name_plural = "通报"
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "number"], name="bulletin_number_unique"
            )
        ]

    @property
    def number_label(self) -> str:
        """〔2026〕第1期 (blank before it is issued)."""
        return f"〔{self.year}〕第{self.number}期" if self.number else ""
