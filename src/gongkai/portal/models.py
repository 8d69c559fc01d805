"""The public site's identity (政府网站发展指引): its name, 主办/承办单位 and the numbers a
government site prints in its footer. One row, edited in 系统管理."""

from __future__ import annotations

from django.db import models


class SiteIdentity(models.Model):
    site_name = models.CharField("网站名称", max_length=100, default="政府信息公开")
    sponsor = models.CharField("主办单位", max_length=200, blank=True)
    organiser = models.CharField("承办单位", max_length=200, blank=True)
    contact = models.CharField("联系方式", max_length=200, blank=True)
    icp = models.CharField("ICP备案号", max_length=100, blank=True)
    police_record = models.CharField("公安机关备案号", max_length=100, blank=True)
    site_code = models.CharField("网站标识码", max_length=20, blank=True)
    dzjg_url = models.URLField(
        "党政机关网站标识链接", blank=True, help_text="由开办单位从党政机关网站标识管理系统获取"
    )

    class Meta:
        verbose_name = "网站标识"
        verbose_name_plural = "网站标识"

    def __str__(self) -> str:
        return self.site_name


def current() -> SiteIdentity:
    """The site's identity (an unsaved default until an admin saves one)."""
    return SiteIdentity.objects.first() or SiteIdentity()
