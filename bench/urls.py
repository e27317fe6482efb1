"""The product's URLs plus the benchmark's references: the floor views and Wagtail API v2."""

from django.urls import path

from cms.urls import urlpatterns as product_urlpatterns

from . import floor
from .wagtail_api import router

urlpatterns = [
    *[path(f"bench/floor/{case}/", view) for case, view in floor.VIEWS.items()],
    path("api/v2/", router.urls),
    *product_urlpatterns,
]
