"""Every field that reads what the planner stored declares the loader that stores it.

The planner runs the loader declared with a field (``planned_field`` / ``PlannedField``) for the
whole list at once, and the field only reads what was stored. A resolver that read the store
without declaring a loader would fail only when a test happened to select it; walking the schema
finds it now.
"""

import inspect

from graphql import GraphQLInterfaceType, GraphQLObjectType

from graphql_api.planning import PlannedField
from graphql_api.schema import schema


def fields_of_the_schema():
    for type_name, graphql_type in schema._schema.type_map.items():
        if type_name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
            continue
        for field_name, graphql_field in graphql_type.fields.items():
            yield f"{type_name}.{field_name}", graphql_field.extensions["strawberry-definition"]


def planned_extensions(definition):
    return [extension for extension in definition.extensions if isinstance(extension, PlannedField)]


def test_no_resolver_reads_the_planners_store_without_a_loader() -> None:
    offenders = []
    for name, definition in fields_of_the_schema():
        resolver = definition.base_resolver
        if resolver is None or planned_extensions(definition):
            continue
        if "planned(" in inspect.getsource(resolver.wrapped_func):
            offenders.append(name)
    assert offenders == []


def test_every_planned_field_has_one_loader_taking_scope_objects_and_selections() -> None:
    found = {}
    for name, definition in fields_of_the_schema():
        extensions = planned_extensions(definition)
        if extensions:
            assert len(extensions) == 1, name
            found[name] = list(inspect.signature(extensions[0].loader).parameters)
    assert found, "no planned field found: the walk is broken"
    assert {name: parameters for name, parameters in found.items() if len(parameters) != 3} == {}
    # The references the planner loads are all among them, e.g.:
    assert {"NewsItem.cities", "City.newsItems", "Conference.agenda", "NewsItem.translations"} <= set(found)
