"""Who may fetch an image file, and the view that serves image files under ``MEDIA_URL``.

``MEDIA_ROOT`` is never served as a plain folder: an image of a restricted collection is a file
there like any other. Every image file (originals under ``original_images/``, renditions under
``images/``) goes through :func:`image_file_response`, which applies the collection's view
restrictions; documents are served only by Wagtail's document view (``/documents/<id>/...``),
which applies them too. Any other view that serves an image file must call
:func:`image_file_response` (or :func:`may_view_image`) as well.
"""

import mimetypes
from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction
from wagtail.permissions import policy_registry

# Public image files may be kept by browsers and CDNs this long; a replaced file gets a new name.
PUBLIC_MAX_AGE = 60 * 60 * 24


def _passes(request: HttpRequest, image: Any, restrictions: list[CollectionViewRestriction]) -> bool:
    if all(restriction.accept_request(request) for restriction in restrictions):
        return True
    policy = policy_registry.get_by_type(get_image_model())
    return policy.user_has_any_permission_for_instance(request.user, ["change", "choose"], image)


def may_view_image(request: HttpRequest, image: Any) -> bool:
    """Public images to anyone; restricted ones to who passes every restriction or may use it in the admin."""
    return _passes(request, image, list(image.collection.get_view_restrictions()))


def image_file_response(request: HttpRequest, image: Any, name: str) -> HttpResponseBase:
    """The file ``name`` (the original or one of its renditions) of ``image``, or 404 for who may not see it.

    Public files may be cached anywhere; a restricted file that the request may see, nowhere.
    """
    restrictions = list(image.collection.get_view_restrictions())
    if not _passes(request, image, restrictions):
        raise Http404
    response = FileResponse(image.file.storage.open(name), content_type=mimetypes.guess_type(name)[0])
    if restrictions:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """``MEDIA_URL/<path>``: image originals and renditions, with their checks; nothing else."""
    Image = get_image_model()
    if path.startswith("original_images/"):
        image = Image.objects.select_related("collection").filter(file=path).first()
    elif path.startswith("images/"):
        rendition = Image.get_rendition_model().objects.select_related("image__collection").filter(file=path).first()
        image = rendition and rendition.image
    else:
        image = None
    if image is None:
        raise Http404
    return image_file_response(request, image, path)
