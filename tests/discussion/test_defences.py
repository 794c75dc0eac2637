"""Every spam defence refuses with a clear message (400) and keeps what the reader typed."""

import time

import pytest
from django.test import Client

from community.models import BlockedTerm
from discussion.models import Comment
from tests.discussion.conftest import comment_form

TYPED = "My carefully written comment about cities."


def assert_refused_and_kept(response, message):
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    form = comment_form(html)
    assert form.attrs["id"] == "comment-form"
    assert form.values["comment"].strip() == TYPED
    assert form.values["name"] == "Rosa Reader"
    assert form.values["email"] == "rosa@example.org"
    assert not Comment.objects.exists()
    return form


def test_the_honeypot_refuses_a_filled_form(reader):
    response = reader.send(comment=TYPED, honeypot="http://spam.example")
    assert_refused_and_kept(response, "This form looks automated")


def test_an_expired_form_is_refused_and_can_be_sent_again(reader, settings):
    form = reader.form()
    data = {**form.values, "name": "Rosa Reader", "email": "rosa@example.org", "comment": TYPED}
    data["timestamp"] = str(int(time.time()) - 3 * 3600)  # older than the two hours allowed
    response = reader.client.post("/comments/post/", data)
    again = assert_refused_and_kept(response, "open too long or was changed")

    # The re-rendered form carries a fresh timestamp and hash: sending it works.
    assert int(again.values["timestamp"]) > int(data["timestamp"])
    assert reader.client.post("/comments/post/", again.values).status_code == 302
    assert Comment.objects.get().comment.strip() == TYPED


def test_a_changed_security_hash_is_refused(reader):
    form = reader.form()
    data = {**form.values, "name": "Rosa Reader", "email": "rosa@example.org", "comment": TYPED}
    data["security_hash"] = "0" * 40
    assert_refused_and_kept(reader.client.post("/comments/post/", data), "was changed")


def test_a_post_aimed_at_another_post_fails_the_hash(reader, blog):
    from tests.factories import make_post

    other = make_post(blog)
    form = reader.form()
    data = {**form.values, "name": "Rosa Reader", "email": "rosa@example.org", "comment": TYPED}
    data["object_pk"] = str(other.pk)
    response = reader.client.post("/comments/post/", data)
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_csrf_is_required(post):
    client = Client(enforce_csrf_checks=True)
    form = comment_form(client.get(post.url).content.decode())
    data = {**form.values, "name": "R", "email": "r@example.org", "comment": TYPED}
    del data["csrfmiddlewaretoken"]
    assert client.post("/comments/post/", data).status_code == 403
    data["csrfmiddlewaretoken"] = form.values["csrfmiddlewaretoken"]
    assert client.post("/comments/post/", data).status_code == 302


def test_too_many_links_are_refused(reader, settings):
    settings.COMMENTS_MAX_LINKS = 2
    text = f"{TYPED} https://a.example/1 http://b.example/2 www.c.example"
    response = reader.send(comment=text)
    assert response.status_code == 400
    assert "at most 2" in response.content.decode()
    assert comment_form(response.content.decode()).values["comment"].strip() == text
    assert not Comment.objects.exists()
    assert reader.send(comment="Two links: https://a.example http://b.example").status_code == 302


@pytest.mark.parametrize(
    "links",
    [
        "cheap-pills.com pills.net casino.org",
        "a@spam.example b@spam.example c@spam.example",
        "https://a.example cheap-pills.com me@spam.example",
    ],
)
def test_bare_domains_and_addresses_count_as_links(reader, settings, links):
    settings.COMMENTS_MAX_LINKS = 2
    response = reader.send(comment=f"{TYPED} {links}")
    assert response.status_code == 400
    assert "Your comment has 3 links; at most 2" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("kind", "value", "field", "typed"),
    [
        ("word", "casino bonus", "comment", f"{TYPED} Casino Bonus here"),
        ("domain", "spam.example", "url", "https://www.spam.example/offer"),
        ("domain", "spam.example", "email", "bot@mail.spam.example"),
        ("word", "buy pills", "name", "Buy Pills"),
    ],
)
def test_blocked_words_and_domains_are_refused(reader, kind, value, field, typed):
    BlockedTerm.objects.create(kind=kind, value=value)
    response = reader.send(**{"comment": TYPED, field: typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"contains “{value}”, which is not allowed" in html
    assert comment_form(html).values[field].strip() == typed
    assert not Comment.objects.exists()


def test_a_javascript_website_is_refused(reader):
    response = reader.send(comment=TYPED, url="javascript:alert(1)")
    assert response.status_code == 400
    assert "Enter a valid URL" in response.content.decode()


def test_rate_limit_per_address(reader, settings):
    settings.COMMENTS_RATE_PER_IP = "3/10m"
    for n in range(3):
        assert reader.send(comment=f"Comment {n}", email=f"r{n}@example.org").status_code == 302
    response = reader.send(comment=TYPED, email="rosa@example.org")
    assert response.status_code == 400
    assert "several comments in a short time" in response.content.decode()
    assert comment_form(response.content.decode()).values["comment"].strip() == TYPED
    assert Comment.objects.count() == 3
    # Another address is not held back.
    assert reader.send(comment="From elsewhere.", ip="10.9.9.9").status_code == 302


def test_rate_limit_per_email(reader, settings):
    settings.COMMENTS_RATE_PER_EMAIL = "2/10m"
    for n in range(2):
        assert reader.send(comment=f"Comment {n}", ip=f"10.0.0.{n}").status_code == 302
    response = reader.send(comment=TYPED, email="ROSA@example.org", ip="10.0.0.99")
    assert response.status_code == 400
    assert "several comments in a short time" in response.content.decode()
    assert Comment.objects.count() == 2


def test_rate_limits_are_read_at_each_request(reader, settings):
    settings.COMMENTS_RATE_PER_IP = "1/10m"
    assert reader.send(comment="One.").status_code == 302
    assert reader.send(comment="Two.").status_code == 400
    settings.COMMENTS_RATE_PER_IP = "100/10m"
    settings.COMMENTS_RATE_PER_EMAIL = "100/10m"
    assert reader.send(comment="Three.").status_code == 302


def test_missing_fields_are_named(reader):
    response = reader.send(name="", email="not-an-email", comment=TYPED)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_name">Name</a>: This field is required.' in html
    assert 'aria-describedby="id_email_error id_email_helptext"' in html
    assert 'aria-invalid="true"' in html
