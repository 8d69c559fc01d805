"""The answers an organ may give (Arts 30, 35–39 and the fee measures), one record each.

Choosing an answer fixes three things at once: the decision paragraph of the reply letter
(告知书), the legal basis cited, and the row of table 三 the case is counted under (the
mapping of LEGAL.md A9, which the national format itself does not spell out). The row
keys are the keys of ``gongkai.annual.schema``; this module never spells a form label.

Plain Python (no Django).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from gongkai.annual import schema

REGULATION: Final = "《中华人民共和国政府信息公开条例》"


@dataclass(frozen=True)
class Answer:
    key: str
    label: str
    """What the officer picks from, in Chinese."""
    article: str
    """The article cited, e.g. ``第三十六条第（二）项``."""
    table3_row: str
    """A key of ``schema.TABLE3_OUTCOME_ROWS``."""
    decision: str
    """The decision paragraph of the reply letter; ``{reason}`` is the officer's text."""
    provides_information: bool = False
    chosen_by_officer: bool = True
    """False for outcomes the workflow itself sets (lapsed correction, unpaid fee, withdrawal)."""
    reason_required: str = ""
    """When the Regulation requires the letter to give reasons (or say where to go), the
    Chinese message refusing an empty reason; empty when the reason is optional."""

    @property
    def basis(self) -> str:
        """The legal basis as printed in the letter."""
        return f"{REGULATION}{self.article}"

    @property
    def row_label(self) -> str:
        return schema.TABLE3_ROW_BY_KEY[self.table3_row].full_label

    def decision_text(self, reason: str = "", *, attached: bool = False) -> str:
        """The decision paragraph; ``attached`` when files go with the reply (见附件)."""
        return self.decision.format(
            reason=reason.strip(), attached="（见附件）" if attached else ""
        ).strip()


def _withheld(key: str, label: str, article: str, row: str) -> Answer:
    return Answer(
        key=f"withheld_{key}",
        label=f"不予公开：{label}",
        article=f"第三十六条第（三）项、{article}",
        table3_row=f"withheld.{row}",
        decision=(
            f"经审查，您申请获取的信息{label}，根据{REGULATION}{article}和第三十六条第（三）项"
            "的规定，决定不予公开。理由：{reason}"
        ),
        reason_required="请写明不予公开的理由（条例第三十六条第（三）项：告知申请人不予公开并说明理由）",
    )


ANSWERS: Final[tuple[Answer, ...]] = (
    Answer(
        "already_public",
        "已主动公开：告知获取方式和途径",
        "第三十六条第（一）项",
        "granted",
        "您申请获取的信息已经主动公开，可通过以下方式和途径获取：{reason}",
        provides_information=True,
        reason_required="请写明获取该信息的方式和途径（条例第三十六条第（一）项）",
    ),
    Answer(
        "granted",
        "予以公开：提供该政府信息",
        "第三十六条第（二）项",
        "granted",
        "经审查，您申请获取的信息属于可以公开的政府信息，现予以提供{attached}。{reason}",
        provides_information=True,
    ),
    Answer(
        "partially_granted",
        "部分公开：区分处理后提供可以公开的部分",
        "第三十七条",
        "partially_granted",
        "经审查，您申请获取的信息中含有不应当公开的内容，但能够作区分处理，"
        "现向您提供可以公开的部分{attached}，不予公开部分的理由：{reason}",
        provides_information=True,
        reason_required="请写明不予公开部分的理由（条例第三十七条：对不予公开的部分说明理由）",
    ),
    _withheld("state_secret", "属于国家秘密", "第十四条", "state_secret"),
    _withheld(
        "prohibited_by_law", "属于法律、行政法规禁止公开的信息", "第十四条", "prohibited_by_law"
    ),
    _withheld(
        "security_stability",
        "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
        "第十四条",
        "security_stability",
    ),
    _withheld(
        "third_party_rights",
        "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
        "第十五条",
        "third_party_rights",
    ),
    _withheld(
        "internal_affairs",
        "属于人事管理、后勤管理、内部工作流程等内部事务信息",
        "第十六条第一款",
        "internal_affairs",
    ),
    _withheld(
        "process_information",
        "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息",
        "第十六条第二款",
        "process_information",
    ),
    _withheld("enforcement_files", "属于行政执法案卷信息", "第十六条第二款", "enforcement_files"),
    Answer(
        "special_access",
        "属于工商、不动产登记资料等有专门查询规定的信息：告知依照有关规定办理",
        "第三十六条第（七）项",
        "withheld.query_matters",
        "您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的情形，"
        "请依照有关法律、行政法规的规定办理：{reason}",
        reason_required="请写明应依照的法律、行政法规及办理途径（条例第三十六条第（七）项）",
    ),
    Answer(
        "not_held",
        "经检索没有所申请公开的信息：告知该信息不存在",
        "第三十六条第（四）项",
        "unavailable.not_held",
        "经检索，本机关没有您申请公开的政府信息。{reason}",
    ),
    Answer(
        "not_responsible",
        "不属于本机关负责公开：告知并说明理由，能确定负责机关的告知其名称和联系方式",
        "第三十六条第（五）项",
        "unavailable.not_held",
        "您申请获取的信息不属于本机关负责公开。{reason}",
        reason_required="请说明理由，能够确定负责公开的机关的，写明其名称和联系方式（条例第三十六条第（五）项）",
    ),
    Answer(
        "needs_creation",
        "需要对现有信息进行加工、分析：不予提供",
        "第三十八条",
        "unavailable.needs_creation",
        "您申请获取的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。{reason}",
        reason_required="请说明需要对现有信息进行加工、分析的理由（条例第三十八条）",
    ),
    Answer(
        "still_unclear",
        "补正后申请内容仍不明确：无法提供",
        "第二十九条、第三十条",
        "unavailable.still_unclear",
        "经补正后，您的申请内容仍不明确，本机关无法确定您所需的政府信息。{reason}",
        reason_required="请说明补正后申请内容仍不明确之处（条例第三十条）",
    ),
    Answer(
        "petition",
        "以申请形式进行信访、投诉、举报：告知不作为政府信息公开申请处理",
        "第三十九条第一款",
        "not_processed.petition",
        "您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，"
        "本机关不作为政府信息公开申请处理，您可以通过相应渠道提出：{reason}",
        reason_required="请写明可以提出信访、投诉、举报的渠道（条例第三十九条第一款）",
    ),
    Answer(
        "repeated",
        "重复申请已答复的同一信息：告知不予重复处理",
        "第三十六条第（六）项",
        "not_processed.repeated",
        "本机关已就您申请公开的同一政府信息作出答复，您重复申请，本机关不予重复处理。{reason}",
        reason_required="请写明此前作出答复的时间、编号等情况（条例第三十六条第（六）项）",
    ),
    Answer(
        "publication",
        "要求提供政府公报、报刊、书籍等公开出版物：告知获取途径",
        "第三十九条第二款",
        "not_processed.publication",
        "您要求提供的是公开出版物，可通过以下途径获取：{reason}",
        reason_required="请写明获取该公开出版物的途径（条例第三十九条第二款）",
    ),
    Answer(
        "excessive",
        "申请数量、频次明显超过合理范围且理由不合理：告知不予处理",
        "第三十五条",
        "not_processed.excessive",
        "您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，"
        "本机关认为理由不合理，不予处理。{reason}",
        reason_required="请说明认定申请数量、频次明显超过合理范围及理由不合理的依据（条例第三十五条）",
    ),
    Answer(
        "confirmation",
        "要求行政机关确认或重新出具已获取信息：不予处理",
        "第二条",
        "not_processed.confirmation",
        "您的申请属于要求行政机关确认或者重新出具已获取的信息，"
        "不属于政府信息公开申请，本机关不予处理。{reason}",
        reason_required="请说明不予处理的理由",
    ),
    Answer(
        "no_correction",
        "申请人无正当理由逾期不补正",
        "第三十条",
        "other.no_correction",
        "您未在补正通知规定的期限内补正，视为放弃申请，本机关不再处理该申请。{reason}",
        chosen_by_officer=False,
    ),
    Answer(
        "fee_unpaid",
        "申请人逾期未按收费通知缴纳费用",
        "第四十二条",
        "other.fee_unpaid",
        "您未在收费通知规定的期限内缴纳信息处理费，视为放弃申请，本机关不再处理该申请。{reason}",
        chosen_by_officer=False,
    ),
    Answer(
        "other",
        "其他处理（含申请人撤回申请）",
        "第四十五条",
        "other.other",
        "{reason}",
        reason_required="请写明处理结果及其理由",
    ),
)

ANSWER_BY_KEY: Final[Mapping[str, Answer]] = {a.key: a for a in ANSWERS}
OFFICER_ANSWERS: Final = tuple(a for a in ANSWERS if a.chosen_by_officer)
ANSWER_BY_ROW_FOR_WORKFLOW: Final[Mapping[str, Answer]] = {
    "other.no_correction": ANSWER_BY_KEY["no_correction"],
    "other.fee_unpaid": ANSWER_BY_KEY["fee_unpaid"],
    "other.other": ANSWER_BY_KEY["other"],
}
"""The answer a workflow transition's fixed outcome stands for."""


PLACEHOLDER_REASONS: Final = frozenset(
    {
        "略",
        "理由略",
        "（理由略）",
        "(理由略)",
        "无",
        "暂无",
        "见附件",
        "详见附件",
        "同上",
        "待补充",
        "待定",
    }
)


def reason_problem(a: Answer, reason: str) -> str:
    """Why ``reason`` cannot stand in the letter for answer ``a`` ("" when it can)."""
    if not a.reason_required:
        return ""
    text = reason.strip()
    bare = "".join(ch for ch in text if ch.isalnum())
    if not bare or text in PLACEHOLDER_REASONS or bare in PLACEHOLDER_REASONS:
        return a.reason_required
    return ""


def answer(key: str) -> Answer:
    try:
        return ANSWER_BY_KEY[key]
    except KeyError:
        known = "、".join(ANSWER_BY_KEY)
        raise KeyError(f"未知的答复类型“{key}”，应为以下之一：{known}") from None


def _validate() -> None:
    outcome_keys = {r.key for r in schema.TABLE3_OUTCOME_ROWS}
    for a in ANSWERS:
        if a.table3_row not in outcome_keys:
            raise ValueError(f"答复类型“{a.key}”对应的表三行“{a.table3_row}”不是办理结果行")
    uncovered = outcome_keys - {a.table3_row for a in ANSWERS}
    if uncovered:
        raise ValueError(f"表三以下办理结果行没有对应的答复类型：{'、'.join(sorted(uncovered))}")


_validate()
