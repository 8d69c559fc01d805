"""Run every benchmark in this folder and print its ratios.

Each ``benchmarks/bench_*.py`` module has a ``main() -> list[Result]`` that times its
work *and* a reference measured in the same run, so the ratio means something on any
machine. ``python benchmarks/run.py [NAME…]`` runs all of them, or those whose module
name contains one of the NAMEs.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import Result  # noqa: E402


def _modules(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if names:
        found = [p for p in found if any(n in p.stem for n in names)]
    return found


def main(argv: list[str]) -> int:
    results: list[Result] = []
    failed = 0
    for path in _modules(argv):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.stem}", flush=True)
        started = time.perf_counter()
        try:
            batch = module.main()
        except Exception as exc:  # a broken benchmark must not hide the others
            failed += 1
            print(f"   失败：{type(exc).__name__}: {exc}", flush=True)
            continue
        for result in batch:
            print("   " + result.line(), flush=True)
        results.extend(batch)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    print()
    print("汇总 / summary")
    for result in results:
        print("  " + result.line())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
