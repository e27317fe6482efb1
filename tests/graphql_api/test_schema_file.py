"""The committed ``schema.graphql`` is the API's contract: the running schema must match it."""

from graphql_api.management.commands.export_graphql_schema import SCHEMA_FILE, schema_sdl


def test_committed_schema_matches_running_schema() -> None:
    assert SCHEMA_FILE.read_text() == schema_sdl(), "schema.graphql is out of date: run `make schema`."


def test_every_field_and_type_is_documented() -> None:
    from graphql import GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

    from graphql_api.schema import schema

    undocumented = []
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or not isinstance(
            graphql_type, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType
        ):
            continue
        if name not in ("Query",) and not graphql_type.description:
            undocumented.append(name)
        undocumented += [
            f"{name}.{field}" for field, definition in graphql_type.fields.items() if not definition.description
        ]
    assert undocumented == []
