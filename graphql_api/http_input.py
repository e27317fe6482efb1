"""The request-parsing path of ``/graphql/``: malformed requests are refused before strawberry reads them.

Every refusal is a 4xx with a GraphQL-shaped JSON body (``{"data": null, "errors": [{"message",
"extensions": {"code"}}]}``), so a client never meets a 500, an HTML page or a traceback because it
sent bytes that are not one GraphQL request.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.utils.cache import patch_cache_control

from cms.outages import RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE

from . import limits
from .errors import (
    BAD_REQUEST,
    BAD_USER_INPUT,
    LIMIT_EXCEEDED,
    SERVICE_UNAVAILABLE,
    UNSAFE_CHARACTERS,
    UNSAFE_STRING_MESSAGE,
)

# The members of a GraphQL-over-HTTP request, and the JSON types each may have.
REQUEST_MEMBERS: dict[str, tuple[type, ...]] = {
    "query": (str,),
    "variables": (dict, type(None)),
    "operationName": (str, type(None)),
    "extensions": (dict, type(None)),
}
NESTED_TOO_DEEP = f"The JSON is nested over {limits.MAX_JSON_DEPTH} levels deep."


class RequestRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def graphql_error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JsonResponse:
    body = {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}
    return JsonResponse(body, status=status, headers=headers)


def unavailable_response() -> JsonResponse:
    """The 503 of an outage met outside GraphQL execution (the response cache, the rate limit)."""
    response = graphql_error_response(
        503, SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE, {"Retry-After": str(RETRY_AFTER_SECONDS)}
    )
    patch_cache_control(response, no_store=True)
    return response


def refused_request(request: HttpRequest) -> JsonResponse | None:
    """The 4xx answer to a request that is not one well-formed GraphQL request, else None."""
    try:
        if request.method == "GET":
            _check_get(request)
        elif request.method == "POST":
            _check_post(request)
    except RequestRefused as refusal:
        return graphql_error_response(refusal.status, refusal.code, refusal.message)
    return None


def refuse_malformed(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Wraps the endpoint so a malformed request is refused before strawberry reads it.

    The response cache (a middleware above) checks the same way before it answers a GET, since it
    keys only on the GraphQL parts of a request and must not answer one that is refused here.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        refusal = refused_request(request)
        if refusal is not None:
            patch_cache_control(refusal, no_store=True)
            return refusal
        return view(request, *args, **kwargs)

    return wrapped


def graphql_shaped(response: HttpResponseBase) -> HttpResponseBase:
    """Strawberry's own plain-text refusals (wrong method, no query...) as GraphQL-shaped JSON."""
    content_type = response.get("Content-Type", "")
    if response.status_code < 400 or content_type.startswith("application/json"):
        return response
    message = getattr(response, "content", b"").decode(errors="replace").strip() or "Bad request."
    shaped = graphql_error_response(response.status_code, BAD_REQUEST, message)
    if response.has_header("Allow"):
        shaped["Allow"] = response["Allow"]
    return shaped


def _check_get(request: HttpRequest) -> None:
    if len(request.META.get("QUERY_STRING", "")) > limits.MAX_QUERY_STRING_BYTES:
        raise RequestRefused(
            414,
            LIMIT_EXCEEDED,
            f"The URL's query string is over {limits.MAX_QUERY_STRING_BYTES} bytes; send long queries with POST.",
        )
    for name in REQUEST_MEMBERS:
        _check_strings(request.GET.get(name))
    if request.GET.get("variables"):
        variables = _loads(request.GET["variables"])
        if not isinstance(variables, dict):
            raise RequestRefused(400, BAD_REQUEST, "`variables` must be a JSON object.")
        _check_strings(variables)


def _check_post(request: HttpRequest) -> None:
    if request.content_type != "application/json":
        raise RequestRefused(415, BAD_REQUEST, "Send the request as JSON, with `Content-Type: application/json`.")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise RequestRefused(400, BAD_REQUEST, "The Content-Length header is not a number.") from None
    if length > limits.MAX_BODY_BYTES:
        raise RequestRefused(413, LIMIT_EXCEEDED, f"The request body is over {limits.MAX_BODY_BYTES} bytes.")
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestRefused(400, BAD_REQUEST, "The request body is not valid UTF-8.") from None
    payload = _loads(text)
    if isinstance(payload, list):
        raise RequestRefused(400, BAD_REQUEST, "Batched requests are not supported: send one operation per request.")
    if not isinstance(payload, dict):
        raise RequestRefused(400, BAD_REQUEST, "The request body must be a JSON object with a `query`.")
    for name, types in REQUEST_MEMBERS.items():
        if name in payload and not isinstance(payload[name], types):
            raise RequestRefused(400, BAD_REQUEST, f"`{name}` has the wrong JSON type.")
    _check_strings(payload)


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise RequestRefused(400, LIMIT_EXCEEDED, NESTED_TOO_DEEP) from None
    except ValueError:
        raise RequestRefused(400, BAD_REQUEST, "The request is not valid JSON.") from None


def _check_strings(value: Any) -> None:
    """Walks a JSON value without recursion: bounded nesting, and no unsafe character in any string or key."""
    pending = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if depth > limits.MAX_JSON_DEPTH:
            raise RequestRefused(400, LIMIT_EXCEEDED, f"Variables are nested over {limits.MAX_JSON_DEPTH} levels deep.")
        if isinstance(item, str):
            if UNSAFE_CHARACTERS.search(item):
                raise RequestRefused(400, BAD_USER_INPUT, UNSAFE_STRING_MESSAGE)
        elif isinstance(item, dict):
            pending.extend((key, depth) for key in item)
            pending.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            pending.extend((child, depth + 1) for child in item)
