"""No private link's token reaches a log line.

An applicant's (or a message writer's) private link holds its token in the query
(``?token=…``), and the API takes it there too. Every log record made in the process —
the app's own loggers, Django's (``django.request``, runserver's ``django.server`` request
lines) and gunicorn's access log (``--access-logfile``, which logs the request line and the
Referer) — has ``token=…`` replaced by ``token=[redacted]`` before any handler sees it:
``install()`` (called once from the site's ``AppConfig.ready``) wraps the record factory.

A server in front of the app (nginx, a load balancer) keeps its own access log; there the
token shows only on the link's first request, which the app answers by a redirect to a URL
without it (``applications.private_link``).
"""

from __future__ import annotations

import logging
import re
from typing import Any

TOKEN_IN_TEXT = re.compile(r"(?i)((?:\b|%3F|%26)token(?:=|%3D))[^&\s\"'#;<>]+")
"""``token=`` in a query string, a Referer or a request line (also percent-encoded, as in
a ``next=`` parameter)."""
REDACTED = r"\1[redacted]"


def redact(text: str) -> str:
    """``text`` with the value of every ``token=`` replaced."""
    return TOKEN_IN_TEXT.sub(REDACTED, text)


class RedactingRecordFactory:
    """The record factory in use, whose records have their tokens redacted."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = self.wrapped(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format: left for logging to report as it does
            return record
        if "token" in message.lower():
            cleaned = redact(message)
            if cleaned != message:
                record.msg, record.args = cleaned, None
        return record


def install() -> None:
    """Redact every log record made from now on in this process (once)."""
    current = logging.getLogRecordFactory()
    if not isinstance(current, RedactingRecordFactory):
        logging.setLogRecordFactory(RedactingRecordFactory(current))
