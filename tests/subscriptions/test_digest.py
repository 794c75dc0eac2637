"""The digest: new posts in a subscriber's themes, sent once, through a real SMTP server."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from subscriptions import digest
from subscriptions.models import DigestDelivery, Subscriber
from subscriptions.tasks import send_digests
from tests.factories import make_person, make_post, make_private
from tests.smtp import html_of, text_of

from .conftest import link_in, make_subscriber


def run():
    """One digest run through django-tasks (the ImmediateBackend runs it inline)."""
    return send_digests.enqueue().return_value


def test_a_reader_gets_a_digest_of_a_theme_they_follow(blog, smtp, diplomacy, housing):
    author = make_person("Pablo Chillón")
    lobby = make_post(
        blog,
        "How cities lobby",
        days_ago=2,
        themes=[diplomacy],
        authors=[author],
        excerpt="What city advocacy looks like up close.",
    )
    twinning = make_post(blog, "Twinning revisited", days_ago=1, themes=[diplomacy])
    make_post(blog, "Rents in Vienna", days_ago=1, themes=[housing])
    make_post(blog, "Draft on diplomacy", days_ago=1, themes=[diplomacy], live=False)
    make_private(make_post(blog, "Members only", days_ago=1, themes=[diplomacy]))
    make_post(blog, "Next week", date=timezone.now() + timedelta(days=3), themes=[diplomacy])
    make_post(blog, "Before confirming", days_ago=20, themes=[diplomacy])
    reader = make_subscriber("reader@example.org", [diplomacy], "daily")

    assert run() == 1

    [message] = smtp.to("reader@example.org")
    assert message["Subject"] == "2 new posts on City Forum"
    text, html = text_of(message), html_of(message)
    assert text.index("Twinning revisited") < text.index("How cities lobby")  # newest first
    assert "Pablo Chillón" in text and "What city advocacy looks like up close." in text
    assert lobby.date.strftime("%-d %B %Y") in text
    assert "http://testserver/blog/how-cities-lobby/" in text
    assert 'href="http://testserver/blog/twinning-revisited/"' in html
    for absent in ("Rents in Vienna", "Draft on diplomacy", "Members only", "Next week"):
        assert absent not in text and absent not in html
    assert "Before confirming" not in text
    assert {d.post_id for d in DigestDelivery.objects.all()} == {lobby.pk, twinning.pk}
    reader.refresh_from_db()
    assert reader.last_digest_at is not None


def test_the_digest_has_list_headers_and_links_that_work(client, blog, smtp, diplomacy):
    make_post(blog, "How cities lobby", days_ago=1, themes=[diplomacy])
    reader = make_subscriber("reader@example.org", [diplomacy])
    run()

    [message] = smtp.messages
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe_url == "http://testserver" + link_in(message, "/unsubscribe/")
    assert client.get(link_in(message, "/preferences/")).status_code == 200
    assert "/preferences/" in html_of(message) and "/unsubscribe/" in html_of(message)

    # What a mail client does with the header: a POST with no cookie and no CSRF token.
    response = client.post(
        unsubscribe_url.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED


def test_no_post_is_sent_twice_and_no_empty_digest_is_sent(blog, smtp, diplomacy):
    make_post(blog, "How cities lobby", days_ago=1, themes=[diplomacy])
    reader = make_subscriber("reader@example.org", [diplomacy], "daily")
    run()
    assert len(smtp.messages) == 1

    # A day later nothing new: no email, and the last digest stays where it was.
    last_digest_at = timezone.now() - timedelta(days=1)
    Subscriber.objects.filter(pk=reader.pk).update(last_digest_at=last_digest_at)
    assert run() == 1
    assert len(smtp.messages) == 1
    reader.refresh_from_db()
    assert reader.last_digest_at == last_digest_at

    # A new post arrives, and an old one is re-dated into the window: only the new one.
    make_post(blog, "Twinning revisited", days_ago=0, themes=[diplomacy])
    digest_post = DigestDelivery.objects.get().post
    digest_post.date = timezone.now() - timedelta(hours=1)
    digest_post.save()
    run()
    assert len(smtp.messages) == 2
    text = text_of(smtp.messages[1])
    assert "Twinning revisited" in text and "How cities lobby" not in text
    assert DigestDelivery.objects.filter(subscriber=reader).count() == 2


def test_a_digest_is_not_sent_again_before_its_time(blog, smtp, diplomacy):
    make_post(blog, "How cities lobby", days_ago=0, themes=[diplomacy])
    day_ago = timezone.now() - timedelta(days=1)
    make_subscriber("weekly@example.org", [diplomacy], "weekly", last_digest_at=day_ago)
    make_subscriber("daily@example.org", [diplomacy], "daily", last_digest_at=day_ago)
    make_subscriber(
        "week-old@example.org",
        [diplomacy],
        "weekly",
        last_digest_at=timezone.now() - timedelta(days=7),
    )

    run()

    assert sorted(m.envelope_recipients[0] for m in smtp.messages) == [
        "daily@example.org",
        "week-old@example.org",
    ]
    assert run() == 0


def test_unconfirmed_and_unsubscribed_addresses_get_nothing(blog, smtp, diplomacy):
    make_post(blog, "How cities lobby", days_ago=1, themes=[diplomacy])
    make_subscriber("pending@example.org", [diplomacy], confirmed_at=None)
    make_subscriber(
        "gone@example.org", [diplomacy], unsubscribed_at=timezone.now() - timedelta(days=2)
    )

    assert run() == 0
    assert smtp.messages == []


def test_a_post_in_two_followed_themes_is_listed_once(blog, smtp, diplomacy, housing):
    make_post(blog, "Housing diplomacy", days_ago=1, themes=[diplomacy, housing])
    make_subscriber("reader@example.org", [diplomacy, housing])

    run()

    text = text_of(smtp.messages[0])
    assert text.count("Housing diplomacy") == 1
    assert "City diplomacy, Housing" in text
    assert smtp.messages[0]["Subject"] == "1 new post on City Forum"


def test_a_long_digest_lists_the_newest_and_counts_the_rest(blog, smtp, settings, diplomacy):
    settings.SUBSCRIPTIONS_DIGEST_MAX_POSTS = 2
    for n in range(5):
        make_post(blog, f"Post number {n}", days_ago=n + 1, themes=[diplomacy])
    make_subscriber("reader@example.org", [diplomacy])

    run()

    text = text_of(smtp.messages[0])
    assert "Post number 0" in text and "Post number 1" in text
    assert "Post number 2" not in text
    assert "…and 3 more new posts" in text
    assert "http://testserver/themes/city-diplomacy/" in text
    assert DigestDelivery.objects.count() == 2


def test_markup_in_a_title_is_escaped_in_the_html_part(blog, smtp, diplomacy):
    make_post(
        blog,
        '<script>alert("x")</script> & <b>bold</b>',
        days_ago=1,
        themes=[diplomacy],
        excerpt="<img src=x onerror=alert(1)>",
    )
    make_subscriber("reader@example.org", [diplomacy])

    run()

    html, text = html_of(smtp.messages[0]), text_of(smtp.messages[0])
    assert "<script>" not in html and "<b>bold</b>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert '<script>alert("x")</script> & <b>bold</b>' in text  # plain text, not entities


def test_a_failed_send_records_nothing_and_is_retried(blog, smtp, settings, diplomacy, capsys):
    make_post(blog, "How cities lobby", days_ago=1, themes=[diplomacy])
    reader = make_subscriber("reader@example.org", [diplomacy])
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1  # nothing listens there

    with pytest.raises(CommandError, match="1 digest"):
        call_command("send_digests")

    assert not DigestDelivery.objects.exists()
    reader.refresh_from_db()
    assert reader.last_digest_at is None and reader.claimed_until is None
    assert f"Subscriber {reader.pk}:" in capsys.readouterr().err
    settings.EMAIL_PORT = port
    call_command("send_digests")
    assert len(smtp.messages) == 1
    assert DigestDelivery.objects.count() == 1


def test_one_failure_does_not_stop_the_other_digests(blog, smtp, diplomacy):
    make_post(blog, "How cities lobby", days_ago=1, themes=[diplomacy])
    make_subscriber("refused@", [diplomacy])  # the server rejects this recipient
    make_subscriber("reader@example.org", [diplomacy])

    assert run() == 2

    assert [m.envelope_recipients for m in smtp.messages] == [["reader@example.org"]]
    assert DigestDelivery.objects.filter(subscriber__email="reader@example.org").count() == 1
    assert not DigestDelivery.objects.filter(subscriber__email="refused@").exists()


def test_a_subscriber_claimed_by_another_run_is_left_to_it(blog, smtp, diplomacy):
    make_post(blog, "How cities lobby", days_ago=1, themes=[diplomacy])
    reader = make_subscriber("reader@example.org", [diplomacy])
    Subscriber.objects.filter(pk=reader.pk).update(
        claimed_until=timezone.now() + timedelta(minutes=5)
    )

    assert digest.send_digest(reader.pk) == 0
    assert smtp.messages == []

    # A claim left by a crashed run expires.
    Subscriber.objects.filter(pk=reader.pk).update(
        claimed_until=timezone.now() - timedelta(minutes=1)
    )
    assert digest.send_digest(reader.pk) == 1
    assert digest.send_digest(reader.pk) == 0  # sent: not due any more
    assert len(smtp.messages) == 1


def test_the_command_sends_what_is_due(blog, smtp, diplomacy, capsys):
    make_post(blog, "How cities lobby", days_ago=1, themes=[diplomacy])
    make_subscriber("reader@example.org", [diplomacy])

    call_command("send_digests")

    assert "1 digest(s) sent, 0 failed; 0 unconfirmed" in capsys.readouterr().out
    assert len(smtp.to("reader@example.org")) == 1


def test_addresses_never_confirmed_are_forgotten_once_their_link_expired(settings, diplomacy):
    settings.SUBSCRIPTIONS_CONFIRM_DAYS = 3
    now = timezone.now()
    for name, fields in {
        "expired": {"confirmed_at": None, "requested_at": now - timedelta(days=4)},
        "asked-again": {"confirmed_at": None, "requested_at": now - timedelta(days=2)},
        "unsubscribed": {"unsubscribed_at": now, "requested_at": now - timedelta(days=40)},
        "confirmed": {"requested_at": now - timedelta(days=40)},
    }.items():
        make_subscriber(f"{name}@example.org", [diplomacy], **fields)

    run()

    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "asked-again@example.org",
        "unsubscribed@example.org",
        "confirmed@example.org",
    }


def digest_run_queries(blog, theme, start, count):
    for n in range(start, start + count):
        make_subscriber(f"reader{n}@example.org", [theme])
    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured)


def test_queries_per_subscriber_are_constant(blog, smtp, diplomacy, housing):
    author = make_person()
    for n in range(3):
        make_post(blog, f"Post {n}", days_ago=1, themes=[diplomacy, housing], authors=[author])

    digest_run_queries(blog, diplomacy, 0, 1)  # warms the caches a running site has

    # Earlier subscribers are not due again: each run sends to the new ones only.
    two = digest_run_queries(blog, diplomacy, 1, 2)
    twenty = digest_run_queries(blog, diplomacy, 3, 20)

    assert len(smtp.messages) == 23
    per_subscriber = (twenty - two) / 18
    assert per_subscriber == int(per_subscriber), (two, twenty)
    assert two - 2 * per_subscriber <= 2  # finding who is due
    assert per_subscriber <= 14, per_subscriber
