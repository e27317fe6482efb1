"""URL map: the editors' admin, the public GraphQL endpoint, health probes, documents and image serving."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from cms.health import healthz, readyz
from cms.image_serving import URL_PATTERN, VIEW_NAME, serve_image
from cms.security_headers import graphql_csp
from graphql_api.views import graphql_view
from home import headless, media
from home.image_upload import add_images

urlpatterns = [
    # Drag-and-drop image upload: Wagtail's, asking for alt text in the details step (home/image_upload.py).
    path("admin/images/multiple/add/", add_images),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Where Wagtail sends a reader of a login-restricted document: the admin's login.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="wagtailadmin_login", query_string=True),
        name="wagtailcore_login",
    ),
    path("graphql/", graphql_csp(graphql_view), name="graphql"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    re_path(URL_PATTERN, serve_image, name=VIEW_NAME),
    # News feeds and the conference calendar (RSS, Atom, JSON Feed, iCalendar).
    path("feeds/", include("feeds.urls")),
]

# Image files, each checked against its collection's view restrictions (never MEDIA_ROOT as a folder).
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", media.serve_media, name="media")]

# Page addresses stay last: in headless mode (the default) a live page redirects to the front end
# and anything else is 404; editors' previews are admin views. See home/headless.py.
urlpatterns += [re_path(serve_pattern, headless.serve, name="wagtail_serve")]
