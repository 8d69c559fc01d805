"""The six sections pre-filled for a new draft: the format's headings, sentences stating
the computed numbers (which the officer may edit), and 【请填写……】 prompts elsewhere."""

from __future__ import annotations

from gongkai.annual import AnnualReport
from gongkai.annual import schema as s

CHINESE_NUMERALS = "一二三四五六七八九十"


def _n(value: object) -> str:
    return "0" if value is None else str(value)


def _total(report: AnnualReport, row: str) -> object:
    return report.table3.get(row, "total")


def applications_sentence(report: AnnualReport) -> str:
    """本年度共收到政府信息公开申请N件，上年结转M件，办结K件，结转下年度L件。"""
    return (
        f"本年度共收到政府信息公开申请{_n(_total(report, 'received'))}件，"
        f"上年结转{_n(_total(report, 'carried_over'))}件，"
        f"办结{_n(_total(report, 'handled_total'))}件，"
        f"结转下年度{_n(_total(report, 'carried_forward'))}件。"
    )


def appeals_sentence(report: AnnualReport) -> str:
    t4 = report.table4
    litigation = sum(
        g.total or 0 for g in (t4.litigation_direct, t4.litigation_after_reconsideration)
    )
    return (
        f"本年度因政府信息公开工作被申请行政复议{_n(t4.reconsideration.total)}件，"
        f"被提起行政诉讼{litigation}件。"
    )


def proactive_sentence(report: AnnualReport) -> str:
    docs = report.table2.normative_documents
    regs = report.table2.regulations
    return (
        f"本年度制发规章{_n(regs.made)}件、行政规范性文件{_n(docs.made)}件，"
        f"废止行政规范性文件{_n(docs.repealed)}件，现行有效行政规范性文件{_n(docs.in_force)}件。"
    )


def _prompt(what: str) -> str:
    return f"【请填写：{what}】"


def general(report: AnnualReport, interaction: str = "") -> str:
    """Section 一; ``interaction``: the sentence counting the organ's 网民留言 (empty when
    it had none), which goes under 政府信息公开平台建设 before the prompt."""
    filled = {
        "主动公开": proactive_sentence(report),
        "依申请公开": applications_sentence(report),
    }
    prompts = {
        "政府信息管理": "政府信息公开审查、动态更新和规范性文件清理等情况。",
        "政府信息公开平台建设": "政府网站、政务新媒体等公开平台的建设和管理情况。",
        "监督保障": "工作考核、社会评议、责任追究、培训和监督检查等情况。",
    }
    lines = [f"{_prompt('本机关本年度政府信息公开工作的总体情况概述。')}"]
    for i, heading in enumerate(s.GENERAL_SUBHEADINGS):
        lines.append(f"（{CHINESE_NUMERALS[i]}）{heading}")
        if heading == "政府信息公开平台建设" and interaction:
            lines.append(interaction + _prompt(prompts[heading]))
            continue
        lines.append(filled.get(heading) or _prompt(prompts.get(heading, heading)))
    return "\n".join(lines)


def sections(report: AnnualReport, interaction: str = "") -> dict[str, str]:
    """The six section texts of a new draft of ``report`` (keys "1".."6")."""
    return {
        "1": general(report, interaction),
        "2": proactive_sentence(report),
        "3": applications_sentence(report),
        "4": appeals_sentence(report),
        "5": _prompt("本年度政府信息公开工作存在的主要问题及改进情况。"),
        "6": _prompt(
            "依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，以及其他需要报告的事项；"
            "没有则写“无”。"
        ),
    }


def refill(section_key: str, report: AnnualReport, interaction: str = "") -> str:
    """The skeleton of one section with today's numbers."""
    return sections(report, interaction)[section_key]
