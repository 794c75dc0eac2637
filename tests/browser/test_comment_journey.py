"""A reader comments, an editor approves it in the Wagtail admin, the reader sees it."""

from importlib import import_module

import pytest
from django.contrib.auth.models import Group, Permission, User

from discussion.models import Comment
from tests.browser.conftest import ARTIFACTS
from tests.factories import make_post, make_site, restore_permissions

# serialized_rollback: a transactional test flushes the tables, and what migrations create
# (the root page, the Editors group and its comment permissions) must come back.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COMMENT = "Twinning agreements deserve a closer look.\nhttps://example.org/twinning"


@pytest.fixture
def post():
    _, blog = make_site()
    return make_post(blog, "How cities lobby", days_ago=2)


@pytest.fixture
def editor():
    """An editor as Wagtail's and this app's migrations make one, made again where another
    transactional test's flush took the group away."""
    restore_permissions()
    group, _ = Group.objects.get_or_create(name="Editors")
    moderation = import_module("discussion.migrations.0002_moderator_permissions").CODENAMES
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="discussion", codename__in=moderation),
    )
    user = User.objects.create_user("edna", "edna@example.org", "a-long-password-1")
    user.groups.add(group)
    return user


def test_a_comment_is_held_approved_in_the_admin_and_shown(
    live_server, browser, page, screenshot, post, editor
):
    post_url = live_server.url + post.url
    page.goto(post_url)
    form = page.locator("#comment-form")
    form.get_by_label("Name", exact=True).fill("Rosa Reader")
    form.get_by_label("Email", exact=True).fill("rosa@example.org")
    form.get_by_label("Comment", exact=True).fill(COMMENT)
    screenshot("comment-form-filled")
    form.get_by_role("button", name="Post comment").click()
    page.wait_for_url(f"**{post.url}#comments")

    assert "awaiting moderation" in page.get_by_role("status").inner_text()
    assert page.locator(".comment-list").count() == 0  # not public yet
    assert Comment.objects.get().status == Comment.Status.PENDING
    screenshot("comment-awaiting-moderation")

    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.get_by_label("Username").fill("edna")
    admin.get_by_label("Password").fill("a-long-password-1")
    admin.get_by_role("button", name="Sign in").click()
    admin.wait_for_url("**/admin/")
    admin.get_by_role("link", name="Comments (1)").click()
    admin.wait_for_url("**/admin/snippets/discussion/comment/")
    row = admin.locator("tr", has_text="Rosa Reader")
    assert "Awaiting moderation" in row.inner_text()
    admin.screenshot(path=str(ARTIFACTS / "comment-queue.png"), full_page=True)
    row.get_by_role("button", name="Approve the comment by Rosa Reader").click()
    admin.wait_for_load_state()
    assert "approved" in admin.locator(".messages").inner_text()
    admin.screenshot(path=str(ARTIFACTS / "comment-approved.png"), full_page=True)
    admin.context.close()

    page.goto(post_url)
    comment = page.locator(".comment-list .comment")
    assert comment.count() == 1
    assert "Twinning agreements deserve a closer look." in comment.inner_text()
    link = comment.get_by_role("link", name="https://example.org/twinning")
    assert link.get_attribute("rel") == "nofollow ugc noopener"
    screenshot("comment-published")
