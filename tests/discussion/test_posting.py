"""A reader posts a comment: stored at once as pending, shown once approved, threaded."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from discussion.actions import set_status
from discussion.models import Comment
from tests.discussion.conftest import add_comment, comment_form
from tests.factories import make_post


def test_post_page_offers_the_form_the_load_test_relies_on(reader):
    form = reader.form()
    assert form.attrs["method"] == "post"
    assert form.attrs["action"] == "/comments/post/"
    hidden = {"csrfmiddlewaretoken", "content_type", "object_pk", "timestamp", "security_hash"}
    assert hidden | {"honeypot", "reply_to", "name", "email", "url", "comment"} <= set(form.values)
    page = reader.client.get(reader.post.url).content.decode()
    assert 'name="followup"' in page
    assert '<label for="id_email">Email</label>' in page


def test_a_new_comment_is_stored_pending_and_the_reader_is_told(reader, post):
    response = reader.send(comment="First thoughts\non city diplomacy.")

    assert response.status_code in (302, 303)
    assert response["Location"] == post.url + "#comments"
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert (comment.is_public, comment.is_removed) == (False, False)
    assert comment.email_confirmed_at is None
    assert comment.ip_address == "10.1.1.1"
    assert comment.content_object == post

    page = reader.client.get(response["Location"]).content.decode()
    assert "awaiting moderation" in page
    assert "First thoughts" not in page  # not public until approved


def test_an_approved_comment_appears_with_an_anchor(reader, post):
    reader.send(comment="Worth reading.")
    comment = Comment.objects.get()
    set_status(Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED)

    page = reader.client.get(post.url).content.decode()
    assert f'id="c{comment.pk}"' in page
    assert "Worth reading." in page
    assert "Rosa Reader" in page
    assert "rosa@example.org" not in page


def test_a_double_submit_stores_one_comment(reader):
    form = reader.form()
    data = {**form.values, "name": "Rosa", "email": "rosa@example.org", "comment": "Once."}
    first = reader.client.post(form.attrs["action"], data)
    second = reader.client.post(form.attrs["action"], data)
    assert first.status_code == second.status_code == 302
    assert Comment.objects.count() == 1


def test_replies_are_threaded_and_indented(reader, post):
    root = add_comment(post, "The root comment.")
    page = reader.client.get(post.url).content.decode()
    assert f'href="?reply_to={root.pk}#comment-form"' in page

    response = reader.send(path=f"{post.url}?reply_to={root.pk}", comment="A reply.")
    assert response.status_code == 302
    reply = Comment.objects.get(comment="A reply.")
    assert (reply.parent_id, reply.thread_id, reply.level) == (root.pk, root.thread_id, 1)
    assert reply.status == Comment.Status.PENDING

    set_status(Comment.objects.filter(pk=reply.pk), Comment.Status.APPROVED)
    page = reader.client.get(post.url).content.decode()
    assert re.search(rf'class="comment comment--level-1" id="c{reply.pk}"', page)
    assert page.index(f'id="c{root.pk}"') < page.index(f'id="c{reply.pk}"')


def test_newest_thread_comes_last(reader, post):
    older = add_comment(post, "Older thread.")
    newer = add_comment(post, "Newer thread.")
    add_comment(post, "Reply to the older.", parent_id=older.pk)
    page = reader.client.get(post.url).content.decode()
    assert page.index("Older thread.") < page.index("Reply to the older.")
    assert page.index("Reply to the older.") < page.index("Newer thread.")
    assert newer.thread_id > older.thread_id


def test_no_reply_below_the_depth_limit(reader, post, settings):
    parent = add_comment(post, "Level 0.")
    for level in range(1, settings.COMMENTS_XTD_MAX_THREAD_LEVEL + 1):
        parent = add_comment(post, f"Level {level}.", parent_id=parent.pk)
    assert parent.level == settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    page = reader.client.get(post.url).content.decode()
    assert f"?reply_to={parent.pk}#" not in page

    form = reader.form()
    data = {**form.values, "name": "R", "email": "r@example.org", "comment": "Too deep."}
    response = reader.client.post("/comments/post/", {**data, "reply_to": parent.pk})
    assert response.status_code == 400
    assert "cannot take replies" in response.content.decode()
    assert "Too deep." in response.content.decode()  # kept in the form


def test_no_reply_to_a_comment_awaiting_moderation(reader, post):
    pending = add_comment(post, "Not yet approved.", status=Comment.Status.PENDING)
    form = reader.form()
    data = {**form.values, "name": "R", "email": "r@example.org", "comment": "Hi."}
    response = reader.client.post("/comments/post/", {**data, "reply_to": pending.pk})
    assert response.status_code == 400
    assert not Comment.objects.filter(comment="Hi.").exists()


def test_a_reply_whose_parent_is_rejected_is_hidden_with_it(reader, post):
    root = add_comment(post, "Will be rejected.")
    add_comment(post, "Innocent reply.", parent_id=root.pk)
    set_status(Comment.objects.filter(pk=root.pk), Comment.Status.REJECTED)
    page = reader.client.get(post.url).content.decode()
    assert "Will be rejected." not in page
    assert "Innocent reply." not in page


def test_a_moderator_signed_in_is_published_at_once(client, post):
    user = User.objects.create_user("mod", "mod@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="change_comment", content_type__app_label="discussion")
    )
    client.force_login(user)
    form = comment_form(client.get(post.url).content.decode())
    response = client.post(form.attrs["action"], {**form.values, "comment": "From the desk."})
    comment = Comment.objects.get()
    assert response["Location"] == f"{post.url}#c{comment.pk}"
    assert comment.status == Comment.Status.APPROVED and comment.is_public
    assert comment.user_name == "mod" and comment.email_confirmed_at is not None
    assert "From the desk." in client.get(post.url).content.decode()


def test_a_signed_in_reader_without_the_permission_is_held(client, post):
    client.force_login(User.objects.create_user("reader", "reader@example.org", "pw"))
    form = comment_form(client.get(post.url).content.decode())
    client.post(form.attrs["action"], {**form.values, "comment": "Hello."})
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_a_signed_in_reader_with_an_approved_comment_is_published_at_once(client, post):
    add_comment(post, "Confirmed and approved earlier.", email="Reader@example.org")
    client.force_login(User.objects.create_user("reader", "reader@example.org", "pw"))
    form = comment_form(client.get(post.url).content.decode())
    client.post(form.attrs["action"], {**form.values, "comment": "Trusted again."})
    comment = Comment.objects.get(comment="Trusted again.")
    assert comment.status == Comment.Status.APPROVED and comment.is_public


def test_a_signed_in_reader_typing_another_address_is_held(client, post):
    add_comment(post, "Someone else's approved comment.", email="other@example.org")
    client.force_login(User.objects.create_user("reader", "reader@example.org", "pw"))
    form = comment_form(client.get(post.url).content.decode())
    data = {**form.values, "email": "other@example.org", "comment": "Not mine to claim."}
    client.post(form.attrs["action"], data)
    assert Comment.objects.get(comment="Not mine to claim.").status == Comment.Status.PENDING


def test_editors_and_moderators_groups_may_moderate(db):
    from django.contrib.auth.models import Group

    for name in ("Editors", "Moderators"):
        codenames = set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="discussion")
            .values_list("codename", flat=True)
        )
        assert codenames == {"change_comment", "delete_comment"}


# Closing ---------------------------------------------------------------------------------


def assert_closed(reader, post):
    page = reader.client.get(post.url).content.decode()
    assert "Comments are closed" in page
    assert 'id="comment-form"' not in page


def test_editors_can_close_comments_on_a_post(reader, post):
    form = reader.form()  # opened while comments were open
    post.comments_enabled = False
    post.save()
    assert_closed(reader, post)
    data = {**form.values, "name": "R", "email": "r@example.org", "comment": "Late words."}
    response = reader.client.post("/comments/post/", data)
    assert response.status_code == 400
    assert "Comments are closed on this post." in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(("days", "is_open"), [(29, True), (30, False), (45, False)])
def test_comments_close_some_days_after_first_publication(blog, client, days, is_open):
    first_published = timezone.now() - timedelta(days=days, minutes=1)
    post = make_post(blog, date=first_published)
    page = client.get(post.url).content.decode()
    assert ('id="comment-form"' in page) is is_open
    assert ("Comments are closed" in page) is not is_open


def test_the_closing_delay_is_a_setting(blog, client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 90
    post = make_post(blog, days_ago=45)
    assert 'id="comment-form"' in client.get(post.url).content.decode()


def test_existing_comments_stay_visible_after_closing(reader, post):
    add_comment(post, "Said while open.")
    post.comments_enabled = False
    post.save()
    page = reader.client.get(post.url).content.decode()
    assert "Said while open." in page and "Comments are closed" in page


def test_a_post_that_is_not_published_takes_no_comment(reader, post, blog):
    form = reader.form()
    draft = make_post(blog, live=False)
    data = {**form.values, "object_pk": draft.pk, "name": "R", "email": "r@x.org", "comment": "?"}
    response = reader.client.post("/comments/post/", data)
    assert response.status_code == 400
    assert not Comment.objects.exists()
