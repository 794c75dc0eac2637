"""A stranger sends a guest post in a real browser; an editor approves it in the Wagtail
admin, and the post goes live with its guest label."""

import pytest

from blog.models import BlogPage
from tests.contributions.conftest import BODY, GUEST_EMAIL, PDF, editor, guest_review, png_bytes
from tests.factories import make_site, make_theme

__all__ = ["editor", "guest_review"]  # fixtures of the guest post tests, used here too

# serialized_rollback: see test_reader_journey.py.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_stranger_submits_and_an_editor_approves_in_the_admin(
    live_server, page, screenshot, smtp, guest_review, editor, tmp_path
):
    _, blog = make_site()
    make_theme("City diplomacy", slug="city-diplomacy")
    image, report = tmp_path / "photo.png", tmp_path / "report.pdf"
    image.write_bytes(png_bytes((640, 360)))
    report.write_bytes(PDF)
    fake_image = tmp_path / "notes.png"
    fake_image.write_bytes(b"meeting notes, not a picture")

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Contribute").click()
    page.wait_for_url("**/contribute/")
    honeypot = page.get_by_label("Leave this field empty").bounding_box()
    assert honeypot["x"] + honeypot["width"] <= 0  # off-screen
    page.get_by_label("Your name").fill("Ada Lovelace")
    page.get_by_label("Email").fill(GUEST_EMAIL)
    page.get_by_label("Organisation").fill("University of Somewhere")
    page.get_by_label("Title").fill("How cities speak abroad")
    page.get_by_label("Summary").fill("City diplomacy, from twinning to networks.")
    page.get_by_label("Your post").fill(BODY)
    page.get_by_label("City diplomacy").check()
    page.get_by_label("Header image").set_input_files(str(fake_image))
    page.get_by_label("Document").set_input_files(str(report))
    page.get_by_label("I wrote this post").check()
    page.get_by_role("button", name="Send my post").click()

    alert = page.get_by_role("alert")
    assert "not a JPEG, PNG or WebP image" in alert.inner_text()
    assert "choose your image and document again" in alert.inner_text()
    assert page.get_by_label("Title").input_value() == "How cities speak abroad"
    assert page.get_by_label("I wrote this post").is_checked()
    screenshot("guest-post-refused")
    page.get_by_label("Header image").set_input_files(str(image))
    page.get_by_label("Document").set_input_files(str(report))
    page.get_by_role("button", name="Send my post").click()
    page.wait_for_url("**/contribute/thanks/")
    assert "with our editors" in page.get_by_role("heading", level=1).inner_text()
    assert smtp.to(GUEST_EMAIL) and smtp.to(editor.email)

    post = BlogPage.objects.get()
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill("editor-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="How cities speak abroad").first.click()
    page.wait_for_url(f"**/admin/pages/{post.pk}/edit/")
    screenshot("guest-post-in-review")
    page.locator(".w-dropdown-button").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_url(f"**/admin/pages/{blog.pk}/")  # back to the blog's listing
    assert "has been updated" in page.get_by_role("status").first.inner_text()

    post.refresh_from_db()
    assert post.live
    assert "is published" in smtp.to(GUEST_EMAIL)[-1]["Subject"]
    page.goto(live_server.url + post.url)
    assert page.locator(".post__guest").inner_text() == "Guest post"
    assert "Ada Lovelace" in page.locator(".post__meta").inner_text()
    screenshot("guest-post-published")
