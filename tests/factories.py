"""Small ``make_*`` helpers that build real pages and snippets in the test database."""

import itertools
from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from blog.models import BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor, BlogSeries
from projects.models import (
    ProjectIndexPage,
    ProjectMember,
    ProjectOrganisation,
    ProjectOutput,
    ProjectPage,
)
from vocabulary.models import City, Organisation, Person, Theme
from website.models import HomePage

_counter = itertools.count(1)


def make_site():
    """A home page as the default site's root, with a blog at /blog/."""
    root = Page.get_first_root_node() or restore_migrated_rows()
    home = root.add_child(instance=HomePage(title="City Forum", slug="city-forum"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "testserver",
            "port": 80,
            "root_page": home,
            "site_name": "City Forum",
        },
    )
    blog = home.add_child(
        instance=BlogIndexPage(title="Debate blog", slug="blog", show_in_menus=True)
    )
    return home, blog


def restore_permissions():
    """Content types and permissions as migrations leave them, where a transactional test's
    flush removed them (a serialized test's flush skips rebuilding them)."""
    if not ContentType.objects.exists():
        ContentType.objects.clear_cache()
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)  # content types first, as migrate does


def restore_migrated_rows():
    """The tree roots and locales that migrations create, after a transactional test has
    flushed them away (with the content types too, when a serialized test's flush skipped
    rebuilding them)."""
    restore_permissions()
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", live=True)
    )


def translate_page(page, language_code, **fields):
    """``page``'s translation into ``language_code`` (with its parents'), published with
    ``fields`` changed."""
    translation = page.specific.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def make_theme(name=None, **fields):
    name = name or f"Theme {next(_counter)}"
    theme, _ = Theme.objects.get_or_create(name=name, defaults=fields)
    return theme


def make_person(name=None, **fields):
    return Person.objects.create(name=name or f"Author {next(_counter)}", **fields)


def make_category(name=None):
    return BlogCategory.objects.create(name=name or f"Category {next(_counter)}")


def make_series(name=None):
    return BlogSeries.objects.create(name=name or f"Series {next(_counter)}")


def make_organisation(name=None, **fields):
    return Organisation.objects.create(name=name or f"Organisation {next(_counter)}", **fields)


def make_post(
    blog,
    title=None,
    *,
    date=None,
    days_ago=None,
    authors=(),
    themes=(),
    categories=(),
    live=True,
    body=None,
    **fields,
):
    """A post under ``blog``; live ones look published (first/last published set)."""
    n = next(_counter)
    if date is None:
        date = timezone.now() - timedelta(days=n if days_ago is None else days_ago)
    post = BlogPage(
        title=title or f"Post {n}",
        date=date,
        live=live,
        body=body
        if body is not None
        else [("paragraph", f"<p>Body text of post {n} about cities and their leaders.</p>")],
        first_published_at=date if live else None,
        last_published_at=date if live else None,
        **fields,
    )
    post.themes.set(list(themes))
    post.categories = list(categories)
    post.author_links = [BlogPageAuthor(person=person) for person in authors]
    blog.add_child(instance=post)
    return post


def make_private(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def make_city(name=None, country="GB", **fields):
    return City.objects.create(name=name or f"City {next(_counter)}", country=country, **fields)


def make_project_index(home):
    return home.add_child(
        instance=ProjectIndexPage(title="Research projects", slug="projects", show_in_menus=True)
    )


def make_project(
    index,
    title=None,
    *,
    start=None,
    end=None,
    themes=(),
    cities=(),
    organisations=(),
    members=(),
    outputs=(),
    live=True,
    **fields,
):
    """A project under ``index``. ``organisations`` are (Organisation, role) pairs,
    ``members`` (Person, role, is_leader) triples, ``outputs`` ProjectOutput field dicts."""
    n = next(_counter)
    start = start or timezone.localdate() - timedelta(days=400 + n)
    project = ProjectPage(
        title=title or f"Project {n}",
        summary=fields.pop("summary", f"What project {n} studies in cities."),
        start_date=start,
        end_date=end,
        live=live,
        first_published_at=timezone.now() - timedelta(days=n) if live else None,
        last_published_at=timezone.now() - timedelta(days=n) if live else None,
        **fields,
    )
    project.themes.set(list(themes))
    project.cities = list(cities)
    project.organisation_links = [
        ProjectOrganisation(organisation=org, role=role) for org, role in organisations
    ]
    project.members = [
        ProjectMember(person=person, role=role, is_leader=leader)
        for person, role, leader in members
    ]
    project.outputs = [ProjectOutput(**output) for output in outputs]
    index.add_child(instance=project)
    return project


def make_document(title="Report", content=b"%PDF-1.4 test document", filename="report.pdf"):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def make_scoping_study(index, report_content=b"%PDF-1.4 " + b"x" * 2048):
    """A completed project with every field filled in, like the 2009 scoping study."""
    diplomacy = make_theme("City diplomacy", slug="city-diplomacy", hashtag="#citydiplomacy")
    leadership = make_theme("City leadership", slug="city-leadership")
    malmo = make_city("Malmö", country="SE")
    porto_alegre = make_city("Porto Alegre", country="BR")
    larci = make_organisation(
        "Local Authority Research Council Initiative", website="https://larci.example.org"
    )
    lga = make_organisation("Local Government Association")
    leader = make_person("Robin Hambleton", role="Professor of City Leadership")
    researcher = make_person("Joanna Howard")
    report = make_document("Scoping study report", report_content, "scoping.pdf")
    return make_project(
        index,
        "International civic leadership",
        slug="civic-leadership",
        full_title="Civic leadership abroad: a scoping study of public service innovation",
        summary="A scoping study of what UK local government can learn from abroad.",
        start=date(2009, 1, 1),
        end=date(2009, 6, 30),
        themes=[diplomacy, leadership],
        cities=[malmo],
        countries=["GB"],
        organisations=[(larci, "sponsor"), (lga, "partner")],
        members=[(leader, "Project leader for SPE", True), (researcher, "Researcher", False)],
        outputs=[
            {
                "title": "Civic leadership and public service innovation",
                "kind": "report",
                "publication_date": date(2009, 6, 1),
                "authors": "Hambleton, Robin\nHoward, Joanna",
                "publisher": "Local Authority Research Council Initiative",
                "document": report,
                "doi": "10.1234/civic.2009",
            }
        ],
        contact_person=leader,
        contact_email="robin.hambleton@uwe.example.ac.uk",
        body=[
            ("paragraph", "<p>Why leaders should move from improvement to innovation.</p>"),
            (
                "case_study",
                {
                    "title": "Participatory budgeting",
                    "city": porto_alegre,
                    "summary": "<p>Citizens decide part of the city budget.</p>",
                    "lessons": ["Open the budget early.", "Report back every year."],
                },
            ),
            (
                "key_findings",
                {"heading": "Key findings", "findings": ["Innovation beats improvement."]},
            ),
        ],
    )
