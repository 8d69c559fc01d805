"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


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
