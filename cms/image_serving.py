"""Wagtail's signed dynamic image view, through which the API links renditions that do not exist yet.

An API request never encodes an image: a rendition it asks for that has not been rendered is
answered with this view's signed URL, and the rendition is rendered when that URL is first fetched
(one image per request, cacheable by a CDN: Wagtail marks it public for an hour). The signature
(made with SECRET_KEY) means only the filter specs the API validated and signed can be rendered.

This is the one place that serves those URLs: a check of who may see an image (e.g. images of
restricted collections) belongs in ``serve_image``.
"""

from typing import Any

from wagtail.images.views.serve import ServeView, generate_image_url

VIEW_NAME = "citynews_image_serve"
URL_PATTERN = r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$"

serve_image = ServeView.as_view()


def image_url(image: Any, filter_spec: str) -> str:
    """The signed path at which ``image`` is rendered with ``filter_spec`` on first fetch."""
    return generate_image_url(image, filter_spec, viewname=VIEW_NAME)
