"""Page addresses on the public website (never the CMS's own), for the API and the feeds alike."""

from .visibility import PublicView


def page_path(view: PublicView, url_path: str) -> str:
    """The page's path below the site root of its language, e.g. ``/news/kutaisi-conference/``."""
    for root in view.site_roots:
        if url_path.startswith(root.url_path):
            return "/" + url_path[len(root.url_path) :]
    return url_path


def page_url(view: PublicView, url_path: str, locale_id: int) -> str | None:
    """The page's address on the site's front-end (``None`` until a front-end URL is configured).

    Pages in the default language live at the front-end's root; translations under their
    language code, e.g. ``https://example.org/fr/news/...``.
    """
    if not view.frontend_base_url:
        return None
    prefix = "" if locale_id == view.default_locale.pk else f"/{view.locale_code(locale_id)}"
    return f"{view.frontend_base_url}{prefix}{page_path(view, url_path)}"
