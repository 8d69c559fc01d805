"""External links: never requested unless the site's 巡查设置 allow it; then a link that
answers with an error is a problem, one that answers is not."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest

from gongkai.disclosure import workflow
from gongkai.supervision import inspect
from gongkai.supervision.catalogue import validate
from gongkai.supervision.models import InspectionSettings, Problem
from gongkai_demo.factories.disclosure import Team, make_item

pytestmark = pytest.mark.django_db


class _Site(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_HEAD(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Site.requests = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_external_links_only_when_allowed(
    organ_tree: dict[str, Any], site: str, frozen_today: date
) -> None:
    assert validate() == []
    organ = organ_tree["a"]
    item = make_item(
        Team.for_organ(organ),
        state=workflow.PUBLISHED,
        on=frozen_today,
        body=f'<p><a href="{site}/ok">有效</a> <a href="{site}/gone">失效</a></p>',
    )
    inspect.run([organ], on=frozen_today)
    assert _Site.requests == [] and not Problem.objects.filter(rule="LINK.EXTERNAL").exists()
    InspectionSettings.objects.create(check_external_links=True)
    inspect.run([organ], on=frozen_today)
    assert sorted(_Site.requests) == ["/gone", "/ok"]
    found = Problem.objects.get(rule="LINK.EXTERNAL")
    assert found.key == f"item:{item.pk}:{site}/gone"
