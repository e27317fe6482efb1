"""Documents (reports, concept notes, proceedings) as the API shows them."""

from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import Parent
from strawberry.types import Info

from .context import ApiContext
from .visibility import visible_documents


@strawberry.type(description="An uploaded file: a report, a concept note, proceedings...")
class Document:
    id: strawberry.ID = strawberry.field(description="The document's ID.")
    title: str = strawberry.field(description="The title editors gave it.")

    @strawberry.field(description="Absolute address the file downloads from.")
    def url(self, root: Parent[Any], info: Info[ApiContext, None]) -> str:
        return info.context.request.build_absolute_uri(root.url)

    @strawberry.field(description="Size of the file in bytes, when known.")
    def file_size(self, root: Parent[Any]) -> int | None:
        return root.file_size

    @strawberry.field(description="File extension in lower case, e.g. `pdf`.")
    def file_type(self, root: Parent[Any]) -> str:
        return root.file_extension.lower()


def load_documents(ctx: ApiContext, ids: Iterable[int | None]) -> None:
    """Loads the public documents among ``ids`` (one query); restricted ones load as ``None``."""
    missing = {pk for pk in ids if pk is not None and ("document", pk) not in ctx.loaded}
    if not missing:
        return
    found = {doc.pk: doc for doc in visible_documents(ctx).filter(pk__in=missing)}
    for pk in missing:
        ctx.loaded["document", pk] = found.get(pk)
    ctx.add_content_keys("document", found)


def loaded_document(ctx: ApiContext, pk: int | None) -> Any:
    return None if pk is None else ctx.loaded["document", pk]
