"""Grapple's /graphql/, plus the admin's URLs the product's middleware reverses (bench only).

The product's URLconf imports its strawberry API, which this environment does not have.
"""

from django.urls import include, path
from grapple.urls import urlpatterns as grapple_urlpatterns
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [*grapple_urlpatterns, path("admin/", include(wagtailadmin_urls))]
