"""What the form refuses: hostile markup in any field, too many posts, bad files."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from blog.models import BlogPage
from contributions.models import GuestSubmission

from .conftest import (
    PDF,
    form_data,
    make_guest_submission,
    png_bytes,
    png_claiming,
    upload,
)

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>"><svg onload=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def assert_no_live_markup(html):
    """No element the attack made: its tags and attributes appear only as text."""
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all("svg", onload=True) and not soup.find_all("img", src="x")
    assert not [script for script in soup.find_all("script") if "alert" in script.text]
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.startswith("on")], tag


def test_markup_in_every_field_is_shown_as_text_on_the_published_post(
    client, guest_blog, admin_user
):
    fields = ("name", "organisation", "city", "title", "excerpt")
    data = {name: f"{name} {XSS}" for name in fields}
    data["body"] = form_data()["body"] + f"\n\n{XSS}\n\n## {XSS}\n\n> {XSS}\n\n    {XSS}"
    response = make_guest_submission(client, **data)
    assert response.status_code == 302
    post = BlogPage.objects.get()
    post.get_latest_revision().publish()

    html = client.get(post.url).content.decode()
    assert_no_live_markup(html)
    for name in fields:  # each one is on the page, escaped
        assert f"{name} {ESCAPED}" in html
    assert html.count(ESCAPED) >= len(fields) + 3  # and the body's paragraph, heading, quote

    client.force_login(admin_user)
    for url in (f"/admin/pages/{post.pk}/edit/", f"/admin/pages/{guest_blog.pk}/"):
        assert_no_live_markup(client.get(url).content.decode())


def test_markup_sent_back_in_a_refused_form_is_escaped(client, guest_blog):
    response = make_guest_submission(client, title=XSS, body=XSS)  # body too short
    assert response.status_code == 400
    assert_no_live_markup(response.content.decode())


def test_posts_are_limited_per_address(client, guest_blog, settings):
    settings.GUEST_POST_RATE_PER_IP = "2/h"
    for n in range(2):
        assert make_guest_submission(client, email=f"writer{n}@example.org").status_code == 302
    response = make_guest_submission(client, email="writer9@example.org", title="Third")
    html = response.content.decode()
    assert response.status_code == 400
    assert "several posts in a short time" in html
    assert 'value="Third"' in html
    assert GuestSubmission.objects.count() == 2


def test_posts_are_limited_per_email_from_any_address(client, guest_blog, settings):
    settings.GUEST_POST_RATE_PER_EMAIL = "1/d"
    assert make_guest_submission(client, REMOTE_ADDR="192.0.2.1").status_code == 302
    response = client.post("/contribute/", form_data(), REMOTE_ADDR="192.0.2.2")
    assert response.status_code == 400
    assert "several posts in a short time" in response.content.decode()
    assert GuestSubmission.objects.count() == 1


def test_refused_attempts_do_not_count_against_the_rate(client, guest_blog, settings):
    settings.GUEST_POST_RATE_PER_IP = "1/h"
    for _ in range(3):
        assert make_guest_submission(client, consent=None).status_code == 400
    assert make_guest_submission(client).status_code == 302


def test_every_attempt_counts_before_anything_is_checked(client, guest_blog, theme, settings):
    """A sender past the attempts rate has nothing checked, not even an image bomb, and
    gets back what they typed."""
    settings.GUEST_POST_ATTEMPTS_PER_IP = "2/h"
    assert make_guest_submission(client, website="https://spam.example").status_code == 400
    assert make_guest_submission(client, consent=None).status_code == 400
    data = form_data(title="Third", themes=[theme.pk])
    data["header_image"] = upload("bomb.png", png_claiming(10_000, 10_000))
    response = client.post("/contribute/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "several posts in a short time" in html and "too large in pixels" not in html
    assert 'value="Third"' in html
    form = BeautifulSoup(html, "html.parser")
    assert form.find("input", attrs={"name": "themes", "value": str(theme.pk)}).has_attr("checked")
    assert "please choose your image again" in html
    assert not GuestSubmission.objects.exists()
    # Another address is not held back.
    assert client.post("/contribute/", form_data(), REMOTE_ADDR="192.0.2.9").status_code == 302


def refused(client, field, file, message):
    data = form_data()
    data[field] = file
    response = client.post("/contribute/", data)
    html = response.content.decode()
    assert response.status_code == 400, html
    assert message in html
    assert "please choose your" in html and "again" in html
    assert not GuestSubmission.objects.exists()
    return html


def gif_bytes():
    buffer = io.BytesIO()
    Image.new("P", (10, 10)).save(buffer, "GIF")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content",
    [
        ("photo.png", gif_bytes()),  # a GIF under a PNG name
        ("photo.jpg", b"not an image at all"),
        ("photo.png", PDF),
        ("photo.png", png_bytes()[:60]),  # truncated
    ],
)
def test_an_image_is_judged_by_its_content_not_its_name(client, guest_blog, name, content):
    refused(client, "header_image", upload(name, content, "image/png"), "not a JPEG, PNG or WebP")


def test_jpeg_and_webp_images_are_accepted(client, guest_blog):
    for n, image_format in enumerate(("JPEG", "WEBP")):
        data = form_data(email=f"w{n}@example.org", title=f"Post {n}")
        data["header_image"] = upload(
            f"p.{image_format.lower()}", png_bytes(image_format=image_format)
        )
        assert client.post("/contribute/", data).status_code == 302
    assert {post.header_image.file.name.rsplit(".", 1)[1] for post in BlogPage.objects.all()} == {
        "jpg",
        "webp",
    }


def test_an_oversized_image_is_refused_with_the_limit_stated(client, guest_blog, settings):
    settings.GUEST_POST_MAX_IMAGE_BYTES = 1000
    refused(
        client,
        "header_image",
        upload("big.png", png_bytes((200, 200)) + b"\0" * 1000),
        "the largest accepted is 1000\xa0bytes",
    )


@pytest.mark.parametrize("side", [100_000, 10_000, 6_000])
def test_an_image_bomb_is_refused_before_it_is_decoded(client, guest_blog, side):
    """A few hundred bytes declaring 36 Mpx to 10 Gpx: past our cap, Pillow's warning
    threshold and its hard limit in turn."""
    bomb = png_claiming(side, side)
    assert len(bomb) < 200
    html = refused(client, "header_image", upload("bomb.png", bomb), "too large in pixels")
    assert "the limit is 25 megapixels" in html


def test_an_image_beyond_the_pixel_cap_is_refused(client, guest_blog, settings):
    settings.GUEST_POST_MAX_IMAGE_PIXELS = 100
    refused(client, "header_image", upload("wide.png", png_bytes((20, 20))), "too large in pixels")


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", png_bytes()),  # not a PDF inside
        ("report.exe", PDF),  # a PDF under another name
        ("report.pdf", b"<html>%PDF-</html>"),
    ],
)
def test_a_document_must_be_a_pdf_by_name_and_content(client, guest_blog, name, content):
    refused(client, "document", upload(name, content), "must be a PDF file")


def test_an_oversized_document_is_refused(client, guest_blog, settings):
    settings.GUEST_POST_MAX_DOCUMENT_BYTES = 100
    refused(
        client,
        "document",
        upload("report.pdf", PDF + b"x" * 200),
        "largest accepted is 100\xa0bytes",
    )
