"""``gongkai deadlines …``: working days and statutory deadlines on the command line.

The commands read no system clock either: ``--today`` is optional and only adds the
"days used / left" line. A year whose holiday notice is not in the shipped table is
computed provisionally from the statutory days off, with a warning on standard error;
``--strict`` refuses it instead. Exit codes: 0 done, 1 the calendar does not cover a year
(with ``--strict``, or outside the provisional range) or the events are inconsistent,
2 wrong usage.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from ..deadlines import (
    Channel,
    ClockEvent,
    DeadlineError,
    ExtensionApproved,
    PauseEnded,
    PauseKind,
    PauseStarted,
    Received,
    WorkCalendar,
    compute,
    provisional_warning,
)

app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None)


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"日期应为 YYYY-MM-DD，读到 {text!r}", param_hint=option) from None


def _pause(text: str) -> tuple[date, date, PauseKind]:
    parts = text.split(":")
    if len(parts) not in (2, 3):
        raise typer.BadParameter(
            f"应为 开始:结束[:种类]，如 2024-10-08:2024-10-15，读到 {text!r}", param_hint="--pause"
        )
    start, end = _date(parts[0], "--pause"), _date(parts[1], "--pause")
    if end < start:
        raise typer.BadParameter(f"结束日期早于开始日期：{text}", param_hint="--pause")
    try:
        kind = PauseKind(parts[2]) if len(parts) == 3 else PauseKind.THIRD_PARTY
    except ValueError:
        kinds = "、".join(k.value for k in PauseKind)
        raise typer.BadParameter(
            f"种类应为 {kinds} 之一，读到 {parts[2]!r}", param_hint="--pause"
        ) from None
    return start, end, kind


STRICT_HELP = "只用已录入的放假安排通知：未录入通知的年份报错（退出码1），不按法定节假日暂定计算。"


def _warn_provisional(years: tuple[int, ...]) -> None:
    if years:
        typer.echo(f"警告：{provisional_warning(years)}", err=True)


def _fail(exc: DeadlineError) -> typer.Exit:
    typer.echo(f"错误：{exc}", err=True)
    return typer.Exit(1)


@app.command("due")
def due_command(
    received: Annotated[str, typer.Option("--received", help="收到申请之日，YYYY-MM-DD。")],
    extend: Annotated[
        int, typer.Option("--extend", min=0, max=20, help="经批准延长的工作日数（0–20）。")
    ] = 0,
    pause: Annotated[
        list[str] | None,
        typer.Option(
            "--pause",
            help="暂停计算的期间 开始:结束[:种类]，种类为 third_party（默认）、other_organ、"
            "fee_notice；不计入的是开始日之后至结束日（含）的工作日。可重复。",
        ),
    ] = None,
    channel: Annotated[
        Channel, typer.Option("--channel", help="申请渠道，决定收到日的认定。")
    ] = Channel.IN_PERSON,
    today: Annotated[
        str | None, typer.Option("--today", help="计算已用、剩余工作日所依据的“今天”。")
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="逐行说明期限是怎样算出来的。")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help=STRICT_HELP)] = False,
) -> None:
    """答复期限：第一行打印截止日期（ISO），--explain 时其后打印计算过程。"""
    start = _date(received, "--received")
    events: list[ClockEvent] = [Received(start, channel)]
    for text in pause or []:
        begin, end, kind = _pause(text)
        events += [PauseStarted(begin, kind), PauseEnded(end, kind)]
    if extend:
        events.append(ExtensionApproved(start, extend))
    on = _date(today, "--today") if today else None
    try:
        state = compute(events, WorkCalendar.from_shipped(strict=strict), today=on)
    except DeadlineError as exc:
        raise _fail(exc) from None
    assert state.final_due is not None
    typer.echo(state.final_due.isoformat())
    if not explain:
        _warn_provisional(state.provisional_years)
    if explain:
        for line in state.explanation:
            typer.echo(line)


@app.command("workdays")
def workdays_command(
    start: Annotated[str, typer.Argument(metavar="FROM", help="起始日期（不计入）。")],
    end: Annotated[str, typer.Argument(metavar="TO", help="截止日期（计入）。")],
    strict: Annotated[bool, typer.Option("--strict", help=STRICT_HELP)] = False,
) -> None:
    """计算 FROM 之后至 TO（含）之间的工作日数。"""
    first, last = _date(start, "FROM"), _date(end, "TO")
    calendar = WorkCalendar.from_shipped(strict=strict)
    try:
        typer.echo(str(calendar.count_workdays(first, last)))
    except DeadlineError as exc:
        raise _fail(exc) from None
    low, high = sorted((first.year, last.year))
    _warn_provisional(tuple(y for y in range(low, high + 1) if calendar.is_provisional(y)))


@app.command("day")
def day_command(
    when: Annotated[str, typer.Argument(metavar="DATE", help="日期，YYYY-MM-DD。")],
    strict: Annotated[bool, typer.Option("--strict", help=STRICT_HELP)] = False,
) -> None:
    """说明某一天是否为工作日，以及依据。"""
    try:
        typer.echo(WorkCalendar.from_shipped(strict=strict).day(_date(when, "DATE")).describe())
    except DeadlineError as exc:
        raise _fail(exc) from None


@app.command("years")
def years_command() -> None:
    """列出随软件发布的节假日年表覆盖的年份及其依据。"""
    for notice in WorkCalendar.from_shipped().notices:
        typer.echo(f"{notice.year}  {notice.source}")
