"""Paths of named URLs, for middleware that must tell which part of the site a request is for."""

from functools import cache

from django.urls import get_resolver


@cache
def route(name: str) -> str:
    """The path of the URL named ``name`` (one without arguments) as ``request.path_info`` has it.

    URL patterns do not change while a process runs, and ``reverse`` costs some 50 µs: a cached
    API answer would spend a tenth of its time asking the three middleware that look for their paths.
    """
    return "/" + get_resolver().reverse(name)
