"""The CMS host's answer to a reader: a redirect to the page on the front end, or 404.

With ``CITYNEWS_HEADLESS`` on (the default; ``make run`` switches it off), the CMS renders no
public page: a page that the API shows (live, not expired, not view-restricted) redirects to its
front-end address; anything else, including a page that exists but is hidden, is a plain 404 so
the CMS tells a stranger nothing the API would not. Editors' previews are admin views and are
not affected.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.utils import timezone
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .frontend import FrontendUrlMixin


def _public_page(request: HttpRequest, path: str) -> Page:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    # Wagtail's own routing: the site root in the reader's language, live pages only.
    page: Page = site.root_page.localized.specific.route(request, [part for part in path.split("/") if part]).page
    if page.expire_at is not None and page.expire_at <= timezone.now():
        raise Http404
    if page.get_view_restrictions().exists():
        raise Http404
    return page


def serve(request: HttpRequest, path: str) -> HttpResponseBase:
    if not settings.CITYNEWS_HEADLESS:
        response: HttpResponse = wagtail_views.serve(request, path)
        return response
    page = _public_page(request, path)
    address = page.frontend_full_url(request) if isinstance(page, FrontendUrlMixin) else None
    if address is None:
        raise Http404
    return HttpResponseRedirect(address)
