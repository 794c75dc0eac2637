"""Editors may work in the admin in French or Spanish: Wagtail's words and ours."""

import json

import pytest
from wagtail.users.models import UserProfile


@pytest.mark.parametrize(
    "language, wagtails, ours",
    [
        ("fr", "Tableau de bord", "Thèmes et personnes"),
        ("es", "Panel de control", "Temas y personas"),
        ("en", "Dashboard", "Themes & people"),
    ],
)
def test_the_admin_speaks_the_editors_chosen_language(
    admin_client, admin_user, site_tree, language, wagtails, ours
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    page = admin_client.get("/admin/").content.decode()
    assert f'lang="{language}"' in page
    assert wagtails in page
    # The menu is JSON for the sidebar script: "Th\u00e8mes", "\u0026".
    assert json.dumps(ours)[1:-1] in page.replace("\\u0026", "&")


def test_the_admin_offers_the_three_languages(admin_client):
    form = admin_client.get("/admin/account/").content.decode()
    for name in ["English", "français", "español"]:
        assert name.lower() in form.lower()
