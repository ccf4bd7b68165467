"""One failed send to a hung broker makes the process's next sends skip it, whatever they carry."""

from __future__ import annotations

import time

import pytest

from factcheck.core import broker_guard
from tests.support.broker import hung_broker

pytestmark = pytest.mark.django_db


def test_after_one_send_times_out_the_other_kinds_skip_the_broker_at_once(article):
    from factcheck.claims.services.common import _enqueue
    from factcheck.claims.tasks import notification_email
    from factcheck.sources.models import Lookup, LookupKind, LookupStatus
    from factcheck.sources.services import BROKER_DOWN, enqueue
    from factcheck.webhooks.services import enqueue as webhook_enqueue

    lookup = Lookup.objects.create(kind=LookupKind.FETCH, status=LookupStatus.QUEUED)
    with hung_broker():
        started = time.monotonic()
        assert enqueue(lookup.pk) is False
        first = time.monotonic() - started
        started = time.monotonic()
        assert webhook_enqueue(123456) is False
        _enqueue(notification_email, 654321)
        rest = time.monotonic() - started
    assert first >= 1.0  # the first send really waited on the hung broker
    assert rest < 0.5  # the next two did not wait again
    assert broker_guard.down()
    lookup.refresh_from_db()
    assert lookup.error == BROKER_DOWN  # the row says the lookup waits for the sweeper


def test_the_back_off_ends_and_the_broker_is_tried_again():
    sent = []
    failing = [True]

    def send():
        if failing[0]:
            raise ConnectionError("broker gone")
        sent.append(1)

    assert broker_guard.publish(send, "a test message") is False
    failing[0] = False
    assert broker_guard.publish(send, "a test message") is False and sent == []  # backing off: not even tried
    broker_guard._down_until = time.monotonic() - 1  # the back-off has run out
    assert broker_guard.publish(send, "a test message") is True and sent == [1]
    assert not broker_guard.down()
