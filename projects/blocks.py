"""StreamField blocks of a project page body: the blog's blocks plus case studies and findings."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from blog.blocks import PARAGRAPH_FEATURES, CaptionedImageBlock, HeadingBlock, QuoteBlock


class CaseStudyBlock(blocks.StructBlock):
    """One place studied, e.g. participatory budgeting in Porto Alegre."""

    title = blocks.CharBlock(help_text="e.g. 'Participatory budgeting'.")
    city = SnippetChooserBlock(
        "vocabulary.City", help_text="The city, metropolitan area or region studied."
    )
    summary = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)
    lessons = blocks.ListBlock(
        blocks.TextBlock(),
        label="Lessons and pointers",
        help_text="What others can learn from this case, one point per item.",
    )

    class Meta:
        icon = "site"
        template = "projects/blocks/case_study.html"


class KeyFindingsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Key findings")
    findings = blocks.ListBlock(blocks.TextBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "projects/blocks/key_findings.html"


class ProjectBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    case_study = CaseStudyBlock()
    key_findings = KeyFindingsBlock()
