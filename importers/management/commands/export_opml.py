"""``manage.py export_opml [--output FILE]``."""

from pathlib import Path

from django.core.management.base import BaseCommand

from importers.models import FeedSource
from importers.opml import write_opml


class Command(BaseCommand):
    help = "Write every feed source as an OPML 2.0 file (to standard output by default)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="The file to write instead of stdout.")

    def handle(self, output=None, **options):
        document = write_opml(FeedSource.objects.select_related("partner").order_by("name"))
        if output:
            Path(output).write_text(document, encoding="utf-8")
            self.stderr.write(f"Wrote {FeedSource.objects.count()} sources to {output}.")
        else:
            self.stdout.write(document, ending="")
