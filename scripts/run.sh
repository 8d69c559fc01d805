#!/bin/sh
# `make run`: the background worker (django-q2's cluster: sending, reminders, digests) beside
# the web server, in the foreground; Ctrl-C stops both.
set -eu
VENV=${VENV:-.venv}
PORT=${PORT:-8000}
"$VENV/bin/python" manage.py qcluster &
worker=$!
stop() {
    kill -INT "$worker" 2>/dev/null || true
    wait "$worker" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM
# The access log never shows a private link's token: the app redacts "token=…" in every log
# record its process makes, gunicorn's access lines included (gongkai/site/logs.py).
"$VENV/bin/gunicorn" gongkai.config.wsgi --bind "127.0.0.1:$PORT" --workers 2 --access-logfile -
