"""One error boundary (issue #9): no domain error reaches a person as a 500.

``describe`` is the one table (error class → status, code, Chinese message); the pages
turn a refused POST into a message on the page the user came from and a failing GET into
an error page; the API answers ``{"detail", "code"}`` with 409/422/403. The walk below
takes every page of the casework, the annual reports and 主动公开 that writes, and every
API operation that writes, makes what the view calls fail with a domain error (most of
them *after* the service has started writing, inside its transaction), and checks the
answer and that nothing was written.
"""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from gongkai.annual import AnnualReport
from gongkai.annual.errors import GongkaiError, ParseError, RenderError, SchemaError
from gongkai.annual.parse.reader import read_document
from gongkai.applications import errors as casework
from gongkai.applications import files as reply_files
from gongkai.applications import outbox
from gongkai.applications import services as applications
from gongkai.applications.fees import FeeError
from gongkai.applications.idcheck import validate_resident_id
from gongkai.applications.models import Appeal, Application, CaseEvent, NumberSequence
from gongkai.applications.workflow import State
from gongkai.core import errors as boundary
from gongkai.core.errors import DomainFailure, describe
from gongkai.deadlines import CalendarDataError, CalendarNotCovered, ClockError, DeadlineError
from gongkai.disclosure import content
from gongkai.disclosure import services as disclosure
from gongkai.disclosure import workflow as disclosure_workflow
from gongkai.disclosure.index_numbers import PatternError
from gongkai.disclosure.models import Attachment, Item, ItemEvent, Table2Entry
from gongkai.reports import compute, import_jobs
from gongkai.reports import services as reports
from gongkai.reports.models import (
    AnnualReportDraft,
    FindingDecision,
    ImportedReport,
    ImportJob,
    PublishedFile,
    Status,
)
from gongkai_demo.factories.disclosure import Team, make_item
from gongkai_demo.factories.organs import OrganFactory, member
from tests.applications.factories import APPLICANT, Staff, make_case

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
TODAY = NOW.date()
YEAR = 2025
"""The annual report written in the tests (the year before ``TODAY``)."""


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# ------------------------------------------------------------------ the table


def _raised(call: Callable[[], object]) -> BaseException:
    """The error a real call raises (so the table is checked against real messages)."""
    try:
        call()
    except Exception as exc:
        return exc
    raise AssertionError("no error raised")


NOT_COVERED = "2003年的节假日安排尚未录入：请在“工作日历”中录入国务院办公厅关于2003年部分节假日安排的通知，系统不会猜测"

DESCRIBED: list[tuple[str, Callable[[], BaseException], int, str, str]] = [
    (
        "calendar not covered",
        lambda: CalendarNotCovered(2003),
        409,
        "calendar_not_covered",
        NOT_COVERED,
    ),
    (
        "calendar data",
        lambda: CalendarDataError("10月8日既是调休上班日又是放假日", where="2026年放假安排"),
        409,
        "calendar_data",
        "2026年放假安排：10月8日既是调休上班日又是放假日",
    ),
    (
        "clock",
        lambda: ClockError("补正材料收到日期早于补正通知日期", event="correction_received"),
        409,
        "clock",
        "correction_received：补正材料收到日期早于补正通知日期",
    ),
    ("deadline (base)", lambda: DeadlineError("无法计算"), 409, "deadline", "无法计算"),
    (
        "casework: state",
        lambda: casework.NotAllowedInState("当前状态“已办结”下不能执行“延长答复期限”"),
        409,
        "not_allowed_in_state",
        "当前状态“已办结”下不能执行“延长答复期限”",
    ),
    (
        "casework: role",
        lambda: casework.RoleNotAllowed("只有机构负责人可以批准延期"),
        403,
        "role_not_allowed",
        "只有机构负责人可以批准延期",
    ),
    (
        "casework: guard",
        lambda: casework.GuardFailed("已延长过答复期限"),
        409,
        "guard_failed",
        "已延长过答复期限",
    ),
    (
        "casework: conflict",
        lambda: casework.Conflict("申请已被他人更新"),
        409,
        "conflict",
        "申请已被他人更新",
    ),
    (
        "casework (base)",
        lambda: casework.CaseworkError("审结日期2026-06-16不能晚于今天"),
        400,
        "casework",
        "审结日期2026-06-16不能晚于今天",
    ),
    (
        "casework: bad file",
        lambda: _raised(lambda: reply_files.check([SimpleUploadedFile("批复.pdf", b"")])),
        400,
        "invalid_input",
        "文件“批复.pdf”是空文件",
    ),
    (
        "schema",
        lambda: _raised(
            lambda: AnnualReport.from_dict({"schema": "annual-report/1", "organ": "测试区甲局"})
        ),
        422,
        "schema",
        "(根)：缺少必填字段“year”",
    ),
    (
        "parse",
        lambda: ParseError("表三应有7列，读到5列", source="2025年报.txt", line=12),
        422,
        "parse",
        "2025年报.txt 第12行 表三应有7列，读到5列",
    ),
    (
        "unreadable document",
        lambda: _raised(lambda: read_document(b"", source="年报.docx")),
        422,
        "parse",
        "年报.docx 文件是空的，没有可读取的内容",
    ),
    (
        "render",
        lambda: RenderError("未找到中文字体，无法生成PDF"),
        422,
        "render",
        "未找到中文字体，无法生成PDF",
    ),
    ("annual (base)", lambda: GongkaiError("年度报告无法处理"), 422, "annual", "年度报告无法处理"),
    (
        "transition: state",
        lambda: _raised(lambda: disclosure_workflow.find("published", "submit", ["officer"])),
        409,
        "wrong_state",
        "状态为“已发布”的信息不能执行“提交审核”",
    ),
    (
        "transition: role",
        lambda: _raised(
            lambda: disclosure_workflow.find("final_review", "approve_final", ["officer"])
        ),
        403,
        "wrong_role",
        "“终审通过并发布”需要以下角色之一：终审人；当前用户没有这些角色",
    ),
    (
        "transition: unknown event",
        lambda: _raised(lambda: disclosure_workflow.find("draft", "explode", ["officer"])),
        422,
        "unknown_event",
        "未知的操作“explode”",
    ),
    (
        "transition: guard",
        lambda: disclosure.DisclosureError("提交人不能审核自己提交的信息", code="same_person"),
        409,
        "same_person",
        "提交人不能审核自己提交的信息",
    ),
    (
        "transition: bad field",
        lambda: disclosure.DisclosureError("标题不能为空", code="title"),
        422,
        "title",
        "标题不能为空",
    ),
    (
        "upload refused",
        lambda: _raised(lambda: content.check_upload("通知.exe", b"MZ\x90\x00")),
        422,
        "upload_refused",
        "附件“通知.exe”的类型“exe”不允许上传",
    ),
    (
        "index pattern",
        lambda: PatternError("索引号规则“{code”的花括号不配对"),
        422,
        "index_pattern",
        "索引号规则“{code”的花括号不配对",
    ),
    (
        "fee",
        lambda: FeeError("计费数量应为整数，收到“'x'”"),
        422,
        "fee",
        "计费数量应为整数，收到“'x'”",
    ),
    (
        "identity",
        lambda: _raised(lambda: validate_resident_id("1101051949")),
        422,
        "invalid_identity",
        "居民身份证号码应为18位，输入的是10位",
    ),
    (
        "reports: role",
        lambda: reports.NotAllowed("只有本机关的审核人或机构负责人可以定稿"),
        403,
        "forbidden",
        "只有本机关的审核人或机构负责人可以定稿",
    ),
    (
        "reports: input",
        lambda: _raised(lambda: reports.check_year(2003, on=TODAY)),
        422,
        "invalid",
        "年度应在2008年至2026年之间，收到的是2003年",
    ),
    (
        "reports: stale",
        lambda: reports.StaleVersion("保存失败：他人已修改"),
        409,
        "stale",
        "保存失败：他人已修改",
    ),
    (
        "reports: publish refused",
        lambda: reports.PublishRefused("核查发现1个错误，不能发布", []),
        409,
        "has_errors",
        "核查发现1个错误，不能发布",
    ),
    ("reports (base)", lambda: reports.ReportsError("操作未完成"), 409, "refused", "操作未完成"),
    (
        "validation",
        lambda: ValidationError(["提起日期不能晚于今天", "复议机关不能为空"]),
        422,
        "invalid",
        "提起日期不能晚于今天；复议机关不能为空",
    ),
]


@pytest.mark.parametrize(
    ("make", "status", "code", "message"),
    [c[1:] for c in DESCRIBED],
    ids=[c[0] for c in DESCRIBED],
)
def test_describe_gives_status_code_and_the_chinese_message(
    make: Callable[[], BaseException], status: int, code: str, message: str
) -> None:
    failure = describe(make())
    assert failure is not None
    assert (failure.status, failure.code) == (status, code)
    assert failure.message.startswith(message)
    assert _cjk(failure.message)
    assert failure.body() == {"detail": failure.message, "code": code}


def test_every_class_in_the_table_is_tested_above() -> None:
    """A class added to ``describe`` without a line in ``DESCRIBED`` fails here."""
    tested = {type(make()) for _, make, *_ in DESCRIBED}
    table = set(boundary.domain_error_classes())
    # the entry describe() uses for each raised error: the nearest class of it in the
    # table (the workflow engine raises subclasses of TransitionError)
    handled = {next(c for c in t.__mro__ if c in table) for t in tested if table & set(t.__mro__)}
    missing = [cls.__qualname__ for cls in table if cls not in handled]
    assert missing == []


def test_no_domain_error_is_a_500() -> None:
    assert {describe(make()).status for _, make, *_ in DESCRIBED} <= {400, 403, 409, 422}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "exc",
    [ValueError("x"), KeyError("x"), RuntimeError("数据库连接中断"), Exception("?")],
    ids=["ValueError", "KeyError", "RuntimeError", "Exception"],
)
def test_other_errors_are_not_domain_errors(exc: BaseException) -> None:
    """Programming errors stay 500s (logged), never dressed up as a user's mistake."""
    assert describe(exc) is None


def test_an_empty_message_gets_a_chinese_default() -> None:
    assert describe(RenderError()) == DomainFailure(422, "render", "无法生成该格式的文件")


# ------------------------------------------------------------------ where a POST goes back to


def test_back_url_is_the_same_origin_referer_then_the_declared_page_then_the_path() -> None:
    factory = RequestFactory()
    same = factory.post("/office/x/act/", HTTP_REFERER="http://testserver/office/x/?tab=2")
    assert boundary.back_url(same) == "/office/x/?tab=2"
    foreign = factory.post("/office/x/act/", HTTP_REFERER="https://evil.example/office/x/")
    assert boundary.back_url(foreign) == "/office/x/act/"
    setattr(foreign, boundary.RETURN_ATTRIBUTE, ("disclosure:detail", {"pk": 7}))
    assert boundary.back_url(foreign) == reverse("disclosure:detail", kwargs={"pk": 7})
    assert boundary.back_url(factory.post("/office/y/")) == "/office/y/"


def test_the_middleware_leaves_the_api_to_ninja() -> None:
    middleware = boundary.DomainErrorMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    request = RequestFactory().post("/api/applications/X/actions/confirm")
    assert middleware.process_exception(request, CalendarNotCovered(2003)) is None
    assert middleware.process_exception(RequestFactory().post("/office/"), KeyError("x")) is None


# ------------------------------------------------------------------ the walk: helpers


def fail_after(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, error: BaseException
) -> None:
    """``owner.name`` does its work (writes), then ``error`` is raised: the service's
    transaction must drop what was written."""
    original = getattr(owner, name)

    def failing(*args: Any, **kwargs: Any) -> Any:
        original(*args, **kwargs)
        raise error

    monkeypatch.setattr(owner, name, failing)


def fail(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, error: BaseException) -> None:
    """``owner.name`` refuses straight away."""

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise error

    monkeypatch.setattr(owner, name, failing)


@dataclass
class Post:
    """One refused POST of a page: what is sent and what must come back."""

    url: str
    data: dict[str, Any]
    user: Any
    back: str
    message: str
    written: Callable[[], object]
    """A snapshot of what the refused request must leave unchanged."""
    referer: str = ""


def _case_events(case: Application) -> Callable[[], object]:
    def snapshot() -> object:
        row = Application.objects.get(pk=case.pk)
        return (
            row.state,
            row.version,
            row.assignee_id,
            CaseEvent.objects.count(),
            Appeal.objects.count(),
        )

    return snapshot


def _detail(case: Application) -> str:
    return reverse("applications:detail", kwargs={"number": case.number})


# ------------------------------------------------------------------ the walk: pages


def _register(mp: pytest.MonkeyPatch) -> Post:
    staff = Staff()
    fail_after(mp, applications, "_write", CalendarNotCovered(2003))
    url = reverse("applications:register")
    return Post(
        url,
        {
            **APPLICANT,
            "organ": staff.organ.pk,
            "channel": "letter",
            "received_on": TODAY.isoformat(),
            "receipt_basis": "",
        },
        staff.officer,
        back=url,
        message=NOT_COVERED,
        written=lambda: (
            Application.objects.count(),
            CaseEvent.objects.count(),
            list(NumberSequence.objects.values_list("last", flat=True)),
        ),
    )


def _bulk_assign(mp: pytest.MonkeyPatch) -> Post:
    staff = Staff()
    case = make_case(staff)
    fail_after(mp, applications, "_write", ClockError("补正材料收到日期早于补正通知日期"))
    queue = reverse("applications:queue")
    return Post(
        reverse("applications:assign"),
        {"numbers": [case.number], "assignee": staff.officer2.username},
        staff.officer,
        back=queue,
        referer=queue,
        message="补正材料收到日期早于补正通知日期",
        written=_case_events(case),
    )


def _bulk_print(mp: pytest.MonkeyPatch) -> Post:
    staff = Staff()
    case = make_case(staff)
    fail(mp, outbox, "print_notices", RenderError("未找到中文字体（Noto Sans CJK），无法生成PDF"))
    queue = reverse("applications:queue")
    return Post(
        reverse("applications:print"),
        {"numbers": [case.number]},
        staff.officer,
        back=queue,
        referer=queue,
        message="未找到中文字体（Noto Sans CJK），无法生成PDF",
        written=_case_events(case),
    )


def _act(mp: pytest.MonkeyPatch) -> Post:
    staff = Staff()
    case = make_case(staff)
    fail_after(mp, applications, "_write", CalendarNotCovered(2003))
    return Post(
        reverse("applications:act", kwargs={"number": case.number, "action": "open_consultation"}),
        {"version": case.version, "reason": "涉及第三方", "party": "third_party", "name": "某公司"},
        staff.officer,
        back=_detail(case),
        message=NOT_COVERED,
        written=_case_events(case),
    )


def _repeat(mp: pytest.MonkeyPatch) -> Post:
    staff = Staff()
    first, _ = applications.submit_online(staff.organ, {**APPLICANT})
    second, _ = applications.submit_online(staff.organ, {**APPLICANT})
    fail_after(mp, applications, "_write", CalendarNotCovered(2003))
    return Post(
        reverse("applications:repeat", kwargs={"number": second.number}),
        {"version": second.version, "action": "merge", "other": first.number},
        staff.officer,
        back=_detail(second),
        message=NOT_COVERED,
        written=lambda: (_case_events(first)(), _case_events(second)()),
    )


def _act_with_referer(mp: pytest.MonkeyPatch) -> Post:
    post = _act(mp)
    post.referer = post.back + "?tab=events"
    post.back = post.referer
    return post


def _appeal(mp: pytest.MonkeyPatch) -> Post:
    staff = Staff()
    case = make_case(staff, State.CLOSED)
    fail_after(mp, applications, "record", ClockError("行政复议提起日期早于答复送达日期"))
    return Post(
        reverse("applications:appeal", kwargs={"number": case.number}),
        {"kind": "reconsideration", "lodged_on": TODAY.isoformat(), "body": "示范区人民政府"},
        staff.officer,
        back=_detail(case),
        message="行政复议提起日期早于答复送达日期",
        written=_case_events(case),
    )


def _decide_appeal(mp: pytest.MonkeyPatch) -> Post:
    staff = Staff()
    case = make_case(staff, State.CLOSED)
    appeal = applications.lodge_appeal(case, staff.officer, kind="reconsideration", lodged_on=TODAY)
    case.refresh_from_db()
    fail_after(mp, applications, "record", casework.GuardFailed("该复议已记录结果"))

    def written() -> object:
        row = Appeal.objects.get(pk=appeal.pk)
        return (row.outcome, row.decided_on, _case_events(case)())

    return Post(
        reverse(
            "applications:decide_appeal", kwargs={"number": case.number, "appeal_id": appeal.pk}
        ),
        {"outcome": "upheld", "decided_on": TODAY.isoformat()},
        staff.officer,
        back=_detail(case),
        message="该复议已记录结果",
        written=written,
    )


@dataclass
class ReportsWorld:
    office: Any
    organ: Any
    officer: Any
    reviewer: Any
    supervisor: Any

    @classmethod
    def build(cls) -> ReportsWorld:
        office = OrganFactory(name="测试区人民政府办公室", short_name="区政府办")
        organ = OrganFactory(parent=office, name="测试区甲局", short_name="甲局")
        return cls(
            office,
            organ,
            member(organ, "officer", first_name="张专员"),
            member(organ, "reviewer", first_name="李审核"),
            member(office, "supervisor", first_name="赵监督"),
        )

    def url(self, name: str, **kwargs: Any) -> str:
        return reverse(name, kwargs={"slug": self.organ.slug, "year": YEAR, **kwargs})

    def draft(self) -> AnnualReportDraft:
        return reports.open_draft(self.organ, YEAR, self.officer)


def _draft_state(draft: AnnualReportDraft) -> Callable[[], object]:
    def snapshot() -> object:
        row = AnnualReportDraft.objects.get(pk=draft.pk)
        return (
            row.status,
            row.version,
            row.sections,
            row.events.count(),
            PublishedFile.objects.count(),
        )

    return snapshot


def _reports_start(mp: pytest.MonkeyPatch) -> Post:
    world = ReportsWorld.build()
    fail_after(
        mp,
        reports,
        "_event",
        CalendarDataError("10月8日既是调休上班日又是放假日", where="2025年放假安排"),
    )
    return Post(
        world.url("reports:start"),
        {},
        world.officer,
        back=world.url("reports:workspace"),
        message="2025年放假安排：10月8日既是调休上班日又是放假日",
        written=lambda: AnnualReportDraft.objects.count(),
    )


def _reports_save(mp: pytest.MonkeyPatch) -> Post:
    world = ReportsWorld.build()
    draft = world.draft()
    fail_after(mp, reports, "_event", ParseError("第五部分无法读取", source="正文", line=3))
    return Post(
        world.url("reports:save"),
        {"version": draft.version, "section-5": "本年度未收取信息处理费。"},
        world.officer,
        back=world.url("reports:workspace"),
        message="正文 第3行 第五部分无法读取",
        written=_draft_state(draft),
    )


def _reports_finalize(mp: pytest.MonkeyPatch) -> Post:
    world = ReportsWorld.build()
    draft = world.draft()
    fail_after(mp, reports, "_event", ClockError("定稿日期早于创建日期"))
    return Post(
        world.url("reports:act", action="finalize"),
        {},
        world.reviewer,
        back=world.url("reports:workspace"),
        message="定稿日期早于创建日期",
        written=_draft_state(draft),
    )


def _reports_publish(mp: pytest.MonkeyPatch) -> Post:
    """The files are rendered after the draft row is marked published: a font missing at
    that point must leave the draft unpublished and no file stored."""
    world = ReportsWorld.build()
    draft = world.draft()
    mp.setattr(compute, "findings", lambda *args, **kwargs: [])
    fail(mp, reports, "rendered_files", RenderError("PDF：未找到中文字体（Noto Sans CJK）"))
    check = world.url("reports:check")
    return Post(
        world.url("reports:act", action="publish"),
        {},
        world.reviewer,
        back=check,
        referer=check,
        message="PDF：未找到中文字体（Noto Sans CJK）",
        written=_draft_state(draft),
    )


def _reports_table2(mp: pytest.MonkeyPatch) -> Post:
    """表二's figures are written to the disclosure app's entry before the event: a failure
    at the event must leave neither the figures nor the draft changed."""
    world = ReportsWorld.build()
    draft = world.draft()
    fail_after(mp, reports, "_event", ClockError("填报时间早于创建时间"))
    return Post(
        world.url("reports:table2"),
        {"version": draft.version, "t2-licensing": "12", "t2-licensing-source": "省平台导出"},
        world.officer,
        back=world.url("reports:workspace"),
        message="填报时间早于创建时间",
        written=lambda: (_draft_state(draft)(), Table2Entry.objects.count()),
    )


def _reports_decide(mp: pytest.MonkeyPatch) -> Post:
    world = ReportsWorld.build()
    draft = world.draft()
    figures = {"fees": reports.Table2Input(Decimal(5000), "财政系统")}
    draft = reports.enter_table2(draft, world.officer, figures, version=draft.version)
    report = compute.draft_report(draft, published=reports.today())
    rows = compute.decided(compute.findings(report, world.organ), report, [])
    mark = next(r.fingerprint for r in rows if r.finding["code"] == "T2.W003")
    fail_after(mp, reports, "_event", ClockError("意见时间早于创建时间"))
    return Post(
        world.url("reports:decide"),
        {"fingerprint": mark, "decision": "rejected", "reason": "金额属实"},
        world.reviewer,
        back=world.url("reports:check"),
        message="意见时间早于创建时间",
        written=lambda: (_draft_state(draft)(), FindingDecision.objects.count()),
    )


def _reports_import(mp: pytest.MonkeyPatch) -> Post:
    """The files are stored before the job is recorded: a failure there removes them."""
    from django.conf import settings

    world = ReportsWorld.build()
    fail(mp, import_jobs, "_record", ClockError("提交时间早于创建时间"))
    rollup = reverse("reports:rollup", kwargs={"slug": world.office.slug, "year": YEAR})
    waiting = Path(settings.VAR_DIR) / "imports"
    return Post(
        reverse("reports:import", kwargs={"slug": world.office.slug, "year": YEAR}),
        {"files": [SimpleUploadedFile("2025年报.txt", "一、总体情况".encode())]},
        world.supervisor,
        back=rollup,
        message="提交时间早于创建时间",
        written=lambda: (
            ImportJob.objects.count(),
            sorted(str(p) for p in waiting.rglob("*") if p.is_file()),
        ),
    )


def _reports_assign(mp: pytest.MonkeyPatch) -> Post:
    world = ReportsWorld.build()
    row = ImportedReport.objects.create(
        office=world.office,
        year=YEAR,
        source="无名年报.txt",
        size=3,
        sha256="0" * 64,
        content=b"abc",
        data=AnnualReport(organ="", year=YEAR).to_dict(),
    )
    fail(mp, reports, "assign_import", SchemaError("缺少必填字段“year”", path="(根)"))
    return Post(
        reverse("reports:assign", kwargs={"pk": row.pk}),
        {"organ": world.organ.pk},
        world.supervisor,
        back=reverse("reports:imported", kwargs={"pk": row.pk}),
        message="(根)：缺少必填字段“year”",
        written=lambda: ImportedReport.objects.values_list("organ_id", "matched_by").get(pk=row.pk),
    )


def _team() -> Team:
    return Team.for_organ(OrganFactory(name="测试区发展和改革局", short_name="区发改局"))


ITEM_FORM = {
    "title": "关于公布2025年部门预算的通知",
    "written_on": "2026-02-01",
    "category": "budget",
    "kind": "other",
    "disclosure_term": "长期公开",
    "body": "<p>现予公开。</p>",
}


def _item_state(item: Item) -> Callable[[], object]:
    def snapshot() -> object:
        row = Item.objects.get(pk=item.pk)
        return (
            row.state,
            row.title,
            Item.objects.count(),
            ItemEvent.objects.count(),
            Attachment.objects.count(),
        )

    return snapshot


def _disclosure_create(mp: pytest.MonkeyPatch) -> Post:
    team = _team()
    fail_after(mp, disclosure, "_event", CalendarNotCovered(2003))
    url = reverse("disclosure:create", kwargs={"slug": team.organ.slug})
    return Post(
        url,
        ITEM_FORM,
        team.officer,
        back=url,
        message=NOT_COVERED,
        written=lambda: (Item.objects.count(), ItemEvent.objects.count()),
    )


def _disclosure_edit(mp: pytest.MonkeyPatch) -> Post:
    team = _team()
    item = make_item(team)
    fail_after(mp, disclosure, "_set_links", ClockError("变更日期早于成文日期"))
    url = reverse("disclosure:edit", kwargs={"pk": item.pk})
    return Post(
        url,
        {**ITEM_FORM, "title": "改过的标题"},
        team.officer,
        back=url,
        message="变更日期早于成文日期",
        written=_item_state(item),
    )


def _disclosure_action(mp: pytest.MonkeyPatch) -> Post:
    team = _team()
    item = make_item(team)
    fail_after(mp, disclosure, "_event", CalendarNotCovered(2003))
    return Post(
        reverse("disclosure:action", kwargs={"pk": item.pk}),
        {"event": "submit", "comment": ""},
        team.officer,
        back=reverse("disclosure:detail", kwargs={"pk": item.pk}),
        message=NOT_COVERED,
        written=_item_state(item),
    )


def _disclosure_attach(mp: pytest.MonkeyPatch) -> Post:
    """A real refusal: nothing is patched."""
    team = _team()
    item = make_item(team)
    expected = str(_raised(lambda: content.check_upload("通知.exe", b"MZ\x90\x00")))
    return Post(
        reverse("disclosure:attach", kwargs={"pk": item.pk}),
        {"file": SimpleUploadedFile("通知.exe", b"MZ\x90\x00")},
        team.officer,
        back=reverse("disclosure:detail", kwargs={"pk": item.pk}),
        message=expected,
        written=_item_state(item),
    )


def _disclosure_table2(mp: pytest.MonkeyPatch) -> Post:
    team = _team()
    fail(mp, disclosure, "set_table2_entry", ValidationError("行政许可数量与省平台导出数不一致"))
    url = reverse("disclosure:table2", kwargs={"slug": team.organ.slug, "year": YEAR})
    return Post(
        url,
        {"licensing": "12", "source": "省行政执法监管平台导出，2026-01-10"},
        team.officer,
        back=url,
        message="行政许可数量与省平台导出数不一致",
        written=lambda: Table2Entry.objects.count(),
    )


PAGES: dict[str, Callable[[pytest.MonkeyPatch], Post]] = {
    "applications:register": _register,
    "applications:assign": _bulk_assign,
    "applications:print": _bulk_print,
    "applications:act": _act,
    "applications:repeat": _repeat,
    "applications:act (from a page with a query)": _act_with_referer,
    "applications:appeal": _appeal,
    "applications:decide_appeal": _decide_appeal,
    "reports:start": _reports_start,
    "reports:save": _reports_save,
    "reports:act (finalize)": _reports_finalize,
    "reports:act (publish)": _reports_publish,
    "reports:table2": _reports_table2,
    "reports:decide": _reports_decide,
    "reports:import": _reports_import,
    "reports:assign": _reports_assign,
    "disclosure:create": _disclosure_create,
    "disclosure:edit": _disclosure_edit,
    "disclosure:action": _disclosure_action,
    "disclosure:attach": _disclosure_attach,
    "disclosure:table2": _disclosure_table2,
}
NO_WRITES = {
    "applications:queue",
    "applications:supervise",
    "applications:stats",
    "applications:stats_appeal_cell",
    "applications:stats_cell",
    "applications:detail",
    "applications:letter",
    "applications:notice_document",
    "applications:file",
    "applications:ledger",
    "applications:ledger_xlsx",
    "applications:ledger_csv",
    "reports:index",
    "reports:rollup",
    "reports:imported",
    "reports:import_job",
    "reports:workspace",
    "reports:check",
    "reports:confirm_publish",
    "reports:matrix_xlsx",
    "reports:sum_download",
    "reports:download",
    "disclosure:list",
    "disclosure:detail",
    "disclosure:timeliness",
    "disclosure:preview",
}
"""Pages that only read (a failing GET is tested below, once per shell); the body
preview is a POST that renders and writes nothing."""
NO_DOMAIN_SERVICE = {"disclosure:guide_edit"}
"""Saves a plain model form; no service that raises a domain error."""
WALKED_NAMESPACES = ("applications", "reports", "disclosure")


def _routes(patterns: list[Any], namespace: str = "") -> Iterator[tuple[str, Any]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, entry.namespace or namespace)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}:{entry.name}", entry.callback)


ROUTES = list(_routes(get_resolver().url_patterns))


def test_the_walk_covers_every_page_of_the_walked_apps() -> None:
    """A page added to these apps must be walked (or said to only read)."""
    names = {name for name, _ in ROUTES if name.split(":")[0] in WALKED_NAMESPACES}
    walked = {key.split(" ")[0] for key in PAGES}
    assert names - walked - NO_WRITES - NO_DOMAIN_SERVICE == set()
    assert (walked | NO_WRITES | NO_DOMAIN_SERVICE) - names == set()


@pytest.mark.parametrize("name", list(PAGES))
def test_a_refused_post_is_a_message_on_the_page_the_user_came_from(
    name: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = PAGES[name](monkeypatch)
    before = post.written()
    client.force_login(post.user)
    headers = {"HTTP_REFERER": f"http://testserver{post.referer}"} if post.referer else {}
    response = client.post(post.url, post.data, **headers)
    assert response.status_code == 302, response.content.decode()[:500]
    assert response["Location"] == post.back
    shown = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert len(shown) == 1 and shown[0][0] == "error"
    assert shown[0][1].startswith(post.message)
    assert post.written() == before
    page = client.get(post.back)
    assert page.status_code == 200
    assert post.message in page.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")


# ------------------------------------------------------------------ GET: the error page


def test_a_failing_office_page_is_an_error_page_in_the_office_shell(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = ReportsWorld.build()
    world.draft()
    fail(monkeypatch, compute, "findings", CalendarNotCovered(2003))
    client.force_login(world.officer)
    response = client.get(world.url("reports:check"))
    assert response.status_code == 409
    html = response.content.decode()
    assert '<body class="office">' in html
    assert f'<p id="domain-error" data-code="calendar_not_covered">{NOT_COVERED}</p>' in html
    assert "暂时无法完成此操作" in html


def test_a_failing_public_page_is_an_error_page_in_the_portal_shell(client: Client) -> None:
    """A published report whose stored JSON was damaged: a 422 with the reason, not a 500."""
    organ = OrganFactory(name="测试区甲局", short_name="甲局")
    AnnualReportDraft.objects.create(
        organ=organ,
        year=YEAR,
        status=Status.PUBLISHED,
        published_on=TODAY,
        snapshot={"schema": "annual-report/1", "organ": "测试区甲局"},
    )
    response = client.get(
        reverse("reports_public:report", kwargs={"slug": organ.slug, "year": YEAR})
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert '<body class="portal">' in html
    assert "(根)：缺少必填字段“year”" in html.replace("&ldquo;", "“").replace("&rdquo;", "”")


# ------------------------------------------------------------------ the API


@dataclass
class Call:
    url: str
    body: dict[str, Any]
    user: Any
    written: Callable[[], object]


def _api_intake(mp: pytest.MonkeyPatch) -> Call:
    cache.clear()  # the public form's per-address limit
    staff = Staff()
    fail_after(mp, applications, "_write", CalendarNotCovered(2003))
    return Call(
        "/api/applications",
        {**APPLICANT, "organ": staff.organ.slug},
        None,
        lambda: (
            Application.objects.count(),
            CaseEvent.objects.count(),
            NumberSequence.objects.count(),
        ),
    )


def _api_act(mp: pytest.MonkeyPatch, error: Exception | None = None) -> Call:
    staff = Staff()
    case = make_case(staff)
    fail_after(mp, applications, "_write", error or CalendarNotCovered(2003))
    return Call(
        f"/api/applications/{case.number}/actions/open_consultation",
        {
            "version": case.version,
            "reason": "涉及第三方",
            "data": {"party": "third_party", "name": "某公司"},
        },
        staff.officer,
        _case_events(case),
    )


def _api_withdraw(mp: pytest.MonkeyPatch) -> Call:
    staff = Staff()
    case, token = applications.register(
        staff.organ, dict(APPLICANT), staff.officer, channel="letter", received_on=TODAY
    )
    fail_after(mp, applications, "_write", CalendarNotCovered(2003))
    return Call(
        f"/api/applications/{case.number}/withdraw?token={token}",
        {"reason": "不再需要"},
        None,
        _case_events(case),
    )


API_CALLS: dict[str, Callable[[pytest.MonkeyPatch], Call]] = {
    "gongkai.applications.api.intake": _api_intake,
    "gongkai.applications.api.act": _api_act,
    "gongkai.applications.api.withdraw": _api_withdraw,
}


def _api_writes() -> set[str]:
    """Every API operation that answers a method other than GET, by view function."""
    found = set()
    for name, callback in ROUTES:
        if not name.startswith("api:"):
            continue
        try:
            path_view = inspect.getclosurevars(callback).nonlocals["self"]
        except (TypeError, KeyError):  # the docs pages
            continue
        for operation in path_view.operations:
            if set(operation.methods) - {"GET", "HEAD"}:
                func = operation.view_func
                found.add(f"{func.__module__}.{func.__name__}")
    return found


def test_the_walk_covers_every_api_operation_that_writes() -> None:
    assert _api_writes() == set(API_CALLS)


@pytest.mark.parametrize("name", list(API_CALLS))
def test_an_api_operation_answers_a_domain_error_as_json_and_writes_nothing(
    name: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = API_CALLS[name](monkeypatch)
    before = call.written()
    if call.user is not None:
        client.force_login(call.user)
    response = client.post(call.url, call.body, content_type="application/json")
    assert response.status_code == 409, response.content.decode()
    assert response.json() == {"detail": NOT_COVERED, "code": "calendar_not_covered"}
    assert call.written() == before


@pytest.mark.parametrize(
    ("error", "status", "code", "detail"),
    [
        (
            ClockError("补正材料收到日期早于补正通知日期"),
            409,
            "clock",
            "补正材料收到日期早于补正通知日期",
        ),
        (ValidationError("审结日期早于提起日期"), 422, "invalid", "审结日期早于提起日期"),
        (ParseError("无法读取", source="附件.docx"), 422, "parse", "附件.docx 无法读取"),
        (
            content.UploadRefused("附件“a.exe”不允许上传，未保存"),
            422,
            "upload_refused",
            "附件“a.exe”不允许上传，未保存",
        ),
        (
            disclosure.DisclosureError("只能为草稿添加附件", code="not_draft"),
            409,
            "not_draft",
            "只能为草稿添加附件",
        ),
    ],
    ids=["clock", "validation", "parse", "upload", "transition"],
)
def test_the_api_shape_for_each_kind_of_error(
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    status: int,
    code: str,
    detail: str,
) -> None:
    call = _api_act(monkeypatch, error)
    before = call.written()
    client.force_login(call.user)
    response = client.post(call.url, call.body, content_type="application/json")
    assert (response.status_code, response.json()) == (status, {"detail": detail, "code": code})
    assert call.written() == before


def test_a_read_only_api_operation_answers_a_calendar_gap_as_409(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = ReportsWorld.build()
    world.draft()
    fail(monkeypatch, compute, "draft_report", CalendarNotCovered(2003))
    client.force_login(world.officer)
    response = client.get(f"/api/reports/{world.organ.slug}/{YEAR}/draft")
    assert (response.status_code, response.json()) == (
        409,
        {"detail": NOT_COVERED, "code": "calendar_not_covered"},
    )


def test_casework_input_errors_keep_their_400() -> None:
    """``applications.InvalidInput`` carries its own status, 400, which the casework API
    documents and its clients expect (``/api/applications/…/actions/…``)."""
    assert describe(casework.InvalidInput("延长期限应为1至20个工作日")) == DomainFailure(
        400, "invalid_input", "延长期限应为1至20个工作日"
    )
