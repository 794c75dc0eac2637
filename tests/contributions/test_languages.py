"""Guest posts in French and Spanish: sent from /fr/contribute/, a post is a French draft in
the French blog (the default blog's where there is none), and the guest hears from us in
the form's language, with links to its pages."""

import pytest

from blog.models import BlogPage
from contributions.models import GuestSubmission
from tests.factories import make_theme, translate_page
from tests.smtp import html_of, text_of

from .conftest import GUEST_EMAIL, form_data
from .test_moderation import act

pytestmark = pytest.mark.django_db

WORDS = {
    "fr": {
        "blog": "Blog de débat",
        "page_heading": "Proposer un article",
        "label": "Votre nom",
        "thanks": "Merci\u00a0: votre article est entre les mains de nos éditeurs",
        "receipt_subject": (
            "Nous avons bien reçu votre article «\u00a0Comment parlent les villes\u00a0»"
        ),
        "receipt_text": "nos éditeurs lisent chaque proposition",
        "published_subject": "Votre article «\u00a0Comment parlent les villes\u00a0» est publié",
        "rejected_subject": "À propos de votre article «\u00a0Comment parlent les villes\u00a0»",
        "not_sent": "Votre article n’a pas été envoyé",
        "consent": "Confirmez que nous pouvons publier votre article.",
        "too_many_themes": "Choisissez 3 thèmes au plus.",
        "too_short": "au moins 200 caractères",
    },
    "es": {
        "blog": "Blog de debate",
        "page_heading": "Escriba una entrada invitada",
        "label": "Su nombre",
        "thanks": "Gracias: su entrada está en manos de nuestros editores",
        "receipt_subject": "Hemos recibido su entrada «Comment parlent les villes»",
        "receipt_text": "nuestros editores leen todas las propuestas",
        "published_subject": "Su entrada «Comment parlent les villes» está publicada",
        "rejected_subject": "Sobre su entrada «Comment parlent les villes»",
        "not_sent": "Su entrada no se ha enviado",
        "consent": "Confirme que podemos publicar su entrada.",
        "too_many_themes": "Elija 3 temas como máximo.",
        "too_short": "al menos 200 car",  # Django: "carácter(es)"
    },
}
TITLE = "Comment parlent les villes"


@pytest.fixture(params=sorted(WORDS))
def language(request):
    return request.param


@pytest.fixture
def words(language):
    return WORDS[language]


@pytest.fixture
def translated_blog(guest_blog, language, words):
    """The guest blog's translation (/fr/blog/), opened to guest posts as it is created."""
    return translate_page(guest_blog, language, title=words["blog"])


def send(client, language, capture, **overrides):
    with capture(execute=True):
        return client.post(f"/{language}/contribute/", form_data(title=TITLE, **overrides))


def subject(message):
    return str(message["Subject"]).strip()


def one_line(text):
    """As a subject header holds it: community.mail joins its words with plain spaces."""
    return " ".join(text.split())


def test_a_guest_post_sent_in_a_language_is_a_draft_in_that_languages_blog(
    client, translated_blog, language, words, smtp, django_capture_on_commit_callbacks
):
    page = client.get(f"/{language}/contribute/").content.decode()
    assert words["page_heading"] in page and words["label"] in page
    assert f'action="/{language}/contribute/"' in page

    response = send(client, language, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/contribute/thanks/"
    assert words["thanks"] in client.get(response["Location"]).content.decode()
    post = BlogPage.objects.get(title=TITLE)
    assert post.get_parent().pk == translated_blog.pk
    assert post.locale.language_code == language and not post.live
    assert post.current_workflow_state.workflow.name == "Guest post review"
    submission = GuestSubmission.objects.get()
    assert submission.language == language
    [receipt] = smtp.to(GUEST_EMAIL)
    assert subject(receipt) == one_line(words["receipt_subject"])
    for body in (text_of(receipt), html_of(receipt)):
        assert words["receipt_text"] in body and "What happens next" not in body


def test_without_a_blog_in_that_language_the_post_goes_to_the_default_blog(
    client, guest_blog, language, words, smtp, django_capture_on_commit_callbacks
):
    send(client, language, django_capture_on_commit_callbacks)

    post = BlogPage.objects.get(title=TITLE)
    assert post.get_parent().pk == guest_blog.pk and post.locale.language_code == "en"
    assert GuestSubmission.objects.get().language == language  # the guest's, still
    [receipt] = smtp.to(GUEST_EMAIL)
    assert subject(receipt) == one_line(words["receipt_subject"])


def test_the_editors_decision_reaches_the_guest_in_their_language(
    client, translated_blog, editor, language, words, smtp, django_capture_on_commit_callbacks
):
    send(client, language, django_capture_on_commit_callbacks)
    post = BlogPage.objects.get(title=TITLE)
    smtp.clear()

    act(
        client,
        editor,
        post,
        "reject",
        "Plus court, s’il vous plaît.",
        django_capture_on_commit_callbacks,
    )

    [rejected] = smtp.to(GUEST_EMAIL)
    assert subject(rejected) == one_line(words["rejected_subject"])
    assert f"http://testserver/{language}/contribute/" in text_of(rejected)
    assert "Plus court, s’il vous plaît." in text_of(rejected)

    smtp.clear()
    post.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()

    [published] = smtp.to(GUEST_EMAIL)
    assert subject(published) == one_line(words["published_subject"])
    post.refresh_from_db()
    assert post.full_url.startswith(f"http://testserver/{language}/blog/")
    assert post.full_url in text_of(published) and post.full_url in html_of(published)


def test_form_errors_are_in_the_guests_language(client, guest_blog, language, words):
    themes = [make_theme(f"Theme {n}").pk for n in range(4)]

    response = client.post(
        f"/{language}/contribute/",
        form_data(title=TITLE, consent=None, themes=themes, body="Trop court."),
    )

    assert response.status_code == 400
    html = response.content.decode()
    for expected in ("not_sent", "consent", "too_many_themes", "too_short"):
        assert words[expected] in html, expected
    assert not GuestSubmission.objects.exists()


def test_the_guest_post_pages_are_never_cached_under_a_language_prefix(
    client, settings, guest_blog, language
):
    settings.PAGE_CACHE_SECONDS = 300
    for path in (f"/{language}/contribute/", f"/{language}/contribute/thanks/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
