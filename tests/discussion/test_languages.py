"""Comments in French and Spanish: a reader comments on a post in their language and hears
from us in it, with links to that language's pages; editors hear in their own."""

import re

import pytest
from django.contrib.auth.models import Group, User
from wagtail.users.models import UserProfile

from discussion.actions import set_status
from discussion.models import Comment
from tests.comment_forms import comment_form
from tests.discussion.conftest import Reader, add_comment
from tests.factories import translate_page
from tests.smtp import html_of, text_of

# The words each language must show, from its catalogue; none of them is English.
WORDS = {
    "fr": {
        "title": "Qui parle pour la ville",
        "confirm_subject": "Confirmez votre e-mail pour votre commentaire sur",
        "hello": "Bonjour Rosa Reader,",
        "awaiting": "Il est en attente de modération.",
        "pending_message": "Merci\u00a0: votre commentaire est en attente de modération.",
        "sent_message": "Nous vous avons envoyé par e-mail un lien pour confirmer votre adresse.",
        "confirm_page": "Confirmez votre e-mail",
        "confirmed_page": "votre adresse est confirmée",
        "followup_subject": "Nouveau commentaire sur",
        "unfollow": "Ne plus recevoir ces e-mails",
        "held_subject": "Un commentaire sur",
        "required": ("Ce champ est obligatoire.", "Champ requis."),  # Django's, or Wagtail's
        "comment_label": "Commentaire",
        "not_posted": "Votre commentaire n’a pas été publié",
        "too_many_links": "Votre commentaire contient 3 liens",
        "feed_title": "Commentaires sur «\u00a0Qui parle pour la ville\u00a0»",
        "form_heading": "Laisser un commentaire",
        "month": "décembre",
    },
    "es": {
        "title": "Quién habla por la ciudad",
        "confirm_subject": "Confirme su correo para su comentario sobre",
        "hello": "Hola, Rosa Reader:",
        "awaiting": "Está pendiente de moderación.",
        "pending_message": "Gracias: su comentario está pendiente de moderación.",
        "sent_message": "Le hemos enviado por correo un enlace para confirmar su dirección.",
        "confirm_page": "Confirme su correo",
        "confirmed_page": "su dirección está confirmada",
        "followup_subject": "Nuevo comentario sobre",
        "unfollow": "Dejar de recibir estos correos",
        "held_subject": "Un comentario sobre",
        "required": ("Este campo es obligatorio.", "Este campo es necesario."),
        "comment_label": "Comentario",
        "not_posted": "Su comentario no se ha publicado",
        "too_many_links": "Su comentario tiene 3 enlaces",
        "feed_title": "Comentarios sobre «Quién habla por la ciudad»",
        "form_heading": "Deje un comentario",
        "month": "diciembre",
    },
}
LANGUAGES = sorted(WORDS)

pytestmark = pytest.mark.usefixtures("smtp")


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


@pytest.fixture
def words(language):
    return WORDS[language]


@pytest.fixture
def translated(post, language, words):
    """The post's translation, published under the language's blog (/fr/blog/…)."""
    return translate_page(post, language, title=words["title"])


@pytest.fixture
def send_now(django_capture_on_commit_callbacks):
    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def links(message, path):
    return re.findall(rf"http://testserver{path}[^\s\"<>]+", text_of(message))


def subject(message):
    return str(message["Subject"]).strip()


def csrf_post(client, url):
    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return client.post(url, {"csrfmiddlewaretoken": token})


def test_the_translated_post_lives_under_the_language_prefix(translated, language):
    assert translated.url.startswith(f"/{language}/blog/")
    assert translated.locale.language_code == language


def test_a_reader_comments_in_their_language_and_is_answered_in_it(
    client, smtp, translated, language, words, send_now
):
    reader = Reader(client, translated)
    form = reader.form()
    assert form.attrs["action"] == f"/{language}/comments/post/"

    response = send_now(reader.send)

    assert response.status_code == 302
    assert response["Location"] == translated.url + "#comments"
    page = client.get(response["Location"]).content.decode()
    assert f'<html lang="{language}"' in page
    assert words["pending_message"] in page and words["sent_message"] in page
    [comment] = Comment.objects.all()
    [confirmation] = smtp.to("rosa@example.org")
    assert subject(confirmation).startswith(words["confirm_subject"])
    assert words["title"] in subject(confirmation)
    for body in (text_of(confirmation), html_of(confirmation)):
        assert words["hello"] in body and words["awaiting"] in body
        assert "Thank you" not in body and "Hello" not in body
    [confirm_url] = links(confirmation, f"/{language}/comments/confirm/")

    asked = client.get(confirm_url).content.decode()
    assert words["confirm_page"] in asked and f'<html lang="{language}"' in asked
    done = csrf_post(client, confirm_url)
    assert done.status_code == 200
    assert words["confirmed_page"] in done.content.decode()
    comment.refresh_from_db()
    assert comment.email_confirmed_at is not None


def test_followers_of_a_translated_post_hear_in_its_language(
    smtp, translated, language, words, send_now
):
    add_comment(translated, email="old@example.org", followup=True)
    newer = add_comment(
        translated, text="Une réponse.", email="new@example.org", status=Comment.Status.PENDING
    )

    send_now(set_status, Comment.objects.filter(pk=newer.pk), Comment.Status.APPROVED)

    [followup] = smtp.to("old@example.org")
    assert subject(followup).startswith(words["followup_subject"])
    assert words["unfollow"] in html_of(followup)
    [comment_url] = links(followup, f"/{language}/blog/")
    assert comment_url.endswith(f"#c{newer.pk}")
    [unfollow_url] = links(followup, f"/{language}/comments/unfollow/")
    assert str(followup["List-Unsubscribe"]).strip() == f"<{unfollow_url}>"


def test_editors_hear_in_their_admin_language_and_authors_in_the_posts(
    client, smtp, translated, editor, language, words, send_now
):
    other = "es" if language == "fr" else "fr"
    moderator = User.objects.create_user("mo", "mo@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = other
    profile.save()

    send_now(Reader(client, translated).send)

    [to_editor] = smtp.to("eddie@example.org")  # no preference: the site's default language
    assert subject(to_editor).startswith("A comment on “")
    [to_moderator] = smtp.to("mo@example.org")
    assert subject(to_moderator).startswith(WORDS[other]["held_subject"])
    [to_author] = smtp.to("ada.author@example.org")  # writes in the post's language
    assert subject(to_author).startswith(words["held_subject"])
    for notice in (to_editor, to_moderator, to_author):
        assert "http://testserver/admin/snippets/discussion/comment/?status=pending" in text_of(
            notice
        )


def test_form_errors_are_in_the_readers_language(client, translated, words):
    reader = Reader(client, translated)

    empty = reader.send(comment="")
    too_many = reader.send(
        comment="See https://a.example.org, https://b.example.org and https://c.example.org"
    )

    for response in (empty, too_many):
        assert response.status_code == 400
        html = response.content.decode()
        assert words["not_posted"] in html and words["comment_label"] in html
    # Django's own words, or Wagtail's where its catalogue comes first.
    assert any(required in empty.content.decode() for required in words["required"])
    assert words["too_many_links"] in too_many.content.decode()
    assert not Comment.objects.exists()


def test_the_thread_and_the_comment_feed_speak_the_language(client, translated, words):
    comment = add_comment(translated, text="Bien vu.")
    comment.submit_date = comment.submit_date.replace(month=12, day=7)
    comment.save()

    page = client.get(translated.url).content.decode()
    assert words["form_heading"] in page and words["month"] in page
    assert "Leave a comment" not in page
    feed = client.get(translated.url + "comments/feed/").content.decode()
    assert words["feed_title"] in feed


def test_the_comment_pages_are_never_cached_under_a_language_prefix(
    client, settings, translated, language
):
    settings.PAGE_CACHE_SECONDS = 300
    reader = Reader(client, translated)
    html = client.get(translated.url).content.decode()
    assert comment_form(html).attrs["action"] == f"/{language}/comments/post/"

    refused = client.get(f"/{language}/comments/confirm/not-a-token/")

    assert refused.status_code == 404
    assert "no-store" in refused["Cache-Control"]
    assert reader.send().status_code == 302
