"""``manage.py import_opml FILE [--blog ID] [--partner NAME]``."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from blog.models import BlogIndexPage
from importers.models import FeedSource
from importers.opml import OPMLError, read_opml
from vocabulary.models import Organisation

NAME_LENGTH = FeedSource._meta.get_field("name").max_length
URL_LENGTH = FeedSource._meta.get_field("url").max_length


class Command(BaseCommand):
    help = (
        "Add a feed source for each feed of an OPML file whose URL is not a source yet "
        "(sources already there are left as they are). New sources publish into the first "
        "blog unless --blog is given, as drafts for review."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="An OPML file ('-' reads standard input).")
        parser.add_argument("--blog", type=int, help="The id of the blog index to publish in.")
        parser.add_argument("--partner", help="The name of the organisation to credit.")

    def handle(self, file, blog=None, partner=None, **options):
        data = self._read(file)
        try:
            feeds = read_opml(data)
        except OPMLError as error:
            raise CommandError(f"{file}: {error}") from None
        target = self._blog(blog)
        organisation = self._partner(partner)

        created = existing = 0
        with transaction.atomic():
            names = set(FeedSource.objects.values_list("name", flat=True))
            urls = set(FeedSource.objects.values_list("url", flat=True))
            for title, xml_url, _html_url in feeds:
                if xml_url in urls:
                    existing += 1
                    continue
                if not xml_url.startswith(("http://", "https://")) or len(xml_url) > URL_LENGTH:
                    self.stderr.write(f"Skipped {xml_url[:200]!r}: not an http(s) URL.")
                    continue
                name = unique_name(title, names)
                FeedSource.objects.create(
                    name=name, url=xml_url, target_blog=target, partner=organisation
                )
                names.add(name)
                urls.add(xml_url)
                created += 1
                self.stdout.write(f"  added {name} <{xml_url}>", self.style.SUCCESS)
        self.stdout.write(f"{created} created, {existing} existing.")

    def _read(self, file):
        if file == "-":
            return sys.stdin.buffer.read()
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file {file!r}.")
        return path.read_bytes()

    def _blog(self, blog_id):
        if blog_id is not None:
            blog = BlogIndexPage.objects.filter(pk=blog_id).first()
            if blog is None:
                raise CommandError(f"No blog index with id {blog_id}.")
            return blog
        blog = BlogIndexPage.objects.order_by("path").first()
        if blog is None:
            raise CommandError("There is no blog to import into; create one first.")
        return blog

    def _partner(self, name):
        if name is None:
            return None
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            raise CommandError(f"No organisation called {name!r}.")
        return organisation


def unique_name(title, taken):
    """``title`` cut to the name field's length, with " (2)", " (3)"... on a clash."""
    base = " ".join(title.split())[:NAME_LENGTH] or "Feed"
    name, n = base, 1
    while name in taken:
        n += 1
        suffix = f" ({n})"
        name = base[: NAME_LENGTH - len(suffix)] + suffix
    return name
