"""Image uploads through the admin's real upload view over HTTP: bad files refused, nothing half-saved."""

from __future__ import annotations

import io
import zlib
from pathlib import Path
from typing import Any

import pytest
import requests
from PIL import Image

from home.models import CitynewsImage

from .conftest import csrf_token

ADD_URL = "/admin/images/multiple/add/"


def encode(image: Image.Image, image_format: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def photo(image_format: str = "JPEG") -> bytes:
    return encode(Image.new("RGB", (120, 80), (200, 120, 40)), image_format)


def png_header_only() -> bytes:
    """A PNG signature and an IHDR chunk claiming 200x100, and no image data at all."""
    ihdr = (200).to_bytes(4, "big") + (100).to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + len(ihdr).to_bytes(4, "big") + chunk + zlib.crc32(chunk).to_bytes(4, "big")


def gif_script_polyglot() -> bytes:
    """A GIF that is also JavaScript: the header opens a comment, the payload follows the trailer."""
    gif = bytearray(encode(Image.new("P", (10, 10)), "GIF"))
    gif[6:8] = b"/*"  # the logical screen width becomes 10799 pixels
    return bytes(gif) + b"*/=alert(document.domain);//"


def huge_png() -> bytes:
    """121 megapixels, a few hundred kilobytes: what costs ~460 MB to decode."""
    return encode(Image.new("1", (11_000, 11_000)), "PNG")


BAD_FILES = {
    "truncated JPEG": (lambda: photo()[:-400], "damaged or incomplete"),
    "PNG with only its header": (png_header_only, "damaged or incomplete"),
    "GIF/JS polyglot": (gif_script_polyglot, "more than an image"),
    "PNG with a ZIP appended": (lambda: photo("PNG") + b"PK\x03\x04" + b"\x00" * 26 + b"payload", "more than an image"),
    "121-megapixel PNG": (huge_png, "40000000"),
    "not an image at all": (lambda: b"<script>alert(1)</script>", "Not a valid .png image"),
}


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def upload(session: requests.Session, api_url: str, name: str, content: bytes) -> dict[str, Any]:
    token = csrf_token(session, api_url + ADD_URL)
    response = session.post(
        api_url + ADD_URL,
        data={"csrfmiddlewaretoken": token},
        files={"files[]": (name, content)},
        headers={"Referer": api_url + ADD_URL, "X-Requested-With": "XMLHttpRequest"},
        timeout=60,
    )
    assert response.status_code == 200, response.text[:500]
    return response.json()


def stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_image_is_refused_with_a_message_and_nothing_is_saved(api_url, logged_in, media, case):
    make, message = BAD_FILES[case]
    extension = {"GIF/JS polyglot": "gif", "truncated JPEG": "jpg"}.get(case, "png")

    answer = upload(logged_in(), api_url, f"upload.{extension}", make())

    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not CitynewsImage.objects.exists()
    assert stored_files(media) == []


def test_a_file_over_the_byte_bound_is_refused_before_decoding(api_url, logged_in, media, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    content = encode(Image.effect_noise((200, 200), 64).convert("RGB"), "PNG")

    answer = upload(logged_in(), api_url, "noise.png", content)

    assert len(content) > 1000
    assert answer["success"] is False
    assert "too big" in answer["error_message"]
    assert not CitynewsImage.objects.exists()


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "GIF", "WEBP"])
def test_a_whole_image_is_accepted(api_url, logged_in, media, image_format):
    answer = upload(logged_in(), api_url, f"photo.{image_format.lower()}", photo(image_format))

    assert answer["success"] is True
    image = CitynewsImage.objects.get()
    assert (image.width, image.height) == (120, 80)
    assert len(stored_files(media)) >= 1
