"""StreamField blocks of a blog post body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blog/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    credit = blocks.CharBlock(required=False, label=_("Credit"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blog/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blog/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A report or paper to download, shown as a card."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False, label=_("Title"), help_text=_("Defaults to the document’s title.")
    )
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blog/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blog/blocks/callout.html"


class PartnerHTMLBlock(blocks.RawHTMLBlock):
    """The body of a post imported from a partner's feed, as the importer sanitised it
    (an allow-list of text, links, images and tables; see importers.core.clean)."""

    class Meta:
        icon = "code"
        label = _("Partner HTML")


class BlogBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"))
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        help_text=_("A video or post from YouTube, Vimeo, X and other providers."),
    )
    document = DocumentLinkBlock()
    callout = CalloutBlock()
    partner_html = PartnerHTMLBlock()
