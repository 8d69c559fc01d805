"""Parsing many files: paths and directories in, one result per file out, in order.

A bad file never stops the batch: a document that cannot be read becomes a report whose
only diagnostic says why, and the batch goes on. Work is spread over ``jobs`` processes
(``workers``); a file still running after ``timeout`` seconds is abandoned with a
``TIMEOUT`` diagnostic and its process replaced.
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
from typing import Final

from ..model import AnnualReport
from . import parse_bytes, unreadable_report
from .files import is_url, list_url, read_regular, read_url
from .names import shown_name
from .unreadable import UnreadableDocument
from .workers import run_in_workers

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
    }
)
"""Diagnostics that mean nothing at all could be read from the file."""

DEFAULT_TIMEOUT: Final = 30.0
"""Seconds of wall time a file of a batch may take (read, recognise, check): an annual
report takes well under one, so a file still running after 30 is hostile or broken."""


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
    ``shown_name`` writes it (any byte that is not UTF-8 as ``\\xNN``)."""
    name = shown_name(path)
    try:
        data = read_url(path, name) if is_url(path) else read_regular(path, name)
        report = parse_bytes(data, name)
    except UnreadableDocument as error:
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
    on_result: Callable[[FileResult], None] | None = None,
) -> Iterator[FileResult]:
    """Parse every file, in order, over ``jobs`` processes.

    With a ``timeout`` (seconds of wall time per file, parse and check together) every file
    is read in a worker process, even with one job, so that a file over the limit can be
    abandoned wherever its reader is stuck; without one, ``jobs=1`` reads in this process.
    """
    names = [str(p) for p in paths]
    work = _parse_checked if check else _parse_unchecked
    results: Iterable[FileResult]
    if timeout is None and (jobs <= 1 or len(names) <= 1):
        results = map(work, names)
    else:
        results = run_in_workers(
            names,
            work,
            jobs=max(1, min(jobs, len(names))),
            timeout=timeout,
            crashed=_crashed,
            timed_out=lambda name: _timed_out(name, timeout or 0.0),
        )
    for result in results:
        if on_result is not None:
            on_result(result)
        yield result


def _unreadable(error: UnreadableDocument) -> FileResult:
    report = unreadable_report(error)
    return FileResult(str(error.source), report, classify(report))


def _crashed(name: str) -> FileResult:
    return _unreadable(
        UnreadableDocument(
            "READER_ERROR", "读取时解析进程意外退出（文件可能已损坏）", source=shown_name(name)
        )
    )


def _timed_out(name: str, limit: float) -> FileResult:
    return _unreadable(
        UnreadableDocument(
            "TIMEOUT",
            f"解析用时超过 {limit:g} 秒的上限，已放弃这个文件（文件可能异常庞大、嵌套过深或是恶意构造的）；"
            "其余文件照常解析，需要时可用 --timeout 放宽上限",
            source=shown_name(name),
        )
    )


Runner = Callable[
    [Sequence[str | Path], bool, Callable[[FileResult], None] | None], Iterable[FileResult]
]
"""Parses ``files`` (checking them or not), calls ``on_result`` for each as it finishes,
and yields the results in input order."""


def run_batch(
    paths: Iterable[str | Path],
    write: Callable[[AnnualReport], None],
    *,
    jobs: int = 1,
    check: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    on_result: Callable[[FileResult], None] | None = None,
    runner: Runner | None = None,
) -> Summary:
    """Parse, hand each report to ``write`` in input order, and count what happened.

    ``timeout``: seconds of wall time per file before it is abandoned (``None``: no limit).
    ``runner``: parses the files elsewhere (``cluster.runner``: on a Dask cluster) instead
    of ``jobs`` local processes.
    """
    summary = Summary()
    started = time.perf_counter()
    files = collect_paths(paths)
    results: Iterable[FileResult]
    if runner is not None:
        results = runner(files, check, on_result)
    else:
        results = parse_many(files, jobs=jobs, check=check, timeout=timeout, on_result=on_result)
    for result in results:
        write(result.report)
        summary.add(result)
    summary.seconds = time.perf_counter() - started
    return summary
