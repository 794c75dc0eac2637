"""fetch() against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from importers.core.fetch import fetch
from importers.core.types import FetchSettings, Rejected

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
ETAG = '"v1"'
LAST_MODIFIED = "Mon, 03 Jun 2024 10:00:00 GMT"
SETTINGS = FetchSettings(user_agent="CityForumTest/1.0", timeout=0.5, allow_private=True)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path.startswith("/chain/"):
            return self._chain(int(path.rsplit("/", 1)[1]))
        ROUTES.get(path, lambda h: h.send(404, b"missing"))(self)

    def send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        headers.setdefault("Content-Type", "application/rss+xml")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content-Length" not in headers and status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, status: int, location: str) -> None:
        self.send(status, Location=location)

    def _chain(self, left: int) -> None:
        if left == 0:
            self.send(200, FEED)
        else:
            self.redirect(302, f"/chain/{left - 1}")


def conditional(header: str, value: str, response_header: str) -> Callable[[Handler], None]:
    def respond(handler: Handler) -> None:
        if handler.headers.get(header) == value:
            handler.send(304, **{response_header: value})
        else:
            handler.send(200, FEED, **{response_header: value})

    return respond


def slow(handler: Handler) -> None:
    time.sleep(1.5)
    with contextlib.suppress(OSError):  # the client has given up by now
        handler.send(200, FEED)


def unsized(handler: Handler) -> None:
    """A body with no Content-Length: the cap must hold while streaming."""
    handler.send_response(200)
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(b"x" * 5000)
    handler.close_connection = True


ROUTES: dict[str, Callable[[Handler], None]] = {
    "/feed": lambda h: h.send(200, FEED, ETag=ETAG, Last_Modified=LAST_MODIFIED),
    "/etag": conditional("If-None-Match", ETAG, "ETag"),
    "/modified": conditional("If-Modified-Since", LAST_MODIFIED, "Last-Modified"),
    "/moved": lambda h: h.redirect(301, "/moved-again"),
    "/moved-again": lambda h: h.redirect(308, "/feed"),
    "/mixed": lambda h: h.redirect(301, "/found"),
    "/found": lambda h: h.redirect(302, "/feed"),
    "/loop-a": lambda h: h.redirect(302, "/loop-b"),
    "/loop-b": lambda h: h.redirect(302, "/loop-a"),
    "/to-file": lambda h: h.redirect(302, "file:///etc/passwd"),
    "/error": lambda h: h.send(500, b"oops"),
    "/slow": slow,
    "/large": lambda h: h.send(200, b"x" * 5000),
    "/unsized": unsized,
    "/gzip": lambda h: h.send(200, gzip.compress(FEED), Content_Encoding="gzip"),
    "/gzip-bomb": lambda h: h.send(200, gzip.compress(b" " * 50_000), Content_Encoding="gzip"),
    "/agent": lambda h: h.send(200, h.headers.get("User-Agent", "").encode()),
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


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
