"""Django's LocaleMiddleware, except for views whose language does not come from the request."""

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware import locale


class LocaleMiddleware(locale.LocaleMiddleware):
    """Leaves alone the answers of views marked ``language_neutral``.

    The API's language comes only from its `locale:` arguments (one response may hold several), so
    ``Content-Language`` and ``Vary: Accept-Language`` would be untrue there, and would split caches
    for nothing.
    """

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        match = request.resolver_match
        if match is not None and getattr(match.func, "language_neutral", False):
            return response
        return super().process_response(request, response)
