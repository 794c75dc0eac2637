"""The Contributors group in the Wagtail admin: drafts and submits posts, never publishes,
and touches nobody else's pages."""

import pytest
from django.urls import reverse
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogIndexPage, BlogPage
from tests.factories import make_post, make_project, make_project_index

from .conftest import PDF, form_data, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributor(guest_review, django_user_model):
    user = django_user_model.objects.create_user(
        "contributor", "writer@example.org", "contributor-password"
    )
    user.groups.add(guest_review)
    return user


@pytest.fixture
def admin_client(client, contributor):
    assert client.login(username="contributor", password="contributor-password")
    return client


def post_form(title, action=None, **fields):
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": "2026-01-15 10:00",
            "excerpt": "A contributor's draft.",
            "body": streamfield([("paragraph", rich_text("<p>Words about cities.</p>"))]),
            "author_links": inline_formset([]),
            "comments": inline_formset([]),
            "themes": "",
            "tags": "",
            "comments_enabled": "on",
            **fields,
        }
    )
    if action:
        data[action] = action
    return data


def create(client, blog, title, action=None):
    url = reverse("wagtailadmin_pages:add", args=("blog", "blogpage", blog.pk))
    return client.post(url, post_form(title, action))


def test_a_new_blog_is_opened_to_contributors_editors_and_guest_post_review(guest_review, home):
    blog = home.add_child(instance=BlogIndexPage(title="Second blog", slug="second"))
    assert blog.get_workflow().name == "Guest post review"
    permissions = GroupPagePermission.objects.filter(page=blog)
    assert set(permissions.values_list("group__name", "permission__codename")) == {
        ("Contributors", "add_page"),
        ("Editors", "publish_page"),
    }


def test_a_contributor_drafts_a_post_without_any_way_to_publish_it(
    admin_client, guest_blog, contributor
):
    form = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("blog", "blogpage", guest_blog.pk))
    )
    assert form.status_code == 200
    assert 'name="action-publish"' not in form.content.decode()
    assert 'name="action-submit"' in form.content.decode()

    response = create(admin_client, guest_blog, "My draft")
    assert response.status_code == 302
    post = BlogPage.objects.get(title="My draft")
    assert post.owner == contributor and not post.live

    assert not post.permissions_for_user(contributor).can_publish()
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(post.pk,)))
    assert edit.status_code == 200
    assert 'name="action-publish"' not in edit.content.decode()


def test_a_forced_publish_only_saves_a_draft(admin_client, guest_blog):
    create(admin_client, guest_blog, "Forced", action="action-publish")
    post = BlogPage.objects.get(title="Forced")
    assert not post.live and post.live_revision is None

    url = reverse("wagtailadmin_pages:edit", args=(post.pk,))
    admin_client.post(url, post_form("Forced again", "action-publish", slug=post.slug))
    post.refresh_from_db()
    assert not post.live and post.live_revision is None
    assert BlogPage.objects.live().count() == 0


def test_a_contributor_submits_a_draft_to_guest_post_review(admin_client, guest_blog, contributor):
    create(admin_client, guest_blog, "For review", action="action-submit")
    post = BlogPage.objects.get(title="For review")
    state = post.current_workflow_state
    assert state is not None and state.workflow.name == "Guest post review"
    assert state.requested_by == contributor
    assert not post.live


def test_a_contributor_cannot_edit_someone_elses_post(admin_client, guest_blog, django_user_model):
    other = django_user_model.objects.create_user("other", "other@example.org", "x")
    post = make_post(guest_blog, "Not yours", live=False, owner=other)
    staff_post = make_post(guest_blog, "Staff post")
    for page in (post, staff_post):
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        assert admin_client.get(url).status_code == 302  # turned away to the dashboard
        admin_client.post(url, post_form("Hijacked", "action-submit", slug=page.slug))
        page.refresh_from_db()
        assert page.title != "Hijacked" and page.current_workflow_state is None
    blog_edit = reverse("wagtailadmin_pages:edit", args=(guest_blog.pk,))
    assert admin_client.get(blog_edit).status_code == 302


def test_a_contributor_cannot_add_or_edit_project_pages(admin_client, home, contributor):
    index = make_project_index(home)
    project = make_project(index, "A project")
    add = reverse("wagtailadmin_pages:add", args=("projects", "projectpage", index.pk))
    assert admin_client.get(add).status_code == 302
    assert admin_client.post(add, {"title": "Mine"}).status_code == 302
    assert not Page.objects.filter(title="Mine").exists()
    edit = reverse("wagtailadmin_pages:edit", args=(project.pk,))
    assert admin_client.get(edit).status_code == 302
    assert not project.permissions_for_user(contributor).can_edit()


def test_a_contributor_chooses_files_only_from_the_contributors_collection(
    admin_client, guest_blog
):
    data = form_data(title="Guest post with files")
    data["header_image"] = upload("photo.png", png_bytes(), "image/png")
    data["document"] = upload("report.pdf", PDF, "application/pdf")
    assert admin_client.post("/contribute/", data).status_code == 302
    own_collection = Collection.objects.get(name="Contributors", depth=2)
    for model, filename, content, chooser in (
        (get_image_model(), "mine.png", png_bytes(), "wagtailimages_chooser:choose"),
        (get_document_model(), "mine.pdf", PDF, "wagtaildocs_chooser:choose"),
    ):
        own = model.objects.create(
            title=f"Contributed {filename}",
            collection=own_collection,
            file=upload(filename, content),
        )
        listing = admin_client.get(reverse(chooser)).json()["html"]
        assert own.title in listing and "Guest post with files" not in listing
