"""Point this process's Celery app at a broker address of the test's choosing (dead or hung)."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator


@contextlib.contextmanager
def redis_broker_at(port: int) -> Iterator[None]:
    """Send this process's tasks to a Redis URL on a loopback port, with short timeouts.

    The Redis transport is set too: without services the app's broker is the filesystem
    transport, which would ignore the URL and send happily.
    """
    from django.conf import settings

    from factcheck.celery import app

    saved = (app.conf.broker_url, app.conf.broker_transport, app.conf.broker_transport_options,
             settings.CELERY_BROKER_URL)
    url = f"redis://127.0.0.1:{port}/0"
    app.conf.broker_url = settings.CELERY_BROKER_URL = url
    app.conf.broker_transport = "factcheck.core.redisbroker:Transport"
    app.conf.broker_transport_options = {"socket_connect_timeout": 1.0, "socket_timeout": 1.5}
    app._pool, app.amqp._producer_pool = None, None
    try:
        yield
    finally:
        if app._pool is not None:
            app._pool.force_close_all()
        app.conf.broker_url, app.conf.broker_transport, app.conf.broker_transport_options = saved[:3]
        settings.CELERY_BROKER_URL = saved[3]
        app._pool, app.amqp._producer_pool = None, None


@contextlib.contextmanager
def dead_broker() -> Iterator[None]:
    """A port nobody listens on: every send is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with redis_broker_at(port):
        yield


@contextlib.contextmanager
def hung_broker() -> Iterator[None]:
    """A port that takes connections and never answers: Redis stopped with SIGSTOP, as a client sees it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)  # the kernel completes handshakes into the backlog; nobody reads
    try:
        with redis_broker_at(listener.getsockname()[1]):
            yield
    finally:
        listener.close()
