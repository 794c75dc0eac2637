"""The moderation queue in the Wagtail admin: listing, filters, single and bulk actions,
permissions, and the pending count in the menu."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from discussion.models import Comment
from tests.discussion.conftest import add_comment
from tests.factories import make_post

QUEUE = "/admin/snippets/discussion/comment/"


@pytest.fixture
def editor_client(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def csrf_token(client, path=QUEUE):
    html = client.get(path).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.fixture
def comments(post):
    pending = add_comment(post, "Pending words.", name="Pam", status=Comment.Status.PENDING)
    approved = add_comment(post, "Approved words.", name="Abe")
    spam = add_comment(post, "Spam words.", name="Sam", status=Comment.Status.SPAM)
    return {"pending": pending, "approved": approved, "spam": spam}


def test_the_queue_opens_on_pending_comments(editor_client, comments, post):
    response = editor_client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pending words." in html
    assert "Approved words." not in html and "Spam words." not in html
    assert post.title in html  # the post column
    assert "Awaiting moderation" in html


def test_filters_by_status_and_post(editor_client, comments, blog):
    other = make_post(blog, "Another post")
    add_comment(other, "On the other post.", status=Comment.Status.PENDING)

    html = editor_client.get(QUEUE + "?status=approved").content.decode()
    assert "Approved words." in html and "Pending words." not in html
    html = editor_client.get(QUEUE + "?status=all").content.decode()
    assert "Approved words." in html and "Spam words." in html and "On the other post." in html
    html = editor_client.get(QUEUE + f"?status=all&post={other.pk}").content.decode()
    assert "On the other post." in html and "Approved words." not in html


def test_the_listing_does_not_grow_queries_with_comments(editor_client, post):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(QUEUE).status_code == 200
        return len(captured)

    add_comment(post, "One.", status=Comment.Status.PENDING)
    count()  # warm the per-process caches
    few = count()
    for n in range(10):
        add_comment(post, f"More {n}.", status=Comment.Status.PENDING)
    assert count() == few


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve", Comment.Status.APPROVED),
        ("reject", Comment.Status.REJECTED),
        ("spam", Comment.Status.SPAM),
    ],
)
def test_single_actions_change_the_status(editor_client, comments, action, status):
    pending = comments["pending"]
    url = f"{QUEUE}moderate/{pending.pk}/{action}/"
    response = editor_client.post(url, {"csrfmiddlewaretoken": csrf_token(editor_client)})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == status
    assert pending.is_public is (status == Comment.Status.APPROVED)
    assert pending.is_removed is (status != Comment.Status.APPROVED)


@pytest.mark.parametrize("path", ["", "results/"])  # results/: the filters' AJAX refresh
def test_actions_return_to_the_filtered_listing(editor_client, comments, post, path):
    html = editor_client.get(f"{QUEUE}{path}?status=all&post={post.pk}").content.decode()
    nexts = set(re.findall(r'name="next" value="([^"]+)"', html))
    assert nexts == {f"{QUEUE}?status=all&amp;post={post.pk}"}

    url = f"{QUEUE}moderate/{comments['pending'].pk}/approve/"
    data = {"csrfmiddlewaretoken": csrf_token(editor_client), "next": nexts.pop()}
    data["next"] = data["next"].replace("&amp;", "&")
    response = editor_client.post(url, data)
    assert response["Location"] == f"{QUEUE}?status=all&post={post.pk}"


def test_delete_action_removes_the_comment(editor_client, comments):
    url = f"{QUEUE}moderate/{comments['spam'].pk}/delete/"
    editor_client.post(url, {"csrfmiddlewaretoken": csrf_token(editor_client)})
    assert not Comment.objects.filter(pk=comments["spam"].pk).exists()


def test_actions_need_post_and_csrf(editor_client, comments):
    url = f"{QUEUE}moderate/{comments['pending'].pk}/approve/"
    assert editor_client.get(url).status_code == 405
    assert editor_client.post(url).status_code == 403  # no CSRF token
    comments["pending"].refresh_from_db()
    assert comments["pending"].status == Comment.Status.PENDING


def test_actions_need_the_permission(comments):
    staff = User.objects.create_user("staff", "s@example.org", "pw", is_staff=True)
    staff.groups.add(Group.objects.create(name="Readers only"))
    client = Client()
    client.force_login(staff)
    url = f"{QUEUE}moderate/{comments['pending'].pk}/approve/"
    assert client.post(url).status_code in (302, 403)  # no admin access, or refused
    comments["pending"].refresh_from_db()
    assert comments["pending"].status == Comment.Status.PENDING


def test_approving_in_the_admin_publishes_and_tells_followers(
    smtp, editor_client, post, django_capture_on_commit_callbacks
):
    add_comment(post, "I follow.", email="fay@example.org", followup=True)
    pending = add_comment(post, "Held.", email="x@example.org", status=Comment.Status.PENDING)
    token = csrf_token(editor_client)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{QUEUE}moderate/{pending.pk}/approve/", {"csrfmiddlewaretoken": token})
    assert "Held." in Client().get(post.url).content.decode()
    assert len(smtp.to("fay@example.org")) == 1


def test_bulk_actions(editor_client, post, smtp, django_capture_on_commit_callbacks):
    held = [
        add_comment(post, f"Held {n}.", email=f"h{n}@example.org", status="pending")
        for n in range(3)
    ]
    html = editor_client.get(QUEUE).content.decode()
    for action in ("approve", "reject", "spam"):
        assert f'href="/admin/bulk/discussion/comment/{action}/"' in html

    url = "/admin/bulk/discussion/comment/approve/?" + "&".join(f"id={c.pk}" for c in held[:2])
    confirm = editor_client.get(url)
    assert confirm.status_code == 200 and "Held 0." in confirm.content.decode()
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm.content.decode()
    ).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    statuses = [Comment.objects.get(pk=c.pk).status for c in held]
    assert statuses == ["approved", "approved", "pending"]

    url = f"/admin/bulk/discussion/comment/spam/?id={held[2].pk}"
    editor_client.post(url, {"csrfmiddlewaretoken": token})
    assert Comment.objects.get(pk=held[2].pk).status == "spam"


def test_the_menu_counts_pending_comments_in_one_query(editor_client, comments, post):
    add_comment(post, "Another.", status=Comment.Status.PENDING)
    html = editor_client.get("/admin/").content.decode()
    assert "Comments (2)" in html
    with CaptureQueriesContext(connection) as captured:
        editor_client.get("/admin/")
    counts = [q["sql"] for q in captured if "discussion_comment" in q["sql"]]
    assert len(counts) == 1 and "COUNT(" in counts[0].upper()


def test_no_add_button(editor_client, comments):
    assert editor_client.get(QUEUE + "new/").status_code == 404
    assert (
        'href="/admin/snippets/discussion/comment/new/"'
        not in editor_client.get(QUEUE).content.decode()
    )


def test_editing_a_comment_keeps_its_replies_moderated(editor_client, post):
    root = add_comment(post, "Root with a typo.")
    reply = add_comment(post, "Held reply.", parent_id=root.pk, status=Comment.Status.PENDING)
    edit_url = f"{QUEUE}edit/{root.pk}/"
    token = csrf_token(editor_client, edit_url)
    data = {
        "csrfmiddlewaretoken": token,
        "user_name": "Olga Older",
        "user_url": "",
        "comment": "Root without a typo.",
    }
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    root.refresh_from_db()
    reply.refresh_from_db()
    assert root.comment == "Root without a typo." and root.status == Comment.Status.APPROVED
    assert root.is_public
    # xtd's save handler would have published the held reply along with its parent.
    assert reply.status == Comment.Status.PENDING and not reply.is_public


def test_the_library_posting_views_are_not_exposed():
    from django.urls import NoReverseMatch, reverse

    for name in ("comments-post-comment", "comments-xtd-confirm", "comments-xtd-mute"):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=["x"] if name != "comments-post-comment" else [])
