"""Shared set-up of the lookup benchmarks: a throw-away database, a loopback site, a real worker.

Each benchmark calls :func:`environment` before importing Django: it points the project at a
temporary directory (SQLite database, filesystem broker, media) or, with a Redis URL, at Redis
as broker, lets the fetcher reach 127.0.0.1 on the loopback server's port only, migrates, and
starts a Celery worker exactly as ``manage.py devserve`` does (threads pool, concurrency 20).
Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PAGE = (
    "<!doctype html><html><head><title>Harbour traffic report {n}</title></head><body><article>"
    "<h1>Harbour traffic report {n}</h1><p>The harbour authority counted {n} ships entering the port last month, "
    "and cargo volumes were steady compared with the same month a year earlier.</p>"
    "<p>Report number {n} of the series; figures are provisional until the annual audit.</p></article></body></html>"
)


class SlowSite(ThreadingHTTPServer):
    """Answers every page after ``delay`` seconds, each page with its own content."""

    daemon_threads = True
    request_queue_size = 256

    def __init__(self, delay: float) -> None:
        self.delay = delay

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(handler) -> None:
                time.sleep(self.delay)
                body = PAGE.format(n=handler.path.strip("/").replace("/", "-") or "0").encode()
                handler.send_response(200)
                handler.send_header("Content-Type", "text/html; charset=utf-8")
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                handler.wfile.write(body)

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


def redis_reachable(url: str) -> bool:
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        return False  # benchmarks only ever talk to this machine
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


class Environment:
    def __init__(self, *, site: SlowSite, redis_url: str | None, postgres_url: str | None = None) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
        self.site = site
        self.redis_url = redis_url
        self.worker: subprocess.Popen | None = None
        self.pg_server, self.pg_name = None, None
        if postgres_url:
            # A database of its own, created here and dropped in close().
            self.pg_server = postgres_url.rstrip("/").rsplit("/", 1)[0] if urlsplit(postgres_url).path.strip("/") \
                else postgres_url.rstrip("/")
            self.pg_name = f"factcheck_bench_{os.getpid()}"
            self._pg(f'CREATE DATABASE "{self.pg_name}"')
            database = f"{self.pg_server}/{self.pg_name}"
        else:
            database = f"sqlite:///{self.tmp / 'bench.sqlite3'}"
        env = {
            "FACTCHECK_VAR_DIR": str(self.tmp),
            "DATABASE_URL": database,
            "FETCH_ALLOW_HOSTS": "127.0.0.1",
            "FETCH_ALLOWED_PORTS": f"80,443,{site.server_address[1]}",
            "DJANGO_SETTINGS_MODULE": "factcheck.settings",
            "LOG_LEVEL": "WARNING",
        }
        if redis_url:
            env["REDIS_URL"] = redis_url
        else:
            os.environ.pop("REDIS_URL", None)
        os.environ.update(env)

    def _pg(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"{self.pg_server}/postgres", autocommit=True) as conn:
            conn.execute(sql)

    def setup(self) -> None:
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        if self.redis_url:
            from factcheck.celery import app

            with app.connection_for_write() as conn:
                for queue in ("default", "lookups"):
                    conn.default_channel.queue_purge(queue)

    def start_worker(self, concurrency: int = 20) -> None:
        # The same command line as `manage.py devserve` (without beat): the default configuration.
        log = open(self.tmp / "worker.log", "wb")  # noqa: SIM115 - handed to the child
        self.worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--pool", "threads",
             "--concurrency", str(concurrency), "--queues", "default,lookups", "--loglevel", "INFO",
             "--without-gossip", "--without-mingle", "--hostname", f"bench-{os.getpid()}@%h"],
            cwd=ROOT, env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            text = (self.tmp / "worker.log").read_text(errors="replace")
            if "ready." in text:
                return
            if self.worker.poll() is not None:
                raise SystemExit(f"worker exited:\n{text[-2000:]}")
            time.sleep(0.1)
        raise SystemExit("worker not ready after 60 s")

    def worker_cpu_seconds(self) -> float:
        """User+system CPU time the worker process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.worker.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def people(self):
        from factcheck.accounts.models import Role, User
        from factcheck.articles.services import article_create
        from factcheck.claims.services import claim_create

        editor = User.objects.create_user("bench-editor", password="x" * 20, role=Role.EDITOR)
        article = article_create(actor=editor, title="Port figures", outlet="Bench Gazette",
                                 text="The harbour handled 412 ships last month, the port said.\n")
        claim = claim_create(actor=editor, article_id=article.pk, quote="The harbour handled 412 ships last month")
        return editor, claim

    def close(self) -> None:
        if self.worker and self.worker.poll() is None:
            os.killpg(self.worker.pid, signal.SIGTERM)
            try:
                self.worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.worker.pid, signal.SIGKILL)
        self.site.shutdown()
        if self.pg_name:
            from django.db import connections

            connections.close_all()
            self._pg(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
        shutil.rmtree(self.tmp, ignore_errors=True)
