"""The GraphQL field of a paginated reverse reference (``City.newsItems``...), defined once for all.

Every reverse reference takes the same pagination arguments plus its list's ``order``, and is
loaded by one windowed query for all the parents of a list (``reverse_connection_loader``).
"""

import enum
from collections.abc import Callable
from typing import Annotated, Any

import strawberry
from django.db.models import Model
from strawberry import Parent
from strawberry.types import Info

from .lists import ORDER_DESCRIPTION
from .pagination import AfterArg, BeforeArg, Connection, FirstArg, LastArg, OffsetArg, Ordering
from .planning import PlannedField, reads
from .relations import reverse_connection_loader


def reverse_connection_field(
    node: Any,
    default_order: enum.Enum,
    ordering: Callable[[Any], Ordering],
    targets: type[Model],
    parent: str,
    description: str,
) -> Any:
    """A connection field of ``node`` items, ordered by ``default_order``'s enum (default: it).

    The public ``targets`` are shown; ``parent`` leads from a target to its parent, e.g.
    ``city_links__city`` for the news of a city (any language version of the city).
    """
    order_type = type(default_order)

    def arguments(
        root: Parent[Any],
        info: Info,
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        offset: OffsetArg = None,
        order: Annotated[order_type, strawberry.argument(description=ORDER_DESCRIPTION)] = default_order,  # type: ignore[valid-type]
    ) -> Connection[node]:
        """Declares the arguments; ``PlannedField`` answers with the page the loader stored for them."""
        raise NotImplementedError

    loader = reverse_connection_loader(targets, parent, lambda arguments: ordering(arguments["order"]))
    return strawberry.field(
        resolver=arguments, description=description, extensions=[PlannedField(loader)], metadata=reads(())
    )
