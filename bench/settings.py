"""Benchmark only (``make bench``): the production settings plus what the benchmark compares with.

Never used by the product. Adds Wagtail's REST API v2 (the peer under test), the hand-written
floor views, a WSGI middleware that reports SQL queries and CPU time per request, and lets WhiteNoise
serve static files from the apps (no collectstatic run) for the static-file reference.
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import CITYNEWS_WSGI_MIDDLEWARE, INSTALLED_APPS, STORAGES

INSTALLED_APPS = [*INSTALLED_APPS, "rest_framework", "wagtail.api.v2"]
CITYNEWS_WSGI_MIDDLEWARE = ["bench.measure.Measured", *CITYNEWS_WSGI_MIDDLEWARE]
ROOT_URLCONF = "bench.urls"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WHITENOISE_USE_FINDERS = True
WAGTAILAPI_LIMIT_MAX = 100
