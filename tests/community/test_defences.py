"""The shared defences: rate limits, the honeypot and the blocklist."""

import pytest
from django import forms

from community.blocklist import find_blocked
from community.forms import HONEYPOT_MESSAGE, HoneypotField
from community.models import BlockedTerm
from community.ratelimit import Rate, allow


@pytest.mark.parametrize(
    ("text", "rate"),
    [("5/10m", Rate(5, 600)), ("20/h", Rate(20, 3600)), (" 3 / d ", Rate(3, 86400))],
)
def test_rates_parse(text, rate):
    assert Rate.parse(text) == rate


@pytest.mark.parametrize("text", ["", "5", "5/10", "five/h", "5/10w", "-1/h"])
def test_bad_rates_are_refused(text):
    with pytest.raises(ValueError, match="Not a rate"):
        Rate.parse(text)


def test_rate_limit_counts_per_scope_and_key():
    assert [allow("comment", "10.0.0.1", "3/h") for _ in range(4)] == [True, True, True, False]
    assert allow("comment", "10.0.0.2", "3/h"), "another client has its own count"
    assert allow("guest-post", "10.0.0.1", "3/h"), "another form has its own count"


def test_rate_limit_ignores_case_and_spaces_in_the_key():
    assert allow("email", "Reader@Example.org", "1/h")
    assert not allow("email", " reader@example.org ", "1/h")


class HoneypotForm(forms.Form):
    name = forms.CharField()
    homepage = HoneypotField()


def test_honeypot_passes_when_empty():
    assert HoneypotForm({"name": "Ana", "homepage": ""}).is_valid()


def test_honeypot_fails_with_a_message_and_keeps_the_input():
    form = HoneypotForm({"name": "Ana", "homepage": "http://spam.example"})
    assert not form.is_valid()
    assert form.errors["homepage"] == [HONEYPOT_MESSAGE]
    assert form["name"].value() == "Ana"


@pytest.fixture
def blocklist(db):
    BlockedTerm.objects.create(kind=BlockedTerm.Kind.WORD, value="Cheap Pills")
    BlockedTerm.objects.create(kind=BlockedTerm.Kind.DOMAIN, value="www.Spam.example")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Buy CHEAP \n  pills today", "cheap pills"),
        ("Buy cheap pills today", "cheap pills"),
        ("Cheap pills!", "cheap pills"),
        ("cheap pillsbury", None),
        ("See https://spam.example/offer", "spam.example"),
        ("See http://shop.spam.example", "spam.example"),
        ("mail me at seller@spam.example", "spam.example"),
        ("notspam.example is fine", None),
        ("spam.example.org is another domain", None),
        ("A fair point about city diplomacy.", None),
        ("", None),
    ],
)
def test_blocklist_matches_whole_words_and_domains(blocklist, text, found):
    assert find_blocked(text) == found


def test_blocklist_sees_every_field(blocklist):
    assert find_blocked("Ana", "", "https://www.spam.example/") == "spam.example"


def test_blocklist_edits_apply_at_once(blocklist):
    assert find_blocked("a casino review") is None
    term = BlockedTerm.objects.create(value="casino")
    assert find_blocked("a casino review") == "casino"
    term.delete()
    assert find_blocked("a casino review") is None
