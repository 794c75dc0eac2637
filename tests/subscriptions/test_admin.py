"""The admin's read-mostly "Email subscribers" listing."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail import hooks

from subscriptions.models import Subscriber

from .conftest import make_subscriber


@pytest.fixture
def subscribers(diplomacy, housing):
    return {
        "confirmed": make_subscriber("confirmed@example.org", [diplomacy, housing], "daily"),
        "pending": make_subscriber("pending@example.org", [housing], "weekly", confirmed_at=None),
        "gone": make_subscriber(
            "gone@example.org", [diplomacy], "weekly", unsubscribed_at=timezone.now()
        ),
    }


def listed(admin_client, query=""):
    response = admin_client.get(reverse("email_subscribers:index") + query)
    assert response.status_code == 200
    html = response.content.decode()
    return {email for email in ("confirmed", "pending", "gone") if f"{email}@example.org" in html}


def test_the_listing_shows_status_themes_and_filters(admin_client, subscribers, diplomacy):
    html = admin_client.get(reverse("email_subscribers:index")).content.decode()
    for label in ("Confirmed", "Waiting for confirmation", "Unsubscribed", "Daily", "Weekly"):
        assert label in html

    assert listed(admin_client) == {"confirmed", "pending", "gone"}
    assert listed(admin_client, "?status=confirmed") == {"confirmed"}
    assert listed(admin_client, "?status=pending") == {"pending"}
    assert listed(admin_client, "?status=unsubscribed") == {"gone"}
    assert listed(admin_client, f"?themes={diplomacy.pk}") == {"confirmed", "gone"}
    assert listed(admin_client, "?frequency=weekly") == {"pending", "gone"}
    assert listed(admin_client, "?q=pending") == {"pending"}


def test_a_subscriber_can_be_inspected_and_deleted_but_not_added_or_edited(
    admin_client, subscribers
):
    reader = subscribers["confirmed"]
    inspect = admin_client.get(reverse("email_subscribers:inspect", args=[reader.pk]))
    assert inspect.status_code == 200
    assert "City diplomacy" in inspect.content.decode()
    for name in ("add", "edit"):
        with pytest.raises(NoReverseMatch):
            reverse(f"email_subscribers:{name}", args=[] if name == "add" else [reader.pk])

    admin_client.post(reverse("email_subscribers:delete", args=[reader.pk]))
    assert not Subscriber.objects.filter(pk=reader.pk).exists()


def test_groups_can_be_given_viewing_and_deleting_only(db):
    reverse("wagtailadmin_home")  # loading the admin's URLs registers its viewsets' hooks
    registered = {
        (permission.content_type.app_label, permission.codename)
        for register in hooks.get_hooks("register_permissions")
        for permission in register().select_related("content_type")
    }
    ours = {codename for app, codename in registered if app == "subscriptions"}
    assert ours == {"view_subscriber", "delete_subscriber"}
