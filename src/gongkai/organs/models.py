"""Region → organs (parent/child for supervising offices) → memberships with roles."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models

from gongkai.annual.deadline import Publisher
from gongkai.core.models import AuditEvent

from .naming import shared_short_names
from .roles import Role
from .uscc import validate_uscc


class Region(models.Model):
    """The area one installation serves (a district, a city, ...)."""

    name = models.CharField("名称", max_length=100, unique=True)
    code = models.CharField("行政区划代码", max_length=12, blank=True)

    class Meta:
        verbose_name = "地区"
        verbose_name_plural = "地区"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organ(models.Model):
    """An administrative organ; a supervising office is the parent of the organs it oversees."""

    region = models.ForeignKey(Region, models.PROTECT, related_name="organs", verbose_name="地区")
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="主管（上级）机关",
    )
    name = models.CharField("全称", max_length=200, unique=True)
    short_name = models.CharField("简称", max_length=50)
    slug = models.SlugField("网址标识", max_length=50, unique=True, help_text="用于网址，如 fgj")
    credit_code = models.CharField(
        "统一社会信用代码", max_length=18, unique=True, validators=[validate_uscc]
    )
    # The disclosure office (政府信息公开工作机构): the 公开指南 prints these.
    office_name = models.CharField("政府信息公开工作机构名称", max_length=200, blank=True)
    office_address = models.CharField("办公地址", max_length=300, blank=True)
    office_postcode = models.CharField("邮政编码", max_length=6, blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    office_phone = models.CharField("联系电话", max_length=50, blank=True)
    office_fax = models.CharField("传真", max_length=50, blank=True)
    office_email = models.EmailField("电子邮箱", blank=True)
    # Where an applicant may appeal a reply (救济途径 printed in every reply letter).
    reconsideration_body = models.CharField(
        "行政复议机关",
        max_length=200,
        blank=True,
        help_text="如：示范区人民政府。留空时告知书写“依法向有管辖权的行政复议机关申请行政复议”",
    )
    court = models.CharField(
        "行政诉讼管辖法院",
        max_length=200,
        blank=True,
        help_text="如：示范区人民法院。留空时告知书写“依法向有管辖权的人民法院提起行政诉讼”",
    )
    notice_number_pattern = models.CharField(
        "文号格式",
        max_length=100,
        blank=True,
        help_text="用“{年}”和“{号}”表示年度和序号，如：示范区发改〔{年}〕依申请第{号}号。"
        "留空时为“机关简称〔年度〕依申请第N号”",
    )
    report_publisher = models.CharField(
        "年度报告类别",
        max_length=20,
        choices=[
            ("department", "政府部门的年度报告（次年1月31日前发布）"),
            ("government", "本级人民政府的年度报告（次年3月31日前发布）"),
        ],
        default="department",
        help_text="《条例》第四十九条：政府部门于每年1月31日前公布上一年度报告；"
        "政府信息公开工作主管部门于每年3月31日前公布本级政府的年度报告",
    )
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ["region_id", "parent_id", "id"]

    @property
    def public_name(self) -> str:
        """The name public pages print: the short name where it is unique in the site."""
        if self.short_name and self.short_name not in shared_short_names(Organ.objects.all()):
            return self.short_name
        return self.name

    def __str__(self) -> str:
        return self.name

    @property
    def publisher(self) -> Publisher:
        """Whose annual report the organ publishes, which decides its deadline."""
        return Publisher(self.report_publisher)

    def lineage_ids(self) -> list[int]:
        """This organ's id and its ancestors' ids, nearest first."""
        ids = [self.pk]
        parent_id = self.parent_id
        while parent_id is not None and parent_id not in ids:
            ids.append(parent_id)
            parent_id = Organ.objects.filter(pk=parent_id).values_list("parent_id", flat=True)[0]
        return ids

    def descendant_ids(self) -> set[int]:
        """This organ's id and every organ below it."""
        return descendant_ids([self.pk])


def descendant_ids(roots: Iterable[int]) -> set[int]:
    """The given organ ids and every organ below them (one query per level)."""
    found = set(roots)
    frontier = set(found)
    while frontier:
        children = set(Organ.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier = children - found
        found |= frontier
    return found


class Membership(models.Model):
    """A person holds a role in an organ."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="memberships",
        verbose_name="用户",
    )
    organ = models.ForeignKey(
        Organ, models.CASCADE, related_name="memberships", verbose_name="机关"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField("加入时间", auto_now_add=True)

    class Meta:
        verbose_name = "任职"
        verbose_name_plural = "任职"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organ", "role"], name="organs_membership_unique_role"
            )
        ]
        ordering = ["organ_id", "role", "user_id"]

    def __str__(self) -> str:
        return f"{self.organ.short_name} {self.get_role_display()}"


class PeopleAction(models.TextChoices):
    CREATE = "create", "新建账户"
    ADD = "add", "加入本机关"
    ROLES = "roles", "调整角色"
    REMOVE = "remove", "停用"
    UNLOCK = "unlock", "解除锁定"
    RESET = "reset", "重置密码"


class PeopleChange(AuditEvent):
    """One change to an organ's people, as the administrator made it (who, when, what)."""

    organ = models.ForeignKey(
        Organ, models.CASCADE, related_name="people_changes", verbose_name="机关"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="people_changes",
        verbose_name="人员",
    )
    action = models.CharField("操作", max_length=20, choices=PeopleAction.choices)
    before = models.JSONField("原角色", default=list)
    after = models.JSONField("新角色", default=list)
    summary = models.CharField("说明", max_length=500)

    class Meta:
        verbose_name = "人员变更记录"
        verbose_name_plural = "人员变更记录"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return self.summary
