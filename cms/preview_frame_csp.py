"""The admin's Preview panel frames each site's front-end preview address: allow exactly those origins.

``home.models.FrontendPreviewMixin`` redirects the panel's frame to ``FrontendSettings.preview_url``;
the policy's ``frame-src 'self'`` would block it. Admin HTML pages (200) get every site's preview
origin added to ``frame-src`` (one query); nothing else is loosened, and no other answer changes:
an error page, such as the 503 of an outage, is left alone (and reads no database).
"""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponseBase

from cms.outages import OUTAGES
from cms.routes import route
from home.models import FrontendSettings


def preview_origins() -> list[str]:
    """The scheme://host[:port] of every site's front-end preview address, each once, sorted."""
    urls = FrontendSettings.objects.exclude(preview_url="").values_list("preview_url", flat=True)
    return sorted({f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, urls) if parts.netloc})


class PreviewFrameMiddleware:
    """Sits inside django-csp's middleware, which reads ``response._csp_update`` as it builds the header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if (
            response.status_code == 200
            and request.path_info.startswith(route("wagtailadmin_home"))
            and response.get("Content-Type", "").startswith("text/html")
        ):
            try:
                origins = preview_origins()
            except OUTAGES:  # the database went away after the page was made: give it, unframed
                return response
            if origins:
                update: dict[str, list[str]] = dict(getattr(response, "_csp_update", None) or {})
                update["frame-src"] = [*update.get("frame-src", []), *origins]
                response._csp_update = update  # type: ignore[attr-defined]
        return response
