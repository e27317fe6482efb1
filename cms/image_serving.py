"""Wagtail's signed dynamic image view, through which the API links renditions that do not exist yet.

An API request never encodes an image: a rendition it asks for that has not been rendered is
answered with this view's signed URL, and the rendition is rendered when that URL is first fetched
(one image per request, cacheable by a CDN: Wagtail marks it public for an hour). The signature
(made with SECRET_KEY) means only the filter specs the API validated and signed can be rendered.

This is the one place that serves those URLs, and it applies the same collection view
restrictions as every other image file (``home.media.may_view_image``).
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from wagtail.images import get_image_model
from wagtail.images.views.serve import ServeView, generate_image_url

from home.media import may_view_image

VIEW_NAME = "citynews_image_serve"
URL_PATTERN = r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$"


class CheckedServeView(ServeView):
    """Wagtail's view, refusing (404) an image of a restricted collection to who may not see it."""

    def get(
        self, request: HttpRequest, signature: str, image_id: str, filter_spec: str, filename: str | None = None
    ) -> HttpResponseBase:
        image = get_object_or_404(get_image_model().objects.select_related("collection"), id=image_id)
        if not may_view_image(request, image):
            raise Http404
        response: HttpResponseBase = super().get(request, signature, image_id, filter_spec, filename)
        if image.collection.get_view_restrictions().exists():
            patch_cache_control(response, private=True, no_store=True, max_age=0)
        return response


serve_image = CheckedServeView.as_view()


def image_url(image: Any, filter_spec: str) -> str:
    """The signed path at which ``image`` is rendered with ``filter_spec`` on first fetch."""
    return generate_image_url(image, filter_spec, viewname=VIEW_NAME)
