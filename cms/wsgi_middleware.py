"""Django's WSGI application inside the WSGI middleware of ``CITYNEWS_WSGI_MIDDLEWARE``.

The setting lists import paths of callables taking a WSGI application and returning one,
outermost first, as ``MIDDLEWARE`` lists Django's. They run before Django builds a request, so a
layer there can answer without any of Django's handling (``graphql_api.hit_replay``).
"""

from wsgiref.types import WSGIApplication

from django.conf import settings
from django.utils.module_loading import import_string


def with_wsgi_middleware(application: WSGIApplication) -> WSGIApplication:
    for path in reversed(settings.CITYNEWS_WSGI_MIDDLEWARE):
        application = import_string(path)(application)
    return application
