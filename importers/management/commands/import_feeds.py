"""``manage.py import_feeds [--due|--all] [--source NAME]``: many sources, one by one."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from importers.models import FeedSource
from importers.runner import run_import


class Command(BaseCommand):
    help = "Import the sources that are due (default), all active ones, or one by name."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--due", action="store_true", help="Sources due now (the default).")
        which.add_argument("--all", action="store_true", help="Every active source.")
        which.add_argument("--source", metavar="NAME", help="One source, by name.")

    def handle(self, **options):
        if options["source"]:
            sources = list(FeedSource.objects.filter(name=options["source"]))
            if not sources:
                raise CommandError(f"No source called {options['source']!r}.")
        elif options["all"]:
            sources = list(FeedSource.objects.filter(active=True))
        else:
            sources = list(FeedSource.due(timezone.now()))

        rows = []
        for done, source in enumerate(sources, start=1):
            self._progress(done, len(sources), source.name)
            rows.append((source.name, run_import(source)))
        self._progress_end(len(sources))
        self._summary(rows)
        if any(report.status == "rejected" or report.failed for _, report in rows):
            raise SystemExit(1)

    def _progress(self, done, total, name):
        """A one-line progress bar, on a terminal only (logs and cron mail stay clean)."""
        if self.stdout.isatty():
            filled = round(20 * (done - 1) / total)
            bar = "#" * filled + "-" * (20 - filled)
            self.stdout.write(f"\r[{bar}] {done - 1}/{total} {name[:40]:40}", ending="")
            self.stdout.flush()

    def _progress_end(self, total):
        if self.stdout.isatty() and total:
            self.stdout.write(f"\r[{'#' * 20}] {total}/{total} {'':40}")

    def _summary(self, rows):
        header = ("source", "status", "new", "updated", "unchanged", "skipped", "failed")
        table = [header] + [
            (
                name[:40],
                report.status,
                *(str(getattr(report, n)) for n in header[2:]),
            )
            for name, report in rows
        ]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        for row in table:
            self.stdout.write(
                "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            )
        for name, report in rows:
            if report.error:
                self.stdout.write(f"{name}: {report.error}")
        if not rows:
            self.stdout.write("No sources to import.")
