"""Rate limits count clients, not the proxy in front of them, and hold across workers."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from gongkai.core.clients import client_ip, limited

pytestmark = pytest.mark.django_db


def request(remote: str, forwarded: str = ""):  # type: ignore[no-untyped-def]
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/apply/", **meta)


def test_forwarded_for_is_believed_only_from_a_trusted_proxy(settings) -> None:  # type: ignore[no-untyped-def]
    settings.GONGKAI_TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/8"
    assert client_ip(request("127.0.0.1", "203.0.113.7")) == "203.0.113.7"
    # a client cannot pick its address by writing the header itself
    assert client_ip(request("198.51.100.9", "203.0.113.7")) == "198.51.100.9"
    # the right-most address that is not one of ours: what our proxy saw
    assert client_ip(request("10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.5")) == "203.0.113.7"
    assert client_ip(request("127.0.0.1", "not-an-address")) == "127.0.0.1"
    settings.GONGKAI_TRUSTED_PROXIES = ""
    assert client_ip(request("127.0.0.1", "203.0.113.7")) == "127.0.0.1"


def test_twelve_citizens_behind_one_proxy_are_twelve_clients(settings) -> None:  # type: ignore[no-untyped-def]
    settings.GONGKAI_TRUSTED_PROXIES = "127.0.0.1"
    for n in range(12):
        for _ in range(10):
            assert not limited("test:apply", request("127.0.0.1", f"203.0.113.{n}"), 10)
    assert limited("test:apply", request("127.0.0.1", "203.0.113.0"), 10)


def test_the_counters_live_in_a_cache_every_worker_shares() -> None:
    backend = caches["ratelimit"].__class__.__module__
    assert backend.endswith(("backends.db", "backends.redis")), backend


def test_axes_keys_lockouts_by_the_same_client_address() -> None:
    from django.conf import settings
    from django.utils.module_loading import import_string

    from gongkai.core import clients as core_clients

    assert import_string(settings.AXES_CLIENT_IP_CALLABLE) is core_clients.axes_client_ip
