#!/bin/sh
# Run the suite on SQLite; then the applications, reports and disclosure tests once more on
# SQLite under a clock moved to 20 December two years ahead (faketime), so a date bomb cannot
# come back unseen; then the database-backed tests again on PostgreSQL when a server answers
# on 127.0.0.1:5432 (user postgres, trust authentication); say so when none does.
# Arguments are passed to pytest every time (after ours: a later ``-n`` wins).
# Every pass runs on two xdist workers, one per core of a CI machine: each worker has its own
# test database (test_…_gw0, test_…_gw1) and its own chromium.
set -u
PY=.venv/bin/python
PG_URL="${GONGKAI_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/gongkai_ci}"

echo "== 测试：SQLite =="
env -u DATABASE_URL sh scripts/pytest.sh -n 2 "$@" || exit $?

# Tests that register, confirm or age a case fix their own "today" (time-machine); all the
# others run at this shifted clock. Two xdist workers, and no browser or slow tests (the one
# slow test, a simulated year, has every date fixed), keep the pass to about a minute.
SHIFTED_DAY="$(($(date +%Y) + 2))-12-20"
if command -v faketime >/dev/null 2>&1; then
  echo "== 测试：时钟移至${SHIFTED_DAY}（faketime）=="
  env -u DATABASE_URL faketime "$SHIFTED_DAY 10:00:00" $PY -m pytest -n 2 -p no:cacheprovider \
    -m "not browser and not slow" tests/applications tests/reports tests/disclosure "$@"
  rc=$?
  if [ "$rc" = "5" ] && [ "$#" -gt 0 ]; then
    echo "所选测试中没有依申请公开、年度报告、主动公开的测试，时钟移至${SHIFTED_DAY}的轮次无事可做。"
  elif [ "$rc" = "5" ]; then
    echo "错误：时钟移至${SHIFTED_DAY}的轮次没有收集到任何测试（退出码 5），视为失败。" >&2
    exit 1
  elif [ "$rc" != "0" ]; then
    exit $rc
  fi
else
  echo "未找到 faketime，跳过时钟移至${SHIFTED_DAY}的测试（需要 Debian 软件包 faketime：以 root 运行 make test 会自动安装，或手动执行 apt-get install faketime）。"
fi

if ! $PY scripts/pg_ready.py "$PG_URL"; then
  echo "未检测到 PostgreSQL，仅在 SQLite 上运行（$PG_URL 无响应）。"
  exit 0
fi
echo "== 测试：PostgreSQL（$PG_URL，仅运行使用数据库的测试，不含浏览器测试）=="
DATABASE_URL="$PG_URL" GONGKAI_DB_TESTS_ONLY=1 $PY -m pytest -n 2 -m "not browser" "$@"
rc=$?
if [ "$rc" = "5" ]; then
  echo "所选测试中没有使用数据库的测试，PostgreSQL 轮次无事可做。"
  exit 0
fi
exit $rc
