"""Helpers for the block, rich-text, image, document and safety tests.

- ``shared_data``: data built once for a whole test module and rolled back after its last test
  (each test still runs in its own savepoint, which the API server shares);
- ``hide``: puts a page in each state the public API must never show (draft, scheduled, expired,
  unpublished, restricted, under a restricted section, on another site);
- real images of a chosen size, format and content, and Pillow to read what a URL serves.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.models import FrontendSettings
from tests import factories

from .conftest import http

FRONTEND = "https://www.example.org"

# Every way a page can exist in the database and still not be public.
HIDDEN_KINDS = (
    "draft",
    "scheduled",
    "expired",
    "unpublished",
    "password",
    "login",
    "groups",
    "restricted-section",
    "other-site",
)
# The kinds a page can be put in where it stands (the other two depend on where it is created).
IN_PLACE_KINDS = ("draft", "scheduled", "expired", "unpublished", "password", "login", "groups")


@contextmanager
def shared_data(django_db_blocker: Any, build: Callable[[], Any]) -> Iterator[Any]:
    """For a module-scoped fixture: what ``build`` creates lives until the module's last test.

    The API never reads Wagtail's reference index, so it is not kept up to date meanwhile.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        with disable_reference_index_auto_update():
            data = build()
        yield data
        transaction.set_rollback(True)


def site_tree() -> dict[str, Any]:
    """``make_site_tree`` with the front-end URL set, so page links become public addresses."""
    tree = factories.make_site_tree()
    FrontendSettings.objects.update_or_create(site=tree["site"], defaults={"base_url": FRONTEND})
    return tree


def other_site() -> dict[str, Any]:
    """A second site, with its own tree, on a host name no test request uses."""
    home = factories.HomePageFactory(title="Other site", slug="other-site")
    site = Site.objects.create(hostname="other.example.org", port=80, root_page=home, is_default_site=False)
    return {
        "site": site,
        "home": home,
        "news": factories.NewsIndexPageFactory(parent=home),
        "conferences": factories.ConferenceIndexPageFactory(parent=home),
        "cities": factories.CityIndexPageFactory(parent=home),
    }


def restricted_section(tree: dict[str, Any], name: str) -> Page:
    """A section page behind a login restriction, for the pages of the ``tree`` section ``name``."""
    factory_class = {
        "news": factories.NewsIndexPageFactory,
        "conferences": factories.ConferenceIndexPageFactory,
        "cities": factories.CityIndexPageFactory,
    }[name]
    section = factory_class(parent=tree["home"], title=f"Members {name}", slug=f"members-{name}")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    return section


def hide(page: Page, kind: str) -> Page:
    """Puts a draft (never published) ``page`` in state ``kind``, as editors and Wagtail would."""
    if kind == "draft":
        assert not page.live
        return page
    if kind == "scheduled":
        page.go_live_at = timezone.now() + datetime.timedelta(days=1)
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
        assert page.latest_revision.approved_go_live_at is not None
        return page
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    if kind == "expired":
        # Past its expiry, but the scheduled-publishing command has not run: still ``live``.
        type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    elif kind == "unpublished":
        page.unpublish()
    elif kind == "password":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    elif kind == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif kind == "groups":
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([Group.objects.get_or_create(name="Partners")[0]])
    elif kind not in ("restricted-section", "other-site"):
        raise ValueError(kind)
    page.refresh_from_db()
    return page


def hidden_page(factory_class: Callable[..., Page], kind: str, parents: dict[str, Page], **kwargs: Any) -> Page:
    """A new page of ``factory_class`` in state ``kind``.

    ``parents`` gives its parent: ``"public"`` normally, ``"restricted-section"`` and
    ``"other-site"`` for those kinds.
    """
    parent = parents.get(kind, parents["public"])
    return hide(factory_class(parent=parent, live=False, **kwargs), kind)


def private_collection(name: str = "Private") -> Collection:
    """A collection behind a password, and its sub-collection (private too, through its parent)."""
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    return collection


def image_file(width: int, height: int, fmt: str = "PNG", draw: Callable[[Any], None] | None = None) -> bytes:
    """The bytes of a real ``width`` x ``height`` image (teal, unless ``draw`` paints it)."""
    picture = PillowImage.new("RGB", (width, height), "teal")
    if draw is not None:
        draw(picture)
    buffer = io.BytesIO()
    picture.save(buffer, fmt)
    return buffer.getvalue()


def make_image(width: int, height: int, fmt: str = "PNG", draw: Callable[[Any], None] | None = None, **kwargs: Any):
    """An image in the media library made of a real file (see ``image_file``)."""
    data = image_file(width, height, fmt, draw)
    extension = {"JPEG": "jpg"}.get(fmt, fmt.lower())
    return factories.ImageFactory(
        file__from_func=lambda: io.BytesIO(data), file__filename=f"picture.{extension}", **kwargs
    )


def fetch_image(url: str) -> PillowImage.Image:
    """Fetches ``url`` over HTTP and opens what it serves with Pillow."""
    status, _headers, body = http("GET", url)
    assert status == 200, (status, url)
    picture = PillowImage.open(io.BytesIO(body))
    picture.load()
    return picture
