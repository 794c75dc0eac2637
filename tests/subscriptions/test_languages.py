"""Following themes in French and Spanish: the subscriber keeps the language of the page
they subscribed on, every email comes in it with links to its pages, and a digest lists
the posts in that language only."""

import re

import pytest
from django.test import TestCase
from django.utils import translation

from subscriptions import digest, subscribing, tokens
from subscriptions.models import Subscriber
from tests.factories import make_post, translate_page
from tests.smtp import html_of, text_of

from .conftest import is_checked, link_in, make_subscriber

WORDS = {
    "fr": {
        "theme": "Diplomatie des villes",
        "confirm_subject": "Confirmez votre abonnement à City Forum",
        "confirm_text": "Confirmez que vous souhaitez recevoir une lettre hebdomadaire",
        "confirm_page": "Confirmer mon abonnement",
        "confirmed_page": "Abonnement confirmé",
        "manage_subject": "Votre abonnement à City Forum",
        "digest_one": "1 nouvel article sur City Forum",
        "digest_heading": "Du nouveau dans les thèmes que vous suivez",
        "digest_footer": "Vous recevez cette lettre quotidienne",
        "unsubscribe": "Se désabonner",
        "post_title": "Les villes à l’étranger",
        "month": "décembre",
        "no_theme": "Choisissez au moins un thème.",
        "check_inbox": "Consultez votre boîte de réception",
        "preferences": "Langue des e-mails",
    },
    "es": {
        "theme": "Diplomacia urbana",
        "confirm_subject": "Confirme su suscripción a City Forum",
        "confirm_text": "Confirme que quiere recibir un resumen semanal",
        "confirm_page": "Confirmar mi suscripción",
        "confirmed_page": "Suscripción confirmada",
        "manage_subject": "Su suscripción a City Forum",
        "digest_one": "1 entrada nueva en City Forum",
        "digest_heading": "Novedades en los temas que sigue",
        "digest_footer": "Recibe este resumen diario",
        "unsubscribe": "Darse de baja",
        "post_title": "Las ciudades en el extranjero",
        "month": "diciembre",
        "no_theme": "Elija al menos un tema.",
        "check_inbox": "Revise su bandeja de entrada",
        "preferences": "Idioma de los correos",
    },
}


@pytest.fixture(params=sorted(WORDS))
def language(request):
    return request.param


@pytest.fixture
def words(language):
    return WORDS[language]


@pytest.fixture
def theme(diplomacy):
    """One row in every language, its name translated in the row."""
    diplomacy.translations = {code: {"name": WORDS[code]["theme"]} for code in WORDS}
    diplomacy.save()
    return diplomacy


def subscribe_on(client, language, email, themes, **extra):
    data = {"email": email, "themes": [t.pk for t in themes], "frequency": "weekly", **extra}
    with TestCase.captureOnCommitCallbacks(execute=True):
        prefix = "" if language == "en" else f"/{language}"  # English is unprefixed
        return client.post(f"{prefix}/follow/email/", data)


def subject(message):
    return str(message["Subject"]).strip()


def csrf_post(client, path):
    page = client.get(path).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return client.post(path, {"csrfmiddlewaretoken": token})


def test_a_subscriber_confirms_in_the_language_they_subscribed_in(
    client, smtp, site_tree, theme, language, words
):
    form_page = client.get(f"/{language}/follow/email/").content.decode()
    assert f'action="/{language}/follow/email/"' in form_page and words["theme"] in form_page

    response = subscribe_on(client, language, "lector@example.org", [theme])

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/follow/email/sent/"
    assert words["check_inbox"] in client.get(response["Location"]).content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.language == language
    [message] = smtp.to("lector@example.org")
    assert subject(message) == words["confirm_subject"]
    for body in (text_of(message), html_of(message)):
        assert words["confirm_text"] in body and words["theme"] in body
        assert "Please confirm" not in body and "City diplomacy" not in body
    path = link_in(message, f"/{language}/follow/email/confirm/")

    asked = client.get(path).content.decode()
    assert f'<html lang="{language}"' in asked and words["confirm_page"] in asked
    assert csrf_post(client, path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.is_active
    assert words["confirmed_page"] in client.get(path).content.decode()


def test_an_address_already_subscribed_hears_in_its_own_language(
    client, smtp, site_tree, theme, language, words
):
    make_subscriber("lector@example.org", [theme], language=language)

    subscribe_on(client, "en", "lector@example.org", [theme])  # from the English page

    [message] = smtp.to("lector@example.org")
    assert subject(message) == words["manage_subject"]
    link_in(message, f"/{language}/follow/email/preferences/")
    assert Subscriber.objects.get().language == language  # unchanged without consent


def test_a_digest_lists_the_posts_in_the_subscribers_language_only(
    blog, smtp, theme, language, words
):
    source = make_post(blog, "Cities abroad", days_ago=1, themes=[theme])
    source.date = source.date.replace(year=source.date.year - 1, month=12, day=7)
    source.save_revision().publish()
    translated = translate_page(source, language, title=words["post_title"])
    make_post(blog, "An English post only", days_ago=1, themes=[theme])
    make_subscriber("lector@example.org", [theme], "daily", language=language)
    make_subscriber("reader@example.org", [theme], "daily")

    lector = Subscriber.objects.get(email="lector@example.org")
    reader = Subscriber.objects.get(email="reader@example.org")
    assert digest.send_digest(lector.pk) == 1
    assert digest.send_digest(reader.pk) == 2

    [message] = smtp.to("lector@example.org")
    assert subject(message) == words["digest_one"]
    text, html = text_of(message), html_of(message)
    for body in (text, html):
        assert words["post_title"] in body and words["theme"] in body
        assert words["digest_footer"] in body and words["month"] in body
        assert "Cities abroad" not in body and "An English post only" not in body
    assert f"http://testserver{translated.url}" in text
    assert translated.url.startswith(f"/{language}/blog/")
    unsubscribe = link_in(message, f"/{language}/follow/email/unsubscribe/")
    assert str(message["List-Unsubscribe"]).strip() == f"<http://testserver{unsubscribe}>"
    link_in(message, f"/{language}/follow/email/preferences/")
    [english] = smtp.to("reader@example.org")
    assert "Cities abroad" in text_of(english) and words["post_title"] not in text_of(english)
    assert subject(english) == "2 new posts on City Forum"


def test_the_preferences_page_changes_the_language_of_the_emails(
    client, smtp, site_tree, theme, language, words
):
    subscriber = make_subscriber("reader@example.org", [theme], "weekly")
    with translation.override(language):
        path = tokens.preferences_path(subscriber)
    assert path.startswith(f"/{language}/follow/email/preferences/")

    page = client.get(path).content.decode()
    assert words["preferences"] in page and is_checked(page, "language", "en")
    saved = client.post(path, {"themes": [theme.pk], "frequency": "weekly", "language": language})

    assert saved.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == language
    subscribing.answer_request(subscriber)
    [message] = smtp.to("reader@example.org")
    assert subject(message) == words["manage_subject"]
    assert f"http://testserver{path}" in text_of(message)


def test_form_errors_are_in_the_readers_language(client, site_tree, theme, language, words):
    response = subscribe_on(client, language, "lector@example.org", [])

    assert response.status_code == 400
    html = response.content.decode()
    assert words["no_theme"] in html
    assert not Subscriber.objects.exists()


def test_the_subscription_pages_are_never_cached_under_a_language_prefix(
    client, settings, site_tree, theme, language
):
    settings.PAGE_CACHE_SECONDS = 300
    for path in (f"/{language}/follow/email/", f"/{language}/follow/email/sent/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
