"""Start a real Celery worker process against the test database and broker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def test_database_url() -> str:
    """The URL of the database pytest-django created, for a child process."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


class Worker:
    def __init__(self, proc: subprocess.Popen, log: Path):
        self.proc = proc
        self.log = log

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        """SIGKILL the whole process group: no chance to ack or clean up."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def start_worker(
    *, name: str = "test", concurrency: int = 4, queues: str = "default,lookups", extra_env: dict | None = None,
    ready: Callable[[Worker], bool] | None = None, timeout: float = 30.0,
) -> Worker:
    env = dict(os.environ)
    env["DATABASE_URL"] = test_database_url()
    env["DJANGO_SETTINGS_MODULE"] = "factcheck.settings"
    env.setdefault("CELERY_BROKER_SUBDIR", os.environ.get("CELERY_BROKER_SUBDIR", "celery"))
    env["FETCH_ALLOW_HOSTS"] = ",".join(settings.FETCH_ALLOW_HOSTS)
    env["FETCH_ALLOWED_PORTS"] = ",".join(str(p) for p in settings.FETCH_ALLOWED_PORTS)
    env.update(extra_env or {})
    log = Path(settings.VAR_DIR) / f"worker-{name}-{os.getpid()}.log"
    log.unlink(missing_ok=True)
    out = open(log, "wb")  # noqa: SIM115 - handed to the child, closed with it
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--pool", "threads",
            "--concurrency", str(concurrency), "--queues", queues, "--hostname", f"{name}-{os.getpid()}@%h",
            "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
        ],
        cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
    )
    worker = Worker(proc, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Celery worker exited early:\n{worker.output()[-3000:]}")
        if "ready." in worker.output() and (ready is None or ready(worker)):
            return worker
        time.sleep(0.2)
    worker.stop()
    raise RuntimeError(f"Celery worker not ready after {timeout} s:\n{worker.output()[-3000:]}")


def purge_broker() -> None:
    from factcheck.celery import app

    try:
        with app.connection_for_write() as conn:
            for queue in ("default", "lookups"):
                conn.default_channel.queue_purge(queue)
    except Exception:
        pass


def wait_for(predicate: Callable[[], object], timeout: float = 30.0, interval: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")
