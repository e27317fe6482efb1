"""A minimal GraphQL client over HTTP (the standard library's urllib), as an outside tool would use."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any


class ApiError(Exception):
    """The API could not be reached, or answered with errors."""


def execute(api_url: str, query: str, variables: dict[str, Any], timeout: float = 60) -> dict[str, Any]:
    """The ``data`` of the answer to ``query``; any GraphQL error becomes an ``ApiError``."""
    if not api_url.startswith(("http://", "https://")):
        raise ApiError(f"The API URL must start with http:// or https://: {api_url!r}.")
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        api_url, data=body, method="POST", headers={"Content-Type": "application/json", "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            answer = json.loads(response.read())
    except urllib.error.HTTPError as error:
        answer = _json_or_none(error.read())
        if not answer or not answer.get("errors"):
            raise ApiError(f"{api_url} answered HTTP {error.code}.") from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise ApiError(f"Could not read {api_url}: {error}.") from error
    if answer.get("errors"):
        messages = "; ".join(dict.fromkeys(str(error.get("message")) for error in answer["errors"]))
        raise ApiError(f"The API refused the query: {messages}")
    return dict(answer["data"])


def _json_or_none(raw: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
