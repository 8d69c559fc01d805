"""The e-mail an online applicant gets at once: number, 查询码, private link, what comes next.

The private token is not kept on the case (only its digest), so the link can only be sent now,
while the request that created it is still running. The mail goes out directly; whether it
was accepted is recorded on the case (an internal event), and a failure never undoes the
submission: the confirmation page shows the same facts.
"""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.utils import timezone

from . import lookup, services
from .models import Application

log = logging.getLogger(__name__)

SUBJECT = "【政府信息公开申请】已收到您的网上申请（{number}）"


def body(case: Application, link: str, token: str) -> str:
    day = timezone.localtime(case.created_at).date()
    return "\n".join(
        (
            f"{case.applicant_name}：",
            f"    您于{day.year}年{day.month}月{day.day}日通过网上渠道向{case.organ.name}提交了政府信息公开申请。",
            f"    申请编号：{case.number}",
            f"    查询码：{lookup.lookup_code(token)}",
            f"    查询办理进度：{link}",
            "    网上申请以本机关确认收到之日为收到申请之日（《中华人民共和国政府信息公开条例》"
            "第三十一条第三项）。确认后，本机关将自收到申请之日起20个工作日内作出答复，"
            "确认收到和答复的通知将发送到本邮箱，也可在上述链接中查看。",
            "    链接丢失时，可在本机关网站“查询申请”页面凭申请编号和查询码查看。"
            "请妥善保管本邮件，不要转发给他人。",
            "",
            f"{case.organ.name}",
        )
    )


def send(case: Application, link: str, token: str) -> bool:
    """Send the receipt to the applicant's address; record the result on the case."""
    try:
        send_mail(SUBJECT.format(number=case.number), body(case, link, token), None, [case.email])
    except Exception as exc:  # any mail backend failure: recorded, never fatal
        log.warning("网上申请回执邮件发送失败：%s：%s", case.number, exc)
        services.record(case, "receipt_failed", None, f"回执邮件发送失败：{exc}", data={})
        return False
    services.record(case, "receipt_sent", None, "已发送网上申请回执邮件", data={"to": case.email})
    return True
