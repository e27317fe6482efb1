"""Probes for load balancers and orchestrators: ``/healthz`` (the process answers) and ``/readyz``
(it can serve: the database and the cache answer). Neither touches sessions, cookies or content."""

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .outages import OUTAGES, RETRY_AFTER_SECONDS

READINESS_CACHE_KEY = "citynews:readyz"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: answers without the database, so an outage never gets healthy workers restarted."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: 503 with ``Retry-After`` while the database or the cache cannot be reached."""
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    ready = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if ready else "unavailable",
            "checks": {name: "ok" if up else "down" for name, up in checks.items()},
        },
        status=200 if ready else 503,
        headers=None if ready else {"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except OUTAGES:
        connection.close_if_unusable_or_obsolete()
        return False


def _cache_answers() -> bool:
    try:
        cache.set(READINESS_CACHE_KEY, "ok", timeout=10)
        return cache.get(READINESS_CACHE_KEY) == "ok"
    except Exception:  # any cache backend's connection error: the cache is down, the probe says so
        return False
