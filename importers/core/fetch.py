"""Fetch a partner feed over HTTP, defensively.

httpx rather than urllib3: it gives separate connect/read timeouts, streaming with
transparent gzip/deflate decoding, and ``follow_redirects=False`` so every hop goes through
our own address check; urllib3 would need the decoding and redirect handling by hand.
``trust_env=False`` keeps proxies and .netrc from the environment out of the picture, so the
host we check is the host we connect to.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from functools import cache

import httpx

from importers.core.types import Fetched, FetchSettings, Rejected

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
)
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
PERMANENT_STATUSES = {301, 308}
# A server that drips one byte just inside every read timeout must not hold a worker for
# hours: the whole response has to arrive within this many timeouts.
TOTAL_TIMEOUTS = 3


def fetch(url: str, settings: FetchSettings, etag: str = "", last_modified: str = "") -> Fetched:
    """GET ``url``, following at most ``settings.max_redirects`` redirects.

    Raises ``Rejected`` with a one-line reason for anything but a usable 200 or a 304.
    """
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": ACCEPT,
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified

    current = _parse_url(url)
    seen = {str(current)}
    all_permanent = True
    with httpx.Client(
        timeout=httpx.Timeout(settings.timeout),
        verify=_tls_context(),
        follow_redirects=False,
        trust_env=False,
        headers=headers,
    ) as client:
        for hops in range(settings.max_redirects + 1):
            _check_host(current, settings.allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in REDIRECT_STATUSES:
                        location = response.headers.get("location", "").strip()
                        if not location:
                            raise Rejected(f"HTTP {response.status_code} without a Location")
                        all_permanent &= response.status_code in PERMANENT_STATUSES
                        current = _parse_url(str(current.join(location)))
                        if str(current) in seen:
                            raise Rejected(f"redirect loop at {current}")
                        seen.add(str(current))
                        continue
                    found = _fetched(response, settings, permanent=hops > 0 and all_permanent)
                    if found.not_modified:  # a 304 need not repeat the validators
                        found.etag = found.etag or etag
                        found.last_modified = found.last_modified or last_modified
                    return found
            except httpx.TimeoutException as exc:
                raise Rejected(f"timed out after {settings.timeout:g} s ({current.host})") from exc
            except httpx.DecodingError as exc:
                raise Rejected(f"could not decompress the response: {exc}") from exc
            except httpx.HTTPError as exc:
                raise Rejected(f"could not fetch {current.host}: {exc}") from exc
    raise Rejected(f"more than {settings.max_redirects} redirects")


@cache
def _tls_context() -> ssl.SSLContext:
    """Built once: loading the CA bundle took ~40 ms, most of a 304 re-run."""
    return httpx.create_ssl_context()


def _fetched(response: httpx.Response, settings: FetchSettings, *, permanent: bool) -> Fetched:
    url = str(response.url)
    found = Fetched(
        url=url,
        body=None,
        content_type=response.headers.get("content-type", ""),
        etag=response.headers.get("etag", ""),
        last_modified=response.headers.get("last-modified", ""),
        permanent_url=url if permanent else None,
    )
    if response.status_code == 304:
        return found
    if response.status_code >= 400:
        raise Rejected(f"HTTP {response.status_code} {response.reason_phrase}".strip())
    if response.status_code != 200:
        raise Rejected(f"unexpected HTTP {response.status_code} {response.reason_phrase}".strip())
    found.body = _read_capped(response, settings)
    return found


def _read_capped(response: httpx.Response, settings: FetchSettings) -> bytes:
    too_large = Rejected(f"response larger than {_size(settings.max_bytes)}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise too_large
    deadline = time.monotonic() + TOTAL_TIMEOUTS * settings.timeout
    chunks: list[bytes] = []
    size = 0
    # iter_bytes() yields decompressed bytes, so the cap also stops a gzip bomb.
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            raise too_large
        if time.monotonic() > deadline:
            raise Rejected(f"response took longer than {TOTAL_TIMEOUTS * settings.timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _size(n: int) -> str:
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    return f"{n:,} bytes"


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL as exc:
        raise Rejected(f"invalid URL: {exc}") from exc
    if parsed.scheme not in ("http", "https"):
        raise Rejected(f"only http and https URLs can be fetched, not {parsed.scheme or url!r}")
    if not parsed.host:
        raise Rejected(f"URL without a host: {url}")
    return parsed


def _check_host(url: httpx.URL, allow_private: bool) -> None:
    """Refuse a host if any address it resolves to is not public.

    Caveat (DNS rebinding): httpx resolves the name again when it connects, so a hostile DNS
    server can answer differently the second time. Closing that gap means pinning the
    checked address in a custom transport, or an egress firewall; this check stops the
    common case of a partner URL that points into our own network.
    """
    if allow_private:
        return
    host = url.raw_host.decode("ascii")
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise Rejected(f"could not resolve {url.host}") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if _is_internal(address):
            raise Rejected(f"{url.host} resolves to a non-public address ({address})")


def _is_internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    # is_global is False for private, loopback, link-local, reserved and unspecified
    # addresses (and shared/documentation ranges); multicast can be "global", so it is
    # checked on its own.
    return address.is_multicast or not address.is_global
