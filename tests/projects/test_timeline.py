"""Status and duration derived from a project's dates, in Python and in SQL alike."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from projects.models import ProjectPage
from projects.timeline import Status, duration_label, status_on
from tests.factories import make_project

TODAY = date(2026, 11, 23)
DAY = timedelta(days=1)

STATUS_CASES = [
    # start, end, status on TODAY
    (TODAY + DAY, None, Status.PLANNED),
    (TODAY + DAY, TODAY + 30 * DAY, Status.PLANNED),
    (TODAY, None, Status.ONGOING),  # starts today
    (TODAY, TODAY, Status.ONGOING),  # a one-day project, today
    (TODAY - 30 * DAY, TODAY, Status.ONGOING),  # ends today
    (TODAY - 30 * DAY, TODAY + DAY, Status.ONGOING),
    (TODAY - 3000 * DAY, None, Status.ONGOING),  # open-ended never completes
    (TODAY - 30 * DAY, TODAY - DAY, Status.COMPLETED),  # ended yesterday
    (date(2009, 1, 1), date(2009, 6, 30), Status.COMPLETED),
]


@pytest.mark.parametrize(("start", "end", "expected"), STATUS_CASES)
def test_status_around_the_date_edges(start, end, expected):
    assert status_on(TODAY, start, end) is expected


@pytest.mark.django_db
def test_status_filter_in_sql_agrees_with_python(project_index):
    today = timezone.localdate()
    shift = today - TODAY  # the cases are written for TODAY; move them to the real today
    projects = {
        make_project(project_index, start=start + shift, end=end and end + shift).pk: expected
        for start, end, expected in STATUS_CASES
    }
    for status in Status:
        found = set(ProjectPage.objects.with_status(status).values_list("pk", flat=True))
        assert found == {pk for pk, expected in projects.items() if expected is status}, status
    for project in ProjectPage.objects.filter(pk__in=projects):
        assert project.status is projects[project.pk]


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (date(2009, 1, 1), date(2009, 6, 30), "January–June 2009"),
        (date(2014, 11, 1), date(2016, 3, 31), "November 2014–March 2016"),
        (date(2015, 6, 1), date(2015, 6, 30), "June 2015"),
        (date(2015, 1, 15), None, "From January 2015"),
        (date(2015, 12, 1), date(2016, 1, 31), "December 2015–January 2016"),
    ],
)
def test_duration_label(start, end, label):
    assert duration_label(start, end) == label
