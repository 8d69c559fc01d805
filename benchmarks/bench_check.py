"""Checking annual reports: reports per second on one core.

Timed work: ``check`` over 10,000 reports already in memory (tables 二 三 四 only; one
report in ten has one wrong cell), then over the same reports with the six section texts
(the narrative rules run too). Reference, in the same run: loading the same 10,000
reports from their ``annual-report/1`` JSON (``AnnualReport.from_json``). The ratio is
check rate / load rate (> 1: checking costs less than merely loading).
Target: 10,000 reports checked (tables) in under one second on one core.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from _common import Result, best_of  # noqa: E402
from gongkai.annual import (  # noqa: E402
    AnnualReport,
    AppealCounts,
    DocumentCounts,
    Table2,
    Table3,
    Table4,
    check,
)
from gongkai.annual import schema as s  # noqa: E402

COUNT = 10_000
TARGET_SECONDS = 1.0
IDENTITY_CELLS = [k for k in s.all_cell_keys() if not k.startswith("table2.")]
SECTIONS = {
    "1": (
        "（一）主动公开。{year}年，我局坚持以公开为常态、不公开为例外，全年主动公开政府信息{n}条，"
        "比{prev}年增加了5%。\n（二）依申请公开。{year}年，我局共收到政府信息公开申请{received}件，"
        "上年结转{over}件，结转下年度继续办理{forward}件，均在法定期限内答复。"
    ),
    "2": "主动公开政府信息情况见下表。",
    "3": "收到和处理政府信息公开申请情况见下表。",
    "4": "本年度未发生政府信息公开行政复议、行政诉讼。",
    "5": "{year}年，我局政府信息公开工作取得一定成效，但仍存在解读形式单一等问题。下一步将加强培训。",
    "6": "{year}年，我局未收取政府信息公开信息处理费。统计期限自{year}年1月1日起至{year}年12月31日止。",
}


def _row(rng: random.Random, high: int) -> list[int]:
    return [rng.randint(0, high) if i < 2 or rng.random() < 0.1 else 0 for i in range(6)]


def _report(rng: random.Random, i: int) -> AnnualReport:
    rows: dict[str, tuple[int, ...]] = {}
    sums = [0] * 6
    for row in s.TABLE3_OUTCOME_ROWS:
        parts = _row(rng, 3) if rng.random() < 0.3 else [0] * 6
        rows[row.key] = (*parts, sum(parts))
        sums = [a + b for a, b in zip(sums, parts, strict=True)]
    forward = _row(rng, 1)
    over = [min(h + f, rng.randint(0, 1)) for h, f in zip(sums, forward, strict=True)]
    received = [h + f - o for h, f, o in zip(sums, forward, over, strict=True)]
    keys = [r.key for r in s.TABLE3_ROWS if not r.is_outcome]
    for key, parts in zip(keys, (received, over, sums, forward), strict=True):
        rows[key] = (*parts, sum(parts))
    report = AnnualReport(
        organ=f"测试市第{i}局",
        year=rng.randint(2021, 2025),
        table2=Table2(DocumentCounts(0, 0, 1), DocumentCounts(1, 0, 3), 12, 4, 0, None),
        table3=Table3(rows),
        table4=Table4(
            AppealCounts(1, 0, 0, 0, 1), AppealCounts(0, 0, 0, 0, 0), AppealCounts(0, 0, 0, 0, 0)
        ),
    )
    if i % 10 == 0:  # one report in ten has one wrong cell
        cell = rng.choice(IDENTITY_CELLS)
        value = report.cell(cell)
        report = report.with_cell(cell, (value or 0) + 1)
    return report


def _with_text(report: AnnualReport) -> AnnualReport:
    def total(row: str) -> int | None:
        return report.table3.row(row)[s.TABLE3_TOTAL_COLUMN.index]

    keys = [r.key for r in s.TABLE3_ROWS if not r.is_outcome]
    values = {
        "year": report.year,
        "prev": (report.year or 2024) - 1,
        "n": 100,
        "received": total(keys[0]),
        "over": total(keys[1]),
        "forward": total(keys[3]),
    }
    return replace(report, sections={k: v.format(**values) for k, v in SECTIONS.items()})


def main() -> list[Result]:
    rng = random.Random(20240131)
    reports = [_report(rng, i) for i in range(COUNT)]
    texts = [r.to_json() for r in reports]
    with_text = [_with_text(r) for r in reports]

    def load() -> None:
        for text in texts:
            AnnualReport.from_json(text)

    def check_tables() -> None:
        for report in reports:
            check(report)

    def check_all() -> None:
        for report in with_text:
            check(report)

    errors = sum(1 for r in reports if any(f.severity == "error" for f in check(r)))
    assert errors == COUNT // 10, f"expected one report in ten with an error, got {errors}"
    load_s = best_of(load)
    tables_s = best_of(check_tables)
    all_s = best_of(check_all)
    print(
        f"   {COUNT}份报告：核查表格 {tables_s:.3f} 秒，连同正文 {all_s:.3f} 秒，从 JSON 加载 {load_s:.3f} 秒"
    )
    return [
        Result(
            name="核查（表二、三、四）",
            value=COUNT / tables_s,
            unit="份/秒",
            reference_name="从 JSON 加载同样的报告",
            reference_value=COUNT / load_s,
            target=f"{COUNT}份 < {TARGET_SECONDS:g} 秒",
            met=tables_s < TARGET_SECONDS,
        ),
        Result(
            name="核查（表格与正文）",
            value=COUNT / all_s,
            unit="份/秒",
            reference_name="从 JSON 加载同样的报告",
            reference_value=COUNT / load_s,
        ),
    ]


if __name__ == "__main__":
    for result in main():
        print(result.line())
