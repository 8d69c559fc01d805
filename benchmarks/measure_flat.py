"""How well crawled text is read back: cells right, wrong, missed, blanks made numbers.

Issue 13, shape 1: a crawler's ``get_text()`` joins each table row into its label and one
run of digits. This script builds random reports that satisfy the national form's
identities, with realistic magnitudes (most cells 0 or small, 自然人 and 总计 larger, a
few offices with 3–4 digit counts), flattens each the ways crawlers do — a random
combination of the variants below — parses it with ``parse_bytes`` and compares every cell
of tables 二, 三 and 四 with the truth:

- ``right``: the printed number (or the blank, as null) read back;
- ``wrong``: a printed number read as another number — the worst outcome;
- ``miss``: null where a number was printed (the parser said it could not decide);
- ``blank→n``: a blank cell (a row printing fewer digits) read as a number;
- ``silent``/``flag``: of the wrong cells and blanks read as numbers, those no diagnostic
  (AMBIGUOUS_RUN, UNDECODED_RUN) names, and those one does.

Rates are printed per table and per variant class (every report counts in one class of
each variant).
Variants: ``layout`` (whole report on one line, row per line); ``spaces`` (none, spaces
between some cells only); ``label_spaces`` (spaces inside labels); ``blanks`` (rows
printing fewer digits); ``size`` (small, medium, large office); ``narrative`` (counts and
dates in the text before the tables); ``furniture`` (crawler header lines and page
furniture); ``header`` (header words run together or spaced); ``items`` (``1.``, ``1、``,
``（1）``); ``format`` (2021, 2019 trial); ``script`` (simplified, traditional); ``typed``
(header words and first rows typed otherwise: table 四's ``结果予以维持``, ``结果纠``,
``尚未审结案件``, ``经复议后起诉``, ``其它结果``, table 三's ``本年度新收…``, ``上年度结转…``,
table 二's ``现行有效的件数`` and a unit after a label, ``行政许可（件）``); ``columns``
(table 三's five organisations printed in another order, its header saying so);
``totals`` (one 总计 cell left blank, its parts printed: a row of table 三 or a group of
table 四, in about one report in five). The last three are drawn from random sources of
their own, so every other variant and number of a report is what it was before they were
added.

Usage: ``python benchmarks/measure_flat.py [--reports N] [--seed S] [--show CLASS]``;
``--show wrong`` prints the first few reports with a wrong cell (the text and the cells);
``--time`` only times ``parse_bytes`` over the reports (seconds vary with the machine's
load: compare callgrind counts where it matters).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Final

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gongkai.annual import schema as s  # noqa: E402
from gongkai.annual.parse import parse_bytes  # noqa: E402

Cell = int | Decimal | None
VARIANTS: dict[str, tuple[str, ...]] = {
    "layout": ("one_line", "row_per_line"),
    "spaces": ("none", "some"),
    "label_spaces": ("no", "yes"),
    "blanks": ("no", "yes"),
    "size": ("small", "medium", "large"),
    "narrative": ("no", "yes"),
    "furniture": ("no", "yes"),
    "header": ("joined", "spaced"),
    "items": ("dot", "dunhao", "brackets"),
    "format": ("2021", "2019"),
    "script": ("simplified", "traditional"),
}
EXTRA_VARIANTS: dict[str, tuple[str, ...]] = {
    "typed": ("no", "yes"),
    "columns": ("national", "reordered"),
}
TOTALS: Final = ("printed", "blank")
"""``totals``: a report leaving one 总计 cell blank (table 三's row or a group of table
四, its parts printed), about one report in five: drawn from a source of its own."""
CLASSES: dict[str, tuple[str, ...]] = {**VARIANTS, **EXTRA_VARIANTS, "totals": TOTALS}
OTHER_2019 = s.TABLE3_2019_ONLY_2021_ROWS
TYPED_TABLE4: dict[str, str] = {
    "结果维持": "结果予以维持",
    "结果纠正": "结果纠",
    "其他结果": "其它结果",
    "尚未审结": "尚未审结案件",
    "复议后起诉": "经复议后起诉",
}
TYPED_TEXT: dict[str, str] = {
    "一、本年新收政府信息公开申请数量": "一、本年度新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量": "二、上年度结转政府信息公开申请数量",
    "现行有效件数": "现行有效的件数",
    "行政许可": "行政许可（件）",
}
"""Words typed otherwise (``typed``), each in a report with that variant at random."""


@dataclass
class Truth:
    """A report's cells as printed: ``None`` for a blank cell."""

    organ: str
    year: int
    table2: dict[str, Cell] = field(default_factory=dict)
    table3: dict[str, list[Cell]] = field(default_factory=dict)
    table4: list[Cell] = field(default_factory=list)


# ---------------------------------------------------------------------------- numbers


def _table3(rng: random.Random, size: str) -> dict[str, list[int]]:
    busy = {"granted", "partially_granted", "unavailable.not_held", "not_processed.petition"}
    scale = {"small": 9, "medium": 60, "large": 4000}[size]

    def natural(key: str) -> int:
        if rng.random() < (0.3 if key in busy else 0.75):
            return 0
        top = scale if key in busy else max(3, scale // 20)
        return rng.randint(1, rng.choice((top, max(1, top // 10))))

    def organisation() -> int:
        if rng.random() < 0.85:
            return 0
        return rng.randint(1, {"small": 3, "medium": 12, "large": 150}[size])

    rows: dict[str, list[int]] = {}
    sums = [0] * 6
    for row in s.TABLE3_OUTCOME_ROWS:
        parts = [natural(row.key), *(organisation() for _ in range(5))]
        rows[row.key] = [*parts, sum(parts)]
        sums = [a + b for a, b in zip(sums, parts, strict=True)]
    forward = [rng.randint(0, max(1, scale // 10)) if rng.random() < 0.4 else 0]
    forward += [organisation() if rng.random() < 0.3 else 0 for _ in range(5)]
    over = [
        rng.randint(0, min(h + f, max(1, scale // 10))) if rng.random() < 0.4 else 0
        for h, f in zip(sums, forward, strict=True)
    ]
    received = [h + f - o for h, f, o in zip(sums, forward, over, strict=True)]
    for key, parts in (
        ("handled_total", sums),
        ("carried_forward", forward),
        ("carried_over", over),
        ("received", received),
    ):
        rows[key] = [*parts, sum(parts)]
    return rows


def _table4(rng: random.Random, size: str) -> list[int]:
    top = {"small": 2, "medium": 6, "large": 40}[size]
    out: list[int] = []
    for _ in s.TABLE4_GROUPS:
        parts = [rng.randint(1, top) if rng.random() < 0.2 else 0 for _ in range(4)]
        out += [*parts, sum(parts)]
    return out


def _table2(rng: random.Random, size: str) -> dict[str, Cell]:
    big = {"small": 50, "medium": 2000, "large": 90000}[size]

    def count(top: int, zero: float = 0.3) -> int:
        return 0 if rng.random() < zero else rng.randint(1, top)

    made, repealed = count(9, 0.6), count(5, 0.8)
    docs_made, docs_repealed = count(30), count(15, 0.5)
    fees = Decimal(0) if rng.random() < 0.7 else Decimal(rng.randint(1, 99999)) / 100
    return {
        "regulations.made": made,
        "regulations.repealed": repealed,
        "regulations.in_force": made + count(40, 0.5),
        "normative_documents.made": docs_made,
        "normative_documents.repealed": docs_repealed,
        "normative_documents.in_force": docs_made + count(300),
        "licensing": count(big),
        "punishment": count(big // 3),
        "coercion": count(max(2, big // 50)),
        "fees": fees,
    }


# ---------------------------------------------------------------------------- text


@dataclass
class Writer:
    rng: random.Random
    v: dict[str, str]
    extra: random.Random = field(default_factory=random.Random)
    """The random source of ``EXTRA_VARIANTS`` (never ``rng``: the other variants' draws
    stay as they were)."""
    order: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
    """Table 三's columns as printed (indexes of the form's)."""

    def typed(self, word: str) -> str:
        """Table 四's header word, typed otherwise now and then (``typed``)."""
        if self.v["typed"] == "yes" and word in TYPED_TABLE4 and self.extra.random() < 0.5:
            return TYPED_TABLE4[word]
        return word

    def label(self, text: str) -> str:
        """A label as printed: with a space inside now and then."""
        if self.v["label_spaces"] == "yes" and len(text) > 3 and self.rng.random() < 0.3:
            at = self.rng.randint(1, len(text) - 1)
            return text[:at] + " " + text[at:]
        return text

    def run(self, cells: list[Cell]) -> str:
        """A row's numbers as one run: blanks print nothing; a space between two numbers
        only now and then."""
        printed = [str(c) for c in cells if c is not None]
        out = ""
        for i, value in enumerate(printed):
            out += value
            if i < len(printed) - 1 and self.v["spaces"] == "some" and self.rng.random() < 0.3:
                out += " "
        return out

    def words(self, *words: str) -> str:
        return (" " if self.v["header"] == "spaced" else "").join(words)

    def item(self, label: str) -> str:
        number, rest = label.split(".", 1)
        style = self.v["items"]
        if style == "dunhao":
            return f"{number}、{rest}"
        if style == "brackets":
            return f"（{number}）{rest}"
        return label


def _blank(rng: random.Random, truth: Truth) -> None:
    """Blank cells: a few rows print fewer digits (zeros left out, as offices do)."""
    keys = [k for k in truth.table3 if truth.table3[k][0] is not None]
    for key in rng.sample(keys, rng.randint(1, 3)):
        row = truth.table3[key]
        zeros = [i for i, v in enumerate(row) if v == 0]
        if zeros:
            for i in rng.sample(zeros, rng.randint(1, len(zeros))):
                row[i] = None
    if rng.random() < 0.3:
        zeros = [i for i, v in enumerate(truth.table4) if v == 0]
        for i in rng.sample(zeros, min(len(zeros), rng.randint(1, 5))):
            truth.table4[i] = None
    if rng.random() < 0.3 and truth.table2:
        key = rng.choice([k for k, v in truth.table2.items() if v == 0] or ["coercion"])
        if truth.table2[key] == 0:
            truth.table2[key] = None


def _blank_a_total(rng: random.Random, truth: Truth) -> None:
    """One 总计 cell left blank, its parts printed: a row of table 三 or a group of 四."""
    rows = [r for r in truth.table3.values() if r[6] and any(r[:6])]
    size = len(s.TABLE4_COLUMNS)
    groups = [i for i in range(size - 1, len(truth.table4), size) if truth.table4[i]]
    if rows and (not groups or rng.random() < 0.5):
        rng.choice(rows)[6] = None
    elif groups:
        truth.table4[rng.choice(groups)] = None


def _narrative(rng: random.Random, truth: Truth) -> tuple[str, str]:
    received = truth.table3["received"][6] or 0
    carried = truth.table3["carried_over"][6] or 0
    first = (
        f"{truth.year}年，本机关主动公开政府信息{rng.randint(10, 3000)}条，"
        f"其中通过门户网站公开{rng.randint(5, 900)}条。全年本年新收政府信息公开申请{received}件，"
        f"上年结转政府信息公开申请{carried}件，予以公开{truth.table3['granted'][6] or 0}件。"
        f"{truth.year}年3月，本机关修订了《政府信息公开指南》，并开展了{rng.randint(1, 9)}次培训。"
    )
    third = f"本年度新收申请{received}件，较上年增加{rng.randint(1, 9)}件，上年结转{carried}件。"
    return first, third


def write(truth: Truth, v: dict[str, str], rng: random.Random, extra: random.Random) -> str:
    w = Writer(rng, v, extra)
    if v["columns"] == "reordered":
        organisations = [1, 2, 3, 4, 5]
        while organisations == [1, 2, 3, 4, 5]:
            extra.shuffle(organisations)
        w.order = (0, *organisations, 6)
    trial = v["format"] == "2019"
    title = f"{truth.organ}{truth.year}年政府信息公开工作年度报告"
    lines: list[str] = []
    if v["furniture"] == "yes":
        lines += [
            f"标题: {title}",
            f"发布时间: {truth.year + 1}-01-2{rng.randint(0, 9)} 09:30",
            f"发布机构: {truth.organ}",
            "原文链接: https://www.example.gov.cn/art/1/art_1_1.html",
            f"当前位置：首页 > 政府信息公开 > 年报 全真版 文字版 文件下载 {title}",
        ]
    else:
        lines.append(title)
    first, third = _narrative(rng, truth) if v["narrative"] == "yes" else ("", "")
    lines.append(f"一、总体情况 {truth.year}年，本机关依法做好政府信息公开工作。{first}")
    lines.append("二、主动公开政府信息情况 ")
    lines += _table2_lines(w, truth, trial)
    lines.append(f"三、收到和处理政府信息公开申请情况 {third}")
    lines += _table3_lines(w, truth, trial)
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    t4 = [w.typed(c.label) for c in s.TABLE4_COLUMNS]
    g4 = [w.typed(g.label) for g in s.TABLE4_GROUPS]
    lines.append(
        w.words(g4[0], s.TABLE4_LITIGATION_HEADER, *t4, g4[1], g4[2], *t4, *t4)
        + w.run(truth.table4)
    )
    lines.append("五、存在的主要问题及改进情况 公开工作仍有不足。")
    lines.append("六、其他需要报告的事项 本年度未收取信息处理费。")
    end = f"{truth.organ} {truth.year + 1}年1月20日"
    lines.append(end + (" 分享到： 打印本页 关闭窗口" if v["furniture"] == "yes" else ""))
    sep = " " if v["layout"] == "one_line" else "\n"
    text = sep.join(lines) + "\n"
    if v["typed"] == "yes":
        for printed, typed in TYPED_TEXT.items():
            if extra.random() < 0.5:
                text = text.replace(printed, typed)
    if v["script"] == "traditional":
        from tests.annual.parse.shapes import _s2t

        text = _s2t().convert(text)
    return text


def _table2_lines(w: Writer, truth: Truth, trial: bool) -> list[str]:
    t = truth.table2
    if trial:
        r = w.rng
        return [
            "第二十条第（一）项 "
            + w.words("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")
            + "规章000",
            f"规范性文件{r.randint(0, 9)}{r.randint(0, 9)}{r.randint(10, 99)}",
            "第二十条第（五）项 "
            + w.words("信息内容", "上一年项目数量", "本年增/减", "处理决定数量")
            + f"行政许可{r.randint(10, 99)}-{r.randint(1, 9)}{r.randint(100, 999)}",
        ]

    def run(*keys: str) -> str:
        return w.run([t[k] for k in keys])

    return [
        "第二十条第（一）项 " + w.words("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        w.label("规章") + run(*(f"regulations.{c}" for c in ("made", "repealed", "in_force"))),
        w.label("行政规范性文件")
        + run(*(f"normative_documents.{c}" for c in ("made", "repealed", "in_force"))),
        "第二十条第（五）项" + w.words("信息内容", "本年处理决定数量"),
        w.label("行政许可") + run("licensing"),
        "第二十条第（六）项" + w.words("信息内容", "本年处理决定数量"),
        w.label("行政处罚") + run("punishment"),
        w.label("行政强制") + run("coercion"),
        "第二十条第（八）项" + w.words("信息内容", "本年收费金额（单位：万元）"),
        w.label("行政事业性收费") + run("fees"),
    ]


def _table3_lines(w: Writer, truth: Truth, trial: bool) -> list[str]:
    cols = [c.label for c in s.TABLE3_COLUMNS]
    organisations = [cols[i] for i in w.order[1:6]]
    lines = [
        s.TABLE3_IDENTITY_NOTE
        + w.words(
            s.TABLE3_APPLICANT_HEADER,
            cols[0],
            s.TABLE3_ORGANISATION_HEADER,
            cols[6],
            *organisations,
        )
    ]
    groups = {g.key: g.label for g in s.TABLE3_GROUPS}
    seen: set[str] = set()
    for row in s.TABLE3_ROWS:
        if trial and row.key in OTHER_2019:
            continue
        cells = [truth.table3[row.key][i] for i in w.order]
        if trial and row.key == "other.other":
            lines.append(w.label("（六）其他处理") + w.run(cells))
            continue
        lead = ""
        if row.key == "granted":
            lead = s.TABLE3_RESULTS_GROUP.label
        if row.group and row.group not in seen:
            seen.add(row.group)
            lead = groups[row.group]
        label = w.item(row.label) if row.group else row.label
        lines.append(lead + w.label(label) + w.run(cells))
    return lines


# ---------------------------------------------------------------------------- measuring


def reports(count: int, seed: int) -> Iterator[tuple[Truth, dict[str, str], str]]:
    rng = random.Random(seed)
    organs = ("样例市数据局", "样例市青山区发展和改革局", "样例县人民政府办公室", "样例市公安局")
    for number in range(count):
        v = {name: rng.choice(values) for name, values in VARIANTS.items()}
        extra = random.Random(f"{seed}:{number}")
        v.update({name: extra.choice(values) for name, values in EXTRA_VARIANTS.items()})
        if v["size"] != "large":  # most offices are small
            v["size"] = rng.choice(("small", "small", "medium"))
        truth = Truth(rng.choice(organs), rng.randint(2019, 2025) if v["format"] == "2019" else 0)
        if v["format"] == "2019":
            truth.year = rng.choice((2019, 2020))
        else:
            truth.year = rng.randint(2021, 2025)
        table3 = _table3(rng, v["size"])
        if v["format"] == "2019":
            for key in OTHER_2019:  # one （六）其他处理 row: the other two rows are null
                table3["other.other"] = [
                    a + b for a, b in zip(table3["other.other"], table3[key], strict=True)
                ]
        truth.table3 = {k: list(r) for k, r in table3.items()}
        if v["format"] == "2019":
            for key in OTHER_2019:
                truth.table3[key] = [None] * 7
        truth.table4 = list(_table4(rng, v["size"]))
        if v["format"] != "2019":
            truth.table2 = _table2(rng, v["size"])
        if v["blanks"] == "yes":
            _blank(rng, truth)
        totals = random.Random(f"{seed}:{number}:totals")
        v["totals"] = TOTALS[totals.random() < 0.2]
        if v["totals"] == "blank":
            _blank_a_total(totals, truth)
        yield truth, v, write(truth, v, rng, extra)


def got_cells(report: object) -> Iterator[tuple[str, Cell]]:
    t2 = report.table2  # type: ignore[attr-defined]
    for block in ("regulations", "normative_documents"):
        for c in ("made", "repealed", "in_force"):
            yield f"{block}.{c}", getattr(getattr(t2, block), c)
    for key in ("licensing", "punishment", "coercion", "fees"):
        yield key, getattr(t2, key)


def compare(truth: Truth, got: object) -> Iterator[tuple[str, Cell, Cell]]:
    """(cell, truth, read) for every cell of the report's format."""
    if truth.table2:
        read2 = dict(got_cells(got))
        for key, value in truth.table2.items():
            yield f"表二.{key}", value, read2[key]
    t3 = got.table3  # type: ignore[attr-defined]
    for key, row in truth.table3.items():
        for i, (a, b) in enumerate(zip(row, t3.row(key), strict=True)):
            yield f"表三.{key}.{i}", a, b
    t4 = got.table4  # type: ignore[attr-defined]
    read4 = [getattr(t4.group(g.key), c.key) for g in s.TABLE4_GROUPS for c in s.TABLE4_COLUMNS]
    for i, (a, b) in enumerate(zip(truth.table4, read4, strict=True)):
        yield f"表四.{i}", a, b


def outcome(truth: Cell, read: Cell, flagged: bool) -> str:
    if truth is None:
        if read is None:
            return "blank_kept"
        return "blank_to_number_flagged" if flagged else "blank_to_number"
    if read is None:
        return "miss"
    if read == truth:
        return "right"
    return "wrong_flagged" if flagged else "wrong"


_TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}


def _flagged(got: object) -> set[str]:
    """The cells (prefixes as ``compare`` names them) a diagnostic says are unsure."""
    out: set[str] = set()
    labels = {row.label: row.key for block in s.TABLE2_BLOCKS for row in block.rows}
    for item in got.diagnostics or ():  # type: ignore[attr-defined]
        if item["code"] not in ("AMBIGUOUS_RUN", "UNDECODED_RUN"):
            continue
        message = str(item["message"])
        table, _, key = str(item.get("row", "")).partition(".")  # table3.granted
        if table in _TABLE_NAMES:
            out.add(
                f"{_TABLE_NAMES[table]}." if table == "table4" else f"{_TABLE_NAMES[table]}.{key}."
            )
        elif "表四" in message:
            out.add("表四.")
        for label, key in labels.items():
            if f"表二“{label}”" in message:
                out.add(f"表二.{key}.")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--show", choices=("wrong", "wrong_flagged", "miss", "blank_to_number"), default=None
    )
    parser.add_argument("--limit", type=int, default=3)
    parser.add_argument("--only", action="append", default=[], help="name=value: only these")
    parser.add_argument(
        "--time", action="store_true", help="only time parse_bytes over the reports (no check)"
    )
    args = parser.parse_args(argv)
    if args.time:
        return _time(args.reports, args.seed)
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    shown = 0
    show: Callable[[Truth, str, list[tuple[str, Cell, Cell]]], None] = _show
    only = dict(o.split("=", 1) for o in args.only)
    for truth, v, text in reports(args.reports, args.seed):
        if any(v[name] != value for name, value in only.items()):
            continue
        got = parse_bytes(text.encode("utf-8"), "crawled.txt")
        flagged = _flagged(got)
        found = [
            (c, a, b, outcome(a, b, any(c.startswith(f) for f in flagged)))
            for c, a, b in compare(truth, got)
        ]
        tally: dict[str, int] = defaultdict(int)
        for *_, kind in found:
            tally[kind] += 1
        for name, value in [("all", "all"), *v.items()]:
            for kind, n in tally.items():
                counts[(name, value)][kind] += n
            counts[(name, value)]["reports"] += 1
        for table in ("表二", "表三", "表四"):
            counts[("table", table)]["reports"] += 1
        for cell, *_, kind in found:
            counts[("table", cell[:2])][kind] += 1
        if args.show and tally[args.show] and shown < args.limit:
            shown += 1
            print("=" * 30, v)
            show(truth, text, [(c, a, b) for c, a, b, k in found if k == args.show])
            codes = [
                d["message"]
                for d in got.diagnostics or ()
                if d["code"] in ("AMBIGUOUS_RUN", "UNDECODED_RUN")
            ]
            print("diagnostics:", *codes, sep="\n  ")
    _table(counts)
    return 0


def _time(count: int, seed: int) -> int:
    """Reports per second of ``parse_bytes`` alone (the reports built first, then parsed
    twice: the second pass is timed, the reader's caches as a long batch has them)."""
    import time

    from gongkai.annual.parse import native

    data = [text.encode("utf-8") for _, _, text in reports(count, seed)]
    for raw in data:
        parse_bytes(raw, "crawled.txt")
    start = time.perf_counter()
    for raw in data:
        parse_bytes(raw, "crawled.txt")
    seconds = time.perf_counter() - start
    mode = "compiled" if native.in_use() else "plain Python"
    print(f"{len(data)} reports in {seconds:.2f} s: {len(data) / seconds:.0f} per second ({mode})")
    return 0


def _show(truth: Truth, text: str, cells: list[tuple[str, Cell, Cell]]) -> None:
    print(text)
    for cell, a, b in cells:
        print(f"  {cell}: printed {a}, read {b}")


def _table(counts: dict[tuple[str, str], dict[str, int]]) -> None:
    head = f"{'class':<26}{'reports':>8}{'cells':>8}{'right%':>8}{'silent%':>8}{'flag%':>7}"
    print(head + f"{'miss%':>7}{'blank→n':>8}{'b→n flag':>9}{'silent':>7}{'flag':>6}{'miss':>6}")
    for name in ("all", "table", *CLASSES):
        values = {"all": ("all",), "table": ("表二", "表三", "表四")}
        for value in values.get(name) or CLASSES[name]:
            c = counts.get((name, value))
            if not c:
                continue
            printed = c["right"] + c["wrong"] + c["wrong_flagged"] + c["miss"]
            made = c["blank_to_number"] + c["blank_to_number_flagged"]
            cells = printed + c["blank_kept"] + made
            right = c["right"] + c["blank_kept"]
            print(
                f"{name + '=' + value:<26}{c['reports']:>8}{cells:>8}"
                f"{100 * right / cells:>8.3f}{100 * c['wrong'] / cells:>8.3f}"
                f"{100 * c['wrong_flagged'] / cells:>7.3f}{100 * c['miss'] / cells:>7.3f}"
                f"{c['blank_to_number']:>8}{c['blank_to_number_flagged']:>9}"
                f"{c['wrong']:>7}{c['wrong_flagged']:>6}{c['miss']:>6}"
            )


if __name__ == "__main__":
    raise SystemExit(main())
