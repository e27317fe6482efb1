"""GraphQL enums made from a model's choices, so the API and the admin share one list of values."""

from typing import Any

import strawberry
from django.db import models


def choices_enum(
    choices: type[models.TextChoices], name: str, description: str, values: dict[str, str] | None = None
) -> Any:
    """The enum of ``choices``, each value described by ``values[NAME]`` or else by its admin label."""
    graphql_enum = strawberry.enum(choices, name=name, description=description)
    for value in graphql_enum.__strawberry_definition__.values:
        value.description = (values or {}).get(value.name) or f"{choices[value.name].label}."
    return graphql_enum
