"""Images and renditions: every fit, format and quality, checked against the file the returned
URL really serves (fetched over HTTP and opened with Pillow); bounds refused on the field."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage

from graphql_api import limits
from tests import factories

from .conftest import http
from .fixtures_safety import fetch_image, make_image, shared_data, site_tree

RED, BLUE = (255, 0, 0), (0, 0, 255)


def _noise(picture: Any) -> None:
    picture.paste(PillowImage.effect_noise(picture.size, 100).convert("RGB"))


def _red_and_blue(picture: Any) -> None:
    width, height = picture.size
    picture.paste(RED, (0, 0, width // 2, height))
    picture.paste(BLUE, (width // 2, 0, width, height))


def build() -> dict[str, Any]:
    tree = site_tree()
    images = {
        "big": make_image(2000, 1500, title="Big", credit="© Big credit"),
        "described": make_image(
            2000,
            1500,
            "JPEG",
            title="Bridge",
            description="A bridge over the Rioni",
            credit="",
            focal_point_x=1500,
            focal_point_y=400,
            focal_point_width=200,
            focal_point_height=100,
        ),
        "small": factories.ImageFactory(title="Small"),
        "noise": make_image(800, 600, draw=_noise, title="Noise"),
        "gif": make_image(400, 300, "GIF", title="Gif"),
        "webp": make_image(400, 300, "WEBP", title="Webp"),
        "centred": make_image(800, 400, draw=_red_and_blue, title="Centred"),
        "focused": make_image(
            800,
            400,
            draw=_red_and_blue,
            title="Focused",
            focal_point_x=700,
            focal_point_y=200,
            focal_point_width=100,
            focal_point_height=100,
        ),
    }
    for name, image in images.items():
        factories.NewsPageFactory(parent=tree["news"], title=name, slug=name, hero_image=image)
    block = {"image": images["big"], "caption": "", "credit": ""}
    factories.NewsPageFactory(parent=tree["news"], title="Body", slug="body", body=[("image", block)])
    factories.CityProfilePageFactory(parent=tree["cities"], title="Tbilisi", slug="tbilisi", image=images["big"])
    return images


@pytest.fixture(scope="module")
def images(django_db_setup: None, django_db_blocker: Any) -> Any:
    with shared_data(django_db_blocker, build) as data:
        yield data


def hero(graphql: Any, slug: str, fields: str) -> Any:
    return graphql(f'{{ newsItem(slug: "{slug}") {{ heroImage {{ {fields} }} }} }}').data["newsItem"]["heroImage"]


def rendition(graphql: Any, slug: str, arguments: str) -> dict[str, Any]:
    return hero(graphql, slug, f"rendition({arguments}) {{ url width height format }}")["rendition"]


def served(result: dict[str, Any], api_url: str) -> PillowImage.Image:
    """The file behind a rendition, after checking it is what the API promised."""
    assert result["url"].startswith(f"{api_url}/")
    picture = fetch_image(result["url"])
    assert picture.size == (result["width"], result["height"])
    assert picture.format == {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "AVIF": "AVIF"}[result["format"]]
    return picture


@pytest.mark.parametrize(
    ("arguments", "size"),
    [
        ("fit: FILL, width: 800, height: 400", (800, 400)),
        ("fit: FILL, width: 640, height: 360", (640, 360)),
        ("fit: MAX, width: 640, height: 640", (640, 480)),
        ("fit: MIN, width: 640, height: 640", (853, 640)),
        ("fit: WIDTH, width: 320", (320, 240)),
        ("fit: HEIGHT, height: 240", (320, 240)),
        ("width: 1024, height: 1024", (1024, 768)),  # MAX is the default fit
    ],
)
def test_each_fit_serves_a_file_of_the_promised_size(graphql, images, api_url, arguments, size):
    result = rendition(graphql, "big", arguments)

    assert (result["width"], result["height"]) == size
    assert result["format"] == "PNG"
    served(result, api_url)


def test_a_small_original_is_not_enlarged_and_says_so(graphql, images, api_url):
    result = rendition(graphql, "small", "fit: WIDTH, width: 320")

    assert (result["width"], result["height"]) == (64, 48)
    served(result, api_url)


@pytest.mark.parametrize(
    ("slug", "image_format", "expected"),
    [
        ("big", "ORIGINAL", "PNG"),
        ("described", "ORIGINAL", "JPEG"),
        ("webp", "ORIGINAL", "WEBP"),
        ("gif", "ORIGINAL", "PNG"),  # Wagtail renders still GIFs as PNG: the API says what it served
        ("big", "JPEG", "JPEG"),
        ("described", "PNG", "PNG"),
        ("big", "WEBP", "WEBP"),
        ("big", "AVIF", "AVIF"),
    ],
)
def test_each_format_serves_a_file_in_that_format(graphql, images, api_url, slug, image_format, expected):
    result = rendition(graphql, slug, f"fit: WIDTH, width: 320, format: {image_format}")

    assert result["format"] == expected
    assert result["width"] == 320
    assert served(result, api_url).format == expected


def _size(graphql: Any, api_url: str, image_format: str, quality: int) -> int:
    result = rendition(graphql, "noise", f"fit: WIDTH, width: 640, format: {image_format}, quality: {quality}")
    served(result, api_url)
    return len(http("GET", result["url"])[2])


@pytest.mark.parametrize("image_format", ["JPEG", "WEBP", "AVIF"])
def test_quality_changes_the_file_served(graphql, images, api_url, image_format):
    assert _size(graphql, api_url, image_format, 30) < _size(graphql, api_url, image_format, 95)


def test_jpeg_quality_is_the_encoder_quality(graphql, images, api_url):
    """The quantisation tables of a quality-30 JPEG are coarser than those of a quality-95 one."""
    tables = {}
    for quality in (30, 95):
        result = rendition(graphql, "noise", f"fit: WIDTH, width: 320, format: JPEG, quality: {quality}")
        tables[quality] = sum(sum(table) for table in served(result, api_url).quantization.values())

    assert tables[30] > 3 * tables[95]


def test_fill_crops_around_the_focal_point(graphql, images, api_url):
    """Left half red, right half blue: a square crop is centred unless the focal point moves it."""
    arguments = "fit: FILL, width: 400, height: 400"
    centred = served(rendition(graphql, "centred", arguments), api_url).convert("RGB")
    focused = served(rendition(graphql, "focused", arguments), api_url).convert("RGB")

    assert centred.getpixel((100, 200)) == RED
    assert centred.getpixel((390, 200)) == BLUE
    assert focused.getpixel((100, 200)) == BLUE


def test_srcset_lists_one_width_resized_file_per_width(graphql, images, api_url):
    srcset = hero(graphql, "big", "srcset(widths: [320, 640, 1024], format: WEBP, quality: 80)")["srcset"]

    candidates = srcset.split(", ")
    assert len(candidates) == 3
    for candidate, width in zip(candidates, (320, 640, 1024), strict=True):
        url, descriptor = candidate.split(" ")
        assert descriptor == f"{width}w"
        assert url.startswith(f"{api_url}/")
        picture = fetch_image(url)
        assert picture.size == (width, width * 3 // 4)
        assert picture.format == "WEBP"


def test_srcset_of_a_small_original_describes_the_real_widths(graphql, images):
    srcset = hero(graphql, "small", "srcset(widths: [80, 320])")["srcset"]

    assert re.fullmatch(r"http://\S+ 64w, http://\S+ 64w", srcset)


def test_image_fields(graphql, images):
    fields = "id title alt credit width height focalPoint { x y width height }"
    data = graphql(
        f"""{{
          big: newsItem(slug: "big") {{ heroImage {{ {fields} }} heroCredit }}
          described: newsItem(slug: "described") {{ heroImage {{ {fields} }} heroCredit }}
        }}"""
    ).data

    assert data["big"] == {
        "heroImage": {
            "id": str(images["big"].pk),
            "title": "Big",
            "alt": "Big",
            "credit": "© Big credit",
            "width": 2000,
            "height": 1500,
            "focalPoint": None,
        },
        "heroCredit": "© Big credit",
    }
    assert data["described"] == {
        "heroImage": {
            "id": str(images["described"].pk),
            "title": "Bridge",
            "alt": "A bridge over the Rioni",
            "credit": "",
            "width": 2000,
            "height": 1500,
            "focalPoint": {"x": 1500, "y": 400, "width": 200, "height": 100},
        },
        "heroCredit": "",
    }


INVALID = [
    "rendition(fit: WIDTH, width: 500) { url }",
    "rendition(fit: WIDTH, width: 0) { url }",
    "rendition(fit: WIDTH, width: 4096) { url }",
    "rendition(fit: FILL, width: 640, height: 500) { url }",
    "rendition(fit: FILL, width: 640) { url }",
    "rendition(fit: MAX, height: 640) { url }",
    "rendition(fit: MIN, width: 640) { url }",
    "rendition(fit: WIDTH, height: 240) { url }",
    "rendition(fit: HEIGHT, width: 320) { url }",
    "rendition(fit: WIDTH, width: 320, format: JPEG, quality: 25) { url }",
    "rendition(fit: WIDTH, width: 320, format: JPEG, quality: 100) { url }",
    "rendition(fit: WIDTH, width: 320, format: WEBP, quality: 52) { url }",
    "rendition(fit: WIDTH, width: 320, format: PNG, quality: 80) { url }",
    "rendition(fit: WIDTH, width: 320, quality: 80) { url }",
    f"srcset(widths: [{', '.join(map(str, limits.RENDITION_SIZES[: limits.MAX_SRCSET_WIDTHS + 1]))}])",
    "srcset(widths: [])",
    "srcset(widths: [320, 500])",
    "srcset(widths: [320], format: PNG, quality: 80)",
]


@pytest.mark.parametrize("field", INVALID)
def test_a_size_or_quality_out_of_bounds_is_refused_on_that_field_and_renders_nothing(graphql, images, field):
    renditions = images["big"].renditions.count()

    response = graphql(f'{{ newsItem(slug: "big") {{ title heroImage {{ title {field} }} }} }}')

    assert response.status == 200
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["path"] == ["newsItem", "heroImage", field.split("(")[0]]
    assert response.body["data"] == {"newsItem": {"title": "big", "heroImage": None}}
    assert images["big"].renditions.count() == renditions


def test_rendition_sizes_quality_and_widths_limits_are_those_documented():
    """The bounds the tests above rely on."""
    assert 500 not in limits.RENDITION_SIZES
    assert 320 in limits.RENDITION_SIZES
    assert 640 in limits.RENDITION_SIZES
    assert limits.RENDITION_QUALITIES[0] == 30
    assert limits.RENDITION_QUALITIES[-1] == 95
    assert limits.MAX_SRCSET_WIDTHS == 8


def test_renditions_of_images_in_body_blocks_and_city_pictures(graphql, images, api_url):
    result = "{ url width height format }"
    data = graphql(
        f"""{{
          newsItem(slug: "body") {{ body {{ ... on ImageBlock {{ image {{
            small: rendition(fit: WIDTH, width: 320) {result}
            large: rendition(fit: WIDTH, width: 640, format: WEBP) {result}
            srcset(widths: [160])
          }} }} }} }}
          city(slug: "tbilisi") {{ image {{ rendition(fit: HEIGHT, height: 480) {result} }} }}
        }}"""
    ).data

    image = data["newsItem"]["body"][0]["image"]
    assert (image["small"]["width"], image["small"]["height"], image["small"]["format"]) == (320, 240, "PNG")
    assert (image["large"]["width"], image["large"]["height"], image["large"]["format"]) == (640, 480, "WEBP")
    assert image["srcset"].endswith(" 160w")
    assert fetch_image(image["srcset"].split(" ")[0]).size == (160, 120)
    city = data["city"]["image"]["rendition"]
    assert (city["width"], city["height"]) == (640, 480)
    for result in (image["small"], image["large"], city):
        served(result, api_url)


def test_a_renditions_format_is_answered_without_opening_the_original(graphql, images):
    """Each opening of an original is a download with object storage: the format comes from the
    image's record, so the answer stands even with the original gone from storage."""
    image = make_image(400, 300, "JPEG", title="Stored far away")
    factories.NewsPageFactory(title="Far", slug="far", hero_image=image)
    image.file.storage.delete(image.file.name)
    result = rendition(graphql, "far", "fit: WIDTH, width: 320")
    assert (result["width"], result["format"]) == (320, "JPEG")


def test_an_animated_gif_is_said_to_come_in_the_format_it_is_served_in(graphql, images, api_url):
    """Wagtail renders a GIF as PNG unless its image library sees the animation (Pillow's does not)."""
    frames = [PillowImage.new("RGB", (400, 300), colour) for colour in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    image = factories.ImageFactory(file=ImageFile(io.BytesIO(buffer.getvalue()), name="moving.gif"))
    factories.NewsPageFactory(title="Moving", slug="moving", hero_image=image)
    result = rendition(graphql, "moving", "fit: WIDTH, width: 320")
    assert served(result, api_url).format == result["format"] == "PNG"
