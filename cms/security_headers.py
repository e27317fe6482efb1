"""Response headers that django-csp and Django's own SecurityMiddleware do not set.

The Content-Security-Policy itself is django-csp's (``CONTENT_SECURITY_POLICY`` in settings).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from csp.constants import NONE, UNSAFE_INLINE
from csp.decorators import csp_replace, csp_update
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
# What /graphql/ answers with (JSON) loads nothing: every fetch directive is 'none'.
API_DIRECTIVES = ("default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "frame-src")
# Where strawberry's GraphiQL page (a development tool, off in production) loads its scripts from.
GRAPHIQL_SOURCES = ["https://unpkg.com", UNSAFE_INLINE]


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def graphql_csp(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """The API's policy: JSON loads nothing, so nothing is allowed; GraphiQL, when on, gets its scripts."""
    api_only = csp_replace({directive: [NONE] for directive in API_DIRECTIVES})(view)
    with_graphiql = csp_update(
        {directive: list(GRAPHIQL_SOURCES) for directive in ("script-src", "style-src", "connect-src")}
    )(view)

    @wraps(view)
    def respond(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return (with_graphiql if settings.CITYNEWS_GRAPHIQL else api_only)(request, *args, **kwargs)

    return respond
