"""依申请公开 on PostgreSQL: the officer's queue page and a year's statistics.

Timed: (1) the officer's queue page (``/office/applications/``, rendered through the test
client, logged in as an officer of one organ), (2) tables 三/四 for one organ and for
the supervising office's whole subtree, for 2025, and (3) the supervisor's statistics page
for the whole subtree (every number a link), over ``GONGKAI_BENCH_CASES`` simulated
cases (default 100,000, the issue's scale) across 20 organs under one supervising office.
The simulated histories go in with PostgreSQL ``COPY`` (``simulate``), about a minute for
100,000 cases and their ~650,000 events on 2 cores; the scale is printed.
References, same run: (1) the same page for an organ with no cases (the fixed cost of a
page); (2) counting the same table in Python from the case facts (``tally.tally``);
(3) the statistics page of an organ with no cases.
Target: median under 300 ms for the queue page and for the statistics.

The database (``GONGKAI_BENCH_DB``, default ``gongkai_applications``) on 127.0.0.1 (user
postgres) is created when missing and reused while it holds the expected number of cases,
so only the first run pays for generation. Runs in a child process so that its Django
settings do not leak into other benchmarks.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import Result, child_results  # noqa: E402

DB = os.environ.get("GONGKAI_BENCH_DB", "gongkai_applications")
URL = f"postgres://postgres@127.0.0.1:5432/{DB}"
CASES = int(os.environ.get("GONGKAI_BENCH_CASES", "100000"))
TARGET_MS = 300.0


def main() -> list[Result]:
    env = {
        **os.environ,
        "DATABASE_URL": URL,
        "DJANGO_SETTINGS_MODULE": "gongkai.config.settings",
        "PYTHONPATH": str(HERE.parent / "src"),
    }
    results = child_results(__file__, env)
    out = []
    for name, ref_name, value, ref in results:
        out.append(
            Result(
                name=name,
                value=value,
                unit="ms",
                reference_name=ref_name,
                reference_value=ref,
                target=f"< {TARGET_MS:.0f} ms（中位数）",
                met=value < TARGET_MS,
            )
        )
    return out


def _ensure_database() -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB}"')


def child() -> None:
    import time
    from datetime import date

    _ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from _common import median_ms
    from gongkai.applications import services, stats
    from gongkai.applications.models import Application
    from gongkai.applications.tally import CaseFacts, tally
    from gongkai.organs.models import Membership, Organ
    from gongkai_demo.factories.organs import OrganFactory, UserFactory
    from gongkai_demo.simulate import simulate

    setup_test_environment()
    call_command("migrate", verbosity=0)
    office = Organ.objects.filter(slug="bench-office").first()
    if office is None or Application.objects.filter(organ__parent=office).count() != CASES:
        if office is None:
            office = OrganFactory(slug="bench-office", name="基准测试区政府办公室")
            for i in range(20):
                OrganFactory(parent=office, slug=f"bench-{i:02d}", name=f"基准测试区第{i:02d}局")
        else:
            from django.apps import apps
            from django.db import connection

            tables = ", ".join(
                f'"{m._meta.db_table}"' for m in apps.get_app_config("applications").get_models()
            )
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {tables} CASCADE")
        organs = list(Organ.objects.filter(parent=office).exclude(slug="bench-empty"))
        started = time.perf_counter()
        events = simulate(
            organs, CASES, first=date(2024, 1, 1), last=date(2026, 3, 31), until=date(2026, 3, 31)
        )
        print(
            f"生成 {CASES:,} 件模拟申请、{events:,} 条办理记录："
            f"{time.perf_counter() - started:.1f} s（PostgreSQL COPY 批量写入）",
            flush=True,
        )
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    organ = Organ.objects.get(slug="bench-00")
    empty = Organ.objects.filter(slug="bench-empty").first() or OrganFactory(
        slug="bench-empty", parent=office
    )
    officer = UserFactory(username="bench_officer")
    idle = UserFactory(username="bench_idle")
    Membership.objects.get_or_create(user=officer, organ=organ, role="officer")
    Membership.objects.get_or_create(user=idle, organ=empty, role="officer")
    services.today = lambda: date(2026, 3, 31)  # the simulated "now"

    supervisor = UserFactory(username="bench_supervisor")
    Membership.objects.get_or_create(user=supervisor, organ=office, role="supervisor")
    busy_client, idle_client, supervisor_client = Client(), Client(), Client()
    busy_client.force_login(officer)
    idle_client.force_login(idle)
    supervisor_client.force_login(supervisor)
    n_open = Application.objects.filter(organ=organ, closed_on__isnull=True).count()
    print(f"规模：{CASES:,} 件，{organ.name}办理中 {n_open:,} 件", flush=True)

    def queue() -> None:
        r = busy_client.get("/office/applications/")
        assert r.status_code == 200

    def queue_empty() -> None:
        assert idle_client.get("/office/applications/").status_code == 200

    def stats_page(slug: str) -> None:
        r = supervisor_client.get(f"/office/applications/stats/{slug}/2025/")
        assert r.status_code == 200

    subtree = office.descendant_ids()
    one = {organ.pk}

    def facts_tally(ids: set[int]) -> None:
        rows = Application.objects.filter(organ_id__in=ids).values_list(
            "id", "applicant_type", "received_on", "closed_on", "outcome"
        )
        tally(2025, (CaseFacts(*r) for r in rows))

    results = [
        ("办事员待办页面（中位数）", "无案件的同一页面", median_ms(queue), median_ms(queue_empty)),
        (
            "一个机关的年度表三、表四（数据库分组计数）",
            "同一统计在 Python 中逐件计数",
            median_ms(lambda: stats.annual_stats(one, 2025)),
            median_ms(lambda: facts_tally(one), repeat=5),
        ),
        (
            f"主管部门全辖区（{len(subtree) - 1}个机关）年度表三、表四",
            "同一统计在 Python 中逐件计数",
            median_ms(lambda: stats.annual_stats(subtree, 2025)),
            median_ms(lambda: facts_tally(subtree), repeat=3),
        ),
        (
            "主管部门全辖区年度统计页面（表三、表四，每格链接）",
            "无案件机关的同一页面",
            median_ms(lambda: stats_page("bench-office")),
            median_ms(lambda: stats_page("bench-empty")),
        ),
    ]
    print(json.dumps({"results": results}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        for r in main():
            print(r.line())
