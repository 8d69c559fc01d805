"""Inspections (巡查), the problems they find and their follow-up (整改), and the site
admin's list of words that must not be published."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.core.models import AuditEvent
from gongkai.disclosure.models import CATEGORY_CHOICES
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


class ProblemEvent(AuditEvent):
    problem = models.ForeignKey(Problem, models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=20)
    on = models.DateField()

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
        return self.LABELS.get(self.action, self.action)


class InspectionSettings(models.Model):
    """Site-wide switches of the inspection (one row, edited in 系统管理)."""

    check_external_links = models.BooleanField(
        "检查外部链接",
        default=False,
        help_text="默认不检查：巡查不向外部网站发出任何请求。开启后对正文中的外部链接发送 HEAD 请求",
    )

    class Meta:
        verbose_name = "巡查设置"
        verbose_name_plural = "巡查设置"

    def __str__(self) -> str:
        return "巡查设置"


class ColumnPeriod(models.Model):
    """How often a 公开目录 column must be updated, for one organ or (no organ) for all:
    overrides ``checks.catalog.DEFAULTS`` for the inspection's CATALOG rules."""

    organ = models.ForeignKey(
        Organ,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="机关",
        help_text="留空：适用于所有机关",
    )
    category = models.CharField("栏目（第二十条类别）", max_length=20, choices=CATEGORY_CHOICES)
    required = models.BooleanField("必须有信息", default=True)
    days = models.PositiveIntegerField(
        "更新周期（天）", null=True, blank=True, help_text="留空：不检查更新周期"
    )

    class Meta:
        verbose_name = "栏目更新周期"
        verbose_name_plural = "栏目更新周期"
        constraints = [
            models.UniqueConstraint(fields=["organ", "category"], name="column_period_unique")
        ]


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


class AssessmentRound(models.Model):
    """考核: a year's scoring of the organs under a supervising office."""

    DRAFT, SELF, REVIEW, FINAL = "draft", "self", "review", "final"
    STATES = (
        (DRAFT, "编制指标"),
        (SELF, "机关自评"),
        (REVIEW, "主管部门复核"),
        (FINAL, "已定分"),
    )

    office = models.ForeignKey(
        Organ, models.PROTECT, related_name="assessments", verbose_name="考核机关"
    )
    year = models.PositiveSmallIntegerField("考核年度")
    title = models.CharField("名称", max_length=200)
    state = models.CharField("阶段", max_length=10, choices=STATES, default=DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "考核"
        verbose_name_plural = "考核"

    @property
    def state_label(self) -> str:
        return dict(self.STATES)[self.state]


class Indicator(models.Model):
    """One line of the scoring sheet: its group, points, and how it is measured (from the
    platform's data, or entered with evidence)."""

    GROUPS = ("组织管理", "制度建设", "平台建设", "主动公开", "依申请公开", "回应关切", "年度报告")

    round = models.ForeignKey(AssessmentRound, models.CASCADE, related_name="indicators")
    order = models.PositiveSmallIntegerField()
    group = models.CharField("类别", max_length=10)
    name = models.CharField("指标", max_length=200)
    points = models.DecimalField("分值", max_digits=5, decimal_places=1)
    measure = models.CharField(
        "计分方式", max_length=20, blank=True, help_text="留空：机关自评并附佐证材料，主管部门复核"
    )

    class Meta:
        ordering = ["order", "id"]


class Score(models.Model):
    round = models.ForeignKey(AssessmentRound, models.CASCADE, related_name="scores")
    organ = models.ForeignKey(Organ, models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="scores")
    self_score = models.DecimalField("自评分", max_digits=5, decimal_places=1, null=True)
    evidence = models.TextField("佐证说明", blank=True)
    final_score = models.DecimalField("复核分", max_digits=5, decimal_places=1, null=True)
    note = models.TextField("复核意见", blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organ", "indicator"], name="score_unique")]
