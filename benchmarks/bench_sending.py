"""The outbox: e-mailing pending notices through a real SMTP conversation on localhost.

Timed: ``outbox.deliver_pending`` over ``GONGKAI_BENCH_NOTICES`` pending notices (default
300; each claimed, rendered, sent and recorded on its case), over one SMTP connection per
run. Reference, same run, same notices: delivering each notice with ``outbox.deliver``
and no shared connection, i.e. one SMTP connection per message (how sending worked
before). The SMTP server is a minimal one in this process (it accepts every message and
counts it), so the numbers measure the client's work and the connection set-up, not a
mail system. SQLite file database, created fresh in a temporary folder; runs in a child
process so that its Django settings do not leak into other benchmarks.
"""

from __future__ import annotations

import json
import os
import socketserver
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import Result, child_results  # noqa: E402

NOTICES = int(os.environ.get("GONGKAI_BENCH_NOTICES", "300"))


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's client: greet, accept, count."""

    received = 0
    lock = threading.Lock()

    def _say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self._say("220 bench ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self._say("250 bench")
            elif verb == b"DATA":
                self._say("354 go ahead")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                with _Smtp.lock:
                    _Smtp.received += 1
                self._say("250 queued")
            elif verb == b"QUIT":
                self._say("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self._say("250 ok")


def main() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "gongkai.config.settings",
            "GONGKAI_VAR_DIR": tmp,
            "PYTHONPATH": str(HERE.parent / "src") + os.pathsep + str(HERE.parent),
        }
        results = child_results(__file__, env)
    return [Result(name, value, "ms/件", ref_name, ref) for name, ref_name, value, ref in results]


def child() -> None:
    import time
    from datetime import date

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.smtp.EmailBackend"
    os.environ["EMAIL_HOST"] = "127.0.0.1"
    os.environ["EMAIL_PORT"] = str(server.server_address[1])

    import django

    django.setup()
    from django.core.management import call_command

    from gongkai.applications import outbox, services
    from gongkai.applications.models import Notice
    from tests.applications.factories import APPLICANT, Staff

    call_command("migrate", verbosity=0)
    services.today = lambda: date(2025, 6, 16)  # a day the shipped calendar covers
    staff = Staff()
    for _ in range(NOTICES):
        case, _ = services.submit_online(staff.organ, {**APPLICANT})
        services.apply(case, "confirm", staff.officer, data={"receipt_basis": "confirmed"})
    ids = list(Notice.objects.values_list("id", flat=True))
    print(f"规模：{len(ids)} 份待发送通知，本进程内的 SMTP 服务器", flush=True)

    def reset() -> None:
        Notice.objects.filter(pk__in=ids).update(status=Notice.Status.PENDING)

    def batched() -> float:
        reset()
        started = time.perf_counter()
        summary = outbox.deliver_pending()
        assert summary.sent == len(ids), summary
        return (time.perf_counter() - started) * 1000 / len(ids)

    def one_connection_each() -> float:
        reset()
        notices = list(Notice.objects.filter(pk__in=ids).select_related("application__organ"))
        started = time.perf_counter()
        for notice in notices:
            assert outbox.deliver(notice) == Notice.Status.SENT
        return (time.perf_counter() - started) * 1000 / len(ids)

    runs = [(batched(), one_connection_each()) for _ in range(3)]
    value = min(r[0] for r in runs)
    reference = min(r[1] for r in runs)
    assert _Smtp.received == 6 * len(ids), _Smtp.received
    results = [("发送通知（领取后发送，每批一个连接）", "每份通知一个 SMTP 连接", value, reference)]
    print(json.dumps({"results": results}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        for r in main():
            print(r.line())
