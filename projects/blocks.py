"""StreamField blocks of a project page body: the blog's blocks plus case studies and findings."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from blog.blocks import PARAGRAPH_FEATURES, CaptionedImageBlock, HeadingBlock, QuoteBlock


class CaseStudyBlock(blocks.StructBlock):
    """One place studied, e.g. participatory budgeting in Porto Alegre."""

    title = blocks.CharBlock(label=_("Title"), help_text=_("e.g. 'Participatory budgeting'."))
    city = SnippetChooserBlock(
        "vocabulary.City",
        label=pgettext_lazy("case study", "City"),
        help_text=_("The city, metropolitan area or region studied."),
    )
    summary = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Summary"))
    lessons = blocks.ListBlock(
        blocks.TextBlock(),
        label=_("Lessons and pointers"),
        help_text=_("What others can learn from this case, one point per item."),
    )

    class Meta:
        label = _("Case study")
        icon = "site"
        template = "projects/blocks/case_study.html"


class KeyFindingsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Key findings"))
    findings = blocks.ListBlock(blocks.TextBlock(), min_num=1, label=_("Findings"))

    class Meta:
        label = _("Key findings")
        icon = "list-ul"
        template = "projects/blocks/key_findings.html"


class ProjectBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"))
    heading = HeadingBlock(label=_("Heading"))
    image = CaptionedImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    case_study = CaseStudyBlock()
    key_findings = KeyFindingsBlock()
