"""Drafts, private pages, future-dated posts and restricted files never reach the API, by
any road (listing, filters, search, detail, find), whoever asks."""

import pytest
from wagtail.models import Page, PageViewRestriction

from blog.models import BlogIndexPage
from tests.blog.test_visibility import HIDDEN
from tests.factories import make_document, make_person, make_post, make_private, make_project

from .conftest import get_json, make_image, titles

LISTINGS = [
    "/api/v2/pages/",
    "/api/v2/pages/?type=blog.BlogPage",
    "/api/v2/pages/?type=blog.BlogPage,projects.ProjectPage",
    "/api/v2/pages/?theme=shared",
    "/api/v2/pages/?type=blog.BlogPage&theme=shared",
    "/api/v2/pages/?search=cities",
    "/api/v2/pages/?type=blog.BlogPage&search=cities&order=-date",
    "/api/v2/pages/?descendant_of=root",
]


@pytest.fixture
def private_blog(home):
    """A second blog behind a password, with a post of its own: private by its ancestor."""
    members = home.add_child(instance=BlogIndexPage(title="Members blog", slug="members"))
    make_private(members)
    return make_post(members, "Members only news")


@pytest.fixture
def hidden_projects(project_index):
    make_project(project_index, "Visible project")
    make_project(project_index, "Draft project", live=False)
    make_private(make_project(project_index, "Private project"))


@pytest.fixture
def everything(hidden_posts, private_blog, hidden_projects):
    pass


@pytest.mark.parametrize("path", LISTINGS)
def test_hidden_pages_are_in_no_listing(client, everything, path):
    listed = titles(client, path + ("&" if "?" in path else "?") + "limit=100")
    assert "Visible post" in listed
    for title in [*HIDDEN, "Members blog", "Members only news", "Draft project", "Private project"]:
        assert title not in listed


def test_visible_pages_are_listed(client, everything):
    listed = titles(client, "/api/v2/pages/?limit=100")
    assert {"Visible post", "Visible project", "Debate blog"} <= set(listed)


def test_hidden_pages_have_no_detail_and_are_not_found(client, everything):
    hidden = [*HIDDEN, "Members blog", "Members only news", "Draft project", "Private project"]
    pages = list(Page.objects.filter(title__in=hidden))
    assert len(pages) == 7
    for page in pages:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, page.title
        assert client.get(f"/api/v2/pages/find/?id={page.pk}").status_code == 404, page.title
        find = client.get(f"/api/v2/pages/find/?html_path={page.url_path.split('/', 2)[2]}")
        assert find.status_code == 404, page.title


def test_a_visible_post_is_found_by_its_path(client, everything):
    response = client.get("/api/v2/pages/find/?html_path=/blog/visible-post/")
    assert response.status_code == 302
    assert get_json(client, response["Location"])["title"] == "Visible post"


def test_a_private_page_stays_closed_to_a_reader_who_may_open_it_on_the_site(
    client, blog, django_user_model
):
    """A login restriction lets a signed-in reader see the page on the site; the API,
    for anonymous readers, shows it to no one."""
    post = make_post(blog, "For members")
    PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))

    assert client.get(post.url).status_code == 200
    assert client.get(f"/api/v2/pages/{post.pk}/").status_code == 404
    assert "For members" not in titles(client, "/api/v2/pages/")


def test_child_of_a_private_page_is_a_bad_request(client, private_blog):
    members = private_blog.get_parent()
    response = client.get(f"/api/v2/pages/?child_of={members.pk}")
    assert response.status_code == 400
    assert response.json() == {"message": "parent page doesn't exist"}


def post_using(blog, image, document, **fields):
    """A post showing ``image`` as its header and linking ``document`` in its body."""
    body = [("paragraph", "<p>Files.</p>"), ("document", {"document": document, "title": ""})]
    return make_post(blog, header_image=image, body=body, **fields)


def listed_titles(client, endpoint):
    return [item["title"] for item in get_json(client, f"/api/v2/{endpoint}/")["items"]]


@pytest.mark.parametrize("endpoint", ["documents", "images"])
def test_restricted_collection_files_are_absent(client, blog, guest_files, endpoint, admin_user):
    document, image = guest_files
    post_using(blog, image, document)  # published, yet its files wait in the guest collection
    post_using(blog, make_image("Skyline"), make_document("Annual report"))
    hidden = document if endpoint == "documents" else image
    client.force_login(admin_user)  # who may see them in the admin, not here

    assert listed_titles(client, endpoint) == [
        "Annual report" if endpoint == "documents" else "Skyline"
    ]
    assert client.get(f"/api/v2/{endpoint}/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/v2/{endpoint}/find/?id={hidden.pk}").status_code == 404
    assert get_json(client, f"/api/v2/{endpoint}/?search=guest")["items"] == []


@pytest.mark.parametrize(
    ("how", "fields"),
    [
        ("draft", {"live": False}),
        ("future", {"days_ago": -3}),
        ("private", {}),
    ],
)
def test_files_only_a_hidden_post_uses_are_absent(client, blog, how, fields):
    post = post_using(blog, make_image("Embargoed header"), make_document("Embargoed"), **fields)
    if how == "private":
        make_private(post)
    make_image("Unused upload")
    make_document("Unused paper")
    post_using(blog, make_image("Published header"), make_document("Published report"))

    assert listed_titles(client, "images") == ["Published header"]
    assert listed_titles(client, "documents") == ["Published report"]


def test_a_file_appears_once_its_post_is_published(client, blog):
    post = post_using(blog, make_image("Header"), make_document("Report"), live=False)
    assert listed_titles(client, "images") == []
    post.save_revision().publish()
    assert listed_titles(client, "images") == ["Header"]
    assert listed_titles(client, "documents") == ["Report"]


def test_a_persons_photo_is_listed(client, db):
    make_person("Ana Costa", photo=make_image("Portrait"))
    assert listed_titles(client, "images") == ["Portrait"]


def test_public_document_downloads_anonymously(client, blog):
    document = make_document("Annual report", b"%PDF-1.4 annual")
    post_using(blog, make_image(), document)
    [item] = get_json(client, "/api/v2/documents/")["items"]

    assert item["meta"]["download_url"] == f"http://testserver{document.url}"
    response = client.get(item["meta"]["download_url"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 annual"


def test_a_page_shows_null_for_a_restricted_file(client, blog, project_index, guest_files):
    document, image = guest_files
    post = make_post(blog, header_image=image)
    project = make_project(project_index, outputs=[{"title": "Draft", "document": document}])

    assert get_json(client, f"/api/v2/pages/{post.pk}/")["header_image"] is None
    [output] = get_json(client, f"/api/v2/pages/{project.pk}/")["outputs"]
    assert output["document"] is None


def test_guests_are_listed_once_a_published_post_credits_them(client, blog):
    make_person("Staff writer")
    waiting = make_person("Waiting guest", is_guest=True)
    published = make_person("Published guest", is_guest=True)
    make_post(blog, "Draft guest post", live=False, authors=[waiting])
    make_post(blog, "Published guest post", authors=[published])

    listed = [item["name"] for item in get_json(client, "/api/v2/people/")["items"]]

    assert listed == ["Published guest", "Staff writer"]
    assert client.get(f"/api/v2/people/{waiting.pk}/").status_code == 404


def test_a_public_alias_does_not_name_its_private_original(client, blog, private_blog):
    alias = private_blog.create_alias(parent=blog, update_slug="alias-of-members-post")
    public = make_post(blog, "Shared openly")
    public_alias = public.create_alias(parent=blog, update_slug="alias-of-shared-post")

    def alias_of(page):
        return get_json(client, f"/api/v2/pages/{page.pk}/")["meta"]["alias_of"]

    assert alias_of(alias) is None
    assert alias_of(public_alias)["id"] == public.pk
