"""No private link's token reaches a log line: the app's loggers, runserver's request
lines and gunicorn's access log all have ``token=…`` redacted."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

import pytest

from gongkai.site.logs import RedactingRecordFactory, install, redact

SECRET = "W3VntWsx-0gXcitQ_JUNghDvvN_xudnp"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"GET /apply/FGJ-2026-00001/?token={SECRET} HTTP/1.1",
            "GET /apply/FGJ-2026-00001/?token=[redacted] HTTP/1.1",
        ),
        (f"/apply/X/?utm=mail&token={SECRET}&x=1", "/apply/X/?utm=mail&token=[redacted]&x=1"),
        (
            f'Referer "http://h/apply/X/?TOKEN={SECRET}"',
            'Referer "http://h/apply/X/?TOKEN=[redacted]"',
        ),
        (f"next=%2Fapply%2FX%2F%3Ftoken%3D{SECRET}", "next=%2Fapply%2FX%2F%3Ftoken%3D[redacted]"),
        ("csrftoken=abc; api_token=def", "csrftoken=abc; api_token=def"),
        ("GET /apply/X/ HTTP/1.1", "GET /apply/X/ HTTP/1.1"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


@contextmanager
def lines_of(logger: logging.Logger) -> Iterator[list[str]]:
    """The formatted lines ``logger`` emits meanwhile (whatever its propagation)."""
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Keep(logging.INFO)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_the_factory_is_installed_once_with_the_site() -> None:
    assert isinstance(logging.getLogRecordFactory(), RedactingRecordFactory)
    install()
    assert not isinstance(logging.getLogRecordFactory().wrapped, RedactingRecordFactory)  # type: ignore[attr-defined]


def test_runservers_request_line_and_the_apps_own_loggers_are_redacted() -> None:
    for name in ("django.server", "gongkai.applications.views.public"):
        with lines_of(logging.getLogger(name)) as lines:
            logging.getLogger(name).info(
                '"%s" %s %s', f"GET /apply/X/?token={SECRET} HTTP/1.1", 303, 0
            )
            logging.getLogger(name).warning("refused: %s", {"url": f"/apply/X/?token={SECRET}"})
        assert lines == [
            '"GET /apply/X/?token=[redacted] HTTP/1.1" 303 0',
            "refused: {'url': '/apply/X/?token=[redacted]'}",
        ], name


def test_gunicorns_access_log_is_redacted() -> None:
    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    config = Config()
    config.set("accesslog", "-")
    gunicorn = Logger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/apply/X/?token={SECRET}",
        "PATH_INFO": "/apply/X/",
        "QUERY_STRING": f"token={SECRET}",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://mail.example.cn/read?u=https://h/apply/X/?token={SECRET}",
    }
    response = SimpleNamespace(status="303 See Other", sent=0, headers=[("Location", "/apply/X/")])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    with lines_of(gunicorn.access_log) as lines:
        gunicorn.access(response, request, environ, timedelta(milliseconds=3))
    (line,) = lines
    assert SECRET not in line
    assert '"GET /apply/X/?token=[redacted] HTTP/1.1" 303' in line
    assert "/apply/X/?token=[redacted]" in line.split('" 303')[1]  # the Referer too
