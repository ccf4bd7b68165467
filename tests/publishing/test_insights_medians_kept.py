"""The median time to verdict is kept in the cache under the change stamps of what it reads
(publishing/insights._kept_medians): a page asked for again reads no review, and after any change
to the reviews (a verdict through the service, a bulk update, a delete, refresh_derived's rebuild)
the figure is the one counted from the rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factcheck.accounts.models import User
from factcheck.claims import derived, services
from factcheck.claims.models import Claim, Review
from factcheck.publishing import insights
from tests.publishing.test_insights import newsroom  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def _shown() -> tuple[dict, bool]:
    """The figure as the page shows it, and whether the reviews were read for it."""
    with CaptureQueriesContext(connection) as ctx:
        times = {r.username: (r.verdicts, r.median_hours) for r in insights.median_time_to_verdict()}
    return times, any("claims_review" in q["sql"] for q in ctx.captured_queries)


def _counted() -> dict:
    """The same figure counted from the rows now, nothing kept."""
    _, start = insights.window()
    medians = insights._medians(insights._reviews_in_window(start))
    names = dict(User.objects.filter(pk__in=medians).values_list("pk", "username"))
    return {names[pk]: (n, round(hours, 1)) for pk, (n, hours) in medians.items()}


@pytest.fixture
def shared(settings):
    if not settings.CACHE_SHARED:
        pytest.skip("the medians are kept only in a cache every process reads (CACHE_SHARED)")


@pytest.mark.usefixtures("shared")
def test_asked_again_the_medians_are_not_counted_again(newsroom):  # noqa: F811
    first, read = _shown()
    assert read and first == {"rita": (3, 4.0), "oscar": (1, 10.0)}
    again, read = _shown()
    assert again == first and not read


@pytest.mark.usefixtures("shared")
def test_a_verdict_through_the_service_shows_in_the_next_figure(newsroom, reviewer):  # noqa: F811
    _shown()
    claim = Claim.objects.get(pk=newsroom[3].pk)  # assigned to rita (an unverifiable verdict needs no source)
    services.verdict_record(
        actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="No register covers it.", version=claim.version
    )
    after, read = _shown()
    assert read and after == _counted()
    assert after["rita"][0] == 4


@pytest.mark.usefixtures("shared")
def test_a_bulk_update_and_a_delete_around_the_services_show_at_once(newsroom, reviewer):  # noqa: F811
    _shown()
    oldest = Review.objects.filter(reviewer=reviewer).order_by("created_at").first()
    Review.objects.filter(pk=oldest.pk).update(assigned_at=oldest.created_at - dt.timedelta(hours=1))
    after, read = _shown()
    assert read and after == _counted() and after["rita"] == (3, 2.0)
    Review.objects.filter(reviewer=reviewer).order_by("created_at").last().delete()
    after, read = _shown()
    assert read and after == _counted() and after["rita"] == (2, 2.5)


@pytest.mark.usefixtures("shared")
def test_refresh_derived_rebuilds_the_assignment_times_the_medians_read(newsroom):  # noqa: F811
    kept, _ = _shown()
    Review.objects.update(assigned_at=None)  # as after an import that left them out
    emptied, read = _shown()
    assert read and emptied == {}
    derived.refresh_all()
    rebuilt, read = _shown()
    assert read and rebuilt == kept == _counted()


def test_without_a_shared_cache_the_medians_are_counted_every_time(newsroom, settings):  # noqa: F811
    settings.CACHE_SHARED = False
    first, read = _shown()
    assert read and first == {"rita": (3, 4.0), "oscar": (1, 10.0)}
    again, read = _shown()
    assert read and again == first
