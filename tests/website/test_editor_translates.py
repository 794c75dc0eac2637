"""An editor translates a post in the admin with wagtail-localize, through real HTTP: submit
it for translation, translate its title in the translation editor, publish, read it."""

from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from tests.factories import make_post, translate_page


def test_an_editor_submits_translates_and_publishes_a_post_in_french(
    admin_client, client, blog, django_capture_on_commit_callbacks
):
    translate_page(blog, "fr", title="Blog de débat")
    post = make_post(blog, "Cities at the climate table", days_ago=1, slug="climate-table")
    post.save_revision().publish()
    french = Locale.objects.get(language_code="fr")

    submitted = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[post.pk]),
        {"locales": [french.pk]},
    )
    assert submitted.status_code == 302
    translation = Translation.objects.get(
        source__object_id=post.translation_key, target_locale=french
    )
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    edited = admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk]),
        "value=Les villes à la table du climat",
        content_type="application/x-www-form-urlencoded",
    )
    assert edited.status_code == 201

    draft = post.get_translation(french)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        published = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"}
        )
    assert published.status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.title == "Les villes à la table du climat"
    response = client.get(draft.url)
    assert response.status_code == 200
    assert "<h1>Les villes à la table du climat</h1>" in response.content.decode()
