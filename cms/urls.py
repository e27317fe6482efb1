"""URL map: the editors' admin, the public GraphQL endpoint, documents and image serving."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from graphql_api.views import graphql_view

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("graphql/", graphql_view, name="graphql"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving stays last: the CMS is headless, but editors' previews and
# "view live" links still resolve through it.
urlpatterns += [path("", include(wagtail_urls))]
