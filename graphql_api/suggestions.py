"""No "Did you mean ...?" hints while introspection is off: they would spell out the schema bit by bit."""

import re

from graphql import GraphQLError

_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def hide_suggestions(errors: list[GraphQLError]) -> None:
    """Strips graphql-core's suggestions (fields, arguments, types, enum values) from the messages."""
    for error in errors:
        error.message = _SUGGESTION.sub("", error.message)
