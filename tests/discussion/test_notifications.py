"""Emails over a real SMTP server: held comments to editors and authors, address
confirmation (and the auto-approval it allows), follow-ups with a one-click unfollow."""

import re
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core import signing
from django.test import Client
from django.urls import reverse

from discussion import tokens
from discussion.actions import set_status
from discussion.models import Comment
from tests.discussion.conftest import add_comment
from tests.smtp import html_of, text_of

pytestmark = pytest.mark.usefixtures("smtp")


@pytest.fixture
def send_now(django_capture_on_commit_callbacks):
    """Run what the request queues after its commit (the emails' tasks)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def link_in(message, path):
    return re.search(rf"http://testserver{path}[^\s\"<>]+", text_of(message)).group(0)


def confirm(client, url):
    """Open the confirmation link, then press its button (a POST with the page's CSRF token)."""
    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return client.post(url, {"csrfmiddlewaretoken": token})


def test_a_held_comment_is_sent_to_editors_moderators_and_authors(smtp, reader, send_now, editor):
    moderator = User.objects.create_user("mo", "mo@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    gone = User.objects.create_user("gone", "gone@example.org", "pw", is_active=False)
    gone.groups.add(Group.objects.get(name="Editors"))
    User.objects.create_user("noaddress", "", "pw").groups.add(Group.objects.get(name="Editors"))
    User.objects.create_user("plain", "plain@example.org", "pw")

    send_now(reader.send, comment="Line one <b>bold?</b>\nLine two.")

    to = sorted(r for m in smtp.messages for r in m.envelope_recipients if r != "rosa@example.org")
    assert to == ["ada.author@example.org", "eddie@example.org", "mo@example.org"]
    [notice] = smtp.to("eddie@example.org")
    assert notice["Subject"].strip() == "A comment on “Who speaks for the city” awaits moderation"
    text = text_of(notice).replace("\r\n", "\n")
    assert "Line one <b>bold?</b>\nLine two." in text  # plain text, as typed
    assert "http://testserver/admin/snippets/discussion/comment/?status=pending" in text
    assert "rosa@example.org" not in text
    assert "&lt;b&gt;" in html_of(notice)  # escaped in the HTML part


def test_the_commenter_confirms_their_address(smtp, reader, send_now):
    send_now(reader.send, comment="Line one <b>bold?</b>\nLine two.")
    [message] = smtp.to("rosa@example.org")
    assert message["Subject"].strip().startswith("Confirm your email")
    assert "Line one <b>bold?</b>\r\nLine two." in text_of(message)  # quoted, to recognise
    assert "Line one &lt;b&gt;bold?&lt;/b&gt;<br>Line two." in html_of(message)
    url = link_in(message, "/comments/confirm/")

    # Opening the link (as a mail scanner does) only asks.
    client = Client(enforce_csrf_checks=True)
    for method in (client.get, client.head):
        assert method(url).status_code == 200
    page = client.get(url).content.decode()
    assert "<p>Line one &lt;b&gt;bold?&lt;/b&gt;<br>Line two.</p>" in page
    assert "Who speaks for the city" in page
    assert "Yes, this is my comment — confirm my address" in page
    assert Comment.objects.get().email_confirmed_at is None
    assert client.post(url).status_code == 403  # no CSRF token
    assert Comment.objects.get().email_confirmed_at is None

    response = confirm(client, url)
    assert response.status_code == 200
    assert "Your comment is awaiting moderation" in response.content.decode()
    comment = Comment.objects.get()
    assert comment.email_confirmed_at is not None
    assert comment.status == Comment.Status.PENDING  # an unknown commenter stays held
    first = comment.email_confirmed_at
    confirm(client, url)
    comment.refresh_from_db()
    assert comment.email_confirmed_at == first


def test_a_known_commenter_is_approved_only_on_pressing_the_button(
    smtp, reader, post, send_now, client
):
    add_comment(post, "Earlier, approved.", email="Rosa@Example.org")
    send_now(reader.send, comment="Back again.")
    url = link_in(smtp.to("rosa@example.org")[0], "/comments/confirm/")

    send_now(client.get, url)
    assert Comment.objects.get(comment="Back again.").status == Comment.Status.PENDING
    response = send_now(confirm, client, url)
    assert "Your comment is published" in response.content.decode()
    comment = Comment.objects.get(comment="Back again.")
    assert comment.status == Comment.Status.APPROVED and comment.is_public
    assert "Back again." in client.get(post.url).content.decode()


class SignedEightDaysAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 8 * 86400)


def test_a_confirmation_link_expires_after_a_week(reader, client):
    reader.send()
    comment = Comment.objects.get()
    token = SignedEightDaysAgo(salt=tokens.CONFIRM_SALT).sign_object(comment.pk)
    url = reverse("discussion:confirm", args=[token])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 410
        assert "valid for 7 days and has expired" in response.content.decode()
    assert Comment.objects.get().email_confirmed_at is None


def test_an_address_gets_one_confirmation_email_a_day(smtp, reader, post, send_now):
    send_now(reader.send, comment="First.")
    assert "We have emailed you a link" in reader.client.get(post.url).content.decode()

    send_now(reader.send, comment="Second.", email="ROSA@example.org", ip="10.2.2.2")
    page = reader.client.get(post.url).content.decode()
    assert "already sent yours today" in page and "We have emailed you" not in page
    assert Comment.objects.get(comment="Second.").status == Comment.Status.PENDING
    mailed = [m for r in ("rosa@example.org", "ROSA@example.org") for m in smtp.to(r)]
    [confirmation] = [m for m in mailed if m["Subject"].strip().startswith("Confirm")]
    assert "First." in text_of(confirmation)

    # Another address is not held back.
    send_now(reader.send, comment="Third.", email="tom@example.org", ip="10.3.3.3")
    assert len(smtp.to("tom@example.org")) == 1


def test_typing_a_trusted_address_without_confirming_gains_nothing(reader, post, send_now):
    add_comment(post, "The real Rosa.", email="rosa@example.org")
    send_now(reader.send, comment="An impostor.")
    assert Comment.objects.get(comment="An impostor.").status == Comment.Status.PENDING


def test_an_approved_but_unconfirmed_comment_does_not_make_a_trusted_address(
    smtp, reader, post, send_now, client
):
    add_comment(post, "Approved by an editor.", email="rosa@example.org", email_confirmed_at=None)
    send_now(reader.send, comment="Second.")
    confirm(client, link_in(smtp.to("rosa@example.org")[0], "/comments/confirm/"))
    assert Comment.objects.get(comment="Second.").status == Comment.Status.PENDING


def test_a_damaged_confirmation_link_is_refused(client, db):
    assert client.get("/comments/confirm/not-a-token/").status_code == 404


@pytest.fixture
def followers(post):
    return {
        "follows": add_comment(post, "I follow.", email="fay@example.org", followup=True),
        "unconfirmed": add_comment(
            post,
            "Typed someone's address.",
            email="uma@example.org",
            followup=True,
            email_confirmed_at=None,
        ),
        "quiet": add_comment(post, "I do not follow.", email="ned@example.org"),
    }


def test_followers_hear_of_a_comment_only_once_it_is_approved(smtp, reader, send_now, followers):
    send_now(reader.send, comment="A new point.", followup="on")
    assert smtp.to("fay@example.org") == []  # pending: no follow-up

    comment = Comment.objects.get(comment="A new point.")
    send_now(set_status, Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED)
    [message] = smtp.to("fay@example.org")
    assert message["Subject"].strip() == "New comment on “Who speaks for the city”"
    assert "A new point." in text_of(message)
    assert f"/blog/who-speaks-for-the-city/#c{comment.pk}" in text_of(message)
    unfollow = link_in(message, "/comments/unfollow/")
    assert message["List-Unsubscribe"].strip() == f"<{unfollow}>"
    assert message["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
    for address in ("uma@example.org", "ned@example.org"):
        assert smtp.to(address) == []
    assert [m for m in smtp.to("rosa@example.org") if "New comment" in m["Subject"]] == []

    # Approving again sends nothing more.
    send_now(set_status, Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED)
    assert len(smtp.to("fay@example.org")) == 1


def test_rejected_and_spam_comments_send_no_follow_up(smtp, post, send_now, followers):
    for status in (Comment.Status.REJECTED, Comment.Status.SPAM):
        comment = add_comment(post, "Bad.", email="x@example.org", status=Comment.Status.PENDING)
        send_now(set_status, Comment.objects.filter(pk=comment.pk), status)
    assert smtp.to("fay@example.org") == []


def test_unfollowing_asks_on_get_and_acts_on_post(smtp, post, send_now, followers):
    comment = add_comment(post, "First.", email="x@example.org", status=Comment.Status.PENDING)
    send_now(set_status, Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED)
    unfollow = link_in(smtp.to("fay@example.org")[0], "/comments/unfollow/")

    client = Client()
    for method in (client.get, client.head):  # a mail scanner opening the link
        assert method(unfollow).status_code == 200
    page = client.get(unfollow).content.decode()
    assert "Stop the emails about new comments on “Who speaks for the city”?" in page
    followers["follows"].refresh_from_db()
    assert followers["follows"].followup is True

    response = client.post(unfollow)
    assert response.status_code == 200
    assert "You no longer follow this post" in response.content.decode()
    followers["follows"].refresh_from_db()
    assert followers["follows"].followup is False

    later = add_comment(post, "Later.", email="y@example.org", status=Comment.Status.PENDING)
    send_now(set_status, Comment.objects.filter(pk=later.pk), Comment.Status.APPROVED)
    assert len(smtp.to("fay@example.org")) == 1


def test_mail_clients_unfollow_with_a_post_and_no_csrf_token(smtp, post, send_now, followers):
    comment = add_comment(post, "First.", email="x@example.org", status=Comment.Status.PENDING)
    send_now(set_status, Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED)
    unfollow = link_in(smtp.to("fay@example.org")[0], "/comments/unfollow/")
    client = Client(enforce_csrf_checks=True)
    assert client.post(unfollow, {"List-Unsubscribe": "One-Click"}).status_code == 200
    followers["follows"].refresh_from_db()
    assert followers["follows"].followup is False


def test_a_forged_unfollow_link_is_refused(client, followers):
    assert client.get("/comments/unfollow/forged:token/").status_code == 404
    followers["follows"].refresh_from_db()
    assert followers["follows"].followup is True


def approve(send_now, comment, status=Comment.Status.APPROVED):
    send_now(set_status, Comment.objects.filter(pk=comment.pk), status)


def test_approving_again_after_rejecting_sends_no_second_follow_up(smtp, post, send_now, followers):
    comment = add_comment(post, "Back and forth.", email="x@example.org", status="pending")
    for status in (Comment.Status.APPROVED, Comment.Status.REJECTED, Comment.Status.APPROVED):
        approve(send_now, comment, status)
    assert len(smtp.to("fay@example.org")) == 1


def test_a_reply_is_announced_only_once_its_parent_is_shown(smtp, post, send_now, followers):
    parent = add_comment(post, "Held parent.", email="p@example.org", status="pending")
    reply = add_comment(
        post, "Reply first.", email="r@example.org", parent_id=parent.pk, status="pending"
    )
    approve(send_now, reply)
    assert smtp.to("fay@example.org") == []  # the page hides it: no email links to it

    approve(send_now, parent)
    mailed = smtp.to("fay@example.org")
    assert len(mailed) == 2
    bodies = " ".join(text_of(m) for m in mailed)
    assert "Held parent." in bodies and "Reply first." in bodies
    approve(send_now, parent, Comment.Status.REJECTED)
    approve(send_now, parent)
    assert len(smtp.to("fay@example.org")) == 2
