"""Response headers that django-csp and Django's own SecurityMiddleware do not set.

The Content-Security-Policy itself is django-csp's (``CONTENT_SECURITY_POLICY`` in settings), but
for the API's, which is built once here.
"""

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

import csp.middleware
from csp.constants import HEADER, NONE, UNSAFE_INLINE
from csp.utils import build_policy
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


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, leaving alone an answer whose view set the whole policy itself.

    django-csp builds the policy from the settings on every answer, even one that already has it;
    the API's policy never changes, so ``graphql_csp`` sets it from a string built once instead.
    """

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if HEADER in response and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
            return response
        return super().process_response(request, response)


@lru_cache(maxsize=2)
def api_policy(graphiql: bool) -> str:
    """The API's policy: JSON loads nothing, so nothing is allowed; GraphiQL, when on, gets its scripts."""
    if graphiql:
        sources = {directive: list(GRAPHIQL_SOURCES) for directive in ("script-src", "style-src", "connect-src")}
        return build_policy(update=sources)
    return build_policy(replace={directive: [NONE] for directive in API_DIRECTIVES})


def graphql_csp(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Gives the view's answers the API's policy (``api_policy``)."""

    @wraps(view)
    def respond(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        response[HEADER] = api_policy(settings.CITYNEWS_GRAPHIQL)
        return response

    return respond
