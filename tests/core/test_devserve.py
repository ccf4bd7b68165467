"""`make run`'s server (manage.py devserve): gunicorn and a Celery worker, both stopped by one Ctrl-C."""

from __future__ import annotations

import os
import signal
import socket
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


def test_devserve_serves_with_gunicorn_and_ctrl_c_stops_server_and_worker(tmp_path):
    port = free_port()
    env = {**os.environ, "FACTCHECK_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "PORT": str(port), "CELERY_CONCURRENCY": "2", "LOG_LEVEL": "WARNING"}
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True,
                   timeout=300)
    proc = subprocess.Popen([sys.executable, "manage.py", "devserve"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
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
        # Ctrl-C in a terminal signals the whole foreground process group.
        os.killpg(proc.pid, signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert "gunicorn, 2 workers x 4 threads" in out
    # Nothing of the group is left running: no web server, no worker (nor its embedded beat).
    assert _group_members(proc.pid) == []


def _group_members(pgid: int) -> list[str]:
    for _ in range(50):
        out = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-g", str(pgid)], capture_output=True, text=True).stdout
        alive = [line for line in out.splitlines() if line.split()[1:2] and not line.split()[1].startswith("Z")]
        if not alive:
            return []
        time.sleep(0.2)
    return alive
