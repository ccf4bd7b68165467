"""`manage.py devserve`: the web server and a real Celery worker (with beat) together.

Used by `make run`. Both run as child processes; Ctrl-C (or SIGTERM) stops both
and waits for them, so no worker is left behind holding the broker.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


def child_env(port: int, environ: dict[str, str] | None = None) -> dict[str, str]:
    """The children's environment: PORT set to the served port, so an unset SITE_URL
    (emails from the worker, API and ClaimReview URLs from the web) follows --port."""
    env = dict(os.environ if environ is None else environ)
    env["PORT"] = str(port)
    return env


class Command(BaseCommand):
    help = "Serve the app on 127.0.0.1:PORT with a Celery worker and beat."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--concurrency", type=int, default=int(os.environ.get("CELERY_CONCURRENCY", "20")))

    def handle(self, *args, port: int, host: str, concurrency: int, **options):
        python = sys.executable
        worker = [
            python, "-m", "celery", "-A", "factcheck", "worker", "--beat",
            "--schedule", str(settings.VAR_DIR / "celerybeat-schedule"),
            "--pool", "threads", "--concurrency", str(concurrency), "--queues", "default,lookups",
            "--loglevel", "INFO", "--without-gossip", "--without-mingle",
        ]
        web = [python, "manage.py", "runserver", f"{host}:{port}", "--noreload"]
        env = child_env(port)
        procs = [subprocess.Popen(worker, env=env), subprocess.Popen(web, env=env)]
        broker = "Redis" if settings.REDIS_URL else "the filesystem broker under var/celery"
        self.stdout.write(self.style.SUCCESS(f"factcheck on http://{host}:{port}/ with a Celery worker on {broker}"))
        self.stdout.write("Press Ctrl-C to stop both.")

        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(p.poll() is None for p in procs):
                time.sleep(0.3)
        finally:
            for p in procs:
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 15
            for p in procs:
                try:
                    p.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    p.kill()
        failed = [p for p in procs if p.returncode not in (0, -signal.SIGTERM, -signal.SIGINT)]
        if failed and not stopping:
            self.stderr.write("A child process exited unexpectedly; stopped the other.")
            sys.exit(1)
