"""The engine: a ``Workflow`` over a table of transitions.

Exception tree::

    Exception
    ├── WorkflowDefinitionError   the table itself is wrong (raised when it is defined)
    └── TransitionError           a refused event (``message`` in Chinese, ``code``)
        ├── UnknownEvent          code "unknown_event"
        ├── WrongState            code "wrong_state"
        ├── WrongRole             code "wrong_role"
        └── GuardFailed           code "guard"
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

NO_CHANGE = "（不变）"


class StepLike(Protocol):
    """What the engine reads of a transition; apps may keep their own record type (with
    more fields, such as the statutory clock of an application) as long as it has these."""

    @property
    def sources(self) -> tuple[str, ...]: ...

    @property
    def event(self) -> str: ...

    @property
    def target(self) -> str | None:
        """``None``: the state stays as it is."""

    @property
    def roles(self) -> Collection[str]: ...

    @property
    def condition(self) -> str | None:
        """The name of the guard the event needs, if any."""

    @property
    def effect(self) -> str | None: ...

    @property
    def needs_reason(self) -> bool: ...


@dataclass(frozen=True)
class Transition:
    """One row of a table: from any of ``sources`` by ``event`` to ``target``."""

    sources: tuple[str, ...]
    event: str
    target: str | None
    roles: frozenset[str]
    condition: str | None = None
    effect: str | None = None
    needs_reason: bool = False


T = TypeVar("T", bound=StepLike)

Labels = Mapping[Any, str]
"""Key → Chinese label; keys are ``str`` (a ``StrEnum`` member is one, but ``Mapping`` is
invariant in its key type, hence ``Any``)."""


class WorkflowDefinitionError(Exception):
    """The table is inconsistent; the message lists every problem, in Chinese."""


class TransitionError(Exception):
    """A refused event; ``message`` is for the user (Chinese), ``code`` for programs."""

    code_default = "refused"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.code_default


class UnknownEvent(TransitionError):
    code_default = "unknown_event"


class WrongState(TransitionError):
    code_default = "wrong_state"


class WrongRole(TransitionError):
    code_default = "wrong_role"


class GuardFailed(TransitionError):
    code_default = "guard"


def _held(roles: str | Iterable[str]) -> set[str]:
    return {roles} if isinstance(roles, str) else set(roles)


class Workflow(Generic[T]):
    """A workflow defined by its table; checked on creation unless ``validate=False``
    (for looking at the problems of a table on purpose, as the tests do).

    ``wrong_state`` and ``wrong_role`` are the refusal messages, formatted with
    ``{state}``, ``{event}`` (labels) and ``{roles}`` (the labels of the roles that may).
    ``checks`` are the guards the engine evaluates itself, on the ``context`` given to
    ``fire``: a check returns ``False`` (the engine raises ``GuardFailed`` naming the
    condition) or raises an error of its own with a more precise message. A table defined
    without the app's models binds its checks where it may read them (``with_checks``);
    ``unchecked`` lists the conditions that no check evaluates yet.
    """

    def __init__(
        self,
        *,
        name: str,
        states: Labels,
        initial: str,
        terminal: Collection[str],
        events: Labels,
        roles: Labels,
        transitions: Iterable[T],
        guards: Labels | None = None,
        effects: Labels | None = None,
        checks: Mapping[str, Callable[[Any], bool]] | None = None,
        wrong_state: str = "当前状态“{state}”下不能执行“{event}”",
        wrong_role: str = "“{event}”需要以下角色之一：{roles}",
        validate: bool = True,
    ) -> None:
        self.name = name
        self.states: Mapping[str, str] = dict(states)
        self.initial = initial
        self.terminal = frozenset(terminal)
        self.events: Mapping[str, str] = dict(events)
        self.roles: Mapping[str, str] = dict(roles)
        self.transitions: tuple[T, ...] = tuple(transitions)
        self.guards: Mapping[str, str] = dict(guards or {})
        self.effects: Mapping[str, str] = dict(effects or {})
        self.checks: Mapping[str, Callable[[Any], bool]] = dict(checks or {})
        self.wrong_state = wrong_state
        self.wrong_role = wrong_role
        self._table: dict[tuple[str, str], T] = {}
        for t in self.transitions:
            for source in t.sources:
                self._table.setdefault((source, t.event), t)
        if validate:
            self.check()

    # ------------------------------------------------------------------ the table itself

    def problems(self) -> list[str]:
        """Everything wrong with the table (empty when sound), in Chinese."""
        out: list[str] = []
        if self.initial not in self.states:
            out.append(f"初始状态“{self.initial}”不在状态表中")
        for name in self.checks:
            if name not in self.guards:
                out.append(f"条件“{name}”有判断函数，却没有名称")
        seen: set[tuple[str, str]] = set()
        outgoing: dict[str, list[T]] = {s: [] for s in self.states}
        for t in self.transitions:
            label = self.events.get(t.event)
            if label is None:
                out.append(f"操作“{t.event}”没有名称（事件表中没有这个操作）")
            if not t.sources:
                out.append(f"操作“{t.event}”没有起始状态")
            for state in (*t.sources, *(() if t.target is None else (t.target,))):
                if state not in self.states:
                    out.append(f"操作“{t.event}”引用了未知状态“{state}”")
            if not t.roles:
                out.append(f"操作“{t.event}”没有任何角色可以执行")
            for role in sorted(t.roles):
                if role not in self.roles:
                    out.append(f"操作“{t.event}”引用了未知角色“{role}”")
            if t.condition and t.condition not in self.guards:
                out.append(f"操作“{t.event}”引用了未定义的条件“{t.condition}”")
            for source in t.sources:
                if (source, t.event) in seen:
                    out.append(
                        f"流程表重复定义：状态“{self.state_label(source)}”下的操作“{t.event}”"
                    )
                seen.add((source, t.event))
                if source in outgoing:
                    outgoing[source].append(t)
        for state in self.terminal:
            if state not in self.states:
                out.append(f"终止状态“{state}”不在状态表中")
        for state, leaving in outgoing.items():
            if state in self.terminal:
                out.extend(
                    f"终止状态“{self.states[state]}”不应有后续操作“{self.event_label(t.event)}”"
                    for t in leaving
                )
            elif not any(t.target not in (None, state) for t in leaving):
                out.append(f"状态“{self.states[state]}”不是终止状态，却没有通往其他状态的操作")
        reached = {self.initial}
        queue = deque([self.initial])
        while queue:
            for t in outgoing.get(queue.popleft(), []):
                if t.target is not None and t.target not in reached:
                    reached.add(t.target)
                    queue.append(t.target)
        start = self.state_label(self.initial)
        out.extend(
            f"状态“{label}”无法从“{start}”到达"
            for state, label in self.states.items()
            if state not in reached
        )
        return out

    def check(self) -> None:
        """Raise ``WorkflowDefinitionError`` listing every problem of the table."""
        found = self.problems()
        if found:
            raise WorkflowDefinitionError(f"流程“{self.name}”定义有误：" + "；".join(found))

    def with_checks(self, checks: Mapping[str, Callable[[Any], bool]]) -> Workflow[T]:
        """The same table, its conditions evaluated by ``checks`` (added to its own)."""
        return Workflow(
            name=self.name,
            states=self.states,
            initial=self.initial,
            terminal=self.terminal,
            events=self.events,
            roles=self.roles,
            transitions=self.transitions,
            guards=self.guards,
            effects=self.effects,
            checks={**self.checks, **checks},
            wrong_state=self.wrong_state,
            wrong_role=self.wrong_role,
        )

    def unchecked(self) -> list[str]:
        """The conditions transitions name that no check evaluates, in table order."""
        named = (t.condition for t in self.transitions if t.condition)
        return [c for c in dict.fromkeys(named) if c not in self.checks]

    # ------------------------------------------------------------------ labels

    def state_label(self, state: str) -> str:
        return self.states.get(state, state)

    def event_label(self, event: str) -> str:
        return self.events.get(event, event)

    def role_labels(self, roles: Collection[str]) -> list[str]:
        """The labels of ``roles`` in the order of the role table."""
        known = [label for role, label in self.roles.items() if role in roles]
        return known + sorted(r for r in roles if r not in self.roles)

    # ------------------------------------------------------------------ asking and firing

    def transition(self, state: str, event: str) -> T | None:
        """The row for ``event`` from ``state`` (roles and guards not considered)."""
        return self._table.get((state, event))

    def leaving(self, state: str) -> tuple[T, ...]:
        """The transitions from ``state``, in table order."""
        return tuple(t for t in self.transitions if state in t.sources)

    def allowed(self, state: str, roles: str | Iterable[str]) -> tuple[T, ...]:
        """The transitions from ``state`` one of ``roles`` may fire (guards not evaluated)."""
        held = _held(roles)
        return tuple(t for t in self.leaving(state) if held.intersection(t.roles))

    def transition_for(
        self, state: str, event: str, roles: str | Iterable[str], context: Any = None
    ) -> T:
        """The transition ``fire`` would take, or the ``TransitionError`` it would raise."""
        found = self.transition(state, event)
        if found is None:
            if event not in self.events and all(t.event != event for t in self.transitions):
                raise UnknownEvent(f"未知的操作“{event}”")
            raise WrongState(
                self.wrong_state.format(
                    state=self.state_label(state), event=self.event_label(event)
                )
            )
        if not _held(roles).intersection(found.roles):
            raise WrongRole(
                self.wrong_role.format(
                    event=self.event_label(event), roles="、".join(self.role_labels(found.roles))
                )
            )
        check = self.checks.get(found.condition) if found.condition else None
        if check is not None and not check(context):
            guard = self.guards[found.condition] if found.condition else ""
            raise GuardFailed(f"“{self.event_label(event)}”的条件不满足：{guard}")
        return found

    def fire(self, state: str, event: str, roles: str | Iterable[str], context: Any = None) -> str:
        """The state after ``event`` from ``state`` fired by one of ``roles``."""
        found = self.transition_for(state, event, roles, context)
        return state if found.target is None else found.target

    # ------------------------------------------------------------------ documentation

    def render_markdown(self, level: int = 2) -> str:
        """The table as Markdown: a heading, the start and end states, one row per
        (state, event), then what the named effects do."""
        terminal = "、".join(self.states[s] for s in self.states if s in self.terminal)
        lines = [
            f"{'#' * level} {self.name}",
            "",
            f"初始状态：{self.state_label(self.initial)}。终止状态：{terminal or '无'}。",
            "",
            "| 状态 | 事件 | 新状态 | 可执行的角色 | 条件 |",
            "| --- | --- | --- | --- | --- |",
        ]
        for state in self.states:
            for t in self.leaving(state):
                target = NO_CHANGE if t.target is None else self.state_label(t.target)
                conditions = [self.guards[t.condition]] if t.condition else []
                if t.needs_reason:
                    conditions.append("须填写理由")
                cells = (
                    self.state_label(state),
                    self.event_label(t.event),
                    target,
                    "、".join(self.role_labels(t.roles)),
                    "；".join(conditions),
                )
                lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        used = [e for e in self.effects if any(t.effect == e for t in self.transitions)]
        if used:
            lines += ["", "效果："]
            for effect in used:
                events = "、".join(
                    dict.fromkeys(
                        self.event_label(t.event) for t in self.transitions if t.effect == effect
                    )
                )
                lines.append(f"- {events}：{self.effects[effect]}")
        return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
