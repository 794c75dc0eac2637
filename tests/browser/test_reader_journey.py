"""A reader browses, searches and subscribes to a theme in a real browser."""

import feedparser
import pytest

from tests.factories import make_person, make_post, make_site, make_theme
from website.models import HomePageFeaturedTheme

# serialized_rollback: a transactional test flushes the tables, and the root page and
# default locale that migrations create must come back for the next one.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def published_site():
    home, blog = make_site()
    diplomacy = make_theme(
        "City diplomacy",
        slug="city-diplomacy",
        hashtag="#citydiplomacy",
        description="How cities act abroad, alone and in networks.",
    )
    sdg = make_theme("urbanSDG", slug="urbansdg", hashtag="#urbanSDG")
    HomePageFeaturedTheme.objects.create(page=home, theme=diplomacy, sort_order=0)
    author = make_person("Pablo Chillón", role="Researcher")
    make_post(
        blog,
        "How cities lobby",
        days_ago=2,
        themes=[diplomacy],
        authors=[author],
        excerpt="What city advocacy looks like up close.",
        body=[
            (
                "paragraph",
                "<p>Mayors travel, networks negotiate, and twinning "
                "agreements turn into lobbying channels.</p>",
            )
        ],
    )
    make_post(
        blog,
        "An urban goal",
        days_ago=1,
        themes=[sdg],
        body=[("paragraph", "<p>The campaign for a stand-alone urban goal.</p>")],
    )
    return home, blog


def test_reader_browses_searches_and_subscribes(live_server, page, screenshot, published_site):
    page.goto(live_server.url + "/")
    assert page.title().startswith("City Forum")
    screenshot("home")

    page.get_by_role("link", name="How cities lobby").click()
    page.wait_for_url("**/blog/how-cities-lobby/")
    assert page.get_by_role("heading", level=1).inner_text() == "How cities lobby"
    assert "Pablo Chillón" in page.locator(".post__meta").inner_text()
    screenshot("post")

    page.locator(".post__foot .tags").get_by_role("link", name="#citydiplomacy").click()
    page.wait_for_url("**/themes/city-diplomacy/")
    assert "How cities act abroad" in page.locator(".lede").inner_text()
    assert page.get_by_role("link", name="How cities lobby").is_visible()
    assert not page.get_by_role("link", name="An urban goal").count()

    feed_links = page.locator("main a.feed-link")
    assert feed_links.count() == 3
    rss_url = page.locator("main a.feed-link--rss").get_attribute("href")
    autodiscovered = page.locator('head link[rel="alternate"][type="application/rss+xml"]')
    assert autodiscovered.first.get_attribute("href") == rss_url
    feed = feedparser.parse(page.request.get(live_server.url + rss_url).body())
    assert feed.bozo == 0
    assert [entry.title for entry in feed.entries] == ["How cities lobby"]

    page.get_by_label("Search the site").fill("twinning")
    page.get_by_label("Search the site").press("Enter")
    page.wait_for_url("**/search/?q=twinning")
    results = page.locator("ol.results li")
    assert results.count() == 1
    assert "How cities lobby" in results.first.inner_text()


def test_keyboard_user_can_skip_to_content(live_server, page, published_site):
    page.goto(live_server.url + "/blog/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # shown on focus, not kept off-screen


def test_layout_fits_a_phone(live_server, browser, published_site):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    phone = context.new_page()
    phone.goto(live_server.url + "/blog/how-cities-lobby/")
    overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert not overflow
