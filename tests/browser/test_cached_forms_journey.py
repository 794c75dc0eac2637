"""Forms on pages served from the page cache still post: a reader comments on a post and
follows a theme from copies another reader's visit put in the cache."""

import pytest

from discussion.models import Comment
from subscriptions.models import Subscriber
from tests.factories import make_post, make_site, make_theme

# serialized_rollback: see test_reader_journey.py.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_forms_on_cached_pages_post(live_server, browser, page, settings, screenshot):
    settings.PAGE_CACHE_SECONDS = 300
    _, blog = make_site()
    make_theme("City diplomacy", slug="city-diplomacy")
    post = make_post(blog, "How cities lobby", days_ago=2)
    post_url, theme_url = live_server.url + post.url, live_server.url + "/themes/city-diplomacy/"

    other = browser.new_context()  # another reader warms the cache
    for url in (post_url, theme_url):
        assert other.new_page().goto(url).headers["x-cache"] == "miss"
    other.close()

    assert page.goto(post_url).headers["x-cache"] == "hit"
    form = page.locator("#comment-form")
    assert form.locator('input[name="csrfmiddlewaretoken"]').count() == 0
    form.get_by_label("Name", exact=True).fill("Rosa Reader")
    form.get_by_label("Email", exact=True).fill("rosa@example.org")
    form.get_by_label("Comment", exact=True).fill("Cities should lobby together.")
    form.get_by_role("button", name="Post comment").click()
    page.wait_for_url(f"**{post.url}#comments")
    assert "awaiting moderation" in page.get_by_role("status").inner_text()
    assert Comment.objects.get().user_email == "rosa@example.org"
    screenshot("cached-comment-posted")

    assert page.goto(theme_url).headers["x-cache"] == "hit"
    form = page.locator("form.subscribe__form")
    form.get_by_label("Your email address").fill("rosa@example.org")
    form.get_by_role("button", name="Subscribe").click()
    page.wait_for_url("**/follow/email/sent/")
    assert Subscriber.objects.filter(email="rosa@example.org").exists()
