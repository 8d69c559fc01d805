"""The inspection's rules: stable codes, what each looks for in Chinese, how serious it is,
where the duty comes from, and how many working days an organ has to fix it.

A check (``checks``) yields ``Finding`` rows for one rule; ``inspect`` turns them into
problems. The codes never change meaning: problems, exports and bulletins refer to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

SERIOUS: Final = "严重"
ORDINARY: Final = "一般"
NOTICE: Final = "提示"


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    explanation: str
    severity: str
    source: str
    workdays: int
    """Working days from the day found to fix it."""


@dataclass(frozen=True)
class Finding:
    organ_id: int
    rule: str
    key: str
    """What it is about; the same key found again is the same problem."""
    title: str
    url: str = ""
    excerpt: str = ""


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "PUB.LATE",
        "主动公开信息逾期发布",
        "属于主动公开范围的政府信息，应当自形成或者变更之日起20个工作日内予以公开；该信息发布晚于公开期限。",
        ORDINARY,
        "《政府信息公开条例》第二十六条",
        10,
    ),
    Rule(
        "PUB.OVERDUE",
        "主动公开信息超过期限仍未发布",
        "信息已超过形成或变更之日起20个工作日的公开期限，仍处于草稿或审核中。",
        SERIOUS,
        "《政府信息公开条例》第二十六条",
        5,
    ),
    Rule(
        "ITEM.INDEX",
        "已发布信息没有索引号",
        "公开目录中的每条信息都应有索引号，便于查找和引用。",
        ORDINARY,
        "《政府信息公开条例》第十二条（政府信息公开目录）",
        10,
    ),
    Rule(
        "ITEM.DOCNO",
        "规章或规范性文件没有文号",
        "规章、行政规范性文件应当标注文号（发文字号）。",
        NOTICE,
        "《政府信息公开条例》第二十条第（一）项",
        10,
    ),
    Rule(
        "POLICY.EXPIRED",
        "文件有效期已届满仍标为有效",
        "文件规定的有效期已经届满，公开目录中仍显示为有效，应标注失效或废止。",
        ORDINARY,
        "《政府信息公开条例》第十三条（准确、及时）",
        10,
    ),
    Rule(
        "POLICY.INTERP",
        "须同步发布的政策解读缺失",
        "该文件要求与政策解读同步发布，但没有已发布的解读。",
        ORDINARY,
        "政策文件与解读同步审签、同步发布",
        10,
    ),
    Rule(
        "LINK.INTERNAL",
        "正文中的站内链接或附件失效",
        "正文链接的站内信息不存在或已不公开，或附件文件在服务器上找不到。",
        ORDINARY,
        "政府网站内容保障要求（链接可用）",
        5,
    ),
    Rule(
        "LINK.EXTERNAL",
        "正文中的外部链接无法访问",
        "正文链接的外部网站返回错误或无法连接（仅在管理员允许检查外部链接时检查）。",
        NOTICE,
        "政府网站内容保障要求（链接可用）",
        10,
    ),
    Rule(
        "GUIDE.STALE",
        "公开指南超过一年未更新",
        "政府信息公开指南应当及时更新，超过一年未核对更新。",
        ORDINARY,
        "《政府信息公开条例》第十二条",
        10,
    ),
    Rule(
        "GUIDE.CONTACT",
        "公开指南的联系方式与机关登记不一致",
        "公开指南中的办公地址或联系电话与机关登记的信息不一致，申请人可能找不到受理机构。",
        ORDINARY,
        "《政府信息公开条例》第十二条",
        5,
    ),
    Rule(
        "CATALOG.EMPTY",
        "必须公开的栏目为空",
        "机关职能、机构设置、办公地址等信息每个机关都应主动公开，该栏目没有任何信息。",
        ORDINARY,
        "《政府信息公开条例》第二十条第（二）项",
        10,
    ),
    Rule(
        "CATALOG.STALE",
        "栏目超过更新周期未更新",
        "该栏目规定了更新周期（如财政预算、决算每年公开），最近一条信息已超过周期。",
        ORDINARY,
        "《政府信息公开条例》第二十条",
        10,
    ),
    Rule(
        "REPORT.MISSING",
        "年度报告逾期未发布",
        "上一年度的政府信息公开工作年度报告已过法定发布期限仍未发布。",
        SERIOUS,
        "《政府信息公开条例》第四十九条",
        5,
    ),
    Rule(
        "REPORT.LATE",
        "年度报告发布晚于法定期限",
        "上一年度的年度报告发布日期晚于法定期限。",
        NOTICE,
        "《政府信息公开条例》第四十九条",
        10,
    ),
    Rule(
        "REPORT.FINDINGS",
        "年度报告发布时有核查问题未处理",
        "上一年度的年度报告发布时，核查发现的错误或未处理的警告（如表格勾稽关系不成立）仍未解决。",
        ORDINARY,
        "《政府信息公开条例》第五十条；国办公开办函〔2021〕30号",
        10,
    ),
    Rule(
        "CASE.NO_REASON",
        "答复应说明理由而未说明",
        "已办结的申请，其答复类型依法应当说明理由或告知途径（如不予公开、无法提供、不予处理），答复中理由为空。",
        ORDINARY,
        "《政府信息公开条例》第三十六条",
        10,
    ),
    Rule(
        "CASE.OVERDUE",
        "依申请公开超过答复期限",
        "政府信息公开申请已超过法定答复期限仍未答复。",
        SERIOUS,
        "《政府信息公开条例》第三十三条",
        3,
    ),
    Rule(
        "CASE.SOON",
        "依申请公开即将到期",
        "政府信息公开申请在3个工作日内到期，尚未答复。",
        NOTICE,
        "《政府信息公开条例》第三十三条",
        3,
    ),
    Rule(
        "MSG.OVERDUE",
        "网民留言超过答复期限",
        "网民留言已超过本机关规定的答复期限，仍未答复或转办。",
        ORDINARY,
        "政府网站互动交流管理要求",
        3,
    ),
    Rule(
        "PRIVACY.ID",
        "公开内容含居民身份证号码",
        "已发布的信息正文中有校验位正确的居民身份证号码，属于个人信息，不应公开。",
        SERIOUS,
        "《政府信息公开条例》第十五条；《个人信息保护法》",
        2,
    ),
    Rule(
        "PRIVACY.MOBILE",
        "公开内容含手机号码",
        "已发布的信息正文中有个人手机号码。",
        SERIOUS,
        "《政府信息公开条例》第十五条；《个人信息保护法》",
        2,
    ),
    Rule(
        "PRIVACY.CARD",
        "公开内容含银行卡号",
        "已发布的信息正文中有校验正确的银行卡号。",
        SERIOUS,
        "《政府信息公开条例》第十五条；《个人信息保护法》",
        2,
    ),
    Rule(
        "PRIVACY.WORD",
        "公开内容含敏感词",
        "已发布的信息正文中出现了系统管理员设定的敏感词。",
        ORDINARY,
        "政府网站内容安全要求",
        2,
    ),
)
RULE_BY_CODE: Final = {r.code: r for r in RULES}


def validate() -> list[str]:
    problems = []
    seen: set[str] = set()
    for rule in RULES:
        if rule.code in seen:
            problems.append(f"规则代码“{rule.code}”重复")
        seen.add(rule.code)
        if rule.severity not in (SERIOUS, ORDINARY, NOTICE):
            problems.append(f"规则“{rule.code}”的级别无效")
        if rule.workdays < 1:
            problems.append(f"规则“{rule.code}”的整改期限无效")
    return problems
