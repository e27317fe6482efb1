"""Preview tokens: signed, short-lived, bound to one previewed state of one page on one site.

The token is ``django.core.signing``'s timestamped signature over the preview's id, page and
site; nothing else is needed to check it, and it cannot be forged without ``SECRET_KEY``.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone
from wagtail.models import Page, Site

from .models import PagePreview

SALT = "citynews.previews.token"


class InvalidPreviewToken(Exception):
    """A token that is expired, forged, malformed, for another site, or whose preview is gone."""


def token_lifetime() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.CITYNEWS_PREVIEW_TOKEN_SECONDS)


def create_preview(page: Page, site: Site) -> str:
    """Keep ``page`` in the state it is in (unsaved edits included) and return its token.

    ``page`` is what Wagtail's preview built from the editor's form, or the latest revision
    (``get_latest_revision_as_object()``); ``serializable_data()`` serializes it as a revision.
    """
    PagePreview.objects.filter(created_at__lt=timezone.now() - token_lifetime()).delete()
    preview = PagePreview.objects.create(page_id=page.pk, site=site, content=page.serializable_data())
    return signing.dumps({"preview": preview.pk.hex, "page": page.pk, "site": site.pk}, salt=SALT)


def previewed_page(token: str, site: Site) -> Page:
    """The page in the state ``token`` was made for; raises ``InvalidPreviewToken`` otherwise."""
    try:
        claims = signing.loads(token, salt=SALT, max_age=token_lifetime())
    except signing.SignatureExpired as error:
        raise InvalidPreviewToken("This preview token has expired: open the preview again in the admin.") from error
    except signing.BadSignature as error:
        raise InvalidPreviewToken("This preview token is not valid: use the token the admin's preview sent.") from error
    if not isinstance(claims, dict) or not {"preview", "page", "site"} <= claims.keys():
        raise InvalidPreviewToken("This preview token is not valid: use the token the admin's preview sent.")
    if claims["site"] != site.pk:
        raise InvalidPreviewToken("This preview token belongs to another site: ask this site's API for it.")
    preview = (
        PagePreview.objects.filter(pk=claims["preview"], page_id=claims["page"], site_id=site.pk)
        .select_related("page")
        .first()
    )
    if preview is None:
        raise InvalidPreviewToken("This preview no longer exists: open the preview again in the admin.")
    return preview.as_page()
