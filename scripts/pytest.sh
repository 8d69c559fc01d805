#!/bin/sh
# Run the suite; an empty selection (pytest's exit code 5) is a failure, said out loud.
.venv/bin/python -m pytest "$@"
rc=$?
if [ "$rc" = "5" ]; then
  echo "错误：pytest 没有收集到任何测试（退出码 5）。测试选择为空，视为失败。" >&2
  exit 1
fi
exit $rc
