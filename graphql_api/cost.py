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

from collections.abc import Iterator
from typing import Any

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
from strawberry.extensions import SchemaExtension

from . import limits
from .errors import LimitExceededError

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
            value = arguments.get(name)
            if isinstance(value, VariableNode):
                value = self.variables.get(value.name.value)
            elif isinstance(value, IntValueNode):
                value = int(value.value)
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


class CostLimiter(SchemaExtension):
    """Computes each operation's cost before execution, refuses it over the maximum, reports it."""

    cost: int | None = None

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None:
            self.cost = operation_cost(
                context.schema._schema, context.graphql_document, context.operation_name, context.variables or {}
            )
            if self.cost > limits.MAX_COST:
                error = LimitExceededError(
                    f"Query cost {self.cost} is over the maximum of {limits.MAX_COST}; ask for smaller pages"
                    " or fewer nested lists.",
                    extensions={"cost": self.cost, "maximumCost": limits.MAX_COST},
                )
                context.result = ExecutionResult(data=None, errors=[error])
        yield

    def get_results(self) -> dict[str, Any]:
        if self.cost is None:
            return {}
        return {"cost": {"requested": self.cost, "maximum": limits.MAX_COST}}
