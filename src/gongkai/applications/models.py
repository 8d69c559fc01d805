"""An application (依申请公开 case), its append-only events, notices, appeals and access log.

The case row holds the applicant's request and a *projection* of its events (state, the
dates of the clock, the outcome) that ``services`` keeps in step in the same transaction
as each event; ``projection.replay`` recomputes it from the events alone. Nothing but
``services`` writes these rows.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.annual import schema
from gongkai.core.models import AuditEvent
from gongkai.organs.models import Organ

from . import answers
from .workflow import EVENT_LABELS, STATE_LABELS, Event, State

APPLICANT_TYPES = [(c.key, c.label) for c in schema.TABLE3_APPLICANT_COLUMNS]
"""The six applicant columns of table 三 (自然人 and the five kinds of organisation)."""

ORGANISATION_TYPES = [c for c in APPLICANT_TYPES if c[0] != "natural_person"]


class Channel(models.TextChoices):
    ONLINE = "online", "网上申请"
    LETTER = "letter", "信函"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"
    IN_PERSON = "in_person", "当面提交"
    ORAL = "oral", "口头提出（代为填写）"
    MESSAGE = "message", "网民留言转为申请"


class ReceiptBasis(models.TextChoices):
    """Art 31: how the day of receipt was fixed."""

    HANDED_IN = "handed_in", "当面提交之日"
    SIGNED_FOR = "signed_for", "机关签收之日"
    CONFIRMED = "confirmed", "与申请人确认之日"


RECEIPT_BASIS_BY_CHANNEL: dict[str, str] = {
    Channel.ONLINE: ReceiptBasis.CONFIRMED,
    Channel.LETTER: ReceiptBasis.SIGNED_FOR,
    Channel.FAX: ReceiptBasis.CONFIRMED,
    Channel.EMAIL: ReceiptBasis.CONFIRMED,
    Channel.IN_PERSON: ReceiptBasis.HANDED_IN,
    Channel.ORAL: ReceiptBasis.HANDED_IN,
    Channel.MESSAGE: ReceiptBasis.CONFIRMED,
}


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    OTHER_PERSONAL = "other_personal", "其他有效身份证件"
    USCC = "uscc", "统一社会信用代码"


class ProvisionForm(models.TextChoices):
    PAPER = "paper", "纸质文本"
    ELECTRONIC = "electronic", "电子数据"
    OTHER = "other", "其他形式"


class DeliveryMethod(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    COLLECT = "collect", "当面领取"
    ONLINE = "online", "网上查看"


class ServiceMethod(models.TextChoices):
    """How a notice was served (送达方式): the applicant's ways of getting it, and 其他
    (fax, service through another organ …, described in the 送达 record)."""

    EMAIL = "email", "电子邮件"
    ONLINE = "online", "网上查看"
    POST = "post", "邮寄"
    COLLECT = "collect", "当面领取"
    OTHER = "other", "其他"


class Application(models.Model):
    organ = models.ForeignKey(
        Organ, models.PROTECT, related_name="applications", verbose_name="受理机关"
    )
    number = models.CharField("申请编号", max_length=40)
    number_year = models.PositiveSmallIntegerField("编号年度")
    serial = models.PositiveIntegerField("年度序号")
    state = models.CharField(
        "状态",
        max_length=30,
        choices=[(s.value, STATE_LABELS[s]) for s in State],
        default=State.NEW.value,
    )
    version = models.PositiveIntegerField("版本", default=0)
    channel = models.CharField("申请渠道", max_length=20, choices=Channel.choices)

    applicant_type = models.CharField("申请人类型", max_length=20, choices=APPLICANT_TYPES)
    applicant_name = models.CharField("申请人姓名或名称", max_length=200)
    id_type = models.CharField("身份证明类型", max_length=20, choices=IdType.choices)
    id_number = models.CharField("身份证明号码", max_length=40)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=300, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)
    legal_representative = models.CharField("法定代表人", max_length=100, blank=True)
    contact_person = models.CharField("联系人", max_length=100, blank=True)

    information = models.TextField("所需政府信息的名称或内容描述")
    document_number = models.CharField("文号", max_length=100, blank=True)
    provision_form = models.CharField("提供形式", max_length=20, choices=ProvisionForm.choices)
    delivery_method = models.CharField("获取方式", max_length=20, choices=DeliveryMethod.choices)

    token_digest = models.CharField("查询链接摘要", max_length=64, blank=True)
    lookup_digest = models.CharField("查询码摘要", max_length=64, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_applications",
        verbose_name="承办人",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    # Projection of the events (services keep it in step; replay recomputes it).
    received_on = models.DateField("收到申请日期", null=True, blank=True)
    receipt_basis = models.CharField(
        "收到日期依据", max_length=20, choices=ReceiptBasis.choices, blank=True
    )
    due_on = models.DateField("法定答复期限", null=True, blank=True)
    half_on = models.DateField("流程过半日", null=True, blank=True)
    target_on = models.DateField("内部目标日", null=True, blank=True)
    clock_paused = models.BooleanField("期限暂停", default=False)
    due_provisional = models.BooleanField(
        "期限为暂定",
        default=False,
        help_text="答复期限跨入尚未录入放假安排通知的年份，按法定节假日暂定计算",
    )
    answer = models.CharField(
        "答复类型",
        max_length=40,
        blank=True,
        choices=[(a.key, a.label) for a in answers.ANSWERS],
    )
    outcome = models.CharField("表三办理结果行", max_length=40, blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ("-id",)
        constraints = (
            models.UniqueConstraint(fields=["organ", "number"], name="applications_number_unique"),
            models.UniqueConstraint(
                fields=["organ", "number_year", "serial"], name="applications_serial_unique"
            ),
        )
        indexes = (
            models.Index(fields=["organ", "state", "due_on"], name="applications_queue"),
            models.Index(fields=["organ", "received_on"], name="applications_received"),
            models.Index(fields=["organ", "closed_on"], name="applications_closed"),
            models.Index(fields=["assignee", "state", "due_on"], name="applications_mine"),
        )

    def __str__(self) -> str:
        return self.number

    @property
    def state_label(self) -> str:
        return STATE_LABELS[State(self.state)]

    @property
    def is_organisation(self) -> bool:
        return self.applicant_type != "natural_person"


class NumberSequence(models.Model):
    """The last serial handed out per organ and year; numbers are never reused."""

    organ = models.ForeignKey(Organ, models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["organ", "year"], name="applications_sequence_unique"),
        )


class DocumentSequence(models.Model):
    """The last 文号 serial handed out per organ and year for notices to applicants;
    a number once given is never given again."""

    organ = models.ForeignKey(Organ, models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["organ", "year"], name="applications_document_unique"),
        )


class IntakeKey(models.Model):
    """An ``Idempotency-Key`` of ``POST /api/applications``: the same key and request within
    the retention period answer with the application already filed, never a second one."""

    key_digest = models.CharField("键摘要", max_length=64, unique=True)
    request_digest = models.CharField("请求摘要", max_length=64)
    application = models.ForeignKey(Application, models.CASCADE, related_name="+")
    token = models.CharField("查询令牌", max_length=64)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "提交幂等键"
        verbose_name_plural = "提交幂等键"


class CaseEvent(AuditEvent):
    """One thing that happened to a case. Rows are only ever added."""

    application = models.ForeignKey(
        Application, models.CASCADE, related_name="events", verbose_name="申请"
    )
    seq = models.PositiveIntegerField("序号")
    action = models.CharField("事件", max_length=40)
    before = models.CharField("原状态", max_length=30, blank=True)
    after = models.CharField("新状态", max_length=30, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="操作人",
    )
    actor_name = models.CharField("操作人姓名", max_length=150, blank=True)
    role = models.CharField("身份", max_length=20)
    at = models.DateTimeField("记录时间")
    on = models.DateField("生效日期")
    reason = models.TextField("理由或说明", blank=True)
    data = models.JSONField("数据", default=dict, blank=True)
    public = models.BooleanField("申请人可见", default=True)

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = (
            "application_id",
            "seq",
        )
        constraints = (
            models.UniqueConstraint(fields=["application", "seq"], name="applications_event_seq"),
        )
        indexes = (models.Index(fields=["action", "on"], name="applications_event_action_on"),)

    def __str__(self) -> str:
        return f"{self.application_id}#{self.seq} {self.action}"

    @property
    def label(self) -> str:
        try:
            return EVENT_LABELS[Event(self.action)]
        except ValueError:
            return RECORD_LABELS.get(self.action, self.action)

    @property
    def detail(self) -> str:
        """What the officer's timeline adds to the reason (the 送达 record's method,
        tracking number, recipient, address)."""
        return service_details(self, public=False)

    @property
    def public_detail(self) -> str:
        """What the applicant's page adds to the entry (how the reply was served)."""
        return service_details(self, public=True)


RECORD_LABELS = {
    "assign": "指定承办人",
    "note": "办理备注",
    "notice": "向申请人发出通知",
    "notice_delivered": "通知已送达",
    "appeal_lodged": "记录行政复议或行政诉讼",
    "appeal_decided": "记录复议或诉讼结果",
    "reminder": "发送期限提醒",
    "calendar": "工作日历调整，重新计算期限",
    "view_personal_data": "查看申请人个人信息",
    "notice_sent": "通知已通过电子邮件发出",
    "notice_failed": "通知发送失败",
    "notice_to_print": "通知待打印后邮寄或当面送达",
    "notices_printed": "打印通知",
    "receipt_sent": "网上申请回执邮件已发出",
    "receipt_failed": "网上申请回执邮件发送失败",
    "merged_in": "合并重复提交的申请",
    "delivery_failed": "答复电子邮件送达失败",
}
"""Events that record something without changing the state."""


class Notice(models.Model):
    """The outbox: every notice to the applicant, with its delivery status."""

    class Status(models.TextChoices):
        PENDING = "pending", "待发送"
        SENDING = "sending", "发送中"
        SENT = "sent", "已发送"
        DELIVERED = "delivered", "已送达"
        FAILED = "failed", "发送失败"
        TO_PRINT = "to_print", "待打印"
        PRINTED = "printed", "已打印"

    application = models.ForeignKey(Application, models.CASCADE, related_name="notices")
    event = models.OneToOneField(CaseEvent, models.CASCADE, related_name="notice")
    kind = models.CharField("通知类型", max_length=40)
    title = models.CharField("标题", max_length=200)
    document_number = models.CharField("文号", max_length=100, blank=True)
    body = models.TextField("正文")
    document = models.JSONField(
        "文书结构",
        default=dict,
        blank=True,
        help_text="发出时的文书各部分（标题、文号、称谓、正文段落、附件、落款、日期），供生成PDF和DOCX",
    )
    method = models.CharField("送达方式", max_length=20, choices=ServiceMethod.choices)
    status = models.CharField(
        "送达状态", max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    status_at = models.DateTimeField("状态时间", null=True, blank=True)
    sent_to = models.CharField("发送至", max_length=254, blank=True)
    error = models.TextField("发送失败原因", blank=True)

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"
        ordering = ("id",)


class ReplyFile(models.Model):
    """A file provided with the reply, uploaded on the reply step (``draft_reply``).

    Stored in the ``applications`` storage area (``files.storage()``) by a generated name (never the uploaded one);
    served only to the organ's staff and to the applicant through the private link.
    """

    application = models.ForeignKey(Application, models.CASCADE, related_name="files")
    event = models.ForeignKey(CaseEvent, models.CASCADE, related_name="files")
    name = models.CharField("文件名", max_length=200)
    title = models.CharField(
        "附件名称", max_length=200, blank=True, help_text="告知书附件清单所列的名称；留空时用文件名"
    )
    path = models.CharField("存储位置", max_length=300)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)

    class Meta:
        verbose_name = "答复所附文件"
        verbose_name_plural = "答复所附文件"
        ordering = ("id",)

    def __str__(self) -> str:
        return self.name


class ReminderSent(models.Model):
    """One deadline reminder about one case to one address on one day: claimed (inserted)
    before the e-mail goes, so two senders never send it twice; removed again when the
    e-mail fails, so the next run retries it."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="+")
    on = models.DateField("提醒日期")
    address = models.EmailField("收件人")
    flag = models.CharField("提示", max_length=100)
    claimed_at = models.DateTimeField("领取时间", auto_now_add=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)

    class Meta:
        verbose_name = "期限提醒发送记录"
        verbose_name_plural = "期限提醒发送记录"
        constraints = (
            models.UniqueConstraint(
                fields=["application", "on", "address"], name="applications_reminder_once"
            ),
        )


class DigestSent(models.Model):
    """One weekly digest (周反馈) sent to one officer of one organ, so it goes once a week."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    organ = models.ForeignKey(Organ, models.CASCADE, related_name="+")
    week = models.DateField("周一日期")
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)

    class Meta:
        verbose_name = "周反馈发送记录"
        verbose_name_plural = "周反馈发送记录"
        constraints = (
            models.UniqueConstraint(
                fields=["user", "organ", "week"], name="applications_digest_once"
            ),
        )


class AppealKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER = "litigation_after_reconsideration", "行政诉讼（复议后起诉）"


class AppealOutcome(models.TextChoices):
    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"


class Appeal(models.Model):
    application = models.ForeignKey(Application, models.PROTECT, related_name="appeals")
    kind = models.CharField("类型", max_length=40, choices=AppealKind.choices)
    lodged_on = models.DateField("提起日期")
    body = models.CharField("复议机关或法院", max_length=200, blank=True)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    outcome = models.CharField("结果", max_length=20, choices=AppealOutcome.choices, blank=True)

    class Meta:
        verbose_name = "复议诉讼"
        verbose_name_plural = "复议诉讼"
        ordering = (
            "lodged_on",
            "id",
        )
        indexes = (models.Index(fields=["lodged_on"], name="applications_appeal_lodged"),)


class PersonalDataAccess(models.Model):
    """Every view of an applicant's identity or contact details."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="accesses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    via = models.CharField("途径", max_length=40)
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "个人信息查看记录"
        verbose_name_plural = "个人信息查看记录"
        ordering = ("-at",)


def service_method_label(method: str) -> str:
    """The Chinese name of a 送达 method (the value itself when unknown)."""
    try:
        return str(ServiceMethod(method).label)
    except ValueError:
        return method


def service_details(event: Any, *, public: bool) -> str:
    """The 送达 details of a 送达答复 event for a timeline (the officer's: everything; the
    applicant's: method, tracking number and recipient, never the address); empty for any
    other event (a failed e-mail says what failed in its reason)."""
    data: dict[str, Any] = event.data or {}
    if event.action == Event.DELIVER and data.get("method"):
        parts = [f"送达方式：{service_method_label(str(data['method']))}"]
        if data.get("tracking"):
            parts.append(f"快递或挂号单号：{data['tracking']}")
        if data.get("recipient"):
            parts.append(f"签收人：{data['recipient']}")
        if data.get("to") and not public:
            parts.append(f"发送至：{data['to']}")
        return "；".join(parts)
    return ""
