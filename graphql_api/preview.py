"""``preview(token:)``: the state an editor is previewing, for the front end's preview route.

The token comes from the admin's Preview (see ``previews.tokens``); the page it names is
planned like any live page, so a preview has exactly the types and fields of the live API.
Loaders read references (cities, partnerships, topics...) from the database, so the previewed
state is written there for the planning, in a transaction that is always rolled back.
Answers are never cached: they show unpublished content to whoever holds the token.
"""

from typing import Annotated

import strawberry
from django.utils.cache import patch_cache_control
from strawberry.types import Info

from home.rolled_back_writes import rolled_back_writes
from previews.tokens import InvalidPreviewToken, previewed_page

from .context import ApiContext
from .errors import BadInput
from .pages import Page
from .planning import Scope, plan
from .selection import root_selection


@strawberry.type
class PreviewQuery:
    @strawberry.field(
        description="The page in the state an editor is previewing (unpublished changes included). "
        "`token` is the `token` parameter the admin's Preview passed to the front end; it expires after "
        "a few minutes and works only on the site it was made for."
    )
    def preview(
        self,
        info: Info[ApiContext, None],
        token: Annotated[str, strawberry.argument(description="The preview token from the admin's Preview.")],
    ) -> Page:
        ctx = info.context
        patch_cache_control(ctx.response, private=True, no_store=True)
        try:
            page = previewed_page(token, ctx.site)
        except InvalidPreviewToken as error:
            raise BadInput(str(error)) from None
        locale = next(locale for locale in ctx.locales.values() if locale.pk == page.locale_id)
        with rolled_back_writes():
            page.save(clean=False)  # with its inline rows and many-to-many links; never committed nor indexed
            plan(Scope(ctx=ctx, locale=locale), [page], [root_selection(info)])
        return page
