"""The only code that writes the workspace's rows; each function is one transaction.

Every change of a draft adds a ``DraftEvent`` (who, when, what); events are never
changed. A draft's status changes only through ``workflow.WORKFLOW`` (``_fire``). Refusals raise a ``ReportsError`` subclass whose message (Chinese) says what
was refused and why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from django.db import transaction
from django.utils import timezone

from gongkai.annual import (
    AnnualReport,
    Finding,
    Severity,
    check,
    render_docx,
    render_pdf,
    render_xlsx,
)
from gongkai.annual import schema as s
from gongkai.annual.render import render_html
from gongkai.interaction import stats as interaction_stats
from gongkai.organs.models import Organ
from gongkai.workflow import TransitionError

from . import compute, imports, rules, skeleton, workflow
from .models import (
    AnnualReportDraft,
    Decision,
    DraftEvent,
    EventKind,
    FileFormat,
    FindingDecision,
    ImportedReport,
    PublishedFile,
    Status,
    deadline_for,
)

FIRST_YEAR = 2008
"""《条例》 took effect on 1 May 2008: the first year with an annual report."""
MAX_SECTION_CHARS = 20_000


class ReportsError(Exception):
    """A refused change; ``str(error)`` is the Chinese message for the user."""

    code = "refused"


class NotAllowed(ReportsError):
    code = "forbidden"


class InvalidInput(ReportsError):
    code = "invalid"


class StaleVersion(ReportsError):
    code = "stale"


class PublishRefused(ReportsError):
    """The checker found errors; ``findings`` lists them."""

    code = "has_errors"

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings


def today() -> date:
    return timezone.localdate()


def _name(actor: Any) -> str:
    if actor is None:
        return "系统"
    return str(actor.get_full_name() or actor.get_username())


def _event(
    draft: AnnualReportDraft,
    kind: EventKind,
    actor: Any,
    before: str,
    summary: str,
    data: Mapping[str, Any] | None = None,
) -> DraftEvent:
    return DraftEvent.objects.create(
        draft=draft,
        action=kind,
        actor=actor,
        actor_name=_name(actor),
        before=before,
        after=draft.status,
        summary=summary[:500],
        data=dict(data or {}),
    )


def check_year(year: int, *, on: date | None = None) -> None:
    current = (on or today()).year
    if not FIRST_YEAR <= year <= current:
        raise InvalidInput(f"年度应在{FIRST_YEAR}年至{current}年之间，收到的是{year}年")


def _locked(draft: AnnualReportDraft) -> AnnualReportDraft:
    return AnnualReportDraft.objects.select_for_update().select_related("organ").get(pk=draft.pk)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)


@dataclass(frozen=True)
class Publication:
    """What the ``checked`` condition of publishing reads."""

    year: int
    on: date
    errors: Sequence[Finding]


def _checked(p: Publication) -> bool:
    """该年度已结束，且核查没有错误 (the table's ``checked``), with the reason when not."""
    if p.on <= date(p.year, 12, 31):
        raise InvalidInput(f"{p.year}年度尚未结束，{p.year + 1}年1月1日起才能发布")
    if p.errors:
        raise PublishRefused(
            f"核查发现{len(p.errors)}个错误，不能发布："
            + "；".join(f"[{f.code}] {f.message}" for f in p.errors),
            list(p.errors),
        )
    return True


WORKFLOW: Final = workflow.WORKFLOW.with_checks({workflow.CHECKED: _checked})
"""The report's table with its condition evaluated."""


def _fire(
    draft: AnnualReportDraft, event: str, role: str, refusal: str = "", context: Any = None
) -> str:
    """The draft's status after ``event`` by ``role`` (the caller has checked the user
    holds it), by the table in ``workflow``; a refusal says ``refusal`` or the table's."""
    try:
        return WORKFLOW.fire(draft.status, event, role, context)
    except TransitionError as exc:
        raise InvalidInput(refusal or exc.message) from None


def _open_for_edit(draft: AnnualReportDraft) -> None:
    if draft.status == Status.PUBLISHED:
        raise InvalidInput(f"{draft.year}年度报告已于{draft.published_on}发布，不能再修改")


# ---------------------------------------------------------------------------- drafts


def open_draft(organ: Organ, year: int, actor: Any) -> AnnualReportDraft:
    """The organ's draft for ``year``; created (pre-filled with the skeleton) if missing."""
    _require(
        rules.can_edit(actor, organ), "只有本机关的公开专员、审核人或机构负责人可以编写年度报告"
    )
    check_year(year)
    with transaction.atomic():
        found = AnnualReportDraft.objects.select_for_update().filter(organ=organ, year=year)
        draft = found.first()
        if draft is not None:
            return draft
        report = compute.computed(organ, year)
        draft = AnnualReportDraft.objects.create(
            organ=organ,
            year=year,
            sections=skeleton.sections(report, _interaction_sentence(organ, year)),
        )
        _event(draft, EventKind.CREATED, actor, Status.DRAFT, "创建草稿（按国家格式预填正文）")
        return draft


def save_sections(
    draft: AnnualReportDraft, actor: Any, texts: Mapping[str, str], *, version: int
) -> AnnualReportDraft:
    """Store edited section texts; ``version`` is the one the editor saw (else refused)."""
    _require(rules.can_edit(actor, draft.organ), "只有本机关工作人员可以修改年度报告正文")
    unknown = [k for k in texts if k not in s.SECTION_KEYS]
    if unknown:
        raise InvalidInput(f"没有第“{unknown[0]}”部分（正文共六部分，编号1–6）")
    for key, text in texts.items():
        if len(text) > MAX_SECTION_CHARS:
            section = s.SECTION_BY_KEY[key]
            raise InvalidInput(
                f"第{section.numeral}部分“{section.title}”有{len(text)}字，"
                f"超过上限{MAX_SECTION_CHARS}字"
            )
    with transaction.atomic():
        current = _locked(draft)
        _open_for_edit(current)
        if current.version != version:
            raise StaleVersion(
                "保存失败：在您编辑期间，他人已修改或定稿了这份报告。请刷新页面，在最新版本上重新修改。"
            )
        cleaned = {k: _clean(v) for k, v in texts.items()}
        changed = sorted(k for k, v in cleaned.items() if current.sections.get(k, "") != v)
        if not changed:
            return current
        before = current.status
        current.sections = {**current.sections, **cleaned}
        current.status = _fire(current, workflow.EDITED, workflow.STAFF)
        current.version += 1
        current.save(update_fields=["sections", "status", "version", "updated_at"])
        names = "、".join(f"第{s.SECTION_BY_KEY[k].numeral}部分" for k in changed)
        note = "（已定稿的报告退回草稿）" if before == Status.FINAL else ""
        _event(
            current, EventKind.EDITED, actor, before, f"修改{names}{note}", {"sections": changed}
        )
        return current


def _clean(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def _interaction_sentence(organ: Organ, year: int) -> str:
    """The organ's 网民留言 and 意见征集 of ``year`` for section 一 (empty: none)."""
    return interaction_stats.year_sentence(organ, year)


def refill_section(draft: AnnualReportDraft, actor: Any, key: str) -> AnnualReportDraft:
    """Rewrite one section from the skeleton with today's numbers."""
    _require(rules.can_edit(actor, draft.organ), "只有本机关工作人员可以修改年度报告正文")
    if key not in s.SECTION_KEYS:
        raise InvalidInput(f"没有第“{key}”部分（正文共六部分，编号1–6）")
    with transaction.atomic():
        current = _locked(draft)
        _open_for_edit(current)
        before = current.status
        text = skeleton.refill(
            key,
            compute.computed(current.organ, current.year),
            _interaction_sentence(current.organ, current.year),
        )
        current.sections = {**current.sections, key: text}
        current.status = _fire(current, workflow.REFILLED, workflow.STAFF)
        current.version += 1
        current.save(update_fields=["sections", "status", "version", "updated_at"])
        number = s.SECTION_BY_KEY[key].numeral
        _event(
            current,
            EventKind.REFILLED,
            actor,
            before,
            f"按最新数字重写第{number}部分",
            {"sections": [key]},
        )
        return current


def finalize(draft: AnnualReportDraft, actor: Any) -> AnnualReportDraft:
    _require(rules.can_finalize(actor, draft.organ), "只有本机关的审核人或机构负责人可以定稿")
    with transaction.atomic():
        current = _locked(draft)
        current.status = _fire(
            current,
            workflow.FINALIZED,
            workflow.REVIEWER,
            f"只有草稿可以定稿，这份报告的状态是“{current.get_status_display()}”",
        )
        current.version += 1
        current.save(update_fields=["status", "version", "updated_at"])
        _event(current, EventKind.FINALIZED, actor, Status.DRAFT, "定稿")
        return current


def reopen(draft: AnnualReportDraft, actor: Any, reason: str = "") -> AnnualReportDraft:
    _require(rules.can_edit(actor, draft.organ), "只有本机关工作人员可以退回修改")
    with transaction.atomic():
        current = _locked(draft)
        current.status = _fire(
            current,
            workflow.REOPENED,
            workflow.STAFF,
            f"只有已定稿的报告可以退回修改，这份报告的状态是“{current.get_status_display()}”",
        )
        current.version += 1
        current.save(update_fields=["status", "version", "updated_at"])
        summary = "退回修改" + (f"：{reason.strip()}" if reason.strip() else "")
        _event(current, EventKind.REOPENED, actor, Status.FINAL, summary)
        return current


# ---------------------------------------------------------------------------- table 二

TABLE2_ENTERED = ("licensing", "punishment", "coercion", "fees")
"""表二 第二十条第（五）（六）（八）项: the platform keeps no records of these, the organ
enters them from the systems that do."""
MAX_COUNT = 10**9
MAX_FEES = Decimal("9999999999.9999")


@dataclass(frozen=True)
class Table2Input:
    """One entered figure of table 二: its value (``None`` clears it) and its source."""

    value: int | Decimal | None
    source: str


def parse_table2_value(cell: str, text: str) -> int | Decimal | None:
    """The figure typed into the form, or ``InvalidInput`` saying what is wrong with it."""
    label = s.table2_row(cell).label
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    if cell == "fees":
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise InvalidInput(
                f"{label}的本年收费金额应为数字（单位：万元），收到的是“{text}”"
            ) from None
        if not amount.is_finite() or amount < 0 or amount > MAX_FEES:
            raise InvalidInput(
                f"{label}的本年收费金额应为0至{MAX_FEES}之间的数（万元），收到的是“{text}”"
            )
        if amount != amount.quantize(Decimal("0.0001")):
            raise InvalidInput(f"{label}的本年收费金额最多保留4位小数（万元），收到的是“{text}”")
        return amount
    if not text.isdigit():
        raise InvalidInput(f"{label}的本年处理决定数量应为非负整数，收到的是“{text}”")
    count = int(text)
    if count > MAX_COUNT:
        raise InvalidInput(f"{label}的本年处理决定数量{count}超出合理范围，请核对")
    return count


def enter_table2(
    draft: AnnualReportDraft,
    actor: Any,
    figures: Mapping[str, Table2Input],
    *,
    version: int,
) -> AnnualReportDraft:
    """Enter 表二 (五)–(八) for the draft's organ and year, each with its source.

    Only changed figures are stored (with who and when); each change is one line of the
    report's history. A finalized report goes back to draft.
    """
    _require(rules.can_edit(actor, draft.organ), "只有本机关工作人员可以填报表二")
    from gongkai.disclosure import services as disclosure
    from gongkai.disclosure.models import Table2Entry

    unknown = [c for c in figures if c not in TABLE2_ENTERED]
    if unknown:
        raise InvalidInput(f"表二没有可在此填报的“{unknown[0]}”项")
    with transaction.atomic():
        current = _locked(draft)
        _open_for_edit(current)
        if current.version != version:
            raise StaleVersion(
                "保存失败：在您填报期间，他人已修改或定稿了这份报告。请刷新页面后重新填报。"
            )
        entry = Table2Entry.objects.filter(organ=current.organ, year=current.year).first()
        before_values = {c: getattr(entry, c) if entry else None for c in TABLE2_ENTERED}
        before_sources = dict(entry.provenance) if entry else {}
        changed = []
        for cell, given in figures.items():
            source = given.source.strip()
            old_source = before_sources.get(cell, {}).get("source", "")
            if given.value == before_values[cell] and (given.value is None or source == old_source):
                continue
            label = s.table2_row(cell).label
            if given.value is not None and not source:
                raise InvalidInput(f"请注明“{label}”数字的数据来源（系统名称/统计口径）")
            try:
                disclosure.set_table2_figure(
                    current.organ, current.year, actor, cell, given.value, source or "已清除"
                )
            except disclosure.DisclosureError as exc:
                raise InvalidInput(str(exc)) from None
            shown = "空白" if given.value is None else _number(given.value)
            changed.append((cell, label, shown, source))
        if not changed:
            return current
        before = current.status
        current.status = _fire(current, workflow.TABLE2, workflow.STAFF)
        current.version += 1
        current.save(update_fields=["status", "version", "updated_at"])
        summary = "；".join(
            f"{label} {shown}" + (f"（来源：{source}）" if source else "")
            for _, label, shown, source in changed
        )
        if before == Status.FINAL:
            summary += "（已定稿的报告退回草稿）"
        _event(
            current,
            EventKind.TABLE2,
            actor,
            before,
            f"填报表二：{summary}",
            {"cells": {c: {"value": v, "source": src} for c, _, v, src in changed}},
        )
        return current


def _number(value: int | Decimal) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


# ---------------------------------------------------------------------------- decisions

MAX_REASON_CHARS = 500


def decide(
    draft: AnnualReportDraft, actor: Any, mark: str, decision: str, reason: str
) -> FindingDecision:
    """Record a reviewer's 已核实/不采纳 on one open warning of the current check."""
    _require(
        rules.can_finalize(actor, draft.organ),
        "只有本机关的审核人或机构负责人可以对核查结果提出意见",
    )
    if decision not in Decision.values:
        raise InvalidInput("请选择“已核实”或“不采纳”")
    reason = " ".join(reason.split())
    if len(reason) < 2:
        raise InvalidInput("请写明理由（如核实的依据，或不采纳的原因）")
    if len(reason) > MAX_REASON_CHARS:
        raise InvalidInput(f"理由有{len(reason)}字，超过上限{MAX_REASON_CHARS}字")
    with transaction.atomic():
        current = _locked(draft)
        _open_for_edit(current)
        report = compute.draft_report(current, published=today())
        rows = compute.decided(compute.findings(report, current.organ), report, [])
        row = next((r for r in rows if r.fingerprint == mark), None)
        if row is None:
            raise InvalidInput("这条核查结果已不存在（报告可能已被修改），请重新核查后再提出意见")
        if row.severity is not Severity.WARNING:
            raise InvalidInput(
                f"只有警告可以标记已核实或不采纳；{row.severity.label}须改正"
                if row.severity is Severity.ERROR
                else "提示无需提出意见"
            )
        label = Decision(decision).label
        found, _ = FindingDecision.objects.update_or_create(
            draft=current,
            fingerprint=mark,
            defaults={
                "code": str(row.finding["code"]),
                "message": str(row.finding["message"])[:1000],
                "decision": decision,
                "reason": reason,
                "by": actor,
                "by_name": _name(actor),
            },
        )
        _event(
            current,
            EventKind.DECIDED,
            actor,
            current.status,
            f"[{row.finding['code']}] {label}：{reason}",
            {"fingerprint": mark, "decision": decision, "code": row.finding["code"]},
        )
        return found


# ---------------------------------------------------------------------------- publish


@dataclass(frozen=True)
class Lateness:
    deadline: date
    days: int

    @property
    def late(self) -> bool:
        return self.days > 0

    def message(self) -> str:
        d = self.deadline
        return f"已超过法定发布期限（{d.year}年{d.month}月{d.day}日）{self.days}天"


def lateness(organ: Organ, year: int, on: date) -> Lateness:
    deadline = deadline_for(organ, year)
    return Lateness(deadline, max(0, (on - deadline).days))


def publish(draft: AnnualReportDraft, actor: Any, *, on: date | None = None) -> AnnualReportDraft:
    """Freeze the report (JSON and rendered files) and publish it.

    Refused while the checker reports errors (``PublishRefused`` lists them); a
    publication after 31 January of the following year is recorded as late.
    """
    _require(
        rules.can_publish(actor, draft.organ), "只有本机关的审核人或机构负责人可以发布年度报告"
    )
    day = on or today()
    if day > today():
        raise InvalidInput(f"发布日期{day.isoformat()}不能晚于今天")
    with transaction.atomic():
        current = _locked(draft)
        if current.status == Status.PUBLISHED:
            raise InvalidInput(f"{current.year}年度报告已于{current.published_on}发布")
        report = compute.draft_report(current, published=day)
        found = compute.findings(report, current.organ)
        rows = compute.decided(found, report, current.decisions.all())
        errors = [f for f in found if f.severity is Severity.ERROR]
        before = current.status
        current.status = _fire(
            current,
            workflow.PUBLISHED_EVENT,
            workflow.REVIEWER,
            context=Publication(current.year, day, errors),
        )
        late = lateness(current.organ, current.year, day)
        current.published_on = day
        current.late_days = late.days
        current.snapshot = report.to_dict()
        current.findings = [stored_finding(row) for row in rows]
        current.version += 1
        current.save()
        for fmt, content in rendered_files(report).items():
            PublishedFile.objects.create(
                draft=current,
                fmt=fmt,
                content=content,
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
            )
        warned = compute.open_counts(rows)[Severity.WARNING.value]
        summary = f"发布（发布日期{day.isoformat()}"
        summary += f"，{late.message()}）" if late.late else "，在法定期限内）"
        if warned:
            summary += f"；发布时有{warned}个未处理的警告"
        _event(
            current,
            EventKind.PUBLISHED,
            actor,
            before,
            summary,
            {
                "published_on": day.isoformat(),
                "deadline": late.deadline.isoformat(),
                "late_days": late.days,
                "warnings": warned,
            },
        )
        return current


def stored_finding(row: compute.Row) -> dict[str, Any]:
    """A finding as frozen at publication, with the decision on it."""
    out = dict(row.finding)
    if row.decision is not None:
        out["decision"] = {
            "decision": row.decision.decision,
            "label": row.decision.get_decision_display(),
            "reason": row.decision.reason,
            "by": row.decision.by_name,
        }
    return out


def rendered_files(report: AnnualReport) -> dict[str, bytes]:
    """Every stored rendering of a published report, by format."""
    return {
        FileFormat.HTML: render_html(report).encode("utf-8"),
        FileFormat.DOCX: render_docx(report),
        FileFormat.PDF: render_pdf(report),
        FileFormat.XLSX: render_xlsx(report),
        FileFormat.JSON: report.to_json().encode("utf-8"),
    }


# ---------------------------------------------------------------------------- import


def import_reports(
    office: Organ,
    uploads: list[imports.Upload],
    actor: Any,
    *,
    organ: Organ | None = None,
    year: int | None = None,
) -> list[imports.Outcome]:
    """Read reports published outside the platform into ``office``'s roll-up.

    Each file is read, matched to an organ under ``office`` (``organ`` when the user
    chose one, else by the name in the document), checked and stored in its own
    transaction: a file that cannot be read gets an outcome with the reason and the
    others go on. ``year`` replaces the year read from the documents when given.
    """
    _require(rules.can_roll_up(actor, office), "只有主管部门监督人员可以导入外部年度报告")
    if len(uploads) > imports.MAX_FILES:
        raise InvalidInput(
            f"一次最多导入{imports.MAX_FILES}个文件，收到{len(uploads)}个，请分批导入"
        )
    candidates = list(Organ.objects.filter(pk__in=office.descendant_ids()).order_by("pk"))
    if organ is not None and organ.pk not in {c.pk for c in candidates}:
        raise NotAllowed(f"“{organ.name}”不在“{office.name}”监督的机关之中")
    return [_import_one(office, upload, actor, candidates, organ, year) for upload in uploads]


def _import_one(
    office: Organ,
    upload: imports.Upload,
    actor: Any,
    candidates: list[Organ],
    chosen: Organ | None,
    year: int | None,
) -> imports.Outcome:
    refusal = imports.refuse(upload)
    if refusal:
        return imports.Outcome(upload.name, False, refusal)
    digest = hashlib.sha256(upload.content).hexdigest()
    earlier = ImportedReport.objects.filter(office=office, sha256=digest).first()
    if earlier is not None:
        return imports.Outcome(
            upload.name, False, f"与已导入的“{earlier.source}”内容相同，未重复导入", earlier
        )
    try:
        report = imports.read(upload)
    except imports.Unreadable as exc:
        return imports.Outcome(upload.name, False, str(exc))
    if year is not None:
        report = replace(report, year=year)
    organ, matched_by = (
        (chosen, "chosen") if chosen is not None else imports.match(report, candidates)
    )
    if organ is not None and not report.organ:
        report = replace(report, organ=organ.name)
    last = compute.last_year(organ, report.year) if organ is not None and report.year else None
    found = check(report, last_year=last)
    tally = compute.counts(found)
    with transaction.atomic():
        row = ImportedReport.objects.create(
            office=office,
            organ=organ,
            year=report.year,
            source=upload.name[:300],
            size=len(upload.content),
            sha256=digest,
            content=upload.content,
            data=report.to_dict(),
            findings=[f.to_dict() for f in found],
            errors=tally[Severity.ERROR.value],
            warnings=tally[Severity.WARNING.value],
            matched_by=matched_by,
            imported_by=actor,
        )
    return imports.Outcome(upload.name, True, imports.summary(row), row)


def assign_import(row: ImportedReport, organ: Organ, actor: Any) -> ImportedReport:
    """Attach an imported report the names did not match to one of the office's organs."""
    _require(rules.can_roll_up(actor, row.office), "只有主管部门监督人员可以修改导入记录")
    if organ.pk not in row.office.descendant_ids():
        raise NotAllowed(f"“{organ.name}”不在“{row.office.name}”监督的机关之中")
    with transaction.atomic():
        current = ImportedReport.objects.select_for_update().get(pk=row.pk)
        report = AnnualReport.from_dict(current.data)
        if not report.organ:
            report = replace(report, organ=organ.name)
        last = compute.last_year(organ, report.year) if report.year else None
        found = check(report, last_year=last)
        tally = compute.counts(found)
        current.organ = organ
        current.matched_by = "chosen"
        current.data = report.to_dict()
        current.findings = [f.to_dict() for f in found]
        current.errors = tally[Severity.ERROR.value]
        current.warnings = tally[Severity.WARNING.value]
        current.save()
        return current
