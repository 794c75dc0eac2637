"""Theme matching, from the categories of the fixture feeds in three languages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from importers.core.parse import parse_feed
from importers.core.themes import ThemeMatcher, normalise, tag
from importers.core.types import ThemeTerms

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "core"
NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)
THEMES = [
    ThemeTerms("world-cities-day", ("World Cities Day", "#WorldCitiesDay",
                                    "Journée mondiale des villes", "Día Mundial de las Ciudades")),
    ThemeTerms("urban-sdg", ("Urban SDG",)),
    ThemeTerms("city-diplomacy", ("City diplomacy", "diplomatie des villes", "diplomacia urbana")),
    ThemeTerms("housing", ("Housing", "Logement", "Vivienda")),
    ThemeTerms("mobility", ("Mobility", "Mobilité", "Movilidad urbana")),
    ThemeTerms("climate", ("Climate", "Changement climatique", "Cambio climático")),
]  # fmt: skip
MATCHER = ThemeMatcher(THEMES)


def categories(name: str) -> list[list[str]]:
    body = (FIXTURES / name).read_bytes()
    feed = parse_feed(body, "https://partner.example.net/feeds/" + name, NOW)
    return [entry.categories for entry in feed.entries]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("themes-en.xml", [
            (["world-cities-day", "urban-sdg", "mobility"], ["Street Art"]),
            ([], ["World Cities Summit", "world_cities_day_2024"]),
        ]),
        ("themes-fr.xml", [
            # Accents count: the unaccented term is not the listed "Journée mondiale".
            (["city-diplomacy"], ["journee-mondiale-des-villes", "Logement abordable"]),
        ]),
        ("themes-es.xml", [
            (["mobility", "world-cities-day", "climate"], []),
        ]),
    ],
)  # fmt: skip
def test_feed_categories_match_themes(name, expected):
    assert [MATCHER.match(labels) for labels in categories(name)] == expected


@pytest.mark.parametrize(
    "label",
    ["World Cities Day", "world-cities-day", "#WorldCitiesDay", "world_cities_day",
     "WORLD  CITIES\tDAY", " #world cities day ",
     "\uff37\uff4f\uff52\uff4c\uff44 Cities Day"],  # full-width letters: NFKC folds them
)  # fmt: skip
def test_spellings_of_one_theme(label):
    assert MATCHER.match([label]) == (["world-cities-day"], [])


@pytest.mark.parametrize("label", ["#urbanSDG", "urban-sdg", "Urban SDG", "URBAN_SDG"])
def test_camel_case_hashtags(label):
    assert MATCHER.match([label]) == (["urban-sdg"], [])


@pytest.mark.parametrize(
    "label", ["World Cities Summit", "World Cities", "Day", "World Cities Day 2024", "Housings"]
)
def test_whole_tags_only(label):
    assert MATCHER.match([label]) == ([], [label])


def test_splitting_and_order():
    labels = ["Housing; mobility", "Climate,Housing", "#Other, other", ";;", "Mobilité"]
    assert MATCHER.match(labels) == (["housing", "mobility", "climate"], ["Other"])


def test_the_first_theme_keeps_a_shared_term():
    matcher = ThemeMatcher([ThemeTerms("a", ("Shared",)), ThemeTerms("b", ("shared", "B"))])
    assert matcher.match(["shared", "b"]) == (["a", "b"], [])


def test_normalise():
    assert normalise("  #World-Cities_Day ") == normalise("worldcitiesday") == "worldcitiesday"
    assert normalise("Straße") == normalise("STRASSE")  # casefold, not lower
    assert normalise("#") == ""


@pytest.mark.parametrize(
    ("allow_free_tags", "free_tags"), [(True, ["World Cities Summit", "Street Art"]), (False, [])]
)
def test_tag_adds_source_defaults_and_free_tags(allow_free_tags, free_tags):
    body = (FIXTURES / "themes-en.xml").read_bytes()
    entry = parse_feed(body, "https://partner.example.net/feeds/themes-en.xml", NOW).entries[0]
    entry.categories = ["#urbanSDG", "World Cities Summit", "Street Art", "x" * 101]
    tagged = tag(entry, MATCHER, ["housing", "urban-sdg"], allow_free_tags)
    assert tagged is entry
    assert entry.theme_slugs == ["urban-sdg", "housing"]
    assert entry.free_tags == free_tags
