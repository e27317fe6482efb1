"""Checks an uploaded image must pass before it is stored: it decodes, and it is nothing but an image.

In the order ``home.forms.CheckedImageField`` runs them: the byte bound
(``WAGTAILIMAGES_MAX_UPLOAD_SIZE``); the file's structure, walked to where the image ends without
decoding anything, which refuses truncated files and files with something appended (a GIF that
is also a script, an archive glued to a PNG); Wagtail's header checks (format, and the pixel bound
``WAGTAILIMAGES_MAX_IMAGE_PIXELS``); and last, once decoding is bounded in memory (about 4 bytes a
pixel), one full decode with Pillow.
"""

from collections.abc import Callable
from io import BytesIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image


def _skip_gif_sub_blocks(data: bytes, pos: int) -> int | None:
    while pos < len(data):
        size = data[pos]
        pos += 1 + size
        if size == 0:
            return pos
    return None


def _gif_colour_table(flags: int) -> int:
    return 3 * (2 << (flags & 7)) if flags & 0x80 else 0


def _gif_end(data: bytes) -> int | None:
    if len(data) < 13:
        return None
    pos: int | None = 13 + _gif_colour_table(data[10])
    while pos is not None and pos < len(data):
        block = data[pos]
        if block == 0x3B:  # trailer
            return pos + 1
        if block == 0x21:  # extension: label, then sub-blocks
            pos = _skip_gif_sub_blocks(data, pos + 2)
        elif block == 0x2C and pos + 10 <= len(data):  # image: descriptor, colour table, LZW size, sub-blocks
            pos = _skip_gif_sub_blocks(data, pos + 10 + _gif_colour_table(data[pos + 9]) + 1)
        else:
            return None
    return None


def _png_end(data: bytes) -> int | None:
    pos = 8
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        chunk_type = data[pos + 4 : pos + 8]
        pos += 12 + length
        if chunk_type == b"IEND":
            return pos if pos <= len(data) else None
    return None


def _jpeg_scan_end(data: bytes, pos: int) -> int | None:
    """Where the entropy-coded data after a start-of-scan ends: the next marker that is not data."""
    while (pos := data.find(b"\xff", pos)) != -1 and pos + 1 < len(data):
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # stuffed byte or restart marker
            pos += 2
        elif following == 0xFF:  # fill byte
            pos += 1
        else:
            return pos
    return None


def _jpeg_end(data: bytes) -> int | None:
    pos: int | None = 2
    while pos is not None and pos + 2 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
        elif marker == 0xD9:  # end of image
            return pos + 2
        elif 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
        elif pos + 4 > len(data):
            return None
        else:
            pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
            if marker == 0xDA:
                pos = _jpeg_scan_end(data, pos)
    return None


def _riff_end(data: bytes) -> int | None:
    return 8 + int.from_bytes(data[4:8], "little") if len(data) >= 12 else None


def _iso_bmff_end(data: bytes) -> int | None:
    """AVIF: top-level boxes, each with its size up front, must add up to the file."""
    pos = 0
    while pos + 8 <= len(data):
        size = int.from_bytes(data[pos : pos + 4], "big")
        if size == 0:  # the last box runs to the end of the file
            return len(data)
        if size == 1 and pos + 16 <= len(data):
            size = int.from_bytes(data[pos + 8 : pos + 16], "big")
        if size < 8:
            return None
        pos += size
    return pos if pos == len(data) else None


# What each format's file starts with, and how to find where its image ends.
_FORMATS: list[tuple[Callable[[bytes], bool], Callable[[bytes], int | None]]] = [
    (lambda data: data.startswith((b"GIF87a", b"GIF89a")), _gif_end),
    (lambda data: data.startswith(b"\x89PNG\r\n\x1a\n"), _png_end),
    (lambda data: data.startswith(b"\xff\xd8"), _jpeg_end),
    (lambda data: data[:4] == b"RIFF" and data[8:12] == b"WEBP", _riff_end),
    (lambda data: data[4:8] == b"ftyp", _iso_bmff_end),
]

DAMAGED = _("This image is damaged or incomplete and cannot be used. Export it again and upload the new file.")
NOT_ONLY_AN_IMAGE = _(
    "This file holds more than an image (data follows the end of the picture). Export it again as a plain image."
)


def _end_finder(data: bytes) -> Callable[[bytes], int | None] | None:
    return next((find_end for matches, find_end in _FORMATS if matches(data)), None)


def _only_padding(trailer: bytes) -> bool:
    return not trailer.strip(b"\x00\r\n\t ")


def check_image_structure(data: bytes) -> None:
    """Refuses (``ValidationError`` with a message for the uploader) anything but one whole image.

    Reads the container's structure only, no pixels, so it is safe to run before the pixel bound.
    A JPEG may be followed by further JPEGs: that is how cameras store multi-picture (MPO) files.
    """
    find_end = _end_finder(data)
    if find_end is None:  # not a format we take: Wagtail's format check refuses it with its message
        return
    end = find_end(data)
    if end is None or end > len(data):
        raise ValidationError(DAMAGED, code="damaged_image")
    trailer = data[end:]
    if not (_only_padding(trailer) or (data.startswith(b"\xff\xd8") and trailer.startswith(b"\xff\xd8"))):
        raise ValidationError(NOT_ONLY_AN_IMAGE, code="not_only_an_image")


def check_image_decodes(data: bytes) -> None:
    """Decodes the image once; run it only after the pixel bound, which bounds what this costs."""
    try:
        with Image.open(BytesIO(data)) as image:
            image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(DAMAGED, code="damaged_image") from error
