"""What one API request knows: its site and clock (``PublicView``), and what it has loaded so far.

What is loaded here lives for one request only, so nothing leaks between requests or sites; the
site-wide lookups come from ``home.site_lookups``, which every process shares through the cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse

from home.visibility import PublicView


@dataclass
class ApiContext(PublicView):
    response: HttpResponse = field(kw_only=True)
    # What loaders fetched, keyed by kind and identity, e.g. ("image", pk) or ("page-url", locale pk, pk).
    loaded: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    # Images the plan asked for, with the renditions asked, not read yet (``images.ask_images``).
    asked_images: dict[int, set[str]] = field(default_factory=dict)
    # Keys of the content in the answer (``page-12``, ``image-3``...), for the response cache.
    content_keys: set[str] = field(default_factory=set)

    def add_content_keys(self, kind: str, pks: Iterable[Any]) -> None:
        """Note content in the answer; its keys go out as ``Surrogate-Key`` for CDN purges."""
        self.content_keys.update(f"{kind}-{pk}" for pk in pks)
        self.response["Surrogate-Key"] = " ".join(sorted(self.content_keys))
