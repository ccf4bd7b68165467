"""`make run`'s server (manage.py devserve): gunicorn and a Celery worker, both stopped by one Ctrl-C."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _devserve(tmp_path: Path) -> tuple[subprocess.Popen, int, Path]:
    """`make run`'s server on a migrated SQLite database of its own, in a session of its own (for Ctrl-C)."""
    port, db = free_port(), tmp_path / "db.sqlite3"
    env = {**os.environ, "FACTCHECK_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{db}",
           "PORT": str(port), "CELERY_CONCURRENCY": "2", "LOG_LEVEL": "WARNING"}
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True,
                   timeout=300)
    proc = subprocess.Popen([sys.executable, "manage.py", "devserve"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    return proc, port, db


def test_devserve_serves_with_gunicorn_and_ctrl_c_stops_server_and_worker(tmp_path):
    proc, port, _ = _devserve(tmp_path)
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    status, server = response.status, response.headers.get("Server", "")
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("devserve did not answer /healthz")
        assert status == 200 and "gunicorn" in server
        children = _descendants(proc.pid)
        assert len(children) >= 3  # gunicorn's arbiter and workers, the Celery worker (and its beat)
        # Ctrl-C in a terminal signals the whole foreground process group.
        os.killpg(proc.pid, signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert "gunicorn, 2 workers x 4 threads" in out
    # Nothing is left running: no web server, no worker (nor its embedded beat), in any process group.
    assert _group_members(proc.pid) == []
    assert _still_running(children) == []


def _group_members(pgid: int) -> list[str]:
    for _ in range(50):
        out = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-g", str(pgid)], capture_output=True, text=True).stdout
        alive = [line for line in out.splitlines() if line.split()[1:2] and not line.split()[1].startswith("Z")]
        if not alive:
            return []
        time.sleep(0.2)
    return alive


def _descendants(pid: int) -> list[int]:
    rows = [line.split() for line in subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True,
                                                    text=True).stdout.splitlines()]
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        kids = [int(child) for child, ppid in rows if int(ppid) == parent]
        found += kids
        frontier += kids
    return found


def _still_running(pids: list[int]) -> list[int]:
    for _ in range(50):
        out = subprocess.run(["ps", "-o", "pid=,stat=", "-p", ",".join(map(str, pids))], capture_output=True,
                             text=True).stdout
        alive = [int(line.split()[0]) for line in out.splitlines() if not line.split()[1].startswith("Z")]
        if not alive:
            return []
        time.sleep(0.2)
    return alive


def _worker_names(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [name for (name,) in conn.execute("SELECT name FROM sources_worker")]


def _celery_worker(pid: int) -> int | None:
    for child in _descendants(pid):
        args = subprocess.run(["ps", "-o", "args=", "-p", str(child)], capture_output=True, text=True).stdout
        parent = subprocess.run(["ps", "-o", "ppid=", "-p", str(child)], capture_output=True, text=True).stdout
        if "celery" in args and parent.strip() == str(pid):
            return child
    return None


def test_a_killed_worker_is_started_again_while_the_site_keeps_answering(tmp_path):
    proc, port, db = _devserve(tmp_path)
    try:
        first = _wait(lambda: (w := _celery_worker(proc.pid)) and any(f":{w}:" in n for n in _worker_names(db)) and w)
        assert first, "the first worker never sent a heartbeat"
        os.kill(first, signal.SIGKILL)  # as the OOM killer would
        second = _wait(lambda: (w := _celery_worker(proc.pid)) and w != first
                       and any(f":{w}:" in n for n in _worker_names(db)) and w)
        assert second, "no new worker sent a heartbeat after the first was killed"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            assert response.status == 200
        os.killpg(proc.pid, signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate(timeout=10)
    assert "The worker exited with code -9" in out and "Starting the worker again (restart 1)" in out
    assert proc.returncode == 0


def _wait(probe, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = probe()
        except sqlite3.Error:  # the table is there once migrated; a write may hold it a moment
            found = None
        if found:
            return found
        time.sleep(0.3)
    return None
