"""Every bound the public API enforces, in one place, and the rules that enforce them early.

Depth, alias and token limits run while parsing and validating, so an abusive query is
refused before any database work; page sizes and image sizes are checked by the resolvers
that take them.
"""

import functools
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    ValidationContext,
    ValidationRule,
)
from graphql.error import GraphQLSyntaxError
from graphql.language import Lexer, Source, TokenKind

from .errors import UNSAFE_CHARACTERS, UNSAFE_STRING_MESSAGE, BadInput, BadInputError, LimitExceededError

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_OFFSET = 10_000
MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 2_000
# Documents a worker keeps parsed, validated and token-counted (``operation_rules``): as many as it
# is likely to see again.
CACHED_DOCUMENTS = 256
MAX_SEARCH_QUERY_LENGTH = 200
# Query cost (see ``cost.py``): every field costs 1 each time it may be resolved; a connection's
# items count its page size (``first``/``last``, else DEFAULT_PAGE_SIZE), other lists LIST_COST_SIZE.
MAX_COST = 250_000
LIST_COST_SIZE = 10
# Requests (see ``http_input.py``): bodies, GET query strings and JSON nesting. gunicorn.conf.py
# lets request lines up to 8190 bytes through, so an over-long GET meets this limit, with a JSON answer.
MAX_BODY_BYTES = 100_000
MAX_QUERY_STRING_BYTES = 6_000
MAX_JSON_DEPTH = 16


def page_size(first: int | None, last: int | None) -> None:
    """Refuses (never silently caps) a page size outside 0..MAX_PAGE_SIZE."""
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= MAX_PAGE_SIZE:
            raise BadInput(f"`{name}` must be between 0 and {MAX_PAGE_SIZE}; got {value}.")
    if first is not None and last is not None:
        raise BadInput("Pass either `first` or `last`, not both.")


def offset(value: int | None) -> None:
    if value is not None and not 0 <= value <= MAX_OFFSET:
        raise BadInput(f"`offset` must be between 0 and {MAX_OFFSET}; got {value}.")


def check_token_limit(query: str | None) -> None:
    """Refuses documents of more than MAX_TOKENS tokens before they are parsed.

    Not strawberry's ``MaxTokensLimiter``: its refusal is graphql-core's plain syntax error, told
    apart from a typo only by its message.
    """
    if query is not None and not within_token_limit(query):
        raise LimitExceededError(f"Document contains more than {MAX_TOKENS} tokens. Parsing aborted.")


@functools.lru_cache(maxsize=CACHED_DOCUMENTS)
def within_token_limit(query: str) -> bool:
    """Counts tokens up to one over the limit; a syntax error counts as within (the parser reports it)."""
    lexer = Lexer(Source(query))
    try:
        for _token in range(MAX_TOKENS + 1):
            if lexer.advance().kind is TokenKind.EOF:
                return True
    except GraphQLSyntaxError:
        return True
    return False


class DepthLimitRule(ValidationRule):
    """Refuses operations nested deeper than MAX_DEPTH fields (fragments count where spread).

    Each fragment's depth is computed once and reused wherever it is spread, so the rule runs in
    time linear in the document: a fragment spreading the previous one twice, 24 levels down, no
    longer makes it walk 2^24 paths.

    Introspection's ``ofType`` does not count: it unwraps one list or non-null type at a time
    (one object, never a list), and the standard introspection query that GraphiQL and code
    generators send nests it nine deep. No field of the API's own schema is called ``ofType``.
    """

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        self.fragment_depths: dict[str, int] = {}

    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: Any) -> None:
        depth = self._depth(node.selection_set, set())
        if depth > MAX_DEPTH:
            self.report_error(
                LimitExceededError(f"Query is nested {depth} levels deep; the maximum is {MAX_DEPTH}.", [node])
            )

    def _depth(self, selection_set: SelectionSetNode | None, visiting: set[str]) -> int:
        if selection_set is None:
            return 0
        deepest = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                step = 0 if selection.name.value == "ofType" else 1
                deepest = max(deepest, step + self._depth(selection.selection_set, visiting))
            elif isinstance(selection, InlineFragmentNode):
                deepest = max(deepest, self._depth(selection.selection_set, visiting))
            elif isinstance(selection, FragmentSpreadNode):
                deepest = max(deepest, self._fragment_depth(selection.name.value, visiting))
        return deepest

    def _fragment_depth(self, name: str, visiting: set[str]) -> int:
        """The depth of a fragment, computed once; a cycle (refused by graphql-core's rule) counts 0."""
        if name in self.fragment_depths:
            return self.fragment_depths[name]
        fragment = self.context.get_fragment(name)
        if fragment is None or name in visiting:
            return 0
        depth = self._depth(fragment.selection_set, visiting | {name})
        self.fragment_depths[name] = depth
        return depth


class AliasLimitRule(ValidationRule):
    """Refuses documents with more than MAX_ALIASES aliases (a cheap way to multiply work).

    Not strawberry's ``MaxAliasesLimiter``: its refusal is a plain ``GraphQLError``, so only its message could code it.
    """

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        self.aliases = 0

    def enter_field(self, node: FieldNode, *_args: Any) -> None:
        if node.alias is not None:
            self.aliases += 1
            if self.aliases == MAX_ALIASES + 1:
                self.report_error(LimitExceededError(f"More than {MAX_ALIASES} aliases in one query.", [node]))


class SafeStringsRule(ValidationRule):
    """Refuses string literals holding NUL (PostgreSQL cannot take it), before any database work.

    Variables are checked with the request (``http_input``); graphql-core's parser already refuses
    unpaired surrogate escapes in literals.
    """

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        if UNSAFE_CHARACTERS.search(node.value):
            self.report_error(BadInputError(UNSAFE_STRING_MESSAGE, [node]))


# Image renditions: only these sizes and qualities can be asked for, so a client can never make
# the server render (and store) an unbounded number of variants of an image.
RENDITION_SIZES = (
    80, 90, 120, 160, 180, 240, 270, 320, 360, 400, 450, 480, 540, 560, 640, 720,
    800, 960, 1024, 1080, 1200, 1280, 1440, 1600, 1920, 2048, 2400,
)  # fmt: skip
RENDITION_QUALITIES = tuple(range(30, 100, 5))
MAX_SRCSET_WIDTHS = 8


def rendition_size(name: str, value: int | None) -> None:
    if value is not None and value not in RENDITION_SIZES:
        allowed = ", ".join(map(str, RENDITION_SIZES))
        raise BadInput(f"`{name}` must be one of {allowed}; got {value}.")


def rendition_quality(value: int | None) -> None:
    if value is not None and value not in RENDITION_QUALITIES:
        raise BadInput(f"`quality` must be a multiple of 5 from 30 to 95; got {value}.")
