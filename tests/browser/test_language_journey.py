"""A reader switches an English post to Spanish and keeps reading in Spanish."""

import re

import pytest

from tests.factories import make_post, make_site, make_theme, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def post_in_two_languages():
    home, blog = make_site()
    diplomacy = make_theme(
        "City diplomacy",
        slug="city-diplomacy",
        translations={"es": {"name": "Diplomacia de ciudades"}},
    )
    post = make_post(
        blog,
        "How cities lobby",
        themes=[diplomacy],
        body=[("paragraph", "<p>Mayors travel and networks negotiate.</p>")],
    )
    translate_page(home, "es", title="City Forum")
    translate_page(blog, "es", title="Blog de debate")
    translate_page(
        post,
        "es",
        title="Cómo presionan las ciudades",
        body=[("paragraph", "<p>Los alcaldes viajan y las redes negocian.</p>")],
    )
    make_post(blog, "An English-only post", themes=[diplomacy])
    return post


def test_reader_switches_to_spanish_and_stays_in_spanish(
    live_server, page, screenshot, post_in_two_languages
):
    page.goto(live_server.url + post_in_two_languages.url)
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/es/blog/how-cities-lobby/$"))
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == "Cómo presionan las ciudades"
    screenshot("language-journey-spanish-post")

    page.get_by_role("link", name="Diplomacia de ciudades").first.click()
    page.wait_for_url(re.compile(r"/es/.*city-diplomacy/$"))
    assert page.locator("html").get_attribute("lang") == "es"
    listing = page.locator("main").inner_text()
    assert "Cómo presionan las ciudades" in listing
    assert "An English-only post" not in listing
    current = page.get_by_role("navigation", name="Idioma").locator("[aria-current]")
    assert current.inner_text() == "Español"
