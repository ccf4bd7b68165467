"""PostgreSQL connections held by `make run`'s web server under a burst of concurrent requests.

Run from the repository root: ``.venv/bin/python bench/server_connections.py --postgres
postgres://postgres@127.0.0.1:5432`` (a temporary database is created there and dropped).
It starts ``manage.py devserve`` exactly as ``make run`` does (gunicorn and a Celery worker;
``--reload`` measures ``make dev``'s runserver instead), sends ``-n`` requests at once (each on
its own connection: half /healthz, half an authenticated API list), and counts the server's
connections in pg_stat_activity (application_name factcheck-web) during and after the burst.
The bound is WEB_WORKERS x WEB_THREADS (default 2 x 4 = 8). Only loopback is contacted.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def web_connections(server: str, name: str) -> int:
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name = 'factcheck-web'", (name,)
        ).fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", required=True, help="PostgreSQL server URL on loopback, without a database name")
    parser.add_argument("-n", type=int, default=200, help="concurrent requests")
    parser.add_argument("--reload", action="store_true", help="measure `make dev` (runserver) instead")
    args = parser.parse_args()
    host = urlsplit(args.postgres).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("only a PostgreSQL on loopback may be used")
    server = args.postgres.rstrip("/")
    name = f"factcheck_bench_conn_{os.getpid()}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"{server}/{name}", "FACTCHECK_VAR_DIR": str(tmp), "PORT": str(port),
           "LOG_LEVEL": "WARNING", "API_THROTTLE_USER": "100000/min", "API_THROTTLE_ANON": "100000/min"}
    env.pop("REDIS_URL", None)
    python = sys.executable
    proc = None
    try:
        subprocess.run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
        subprocess.run([python, "manage.py", "addmember", "bench", "--role", "editor", "--password-stdin"], cwd=ROOT,
                       env=env, check=True, input="a long bench passphrase\n", text=True, capture_output=True)
        command = [python, "manage.py", "devserve", "--port", str(port)] + (["--reload"] if args.reload else [])
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("the server did not come up")
        body = json.dumps({"username": "bench", "password": "a long bench passphrase"}).encode()
        request = urllib.request.Request(f"{base}/api/auth/token/", data=body,
                                         headers={"Content-Type": "application/json"})
        token = json.load(urllib.request.urlopen(request, timeout=10))["token"]

        barrier = threading.Barrier(args.n)
        results: list[int] = []
        peak = [0]
        done = threading.Event()

        def watch() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], web_connections(server, name))
                time.sleep(0.05)

        def hit(i: int) -> None:
            url, headers = (f"{base}/healthz", {}) if i % 2 else (f"{base}/api/articles/",
                                                                    {"Authorization": f"Token {token}"})
            barrier.wait(timeout=60)
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=120) as r:
                    results.append(r.status)
            except urllib.error.HTTPError as exc:
                results.append(exc.code)
            except OSError:
                results.append(0)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        started = time.monotonic()
        threads = [threading.Thread(target=hit, args=(i,)) for i in range(args.n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        time.sleep(0.5)
        done.set()
        watcher.join()
        after = web_connections(server, name)
        ok = sum(1 for s in results if s == 200)
        served = "runserver (make dev)" if args.reload else "gunicorn 2 workers x 4 threads (make run)"
        print(f"server: {served}")
        print(f"requests: {args.n} at once, {ok} answered 200, {len(results) - ok} failed, {elapsed:.2f} s")
        bound = "" if args.reload else " (bound: 2 x 4 = 8)"
        print(f"web server's PostgreSQL connections: peak {peak[0]}, after the burst {after}{bound}")
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        for _ in range(20):
            try:
                with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except psycopg.Error:
                time.sleep(0.5)


if __name__ == "__main__":
    main()
