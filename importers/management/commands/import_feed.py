"""``manage.py import_feed SOURCE_OR_URL_OR_PATH [--json] [--dry-run]``."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from blog.models import BlogIndexPage
from importers.models import FeedSource
from importers.runner import run_import


class Command(BaseCommand):
    help = (
        "Import one feed: a source by name or id, or a URL or local file (an ad-hoc source is "
        "made for it under the first blog if none exists). Exit status 1 if it is rejected "
        "or an entry fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", help="A source's name or id, a feed URL, or a file path.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and tag the entries; write nothing."
        )

    def handle(self, target, **options):
        source, body = self._source_and_body(target, create=not options["dry_run"])
        report = run_import(source, body=body, dry_run=options["dry_run"])
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            self._print(source, report)
        if report.status == "rejected" or report.failed:
            raise SystemExit(1)

    def _source_and_body(self, target, create):
        if target.isdigit() and FeedSource.objects.filter(pk=int(target)).exists():
            return FeedSource.objects.get(pk=int(target)), None
        if (source := FeedSource.objects.filter(name=target).first()) is not None:
            return source, None
        path = Path(target)
        if "://" not in target and path.is_file():
            url, body = path.resolve().as_uri(), path.read_bytes()
        elif target.startswith(("http://", "https://")):
            url, body = target, None
        else:
            raise CommandError(f"No source, URL or file called {target!r}.")
        source = FeedSource.objects.filter(url=url).first()
        if source is None:
            blog = BlogIndexPage.objects.order_by("path").first()
            if blog is None:
                raise CommandError("There is no blog to import into; create one first.")
            source = FeedSource(name=url[:255], url=url, target_blog=blog)
            if create:
                source.save()
        return source, body

    def _print(self, source, report):
        if report.error:
            self.stderr.write(f"{source.name}: {report.status}: {report.error}")
        self.stdout.write(
            f"{source.name}: {report.status} — {report.new} new, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.skipped} skipped, {report.failed} failed"
        )
        for entry in report.entries:
            if entry.action in ("new", "updated", "failed", "skipped"):
                self.stdout.write(f"  {entry.action:9} {entry.title}")
