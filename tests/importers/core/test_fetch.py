"""fetch() against a real HTTP server on 127.0.0.1 (its routes are in server.py)."""

from __future__ import annotations

import pytest

from importers.core.fetch import fetch
from importers.core.types import FetchSettings, Rejected

from .server import ETAG, FEED, LAST_MODIFIED

SETTINGS = FetchSettings(user_agent="CityForumTest/1.0", timeout=0.5, allow_private=True)


def test_200(server):
    fetched = fetch(server + "/feed", SETTINGS)
    assert fetched.body == FEED
    assert fetched.url == server + "/feed"
    assert fetched.content_type == "application/rss+xml"
    assert (fetched.etag, fetched.last_modified) == (ETAG, LAST_MODIFIED)
    assert fetched.permanent_url is None
    assert not fetched.not_modified


def test_304_with_etag(server):
    assert fetch(server + "/etag", SETTINGS).body == FEED
    fetched = fetch(server + "/etag", SETTINGS, etag=ETAG)
    assert fetched.not_modified and fetched.body is None
    assert fetched.etag == ETAG


def test_304_with_last_modified(server):
    assert fetch(server + "/modified", SETTINGS).body == FEED
    fetched = fetch(server + "/modified", SETTINGS, etag=ETAG, last_modified=LAST_MODIFIED)
    assert fetched.not_modified
    assert (fetched.etag, fetched.last_modified) == (ETAG, LAST_MODIFIED)  # kept, not blanked


def test_permanent_redirects_give_the_new_url(server):
    fetched = fetch(server + "/moved", SETTINGS)
    assert fetched.body == FEED
    assert fetched.url == fetched.permanent_url == server + "/feed"


def test_a_temporary_hop_keeps_the_old_url(server):
    fetched = fetch(server + "/mixed", SETTINGS)
    assert fetched.body == FEED
    assert fetched.url == server + "/feed"
    assert fetched.permanent_url is None


def test_five_redirects_are_followed(server):
    assert fetch(server + "/chain/5", SETTINGS).body == FEED


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/chain/6", "more than 5 redirects"),
        ("/loop-a", "redirect loop"),
        ("/to-file", "only http and https"),
        ("/nowhere", "HTTP 404 Not Found"),
        ("/error", "HTTP 500 Internal Server Error"),
        ("/slow", "timed out after 0.5 s"),
        ("/large", "larger than 1,000 bytes"),
        ("/unsized", "larger than 1,000 bytes"),
        ("/gzip-bomb", "larger than 1,000 bytes"),
    ],
)
def test_rejected(server, path, message):
    settings = FetchSettings(
        user_agent="CityForumTest/1.0", timeout=0.5, max_bytes=1000, allow_private=True
    )
    with pytest.raises(Rejected, match=message):
        fetch(server + path, settings)


def test_gzip_is_decoded(server):
    assert fetch(server + "/gzip", SETTINGS).body == FEED


def test_user_agent_is_sent(server):
    assert fetch(server + "/agent", SETTINGS).body == b"CityForumTest/1.0"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "0.0.0.0", "10.1.2.3"])
def test_private_addresses_are_refused_by_default(server, host):
    port = server.rsplit(":", 1)[1]
    with pytest.raises(Rejected, match="non-public address"):
        fetch(f"http://{host}:{port}/feed", FetchSettings(user_agent="t", timeout=0.5))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed", "feed.xml"])
def test_other_schemes_are_refused(url):
    with pytest.raises(Rejected, match="only http and https"):
        fetch(url, SETTINGS)
