"""Benchmark only: the production settings with wagtail-grapple's /graphql/ instead of the product's API.

The product's API app (strawberry) and the apps that import it are left out: strawberry cannot be
installed next to graphene. Everything else, the models and the database included, is the product's.
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import INSTALLED_APPS, MIDDLEWARE

_WITHOUT = {"graphql_api", "feeds"}
INSTALLED_APPS = [
    *(app for app in INSTALLED_APPS if app not in _WITHOUT),
    "graphene_django",
    "bench.grapple",  # before grapple: its ready() adds the fields grapple's ready() reads
    "grapple",
]
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("graphql_api.")]
CITYNEWS_WSGI_MIDDLEWARE = ["bench.measure.Measured"]
ROOT_URLCONF = "bench.grapple.urls"
GRAPHENE = {"SCHEMA": "grapple.schema.schema"}
GRAPPLE = {"APPS": ["home", "news", "cities", "conferences"], "PAGE_SIZE": 20, "MAX_PAGE_SIZE": 100}
