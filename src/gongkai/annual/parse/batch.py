"""Parsing many files: paths and directories in, one result per file out, in order.

A bad file never stops the batch: a document that cannot be read becomes a report whose
only diagnostic says why, and the batch goes on. Work is spread over ``jobs`` processes
(``workers``); a file still running after ``timeout`` seconds is abandoned with a
``TIMEOUT`` diagnostic and its process replaced, and a file whose parse needs more than
``max_memory`` bytes gets a ``MEMORY_LIMIT`` diagnostic (its process is replaced too).
Each parsed report is also checked (``annual.check``) so the summary can count error
findings by rule.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Final, Literal, Protocol

from ..model import AnnualReport
from . import parse_bytes, unreadable_report
from .files import is_url, list_url, read_regular, read_url
from .names import shown_name
from .unreadable import UnreadableDocument
from .workers import Crew, run_in_workers

MB: Final = 1024 * 1024

UNREADABLE_CODES = frozenset(
    {
        "EMPTY_FILE",
        "BINARY_FILE",
        "UNSUPPORTED_FORMAT",
        "DOCX_DAMAGED",
        "PDF_DAMAGED",
        "ENCRYPTED",
        "FILE_NOT_FOUND",
        "FILE_UNREADABLE",
        "PDF_NO_TEXT",
        "READER_ERROR",
        "DAMAGED",
        "TOO_LARGE",
        "NOT_A_FILE",
        "LINK_OUTSIDE",
        "TIMEOUT",
        "MEMORY_LIMIT",
    }
)
"""Diagnostics that mean nothing at all could be read from the file."""

DEFAULT_TIMEOUT: Final = 30.0
"""Seconds of wall time a file of a batch may take (read, recognise, check): an annual
report takes well under one, so a file still running after 30 is hostile or broken."""

MAX_MEMORY_CEILING: Final = 2048 * MB
"""The most memory ``default_max_memory`` gives a worker: an annual report is parsed in
a few tens of MB, the largest file a batch reads (256 MB) in well under 1 GB, so a parse
past 2 GB is a hostile file (spans or zip members expanding a thousandfold)."""

MAX_MEMORY_FLOOR: Final = 256 * MB
"""The least: a small machine with many workers still parses ordinary reports."""

MemoryLimit = int | Literal["auto"] | None
"""Bytes of memory a worker may take for one file beyond what it starts with; ``"auto"``:
``default_max_memory`` for the machine and the number of workers; ``None``: no cap."""


def machine_memory() -> int | None:
    """Bytes of memory this machine (or the container's cgroup, when less) has, if known."""
    try:
        found: int | None = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not POSIX
        found = None
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text(encoding="ascii").strip()
    except OSError:
        return found
    if limit.isdigit() and (found is None or int(limit) < found):
        return int(limit)
    return found


def default_max_memory(jobs: int, memory: int | None = None) -> int:
    """Memory per worker when none is given: three quarters of the machine's ``memory``
    (default: ``machine_memory()``) shared by ``jobs`` workers, at least
    ``MAX_MEMORY_FLOOR`` and at most ``MAX_MEMORY_CEILING``, in whole MB."""
    total = memory if memory is not None else machine_memory()
    if total is None:
        return MAX_MEMORY_CEILING
    share = total * 3 // 4 // max(1, jobs)
    return max(MAX_MEMORY_FLOOR, min(MAX_MEMORY_CEILING, share)) // MB * MB


def resolve_max_memory(max_memory: MemoryLimit, jobs: int) -> int | None:
    """``max_memory`` in bytes (``"auto"`` worked out for ``jobs`` workers)."""
    return default_max_memory(jobs) if max_memory == "auto" else max_memory


class Status(StrEnum):
    FULL = "full"
    """Every table found and read with certainty, no warning."""
    PARTIAL = "partial"
    """Something was read, with diagnostics (a table or row missing, an ambiguous cell …)."""
    FAILED = "failed"
    """Read, but no table of the form found in it (not a report, or a page without one)."""
    UNREADABLE = "unreadable"
    """The file could not be read at all (empty, binary, damaged, encrypted, scanned)."""


STATUS_LABELS = {
    Status.FULL: "完整解析",
    Status.PARTIAL: "部分解析",
    Status.FAILED: "未找到年报表格",
    Status.UNREADABLE: "无法读取",
}


@dataclass(frozen=True)
class FileResult:
    path: str
    report: AnnualReport
    status: Status
    errors: tuple[str, ...] = ()
    """Codes of the checker's error findings on this report."""


@dataclass
class Summary:
    counts: Counter[Status] = field(default_factory=Counter)
    errors_by_rule: Counter[str] = field(default_factory=Counter)
    files: int = 0
    seconds: float = 0.0

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.counts[result.status] += 1
        self.errors_by_rule.update(result.errors)

    @property
    def any_unreadable(self) -> bool:
        return self.counts[Status.UNREADABLE] > 0

    def lines(self) -> list[str]:
        """The summary as a user reads it (Chinese)."""
        rate = self.files / self.seconds if self.seconds else 0.0
        out = [
            f"共 {self.files} 个文件，用时 {self.seconds:.1f} 秒（每秒 {rate:.1f} 个）",
            "；".join(f"{STATUS_LABELS[s]} {self.counts[s]}" for s in Status),
        ]
        if self.errors_by_rule:
            out.append("核查发现的错误（按规则）：")
            out.extend(
                f"  {code}  {count}"
                for code, count in sorted(self.errors_by_rule.items(), key=lambda i: (-i[1], i[0]))
            )
        else:
            out.append("核查未发现错误")
        return out


def collect_paths(paths: Iterable[str | Path]) -> list[str | Path]:
    """The files named, and every file under the directories named (recursively, sorted;
    an ``s3://`` or other fsspec address is listed the same way and kept as a string;
    hidden files and folders skipped). A path that does not exist, a sub-folder that
    cannot be listed and a link that leads outside the folder given are kept, so that
    each is reported as unreadable rather than silently dropped; linked folders are not
    entered (a link could loop or lead anywhere)."""
    out: list[str | Path] = []
    for raw in paths:
        if is_url(raw):
            out.extend(list_url(str(raw)))
            continue
        path = Path(raw)
        if not path.is_dir():
            out.append(path)
            continue
        root_real = path.resolve()
        unlistable: list[Path] = []

        def note(exc: OSError, found: list[Path] = unlistable) -> None:
            found.append(Path(exc.filename))

        for root, dirs, files in os.walk(path, onerror=note):
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and not (Path(root) / d).is_symlink()
            )
            for name in sorted(files):
                if name.startswith("."):
                    continue
                file = Path(root) / name
                if file.is_symlink() and file.resolve().is_relative_to(root_real):
                    file = file.resolve()  # read through: it stays inside the folder
                out.append(file)  # a link leading outside stays a link: read_regular refuses it
        out.extend(unlistable)
    return out


def classify(report: AnnualReport) -> Status:
    diagnostics = report.diagnostics or ()
    if any(d.get("code") in UNREADABLE_CODES for d in diagnostics):
        return Status.UNREADABLE
    confidence = report.confidence or {}
    if not any(confidence.values()):
        return Status.FAILED
    problems = any(d.get("severity") in ("warning", "error") for d in diagnostics)
    if problems or any(v < 1.0 for v in confidence.values()):
        return Status.PARTIAL
    return Status.FULL


def parse_one(path: str, check: bool = True) -> FileResult:
    """Parse one file; never raises for a bad document. The report names the file as
    ``shown_name`` writes it (any byte that is not UTF-8 as ``\\xNN``).

    Only ``MemoryError`` goes through (also when a reader reported it as a damaged file),
    for the worker under a memory cap to report the file as over it and be replaced."""
    name = shown_name(path)
    try:
        data = read_url(path, name) if is_url(path) else read_regular(path, name)
        report = parse_bytes(data, name)
    except MemoryError:
        raise
    except UnreadableDocument as error:
        if isinstance(error.__cause__, MemoryError):
            raise error.__cause__ from None
        report = unreadable_report(error)
    except Exception as exc:  # a reader bug on one odd file must not stop thousands
        report = unreadable_report(
            UnreadableDocument(
                "READER_ERROR", f"读取时出错（{type(exc).__name__}: {exc}）", source=name
            )
        )
    status = classify(report)
    errors: tuple[str, ...] = ()
    if check and status in (Status.FULL, Status.PARTIAL):
        from ..check import Severity
        from ..check import check as run_checks

        errors = tuple(f.code for f in run_checks(report) if f.severity is Severity.ERROR)
    return FileResult(name, report, status, errors)


def _parse_checked(path: str) -> FileResult:
    return parse_one(path, True)


def _parse_unchecked(path: str) -> FileResult:
    return parse_one(path, False)


def parse_many(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    check: bool = True,
    timeout: float | None = None,
    max_memory: MemoryLimit = None,
    on_result: Callable[[FileResult], None] | None = None,
    crew: Crew | None = None,
) -> Iterator[FileResult]:
    """Parse every file, in order, over ``jobs`` processes.

    With a ``timeout`` (seconds of wall time per file, parse and check together) or a
    ``max_memory`` cap (bytes per worker, see ``MemoryLimit``) every file is read in a
    worker process, even with one job, so that a file over the limit can be abandoned
    wherever its reader is stuck, and the cap binds the worker only; without either,
    ``jobs=1`` reads in this process. ``crew``: worker processes kept from the caller's
    previous run and for its next (``workers.Crew``).
    """
    names = [str(p) for p in paths]
    work = _parse_checked if check else _parse_unchecked
    jobs = max(1, min(jobs, len(names)))
    memory = resolve_max_memory(max_memory, jobs)
    results: Iterable[FileResult]
    if timeout is None and memory is None and (jobs <= 1 or len(names) <= 1):
        results = (_in_this_process(work, name) for name in names)
    else:
        results = run_in_workers(
            names,
            work,
            jobs=jobs,
            timeout=timeout,
            crashed=_crashed,
            timed_out=lambda name: _timed_out(name, timeout or 0.0),
            memory=memory,
            out_of_memory=lambda name: _out_of_memory(name, memory),
            crew=crew,
        )
    for result in results:
        if on_result is not None:
            on_result(result)
        yield result


def _in_this_process(work: Callable[[str], FileResult], name: str) -> FileResult:
    try:
        return work(name)
    except MemoryError:  # the machine's own memory (no cap here): this file only
        return _out_of_memory(name, None)


def _unreadable(error: UnreadableDocument) -> FileResult:
    report = unreadable_report(error)
    return FileResult(str(error.source), report, classify(report))


def _crashed(name: str) -> FileResult:
    return _unreadable(
        UnreadableDocument(
            "READER_ERROR", "读取时解析进程意外退出（文件可能已损坏）", source=shown_name(name)
        )
    )


def over_time(limit: float) -> str:
    """Why a file past the wall-time limit was abandoned (without the file's name)."""
    return f"解析用时超过 {limit:g} 秒的上限，已放弃这个文件（文件可能异常庞大、嵌套过深或是恶意构造的）"


def over_memory(limit: int | None) -> str:
    """Why a file past the memory cap (``None``: the machine's memory) was abandoned."""
    if limit is None:
        return "解析时内存不足，已放弃这个文件（文件可能异常庞大或是恶意构造的）"
    return (
        f"解析所需内存超过 {limit // MB} MB 的上限，已放弃这个文件"
        "（文件可能异常庞大、展开后极大或是恶意构造的）"
    )


def _timed_out(name: str, limit: float) -> FileResult:
    return _unreadable(
        UnreadableDocument(
            "TIMEOUT",
            f"{over_time(limit)}；其余文件照常解析，需要时可用 --timeout 放宽上限",
            source=shown_name(name),
        )
    )


def _out_of_memory(name: str, limit: int | None) -> FileResult:
    hint = "，需要时可用 --max-memory 放宽上限" if limit is not None else ""
    return _unreadable(
        UnreadableDocument(
            "MEMORY_LIMIT",
            f"{over_memory(limit)}；其余文件照常解析{hint}",
            source=shown_name(name),
        )
    )


class Runner(Protocol):
    """Parses ``files`` (checking them or not) within the limits per file (``timeout``,
    ``max_memory``: as ``parse_many`` takes them), calls ``on_result`` for each as it
    finishes, and yields the results in input order."""

    def __call__(
        self,
        files: Sequence[str | Path],
        *,
        check: bool,
        timeout: float | None,
        max_memory: MemoryLimit,
        on_result: Callable[[FileResult], None] | None,
    ) -> Iterable[FileResult]: ...


def run_batch(
    paths: Iterable[str | Path],
    write: Callable[[AnnualReport], None],
    *,
    jobs: int = 1,
    check: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: MemoryLimit = "auto",
    on_result: Callable[[FileResult], None] | None = None,
    runner: Runner | None = None,
) -> Summary:
    """Parse, hand each report to ``write`` in input order, and count what happened.

    ``timeout``: seconds of wall time per file before it is abandoned (``None``: no limit).
    ``max_memory``: bytes a worker may take for one file (``"auto"``: by the machine's
    memory and the number of workers; ``None``: no cap).
    ``runner``: parses the files elsewhere (``cluster.runner``: on a Dask cluster) instead
    of ``jobs`` local processes, within the same limits.
    """
    summary = Summary()
    started = time.perf_counter()
    files = collect_paths(paths)
    results: Iterable[FileResult]
    if runner is not None:
        results = runner(
            files, check=check, timeout=timeout, max_memory=max_memory, on_result=on_result
        )
    else:
        results = parse_many(
            files,
            jobs=jobs,
            check=check,
            timeout=timeout,
            max_memory=max_memory,
            on_result=on_result,
        )
    for result in results:
        write(result.report)
        summary.add(result)
    summary.seconds = time.perf_counter() - started
    return summary
