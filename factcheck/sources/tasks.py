"""Background lookups (queue "lookups"): one generic task runs any provider, plus the sweeper.

Delivery is at-least-once: ``acks_late`` keeps the message until the task returns
and ``reject_on_worker_lost`` puts it back if the worker process dies, and the
sweeper re-enqueues rows no worker took before their deadline and rows whose worker died
(their lease ran out: sources/workers.py). The lookup row, not the message,
decides who does the work (see services.lookup_begin), so a duplicate message is
harmless: running a task twice leaves one snapshot and one result. The figure checks a
fetch queues run in the same task right after its commit (see run_lookup); their rows are
queued like any other, so the sweeper covers them too.

Time limits are set on every task for prefork pools. The default worker uses the
threads pool (lookups wait on the network, so 20 threads in one process cost
little and start instantly; see bench/lookups_concurrency.py), where Celery cannot
interrupt a thread: there the fetcher's own wall-clock budget (FETCH_TIMEOUT) and the
extractor's size bound (extract.HTML_PARSE_MAX_BYTES) keep a lookup short, and its lease, renewed
while the worker lives, keeps anyone else from taking it meanwhile.
"""

from __future__ import annotations

import logging
import time

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_init, worker_ready, worker_shutdown
from django.db import DatabaseError, connection

from factcheck.sources import providers, workers
from factcheck.sources.services import (
    follow_ups_inline,
    lookup_begin,
    lookup_complete,
    lookup_fail,
    lookup_release,
    lookups_requeue,
)

log = logging.getLogger(__name__)

SOFT_TIME_LIMIT = 90
TIME_LIMIT = 120


# A database restart takes a few seconds; the write-back of a gathered result is retried this
# long (with the result kept in memory, so the page is not fetched again) before the row is
# given back to the queue.
WRITE_BACK_RETRIES = (0.5, 1, 2, 3, 5, 8)
DB_UNAVAILABLE = ("The database was unavailable while saving this lookup's result; it has been queued again "
                  "and will run once the database is back.")


@worker_ready.connect
def _start_heartbeat(sender=None, **_kwargs) -> None:
    """Renew the leases of this process's running lookups for as long as it lives (sources/workers.py)."""
    try:
        queues = ",".join(sorted(sender.app.amqp.queues.consume_from))
    except AttributeError:  # not started by a Celery worker consumer
        queues = ""
    workers.start_heartbeat(queues)


@worker_process_init.connect
def _start_child_heartbeat(**_kwargs) -> None:
    """A prefork pool runs lookups in child processes: each is an owner of its own, renewing its leases."""
    workers.new_owner()
    workers.start_heartbeat("prefork child")


@worker_shutdown.connect
def _stop_heartbeat(**_kwargs) -> None:
    workers.stop_heartbeat()


@worker_ready.connect
def _warm_up(**_kwargs) -> None:
    """Load the extractor (about a second of imports and the public-suffix list) before the first
    task, so the first twenty lookups do not queue on the import lock together. No network."""
    from courlan.urlutils import extract_domain

    from factcheck.sources.extract import extract

    page = b"<html><head><title>Warm-up</title></head><body><article><p>" + b"Nothing to see here. " * 20
    extract(page + b"</p></article></body></html>", "text/html", url="https://example.org/warm-up")
    # The extractor reads the public-suffix list only for hosts its quick pattern misses (an
    # address with a port, a short name like bbc.com); unloaded, the first twenty such fetches
    # would each parse the file at the same time, taking turns on the GIL.
    extract_domain("https://example.org/warm-up", fast=False)


def run_lookup(lookup_id: int) -> str:
    """Run one lookup, then, after its transaction committed, the figure checks it queued.

    The follow-ups go through the same begin/complete as any lookup, so one that another worker
    already took (a sweeper re-enqueue, a manual retry) is skipped here.
    """
    with follow_ups_inline() as follow_ups:
        outcome = _run_one(lookup_id)
    for follow_up in follow_ups:
        try:
            _run_one(follow_up)
        except Exception:  # the row stays queued; the sweeper re-enqueues it after its deadline
            log.exception("follow-up lookup %s crashed", follow_up)
    return outcome


def _run_one(lookup_id: int) -> str:
    """Take the row, do the slow part outside any transaction, write the outcome in one."""
    lookup = lookup_begin(lookup_id)
    if lookup is None:
        return "skipped"
    log.info("lookup %s (%s) started, attempt %s, by %s", lookup.pk, lookup.kind, lookup.attempts, workers.WORKER_NAME)
    try:
        return _gather_and_write(lookup)
    finally:
        workers.release(lookup.pk)


def _gather_and_write(lookup) -> str:
    cls = providers.get(lookup.kind)
    if cls is None or not cls.enabled():
        return _fail(lookup, f"{providers.label(lookup.kind)} is not enabled in this newsroom.")
    provider = cls()
    try:
        data = provider.gather(lookup)
    except providers.LookupProblem as exc:
        return _fail(lookup, exc.message, blocked=exc.blocked)
    except SoftTimeLimitExceeded:
        return _fail(lookup, f"The lookup took longer than {SOFT_TIME_LIMIT} seconds and was stopped.")
    except DatabaseError:
        # The provider read the database (a figure check reads the snapshot) while it was away.
        log.warning("lookup %s (%s): database unavailable while gathering", lookup.pk, lookup.kind)
        connection.close()
        return _write(lookup, None, "released")
    except Exception as exc:
        log.exception("lookup %s (%s) crashed", lookup.pk, lookup.kind)
        return _fail(lookup, f"The lookup stopped on an unexpected error ({exc.__class__.__name__}); "
                             "the details are in the worker log.")
    return _write(lookup, lambda: lookup_complete(lookup, provider, data), "done")


def _fail(lookup, message: str, *, blocked: bool = False) -> str:
    return _write(lookup, lambda: lookup_fail(lookup, message, blocked=blocked), "blocked" if blocked else "failed")


def _write(lookup, write, outcome: str) -> str:
    """Write the outcome, riding out a database restart; give the row back if the database stays away.

    ``write`` returns False when another worker owns the row by now ("superseded"). A commit
    whose acknowledgement was lost looks like a failure here; the retry then finds the row
    finished and answers "superseded", so nothing is written twice.
    """
    for pause in (*WRITE_BACK_RETRIES, None):
        try:
            if write is None:
                break
            return outcome if write() else "superseded"
        except DatabaseError as exc:
            connection.close()  # never reuse a connection that broke mid-transaction
            if pause is None:
                break
            log.warning("lookup %s: database unavailable while saving (%s); retrying in %s s", lookup.pk, exc, pause)
            time.sleep(pause)
    for pause in (*WRITE_BACK_RETRIES, None):
        try:
            lookup_release(lookup, DB_UNAVAILABLE)
            break
        except DatabaseError:
            connection.close()
            if pause is None:
                # The lease is no longer renewed (workers.release), so the sweeper re-queues it.
                log.error("lookup %s: could not release it either; its lease will run out", lookup.pk)
                break
            time.sleep(pause)
    return "released"


@shared_task(name="factcheck.sources.tasks.lookup_run", acks_late=True, reject_on_worker_lost=True,
             soft_time_limit=SOFT_TIME_LIMIT, time_limit=TIME_LIMIT, ignore_result=True, bind=True)
def lookup_run(self, lookup_id: int) -> str:
    try:
        return run_lookup(lookup_id)
    except DatabaseError as exc:
        # The database was away when the lookup was to be taken (the write-back has its own retries):
        # try again shortly rather than leave the row queued until its deadline.
        connection.close()
        log.warning("lookup %s: database unavailable when taking it (%s); retrying in 5 s", lookup_id, exc)
        raise self.retry(countdown=5, max_retries=12) from None


@shared_task(name="factcheck.sources.tasks.lookups_sweep", acks_late=True, reject_on_worker_lost=True,
             soft_time_limit=50, time_limit=60, ignore_result=True)
def lookups_sweep() -> dict:
    """Beat task (CELERY_BEAT_SCHEDULE, every minute): re-enqueue lookups stuck past their deadline."""
    counts = lookups_requeue()
    if counts["requeued"] or counts["failed"]:
        log.info("lookups sweep: %s", counts)
    return counts
