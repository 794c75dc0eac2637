"""The plugins as another Wagtail site gets them: the wheel and sdist that ``python -m build``
makes, installed into a fresh virtualenv, then into a brand-new ``wagtail start`` site that
adds blog, projects and importers, migrates on SQLite and serves them over HTTP.

Slow (a virtualenv and Wagtail's dependencies are installed), so it runs once, in its own
``make test-install``, not in each database's pass.
"""

import json
import os
import socket
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

pytestmark = pytest.mark.install

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = [
    "vocabulary",
    "blog",
    "projects",
    "importers",
    "community",
    "discussion",
    "contributions",
    "subscriptions",
]
DISTRIBUTION_FILES = {"pyproject.toml", "README.md", "LICENSE"}
SITE = "partnersite"
# Nothing of this checkout's own site reaches the new one (pytest-django sets the first).
ENVIRONMENT = {
    name: value
    for name, value in os.environ.items()
    if name not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "VIRTUAL_ENV", "PYTHONPATH"}
} | {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def run(*command, cwd=None, timeout=600):
    """Run ``command``; its output is in the failure message if it fails."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=ENVIRONMENT,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """The wheel and sdist built from a copy of the checkout's own files (so nothing left
    over in the working tree, like an old egg-info, gets in)."""
    source = tmp_path_factory.mktemp("source")
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        path = Path(name)
        if (path.parts[0] in PLUGINS or name in DISTRIBUTION_FILES) and (ROOT / path).is_file():
            (source / path).parent.mkdir(parents=True, exist_ok=True)
            (source / path).write_bytes((ROOT / path).read_bytes())
    for catalogue in source.glob("*/locale/*/LC_MESSAGES/django.po"):  # as `make dist` does
        run("msgfmt", "--check-format", "-o", catalogue.with_suffix(".mo"), catalogue)
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, source)
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return wheel, sdist


def fresh_venv(tmp_path_factory, distribution):
    """A fresh virtualenv with ``distribution`` and its dependencies installed."""
    path = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", path)
    run(path / "bin" / "pip", "install", "-q", distribution)
    return path


@pytest.fixture(scope="module")
def venv(tmp_path_factory, dist):
    return fresh_venv(tmp_path_factory, dist[0])


def test_the_wheel_holds_the_plugins_with_their_files_and_metadata(dist):
    with zipfile.ZipFile(dist[0]) as wheel:
        names = wheel.namelist()
        (metadata_name,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        metadata = wheel.read(metadata_name).decode()
    top_level = {name.split("/")[0] for name in names if "/" in name}
    assert top_level - {metadata_name.split("/")[0]} == set(PLUGINS)
    for expected in [
        "blog/templates/blog/blog_page.html",
        "blog/migrations/0001_initial.py",
        "projects/static/projects/js/email.js",
        "vocabulary/templates/vocabulary/includes/theme_tags.html",
        "vocabulary/locale/fr/LC_MESSAGES/django.mo",
        "blog/locale/es/LC_MESSAGES/django.po",
        "importers/core/parse.py",
    ]:
        assert expected in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert "License-Expression: BSD-3-Clause" in metadata
    assert "Classifier: Framework :: Wagtail" in metadata
    assert "Project-URL: Homepage, " in metadata
    assert "Requires-Dist: wagtail<8.1,>=8.0" in metadata
    assert "# City Forum" in metadata  # the README is the long description


def test_the_sdist_holds_the_same_modules_and_templates(dist):
    wheel_path, sdist_path = dist
    with zipfile.ZipFile(wheel_path) as wheel:
        in_wheel = {name for name in wheel.namelist() if name.split("/")[0] in PLUGINS}
    with tarfile.open(sdist_path) as sdist:
        members = [member.name.split("/", 1)[1] for member in sdist.getmembers() if member.isfile()]
    in_sdist = {name for name in members if name.split("/")[0] in PLUGINS}
    assert in_sdist == in_wheel
    assert set(members) >= DISTRIBUTION_FILES


def test_the_wheel_installs_cleanly_in_a_fresh_virtualenv(venv):
    run(venv / "bin" / "pip", "check")
    imported = run(
        venv / "bin" / "python",
        "-c",
        "import blog, projects, importers.core.parse, vocabulary; print(blog.__file__)",
        cwd=venv,
    )
    assert str(venv) in imported  # from site-packages, not from this checkout


@pytest.fixture(scope="module")
def site(tmp_path_factory, venv):
    """A stock ``wagtail start`` project; its settings and URLs as the tests leave them."""
    parent = tmp_path_factory.mktemp("site")
    run(venv / "bin" / "wagtail", "start", SITE, cwd=parent)
    return parent / SITE


def settings_path(site):
    return site / SITE / "settings" / "base.py"


def add_apps(site, apps):
    """Put those of ``apps`` not there yet first in the site's INSTALLED_APPS, as the README
    says to."""
    path = settings_path(site)
    text = path.read_text()
    listed = "".join(f'    "{app}",\n' for app in apps if f'"{app}",' not in text)
    path.write_text(text.replace("INSTALLED_APPS = [\n", "INSTALLED_APPS = [\n" + listed, 1))


def last_line(result):
    """What a ``manage.py shell -c`` script printed last (Django's shell says first how many
    objects it imported)."""
    return result.stdout.strip().splitlines()[-1]


def manage(venv, site, *args, check=True):
    command = [str(venv / "bin" / "python"), "manage.py", *map(str, args)]
    result = subprocess.run(
        command, cwd=site, capture_output=True, text=True, timeout=300, env=ENVIRONMENT
    )
    if check:
        assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def test_a_site_missing_what_the_plugins_need_is_told_by_the_system_check(venv, site):
    add_apps(site, ["vocabulary", "blog", "projects", "importers"])
    result = manage(venv, site, "check", check=False)
    assert result.returncode != 0
    errors = result.stderr
    assert "blog.E001" in errors and "'wagtail.contrib.routable_page'" in errors
    assert "projects.E001" in errors and "'django_countries'" in errors
    assert "importers.E001" in errors and "'django_tasks'" in errors
    assert "vocabulary.E002" in errors and "vocabulary.context_processors.cityforum" in errors


# What a page of the blog and a project need, in code, as a site's own script would do it.
CONTENT = """
from datetime import date
from django.utils import timezone
from wagtail.models import Site
from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor
from projects.models import ProjectIndexPage, ProjectPage
from vocabulary.models import Person, Theme

home = Site.objects.get(is_default_site=True).root_page
blog = home.add_child(instance=BlogIndexPage(title="Partner notes", slug="blog"))
theme = Theme.objects.create(name="Urban SDG", hashtag="#urbanSDG")
author = Person.objects.create(name="Ana Costa")
post = BlogPage(
    title="Localising the goals in Medellin",
    date=timezone.now(),
    body=[("paragraph", "<p>How a city reports on the goals it chose.</p>")],
)
post.themes.set([theme])
post.author_links = [BlogPageAuthor(person=author)]
blog.add_child(instance=post)
post.save_revision().publish()
projects = home.add_child(instance=ProjectIndexPage(title="Research", slug="projects"))
project = ProjectPage(
    title="City leadership review",
    summary="A review of how mayors lead.",
    start_date=date(2024, 1, 1),
    end_date=date(2025, 6, 30),
)
project.themes.set([theme])
projects.add_child(instance=project)
project.save_revision().publish()
print(json.dumps({"post": post.url, "project": project.url}))
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served_site(venv, site):
    """The site with the plugins set up as the README says, migrated, with a post and a
    project, served by ``runserver`` on 127.0.0.1."""
    add_apps(site, ["vocabulary", "blog", "projects", "importers"])
    add_apps(site, ["wagtail.contrib.routable_page", "django_countries", "django_tasks"])
    path = settings_path(site)
    text = path.read_text()
    processor = '"django.contrib.messages.context_processors.messages",\n'
    assert processor in text
    path.write_text(
        text.replace(processor, processor + '"vocabulary.context_processors.cityforum",\n')
    )
    urls = site / SITE / "urls.py"
    text = urls.read_text()
    assert 'path("", include(wagtail_urls)),' in text
    urls.write_text(
        text.replace(
            'path("", include(wagtail_urls)),',
            'path("", include("blog.urls")),\n    path("", include(wagtail_urls)),',
        )
    )
    manage(venv, site, "check")
    manage(venv, site, "migrate", "--noinput", "-v", "0")
    urls_of = json.loads(last_line(manage(venv, site, "shell", "-c", "import json\n" + CONTENT)))
    port = free_port()
    server = subprocess.Popen(
        [venv / "bin" / "python", "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENVIRONMENT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base, urls_of
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_blog_renders_in_the_sites_own_base_template(served_site):
    base, _ = served_site
    response = httpx.get(base + "/blog/")
    assert response.status_code == 200
    assert "Localising the goals in Medellin" in response.text
    assert f"css/{SITE}.css" in response.text  # the stock base.html, extended
    assert "Ana Costa" in response.text and "#urbanSDG" in response.text


def test_a_post_renders_without_the_hosts_theme_pages_or_comments(served_site):
    base, urls = served_site
    response = httpx.get(base + urls["post"])
    assert response.status_code == 200
    assert "How a city reports on the goals it chose." in response.text
    assert "<li>#urbanSDG</li>" in response.text  # no theme page to link to on this site
    assert 'id="comments"' not in response.text


@pytest.mark.parametrize("feed", ["feed/", "feed/atom/"])
def test_the_blogs_feeds_are_served(served_site, feed):
    base, _ = served_site
    response = httpx.get(f"{base}/blog/{feed}")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0
    assert [entry.title for entry in parsed.entries] == ["Localising the goals in Medellin"]
    assert parsed.entries[0].author == "Ana Costa"


def test_the_json_feed_and_the_theme_archive_feed_are_served(served_site):
    base, _ = served_site
    data = httpx.get(f"{base}/blog/feed/json/").json()
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["title"] for item in data["items"]] == ["Localising the goals in Medellin"]
    theme_feed = feedparser.parse(httpx.get(f"{base}/blog/theme/urban-sdg/feed/").content)
    assert len(theme_feed.entries) == 1


def test_the_project_page_and_its_feed_render(served_site):
    base, urls = served_site
    response = httpx.get(base + urls["project"])
    assert response.status_code == 200
    assert "City leadership review" in response.text
    assert "January 2024–June 2025" in response.text
    assert f"css/{SITE}.css" in response.text
    assert '<script type="application/ld+json">' in response.text
    feed = feedparser.parse(httpx.get(f"{base}/projects/feed/").content)
    assert [entry.title for entry in feed.entries] == ["City leadership review"]


def test_a_partner_feed_is_imported_into_the_blog(venv, site, served_site):
    feed = ROOT / "tests" / "importers" / "fixtures" / "admin_feed.rss"
    # A source that publishes at once (the default keeps drafts for review); import_feed
    # finds it by the file's URL.
    source = (
        "from blog.models import BlogIndexPage; from importers.models import FeedSource; "
        f"FeedSource.objects.create(name='Partner network', url={feed.as_uri()!r}, "
        "review_mode='live', target_blog=BlogIndexPage.objects.get())"
    )
    manage(venv, site, "shell", "-c", source)
    report = json.loads(last_line(manage(venv, site, "import_feed", feed, "--json")))
    assert (report["status"], report["new"]) == ("ok", 2)
    base, _ = served_site
    listing = httpx.get(base + "/blog/").text
    assert "Mayors agree a shared climate plan" in listing
    post = httpx.get(base + urlsplit(report["entries"][0]["url"]).path)
    assert post.status_code == 200
    assert "https://partner.example.org/news/climate-plan" in post.text


def test_the_sdist_installs_cleanly_in_a_fresh_virtualenv_of_its_own(tmp_path_factory, dist):
    sdist_venv = fresh_venv(tmp_path_factory, dist[1])
    run(sdist_venv / "bin" / "pip", "check")
    checked = run(
        sdist_venv / "bin" / "python",
        "-c",
        "import importlib.resources as r, blog; "
        "print(blog.__file__, r.files('blog').joinpath('templates/blog/blog_page.html').is_file())",
        cwd=sdist_venv,
    )
    assert str(sdist_venv) in checked and checked.strip().endswith("True")
