"""Query cost: what an operation may make the server resolve, computed before any database work.

Like GitHub's node limit and Contentful's query complexity, every field costs 1 each time it may
be resolved, and a list multiplies what is selected below it by the number of items it may hold:
a connection's page size (``first`` or ``last``, else the default page size) for its ``edges``,
``limits.LIST_COST_SIZE`` for any other list. Fragments count as if expanded, but each fragment's
cost is computed once per page size and a fragment spread twice in one selection set counts once
(as execution merges it), so the analysis is linear in the document.

The cost is computed after validation, when the variables are known, and reported in every
response's ``extensions.cost``; over ``limits.MAX_COST`` the operation is refused with
``LIMIT_EXCEEDED`` and nothing is executed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from graphql.type import GraphQLInterfaceType, GraphQLObjectType
from strawberry.types import ExecutionContext

from . import limits
from .errors import LimitExceededError
from .ratelimit import record_query_cost

PAGE_SIZE_ARGUMENTS = ("first", "last")


class QueryCost:
    """The cost of one operation of a validated document, given its variables."""

    def __init__(
        self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode], variables: dict[str, Any]
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.fragment_costs: dict[tuple[str, int], int] = {}
        self.visiting: set[str] = set()

    def of_operation(self, operation: OperationDefinitionNode) -> int:
        root = self.schema.get_root_type(operation.operation)
        return self._selection_set(root, operation.selection_set, limits.LIST_COST_SIZE) if root else 0

    def _selection_set(
        self,
        parent: GraphQLNamedType,
        selection_set: SelectionSetNode | None,
        list_size: int,
        spread: set[str] | None = None,
    ) -> int:
        """``list_size`` is how many items a list directly under ``parent`` may hold.

        ``spread`` holds the fragments already counted in this selection set (inline fragments
        share it): spreading one twice selects the same fields, which execution merges.
        """
        if selection_set is None:
            return 0
        spread = set() if spread is None else spread
        total = 0
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                total += self._field(parent, node, list_size)
            elif isinstance(node, InlineFragmentNode):
                narrowed = self.schema.get_type(node.type_condition.name.value) if node.type_condition else parent
                total += self._selection_set(narrowed or parent, node.selection_set, list_size, spread)
            elif isinstance(node, FragmentSpreadNode) and node.name.value not in spread:
                spread.add(node.name.value)
                total += self._spread(node.name.value, list_size)
        return total

    def _spread(self, name: str, list_size: int) -> int:
        """The cost of a fragment's own fields, computed once per page size."""
        key = (name, list_size)
        if key not in self.fragment_costs:
            fragment = self.fragments[name]
            if name in self.visiting:  # a cycle, which validation has refused already
                return 0
            self.visiting.add(name)
            parent = self.schema.get_type(fragment.type_condition.name.value)
            self.fragment_costs[key] = self._selection_set(parent, fragment.selection_set, list_size) if parent else 0
            self.visiting.discard(name)
        return self.fragment_costs[key]

    def _field(self, parent: GraphQLNamedType, node: FieldNode, list_size: int) -> int:
        name = node.name.value
        if name.startswith("__") or not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            # Introspection is bounded by the size of the schema (and switched off in production).
            return 1
        field = parent.fields.get(name)
        if field is None or node.selection_set is None:
            return 1
        output, is_list = _unwrap(field.type)
        items = list_size if is_list else 1
        below = self._page_size(node) if "first" in field.args else limits.LIST_COST_SIZE
        return 1 + items * self._selection_set(output, node.selection_set, below)

    def _page_size(self, node: FieldNode) -> int:
        """The page size a connection field asks for; out-of-range sizes are the resolver's to refuse."""
        arguments = {argument.name.value: argument.value for argument in node.arguments or ()}
        for name in PAGE_SIZE_ARGUMENTS:
            node_value = arguments.get(name)
            value: Any = None
            if isinstance(node_value, VariableNode):
                value = self.variables.get(node_value.name.value)
            elif isinstance(node_value, IntValueNode):
                value = int(node_value.value)
            if isinstance(value, int):
                return min(max(value, 0), limits.MAX_PAGE_SIZE)
        return limits.DEFAULT_PAGE_SIZE


def _unwrap(output: Any) -> tuple[GraphQLNamedType, bool]:
    """The named type under list and non-null wrappers, and whether a list was among them."""
    is_list = False
    while isinstance(output, GraphQLNonNull | GraphQLList):
        is_list = is_list or isinstance(output, GraphQLList)
        output = output.of_type
    return output, is_list


def operation_cost(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None, variables: dict[str, Any]
) -> int:
    """The cost of the operation that will run (the dearest one when the name matches none)."""
    fragments = {node.name.value: node for node in document.definitions if isinstance(node, FragmentDefinitionNode)}
    operations = [node for node in document.definitions if isinstance(node, OperationDefinitionNode)]
    chosen = [
        node for node in operations if operation_name is None or (node.name and node.name.value == operation_name)
    ]
    cost = QueryCost(schema, fragments, variables)
    return max((cost.of_operation(operation) for operation in chosen or operations), default=0)


def limit_cost(context: ExecutionContext) -> int | None:
    """The operation's cost, computed before execution and recorded against the client's rate
    limit; an operation over the maximum gets a refusal as its result instead of running."""
    if context.graphql_document is None:
        return None
    cost = operation_cost(
        context.schema._schema, context.graphql_document, context.operation_name, context.variables or {}
    )
    request = getattr(context.context, "request", None)
    if request is not None:
        record_query_cost(request, -(-cost // settings.CITYNEWS_RATE_LIMIT_COST_PER_POINT))
    if cost > limits.MAX_COST:
        error = LimitExceededError(
            f"Query cost {cost} is over the maximum of {limits.MAX_COST}; ask for smaller pages or fewer nested lists.",
            extensions={"cost": cost, "maximumCost": limits.MAX_COST},
        )
        context.result = ExecutionResult(data=None, errors=[error])
    return cost


def cost_report(cost: int) -> dict[str, Any]:
    """What the answer's ``extensions`` say of its cost."""
    return {"cost": {"requested": cost, "maximum": limits.MAX_COST}}
