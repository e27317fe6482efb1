"""Page addresses on the public website (the front end), never the CMS's own.

One formula for the API's ``url`` field, the feeds, the admin's "View live" links and the CMS host's
redirects: pages in the default language live at the front end's root, translations under their
language code, e.g. ``https://example.org/fr/news/kutaisi-conference/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpRequest
from wagtail.coreutils import get_supported_content_language_variant

if TYPE_CHECKING:
    from .visibility import PublicView

    _PageBase = Any
else:
    _PageBase = object


def default_language_code() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def frontend_root(base_url: str, language_code: str) -> str:
    """Where the pages of one language start on the front end at ``base_url``."""
    prefix = "" if language_code == default_language_code() else f"/{language_code}"
    return f"{base_url.rstrip('/')}{prefix}"


def frontend_url(base_url: str, path_below_root: str, language_code: str) -> str:
    """The address of the page at ``path_below_root`` (``/news/x/``) on the front end at ``base_url``."""
    return frontend_root(base_url, language_code) + path_below_root


def page_path(view: PublicView, url_path: str) -> str:
    """The page's path below the site root of its language, e.g. ``/news/kutaisi-conference/``."""
    for root in view.site_roots:
        if url_path.startswith(root.url_path):
            return "/" + url_path[len(root.url_path) :]
    return url_path


def page_url(view: PublicView, url_path: str, locale_id: int) -> str | None:
    """The page's address on the site's front end (``None`` until a front-end URL is configured)."""
    if not view.frontend_base_url:
        return None
    return frontend_url(view.frontend_base_url, page_path(view, url_path), view.locale_code(locale_id))


def frontend_base_url(site_id: int) -> str:
    from .models import FrontendSettings

    return FrontendSettings.objects.filter(site_id=site_id).values_list("base_url", flat=True).first() or ""


class FrontendUrlMixin(_PageBase):
    """Makes a page's ``url`` and ``full_url`` its front-end address, once the site has a front end.

    Wagtail's admin links ("View live", the page listing's live links) and templates all go
    through ``get_url_parts``, the documented override point for custom page URLs. Until an
    editor sets the site's front-end address, pages keep their CMS address.
    """

    def frontend_url_parts(self, request: HttpRequest | None = None) -> tuple[int, str, str] | None:
        """``(site_id, front-end root, path below it)``, or ``None`` while the site has no front end."""
        parts = super().get_url_parts(request)
        if parts is None or parts[2] is None:
            return None
        site_id, _cms_root_url, path_below_root = parts
        base_url = frontend_base_url(site_id)
        return (site_id, frontend_root(base_url, self.locale.language_code), path_below_root) if base_url else None

    def frontend_full_url(self, request: HttpRequest | None = None) -> str | None:
        parts = self.frontend_url_parts(request)
        return None if parts is None else parts[1] + parts[2]

    def get_url_parts(self, request: HttpRequest | None = None) -> tuple[int, str | None, str | None] | None:
        return self.frontend_url_parts(request) or super().get_url_parts(request)

    def get_url(self, request: HttpRequest | None = None, current_site: Any = None) -> str | None:
        # Wagtail shortens a URL on the page's own site to its path, which would be the CMS host's.
        return self.frontend_full_url(request) or super().get_url(request, current_site)

    url = property(get_url)  # Wagtail's ``url`` property is bound to its own ``get_url``

    def cms_full_url(self, request: HttpRequest | None = None) -> str | None:
        """The page's address on the CMS host, which Wagtail's preview builds its request from."""
        parts = super().get_url_parts(request)
        return None if parts is None or parts[1] is None or parts[2] is None else parts[1] + parts[2]

    def _get_dummy_header_url(self, original_request: HttpRequest | None = None) -> str | None:
        # Wagtail's preview fakes a request to the page's full URL; it must stay on the CMS host
        # (in ALLOWED_HOSTS), not the front end's.
        return self.cms_full_url(original_request) or super()._get_dummy_header_url(original_request)
