"""The workflow engine (``gongkai.workflow``): refusals, the check of a table, rendering;
and every workflow table of the platform is sound and drawn in docs/workflows.md."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from gongkai.applications import workflow as applications
from gongkai.disclosure import workflow as disclosure
from gongkai.interaction import consultation_workflow as consultations
from gongkai.interaction import workflow as interaction
from gongkai.reports import workflow as reports
from gongkai.supervision import workflow as supervision
from gongkai.workflow import (
    GuardFailed,
    Transition,
    TransitionError,
    UnknownEvent,
    Workflow,
    WorkflowDefinitionError,
    WrongRole,
    WrongState,
)

ROOT = Path(__file__).resolve().parent.parent

STATES = {"new": "新建", "open": "办理中", "done": "已办结", "dropped": "已撤回"}
EVENTS = {"start": "开始办理", "note": "记录", "finish": "办结", "drop": "撤回"}
ROLES = {"clerk": "经办人", "head": "负责人"}


def _lamp(transitions: tuple[Transition, ...] | None = None, **kw: Any) -> Workflow[Transition]:
    table = transitions or (
        Transition(("new",), "start", "open", frozenset({"clerk"})),
        Transition(("open",), "note", None, frozenset({"clerk", "head"})),
        Transition(("open",), "finish", "done", frozenset({"head"}), condition="signed"),
        Transition(("new", "open"), "drop", "dropped", frozenset({"clerk"}), needs_reason=True),
    )
    return Workflow(
        name="测试流程",
        states=STATES,
        initial="new",
        terminal={"done", "dropped"},
        events=EVENTS,
        roles=ROLES,
        transitions=table,
        guards={"signed": "已签字"},
        checks=kw.pop(
            "checks", {"signed": lambda context: bool(context and context.get("signed"))}
        ),
        **kw,
    )


def test_fire_returns_the_new_state_and_keeps_it_for_an_event_without_target() -> None:
    flow = _lamp()
    assert flow.fire("new", "start", "clerk") == "open"
    assert flow.fire("open", "note", ["head"]) == "open"
    assert flow.fire("open", "finish", {"head", "clerk"}, {"signed": True}) == "done"


def test_an_event_the_state_does_not_allow_is_refused_naming_both() -> None:
    with pytest.raises(WrongState) as err:
        _lamp().fire("done", "start", "clerk")
    assert err.value.message == "当前状态“已办结”下不能执行“开始办理”"
    assert err.value.code == "wrong_state"
    assert isinstance(err.value, TransitionError)


def test_a_role_that_may_not_fire_the_event_is_refused_naming_who_may() -> None:
    with pytest.raises(WrongRole) as err:
        _lamp().fire("open", "finish", "clerk", {"signed": True})
    assert err.value.message == "“办结”需要以下角色之一：负责人"
    assert err.value.code == "wrong_role"


def test_the_refusal_messages_are_the_workflows_own() -> None:
    flow = _lamp(
        wrong_state="状态为“{state}”的案件不能执行“{event}”", wrong_role="“{event}”需要{roles}"
    )
    with pytest.raises(WrongState, match=r"^状态为“新建”的案件不能执行“办结”$"):
        flow.fire("new", "finish", "head")
    with pytest.raises(WrongRole, match=r"^“开始办理”需要经办人$"):
        flow.fire("new", "start", "head")


def test_an_unknown_event_is_refused() -> None:
    with pytest.raises(UnknownEvent, match=r"^未知的操作“fly”$") as err:
        _lamp().fire("new", "fly", "clerk")
    assert err.value.code == "unknown_event"


def test_a_guard_the_engine_checks_refuses_with_the_condition() -> None:
    flow = _lamp()
    with pytest.raises(GuardFailed, match=r"^“办结”的条件不满足：已签字$") as err:
        flow.fire("open", "finish", "head", {"signed": False})
    assert err.value.code == "guard"
    with pytest.raises(GuardFailed):
        flow.fire("open", "finish", "head")


def test_allowed_lists_what_a_role_may_do_in_table_order() -> None:
    flow = _lamp()
    assert [t.event for t in flow.allowed("open", "clerk")] == ["note", "drop"]
    assert [t.event for t in flow.allowed("open", ["head"])] == ["note", "finish"]
    assert flow.allowed("done", ["clerk", "head"]) == ()


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        (
            (
                Transition(("new",), "start", "open", frozenset({"clerk"})),
                Transition(("open",), "finish", "done", frozenset({"head"})),
            ),
            "状态“已撤回”无法从“新建”到达",
        ),
        (
            (
                Transition(("new",), "start", "open", frozenset({"clerk"})),
                Transition(("new",), "drop", "dropped", frozenset({"clerk"})),
                Transition(("open",), "note", None, frozenset({"clerk"})),
                Transition(("new",), "finish", "done", frozenset({"head"})),
            ),
            "状态“办理中”不是终止状态，却没有通往其他状态的操作",
        ),
        (
            (
                Transition(("new",), "start", "open", frozenset({"clerk"})),
                Transition(("open", "done"), "drop", "dropped", frozenset({"clerk"})),
                Transition(("open",), "finish", "done", frozenset({"head"})),
            ),
            "终止状态“已办结”不应有后续操作“撤回”",
        ),
        (
            (
                Transition(("new",), "start", "open", frozenset({"clerk"})),
                Transition(("open",), "finish", "limbo", frozenset({"head"})),
                Transition(("open",), "drop", "dropped", frozenset({"clerk"})),
            ),
            "操作“finish”引用了未知状态“limbo”",
        ),
        (
            (
                Transition(("new",), "start", "open", frozenset({"janitor"})),
                Transition(("open",), "finish", "done", frozenset({"head"})),
                Transition(("open",), "drop", "dropped", frozenset()),
            ),
            "操作“start”引用了未知角色“janitor”",
        ),
        (
            (
                Transition(("new",), "start", "open", frozenset({"clerk"})),
                Transition(("new",), "start", "done", frozenset({"clerk"})),
                Transition(("open",), "fly", "dropped", frozenset({"clerk"}), condition="wind"),
            ),
            "流程表重复定义：状态“新建”下的操作“start”",
        ),
    ],
)
def test_a_broken_table_is_refused_when_it_is_defined(
    table: tuple[Transition, ...], problem: str
) -> None:
    with pytest.raises(WorkflowDefinitionError) as err:
        _lamp(table)
    assert str(err.value).startswith("流程“测试流程”定义有误：")
    assert problem in str(err.value).split("：", 1)[1].split("；")
    assert problem in _lamp(table, validate=False).problems()


def test_checks_bound_later_are_evaluated_and_may_give_their_own_reason() -> None:
    """A table defined without its app's data gets its checks where the app binds them;
    a check may refuse with its own words."""

    class NotSigned(Exception):
        pass

    def signed(context: Any) -> bool:
        if not context["signed"]:
            raise NotSigned(f"请先由{context['who']}签字")
        return True

    bare = _lamp(checks=None)
    assert bare.unchecked() == ["signed"]
    assert bare.fire("open", "finish", "head", {"signed": False}) == "done"
    bound = bare.with_checks({"signed": signed})
    assert bound.unchecked() == []
    assert bound.fire("open", "finish", "head", {"signed": True, "who": "负责人"}) == "done"
    with pytest.raises(NotSigned, match="请先由负责人签字"):
        bound.fire("open", "finish", "head", {"signed": False, "who": "负责人"})
    assert bound.render_markdown() == bare.render_markdown()


def test_every_condition_of_the_tables_with_conditions_is_evaluated() -> None:
    """No named condition of these tables is left to a caller to remember."""
    from gongkai.applications import guards
    from gongkai.reports import services as report_services

    assert guards.WORKFLOW.unchecked() == []
    assert guards.WORKFLOW.transitions == applications.WORKFLOW.transitions
    assert report_services.WORKFLOW.unchecked() == []
    from gongkai.disclosure import services as disclosure_services

    assert disclosure_services.WORKFLOW.unchecked() == []


def test_every_problem_of_a_table_is_listed_not_only_the_first() -> None:
    table = (
        Transition(("new",), "start", "open", frozenset({"janitor"})),
        Transition(("open",), "drop", "dropped", frozenset()),
        Transition(("open",), "fly", "done", frozenset({"clerk"}), condition="wind"),
    )
    assert _lamp(table, validate=False).problems() == [
        "操作“start”引用了未知角色“janitor”",
        "操作“drop”没有任何角色可以执行",
        "操作“fly”没有名称（事件表中没有这个操作）",
        "操作“fly”引用了未定义的条件“wind”",
    ]


def test_render_markdown_draws_one_row_per_state_and_event() -> None:
    assert _lamp().render_markdown() == (
        "## 测试流程\n"
        "\n"
        "初始状态：新建。终止状态：已办结、已撤回。\n"
        "\n"
        "| 状态 | 事件 | 新状态 | 可执行的角色 | 条件 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 新建 | 开始办理 | 办理中 | 经办人 |  |\n"
        "| 新建 | 撤回 | 已撤回 | 经办人 | 须填写理由 |\n"
        "| 办理中 | 记录 | （不变） | 经办人、负责人 |  |\n"
        "| 办理中 | 办结 | 已办结 | 负责人 | 已签字 |\n"
        "| 办理中 | 撤回 | 已撤回 | 经办人 | 须填写理由 |\n"
    )


# ---------------------------------------------------------------------- the platform's tables

TABLES = {
    "applications": applications.WORKFLOW,
    "disclosure": disclosure.WORKFLOW,
    "interaction": interaction.WORKFLOW,
    "consultations": consultations.WORKFLOW,
    "reports": reports.WORKFLOW,
    "supervision": supervision.WORKFLOW,
}
TABLES_MODULES = {
    name: "gongkai.interaction.consultation_workflow"
    if name == "consultations"
    else f"gongkai.{name}.workflow"
    for name in TABLES
}
TERMINAL = {
    "applications": {"withdrawn", "merged"},
    "disclosure": {"superseded", "withdrawn", "repealed", "expired"},
    "interaction": {"replied", "transferred", "converted"},
    "consultations": {"concluded"},
    "reports": {"published"},
    "supervision": {"rejected"},
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_table_is_sound_with_its_end_states(name: str) -> None:
    flow = TABLES[name]
    assert flow.problems() == []
    assert flow.terminal == TERMINAL[name]
    for state in flow.states:
        assert bool(flow.leaving(state)) is (state not in flow.terminal), state


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_table_modules_import_no_django(name: str) -> None:
    path = Path(sys.modules[TABLES_MODULES[name]].__file__ or "")
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            for imported in names:
                assert imported and not imported.startswith("django"), f"{path}: {imported}"
                if imported.startswith("gongkai."):
                    assert imported.startswith("gongkai.workflow"), f"{path}: {imported}"


def test_the_reports_table_knows_every_status_and_event_kind_of_the_models() -> None:
    from gongkai.reports.models import EventKind, Status

    assert dict(Status.choices) == reports.STATE_LABELS
    assert {k: v for k, v in EventKind.choices if k != "created"} == reports.EVENT_LABELS


def test_the_problems_table_knows_every_state_and_event_of_the_models() -> None:
    from gongkai.supervision.models import ProblemEvent, ProblemState

    assert dict(ProblemState.choices) == supervision.STATE_LABELS
    for event, label in supervision.EVENT_LABELS.items():
        assert ProblemEvent.LABELS[event] == label


def test_a_report_status_is_only_ever_set_through_the_table() -> None:
    """Every ``….status = …`` in reports/services.py is ``_fire(…)``, and ``_fire`` is the
    engine's ``fire``."""
    tree = ast.parse((ROOT / "src/gongkai/reports/services.py").read_text("utf-8"))
    assigned = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Attribute) and t.attr == "status" for t in node.targets)
    ]
    assert len(assigned) == 6
    for value in assigned:
        assert isinstance(value, ast.Call) and ast.unparse(value.func) == "_fire", ast.unparse(
            value
        )


def test_the_reports_table_refuses_what_the_services_refused() -> None:
    flow = reports.WORKFLOW
    assert flow.fire("draft", "finalized", "reviewer") == "final"
    assert flow.fire("final", "edited", "staff") == "draft"
    assert flow.fire("final", "published", "reviewer") == "published"
    with pytest.raises(WrongState):
        flow.fire("final", "finalized", "reviewer")
    with pytest.raises(WrongState):
        flow.fire("draft", "reopened", "staff")
    with pytest.raises(WrongRole):
        flow.fire("draft", "finalized", "staff")
    for event in reports.EVENT_LABELS:
        with pytest.raises(WrongState):
            flow.fire("published", event, ["staff", "reviewer"])


# ---------------------------------------------------------------------- docs/workflows.md


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_workflow_docs", ROOT / "scripts/gen_workflow_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_workflows_is_up_to_date() -> None:
    gen = _generator()
    assert gen.DOC.read_text("utf-8") == gen.render(), (
        "docs/workflows.md 不是最新的：请运行 .venv/bin/python scripts/gen_workflow_docs.py 重新生成"
    )


def test_docs_workflows_draws_every_table() -> None:
    text = (ROOT / "docs/workflows.md").read_text("utf-8")
    for flow in TABLES.values():
        assert flow.render_markdown() in text


def test_check_mode_says_how_to_regenerate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gen = _generator()
    gen.DOC = tmp_path / "workflows.md"
    gen.ROOT = tmp_path
    gen.DOC.write_text("# 旧的\n", "utf-8")
    assert gen.main(["--check"]) == 1
    assert capsys.readouterr().err == (
        "workflows.md 不是最新的：请运行 .venv/bin/python scripts/gen_workflow_docs.py\n"
    )
    assert gen.main([]) == 0
    assert gen.main(["--check"]) == 0
