"""公开指南: the organ's guide, created pre-filled from its record on first use."""

from __future__ import annotations

from gongkai.organs.models import Organ

from .categories import ARTICLE20, TOPICS
from .models import Guide


def default_classification(organ: Organ) -> str:
    items = "\n".join(f"（{c.number}）{c.label}；" for c in ARTICLE20)
    topics = "、".join(t.label for t in TOPICS)
    return (
        f"{organ.name}主动公开的政府信息按《中华人民共和国政府信息公开条例》第二十条分为以下类别：\n"
        f"{items}\n"
        f"同时按主题分为：{topics}。\n"
        "每条信息编有唯一的索引号，载明名称、内容概述、生成日期（成文日期）和发布日期，"
        "在本网站“公开目录”中按机关、类别、主题和年份编排，可全文检索。"
    )


def default_obtaining(organ: Organ) -> str:
    return (
        "一、主动公开：通过本网站“公开目录”查阅、检索和下载，也可通过政府公报、档案馆、"
        "公共图书馆和政务服务场所查阅。\n"
        f"二、依申请公开：公民、法人或者其他组织可以向{organ.name}政府信息公开工作机构"
        "以书面形式（含数据电文，可通过本网站“申请公开”栏目在线提交）提出申请，"
        "写明申请人的姓名或者名称、身份证明、联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，"
        "以及获取信息的方式、途径。\n"
        "三、答复期限：本机关收到申请后能够当场答复的当场答复，不能当场答复的自收到申请之日起20个工作日内答复；"
        "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。"
    )


def guide_for(organ: Organ) -> Guide:
    """The organ's guide, created from its record the first time it is asked for."""
    guide, _ = Guide.objects.get_or_create(
        organ=organ,
        defaults={
            "classification": default_classification(organ),
            "obtaining": default_obtaining(organ),
            "office_name": organ.office_name or f"{organ.name}政府信息公开工作机构",
            "office_address": organ.office_address,
            "office_hours": organ.office_hours,
            "office_phone": organ.office_phone,
            "office_fax": organ.office_fax,
            "office_email": organ.office_email,
        },
    )
    return guide
