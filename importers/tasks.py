"""Background imports through Django's task API (django-tasks): the database backend and
its ``db_worker`` by default, Redis/RQ when REDIS_URL is set."""

from django.utils import timezone
from django_tasks import task

from .models import FeedSource
from .runner import run_import


@task()
def import_source(source_id: int) -> dict:
    """Import one source now (the admin's "Import now", or a due source)."""
    source = FeedSource.objects.filter(pk=source_id).first()
    if source is None:  # deleted while the task waited
        return {"status": "rejected", "error": "The source no longer exists."}
    report = run_import(source)
    return {key: value for key, value in report.as_dict().items() if key != "entries"}


@task()
def import_due_sources() -> int:
    """Queue an import of every active source that is due; run it every few minutes."""
    due = list(FeedSource.due(timezone.now()).values_list("pk", flat=True))
    for source_id in due:
        import_source.enqueue(source_id)
    return len(due)
