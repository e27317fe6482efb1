"""The client's IP address, as the rate limit and the admin's login lockout both count it.

Behind ``CITYNEWS_TRUSTED_PROXIES`` reverse proxies, each proxy appends the address it saw to
``X-Forwarded-For``, so the client is the Nth entry from the right; anything further left was
written by the client and is not trusted. With no trusted proxy, the connection's address.
"""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote_addr: str = request.META.get("REMOTE_ADDR", "")
    hops: int = settings.CITYNEWS_TRUSTED_PROXIES
    if hops <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-hops] if len(forwarded) >= hops else remote_addr
