"""A project's status and duration, derived from its start and end dates.

Dates are written through Django's ``date_format`` with format strings the catalogues
translate (context "date format"), so month names and word order follow the active
language: "January–June 2009", "janvier–juin 2009", "enero–junio de 2009".
"""

from datetime import date
from enum import StrEnum

from django.utils.formats import date_format
from django.utils.translation import pgettext, pgettext_lazy


class Status(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"

    @property
    def label(self):
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.PLANNED: pgettext_lazy("project status", "Planned"),
    Status.ONGOING: pgettext_lazy("project status", "Ongoing"),
    Status.COMPLETED: pgettext_lazy("project status", "Completed"),
}


def status_on(today: date, start: date, end: date | None) -> Status:
    """Planned until the start date, completed after the end date, ongoing in between
    (both days included); a project without an end date never completes."""
    if start > today:
        return Status.PLANNED
    if end is not None and end < today:
        return Status.COMPLETED
    return Status.ONGOING


def month_year(day: date) -> str:
    """ "January 2009", "janvier 2009", "enero de 2009"."""
    return date_format(day, pgettext("date format", "F Y"))


def month(day: date) -> str:
    """The month's name alone, as the first month of a range within one year."""
    return date_format(day, pgettext("date format", "F"))


def short_date(day: date) -> str:
    """ "7 Dec 2014", "7 déc. 2014", "7 dic 2014"."""
    return date_format(day, pgettext("date format", "j M Y"))


def duration_label(start: date, end: date | None) -> str:
    """Month precision, as research projects are announced: "January–June 2009",
    "November 2014–March 2016", "June 2009", or "From January 2015" when open-ended."""
    if end is None:
        return pgettext("open-ended project", "From %(start)s") % {"start": month_year(start)}
    if (start.year, start.month) == (end.year, end.month):
        return month_year(start)
    if start.year == end.year:
        return pgettext("months of one year", "%(start)s–%(end)s") % {
            "start": month(start),
            "end": month_year(end),
        }
    return pgettext("months of two years", "%(start)s–%(end)s") % {
        "start": month_year(start),
        "end": month_year(end),
    }
