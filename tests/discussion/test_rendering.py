"""Comments render as plain text (no live markup from any field), never show an email, and
reach feeds only once approved."""

from html.parser import HTMLParser

import feedparser
import pytest

from discussion.actions import set_status
from discussion.models import Comment
from discussion.rendering import comment_html
from tests.discussion.conftest import add_comment
from tests.factories import make_post, make_private

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">'


def test_comment_text_is_escaped_linked_and_broken_into_paragraphs():
    html = comment_html("First line\nsecond <b>line</b>\n\nSee https://example.org/a?b=1&c=2")
    assert html.startswith("<p>First line<br>second &lt;b&gt;line&lt;/b&gt;</p>")
    assert (
        '<a rel="nofollow ugc noopener" href="https://example.org/a?b=1&amp;c=2">'
        "https://example.org/a?b=1&amp;c=2</a>" in html
    )


def test_every_link_carries_rel_mailto_and_bare_domains_too():
    html = str(comment_html("Write to me@example.org or see cheap-pills.com and www.x.example"))
    links = [attrs for tag, attrs in live_markup(html) if tag == "a"]
    assert [dict(attrs)["href"] for attrs in links] == [
        "mailto:me@example.org",
        "http://cheap-pills.com",
        "http://www.x.example",
    ]
    assert {dict(attrs)["rel"] for attrs in links} == {"nofollow ugc noopener"}


def test_a_typed_rel_attribute_stays_text():
    html = comment_html('<a rel="nofollow" href="https://x.example">x</a>')
    assert "&lt;a rel=&quot;nofollow&quot;" in html
    # The one live link is urlize's, made of the typed address, with our rel.
    assert [tag for tag, _ in live_markup(html)] == ["p", "a"]
    assert '<a rel="nofollow ugc noopener" href="https://x.example">' in html


def test_no_field_carries_live_markup_onto_the_page(reader, post):
    response = reader.send(
        name=XSS[:50], comment=f"{XSS}\nhttps://ok.example/\"onmouseover='x'", url=""
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    set_status(Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED)
    # A website that slipped in some other way is not linked either.
    Comment.objects.filter(pk=comment.pk).update(user_url="javascript:alert(3)")

    html = reader.client.get(post.url).content.decode()
    section = html[html.index('id="comments"') : html.index('id="comment-form"')]
    tags = live_markup(section)
    assert not {"script", "img"} & {tag for tag, _ in tags}
    assert not [attrs for _, attrs in tags if any(name.startswith("on") for name, _ in attrs)]
    hrefs = [value for _, attrs in tags for name, value in attrs if name == "href"]
    assert not [href for href in hrefs if not href.startswith(("https://", "?", "#"))]
    assert "&lt;script&gt;" in section  # shown as text


def live_markup(html):
    """(tag, attributes) of every element a browser would build from ``html``."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(html)
    return found


def test_the_website_is_linked_with_rel(reader, post):
    add_comment(post, "Hi.", name="Site Owner", user_url="https://owner.example/")
    html = reader.client.get(post.url).content.decode()
    assert '<a href="https://owner.example/" rel="nofollow ugc noopener">Site Owner</a>' in html


def test_the_email_is_never_shown(reader, post):
    add_comment(post, "Hello.", email="secret.person@example.org")
    for path in (post.url, post.url + "comments/feed/", post.url + "comments/feed/atom/"):
        assert "secret.person" not in reader.client.get(path).content.decode()


def test_the_post_page_announces_its_comment_feeds(client, post):
    html = client.get(post.url).content.decode()
    assert (
        f'type="application/rss+xml" title="Comments on {post.title} (RSS)" '
        f'href="{post.url}comments/feed/"' in html
    )
    assert f'href="{post.url}comments/feed/atom/"' in html


@pytest.mark.parametrize("path", ["comments/feed/", "comments/feed/atom/"])
def test_feeds_list_approved_comments_newest_first(client, post, path):
    add_comment(post, "Older approved.", name="Ann")
    add_comment(post, f"Newer approved {XSS}", name="Ben")
    add_comment(post, "Still pending.", status=Comment.Status.PENDING)
    add_comment(post, "Rejected.", status=Comment.Status.REJECTED)

    response = client.get(post.url + path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.author for entry in feed.entries] == ["Ben", "Ann"]
    assert "Newer approved" in feed.entries[0].content[0].value
    assert "<script>" not in feed.entries[0].content[0].value
    assert feed.entries[0].link.startswith(f"http://testserver{post.url}#c")
    assert "Still pending" not in response.content.decode()


def test_feeds_of_drafts_private_and_missing_posts_are_404(client, blog):
    draft = make_post(blog, live=False)
    private = make_post(blog)
    make_private(private)
    for path in (f"/blog/{draft.slug}/", f"/blog/{private.slug}/", "/blog/nothing-here/"):
        assert client.get(path + "comments/feed/").status_code == 404


def test_the_feeds_home_is_the_post_comments(client, post):
    response = client.get(post.url + "comments/")
    assert response.status_code == 302
    assert response["Location"] == post.url + "#comments"


def test_a_post_called_comments_is_still_served(client, blog):
    post = make_post(blog, "Comments", slug="comments")
    assert client.get(post.url).status_code == 200
