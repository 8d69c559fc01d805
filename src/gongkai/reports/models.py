"""The annual-report workspace: one draft per organ and year, its event history, the
files frozen at publication, and reports published outside the platform (imported).

Nothing but ``services`` writes these rows. Tables 二/三/四 are never stored while a
draft is open (they are computed from the casework each time); publication freezes the
whole ``annual-report/1`` object in ``snapshot`` together with the rendered files.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from gongkai.annual.deadline import Publisher, deadline, shown
from gongkai.core.models import AuditEvent
from gongkai.organs.models import Organ


def deadline_for(organ: Organ, year: int) -> date:
    """The statutory publication deadline of ``organ``'s report on ``year`` (《条例》第四十九条:
    31 January for a department, 31 March for the government's own report)."""
    return deadline(year, organ.publisher)


def deadlines(year: int) -> str:
    """Both deadlines of ``year``'s reports in one sentence, for pages listing many organs."""
    department, government = (
        deadline(year, p) for p in (Publisher.DEPARTMENT, Publisher.GOVERNMENT)
    )
    return f"政府部门{shown(department)}，本级人民政府{shown(government)}"


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    FINAL = "final", "已定稿"
    PUBLISHED = "published", "已发布"


class EventKind(models.TextChoices):
    CREATED = "created", "创建草稿"
    EDITED = "edited", "修改正文"
    REFILLED = "refilled", "按最新数字重写"
    FINALIZED = "finalized", "定稿"
    REOPENED = "reopened", "退回修改"
    PUBLISHED = "published", "发布"
    TABLE2 = "table2", "填报表二"
    DECIDED = "decided", "核查意见"


class AnnualReportDraft(models.Model):
    organ = models.ForeignKey(
        Organ, models.PROTECT, related_name="report_drafts", verbose_name="机关"
    )
    year = models.PositiveIntegerField("年度")
    sections = models.JSONField("正文", default=dict, help_text="第一至第六部分的正文，键为 1–6")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField("版本", default=1)
    published_on = models.DateField("发布日期", null=True, blank=True)
    late_days = models.PositiveIntegerField(
        "逾期天数",
        null=True,
        blank=True,
        help_text="发布日期晚于法定期限（次年1月31日或3月31日）的天数",
    )
    snapshot = models.JSONField(
        "发布时的报告", null=True, blank=True, help_text="发布时冻结的 annual-report/1 JSON"
    )
    findings = models.JSONField("发布时的核查结果", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ["organ_id", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["organ", "year"], name="reports_draft_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.organ.name}{self.year}年政府信息公开工作年度报告"

    @property
    def deadline(self) -> date:
        return deadline_for(self.organ, self.year)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class DraftEvent(AuditEvent):
    """One change of a draft (who, when, what); rows are only ever added."""

    draft = models.ForeignKey(
        AnnualReportDraft, models.CASCADE, related_name="events", verbose_name="年度报告"
    )
    action = models.CharField("操作", max_length=20, choices=EventKind.choices)
    actor_name = models.CharField("操作人姓名", max_length=150, blank=True)
    before = models.CharField("原状态", max_length=20, choices=Status.choices)
    after = models.CharField("新状态", max_length=20, choices=Status.choices)
    summary = models.CharField("说明", max_length=500)
    data = models.JSONField("详情", default=dict)

    class Meta:
        verbose_name = "年度报告操作记录"
        verbose_name_plural = "年度报告操作记录"
        ordering = ["draft_id", "at", "id"]


class Decision(models.TextChoices):
    VERIFIED = "verified", "已核实"
    REJECTED = "rejected", "不采纳"


class FindingDecision(models.Model):
    """A reviewer's decision on a warning: 已核实 (the report is right as it stands) or
    不采纳 (the warning does not apply), with the reason.

    Keyed by the finding's fingerprint (rule, cells and their values, see
    ``compute.fingerprint``): a re-check finds the same warning decided, and a change to
    one of its cells makes a new finding that is open again.
    """

    draft = models.ForeignKey(
        AnnualReportDraft, models.CASCADE, related_name="decisions", verbose_name="年度报告"
    )
    fingerprint = models.CharField("核查结果指纹", max_length=64)
    code = models.CharField("规则代码", max_length=20)
    message = models.CharField("核查结果", max_length=1000)
    decision = models.CharField("意见", max_length=20, choices=Decision.choices)
    reason = models.CharField("理由", max_length=500)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="审核人",
    )
    by_name = models.CharField("审核人姓名", max_length=150)
    at = models.DateTimeField("时间", auto_now=True)

    class Meta:
        verbose_name = "核查意见"
        verbose_name_plural = "核查意见"
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "fingerprint"], name="reports_decision_unique_finding"
            )
        ]


class FileFormat(models.TextChoices):
    HTML = "html", "网页（HTML）"
    DOCX = "docx", "Word 文档（DOCX）"
    PDF = "pdf", "PDF 文档"
    XLSX = "xlsx", "Excel 表格（XLSX）"
    JSON = "json", "数据（JSON）"


CONTENT_TYPES = {
    FileFormat.HTML: "text/html; charset=utf-8",
    FileFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileFormat.PDF: "application/pdf",
    FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileFormat.JSON: "application/json; charset=utf-8",
}


class PublishedFile(models.Model):
    """A rendering of the published report, stored with it (never re-rendered)."""

    draft = models.ForeignKey(
        AnnualReportDraft, models.CASCADE, related_name="files", verbose_name="年度报告"
    )
    fmt = models.CharField("格式", max_length=10, choices=FileFormat.choices)
    content = models.BinaryField("内容")
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)

    class Meta:
        verbose_name = "年度报告文件"
        verbose_name_plural = "年度报告文件"
        constraints = [
            models.UniqueConstraint(fields=["draft", "fmt"], name="reports_file_unique_fmt")
        ]


class ImportedReport(models.Model):
    """A report published outside the platform, uploaded by a supervising office."""

    office = models.ForeignKey(
        Organ, models.PROTECT, related_name="report_imports", verbose_name="导入的主管部门"
    )
    organ = models.ForeignKey(
        Organ,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="imported_reports",
        verbose_name="机关",
    )
    year = models.PositiveIntegerField("年度", null=True, blank=True)
    source = models.CharField("文件名", max_length=300)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    content = models.BinaryField("原文件")
    data = models.JSONField("识别结果", help_text="annual-report/1 JSON，含诊断信息")
    findings = models.JSONField("核查结果", default=list)
    errors = models.PositiveIntegerField("错误数", default=0)
    warnings = models.PositiveIntegerField("警告数", default=0)
    matched_by = models.CharField("机关匹配方式", max_length=20, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = "外部导入的年度报告"
        verbose_name_plural = "外部导入的年度报告"
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return self.source


class ImportJob(models.Model):
    """One upload of external reports, read by the background worker file by file.

    The uploaded files wait in the ``imports`` storage area (``files``: name and stored
    name each) until the worker has read them; ``outcomes`` grows by one entry per file
    read, so the page shows the progress while the worker goes on."""

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATES = [(QUEUED, "排队中"), (RUNNING, "导入中"), (DONE, "已完成"), (FAILED, "失败")]

    office = models.ForeignKey(
        Organ, models.CASCADE, related_name="import_jobs", verbose_name="导入的主管部门"
    )
    year = models.PositiveIntegerField("汇总年度")
    organ = models.ForeignKey(
        Organ, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="指定机关"
    )
    chosen_year = models.PositiveIntegerField("指定年度", null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="导入人",
    )
    state = models.CharField("状态", max_length=10, choices=STATES, default=QUEUED)
    files = models.JSONField("待读取的文件", default=list)
    outcomes = models.JSONField("结果", default=list)
    error = models.TextField("失败原因", blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "外部年报导入任务"
        verbose_name_plural = "外部年报导入任务"
        ordering = ["-created_at", "-id"]

    @property
    def total(self) -> int:
        return len(self.files)

    @property
    def done(self) -> int:
        return len(self.outcomes)

    @property
    def finished(self) -> bool:
        return self.state in (self.DONE, self.FAILED)
