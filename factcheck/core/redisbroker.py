"""kombu's Redis transport, publishing through one ``redis.Redis`` per connection pool.

Stock kombu (5.x, redis.py ``conn_or_acquire``) builds a new ``redis.Redis`` for every message it
publishes; with redis-py 8 that copies some 170 response callbacks each time, about a fifth of a
Celery ``apply_async`` (bench/verdict_cpu.py: every verdict enqueues its email). A ``redis.Redis``
is safe to share between threads (each command takes a connection from the pool), so the channel
keeps one, made again when kombu replaces the pool (after a fork, or a reconnect). The commands
sent, the pool and its connections are kombu's own: only the client object is reused, as
core/cache.py does for the cache.

Selected by settings.CELERY_BROKER_TRANSPORT when the broker is a ``redis://`` or ``rediss://`` URL.
"""

from __future__ import annotations

from contextlib import contextmanager

from kombu.transport import redis


class Channel(redis.Channel):
    _reused_client = None

    @contextmanager
    def conn_or_acquire(self, client=None):
        if client:
            yield client
            return
        pool = self.pool
        reused = self._reused_client
        if reused is None or reused.connection_pool is not pool:
            reused = self._reused_client = self._create_client()
        yield reused


class Transport(redis.Transport):
    Channel = Channel
