"""Items are read with just the columns their selected fields need (``planning.defer_unread_columns``).

A field reading a column that it did not declare (``reads`` / ``planned_field(columns=...)``)
would still answer, but Django would fetch the column with one query per item. Walking every
field of every type the planner narrows, one field per request, finds such a field whatever the
other tests select.
"""

import pytest
from django.db.models import Model
from graphql import GraphQLNonNull, GraphQLObjectType, Undefined, get_named_type, is_leaf_type

from graphql_api.planning import _TYPE_NAMES
from graphql_api.schema import schema

# Where each type is read by a narrowed query: root lists, look-ups, references and reverse references.
PATHS = [
    ("NewsItem", "newsItems(first: 50) { edges { node { %s } } }"),
    ("NewsItem", 'newsItem(slug: "news-1") { %s }'),
    ("NewsItem", "cities { edges { node { newsItems(first: 50) { edges { node { %s } } } } } }"),
    ("Conference", "conferences(first: 50) { edges { node { %s } } }"),
    ("Conference", "cities { edges { node { conferences(first: 50) { edges { node { %s } } } } } }"),
    ("City", "cities(first: 50) { edges { node { %s } } }"),
    ("City", "newsItems(first: 50) { edges { node { cities { %s } } } }"),
    ("Partnership", "partnerships(first: 50) { edges { node { %s } } }"),
    ("Organisation", "conferences(first: 50) { edges { node { organisers { %s } } } }"),
]
# Pages that no list or look-up returns as their own type: read whole, never narrowed.
NOT_NARROWED = {"HomePage", "SectionPage"}


def selection_of(type_name: str, field_name: str) -> str:
    """The field asked alone: a leaf as it is, an object with ``__typename`` only."""
    field = schema._schema.type_map[type_name].fields[field_name]
    required = [
        name
        for name, argument in field.args.items()
        if isinstance(argument.type, GraphQLNonNull) and argument.default_value is Undefined
    ]
    assert required == [], f"{type_name}.{field_name} needs {required}: give the walk a value for it"
    return field_name if is_leaf_type(get_named_type(field.type)) else f"{field_name} {{ __typename }}"


@pytest.fixture
def deferred_loads(monkeypatch):
    """Every column Django fetched late, item by item: ``(model, fields)``."""
    loads = []
    original = Model.refresh_from_db

    def refresh_from_db(self, *args, **kwargs):
        loads.append((type(self).__name__, kwargs.get("fields")))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Model, "refresh_from_db", refresh_from_db)
    return loads


def test_the_walk_covers_every_type_the_planner_narrows():
    assert set(_TYPE_NAMES.values()) - NOT_NARROWED == {type_name for type_name, _path in PATHS}


@pytest.mark.parametrize(("type_name", "path"), PATHS, ids=[f"{t}-{n}" for n, (t, _p) in enumerate(PATHS)])
def test_no_field_reads_a_column_it_did_not_declare(graphql, content, deferred_loads, type_name, path):
    graphql_type = schema._schema.type_map[type_name]
    assert isinstance(graphql_type, GraphQLObjectType)
    late = {}
    for field_name in graphql_type.fields:
        deferred_loads.clear()
        data = graphql("{ %s }" % (path % selection_of(type_name, field_name))).data
        assert any(data.values()), f"{path} found nothing: the walk read no {type_name}"
        if deferred_loads:
            late[field_name] = sorted({str(fields) for _model, fields in deferred_loads})
    assert late == {}
