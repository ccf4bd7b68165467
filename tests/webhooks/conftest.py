"""A loopback receiver for webhook deliveries and a Celery worker of its own that may reach it."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.support import services


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


class Receiver(BaseHTTPRequestHandler):
    server: ReceiverServer

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with self.server.lock:
            self.server.received.append(Received(self.path, dict(self.headers.items()), body))
            plan = self.server.plans.get(self.path) or []
            status = plan.pop(0) if plan else 200
        answer = b"ok" if status < 300 else b"receiver is down"
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


class ReceiverServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Receiver)
        self.lock = threading.Lock()
        self.received: list[Received] = []
        self.plans: dict[str, list[int]] = {}  # path -> statuses to answer, in order, then 200
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def at(self, path: str) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.path == path]

    def reset(self) -> None:
        with self.lock:
            self.received.clear()
            self.plans.clear()


QUEUE = f"webhooks-test-{os.getpid()}"


@pytest.fixture(scope="module")
def receiver():
    server = ReceiverServer()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def hook_settings(settings, receiver):
    """This process may register loopback URLs (the tests' allow-list) and enqueues to the test queue."""
    receiver.reset()
    settings.FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    settings.FETCH_ALLOWED_PORTS = [80, 443, receiver.port]
    settings.WEBHOOK_QUEUE = QUEUE
    settings.SITE_URL = "https://desk.example.org"
    return settings


@pytest.fixture(scope="module")
def hook_worker_proc(receiver, django_db_setup, django_db_blocker):
    """A worker consuming only this module's queue, allowed to reach the loopback receiver."""
    from tests.support.worker import start_worker

    if services.REQUIRE and not services.redis_url():
        pytest.fail("REQUIRE_SERVICES=1 but Redis is not reachable for the worker", pytrace=False)
    env = {"FETCH_ALLOW_HOSTS": "127.0.0.1", "FETCH_ALLOWED_PORTS": f"80,443,{receiver.port}",
           "WEBHOOK_QUEUE": QUEUE, "WEBHOOK_RETRY_BACKOFF": "0.5", "WEBHOOK_MAX_ATTEMPTS": "3",
           "SITE_URL": "https://desk.example.org"}
    with django_db_blocker.unblock():
        try:
            worker = start_worker(name="webhooks", queues=QUEUE, concurrency=2, extra_env=env)
        except RuntimeError as exc:
            services.missing(f"cannot start a Celery worker: {exc}")
    yield worker
    worker.stop()


@pytest.fixture
def hook_worker(hook_worker_proc, transactional_db, hook_settings):
    return hook_worker_proc
