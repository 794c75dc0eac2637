"""A real HTTP server on 127.0.0.1 for the core's tests: the routes fetch() is tried on,
and a log of every path asked for, so that a test can also show nothing was fetched."""

from __future__ import annotations

import contextlib
import gzip
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
ETAG = '"v1"'
LAST_MODIFIED = "Mon, 03 Jun 2024 10:00:00 GMT"


class LocalServer(ThreadingHTTPServer):
    """Serves ``ROUTES`` on a free port and records the path of every request."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.paths: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: LocalServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
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
