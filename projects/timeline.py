"""A project's status and duration, derived from its start and end dates."""

from datetime import date
from enum import StrEnum


class Status(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"

    @property
    def label(self):
        return self.value.capitalize()


def status_on(today: date, start: date, end: date | None) -> Status:
    """Planned until the start date, completed after the end date, ongoing in between
    (both days included); a project without an end date never completes."""
    if start > today:
        return Status.PLANNED
    if end is not None and end < today:
        return Status.COMPLETED
    return Status.ONGOING


def duration_label(start: date, end: date | None) -> str:
    """Month precision, as research projects are announced: "January–June 2009",
    "November 2014–March 2016", "June 2009", or "From January 2015" when open-ended."""
    if end is None:
        return f"From {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%B %Y}"
    if start.year == end.year:
        return f"{start:%B}–{end:%B %Y}"
    return f"{start:%B %Y}–{end:%B %Y}"
