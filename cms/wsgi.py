"""WSGI entry point (gunicorn ``cms.wsgi``); production settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application
from django.db import connections
from django.urls import get_resolver

from cms.wsgi_middleware import with_wsgi_middleware

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = with_wsgi_middleware(get_wsgi_application())

# Import every view, and with them the GraphQL schema, and index the URLs for reversing now rather
# than in the first request (0.1 s): under gunicorn's preload_app (gunicorn.conf.py) each worker is
# forked with them ready.
get_resolver().reverse_dict  # noqa: B018 (the property imports and indexes the URLconf)
# A worker forked from this process must open connections of its own, never share one.
connections.close_all()
