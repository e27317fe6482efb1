"""Response headers with the SQL queries and the CPU time the app spent on the request (bench only).

A WSGI middleware, outermost (``CITYNEWS_WSGI_MIDDLEWARE``): it measures all the app does for a
request, Django's handling included, and the cache hits answered before Django too.
"""

import time
from collections.abc import Iterable
from typing import Any
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from django.db import connection


class Measured:
    def __init__(self, application: WSGIApplication) -> None:
        self.application = application

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        queries = 0

        def count(execute: Any, *args: Any) -> Any:
            nonlocal queries
            queries += 1
            return execute(*args)

        sent: list[tuple[str, list[tuple[str, str]]]] = []
        started = time.thread_time()
        with connection.execute_wrapper(count):
            # The headers are sent once the app has returned (its body is made by then), with ours.
            body = self.application(environ, lambda status, headers, *_exc_info: sent.append((status, headers)))
        cpu_us = int((time.thread_time() - started) * 1_000_000)
        status, headers = sent[-1]
        start_response(status, [*headers, ("X-Bench-Queries", str(queries)), ("X-Bench-Cpu-Us", str(cpu_us))])
        return body
