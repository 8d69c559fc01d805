#!/bin/sh
# Install the Debian packages Gongkai's documents and tests use, when missing.
#   fonts-noto-cjk  a CJK font for the PDF renderer (WeasyPrint)
#   poppler-utils   pdftoppm, to look at rendered PDFs in tests
#   chromium        the browser the UI tests drive through Playwright
#   faketime        runs tests under a shifted clock (scripts/test-databases.sh), so a
#                   date bomb cannot come back unseen
# Best effort: without root or apt-get it says what is missing and carries on; the code
# that needs a package fails (or its test skips) with a message naming it.
missing=""
fc-list 2>/dev/null | grep -qi "Noto Sans CJK\|Noto Serif CJK" || missing="$missing fonts-noto-cjk"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || missing="$missing chromium"
command -v faketime >/dev/null 2>&1 || missing="$missing faketime"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "安装系统软件包:$missing"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >/tmp/gongkai-sysdeps.log 2>&1 \
    || echo "警告：无法安装$missing（详见 /tmp/gongkai-sysdeps.log），相关功能与测试将给出提示或跳过。"
else
  echo "提示：缺少系统软件包$missing；请以 root 运行：apt-get install$missing"
fi
exit 0
