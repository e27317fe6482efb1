"""The client's IP address, as the rate limit and the admin's login lockout both count it.

Behind ``CITYNEWS_TRUSTED_PROXIES`` reverse proxies, each proxy appends the address it saw to
``X-Forwarded-For``, so the client is the Nth entry from the right; anything further left was
written by the client and is not trusted. With no trusted proxy, the connection's address.
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    return client_address(request.META)


def client_address(meta: Mapping[str, Any]) -> str:
    """The client's address from a request's ``META`` (or the WSGI environ it is made from)."""
    remote_addr: str = meta.get("REMOTE_ADDR", "")
    hops: int = settings.CITYNEWS_TRUSTED_PROXIES
    if hops <= 0:
        return remote_addr
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-hops] if len(forwarded) >= hops else remote_addr
