"""Items of proactively disclosed information, their versions, events and attachments.

Every version of an item is one ``Item`` row: a revision is a new row pointing at the
version it revises (``previous``) and keeping its 索引号; the old row stays, viewable, and
becomes 「已被新版本替代」 when the new one is published. ``state`` is only ever changed by
``services.apply`` (which writes an ``ItemEvent`` for each change).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.storage import Storage
from django.db import models

from gongkai.core.models import AuditEvent
from gongkai.organs.models import Organ
from gongkai.site.storage import AreaStorage

from . import workflow
from .categories import ARTICLE20, CATEGORY_BY_KEY, KIND_OTHER, KINDS, TOPICS, Category

CATEGORY_CHOICES = [(c.key, f"（{c.number}）{c.label}") for c in ARTICLE20]
TOPIC_CHOICES = [(t.key, t.label) for t in TOPICS]
TERM_CHOICES = [("长期公开", "长期公开"), ("限期公开", "限期公开")]
METHOD_CHOICES = [("主动公开", "主动公开")]


class DisclosureSettings(models.Model):
    """An organ's catalogue settings: its 索引号 pattern."""

    organ = models.OneToOneField(
        Organ, models.CASCADE, related_name="disclosure_settings", verbose_name="机关"
    )
    index_pattern = models.CharField(
        "索引号规则",
        max_length=100,
        default="{统一社会信用代码}/{year}-{serial:05d}",
        help_text="可用 {统一社会信用代码}、{year}、{serial:05d}；必须含流水号",
    )

    class Meta:
        verbose_name = "主动公开设置"
        verbose_name_plural = "主动公开设置"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from .index_numbers import IndexPattern, PatternError

        try:
            IndexPattern.parse(self.index_pattern)
        except PatternError as exc:
            raise ValidationError({"index_pattern": str(exc)}) from None


class IndexSerial(models.Model):
    """The last serial handed out for an organ (and year, or 0 for all years)."""

    organ = models.ForeignKey(Organ, models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organ", "year"], name="disclosure_serial_unique")
        ]


class IndexNumber(models.Model):
    """Every 索引号 ever handed out: unique, never reused (kept even if the item goes)."""

    number = models.CharField("索引号", max_length=100, unique=True)
    organ = models.ForeignKey(Organ, models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)


class Item(models.Model):
    organ = models.ForeignKey(
        Organ, models.PROTECT, related_name="disclosure_items", verbose_name="机关"
    )
    previous = models.OneToOneField(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="next_version",
        verbose_name="上一版本",
    )
    version = models.PositiveSmallIntegerField("版本", default=1)
    state = models.CharField(
        "状态", max_length=20, choices=workflow.STATES, default=workflow.INITIAL, editable=False
    )
    index_number = models.CharField("索引号", max_length=100, blank=True, db_index=True)
    title = models.CharField("标题", max_length=300)
    publisher = models.CharField("发布机构", max_length=200)
    doc_number = models.CharField("文号", max_length=100, blank=True)
    written_on = models.DateField("成文日期")
    changed_on = models.DateField("变更日期", null=True, blank=True)
    published_on = models.DateField("发布日期", null=True, blank=True)
    due_on = models.DateField("公开期限", null=True, blank=True)
    category = models.CharField("公开类别（条例第二十条）", max_length=20, choices=CATEGORY_CHOICES)
    topic = models.CharField("主题分类", max_length=20, choices=TOPIC_CHOICES)
    kind = models.CharField("文件类型", max_length=20, choices=KINDS, default=KIND_OTHER)
    disclosure_method = models.CharField(
        "公开方式", max_length=20, choices=METHOD_CHOICES, default="主动公开"
    )
    disclosure_term = models.CharField(
        "公开时限", max_length=20, choices=TERM_CHOICES, default="长期公开"
    )
    effective_on = models.DateField("施行日期", null=True, blank=True)
    ended_on = models.DateField("废止或失效日期", null=True, blank=True)
    valid_until = models.DateField(
        "有效期至", null=True, blank=True, help_text="规定了有效期的文件填写；届满后应标注失效"
    )
    body_source = models.TextField(
        "正文（编辑稿）",
        blank=True,
        help_text="公开专员输入的正文（Markdown 格式，或早期的 HTML）；正文由它生成",
    )
    body = models.TextField("正文", blank=True)
    body_text = models.TextField("正文纯文本", blank=True, editable=False)
    interprets = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="interpretations",
        verbose_name="所解读的文件",
    )
    requires_interpretation = models.BooleanField(
        "须同步发布政策解读",
        default=False,
        help_text="勾选后，本文件须与其解读一并审核、同步发布（或解读先于本文件发布）",
    )
    amends = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="amended_by", verbose_name="修改的文件"
    )
    repeals = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="repealed_by", verbose_name="废止的文件"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="起草人"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["organ", "state"], name="disclosure_item_organ_state"),
            models.Index(fields=["state", "kind"], name="disclosure_item_state_kind"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def validity(self) -> str:
        """有效 / 失效 / 废止 (blank before publication)."""
        return workflow.VALIDITY.get(self.state, "")

    @property
    def due_provisional(self) -> bool:
        """Whether ``due_on`` rests on a year whose holiday notice is not entered yet (a list
        view sets ``_due_provisional`` for its rows with one calendar)."""
        known: bool | None = self.__dict__.get("_due_provisional")
        if known is not None:
            return known
        from gongkai.workcalendar.calendar import current_calendar

        return self.due_provisional_on(current_calendar())

    def due_provisional_on(self, calendar: Any) -> bool:
        if self.due_on is None:
            return False
        formed = self.changed_on or self.written_on
        return any(calendar.is_provisional(y) for y in range(formed.year, self.due_on.year + 1))

    @property
    def is_late(self) -> bool:
        """Published after its Article-26 due date (or still unpublished past it)."""
        if self.due_on is None or self.published_on is None:
            return False
        return self.published_on > self.due_on

    @property
    def category_obj(self) -> Category:
        return CATEGORY_BY_KEY[self.category]

    def next_version_or_none(self) -> Item | None:
        """The revision of this version, if one has been started."""
        try:
            return self.next_version
        except Item.DoesNotExist:
            return None


class ItemEvent(AuditEvent):
    """One change of an item: who, when, what, why. Never edited or deleted."""

    item = models.ForeignKey(Item, models.PROTECT, related_name="events")
    action = models.CharField("操作", max_length=30)
    before = models.CharField("原状态", max_length=20, blank=True)
    after = models.CharField("新状态", max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="操作人",
    )
    actor_name = models.CharField("操作人姓名", max_length=100, blank=True)
    reason = models.TextField("意见", blank=True, default="")
    on = models.DateField("日期")

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "主动公开信息操作记录"
        verbose_name_plural = "主动公开信息操作记录"

    @property
    def label(self) -> str:
        return workflow.EVENT_LABELS.get(self.action, self.action)


def attachment_storage() -> Storage:
    """The ``attachments`` storage area: ``VAR_DIR/attachments`` outside any served folder,
    or the shared bucket (``gongkai.site.storage``), decided on each use."""
    return AreaStorage("attachments")


def _attachment_path(instance: Attachment, filename: str) -> str:
    # Stored under a name the uploader cannot choose; the original name is kept apart.
    return f"disclosure/{instance.item.organ_id}/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    item = models.ForeignKey(Item, models.CASCADE, related_name="attachments")
    file = models.FileField(
        "文件", upload_to=_attachment_path, storage=attachment_storage, max_length=200
    )
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "附件"
        verbose_name_plural = "附件"


class SearchEntry(models.Model):
    """What search reads for a publicly visible current item: segmented tokens + filters.

    SQLite keeps an FTS5 table in step with this one by triggers; PostgreSQL a generated
    ``tsvector`` column with a GIN index (both created in migration 0002).
    """

    item = models.OneToOneField(Item, models.CASCADE, primary_key=True, related_name="search")
    organ = models.ForeignKey(Organ, models.CASCADE, related_name="+", db_index=True)
    category = models.CharField(max_length=20, db_index=True)
    topic = models.CharField(max_length=20)
    year = models.PositiveIntegerField(db_index=True)
    validity = models.CharField(max_length=4)
    published_on = models.DateField(db_index=True)
    title_tokens = models.TextField()
    body_tokens = models.TextField()
    text = models.TextField()


class SearchTerm(models.Model):
    """How many searchable items hold a word (document frequency, read by the ranking).

    Kept in step with ``SearchEntry`` by ``search_terms`` (same transaction); the row
    whose ``word`` is empty holds the number of searchable items.
    """

    word = models.CharField(max_length=64, unique=True)
    documents = models.PositiveIntegerField(default=0)


class FacetCount(models.Model):
    """How many searchable items share an organ, category, topic, year and validity.

    Kept in step with ``SearchEntry`` by ``facet_counts`` (same transaction), so the
    catalogue's facet counts and totals are sums over a few hundred rows instead of
    counts over every entry.
    """

    organ = models.ForeignKey(Organ, models.CASCADE, related_name="+")
    category = models.CharField(max_length=20)
    topic = models.CharField(max_length=20)
    year = models.PositiveIntegerField()
    validity = models.CharField(max_length=4)
    items = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organ", "category", "topic", "year", "validity"],
                name="disclosure_facet_unique",
            )
        ]


class Table2Entry(models.Model):
    """Counts of table 二 that come from other systems, entered per organ and year."""

    organ = models.ForeignKey(
        Organ, models.CASCADE, related_name="table2_entries", verbose_name="机关"
    )
    year = models.PositiveIntegerField("年度")
    licensing = models.PositiveIntegerField("行政许可 本年处理决定数量", null=True, blank=True)
    punishment = models.PositiveIntegerField("行政处罚 本年处理决定数量", null=True, blank=True)
    coercion = models.PositiveIntegerField("行政强制 本年处理决定数量", null=True, blank=True)
    fees = models.DecimalField(
        "行政事业性收费 本年收费金额（万元）",
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
    )
    source = models.CharField("数据来源", max_length=300)
    provenance = models.JSONField(
        "各项数字的来源",
        default=dict,
        blank=True,
        help_text="每项数字的数据来源（系统名称/统计口径）、填报人和时间",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="更新人"
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organ", "year"], name="disclosure_table2_unique")
        ]
        verbose_name = "表二（外部系统数据）"
        verbose_name_plural = "表二（外部系统数据）"


class Guide(models.Model):
    """公开指南 of an organ (条例第十二条), pre-filled from the organ's record."""

    organ = models.OneToOneField(Organ, models.CASCADE, related_name="guide", verbose_name="机关")
    classification = models.TextField("信息的分类、编排体系")
    obtaining = models.TextField("获取信息的方式")
    office_name = models.CharField("政府信息公开工作机构名称", max_length=200)
    office_address = models.CharField("办公地址", max_length=300, blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    office_phone = models.CharField("联系电话", max_length=50, blank=True)
    office_fax = models.CharField("传真", max_length=50, blank=True)
    office_email = models.CharField("电子邮箱", max_length=200, blank=True)
    other = models.TextField("其他事项", blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "公开指南"
        verbose_name_plural = "公开指南"
