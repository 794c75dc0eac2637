"""A guest's text (plain, or a little Markdown) turned into blog post body blocks.

Markdown runs with its raw-HTML support switched off, so anything that looks like a tag is
kept as visible text; nh3 then reduces the result to what the body's rich-text paragraphs
allow (``blog.blocks.PARAGRAPH_FEATURES``) plus headings and quotes, which become blocks
of their own: paragraphs cannot hold them.
"""

from html import escape

import markdown
import nh3
from bs4 import BeautifulSoup, NavigableString

PARAGRAPH_TAGS = {"p", "br", "b", "i", "a", "ol", "ul", "li", "sup"}
ALLOWED_TAGS = PARAGRAPH_TAGS | {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
LINK_REL = "nofollow ugc noopener"
LINK_PREFIXES = ("http://", "https://", "mailto:")
# Markdown writes <strong>/<em>; Wagtail's rich text stores <b>/<i>.
RENAMES = {"strong": "b", "em": "i"}
HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}


def body_blocks(text: str) -> list[tuple[str, object]]:
    """StreamField data for ``BlogBodyBlock``: paragraph, heading and quote blocks."""
    blocks = []
    paragraph = []

    def close_paragraph():
        if paragraph:
            blocks.append(("paragraph", "".join(paragraph)))
            paragraph.clear()

    soup = BeautifulSoup(clean_html(text), "html.parser")
    for link in soup.find_all("a", href=False):  # its address was refused: keep the words
        link.unwrap()
    for node in soup.children:
        if isinstance(node, NavigableString):  # text left bare by a stripped tag (e.g. code)
            if node.strip():
                paragraph.append(f"<p>{escape(node.strip())}</p>")
            continue
        if node.name in HEADING_LEVELS:
            close_paragraph()
            if heading := _plain(node):
                blocks.append(("heading", {"text": heading, "level": HEADING_LEVELS[node.name]}))
        elif node.name == "blockquote":
            close_paragraph()
            if quote := "\n".join(_plain(child) for child in node.find_all("p")) or _plain(node):
                blocks.append(("quote", {"quote": quote, "attribution": ""}))
        else:
            for inner in node.find_all(lambda tag: tag.name not in PARAGRAPH_TAGS):
                inner.unwrap()  # e.g. a quote inside a list: its text stays
            paragraph.append(str(node))
    close_paragraph()
    return blocks


def clean_html(text: str) -> str:
    """The Markdown in ``text`` as HTML, reduced to the allow-list."""
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    html = converter.convert(text)
    soup = BeautifulSoup(html, "html.parser")
    for old, new in RENAMES.items():
        for tag in soup.find_all(old):
            tag.name = new
    return nh3.clean(
        str(soup),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        attribute_filter=_keep_link,
        link_rel=LINK_REL,
        url_schemes={"http", "https", "mailto"},
    ).strip()


def _keep_link(tag: str, attribute: str, value: str) -> str | None:
    """Only a link's address survives, and only an absolute http(s) or mailto one: a
    relative address would point into the site itself."""
    if attribute == "rel":  # nh3 adds LINK_REL to every link, then filters it too
        return LINK_REL
    if attribute != "href" or not value.strip().lower().startswith(LINK_PREFIXES):
        return None
    return value


def _plain(node) -> str:
    return " ".join(node.get_text(" ").split())
