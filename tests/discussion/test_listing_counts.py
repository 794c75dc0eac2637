"""Post cards show the number of approved comments, counted in the listing's own query."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from discussion.models import Comment
from tests.discussion.conftest import add_comment
from tests.factories import make_post


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_cards_count_approved_comments_only(client, blog):
    busy = make_post(blog, "Busy post", days_ago=1)
    quiet = make_post(blog, "Quiet post", days_ago=2)
    for n in range(2):
        add_comment(busy, f"Approved {n}.")
    add_comment(busy, "Pending.", status=Comment.Status.PENDING)
    add_comment(busy, "Spam.", status=Comment.Status.SPAM)
    add_comment(quiet, "Rejected.", status=Comment.Status.REJECTED)

    html = client.get("/blog/").content.decode()
    assert f'<a href="{busy.url}#comments">2 comments</a>' in html
    assert f"{quiet.url}#comments" not in html

    add_comment(quiet, "One approved.")
    html = client.get("/blog/").content.decode()
    assert f'<a href="{quiet.url}#comments">1 comment</a>' in html


def test_counting_costs_no_query_per_post(client, blog):
    posts = [make_post(blog, days_ago=n + 1) for n in range(3)]
    client.get("/blog/")  # warm the per-process caches
    before, _ = queries(client, "/blog/")
    for post in posts:
        for n in range(3):
            add_comment(post, f"Comment {n}.")
    more_posts = [make_post(blog, days_ago=n + 10) for n in range(5)]
    add_comment(more_posts[0], "Another.")
    client.get("/blog/")  # a published comment made the site and menu caches refill
    after, html = queries(client, "/blog/")
    assert after == before
    assert html.count("3 comments") == 3


def test_home_and_theme_pages_show_counts_too(client, blog, home):
    post = make_post(blog, "Home post", days_ago=1)
    add_comment(post, "Approved.")
    assert "1 comment</a>" in client.get(home.url).content.decode()
