"""What one API request knows: its site and clock (``PublicView``), and what it has loaded so far.

Everything cached here lives for one request only, so a response is always built from one
consistent view of the database and nothing leaks between requests or sites.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse

from home.visibility import PublicView


@dataclass
class ApiContext(PublicView):
    response: HttpResponse = field(kw_only=True)
    # What loaders fetched, keyed by kind and identity, e.g. ("image", pk) or ("page-url", locale pk, pk).
    loaded: dict[tuple[Any, ...], Any] = field(default_factory=dict)
