from django.test import RequestFactory

from community.requests import client_ip


def request_from(remote_addr, **meta):
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **meta)


def test_without_a_proxy_the_remote_address_is_the_client(settings):
    settings.CLIENT_IP_HEADER = ""
    request = request_from("203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(request) == "203.0.113.5", "a client cannot claim another address"


def test_behind_a_proxy_the_last_forwarded_hop_is_the_client(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = request_from("10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
    assert client_ip(request) == "203.0.113.5"


def test_behind_a_proxy_a_missing_header_falls_back_to_the_remote_address(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert client_ip(request_from("10.0.0.2")) == "10.0.0.2"
