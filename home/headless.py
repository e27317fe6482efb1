"""The CMS host's answer to a reader: a redirect to the page on the front end, or 404.

With ``CITYNEWS_HEADLESS`` on (the default; ``make run`` switches it off), the CMS renders no
public page: a page that the API shows (``visibility``: live, not expired, not view-restricted)
redirects to the address the API gives it (``frontend.page_url``); anything else, including a page
that exists but is hidden, is a plain 404 so the CMS tells a stranger nothing the API would not.
Editors' previews are admin views and are not affected.

A stranger's request costs one query: the site, its roots and restrictions come from the shared
lookups, and the page is found by its URL path, not walked down to from the site root.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from .frontend import default_language_code, page_url
from .visibility import PublicView, visible_pages


def _address(request: HttpRequest, path: str) -> str | None:
    """Where the page at ``path`` below the site root in the reader's language lives on the front
    end, if the API shows that page."""
    view = PublicView(request)
    roots = {root.locale.language_code: root for root in view.site_roots}
    language = get_supported_content_language_variant(translation.get_language() or default_language_code())
    root = roots.get(language) or roots.get(default_language_code())
    if root is None:
        return None
    parts = [part for part in path.split("/") if part]
    url_path = root.url_path + "".join(f"{part}/" for part in parts)
    # The slug narrows the search to its index; Wagtail keeps no index on the URL path.
    found = visible_pages(view, Page).filter(url_path=url_path, slug=parts[-1] if parts else root.slug)
    page = found.values_list("url_path", "locale_id").first()
    return page_url(view, *page) if page else None


def serve(request: HttpRequest, path: str) -> HttpResponseBase:
    if not settings.CITYNEWS_HEADLESS:
        response: HttpResponse = wagtail_views.serve(request, path)
        return response
    address = _address(request, path)
    if address is None:
        raise Http404
    return HttpResponseRedirect(address)
