"""The test suite: PostgreSQL from ``DATABASE_URL`` (started by ``make test``), fast hashing."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test process keeps its own cache; tests of what Redis shares across processes point a cache
# at the real Redis that `make test` starts (REDIS_URL) themselves.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change rows with queryset updates (no signals) between requests: the response cache is on
# only in the tests of the cache itself.
CITYNEWS_RESPONSE_CACHE = False
# Tests read the SQL a request runs; tests/graphql_api/test_prepared_statements.py turns this on.
CITYNEWS_PREPARED_STATEMENTS = False
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/citynews-test-media")
CITYNEWS_GRAPHIQL = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# Rate limits and login lockouts would make unrelated tests depend on how many requests ran before
# them (all from 127.0.0.1); tests/security switches each one on where it is the subject.
CITYNEWS_RATE_LIMIT_ENABLED = False
AXES_ENABLED = False
