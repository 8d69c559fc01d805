"""Full-text search of the public catalogue at 100,000 items, on SQLite and PostgreSQL.

Timed work: ``gongkai.disclosure.search.search`` (relevance order, first page with
snippets) for ten queries a person would type, median of several rounds, on a database
holding 100,000 published items built from the sample vocabulary (bulk-inserted, not
reviewed one by one). Reference, in the same run and database: the naive way, a
``LIKE '%…%'`` scan of the same rows for the first query word. The ratio is
search / scan (< 1: the index beats a scan). Target: median under 200 ms.

Each database runs in its own process (Django reads its settings once):
``python benchmarks/bench_search.py --child sqlite|postgresql [COUNT]``. PostgreSQL is
skipped, and said so, when the server at ``GONGKAI_BENCH_PG`` (default
``postgres://postgres@127.0.0.1:5432/gongkai_disclosure_bench``) cannot be reached.
Set ``GONGKAI_BENCH_ITEMS`` for another size (the scale is printed).

The same database also times the policy Q&A (``gongkai.interaction.qa.answer``) over its
written questions (``tests/interaction/qa_questions.py``), against the search median;
target: median under 200 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from _common import Result  # noqa: E402

COUNT = int(os.environ.get("GONGKAI_BENCH_ITEMS", "100000"))
TARGET_MS = 200.0
BUILD_MARK = "基准测试区 v1"  # change when the generated data changes
BENCH_VAR = ROOT / "var" / "bench"
PG_URL = os.environ.get(
    "GONGKAI_BENCH_PG", "postgres://postgres@127.0.0.1:5432/gongkai_disclosure_bench"
)
QUERIES = (
    "垃圾分类",
    "老旧小区改造 工作方案",
    "安全生产 专项检查",
    "食品安全 2020",
    "乡村振兴 实施细则",
    "财政预算 公示",
    "養老服務",
    '"营商环境"',
    "数字经济 工作要点",
    "消防安全 通知",
)


def _build(count: int) -> float:
    """Create the schema and ``count`` published items; returns seconds taken.

    The rows are written with plain ``executemany`` (the review workflow is not what is
    measured) and each synthetic sentence is segmented once (the bodies are made of a few
    dozen sentences); the token strings are exactly what ``services.search_entry`` stores.
    """
    import datetime
    from functools import cache

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from gongkai.disclosure import facet_counts, search_terms
    from gongkai.disclosure.models import Item, SearchEntry
    from gongkai.disclosure.search_text import index_tokens, normalize, token_string
    from gongkai.organs.models import Organ, Region
    from gongkai.organs.uscc import check_digit
    from gongkai_demo.sample_corpus import synthetic_items

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    marker = f"{BUILD_MARK} {count}"
    if Region.objects.filter(name=marker).exists() and SearchEntry.objects.count() == count:
        if not search_terms.frequencies([])[0]:
            search_terms.rebuild()  # a library built before the table existed
        if not facet_counts.counts().total():
            facet_counts.rebuild()
        return 0.0  # built by an earlier run with the same generator and size
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("DELETE FROM disclosure_searchentry")
        cursor.execute("DELETE FROM disclosure_item")
        cursor.execute("DELETE FROM organs_organ WHERE slug LIKE 'bench%%'")
    # after the organs: a build stopped half-way left organs that protect the region
    Region.objects.filter(name__startswith=BUILD_MARK).delete()
    user, _ = get_user_model().objects.get_or_create(username="bench")
    region = Region.objects.create(name=marker)
    organs = []
    for n in range(12):
        code = f"11990200BM{n:07d}"
        organ, _ = Organ.objects.get_or_create(
            credit_code=code + check_digit(code),
            defaults={
                "region": region,
                "name": f"基准第{n}局",
                "short_name": f"第{n}局",
                "slug": f"bench{n}",
            },
        )
        organs.append(organ)

    @cache
    def sentence(text: str) -> tuple[tuple[str, ...], str]:
        return tuple(index_tokens(text)), normalize(text)

    def segmented(text: str) -> tuple[list[str], str]:
        tokens: list[str] = []
        folded: list[str] = []
        for piece in text.split("。"):
            if piece:
                t, f = sentence(piece + "。")
                tokens.extend(t)
                folded.append(f)
        return tokens, "".join(folded)

    item_fields = [f for f in Item._meta.local_concrete_fields]
    entry_fields = [f for f in SearchEntry._meta.local_concrete_fields]
    qn = connection.ops.quote_name

    def insert_sql(model: type, fields: list) -> str:  # type: ignore[type-arg]
        columns = ", ".join(qn(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        return f"INSERT INTO {qn(model._meta.db_table)} ({columns}) VALUES ({marks})"

    item_sql = insert_sql(Item, item_fields)
    entry_sql = insert_sql(SearchEntry, entry_fields)
    now = timezone.now()
    items: list[list[object]] = []
    entries: list[list[object]] = []

    def flush() -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(item_sql, items)
            cursor.executemany(entry_sql, entries)
        items.clear()
        entries.clear()

    stamp: object = (
        now if connection.vendor == "postgresql" else now.replace(tzinfo=None).isoformat(" ")
    )
    for n, sample in enumerate(synthetic_items(count, seed=7), start=1):
        organ = organs[n % len(organs)]
        published = sample.written_on + datetime.timedelta(days=5)
        item = {
            "id": n,
            "organ_id": organ.pk,
            "previous_id": None,
            "version": 1,
            "state": "published",
            "index_number": f"BENCH/{published.year}-{n:06d}",
            "title": sample.title,
            "publisher": organ.short_name,
            "doc_number": "",
            "written_on": sample.written_on,
            "changed_on": None,
            "published_on": published,
            "due_on": None,
            "category": sample.category,
            "topic": sample.topic,
            "kind": "other",
            "disclosure_method": "主动公开",
            "disclosure_term": "长期公开",
            "effective_on": None,
            "ended_on": None,
            "body_source": sample.body,
            "body": f"<p>{sample.body}</p>",
            "body_text": sample.body,
            "interprets_id": None,
            "valid_until": None,
            "requires_interpretation": False,
            "created_by_id": user.pk,
            "created_at": stamp,
            "updated_at": stamp,
        }
        items.append([item[f.attname] for f in item_fields])
        body_tokens, body_folded = segmented(sample.body)
        entry = {
            "item_id": n,
            "organ_id": organ.pk,
            "category": sample.category,
            "topic": sample.topic,
            "year": published.year,
            "validity": "有效",
            "published_on": published,
            "title_tokens": token_string(index_tokens(sample.title)),
            "body_tokens": token_string(body_tokens),
            "text": normalize(sample.title) + "\n\n" + body_folded,
        }
        entries.append([entry[f.attname] for f in entry_fields])
        if len(items) == 5000:
            flush()
    if items:
        flush()
    search_terms.rebuild()  # the document frequencies the ranking reads
    facet_counts.rebuild()  # the catalogue's facet counts
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE disclosure_searchentry")
            cursor.execute("ANALYZE disclosure_item")
        else:
            cursor.execute("INSERT INTO disclosure_fts(disclosure_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
    return time.perf_counter() - started


def _child(vendor: str, count: int) -> dict[str, object]:
    import django

    django.setup()
    from django.db import connection

    from gongkai.disclosure.search import search
    from gongkai.disclosure.search_text import parse_query

    build = _build(count)
    rounds = 5
    timings = []
    totals = {}
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            results = search(query)
            timings.append((time.perf_counter() - started) * 1000)
            totals[query] = results.total
    scan = []
    for _ in range(rounds):
        for query in QUERIES:
            word = parse_query(query).ranking_words[0]
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT item_id FROM disclosure_searchentry WHERE text LIKE %s "
                    "ORDER BY published_on DESC LIMIT 10",
                    [f"%{word}%"],
                )
                cursor.fetchall()
                cursor.execute(
                    "SELECT COUNT(*) FROM disclosure_searchentry WHERE text LIKE %s",
                    [f"%{word}%"],
                )
                cursor.fetchall()
            scan.append((time.perf_counter() - started) * 1000)
    qa_timings = _qa_timings()
    return {
        "vendor": vendor,
        "count": count,
        "build_s": build,
        "qa_median_ms": statistics.median(qa_timings),
        "qa_max_ms": max(qa_timings),
        "median_ms": statistics.median(timings),
        "max_ms": max(timings),
        "scan_ms": statistics.median(scan),
        "totals": totals,
    }


def _qa_timings() -> list[float]:
    """The policy Q&A (``interaction.qa.answer``, no log, no model) over its written
    questions, against the same database: milliseconds per question."""
    sys.path.insert(0, str(ROOT))
    from gongkai.interaction import qa
    from tests.interaction.qa_questions import ANSWERABLE, UNANSWERABLE

    # questions over this database's own vocabulary (the search queries asked as a person
    # would), then the written ones (most of whose words it does not hold)
    questions = ["请问" + q.strip('"') + "有哪些规定？" for q in QUERIES]
    questions += [q for q, _ in ANSWERABLE] + UNANSWERABLE
    timings = []
    for _ in range(2):
        for question in questions:
            started = time.perf_counter()
            qa.answer(question, log=False, rephrasing=False)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def _run_child(vendor: str, env: dict[str, str]) -> dict[str, object] | None:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", vendor, str(COUNT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if proc.returncode != 0:
        print(f"   {vendor} 基准失败：{proc.stderr.strip().splitlines()[-3:]}", flush=True)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _pg_available() -> bool:
    try:
        import psycopg

        base = PG_URL.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            name = PG_URL.rsplit("/", 1)[1]
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
        return True
    except Exception as exc:  # no server: say so, skip
        print(f"   PostgreSQL 不可用，跳过：{exc}", flush=True)
        return False


def main() -> list[Result]:
    results: list[Result] = []
    print(
        f"   规模：{COUNT:,} 条已发布信息（库建一次后保留在 var/bench 与 PostgreSQL 库中）",
        flush=True,
    )
    BENCH_VAR.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "GONGKAI_VAR_DIR": str(BENCH_VAR),
        "DJANGO_SETTINGS_MODULE": "gongkai.config.settings",
    }
    env.pop("DATABASE_URL", None)
    runs = [("sqlite", env)]
    if _pg_available():
        runs.append(("postgresql", {**env, "DATABASE_URL": PG_URL}))
    for vendor, child_env in runs:
        data = _run_child(vendor, child_env)
        if data is None:
            continue
        median = float(data["median_ms"])  # type: ignore[arg-type]
        print(
            f"   {vendor}: 建库 {float(data['build_s']):.0f} s（0 表示沿用已建的库），"  # type: ignore[arg-type]
            f"最慢一次 {float(data['max_ms']):.0f} ms，命中条数 {data['totals']}",  # type: ignore[arg-type]
            flush=True,
        )
        results.append(
            Result(
                name=f"搜索中位数（{vendor}，{COUNT:,} 条）",
                value=median,
                unit="ms",
                reference_name="LIKE 全表扫描",
                reference_value=float(data["scan_ms"]),  # type: ignore[arg-type]
                target=f"< {TARGET_MS:.0f} ms",
                met=median < TARGET_MS,
            )
        )
        qa_median = float(data["qa_median_ms"])  # type: ignore[arg-type]
        results.append(
            Result(
                name=f"政策问答中位数（{vendor}，{COUNT:,} 条，最慢 {float(data['qa_max_ms']):.0f} ms）",  # type: ignore[arg-type]
                value=qa_median,
                unit="ms",
                reference_name="同库搜索中位数",
                reference_value=median,
                target=f"< {TARGET_MS:.0f} ms",
                met=qa_median < TARGET_MS,
            )
        )
    return results


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        print(json.dumps(_child(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else COUNT)))
    else:
        for result in main():
            print(result.line())
