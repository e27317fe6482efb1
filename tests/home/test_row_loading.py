"""Pages read from the database are built without their constructors (``home.row_loading``): they
must be the same pages, with their child relations, deferred columns and saving intact."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models.signals import post_init

from news.models import NewsPage
from tests import factories


@pytest.fixture
def item(db):
    tree = factories.make_site_tree()
    city = factories.CityProfilePageFactory(parent=tree["cities"], title="Kutaisi")
    partnership = factories.PartnershipFactory(name="Network")
    return factories.NewsPageFactory(
        parent=tree["news"], title="Forum", cities=[city], partnerships=[partnership], tags=["culture"]
    )


def test_a_page_read_from_a_row_has_its_columns_and_relations(item):
    page = NewsPage.objects.get(pk=item.pk)
    assert type(page) is NewsPage
    assert (page.title, page.slug, page.date, page.path) == (item.title, item.slug, item.date, item.path)
    assert page.content_type_id == ContentType.objects.get_for_model(NewsPage).pk
    assert page.specific is page
    assert page._state.adding is False
    assert page._state.db == "default"
    assert [link.city.title for link in page.city_links.all()] == ["Kutaisi"]
    assert [partnership.name for partnership in page.partnerships.all()] == ["Network"]
    assert [tag.name for tag in page.tags.all()] == ["culture"]


def test_deferred_columns_stay_deferred_and_load_when_read(item, django_assert_num_queries):
    page = NewsPage.objects.defer("body", "draft_title").get(pk=item.pk)
    assert page.get_deferred_fields() == {"body", "draft_title"}
    with django_assert_num_queries(1):
        assert page.draft_title == item.draft_title


def test_a_page_read_from_a_row_saves_and_sends_post_init(item):
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance)

    post_init.connect(receiver, sender=NewsPage)
    try:
        page = NewsPage.objects.get(pk=item.pk)
    finally:
        post_init.disconnect(receiver, sender=NewsPage)
    assert seen == [page]
    page.title = "Forum in Kutaisi"
    page.save_revision().publish()
    assert NewsPage.objects.get(pk=item.pk).title == "Forum in Kutaisi"


@pytest.mark.parametrize("deferred", [(), ("body", "draft_title", "search_description")])
def test_a_page_from_a_row_is_what_djangos_constructor_makes_of_it(item, deferred):
    """Attribute for attribute, against ``Model.from_db`` (which runs every constructor)."""
    queryset = NewsPage.objects.defer(*deferred).filter(pk=item.pk)
    compiler = queryset.query.get_compiler(using="default")
    sql, params = compiler.as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        [row] = cursor.fetchall()
    columns = [column for column, _sql, _alias in compiler.select]
    loaded = [column.target.attname for column in columns]
    [values] = [list(converted) for converted in compiler.apply_converters([row], compiler.get_converters(columns))]
    built = NewsPage.from_db("default", loaded, values)
    constructed = models.Model.from_db.__func__(NewsPage, "default", loaded, list(values))
    assert {key for key in built.__dict__ if key != "_state"} == {
        key for key in constructed.__dict__ if key != "_state"
    }
    for key, value in constructed.__dict__.items():
        if key != "_state":
            assert built.__dict__[key] == value, key
    assert built.get_deferred_fields() == constructed.get_deferred_fields() == set(deferred)
    assert (built._state.adding, built._state.db) == (False, "default")
    if not deferred:
        # a StreamValue, as the constructor leaves it
        assert type(built.__dict__["body"]) is type(constructed.__dict__["body"])
        assert [block.block_type for block in built.body] == [block.block_type for block in item.body]
