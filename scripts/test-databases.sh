#!/bin/sh
# Run the suite on SQLite, then the database-backed tests again on PostgreSQL when a server
# answers on 127.0.0.1:5432 (user postgres, trust authentication); say so when none does.
# Arguments are passed to pytest both times.
set -u
PY=.venv/bin/python
PG_URL="${GONGKAI_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/gongkai_ci}"

echo "== 测试：SQLite =="
env -u DATABASE_URL sh scripts/pytest.sh "$@" || exit $?

if ! $PY scripts/pg_ready.py "$PG_URL"; then
  echo "未检测到 PostgreSQL，仅在 SQLite 上运行（$PG_URL 无响应）。"
  exit 0
fi
echo "== 测试：PostgreSQL（$PG_URL，仅运行使用数据库的测试，不含浏览器测试）=="
DATABASE_URL="$PG_URL" GONGKAI_DB_TESTS_ONLY=1 $PY -m pytest -m "not browser" "$@"
rc=$?
if [ "$rc" = "5" ]; then
  echo "所选测试中没有使用数据库的测试，PostgreSQL 轮次无事可做。"
  exit 0
fi
exit $rc
