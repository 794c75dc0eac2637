"""The themes and the partner source the importer's publishing tests share."""

import pytest

from importers.models import FeedSource
from tests.factories import make_category, make_organisation, make_theme


@pytest.fixture
def themes(db):
    return {
        "urbansdg": make_theme("Urban SDG", slug="urbansdg", hashtag="#urbanSDG"),
        "city-diplomacy": make_theme(
            "City diplomacy", slug="city-diplomacy", synonyms="diplomatie des villes"
        ),
        "world-cities-day": make_theme("World Cities Day", slug="world-cities-day"),
        "city-networks": make_theme("City networks", slug="city-networks"),
    }


@pytest.fixture
def source(blog, themes):
    source = FeedSource.objects.create(
        name="Partner network",
        url="https://partner.example.org/feed/",
        target_blog=blog,
        partner=make_organisation("Partner network"),
        review_mode=FeedSource.ReviewMode.LIVE,
        default_category=make_category("Partner news"),
    )
    source.default_themes.set([themes["city-networks"]])
    return source
