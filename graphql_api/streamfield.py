"""StreamField content as typed GraphQL blocks, never a JSON blob.

A loader reads the stored (raw) stream of every object in the response, collects what the
blocks refer to (images, pages, documents, rich-text links), loads all of it in a few queries,
and only then builds the block objects. Images are only asked for here: the first one the
answer uses reads them with every other image the plan asked for (``images.ask_images``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from .context import ApiContext
from .documents import Document, load_documents, loaded_document
from .images import Image, ask_images, credit_for, loaded_image, rendition_specs
from .page_urls import load_page_urls, loaded_page_url
from .planning import Loader, Scope, store
from .rich_text import RichText, load_rich_text, render_rich_text
from .selection import FieldSelection, merged_fields


@dataclass
class References:
    """What a set of streams points at, gathered before anything is loaded."""

    images: set[int] = field(default_factory=set)
    pages: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    rich_texts: list[str] = field(default_factory=list)

    def load(self, scope: Scope, specs: set[str]) -> None:
        ask_images(scope.ctx, self.images, specs)
        load_page_urls(scope, self.pages)
        load_documents(scope.ctx, self.documents)
        load_rich_text(scope, self.rich_texts)


@dataclass(frozen=True)
class BlockKind:
    """How one stored block type becomes a GraphQL block: what it refers to, and how to build it."""

    build: Callable[[Scope, Any, strawberry.ID], Any]
    collect: Callable[[Any, References], None] = lambda _value, _references: None


def list_items(value: Any) -> list[Any]:
    """ListBlock values, stored either as plain lists or as ``{"type": "item", "value": ...}`` items."""
    return [item["value"] if isinstance(item, dict) and item.get("type") == "item" else item for item in value]


@strawberry.type(description="A section heading.")
class HeadingBlock:
    id: strawberry.ID = strawberry.field(description="Stable ID of the block within its page.")
    text: str = strawberry.field(description="The heading text.")
    level: str = strawberry.field(description="HTML heading level: `h2`, `h3` or `h4`.")


@strawberry.type(description="A paragraph of formatted text.")
class ParagraphBlock:
    id: strawberry.ID = strawberry.field(description="Stable ID of the block within its page.")
    rich_text: RichText = strawberry.field(description="The paragraph.")


@strawberry.type(description="A quotation with who said it.")
class QuoteBlock:
    id: strawberry.ID = strawberry.field(description="Stable ID of the block within its page.")
    text: str = strawberry.field(description="The words quoted, without quotation marks.")
    attribution: str = strawberry.field(description="Who said it.")
    role: str = strawberry.field(description="Their role or organisation; may be empty.")


@strawberry.type(description="An image placed in the text, with its caption.")
class ImageBlock:
    """The image is read when the answer uses it, with every other image asked for (``ask_images``)."""

    id: strawberry.ID = strawberry.field(description="Stable ID of the block within its page.")
    image_id: strawberry.Private[int | None]
    caption: str = strawberry.field(description="Caption; may be empty.")
    own_credit: strawberry.Private[str]

    @strawberry.field(description="The image; null if it is no longer public.")
    def image(self, info: Info[ApiContext, None]) -> Image | None:
        return loaded_image(info.context, self.image_id)

    @strawberry.field(description="Credit for this use, falling back to the image's own.")
    def credit(self, info: Info[ApiContext, None]) -> str:
        return credit_for(self.own_credit, loaded_image(info.context, self.image_id))


@strawberry.type(description="An embedded video, map or post, by its address.")
class EmbedBlock:
    id: strawberry.ID = strawberry.field(description="Stable ID of the block within its page.")
    url: str = strawberry.field(description="Address of the embedded content.")


@strawberry.type(description="A figure to stand out, e.g. 'EUR 300,000' / 'per winner city'.")
class KeyFigureBlock:
    id: strawberry.ID = strawberry.field(description="Stable ID of the block within its page.")
    value: str = strawberry.field(description="The figure as readers see it.")
    label: str = strawberry.field(description="What the figure counts.")


@strawberry.type(description="A link to a page, a document or another website.")
class Link:
    title: str = strawberry.field(description="The link text.")
    url: str = strawberry.field(description="Where the link goes (public website address for pages).")
    document: Document | None = strawberry.field(description="The document, when the link is to one.")


@strawberry.type(description="A list of links and documents under an optional heading.")
class LinksBlock:
    id: strawberry.ID = strawberry.field(description="Stable ID of the block within its page.")
    heading: str = strawberry.field(description="Heading of the list; may be empty.")
    links: list[Link] = strawberry.field(description="The links that may be shown, in order.")


BodyBlock = Annotated[
    HeadingBlock | ParagraphBlock | QuoteBlock | ImageBlock | EmbedBlock | KeyFigureBlock | LinksBlock,
    strawberry.union("BodyBlock", description="One block of a page body."),
]


def _collect_image(value: dict[str, Any], references: References) -> None:
    if value.get("image"):
        references.images.add(value["image"])


def collect_links(value: dict[str, Any], references: References) -> None:
    for link in list_items(value.get("links", [])):
        if link.get("page"):
            references.pages.add(link["page"])
        if link.get("document"):
            references.documents.add(link["document"])


def build_links(scope: Scope, raw_links: Iterable[dict[str, Any]]) -> list[Link]:
    """The links that may be shown: links to hidden pages or private documents are left out."""
    links = []
    for raw in raw_links:
        document = loaded_document(scope.ctx, raw.get("document"))
        if raw.get("page"):
            url = loaded_page_url(scope, raw["page"])
        elif raw.get("document"):
            url = document and scope.ctx.request.build_absolute_uri(document.url)
        else:
            url = raw.get("url")
        if url:
            links.append(Link(title=raw.get("title", ""), url=url, document=document))
    return links


def _image_block(scope: Scope, value: dict[str, Any], block_id: strawberry.ID) -> ImageBlock:
    return ImageBlock(
        id=block_id, image_id=value.get("image"), caption=value.get("caption", ""), own_credit=value.get("credit") or ""
    )


def _collect_rich_text(value: str, references: References) -> None:
    references.rich_texts.append(value)


BODY_BLOCKS: dict[str, BlockKind] = {
    "heading": BlockKind(lambda _s, v, i: HeadingBlock(id=i, text=v["text"], level=v.get("level", "h2"))),
    "paragraph": BlockKind(lambda s, v, i: ParagraphBlock(id=i, rich_text=render_rich_text(s, v)), _collect_rich_text),
    "quote": BlockKind(
        lambda _s, v, i: QuoteBlock(id=i, text=v["text"], attribution=v["attribution"], role=v.get("role") or "")
    ),
    "image": BlockKind(_image_block, _collect_image),
    "embed": BlockKind(lambda _s, v, i: EmbedBlock(id=i, url=v)),
    "key_figure": BlockKind(lambda _s, v, i: KeyFigureBlock(id=i, value=v["value"], label=v["label"])),
    "links": BlockKind(
        lambda s, v, i: LinksBlock(id=i, heading=v.get("heading") or "", links=build_links(s, list_items(v["links"]))),
        collect_links,
    ),
}


def _raw_streams(objects: Sequence[Any], attribute: str) -> dict[int, Any]:
    """The raw stream of every object; deferred ones are read in one query for all of them."""
    deferred = [obj for obj in objects if attribute in obj.get_deferred_fields()]
    if deferred:
        model = type(deferred[0])
        rows = dict(model._base_manager.filter(pk__in=[obj.pk for obj in deferred]).values_list("pk", attribute))
        for obj in deferred:
            setattr(obj, attribute, rows[obj.pk])
    return {id(obj): getattr(obj, attribute).raw_data for obj in objects}


def stream_loader(attribute: str, kinds: dict[str, BlockKind]) -> Loader:
    """A planning loader turning the StreamField ``attribute`` into typed blocks for every object."""

    def load(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
        streams = _raw_streams(objects, attribute)
        references = References()
        for stream in streams.values():
            collect_stream(stream, kinds, references)
        references.load(scope, rendition_specs(merged_fields(selections, "image", "ImageBlock")))
        for obj in objects:
            store(obj, selections[0].name, build_stream(scope, streams[id(obj)], kinds))

    return load


def collect_stream(stream: Iterable[dict[str, Any]], kinds: dict[str, BlockKind], references: References) -> None:
    """Adds what the blocks of a raw stream refer to to ``references``."""
    for block in stream:
        if block["type"] in kinds:
            kinds[block["type"]].collect(block["value"], references)


def build_stream(scope: Scope, stream: Iterable[dict[str, Any]], kinds: dict[str, BlockKind]) -> list[Any]:
    """The typed blocks of a raw stream, once ``collect_stream``'s references are loaded."""
    return [
        kinds[block["type"]].build(scope, block["value"], strawberry.ID(block.get("id") or ""))
        for block in stream
        if block["type"] in kinds
    ]
