"""The GraphQL field of a paginated reverse reference (``City.newsItems``...), defined once for all.

Every reverse reference takes the same pagination arguments plus its list's ``order``, and reads
the page the planner's ``reverse_connection_loader`` stored for those arguments.
"""

import enum
from typing import Any

import strawberry
from strawberry import Parent
from strawberry.types import Info

from .pagination import AfterArg, BeforeArg, Connection, FirstArg, LastArg, OffsetArg
from .planning import planned
from .selection import root_selection


def reverse_connection_field(node: Any, default_order: enum.Enum, description: str) -> Any:
    """A connection field of ``node`` items, ordered by ``default_order``'s enum (default: it)."""
    order_type = type(default_order)

    def resolve(
        root: Parent[Any],
        info: Info,
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        offset: OffsetArg = None,
        order: order_type = default_order,  # type: ignore[valid-type]
    ) -> Connection[node]:  # type: ignore[valid-type]
        return planned(root, info.field_name, root_selection(info).arguments)

    return strawberry.field(resolver=resolve, description=description)
