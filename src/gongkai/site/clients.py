"""Moved to ``gongkai.core.clients`` (the client's address and the shared rate limit);
kept so that old imports and ``AXES_CLIENT_IP_CALLABLE`` settings still work."""

from gongkai.core.clients import axes_client_ip, client_ip, limited

__all__ = ["axes_client_ip", "client_ip", "limited"]
