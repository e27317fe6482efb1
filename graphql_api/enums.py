"""GraphQL enums made from a model's choices, so the API and the admin share one list of values."""

import strawberry
from django.db import models
from strawberry.types.enum import StrawberryEnumDefinition


def choices_enum(
    choices: type[models.TextChoices], name: str, description: str, values: dict[str, str] | None = None
) -> None:
    """Makes ``choices`` the GraphQL enum ``name``, each value described by ``values[NAME]`` or its admin label.

    Strawberry registers the class itself, so fields are annotated with the model's choices class.
    """
    strawberry.enum(choices, name=name, description=description)
    definition: StrawberryEnumDefinition = vars(choices)["__strawberry_definition__"]
    for value in definition.values:
        value.description = (values or {}).get(value.name) or f"{choices[value.name].label}."
