"""`manage.py devserve`: the web server and a real Celery worker (with beat) together.

Used by `make run` (gunicorn) and `make dev` (`--reload`: Django's auto-reloading
runserver). Both run as child processes (core/supervise.py): one that dies is started
again with a growing delay; Ctrl-C (or SIGTERM) stops both and waits for them, so no
worker is left behind holding the broker.

Why gunicorn and not runserver: runserver starts a thread per connection and each
thread keeps its own database connection (CONN_MAX_AGE), so a burst of requests
left a hundred idle PostgreSQL connections and then "too many clients". gunicorn's
gthread workers have a fixed pool, so the web server holds at most
WEB_WORKERS x WEB_THREADS connections (bench/server_connections.py measures it).
"""

import os
import signal
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from factcheck.core.supervise import Child, GiveUp, Supervisor


def child_env(port: int, environ: dict[str, str] | None = None) -> dict[str, str]:
    """The children's environment: PORT set to the served port, so an unset SITE_URL
    (emails from the worker, API and ClaimReview URLs from the web) follows --port."""
    env = dict(os.environ if environ is None else environ)
    env["PORT"] = str(port)
    return env


def web_command(python: str, host: str, port: int, workers: int, threads: int) -> list[str]:
    """The production web server exactly as `make run` starts it."""
    return [
        python, "-m", "gunicorn", "factcheck.wsgi:application",
        "--bind", f"{host}:{port}",
        "--worker-class", "gthread", "--workers", str(workers), "--threads", str(threads),
        # Requests queue in the listen backlog instead of opening more threads or connections.
        "--backlog", "2048",
        "--graceful-timeout", "5", "--timeout", "60",
        "--access-logfile", "-",
    ]


class Command(BaseCommand):
    help = "Serve the app on 127.0.0.1:PORT (gunicorn, or runserver with --reload) with a Celery worker and beat."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--concurrency", type=int, default=int(os.environ.get("CELERY_CONCURRENCY", "20")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", "4")))
        parser.add_argument("--reload", action="store_true", help="Django's runserver, restarting on code changes.")

    def handle(self, *args, port: int, host: str, concurrency: int, workers: int, threads: int, reload: bool,
               **options):
        python = sys.executable
        worker = [
            python, "-m", "celery", "-A", "factcheck", "worker", "--beat",
            "--schedule", str(settings.VAR_DIR / "celerybeat-schedule"),
            "--pool", "threads", "--concurrency", str(concurrency), "--queues", "default,lookups",
            "--loglevel", "INFO", "--without-gossip", "--without-mingle",
        ]
        if reload:
            web = [python, "manage.py", "runserver", f"{host}:{port}"]
            # runserver's thread per connection must not keep a connection each.
            web_env = {**child_env(port), "DB_CONN_MAX_AGE": "0", "DB_APPLICATION_NAME": "factcheck-web"}
            server = "runserver (auto-reload)"
        else:
            web = web_command(python, host, port, workers, threads)
            web_env = {**child_env(port), "DB_APPLICATION_NAME": "factcheck-web"}
            server = f"gunicorn, {workers} workers x {threads} threads"
        supervisor = Supervisor([
            Child("worker", worker, {**child_env(port), "DB_APPLICATION_NAME": "factcheck-worker"}),
            Child("web server", web, web_env),
        ], log=lambda line: self.stderr.write(line))
        supervisor.start()
        broker = "Redis" if settings.REDIS_URL else "the filesystem broker under var/celery"
        self.stdout.write(self.style.SUCCESS(
            f"factcheck on http://{host}:{port}/ ({server}) with a Celery worker on {broker}"
        ))
        self.stdout.write("Press Ctrl-C to stop both. A worker or server that dies is started again.")

        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping:
                supervisor.poll()
                time.sleep(0.3)
        except GiveUp as exc:
            self.stderr.write(str(exc))
            supervisor.stop()
            sys.exit(1)
        supervisor.stop()
