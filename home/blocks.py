"""StreamField blocks every content area's body is made of.

Each block is a typed structure (never free HTML) so the API can expose it as its own GraphQL
type and a website can lay it out without parsing markup.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .rich_text_fields import CleanRichTextBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=160)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (h2)"), ("h3", "Subsection (h3)"), ("h4", "Minor (h4)")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text=_("The words quoted, without quotation marks."))
    attribution = blocks.CharBlock(max_length=160, help_text=_("Who said it, e.g. a person's name."))
    role = blocks.CharBlock(
        max_length=255,
        required=False,
        help_text=_("Their role or organisation, e.g. 'Team Leader, DG NEAR'."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(max_length=255, required=False)
    credit = blocks.CharBlock(max_length=160, required=False, help_text=_("Leave blank to use the image's own credit."))

    class Meta:
        icon = "image"
        label = _("Image")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=40, help_text=_("The figure as readers see it, e.g. 'EUR 300,000' or '14'."))
    label = blocks.CharBlock(max_length=120, help_text=_("What it counts, e.g. 'per winner city'."))

    class Meta:
        icon = "order"
        label = _("Key figure")


class LinkBlock(blocks.StructBlock):
    """One link to a page of this site, an uploaded document or an outside address (exactly one)."""

    title = blocks.CharBlock(max_length=255)
    page = blocks.PageChooserBlock(required=False)
    document = DocumentChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label=_("External URL"))

    TARGETS = ("page", "document", "url")

    def clean(self, value):
        value = super().clean(value)
        chosen = [name for name in self.TARGETS if value.get(name)]
        if len(chosen) != 1:
            message = _("Choose exactly one of a page, a document or an external URL.")
            raise StructBlockValidationError(block_errors={name: ValidationError(message) for name in self.TARGETS})
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class LinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=160, required=False)
    links = blocks.ListBlock(LinkBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Links and documents")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = CleanRichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph"))
    quote = QuoteBlock()
    image = ImageBlock()
    embed = EmbedBlock(icon="media", label=_("Embed (video, map...)"))
    key_figure = KeyFigureBlock()
    links = LinksBlock()
