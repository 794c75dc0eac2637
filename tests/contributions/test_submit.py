"""The public form: a stranger's post becomes a draft in the guest post workflow."""

import pytest
from wagtail.models import Collection

from blog.models import BlogPage
from community.models import BlockedTerm
from contributions.models import GuestSubmission
from tests.factories import make_city, make_organisation

from .conftest import GUEST_EMAIL, PDF, form_data, make_guest_submission, png_bytes, upload

pytestmark = pytest.mark.django_db


def test_the_form_page_explains_limits_and_protects_itself(client, guest_blog, theme):
    response = client.get("/contribute/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    assert "5.0\xa0MB" in html and "25 megapixels" in html and "10.0\xa0MB" in html
    assert 'class="hp" aria-hidden="true"' in html
    assert theme.name in html
    assert 'href="/contribute/"' in html  # the footer link


def test_the_form_refuses_a_post_without_a_csrf_token(guest_blog):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/contribute/", form_data())
    assert response.status_code == 403
    assert not GuestSubmission.objects.exists()


def test_a_submission_becomes_a_draft_by_a_guest_author_in_review(
    client, guest_blog, theme, smtp, django_capture_on_commit_callbacks
):
    bristol = make_city("Bristol")
    university = make_organisation("University of Somewhere")
    data = form_data(themes=[theme.pk])
    data["header_image"] = upload("photo.png", png_bytes(), "image/png")
    data["document"] = upload("report.pdf", PDF, "application/pdf")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contribute/", data)

    assert response.status_code == 302
    assert response["Location"] == "/contribute/thanks/"
    post = BlogPage.objects.get(title="How cities speak abroad")
    assert post.get_parent().pk == guest_blog.pk
    assert not post.live and post.owner is None and post.comments_enabled
    assert post.has_unpublished_changes
    assert post.excerpt == "City diplomacy, from twinning to networks."
    [author] = post.authors
    assert author.is_guest and author.email == GUEST_EMAIL
    assert author.role == "University of Somewhere, Bristol"
    assert author.organisation == university
    assert list(post.themes.all()) == [theme]
    assert list(post.cities.all()) == [bristol]
    assert [block.block_type for block in post.body] == [
        "paragraph",
        "heading",
        "paragraph",
        "document",
    ]
    guest_collection = Collection.objects.get(name="Guest submissions")
    assert post.header_image.collection == guest_collection
    assert post.header_image.width == 32
    assert post.body[-1].value["document"].collection == guest_collection
    assert post.body[-1].value["document"].file.read().startswith(b"%PDF-")

    state = post.current_workflow_state
    assert state.workflow.name == "Guest post review"
    assert state.current_task_state.task.name == "Editors approval"
    assert state.requested_by is None

    submission = GuestSubmission.objects.get()
    assert submission.page_id == post.pk
    assert submission.outcome == GuestSubmission.Outcome.PENDING
    assert submission.consent_at is not None

    [receipt] = smtp.to(GUEST_EMAIL)
    assert "How cities speak abroad" in receipt["Subject"]
    assert "What happens next" in receipt.get_body(("plain",)).get_content()

    thanks = client.get(response["Location"])
    assert "your post is with our editors" in thanks.content.decode()


def test_a_repeat_guest_keeps_one_profile_but_a_staff_email_is_never_borrowed(client, guest_blog):
    from tests.factories import make_person

    staff = make_person("Ada Lovelace", email=GUEST_EMAIL)
    make_guest_submission(client)
    make_guest_submission(client, title="A second post")
    first, second = (submission.page.authors[0] for submission in GuestSubmission.objects.all())
    assert first == second
    assert first != staff and first.is_guest and not staff.is_guest


@pytest.mark.parametrize("missing", ["name", "email", "title", "excerpt", "body", "consent"])
def test_a_missing_field_is_named_and_everything_typed_is_kept(client, guest_blog, missing):
    response = make_guest_submission(client, **{missing: None})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html
    assert f'href="#id_{missing}"' in html
    assert f'id="id_{missing}_error"' in html
    assert 'aria-invalid="true"' in html
    if missing != "title":
        assert 'value="How cities speak abroad"' in html
    if missing != "body":
        assert "- Twinning agreements" in html
    assert not BlogPage.objects.exists()


def test_a_too_short_body_is_refused(client, guest_blog):
    response = make_guest_submission(client, body="Too short.")
    assert response.status_code == 400
    assert "at least 200 characters" in response.content.decode()


def test_the_honeypot_refuses_a_bot(client, guest_blog):
    response = make_guest_submission(client, website="http://spam.example")
    assert response.status_code == 400
    assert "looks automated" in response.content.decode()
    assert not GuestSubmission.objects.exists()


def test_blocked_words_are_refused_with_the_word_named(client, guest_blog):
    BlockedTerm.objects.create(kind=BlockedTerm.Kind.DOMAIN, value="casino.example")
    response = make_guest_submission(client, body=form_data()["body"] + " https://casino.example/")
    html = response.content.decode()
    assert response.status_code == 400
    assert "casino.example" in html and "does not accept" in html
    assert not GuestSubmission.objects.exists()


def test_without_a_blog_the_form_is_not_found(client, db):
    assert client.get("/contribute/").status_code == 404


def test_posts_go_to_the_blog_named_in_settings(client, guest_blog, home, settings):
    from blog.models import BlogIndexPage

    other = home.add_child(instance=BlogIndexPage(title="Essays", slug="essays"))
    settings.GUEST_POST_BLOG_SLUG = "essays"
    assert make_guest_submission(client).status_code == 302
    assert BlogPage.objects.get().get_parent().pk == other.pk
