"""公开指南: the organ's guide, created pre-filled from its record on first use."""

from __future__ import annotations

from gongkai.organs.models import Organ

from .categories import ARTICLE20, TOPICS
from .models import Guide, Item
from .workflow import HEAD_STATES


def default_classification(organ: Organ) -> str:
    items = "\n".join(f"（{c.number}）{c.label}；" for c in ARTICLE20)
    return (
        f"{organ.name}主动公开的政府信息按《中华人民共和国政府信息公开条例》第二十条分为以下类别：\n"
        f"{items}\n"
        f"同时按主题分为：{'、'.join(organ_topics(organ))}。\n"
        "每条信息编有唯一的索引号，载明名称、内容概述、生成日期（成文日期）和发布日期，"
        "在本网站“公开目录”中按机关、类别、主题和年份编排，可全文检索。"
    )


def organ_topics(organ: Organ) -> list[str]:
    """The 主题 the organ's own published items use (the default list when it has none)."""
    used = set(
        Item.objects.filter(organ=organ, state__in=HEAD_STATES).values_list("topic", flat=True)
    )
    return [t.label for t in TOPICS if t.key in used] or [t.label for t in TOPICS]


def default_obtaining(organ: Organ) -> str:
    return (
        "（一）主动公开\n"
        "属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开（条例第二十六条）。"
        "可以通过本网站“公开目录”查阅、检索和下载，也可以通过政府公报、档案馆、公共图书馆和政务服务场所查阅。\n"
        "（二）依申请公开\n"
        f"1.受理机构和方式：公民、法人或者其他组织可以向{organ.name}政府信息公开工作机构"
        "以书面形式（含数据电文，可以通过本网站“申请公开”栏目在线提交）提出申请；采用书面形式确有困难的，"
        "可以口头提出，由政府信息公开工作机构代为填写申请。申请应当写明申请人的姓名或者名称、身份证明、"
        "联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及申请公开的政府信息的"
        "形式要求，包括获取信息的方式、途径（条例第二十九条）。\n"
        "2.收到申请之日的确定：当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以本机关签收之日为"
        "收到申请之日，以平常信函等无需签收的邮寄方式提交的，以本机关与申请人确认之日为收到申请之日；"
        "通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条）。\n"
        "3.补正：申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的"
        "事项和合理的补正期限；答复期限自本机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，"
        "视为放弃申请（条例第三十条）。\n"
        "4.答复期限：能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；"
        "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。"
        "征求第三方和其他机关意见所需时间不计算在内（条例第三十三条）。\n"
        "5.收费：本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，"
        "按照《政府信息公开信息处理费管理办法》收取信息处理费（条例第四十二条）。"
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
