"""A form sent without a valid CSRF token: a page of the site, in the reader's language,
that says nothing was saved and leads back to the form."""

import pytest
from django.test import Client

from subscriptions.models import Subscriber


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize(
    "prefix, heading",
    [
        ("", "Your form could not be sent"),
        ("/fr", "Votre formulaire n’a pas pu être envoyé"),
        ("/es", "No se pudo enviar su formulario"),
    ],
)
def test_a_form_without_a_token_is_refused_with_a_page_that_leads_back(
    strict_client, home, prefix, heading
):
    form = f"{prefix}/follow/email/"
    response = strict_client.post(
        form, {"email": "reader@example.org"}, HTTP_REFERER=f"http://testserver{form}"
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'<a href="http://testserver{form}">' in html
    assert Subscriber.objects.count() == 0


def test_the_way_back_never_leads_to_another_site(strict_client, home):
    response = strict_client.post(
        "/follow/email/", {"email": "reader@example.org"}, HTTP_REFERER="https://evil.example/"
    )
    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()
