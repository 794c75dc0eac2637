"""Load the demo site: home page, debate blog, vocabulary, posts and an admin user.

Idempotent: everything is looked up by slug first and only created when missing, so a second
run changes nothing (no new pages, snippets or revisions) and never overwrites an editor's
changes. The content itself lives in ``website.demo_content``.
"""

import secrets
from collections import Counter
from datetime import UTC, datetime, time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from wagtail.models import Page, Site

from blog.models import BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor, BlogSeries
from vocabulary.models import Organisation, Person, Theme
from website import demo_content as demo
from website.models import HomePage, HomePageFeaturedTheme

ADMIN_USERNAME = "admin"
ADMIN_URL = "http://127.0.0.1:8000/admin/"
POST_TIME = time(9, 0, tzinfo=UTC)  # the hour given to each post's display date


class Command(BaseCommand):
    help = "Create the demo home page, blog, themes, people and posts (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-password",
            help="Password for the 'admin' user if it has to be created (default: random). "
            "An existing admin user's password is never changed.",
        )

    def handle(self, *args, **options):
        self.created, self.present = Counter(), Counter()
        with transaction.atomic():
            themes = self.load_rows(Theme, demo.THEMES, "themes")
            organisations = self.load_rows(Organisation, demo.ORGANISATIONS, "organisations")
            people_rows = [
                {**row, "organisation": organisations.get(row["organisation"])}
                for row in demo.PEOPLE
            ]
            people = self.load_rows(Person, people_rows, "people")
            categories = self.load_rows(BlogCategory, demo.CATEGORIES, "categories")
            series = self.load_rows(BlogSeries, demo.SERIES, "series")
            home = self.load_home(themes)
            blog = self.load_blog_index(home)
            for post in demo.POSTS:
                self.load_post(blog, post, themes, people, categories, series)
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
        home = HomePage.objects.first()
        wagtail_default = None
        if home is not None:
            self.present["home page"] += 1
        else:
            root = Page.get_first_root_node()
            # A fresh migrate leaves Wagtail's "Welcome" page at the slug we want: move it
            # aside, build the home page, point the site at it, then remove the old one.
            wagtail_default = root.get_children().filter(slug=demo.HOME["slug"]).first()
            if wagtail_default is not None:
                Page.objects.filter(pk=wagtail_default.pk).update(slug="wagtail-default-home")
            home = HomePage(**demo.HOME)
            home.featured_theme_links = [
                HomePageFeaturedTheme(theme=themes[slug], sort_order=position)
                for position, slug in enumerate(demo.FEATURED_THEMES)
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
            changes["site_name"] = demo.SITE_NAME
        if site.pk is None or any(getattr(site, k) != v for k, v in changes.items()):
            for name, value in changes.items():
                setattr(site, name, value)
            site.save()

    def load_blog_index(self, home):
        existing = home.get_children().filter(slug=demo.BLOG_INDEX["slug"]).first()
        if existing is not None:
            blog = existing.specific
            if not isinstance(blog, BlogIndexPage):
                raise CommandError(f"{existing.url_path} exists but is not a blog index page.")
            self.present["blog index"] += 1
            return blog
        blog = BlogIndexPage(show_in_menus=True, **demo.BLOG_INDEX)
        home.add_child(instance=blog)
        blog.save_revision().publish()
        self.created["blog index"] += 1
        return blog

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
