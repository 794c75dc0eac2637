"""Load the demo site: home page, debate blog, vocabulary, posts, research projects with
their documents, readers' comments, a blocklist, and an admin user; then the French and
Spanish translations of the pages in the menu, of some posts and projects, and of the
vocabulary's names and descriptions.

Idempotent: everything is looked up by slug (documents by title) first and only created when
missing, so a second run changes nothing (no new pages, snippets, documents or revisions) and
never overwrites an editor's changes. A page is translated (with wagtail-localize, see
``demo.localize``) only when it has no translation in that language yet, a vocabulary row only
when it has no words in that language: a database loaded before the demo had languages gets
them on its next run. The content itself lives in ``demo.content``.
"""

import hashlib
import secrets
from collections import Counter
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language_info
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from blog.models import BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor, BlogSeries
from community.models import BlockedTerm
from demo import content
from demo.localize import translate_page
from demo.pdf import simple_pdf
from discussion.models import Comment
from projects.models import (
    ProjectIndexPage,
    ProjectMember,
    ProjectOrganisation,
    ProjectOutput,
    ProjectPage,
    RelatedProject,
)
from vocabulary.models import City, Organisation, Person, Theme
from website.models import HomePage, HomePageFeaturedTheme

ADMIN_USERNAME = "admin"
ADMIN_URL = "http://127.0.0.1:8000/admin/"
POST_TIME = time(9, 0, tzinfo=UTC)  # the hour given to each post's display date


class Command(BaseCommand):
    help = (
        "Create the demo home page, blog, themes, people, posts and research projects "
        "(safe to run again)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-password",
            help="Password for the 'admin' user if it has to be created (default: random). "
            "An existing admin user's password is never changed.",
        )

    def handle(self, *args, **options):
        self.created, self.present = Counter(), Counter()
        # No automatic redirects, up to and including the commit (they are made then): a new
        # translation is saved with its English slug before its own (see demo.localize).
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
            themes = self.load_rows(Theme, content.vocabulary.THEMES, "themes")
            organisations = self.load_rows(
                Organisation, content.vocabulary.ORGANISATIONS, "organisations"
            )
            people_rows = [
                {**row, "organisation": organisations.get(row["organisation"])}
                for row in content.vocabulary.PEOPLE
            ]
            people = self.load_rows(Person, people_rows, "people")
            cities = self.load_rows(City, content.vocabulary.CITIES, "cities")
            categories = self.load_rows(BlogCategory, content.blog.CATEGORIES, "categories")
            series = self.load_rows(BlogSeries, content.blog.SERIES, "series")
            home = self.load_home(themes)
            blog = self.load_index(home, BlogIndexPage, content.blog.BLOG_INDEX, "blog index")
            for post in content.blog.POSTS:
                self.load_post(blog, post, themes, people, categories, series)
            project_index = self.load_index(
                home, ProjectIndexPage, content.projects.PROJECT_INDEX, "project index"
            )
            self.load_projects(project_index, themes, organisations, people, cities)
            for words in content.TRANSLATIONS:
                self.load_language(
                    words, home, blog, project_index, themes, organisations, categories, series
                )
            self.load_comments(blog)
            self.load_blocklist()
            admin_message = self.load_admin(options["admin_password"])
        self.report()
        self.stdout.write(admin_message)

    # Snippets ------------------------------------------------------------------------------

    def load_rows(self, model, rows, label):
        """Get or create one object per row, matched by slug (or name); return them by slug."""
        objects = {}
        for row in rows:
            fields = dict(row)
            slug = fields.pop("slug")
            obj = model.objects.filter(Q(slug=slug) | Q(name=fields["name"])).first()
            if obj is None:
                obj = model.objects.create(slug=slug, **fields)
                self.created[label] += 1
            else:
                self.present[label] += 1
            objects[slug] = obj
        return objects

    # Pages ---------------------------------------------------------------------------------

    def load_home(self, themes):
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        wagtail_default = None
        if home is not None:
            self.present["home page"] += 1
        else:
            root = Page.get_first_root_node()
            # A fresh migrate leaves Wagtail's "Welcome" page at the slug we want: move it
            # aside, build the home page, point the site at it, then remove the old one.
            wagtail_default = root.get_children().filter(slug=content.home.HOME["slug"]).first()
            if wagtail_default is not None:
                Page.objects.filter(pk=wagtail_default.pk).update(slug="wagtail-default-home")
            home = HomePage(**content.home.HOME)
            home.featured_theme_links = [
                HomePageFeaturedTheme(theme=themes[slug], sort_order=position)
                for position, slug in enumerate(content.home.FEATURED_THEMES)
            ]
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created["home page"] += 1
        self.point_site_at(home)
        if wagtail_default is not None:
            if wagtail_default.get_children_count():
                self.stderr.write(
                    f"Kept Wagtail's default page (id {wagtail_default.pk}): it has children."
                )
            else:
                wagtail_default.delete()
        return home

    def point_site_at(self, home):
        site = (
            Site.objects.filter(is_default_site=True).first()
            or Site.objects.filter(hostname="localhost", port=80).first()
        )
        if site is None:
            site = Site(hostname="localhost", port=80)
            self.created["site"] += 1
        else:
            self.present["site"] += 1
        changes = {"is_default_site": True, "root_page_id": home.pk}
        if not site.site_name:
            changes["site_name"] = content.home.SITE_NAME
        if site.pk is None or any(getattr(site, k) != v for k, v in changes.items()):
            for name, value in changes.items():
                setattr(site, name, value)
            site.save()

    def load_index(self, home, model, data, label):
        """The listing page at ``data["slug"]`` under the home page, shown in the menu."""
        existing = home.get_children().filter(slug=data["slug"]).first()
        if existing is not None:
            index = existing.specific
            if not isinstance(index, model):
                raise CommandError(f"{existing.url_path} exists but is not a {label} page.")
            self.present[label] += 1
            return index
        index = model(show_in_menus=True, **data)
        home.add_child(instance=index)
        index.save_revision().publish()
        self.created[label] += 1
        return index

    def load_post(self, blog, data, themes, people, categories, series):
        if blog.get_children().filter(slug=data["slug"]).exists():
            self.present["blog posts"] += 1
            return
        post = BlogPage(
            title=data["title"],
            slug=data["slug"],
            date=datetime.combine(data["date"], POST_TIME),
            excerpt=data["excerpt"],
            body=data["body"],
            series=series[data["series"]] if data.get("series") else None,
            series_position=data.get("series_position"),
            comments_enabled=True,
        )
        post.categories = [categories[slug] for slug in data["categories"]]
        post.author_links = [
            BlogPageAuthor(person=people[slug], sort_order=position)
            for position, slug in enumerate(data["authors"])
        ]
        post.themes.set([themes[slug] for slug in data["themes"]])
        blog.add_child(instance=post)
        post.save_revision().publish()
        self.created["blog posts"] += 1

    # Other languages -----------------------------------------------------------------------

    def load_language(
        self, words, home, blog, project_index, themes, organisations, categories, series
    ):
        """One language's words: in the vocabulary rows, and as translations of the pages in
        the menu, then of the posts and projects it has words for."""
        locale = Locale.objects.filter(language_code=words.LANGUAGE).first()
        if locale is None:
            self.stderr.write(f"No {words.LANGUAGE!r} locale: the demo is left untranslated.")
            return
        language = get_language_info(words.LANGUAGE)["name"]
        label = f"vocabulary in {language}"
        for rows, row_words in [
            (themes, words.THEMES),
            (organisations, words.ORGANISATIONS),
            (categories, words.CATEGORIES),
            (series, words.SERIES),
        ]:
            self.translate_rows(rows, row_words, words.LANGUAGE, label)
        label = f"pages in {language}"
        for page, page_words in [
            (home, words.HOME),
            (blog, words.BLOG_INDEX),
            (project_index, words.PROJECT_INDEX),
        ]:
            self.translate_page(page, locale, page_words, label)
        for parent, model, pages in [
            (blog, BlogPage, words.POSTS),
            (project_index, ProjectPage, words.PROJECTS),
        ]:
            for slug, page_words in pages.items():
                page = model.objects.child_of(parent).filter(slug=slug).first()
                if page is not None:
                    self.translate_page(page, locale, page_words, label)

    def translate_rows(self, rows, words, language, label):
        """Each row's name and description in ``language``, unless it has some already."""
        for slug, row_words in words.items():
            row = rows.get(slug)
            if row is None:
                continue
            if language in row.translations:
                self.present[label] += 1
                continue
            row.translations = {**row.translations, language: dict(row_words)}
            row.save(update_fields=["translations"])
            self.created[label] += 1

    def translate_page(self, page, locale, words, label):
        if page.get_translation_or_none(locale) is not None:
            self.present[label] += 1
            return
        if page.get_parent().get_translation_or_none(locale) is None and not (
            page.get_parent().is_root()
        ):
            self.stderr.write(f"Not translated into {locale}: {page.url_path} (no parent there).")
            return
        if translate_page(page, locale, words) is None:
            self.stderr.write(
                f"Not translated into {locale}: {page.url_path} (its text is no longer the "
                "demo's, an editor may have changed it; translate it in the admin)."
            )
            return
        self.created[label] += 1

    # Community -----------------------------------------------------------------------------

    def load_comments(self, blog):
        """Each post's demo comments, unless it has comments already (the demo's or real)."""
        now = timezone.now()
        for slug, rows in content.community.COMMENTS.items():
            post = BlogPage.objects.child_of(blog).filter(slug=slug).first()
            if post is None or Comment.objects.on(post).exists():
                self.present["comment threads"] += 1
                continue
            saved = []
            for position, row in enumerate(rows):
                row = dict(row)
                parent = saved[row.pop("reply_to")] if "reply_to" in row else None
                comment = Comment(
                    content_object=post,
                    site_id=settings.SITE_ID,
                    user_name=row["name"],
                    user_email=row["email"],
                    user_url=row.get("url", ""),
                    comment=row["comment"],
                    status=row["status"],
                    parent_id=parent.pk if parent else 0,
                    submit_date=now - timedelta(hours=len(rows) - position),
                    email_confirmed_at=now if row["status"] == "approved" else None,
                )
                comment.save()
                saved.append(comment)
            self.created["comment threads"] += 1

    def load_blocklist(self):
        for row in content.community.BLOCKED_TERMS:
            _, created = BlockedTerm.objects.get_or_create(
                kind=row["kind"], value=row["value"], defaults={"note": row["note"]}
            )
            (self.created if created else self.present)["blocked terms"] += 1

    # Research projects ---------------------------------------------------------------------

    def load_projects(self, index, themes, organisations, people, cities):
        """Create the missing projects as drafts, then publish each one with its related
        projects, which may be created later in the same run. Existing ones are left alone."""
        projects = {page.slug: page for page in ProjectPage.objects.child_of(index)}
        new = []
        for data in content.projects.PROJECTS:
            if data["slug"] in projects:
                self.present["projects"] += 1
                continue
            project = self.build_project(data, themes, organisations, people, cities)
            index.add_child(instance=project)
            projects[data["slug"]] = project
            new.append((project, data))
        for project, data in new:
            project.related_project_links = [
                RelatedProject(project=projects[slug], sort_order=position)
                for position, slug in enumerate(data["related"])
            ]
            project.save_revision().publish()
            self.created["projects"] += 1

    def build_project(self, data, themes, organisations, people, cities):
        body = [
            (kind, {**value, "city": cities[value["city"]]} if kind == "case_study" else value)
            for kind, value in data["body"]
        ]
        project = ProjectPage(
            title=data["title"],
            slug=data["slug"],
            full_title=data["full_title"],
            summary=data["summary"],
            body=body,
            start_date=data["start_date"],
            end_date=data["end_date"],
            countries=data["countries"],
            contact_person=people.get(data["contact_person"]),
            contact_email=data["contact_email"],
            live=False,  # published by load_projects once its related projects exist
        )
        project.themes.set([themes[slug] for slug in data["themes"]])
        project.cities = [cities[slug] for slug in data["cities"]]
        project.organisation_links = [
            ProjectOrganisation(organisation=organisations[slug], role=role, sort_order=position)
            for position, (slug, role) in enumerate(data["organisations"])
        ]
        project.members = [
            ProjectMember(person=people[slug], role=role, is_leader=leader, sort_order=position)
            for position, (slug, role, leader) in enumerate(data["members"])
        ]
        project.outputs = [
            ProjectOutput(
                title=output["title"],
                kind=output["kind"],
                publication_date=output["publication_date"],
                authors=output["authors"],
                publisher=output["publisher"],
                document=self.load_document(output),
                sort_order=position,
            )
            for position, output in enumerate(data["outputs"])
        ]
        return project

    def load_document(self, output):
        """A one-page PDF standing in for the output, in the default collection."""
        Document = get_document_model()
        document = Document.objects.filter(title=output["title"]).first()
        if document is not None:
            self.present["documents"] += 1
            return document
        # "Family, Given" lines as names are written, then who issued it and when.
        authors = [
            " ".join(reversed(line.split(", ", 1))) for line in output["authors"].splitlines()
        ]
        issued = [output["publisher"]] if authors != [output["publisher"]] else []
        issued.append(output["publication_date"].strftime("%B %Y"))
        byline = f"{', '.join(authors)}. {', '.join(issued)}."
        pdf = simple_pdf(
            output["title"], [byline, "", output["abstract"], "", content.projects.DEMO_NOTE]
        )
        document = Document(
            title=output["title"],
            file_size=len(pdf),
            # The SHA-1 Wagtail stores to spot duplicate uploads.
            file_hash=hashlib.sha1(pdf, usedforsecurity=False).hexdigest(),
        )
        document.file.save(f"{slugify(output['title'])[:80]}.pdf", ContentFile(pdf), save=False)
        document.save()
        self.created["documents"] += 1
        return document

    # Admin user and report -----------------------------------------------------------------

    def load_admin(self, password):
        User = get_user_model()
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            self.present["admin user"] += 1
            return f"The '{ADMIN_USERNAME}' user already exists; its password was left unchanged."
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=ADMIN_USERNAME, email="", password=password)
        self.created["admin user"] += 1
        return self.style.SUCCESS(f"Admin login: {ADMIN_USERNAME} / {password}  ({ADMIN_URL})")

    def report(self):
        self.stdout.write("Demo content:")
        for label in dict.fromkeys([*self.created, *self.present]):
            self.stdout.write(
                f"  {label}: {self.created[label]} created, {self.present[label]} already present"
            )
