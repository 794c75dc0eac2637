"""A stranger's post goes through the editors' review in the Wagtail admin, end to end:
the form, Wagtail's workflow action views, the emails over SMTP and the public page."""

import pytest
from django.urls import reverse

from blog.models import BlogPage
from contributions.models import GuestSubmission
from tests.smtp import html_of, text_of

from .conftest import GUEST_EMAIL, PDF, form_data, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, guest_blog, editor, smtp, django_capture_on_commit_callbacks):
    """A guest post sent through the form, with a real image and PDF: (post, submission)."""
    data = form_data(title="Mayors <em>abroad</em>")
    data["header_image"] = upload("photo.png", png_bytes(), "image/png")
    data["document"] = upload("report.pdf", PDF, "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contribute/", data)
    assert response.status_code == 302
    submission = GuestSubmission.objects.get()
    return BlogPage.objects.get(pk=submission.page_id), submission


def document_of(post):
    [document] = [block.value["document"] for block in post.body if block.block_type == "document"]
    return document


def downloaded(client, document):
    """The document's bytes as Wagtail serves them, or None when the reader is sent away."""
    response = client.get(document.url)
    if response.status_code == 302:
        assert "next=" in response["Location"]  # to log in
        return None
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def act(client, editor, post, action, comment, capture):
    """The editor logs in and takes ``action`` on the post's task from the admin."""
    assert client.login(username=editor.username, password="editor-password")
    task_state = post.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(post.pk, action, task_state.pk))
    with capture(execute=True):
        response = client.post(url, {"comment": comment})
    assert response.status_code == 302
    post.refresh_from_db()
    return response


def test_editors_are_told_and_see_the_post_awaiting_their_review(client, submitted, editor, smtp):
    post, _ = submitted
    notices = smtp.to(editor.email)
    assert notices and "Mayors <em>abroad</em>" in notices[0]["Subject"]

    client.login(username=editor.username, password="editor-password")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard
    assert "Mayors &lt;em&gt;abroad&lt;/em&gt;" in dashboard
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=(post.pk,)))
    assert editor_page.status_code == 200
    assert "Approve" in editor_page.content.decode()


def test_approval_publishes_the_post_and_tells_the_guest_where_it_is(
    client, submitted, editor, smtp, django_capture_on_commit_callbacks
):
    post, submission = submitted
    smtp.clear()

    act(client, editor, post, "approve", "", django_capture_on_commit_callbacks)

    assert post.live and not post.has_unpublished_changes
    submission.refresh_from_db()
    assert submission.outcome == GuestSubmission.Outcome.PUBLISHED
    assert submission.decided_at is not None
    [email] = smtp.to(GUEST_EMAIL)
    assert "is published" in email["Subject"]
    assert post.full_url in text_of(email) and post.full_url in html_of(email)

    client.logout()
    assert downloaded(client, document_of(post)) == PDF
    assert post.header_image.collection.is_root()
    page = client.get(post.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert '<span class="post__guest">Guest post</span>' in html
    assert "Ada Lovelace" in html and "University of Somewhere, Bristol" in html
    assert "Mayors &lt;em&gt;abroad&lt;/em&gt;" in html and "<em>abroad" not in html
    assert 'class="post__hero-img"' in html
    assert 'class="doc-card"' in html
    assert 'rel="nofollow ugc noopener"' in html

    # Later edits and publications are not news to the guest.
    post.save_revision().publish()
    assert len(smtp.to(GUEST_EMAIL)) == 1


def test_rejection_keeps_the_post_unpublished_and_quotes_the_editor(
    client, submitted, editor, smtp, django_capture_on_commit_callbacks
):
    post, submission = submitted
    smtp.clear()
    comment = "Please cite your sources for the figures & shorten <the> second half."

    act(client, editor, post, "reject", comment, django_capture_on_commit_callbacks)

    assert not post.live
    assert post.current_workflow_state.status == "needs_changes"
    submission.refresh_from_db()
    assert submission.outcome == GuestSubmission.Outcome.REJECTED
    assert submission.editor_comment == comment
    [email] = smtp.to(GUEST_EMAIL)
    assert "About your post" in email["Subject"]
    assert comment in text_of(email)
    assert "figures &amp; shorten &lt;the&gt; second half" in html_of(email)
    assert "http://testserver/contribute/" in text_of(email)

    client.logout()
    assert client.get(f"/blog/{post.slug}/").status_code == 404
    assert downloaded(client, document_of(post)) is None


def test_guest_files_await_review_where_only_reviewers_see_them(client, submitted, editor):
    post, _ = submitted
    document = document_of(post)
    assert post.header_image.collection == document.collection
    assert document.collection.name == "Guest submissions"
    assert downloaded(client, document) is None
    client.login(username=editor.username, password="editor-password")
    assert downloaded(client, document) == PDF


def test_a_post_that_nobody_submitted_as_a_guest_sends_no_guest_email(
    guest_blog, smtp, django_capture_on_commit_callbacks
):
    from tests.factories import make_post

    post = make_post(guest_blog, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    assert smtp.messages == []


def test_editors_list_guest_submissions_read_only(client, submitted, editor, guest_review):
    post, submission = submitted
    client.login(username=editor.username, password="editor-password")
    listing = client.get("/admin/guest-submissions/")
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "Mayors &lt;em&gt;abroad&lt;/em&gt;" in html and "Awaiting review" in html
    assert f"/admin/pages/{post.pk}/edit/" in html
    inspect = client.get(f"/admin/guest-submissions/inspect/{submission.pk}/")
    assert inspect.status_code == 200 and GUEST_EMAIL in inspect.content.decode()
    assert client.get("/admin/guest-submissions/edit/1/").status_code == 404

    contributor = type(editor).objects.create_user("writer", "w@example.org", "pw")
    contributor.groups.add(guest_review)
    client.force_login(contributor)
    assert client.get("/admin/guest-submissions/").status_code == 302
