"""Response headers that django-csp and Django's own SecurityMiddleware do not set.

The Content-Security-Policy itself is django-csp's (``CONTENT_SECURITY_POLICY`` in settings).
"""

from collections.abc import Callable
from typing import Any

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# Browser features neither the admin nor the API uses, switched off for every page and frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)
# Where strawberry's GraphiQL page (a development tool, off in production) loads its scripts from.
GRAPHIQL_SOURCES = ["https://unpkg.com"]


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def graphql_csp(view: Callable[..., Any]) -> Callable[..., Any]:
    """The API's view under the site's policy, widened for GraphiQL's scripts when it is switched on."""
    if not settings.CITYNEWS_GRAPHIQL:
        return view
    sources = [*GRAPHIQL_SOURCES, UNSAFE_INLINE]
    return csp_update({"script-src": sources, "style-src": sources, "connect-src": sources})(view)
