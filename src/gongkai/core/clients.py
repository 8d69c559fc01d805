"""Who is asking, and how often: the client's address behind a reverse proxy, and one
rate limit for every public form and lookup.

``client_ip`` trusts ``X-Forwarded-For`` only when the request comes from an address in
``GONGKAI_TRUSTED_PROXIES`` (addresses or networks, comma separated, e.g.
``127.0.0.1,10.0.0.0/8``): then the client is the right-most address of the header that
is not itself a trusted proxy. Otherwise the header is ignored (anyone can write it).

``limited`` counts in the ``ratelimit`` cache, which every worker process shares
(Redis when ``GONGKAI_REDIS_URL`` is set, the database otherwise; never a per-process
memory), so twelve citizens behind one proxy are twelve clients and a limit holds
across gunicorn workers.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _trusted(spec: str) -> tuple[Network, ...]:
    return tuple(
        ipaddress.ip_network(p.strip(), strict=False) for p in spec.split(",") if p.strip()
    )


def _is_trusted(address: str) -> bool:
    spec = str(getattr(settings, "GONGKAI_TRUSTED_PROXIES", "") or "")
    if not spec:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _trusted(spec))


def client_ip(request: HttpRequest) -> str:
    """The client's address (see the module docstring)."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    if not _is_trusted(remote):
        return remote
    forwarded = [a.strip() for a in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    for address in reversed([a for a in forwarded if a]):
        if not _is_trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote  # a forged, unreadable entry: count the proxy's address
    return remote


def limited(scope: str, request: HttpRequest, limit: int, seconds: int = 3600) -> bool:
    """Count one more request of ``scope`` from this client; True once over ``limit``
    within ``seconds``."""
    cache = caches["ratelimit"]
    key = f"ratelimit:{scope}:{client_ip(request)}"
    if cache.add(key, 1, timeout=seconds):
        return limit < 1
    try:
        return int(cache.incr(key)) > limit
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return limit < 1


def axes_client_ip(request: HttpRequest) -> str:
    """``AXES_CLIENT_IP_CALLABLE``: the lockout counts the same client as the limits."""
    return client_ip(request)
