"""URL map: the editors' admin, the public GraphQL endpoint, documents and image serving."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from graphql_api.views import graphql_view

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("graphql/", graphql_view, name="graphql"),
    # News feeds and the conference calendar (RSS, Atom, JSON Feed, iCalendar).
    path("feeds/", include("feeds.urls")),
]

if settings.CITYNEWS_SERVE_MEDIA:
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Wagtail's page serving stays last: the CMS is headless, but editors' previews and
# "view live" links still resolve through it.
urlpatterns += [path("", include(wagtail_urls))]
