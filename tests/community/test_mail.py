"""Two-part emails, delivered to a real SMTP server."""

from community.mail import send, site_url
from tests.smtp import html_of, text_of


def test_site_url_is_absolute_on_the_default_site(site_tree):
    assert site_url("/follow/") == "http://testserver/follow/"


def test_send_delivers_text_and_html_parts_with_headers(site_tree, smtp, settings, tmp_path):
    (tmp_path / "hello.txt").write_text(
        "{% extends 'community/email/base.txt' %}{% block body %}Hello {{ name }}{% endblock %}"
    )
    (tmp_path / "hello.html").write_text(
        "{% extends 'community/email/base.html' %}{% block body %}<p>Hello {{ name }}</p>"
        "{% endblock %}"
    )
    # A new TEMPLATES value (not an edit in place) makes Django rebuild its template engines.
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    send(
        "reader@example.org",
        "Hello\nthere",
        "hello",
        {"name": "<Ana>"},
        headers={"List-Unsubscribe": "<http://testserver/u/>"},
    )
    [message] = smtp.to("reader@example.org")
    assert message["Subject"] == "Hello there"
    assert message["List-Unsubscribe"] == "<http://testserver/u/>"
    assert "Hello <Ana>" not in html_of(message)
    assert "Hello &lt;Ana&gt;" in html_of(message)
    assert "Hello <Ana>" in text_of(message), "plain text is not HTML-escaped"
    assert "http://testserver/" in text_of(message)
