"""URL map: the editors' admin, the public GraphQL endpoint, health probes, documents and image serving."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.health import healthz, readyz
from cms.image_serving import URL_PATTERN, VIEW_NAME, serve_image
from graphql_api.views import graphql_view

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("graphql/", graphql_view, name="graphql"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    re_path(URL_PATTERN, serve_image, name=VIEW_NAME),
]

if settings.CITYNEWS_SERVE_MEDIA:
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Wagtail's page serving stays last: the CMS is headless, but editors' previews and
# "view live" links still resolve through it.
urlpatterns += [path("", include(wagtail_urls))]
