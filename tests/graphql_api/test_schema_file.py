"""The committed ``schema.graphql`` is the API's contract: the running schema must match it."""

from graphql_api.management.commands.export_graphql_schema import SCHEMA_FILE, schema_sdl


def test_committed_schema_matches_running_schema() -> None:
    assert SCHEMA_FILE.read_text() == schema_sdl(), "schema.graphql is out of date: run `make schema`."


def test_every_type_field_argument_and_enum_value_is_documented() -> None:
    from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

    from graphql_api.schema import schema

    undocumented = []
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in ("Boolean", "String", "Int", "Float", "ID"):
            continue
        if not graphql_type.description:
            undocumented.append(name)
        if isinstance(graphql_type, GraphQLEnumType):
            undocumented += [f"{name}.{value}" for value, item in graphql_type.values.items() if not item.description]
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field, definition in graphql_type.fields.items():
                if not definition.description:
                    undocumented.append(f"{name}.{field}")
                undocumented += [
                    f"{name}.{field}({argument}:)"
                    for argument, argument_definition in getattr(definition, "args", {}).items()
                    if not argument_definition.description
                ]
    assert undocumented == []
