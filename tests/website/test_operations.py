"""What an operator relies on: migrations, deploy checks, demo content, Redis settings."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from blog.models import BlogCategory, BlogPage, BlogSeries
from community.models import BlockedTerm
from discussion.models import Comment
from projects.models import ProjectPage
from vocabulary.models import City, Organisation, Person, Theme

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, env=None):
    """Run manage.py in a process of its own, as an operator would."""
    # The browser tests' relaxed async check is theirs alone; check --deploy rightly objects.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**inherited, **(env or {})},
        timeout=120,
    )


def test_no_missing_migrations(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
    "DJANGO_ALLOWED_HOSTS": "forum.example.org",
}


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {**PRODUCTION, missing: ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable." in result.stderr


def test_redis_url_switches_cache_and_tasks_to_redis():
    script = (
        "from django.conf import settings; from django.core.cache import cache; "
        "cache.set('probe', 'ok', 10); print(cache.get('probe'), "
        "settings.TASKS['default']['BACKEND'])"
    )
    result = manage(
        "shell",
        "-c",
        script,
        env={
            "DJANGO_SETTINGS_MODULE": "website.settings.dev",
            "REDIS_URL": "redis://127.0.0.1:6379/5",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "ok django_tasks_rq.RQBackend"


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "themes": Theme.objects.count(),
        "people": Person.objects.count(),
        "posts": list(BlogPage.objects.order_by("pk").values_list("title", "last_published_at")),
        "projects": list(
            ProjectPage.objects.order_by("pk").values_list("title", "last_published_at")
        ),
        "documents": list(get_document_model().objects.order_by("pk").values_list("file")),
        "cities": City.objects.count(),
        "comments": list(Comment.objects.order_by("pk").values_list("comment", "status")),
        "blocked terms": BlockedTerm.objects.count(),
        "translations": list(
            Translation.objects.order_by("pk").values_list("source__object_id", "target_locale")
        ),
        "translated strings": StringTranslation.objects.count(),
        "vocabulary words": [
            list(model.objects.order_by("pk").values_list("translations"))
            for model in (Theme, Organisation, BlogCategory, BlogSeries)
        ],
    }


def test_load_demo_builds_the_site_and_is_idempotent(client, db):
    call_command("load_demo", admin_password="demo-pass", stdout=StringIO())
    first = snapshot()
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first

    assert len(first["posts"]) >= 7
    assert len(first["translations"]) >= 11, "menu pages, two posts and a project, fr and es"
    assert {"urbansdg", "city-diplomacy", "world-cities-day"} <= set(
        Theme.objects.values_list("slug", flat=True)
    )
    assert "diplomatie des villes" in Theme.objects.get(slug="city-diplomacy").synonym_list
    home = client.get("/")
    assert home.status_code == 200 and len(home.context["latest_posts"]) == 6
    series = client.get("/blog/series/cities-diplomacy-series/")
    assert len(series.context["posts"].object_list) >= 2

    projects = client.get("/projects/")
    assert projects.status_code == 200 and len(projects.context["projects"].object_list) == 7
    study = ProjectPage.objects.get(slug="international-civic-leadership")
    assert {"Malmö", "Porto Alegre", "Medellín"} <= {city.name for city in study.cities.all()}
    assert client.get(study.url).status_code == 200
    download = client.get(study.outputs.get().document.url)
    assert download.status_code == 200
    assert download.getvalue().startswith(b"%PDF")
    discussed = client.get("/blog/how-cities-lobby/")
    assert discussed.content.decode().count('class="comment comment--level-') == 3
    assert Comment.objects.pending().count() == 1, "the queue has one comment to moderate"
    assert client.login(username="admin", password="demo-pass")
