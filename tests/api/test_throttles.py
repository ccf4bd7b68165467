"""The throttles' sliding estimate (api/throttles.py): the last minute counts, not the calendar minute."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from factcheck.api import throttles

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "user": "3/min"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


def at(monkeypatch, seconds: float) -> None:
    monkeypatch.setattr(throttles.time, "time", lambda: seconds)


def test_a_burst_at_the_end_of_a_minute_still_counts_after_it(three_a_minute, monkeypatch):
    throttle = throttles.UserRateThrottle()
    start = 1_000_000 * 60  # a window boundary
    at(monkeypatch, start + 59)
    assert [throttle.allow_key("throttle_user_7") for _ in range(4)] == [True, True, True, False]
    # A calendar-minute counter would let three more through at once; the sliding estimate does not.
    at(monkeypatch, start + 61)
    assert throttle.allow_key("throttle_user_7") is False
    assert 1 <= throttle.wait() <= 60
    at(monkeypatch, start + 61 + throttle.wait())
    assert throttle.allow_key("throttle_user_7") is True


def test_a_refused_request_is_not_counted(three_a_minute, monkeypatch):
    throttle = throttles.UserRateThrottle()
    at(monkeypatch, 2_000_000 * 60 + 10)
    assert [throttle.allow_key("throttle_user_8") for _ in range(10)] == [True] * 3 + [False] * 7
    assert cache.get(f"throttle_user_8:{2_000_000}") == 3


def test_a_claim_action_refused_before_its_throttle_is_not_counted_and_the_rate_holds(three_a_minute, reviewer, desk):
    # The claim actions count the member's throttle with the token's lookup (api/authentication.py):
    # a request refused before the throttle (here a deactivated member's token, 401) must leave the
    # count as the view's own throttle would, and the fourth counted request in a minute is refused.
    from tests.api.conftest import token_client

    client = token_client(reviewer)
    url = f"/api/claims/{desk['assigned'].pk}/verdict/"
    stale = {"verdict": "unverifiable", "rationale": "No records.", "version": 99}
    assert client.post(url, stale, format="json").status_code == 409  # counted: 1
    reviewer.is_active = False
    reviewer.save(update_fields=["is_active"])
    assert [client.post(url, stale, format="json").status_code for _ in range(4)] == [401] * 4
    reviewer.is_active = True
    reviewer.save(update_fields=["is_active"])
    assert [client.post(url, stale, format="json").status_code for _ in range(3)] == [409, 409, 429]
