"""The JSON body of an event: the one place that decides what a receiver is told.

Fields: ``event``, ``type`` (the model, e.g. ``news.newspage``), ``id``, ``urlPath`` and ``url``
(as the API gives them; null for snippets, images and documents), ``locale`` (null when the
object has none), ``timestamp`` (UTC, ISO 8601), ``affected``: the ids of every page whose
API output the change alters (the page and its translations, the pages it references, the pages referencing it),
and ``surrogateKeys``: the keys of the object and of those pages as the API's ``Surrogate-Key`` header
names them (``page-12``, ``image-3``...), so a receiver can purge a CDN precisely.
"""

from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site

from home.frontend import frontend_url
from home.models import FrontendSettings


def build_payload(event: str, obj: Model) -> dict[str, Any]:
    page = obj if isinstance(obj, Page) else None
    url_path, url = _location(page) if page else (None, None)
    locale = getattr(obj, "locale", None)
    model = page.specific_class if page and page.specific_class else type(obj)
    affected = _affected_page_ids(obj)
    return {
        "event": event,
        "type": model._meta.label_lower,
        "id": str(obj.pk),
        "urlPath": url_path,
        "url": url,
        "locale": locale.language_code if isinstance(locale, Locale) else None,
        "timestamp": timezone.now().isoformat().replace("+00:00", "Z"),
        "affected": [str(pk) for pk in sorted(affected)],
        "surrogateKeys": sorted({_surrogate_key(obj)} | {f"page-{pk}" for pk in affected}),
    }


def _surrogate_key(obj: Model) -> str:
    """The key the API's answers list ``obj`` under (``graphql_api.planning.plan``: pages as ``page``)."""
    if isinstance(obj, Page):
        return f"page-{obj.pk}"
    if isinstance(obj, get_image_model()):
        return f"image-{obj.pk}"
    if isinstance(obj, get_document_model()):
        return f"document-{obj.pk}"
    return f"{obj._meta.model_name}-{obj.pk}"


def _location(page: Page) -> tuple[str | None, str | None]:
    """The page's path below its site root and its front-end URL, as the GraphQL API gives them."""
    for site in Site.objects.select_related("root_page"):
        for root in Page.objects.filter(translation_key=site.root_page.translation_key):
            if page.path.startswith(root.path):
                path = "/" + page.url_path[len(root.url_path) :]
                base_url = FrontendSettings.for_site(site).base_url
                return path, frontend_url(base_url, path, page.locale.language_code) if base_url else None
    return None, None


def _affected_page_ids(obj: Model) -> set[int]:
    """Pages whose API output changes with ``obj``: from Wagtail's reference index, both ways."""
    page_type = ContentType.objects.get_for_model(Page)
    obj_type = ContentType.objects.get_for_model(obj._meta.get_parent_list()[-1] if obj._meta.parents else obj)
    referencing = ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type=obj_type, to_object_id=str(obj.pk)
    ).values_list("object_id", flat=True)
    ids = {int(pk) for pk in referencing} | _many_to_many_page_ids(obj)
    if isinstance(obj, Page):
        ids.update(Page.objects.filter(translation_key=obj.translation_key).values_list("pk", flat=True))
        referenced = ReferenceIndex.objects.filter(
            base_content_type=page_type, object_id=str(obj.pk), to_content_type=page_type
        ).values_list("to_object_id", flat=True)
        ids.update(int(pk) for pk in referenced)
    return ids


def _many_to_many_page_ids(obj: Model) -> set[int]:
    """Pages naming ``obj`` in a many-to-many field, which Wagtail's reference index leaves out."""
    ids: set[int] = set()
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for field in model._meta.local_many_to_many:
            if isinstance(obj, field.related_model):
                ids.update(model.objects.filter(**{field.name: obj.pk}).values_list("pk", flat=True))
    return ids
