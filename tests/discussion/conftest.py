"""A post that takes comments, and a reader who fills in its comment form."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from discussion.models import Comment
from tests.comment_forms import comment_form
from tests.factories import make_person, make_post


@pytest.fixture
def author():
    return make_person("Ada Author", email="ada.author@example.org")


@pytest.fixture
def post(blog, author):
    return make_post(blog, "Who speaks for the city", days_ago=1, authors=[author])


@pytest.fixture
def editor(db):
    user = User.objects.create_user("eddie", "eddie@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


class Reader:
    """Opens the post, fills the comment form as a browser would, and sends it."""

    def __init__(self, client, post):
        self.client = client
        self.post = post

    def form(self, path=None):
        response = self.client.get(path or self.post.url)
        assert response.status_code == 200
        return comment_form(response.content.decode())

    def send(self, path=None, ip="10.1.1.1", **fields):
        form = self.form(path)
        data = {
            **form.values,
            "name": "Rosa Reader",
            "email": "rosa@example.org",
            "comment": "Mayors should listen more.",
            **fields,
        }
        return self.client.post(form.attrs["action"], data, REMOTE_ADDR=ip)


@pytest.fixture
def reader(client, post):
    return Reader(client, post)


def add_comment(post, text="An earlier comment.", email="old@example.org", **fields):
    """A comment stored directly (approved and confirmed unless told otherwise)."""
    fields.setdefault("status", Comment.Status.APPROVED)
    fields.setdefault("email_confirmed_at", timezone.now() - timedelta(days=3))
    comment = Comment(
        content_object=post,
        site_id=1,
        user_name=fields.pop("name", "Olga Older"),
        user_email=email,
        comment=text,
        **fields,
    )
    comment.save()
    return comment
