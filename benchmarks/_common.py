"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Result:
    """One measurement against its reference, both timed in the same run."""

    name: str
    value: float
    unit: str
    reference_name: str
    reference_value: float
    target: str = ""
    met: bool | None = None

    @property
    def ratio(self) -> float:
        return self.value / self.reference_value if self.reference_value else float("nan")

    def line(self) -> str:
        verdict = "" if self.met is None else ("  达标" if self.met else "  未达标")
        target = f"  目标 {self.target}" if self.target else ""
        return (
            f"{self.name}: {self.value:,.1f} {self.unit}"
            f"  | 参照 {self.reference_name}: {self.reference_value:,.1f} {self.unit}"
            f"  | 比值 {self.ratio:.3f}{target}{verdict}"
        )


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def median_ms(fn: Callable[[], object], repeat: int = 21) -> float:
    """The median of ``repeat`` runs of ``fn``, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def child_results(script: str, env: dict[str, str]) -> list[list[Any]]:
    """Run ``script --child`` (a benchmark with Django settings of its own) and return the
    ``results`` of the JSON line it prints last; its other lines are echoed, indented."""
    proc = subprocess.run(
        [sys.executable, script, "--child"], env=env, capture_output=True, text=True, check=False
    )
    for line in proc.stdout.splitlines():
        if not line.startswith("{"):
            print("   " + line, flush=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr else "子进程失败")
    data = json.loads([x for x in proc.stdout.splitlines() if x.startswith("{")][-1])
    results: list[list[Any]] = data["results"]
    return results
