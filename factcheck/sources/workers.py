"""Which worker process owns a running lookup, and whether that process is still alive.

A lookup taken by a worker carries the worker's name and a lease (``Lookup.lease_until``).
While the worker process lives, a heartbeat thread renews the leases of the lookups it is
running every few seconds and records the process itself in a ``Worker`` row. A worker that
dies (SIGKILL, OOM, a lost machine) stops renewing, so its lookups' leases run out within
``LOOKUP_LEASE_SECONDS`` and the sweeper re-queues them; a live worker's lease never runs out,
however long its lookup takes, so the sweeper never takes a lookup away from it. Before
leases, the only signal was the five-minute deadline, and it could not tell a slow lookup from a
dead worker (issue 13).

The heartbeat survives database restarts: a failed beat is logged and retried at the next one.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import platform
import threading
import uuid

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from factcheck.sources.models import Lookup, LookupStatus, Worker

log = logging.getLogger(__name__)

def _name() -> str:
    # Unique per process start: a restarted worker with the same pid is a different owner.
    return f"{platform.node()[:100]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


WORKER_NAME = _name()

_running: set[int] = set()
_lock = threading.Lock()
_heartbeat: Heartbeat | None = None


def new_owner() -> None:
    """A forked pool child: a name of its own, nothing inherited from the parent's bookkeeping."""
    global WORKER_NAME, _heartbeat
    WORKER_NAME = _name()
    _heartbeat = None  # the parent's thread did not survive the fork
    with _lock:
        _running.clear()


def lease_seconds() -> int:
    return settings.LOOKUP_LEASE_SECONDS


def lease_until(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) + dt.timedelta(seconds=lease_seconds())


def hold(lookup_id: int) -> None:
    """This process is running the lookup: renew its lease until :func:`release`."""
    with _lock:
        _running.add(lookup_id)


def release(lookup_id: int) -> None:
    with _lock:
        _running.discard(lookup_id)


def running() -> list[int]:
    with _lock:
        return sorted(_running)


def beat(queues: str = "") -> int:
    """Renew this process's leases and its Worker row; returns how many leases were renewed."""
    now = timezone.now()
    ids = running()
    renewed = 0
    if ids:
        renewed = Lookup.objects.filter(pk__in=ids, status=LookupStatus.RUNNING, worker=WORKER_NAME).update(
            lease_until=lease_until(now))
    updated = Worker.objects.filter(name=WORKER_NAME).update(seen_at=now, running=renewed)
    if not updated:
        Worker.objects.create(name=WORKER_NAME, queues=queues[:200], started_at=now, seen_at=now, running=renewed)
        # A killed worker never deletes its row: forget those silent for a day (once per process start).
        Worker.objects.filter(seen_at__lt=now - dt.timedelta(days=1)).delete()
    return renewed


class Heartbeat(threading.Thread):
    """Beats every third of a lease, so two missed beats (a database blip) do not lose one."""

    def __init__(self, queues: str = "") -> None:
        super().__init__(name="lookup-heartbeat", daemon=True)
        self.queues = queues
        self.stopping = threading.Event()
        self.failing = False

    def run(self) -> None:
        interval = max(1.0, lease_seconds() / 3)
        while not self.stopping.is_set():
            try:
                close_old_connections()
                beat(self.queues)
                if self.failing:
                    log.warning("lookup heartbeat: the database answers again")
                self.failing = False
            except DatabaseError as exc:
                if not self.failing:
                    log.warning("lookup heartbeat failed (%s); retrying every %.0f s", exc, interval)
                self.failing = True
                connection.close()  # a broken connection is never reused
            except Exception:  # the thread must outlive any surprise, or every lease would lapse
                log.exception("lookup heartbeat crashed; retrying")
            self.stopping.wait(interval)
        try:
            Worker.objects.filter(name=WORKER_NAME).delete()
        except DatabaseError:
            pass
        finally:
            connection.close()


def start_heartbeat(queues: str = "") -> None:
    global _heartbeat
    if _heartbeat is None or not _heartbeat.is_alive():
        _heartbeat = Heartbeat(queues)
        _heartbeat.start()


def stop_heartbeat() -> None:
    """A warm shutdown: drop the Worker row so monitors see the process gone at once."""
    global _heartbeat
    if _heartbeat is not None:
        _heartbeat.stopping.set()
        _heartbeat.join(timeout=5)
        _heartbeat = None


def live_workers(now: dt.datetime | None = None) -> list[Worker]:
    """Worker processes whose heartbeat is younger than one lease (for /healthz and the sweeper)."""
    cutoff = (now or timezone.now()) - dt.timedelta(seconds=lease_seconds())
    return list(Worker.objects.filter(seen_at__gte=cutoff).order_by("name"))
