"""Images and their renditions: Wagtail renders (with Pillow) and stores each size once.

Sizes, formats and qualities are validated against the bounds in ``limits``. An API request never
renders: renditions that exist are loaded with their images in one query per request, whatever the
number of images in the response; those that do not are linked through Wagtail's signed serve view
(``cms.image_serving``), which renders each on its first fetch.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Sequence
from typing import Annotated, Any

import strawberry
from django.conf import settings
from django.db.models import QuerySet
from strawberry import Parent
from strawberry.types import Info
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from cms.image_serving import image_url
from home.visibility import PublicView, public_media

from . import limits
from .context import ApiContext
from .errors import ApiError, BadInput
from .planning import Later, Loader, Scope, store
from .selection import FieldSelection
from .statements import NUMBER, Statement, kept, numbered, prepare
from .visibility import visible_images


@strawberry.enum(description="How a rendition fits the requested box.")
class ImageFit(enum.Enum):
    FILL = strawberry.enum_value("fill", description="Crop to exactly width x height, around the focal point.")
    MAX = strawberry.enum_value("max", description="Fit inside width x height, keeping proportions.")
    MIN = strawberry.enum_value("min", description="Cover width x height, keeping proportions.")
    WIDTH = strawberry.enum_value("width", description="Resize to `width`, keeping proportions.")
    HEIGHT = strawberry.enum_value("height", description="Resize to `height`, keeping proportions.")


@strawberry.enum(description="File format of a rendition.")
class ImageFormat(enum.Enum):
    ORIGINAL = strawberry.enum_value("original", description="The format the image was uploaded in.")
    JPEG = strawberry.enum_value("jpeg", description="JPEG.")
    PNG = strawberry.enum_value("png", description="PNG.")
    WEBP = strawberry.enum_value("webp", description="WebP.")
    AVIF = strawberry.enum_value("avif", description="AVIF.")


_QUALITY_OPERATION = {
    ImageFormat.JPEG: "jpegquality",
    ImageFormat.WEBP: "webpquality",
    ImageFormat.AVIF: "avifquality",
}
_EXTENSION_FORMATS = {
    "jpg": ImageFormat.JPEG,
    "jpeg": ImageFormat.JPEG,
    "png": ImageFormat.PNG,
    "webp": ImageFormat.WEBP,
    "avif": ImageFormat.AVIF,
}


def filter_spec(width: int | None, height: int | None, fit: Any, image_format: Any, quality: int | None) -> str:
    """Wagtail's filter spec for a validated request, e.g. ``fill-640x360|format-webp|webpquality-80``."""
    fit, image_format = ImageFit(fit), ImageFormat(image_format)
    limits.rendition_size("width", width)
    limits.rendition_size("height", height)
    limits.rendition_quality(quality)
    if fit in (ImageFit.FILL, ImageFit.MAX, ImageFit.MIN):
        if width is None or height is None:
            raise BadInput(f"Fit {fit.name} needs both `width` and `height`.")
        operations = [f"{fit.value}-{width}x{height}"]
    else:
        size = width if fit is ImageFit.WIDTH else height
        if size is None:
            raise BadInput(f"Fit {fit.name} needs `{fit.value}`.")
        operations = [f"{fit.value}-{size}"]
    if image_format is not ImageFormat.ORIGINAL:
        operations.append(f"format-{image_format.value}")
    if quality is not None:
        if image_format not in _QUALITY_OPERATION:
            raise BadInput("`quality` applies to the JPEG, WEBP and AVIF formats only.")
        operations.append(f"{_QUALITY_OPERATION[image_format]}-{quality}")
    return "|".join(operations)


def srcset_specs(widths: Sequence[int], image_format: Any, quality: int | None) -> list[str]:
    if not 1 <= len(widths) <= limits.MAX_SRCSET_WIDTHS:
        raise BadInput(f"`widths` takes 1 to {limits.MAX_SRCSET_WIDTHS} sizes.")
    return [filter_spec(width, None, ImageFit.WIDTH, image_format, quality) for width in widths]


@strawberry.type(description="The focal point editors set on an image; crops keep it in view.")
class FocalPoint:
    x: int = strawberry.field(description="Centre, in pixels from the left of the original.")
    y: int = strawberry.field(description="Centre, in pixels from the top of the original.")
    width: int = strawberry.field(description="Width of the area of interest, in pixels.")
    height: int = strawberry.field(description="Height of the area of interest, in pixels.")


@strawberry.type(description="One rendered variant of an image.")
class Rendition:
    url: str = strawberry.field(description="Absolute address of the rendered file.")
    width: int = strawberry.field(description="Width in pixels, as rendered.")
    height: int = strawberry.field(description="Height in pixels, as rendered.")
    format: ImageFormat = strawberry.field(description="File format, as rendered.")


@functools.lru_cache(maxsize=256)
def _filter(spec: str) -> Filter:
    """One ``Filter`` per spec: parsing its operations cost more than finding the rendition."""
    return Filter(spec)


def _rendition(ctx: PublicView, image: Any, spec: str) -> Rendition:
    """A rendition already rendered, else the signed URL that renders it on first fetch (never here)."""
    wanted = _filter(spec)
    existing = image.find_existing_renditions(wanted).get(wanted)  # prefetched with the image: no query
    if existing is not None:
        extension = existing.file.name.rsplit(".", 1)[-1].lower()
        return Rendition(
            url=ctx.request.build_absolute_uri(existing.url),
            width=existing.width,
            height=existing.height,
            format=_EXTENSION_FORMATS.get(extension, ImageFormat.ORIGINAL),
        )
    width, height = wanted.get_transform(image).size
    return Rendition(
        url=ctx.request.build_absolute_uri(image_url(image, spec)),
        width=width,
        height=height,
        format=_output_format(image, spec),
    )


def _output_format(image: Any, spec: str) -> ImageFormat:
    """The format Wagtail will render ``spec`` in: the one asked for, else the original's as Wagtail
    converts it, from the format the image recorded when its file was stored."""
    for operation in spec.split("|"):
        if operation.startswith("format-"):
            return ImageFormat(operation.removeprefix("format-"))
    if not image.file_format:  # stored before images recorded their format
        image.read_file_format()
    return _EXTENSION_FORMATS.get(_converted(image.file_format, image.animated), ImageFormat.ORIGINAL)


def _converted(file_format: str, animated: bool) -> str:
    """The format Wagtail renders an original of ``file_format`` in when none is asked, as its
    ``Filter.run`` converts it: BMP to PNG, HEIC to JPEG, a still GIF to PNG, then the site's own
    ``WAGTAILIMAGES_FORMAT_CONVERSIONS``."""
    conversions = {"bmp": "png", "heic": "jpeg", **({} if animated else {"gif": "png"})}
    conversions.update(getattr(settings, "WAGTAILIMAGES_FORMAT_CONVERSIONS", {}))
    return conversions.get(file_format, file_format)


FormatArg = Annotated[ImageFormat, strawberry.argument(description="File format of the rendered file.")]
QualityArg = Annotated[
    int | None,
    strawberry.argument(description="Compression quality for JPEG, WebP or AVIF: a multiple of 5 from 30 to 95."),
]


def rendition_of(view: PublicView, image: Any, spec: str) -> Rendition:
    """A rendition for code that is not an ``Image`` field (feeds, e-mail HTML): renders the same way."""
    return _rendition(view, image, spec)


def alt_text(image: Any) -> str:
    """What a screen reader says for ``image``: its description, else its title."""
    return str(image.description or image.title)


@strawberry.type(description="An image from the media library.")
class Image:
    id: strawberry.ID = strawberry.field(description="The image's ID.")
    title: str = strawberry.field(description="The title editors gave it.")
    width: int = strawberry.field(description="Width of the original, in pixels.")
    height: int = strawberry.field(description="Height of the original, in pixels.")
    credit: str = strawberry.field(description="Photographer or source; may be empty.")

    @strawberry.field(description="Alternative text for screen readers (the title when none was written).")
    def alt(self, root: Parent[Any]) -> str:
        return alt_text(root)

    @strawberry.field(description="The focal point, when an editor set one.")
    def focal_point(self, root: Parent[Any]) -> FocalPoint | None:
        if root.focal_point_x is None:
            return None
        return FocalPoint(
            x=root.focal_point_x,
            y=root.focal_point_y,
            width=root.focal_point_width,
            height=root.focal_point_height,
        )

    @strawberry.field(description="A rendered variant. Sizes must be one of the allowed rendition sizes.")
    def rendition(
        self,
        root: Parent[Any],
        info: Info[ApiContext, None],
        fit: Annotated[ImageFit, strawberry.argument(description="How the image fits width x height.")] = ImageFit.MAX,
        width: Annotated[
            int | None, strawberry.argument(description="Width in pixels, one of the allowed sizes.")
        ] = None,
        height: Annotated[
            int | None, strawberry.argument(description="Height in pixels, one of the allowed sizes.")
        ] = None,
        format: FormatArg = ImageFormat.ORIGINAL,
        quality: QualityArg = None,
    ) -> Rendition:
        return _rendition(info.context, root, filter_spec(width, height, fit, format, quality))

    @strawberry.field(description="An HTML `srcset` value: one width-resized rendition per width.")
    def srcset(
        self,
        root: Parent[Any],
        info: Info[ApiContext, None],
        widths: Annotated[list[int], strawberry.argument(description="The widths, each one of the allowed sizes.")],
        format: FormatArg = ImageFormat.ORIGINAL,
        quality: QualityArg = None,
    ) -> str:
        renditions = [_rendition(info.context, root, spec) for spec in srcset_specs(widths, format, quality)]
        return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)


def rendition_specs(selections: Iterable[FieldSelection]) -> set[str]:
    """The filter specs asked for under these image selections (invalid ones are left to the resolver)."""
    specs: set[str] = set()
    for selection in selections:
        for child in selection.fields_on("Image"):
            arguments = child.arguments
            try:
                if child.name == "rendition":
                    specs.add(
                        filter_spec(
                            arguments.get("width"),
                            arguments.get("height"),
                            arguments["fit"],
                            arguments["format"],
                            arguments.get("quality"),
                        )
                    )
                elif child.name == "srcset":
                    specs.update(srcset_specs(arguments["widths"], arguments["format"], arguments.get("quality")))
            except ApiError:
                continue
    return specs


def credit_for(own_credit: str, image: Any) -> str:
    """The credit of one use of an image: the one given with that use, else the image's own."""
    return own_credit or (image.credit if image else "")


def ask_images(ctx: ApiContext, ids: Iterable[int | None], specs: set[str]) -> None:
    """Notes that the answer shows these images with the renditions ``specs``.

    Nothing is read yet: the first image used (``loaded_image``) reads every image asked for so
    far, so a news item's hero, the pictures of its body and its cities' images cost one query.
    """
    for pk in ids:
        if pk is not None:
            ctx.asked_images.setdefault(pk, set()).update(specs)


def loaded_image(ctx: ApiContext, pk: int | None) -> Any:
    """The public image ``pk`` (``None`` if it is not public), asked for before with ``ask_images``."""
    if pk is None:
        return None
    if pk in ctx.asked_images:
        _read_asked_images(ctx)
    return ctx.loaded["image", pk]


def _read_asked_images(ctx: ApiContext) -> None:
    """Reads the public images asked for, with their asked renditions.

    One query when the renditions exist (they are read with their images), which is every request
    but an image's first: images with none of them yet are read on their own after.
    """
    asked, ctx.asked_images = ctx.asked_images, {}
    missing = {
        pk
        for pk, specs in asked.items()
        if ("image", pk) not in ctx.loaded or not specs <= ctx.loaded["image-specs", pk]
    }
    if not missing:
        return
    specs = set().union(*(asked[pk] for pk in missing))
    found: dict[int, Any] = {}
    if specs:
        renditions = _renditions_statement(tuple(sorted(specs)), len(missing), tuple(ctx.restricted_collection_paths))
        for rendition in renditions.fetch(**numbered("id", list(missing))):
            image = found.setdefault(rendition.image_id, rendition.image)
            # Where Wagtail's find_existing_renditions looks first (prefetch_renditions puts them there too).
            image.__dict__.setdefault("prefetched_renditions", []).append(rendition)
    if unrendered := missing - found.keys():
        for image in visible_images(ctx).filter(pk__in=unrendered):
            image.prefetched_renditions = []  # none of the asked renditions exists yet
            found[image.pk] = image
    for pk in missing:
        ctx.loaded["image", pk] = found.get(pk)
        ctx.loaded["image-specs", pk] = specs
    ctx.add_content_keys("image", found)


@kept
def _renditions_statement(specs: tuple[str, ...], count: int, restricted_paths: tuple[str, ...]) -> Statement:
    """The renditions ``specs`` of ``count`` public images, with their images: compiled once per
    set of sizes, number of images and restricted collections."""

    def build(**ids: int) -> QuerySet[Any]:
        images = public_media(get_image_model(), restricted_paths).filter(pk__in=list(ids.values()))
        renditions = get_image_model().get_rendition_model().objects
        return renditions.filter(filter_spec__in=specs, image__in=images).select_related("image")

    return prepare(numbered("id", [NUMBER] * count), build)


def image_loader(attribute: str) -> Loader:
    """A loader for a field holding an image foreign key (``attribute`` is its ``..._id``)."""

    def load(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
        ids = [getattr(obj, attribute) for obj in objects]
        ask_images(scope.ctx, ids, rendition_specs(selections))
        for obj, pk in zip(objects, ids, strict=True):
            store(obj, selections[0].name, Later(functools.partial(loaded_image, scope.ctx, pk)))

    return load
