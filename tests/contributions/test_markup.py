"""Plain text and limited Markdown become body blocks; markup typed in stays text."""

from bs4 import BeautifulSoup

from contributions.markup import PARAGRAPH_TAGS, body_blocks


def paragraphs(text):
    return "".join(value for kind, value in body_blocks(text) if kind == "paragraph")


def test_plain_text_becomes_paragraphs_with_specials_escaped():
    assert body_blocks("One & two.\n\nThree < four > two.") == [
        ("paragraph", "<p>One &amp; two.</p><p>Three &lt; four &gt; two.</p>")
    ]


def test_emphasis_lists_and_links_become_rich_text_the_editor_knows():
    html = paragraphs("*a* **b** [c](https://example.org/c)\n\n- one\n- two\n\n1. first")
    assert "<i>a</i> <b>b</b>" in html
    assert '<a href="https://example.org/c" rel="nofollow ugc noopener">c</a>' in html
    assert "<ul>" in html and "<li>one</li>" in html and "<ol>" in html


def test_headings_and_quotes_become_blocks_of_their_own():
    blocks = body_blocks("# Top\n\n## Section\n\n#### Deep\n\n> A *quoted* line")
    assert blocks == [
        ("heading", {"text": "Top", "level": "h2"}),
        ("heading", {"text": "Section", "level": "h2"}),
        ("heading", {"text": "Deep", "level": "h3"}),
        ("quote", {"quote": "A quoted line", "attribution": ""}),
    ]


def test_only_absolute_web_and_mail_links_survive():
    html = paragraphs(
        "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) "
        "[d](/admin/) [e](//evil.example) [f](mailto:ed@example.org) [g](http://ok.example)"
    )
    assert "javascript" not in html.lower() and "data:" not in html
    assert 'href="/admin/"' not in html and "evil.example" not in html
    assert html.count("<a ") == 2
    assert "a b c d e" in html  # the words of a refused link stay


def test_html_typed_in_is_shown_as_text_never_markup():
    attacks = [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<div onclick=alert(1)>block</div>",
        '<a href="javascript:alert(1)">x</a>',
        "    <script>alert('indented code')</script>",
        "`<script>alert('code')</script>`",
        "<svg/onload=alert(1)>",
        "<!-- <script>alert(1)</script> -->",
        '[x](https://example.org "title" onmouseover="alert(1)")',
        "*<b onmouseover=alert(1)>x</b>*",
    ]
    for attack in attacks:
        html = paragraphs(f"Before.\n\n{attack}\n\nAfter.")
        for tag in BeautifulSoup(html, "html.parser").find_all(True):
            assert tag.name in PARAGRAPH_TAGS, (attack, html)
            assert set(tag.attrs) <= {"href", "rel"}, (attack, html)
            assert tag.get("href", "https:").startswith(("https:", "http:", "mailto:"))
        assert "Before." in html and "After." in html


def test_markup_in_headings_and_quotes_is_plain_text():
    blocks = body_blocks("## <b>Bold</b> <script>x</script>\n\n> <img src=x onerror=alert(1)>")
    heading, quote = blocks
    assert heading == ("heading", {"text": "<b>Bold</b> <script>x</script>", "level": "h2"})
    assert quote[1]["quote"] == "<img src=x onerror=alert(1)>"  # escaped by the block templates
