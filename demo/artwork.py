"""Draws the demo images (JPEG) and documents (PDF) with Pillow, from their specs alone.

The same spec always gives the same picture: colours come from the spec and the decorative shapes
from a hash of its key, not from a random generator. When a spec has a focal point, a bright disc
is drawn there so that the focal point set in Wagtail marks something visible. Text uses Pillow's
bundled scalable font, so no system font is needed and every machine draws the same; that font has
no accented letters, so accents are dropped from drawn text (Bălți is drawn as Balti).
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from collections.abc import Iterator

from PIL import Image, ImageColor, ImageDraw, ImageFont

from .spec import DocumentSpec, ImageSpec

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

JPEG_QUALITY = 85
PDF_DPI = 100
A4_AT_PDF_DPI = (827, 1169)  # 210 x 297 mm at 100 dpi
PAGE_MARGIN = 80


def _font(size: int) -> Font:
    return ImageFont.load_default(size=size)


def _drawable(text: str) -> str:
    """``text`` without combining accents, which the bundled font cannot draw."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def _text_width(font: Font, text: str) -> float:
    return font.getlength(text)


def _wrap(text: str, font: Font, max_width: int) -> list[str]:
    """Greedy word wrap by measured width, so lines never run off the page."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and _text_width(font, candidate) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _shape_numbers(key: str) -> Iterator[int]:
    """An endless, repeatable stream of bytes derived from ``key`` (0-255 each)."""
    counter = 0
    while True:
        yield from hashlib.sha256(f"{key}:{counter}".encode()).digest()
        counter += 1


def _gradient(size: tuple[int, int], colours: tuple[str, str]) -> Image.Image:
    left = Image.new("RGB", size, ImageColor.getrgb(colours[0]))
    right = Image.new("RGB", size, ImageColor.getrgb(colours[1]))
    mask = Image.linear_gradient("L").rotate(90).resize(size)  # 0 (left) to 255 (right)
    return Image.composite(right, left, mask)


def _draw_shapes(canvas: Image.Image, spec: ImageSpec) -> Image.Image:
    """Translucent circles in the sky and a skyline of blocks along the bottom edge."""
    width, height = canvas.size
    overlay = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    numbers = _shape_numbers(spec.key)

    for _ in range(6):
        x, y = next(numbers) * width // 255, next(numbers) * height // 2 // 255
        radius = height // 20 + next(numbers) * height // 2550
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 40))

    x = 0
    while x < width:
        block_width = width // 40 + next(numbers) * width // 4080
        block_height = height // 8 + next(numbers) * height // 700
        draw.rectangle((x, height - block_height, x + block_width, height), fill=(10, 15, 30, 150))
        x += block_width + width // 200

    if spec.focal_point:
        fx, fy, fw, fh = spec.focal_point
        radius = min(fw, fh) // 2
        draw.ellipse((fx - radius, fy - radius, fx + radius, fy + radius), fill=(255, 244, 214, 200))

    return Image.alpha_composite(canvas.convert("RGBA"), overlay).convert("RGB")


def _draw_caption(canvas: Image.Image, headline: str, credit: str) -> None:
    headline = _drawable(headline)
    width, height = canvas.size
    draw = ImageDraw.Draw(canvas)
    size = height // 8
    font = _font(size)
    while _text_width(font, headline) > width * 0.9 and size > 12:
        size -= 4
        font = _font(size)
    x, y = width // 20, height // 2 - size
    draw.text((x + 4, y + 4), headline, font=font, fill=(0, 0, 0))
    draw.text((x, y), headline, font=font, fill=(255, 255, 255))
    draw.text((x, height - height // 14), credit, font=_font(max(height // 36, 12)), fill=(230, 230, 230))


def render_image(spec: ImageSpec, credit: str) -> bytes:
    """The spec's picture as JPEG bytes, ``spec.size`` pixels."""
    canvas = _draw_shapes(_gradient(spec.size, spec.colours), spec)
    _draw_caption(canvas, spec.headline, credit)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def _render_page(heading: str, paragraphs: tuple[str, ...], footer: str) -> Image.Image:
    page = Image.new("RGB", A4_AT_PDF_DPI, "white")
    draw = ImageDraw.Draw(page)
    text_width = A4_AT_PDF_DPI[0] - 2 * PAGE_MARGIN
    y = PAGE_MARGIN

    heading_font, body_font, footer_font = _font(34), _font(20), _font(13)
    for line in _wrap(_drawable(heading), heading_font, text_width):
        draw.text((PAGE_MARGIN, y), line, font=heading_font, fill=(20, 40, 90))
        y += 46
    y += 24
    for text in paragraphs:
        for line in _wrap(_drawable(text), body_font, text_width):
            draw.text((PAGE_MARGIN, y), line, font=body_font, fill=(30, 30, 30))
            y += 30
        y += 18

    footer_y = A4_AT_PDF_DPI[1] - PAGE_MARGIN
    draw.line((PAGE_MARGIN, footer_y - 12, A4_AT_PDF_DPI[0] - PAGE_MARGIN, footer_y - 12), fill=(180, 180, 180))
    draw.text((PAGE_MARGIN, footer_y), _drawable(footer), font=footer_font, fill=(110, 110, 110))
    return page


def render_pdf(spec: DocumentSpec, footer: str) -> bytes:
    """The spec's pages as a PDF (one A4 image per page), with the title in the PDF's metadata."""
    first, *rest = (_render_page(heading, paragraphs, footer) for heading, paragraphs in spec.pages)
    buffer = io.BytesIO()
    first.save(buffer, format="PDF", save_all=True, append_images=rest, resolution=PDF_DPI, title=spec.title)
    return buffer.getvalue()
