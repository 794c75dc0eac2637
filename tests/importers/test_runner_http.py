"""A source fetched over real HTTP: conditional GET, permanent redirects, failures."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from importers.models import FeedSource
from importers.runner import run_import

FEED = (Path(__file__).parent / "fixtures" / "publish" / "partner_v1.rss").read_bytes()
ETAG = '"v1"'


class PartnerServer(BaseHTTPRequestHandler):
    """/feed serves the feed with an ETag; /old moves there permanently; /broken fails."""

    requests = []

    def do_GET(self):
        type(self).requests.append((self.path, self.headers.get("If-None-Match")))
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/feed")
            self.end_headers()
        elif self.path == "/broken":
            self.send_response(500)
            self.end_headers()
        elif self.headers.get("If-None-Match") == ETAG:
            self.send_response(304)
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", ETAG)
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)

    def log_message(self, *args):
        pass


@pytest.fixture
def partner(settings):
    settings.IMPORTER_ALLOW_PRIVATE_HOSTS = True  # the partner is on 127.0.0.1
    PartnerServer.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PartnerServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def source_at(blog, url):
    return FeedSource.objects.create(name="Partner", url=url, target_blog=blog, review_mode="live")


def test_conditional_get_and_permanent_redirect(blog, partner):
    source = source_at(blog, f"{partner}/old")
    first = run_import(source)
    assert (first.status, first.new) == ("ok", 2)
    source.refresh_from_db()
    assert source.url == f"{partner}/feed"  # moved permanently: the stored URL follows
    assert source.etag == ETAG

    again = run_import(source)
    assert again.status == "not_modified" and again.new == again.unchanged == 0
    assert PartnerServer.requests[-1] == ("/feed", ETAG)
    source.refresh_from_db()
    assert source.consecutive_failures == 0 and source.last_success_at


def test_private_hosts_are_refused_unless_allowed(blog, partner, settings):
    settings.IMPORTER_ALLOW_PRIVATE_HOSTS = False
    source = source_at(blog, f"{partner}/feed")
    report = run_import(source)
    assert report.status == "rejected" and "127.0.0.1" in report.error
    assert PartnerServer.requests == []  # refused before connecting


def test_a_server_error_is_recorded_and_backs_off(blog, partner):
    source = source_at(blog, f"{partner}/broken")
    report = run_import(source)
    assert report.status == "rejected" and "500" in report.error
    source.refresh_from_db()
    assert source.consecutive_failures == 1 and "500" in source.last_error
    assert source.next_due_at > source.last_fetched_at
