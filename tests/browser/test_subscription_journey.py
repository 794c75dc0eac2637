"""A reader follows a theme by email in a real browser, confirms from the inbox of a real
SMTP server, gets a digest, manages and ends the subscription."""

import pytest
from playwright.sync_api import expect

from subscriptions.tasks import send_digests
from tests.factories import make_post, make_site, make_theme
from tests.subscriptions.conftest import link_in

# serialized_rollback: see test_reader_journey.py.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_reader_follows_a_theme_by_email(live_server, page, screenshot, smtp):
    _, blog = make_site()
    diplomacy = make_theme("City diplomacy", slug="city-diplomacy")
    make_theme("Housing", slug="housing")

    page.goto(live_server.url + "/themes/city-diplomacy/")
    form = page.locator("form.subscribe__form")
    assert form.get_by_label("City diplomacy").is_checked()
    assert not form.get_by_label("Housing").is_checked()
    honeypot = form.locator('input[name="website"]').bounding_box()
    assert honeypot["x"] + honeypot["width"] <= 0  # off-screen for people, there for bots
    form.get_by_label("Your email address").fill("reader@example.org")
    form.get_by_label("Daily").check()
    screenshot("subscribe-form")
    form.get_by_role("button", name="Subscribe").click()
    page.wait_for_url("**/follow/email/sent/")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your inbox"

    [confirmation] = smtp.to("reader@example.org")
    page.goto(live_server.url + link_in(confirmation, "/follow/email/confirm/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Confirm your subscription"
    assert "daily digest" in page.locator(".page-head").inner_text()
    assert page.locator(".tags").inner_text() == "City diplomacy"
    screenshot("subscription-confirm")
    page.get_by_role("button", name="Confirm my subscription").click()
    # The same address answers the POST: wait for the new page, not for a URL.
    expect(page.get_by_role("heading", level=1)).to_have_text("Subscription confirmed")
    screenshot("subscription-confirmed")

    make_post(blog, "How cities lobby", days_ago=0, themes=[diplomacy])
    send_digests.enqueue()
    digest = smtp.to("reader@example.org")[-1]
    assert digest["Subject"] == "1 new post on City Forum"
    page.goto(live_server.url + link_in(digest, "/blog/how-cities-lobby/"))
    assert page.get_by_role("heading", level=1).inner_text() == "How cities lobby"

    page.goto(live_server.url + link_in(digest, "/follow/email/preferences/"))
    page.get_by_label("Housing").check()
    page.get_by_label("Weekly").check()
    page.get_by_role("button", name="Save my choices").click()
    page.wait_for_url("**?saved=1")
    assert page.get_by_role("status").inner_text() == "Your choices are saved."
    assert page.get_by_label("Housing").is_checked()
    assert page.get_by_label("Weekly").is_checked()
    screenshot("subscription-preferences")

    page.get_by_role("button", name="Unsubscribe").click()
    # The form goes once csrf.js has fetched a token: wait for the answer.
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
