"""The HTTP server the core's fetch and parse tests share."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from .server import LocalServer


@pytest.fixture(scope="module")
def http_server() -> Iterator[LocalServer]:
    httpd = LocalServer()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def server(http_server: LocalServer) -> str:
    """The server's base URL, e.g. http://127.0.0.1:41234."""
    return http_server.url
