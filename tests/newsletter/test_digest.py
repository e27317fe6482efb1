"""``manage.py newsletter`` builds the digest of the demo content through the public API over HTTP."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from conferences.models import ConferencePage
from news.models import NewsPage
from tests.graphql_api.fixtures_safety import fetch_image

from .conftest import build_digest

pytestmark = pytest.mark.usefixtures("demo")


class _Digest(HTMLParser):
    """Collects the digest's item titles (``h3``), links and images."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []
        self.links: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self._in_title = self._in_title or tag == "h3"
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "img":
            self.images.append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title and data.strip():
            self.titles.append(data.strip())


def parse(html: str) -> _Digest:
    parser = _Digest()
    parser.feed(html)
    return parser


def test_the_digest_lists_every_item_published_since_a_date_with_links_and_images(api_url, db, tmp_path):
    html = build_digest(api_url, tmp_path / "digest.html", since="2024-01-01")
    digest = parse(html)
    english = Locale.objects.get(language_code="en")
    news = list(NewsPage.objects.live().filter(locale=english).order_by("-first_published_at", "-pk"))
    conferences = ConferencePage.objects.live().filter(locale=english)
    assert news
    assert set(digest.titles) >= {item.title for item in news} | {item.title for item in conferences}
    # Within a section the newest comes first, as the API returned them.
    news_titles = [title for title in digest.titles if title in {item.title for item in news}]
    assert news_titles == [item.title for item in news]
    assert "https://www.citynews.example/news/kutaisi-hosts-eu4culture-regional-network-conference/" in digest.links
    assert all(link.startswith("https://www.citynews.example/") for link in digest.links)
    heroes = [image for image in digest.images if image.get("src")]
    assert len(heroes) == sum(1 for item in news if item.hero_image_id)
    for image in heroes[:3]:
        picture = fetch_image(image["src"] or "")
        assert (picture.width, picture.height) == (560, 320) == (int(image["width"]), int(image["height"]))
        assert image["alt"]


def test_a_french_digest_shows_translations(api_url, db, tmp_path):
    html = build_digest(api_url, tmp_path / "digest.html", since="2024-01-01", locale="fr")
    assert '<html lang="fr">' in html
    assert "Koutaïssi accueille la 2e conférence régionale du réseau EU4Culture" in parse(html).titles


def test_a_period_with_nothing_published_says_so(api_url, db, tmp_path):
    html = build_digest(api_url, tmp_path / "digest.html", since="2000-01-01", until="2000-02-01")
    assert "Nothing was published in this period." in html
    assert parse(html).titles == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"since": "last monday"}, "Not an ISO 8601 date"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "--until must be after --since"),
        ({"since": "2024-01-01", "locale": "xx"}, "Unknown locale"),
        ({"since": "2024-01-01", "api_url": "ftp://example.org/"}, "must start with http"),
        ({"since": "2024-01-01", "api_url": "http://127.0.0.1:9/graphql/"}, "Could not read"),
    ],
)
def test_bad_options_and_unreachable_apis_are_clear_errors(api_url, db, options, message):
    options.setdefault("api_url", f"{api_url}/graphql/")
    with pytest.raises(CommandError, match=message):
        call_command("newsletter", stdout=io.StringIO(), **options)
