"""``manage.py newsletter``: the HTML digest of what was published in a period, from the public API."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from newsletter.client import ApiError
from newsletter.digest import fetch_digest, render_digest


def moment(value: str) -> datetime.datetime:
    """A date (midnight) or a date and time, ISO 8601; without a zone, the site's time zone."""
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not an ISO 8601 date or date and time: {value!r} (e.g. 2024-01-01).") from error
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


class Command(BaseCommand):
    help = (
        "Build an HTML digest of the pages published in a period by calling the public GraphQL API over "
        "HTTP, as a newsletter tool would. The CMS (or another) must be serving the API."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", required=True, help="Start of the period (inclusive), e.g. 2024-01-01.")
        parser.add_argument("--until", help="End of the period (exclusive); default: now.")
        parser.add_argument("--locale", help="Language code, e.g. fr (default: the site's default language).")
        parser.add_argument("--out", help="File to write the HTML to (default: standard output).")
        parser.add_argument(
            "--api-url",
            default=settings.CITYNEWS_NEWSLETTER_API_URL,
            help="GraphQL endpoint to read from (default: the NEWSLETTER_API_URL setting, %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        since = moment(options["since"])
        until = moment(options["until"]) if options["until"] else None
        if until is not None and until <= since:
            raise CommandError("--until must be after --since.")
        try:
            digest = fetch_digest(options["api_url"], since, until, options["locale"])
        except ApiError as error:
            raise CommandError(str(error)) from error
        html = render_digest(digest)
        if options["out"]:
            Path(options["out"]).write_text(html, encoding="utf-8")
            self.stderr.write(self.style.SUCCESS(f"Wrote {digest.count} items to {options['out']}."))
        else:
            self.stdout.write(html)
