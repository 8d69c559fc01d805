"""Citizens' messages to an organ (网民留言), their events and files, and the organ's
reply period."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from gongkai.core.models import AppendOnly, AuditEvent
from gongkai.organs.models import Organ

from . import workflow

DEFAULT_REPLY_WORKDAYS = 5


class Kind(models.TextChoices):
    CONSULT = "consult", "咨询"
    SUGGEST = "suggest", "建议"
    COMPLAIN = "complain", "投诉"
    OTHER = "other", "其他"


class ReplySettings(models.Model):
    """How many working days an organ gives itself to reply to a message."""

    organ = models.OneToOneField(
        Organ, models.CASCADE, related_name="message_settings", verbose_name="机关"
    )
    workdays = models.PositiveSmallIntegerField(
        "留言答复期限（工作日）",
        default=DEFAULT_REPLY_WORKDAYS,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="自收到留言的次日起计算的工作日数，默认5个工作日",
    )

    class Meta:
        verbose_name = "留言答复期限"
        verbose_name_plural = "留言答复期限"

    def __str__(self) -> str:
        return f"{self.organ.short_name}：{self.workdays}个工作日"


class MessageSequence(models.Model):
    organ = models.ForeignKey(Organ, models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organ", "year"], name="message_sequence_unique")
        ]


class Message(models.Model):
    organ = models.ForeignKey(
        Organ, models.PROTECT, related_name="messages", verbose_name="受理机关"
    )
    number = models.CharField("留言编号", max_length=40, unique=True)
    kind = models.CharField("留言类型", max_length=10, choices=Kind.choices)
    subject = models.CharField("标题", max_length=100)
    body = models.TextField("留言内容", max_length=5000)
    name = models.CharField("姓名", max_length=50, blank=True)
    contact = models.CharField("联系方式", max_length=100, blank=True)
    publishable = models.BooleanField("同意公开留言和答复", default=False)
    state = models.CharField(
        "状态", max_length=20, choices=workflow.STATES, default=workflow.INITIAL
    )
    received_on = models.DateField("收到日期")
    due_on = models.DateField("答复期限", null=True, blank=True)
    reply = models.TextField("答复内容", blank=True, max_length=5000)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    replied_on = models.DateField("答复日期", null=True, blank=True)
    public = models.BooleanField("在留言选登中公开", default=False)
    published_at = models.DateTimeField("选登时间", null=True, blank=True)
    transferred_from = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="transferred_to",
        verbose_name="转办来源",
    )
    application = models.OneToOneField(
        "applications.Application",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="from_message",
        verbose_name="转成的政府信息公开申请",
    )
    token_digest = models.CharField("查询链接摘要", max_length=64, blank=True)
    lookup_digest = models.CharField("查询码摘要", max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "网民留言"
        verbose_name_plural = "网民留言"
        indexes = [
            models.Index(fields=["organ", "state"]),
            models.Index(fields=["organ", "received_on"]),
            models.Index(fields=["public", "replied_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    @property
    def state_label(self) -> str:
        return workflow.STATE_LABELS.get(self.state, self.state)

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label if self.kind in Kind.values else self.kind

    @property
    def is_open(self) -> bool:
        return self.state in workflow.OPEN_STATES


class MessageEvent(AuditEvent):
    message = models.ForeignKey(Message, models.CASCADE, related_name="events")
    seq = models.PositiveIntegerField()
    action = models.CharField("操作", max_length=30)
    on = models.DateField()
    public = models.BooleanField(default=False)

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["message", "seq"], name="message_event_seq_unique")
        ]

    @property
    def label(self) -> str:
        return workflow.EVENT_LABELS.get(self.action, self.action)


class MessageFile(models.Model):
    message = models.ForeignKey(Message, models.CASCADE, related_name="files")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    path = models.CharField(max_length=300)


class Synonym(models.Model):
    """Words the policy Q&A treats as one (``社保 社会保险``): a question with any of them
    also finds the others."""

    words = models.CharField(
        "同义词组", max_length=200, unique=True, help_text="用空格分隔，如：社保 社会保险"
    )

    class Meta:
        verbose_name = "问答同义词"
        verbose_name_plural = "问答同义词"

    def __str__(self) -> str:
        return self.words

    @property
    def group(self) -> list[str]:
        return [w for w in self.words.split() if w]


class Faq(models.Model):
    """A question staff answered once (问答库): it ranks first when a question matches."""

    organ = models.ForeignKey(
        Organ, models.CASCADE, null=True, blank=True, related_name="faqs", verbose_name="机关"
    )
    question = models.CharField("问题", max_length=200)
    answer = models.TextField("答案", max_length=3000)
    source = models.ForeignKey(
        "disclosure.Item",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="依据的公开信息",
    )
    active = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "问答库条目"
        verbose_name_plural = "问答库"

    def __str__(self) -> str:
        return self.question


class QuestionLog(AppendOnly):
    """A question asked (personal numbers blotted out) and what it got: staff see what
    people ask and what found nothing."""

    question = models.CharField(max_length=300)
    answered = models.BooleanField()
    faq = models.ForeignKey(Faq, models.SET_NULL, null=True, blank=True, related_name="+")
    cited = models.JSONField(default=list)
    """What was cited, best first: ``item:<id>`` or ``guide:<organ id>``."""
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    milliseconds = models.PositiveIntegerField(default=0)


class ConsultationKind(models.TextChoices):
    DRAFT = "draft", "文件草案征求意见"
    QUESTION = "question", "问题征集"
    SURVEY = "survey", "问卷调查"


class Consultation(models.Model):
    """A public consultation (意见征集) or survey (征集调查) an organ runs for a period."""

    organ = models.ForeignKey(
        Organ, models.PROTECT, related_name="consultations", verbose_name="主办机关"
    )
    kind = models.CharField("类型", max_length=10, choices=ConsultationKind.choices)
    title = models.CharField("标题", max_length=200)
    description = models.TextField("征集说明", max_length=10000)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("截止日期")
    contact = models.CharField(
        "联系方式", max_length=200, help_text="如：区发改局办公室 0000-81000002"
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "意见征集"
        verbose_name_plural = "意见征集"
        indexes = [models.Index(fields=["organ", "starts_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        return ConsultationKind(self.kind).label if self.kind in ConsultationKind.values else ""


class ConsultationFile(models.Model):
    consultation = models.ForeignKey(Consultation, models.CASCADE, related_name="files")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    path = models.CharField(max_length=300)


class Comment(models.Model):
    """One citizen's opinion; name and contact are optional and never public."""

    consultation = models.ForeignKey(Consultation, models.CASCADE, related_name="comments")
    body = models.TextField("意见内容", max_length=5000)
    name = models.CharField("姓名", max_length=50, blank=True)
    contact = models.CharField("联系方式", max_length=100, blank=True)
    theme = models.CharField("归类主题", max_length=50, blank=True)
    adopted = models.BooleanField("是否采纳", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Question(models.Model):
    """A question of a survey: single or multiple choice, or free text."""

    SINGLE, MULTIPLE, TEXT = "single", "multiple", "text"
    KINDS = ((SINGLE, "单选"), (MULTIPLE, "多选"), (TEXT, "填空"))

    consultation = models.ForeignKey(Consultation, models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField()
    text = models.CharField("题目", max_length=200)
    kind = models.CharField("题型", max_length=10, choices=KINDS)
    options = models.TextField("选项", blank=True, help_text="每行一个选项（填空题不填）")

    class Meta:
        ordering = ["order", "id"]

    @property
    def choices(self) -> list[str]:
        return [o.strip() for o in self.options.splitlines() if o.strip()]


class Response(models.Model):
    consultation = models.ForeignKey(Consultation, models.CASCADE, related_name="responses")
    created_at = models.DateTimeField(auto_now_add=True)


class Answer(models.Model):
    response = models.ForeignKey(Response, models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, models.CASCADE, related_name="answers")
    choice = models.CharField(max_length=200, blank=True)
    text = models.TextField(max_length=2000, blank=True)


class Feedback(models.Model):
    """The organ's 反馈 after the period: how many opinions, what was adopted by theme,
    and why the rest was not."""

    consultation = models.OneToOneField(
        Consultation, models.CASCADE, related_name="feedback", verbose_name="征集"
    )
    summary = models.TextField("反馈说明", max_length=10000)
    not_adopted_reasons = models.TextField("未采纳的理由", max_length=10000, blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
