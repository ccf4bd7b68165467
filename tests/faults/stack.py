"""A whole factcheck of its own for fault injection: Redis, PostgreSQL, gunicorn and a Celery worker.

Every process is started here, on free loopback ports and in a temporary directory, so the
tests (and bench/faults.py) can stop, hang and kill them without touching the machine's shared
PostgreSQL and Redis. Nothing here is mocked: the web process and the worker are the ones
`docker-compose.yml` runs, configured through the environment only.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PG_DIRS = ["/usr/local/bin", *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin(name: str) -> str | None:
    for folder in PG_DIRS:
        path = Path(folder) / name
        if path.exists() and os.access(path, os.X_OK):
            return str(path)
    return None


def missing_binaries() -> str | None:
    """Why this machine cannot run the stack, or None."""
    if not shutil.which("redis-server"):
        return "redis-server is not installed (apt-get install redis-server)"
    for name in ("initdb", "pg_ctl"):
        if not pg_bin(name):
            return f"PostgreSQL's {name} is not installed (looked in {', '.join(PG_DIRS)})"
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root with no 'postgres' user to run PostgreSQL as (it refuses to run as root)"
        if not shutil.which("runuser"):
            return "running as root and runuser is missing (PostgreSQL refuses to run as root)"
    return None


def wait_for(predicate: Callable[[], object], timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception as exc:  # the thing waited for may fail until it is up
            last_error = exc
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}" + (f" ({last_error})" if last_error else ""))


class Redis:
    def __init__(self, base: Path) -> None:
        self.port = free_port()
        self.dir = base / "redis"
        self.dir.mkdir()
        self.proc: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.dir), "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_for(self.answers, 10, "redis-server to answer")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.settimeout(0.5)
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.terminate()
            self.proc.wait(10)
        self.proc = None

    def hang(self) -> None:
        """SIGSTOP: the kernel still accepts connections, nothing ever answers (a hung broker)."""
        self.proc.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.proc.send_signal(signal.SIGCONT)


class Postgres:
    def __init__(self, base: Path) -> None:
        self.port = free_port()
        self.data = base / "pgdata"
        self.sockets = base / "pgsock"
        self.sockets.mkdir()
        self.log = base / "postgres.log"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/factcheck"
        self.owner_cmd: list[str] = []
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root: run it as the "postgres" user (missing_binaries checked it exists).
            self.owner_cmd = ["runuser", "-u", "postgres", "--"]
            shutil.chown(base, "postgres")
            shutil.chown(self.sockets, "postgres")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([*self.owner_cmd, *args], check=check, capture_output=True, text=True, timeout=120)

    def init(self) -> None:
        self._run(pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--no-sync")
        self.start()
        self._run(pg_bin("createdb") or "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "factcheck")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False


class Stack:
    """Redis + PostgreSQL + gunicorn (2 workers) + a Celery worker with beat, all on loopback."""

    def __init__(self, *, fetch_port: int, worker_env: dict | None = None, test_timings: bool = True,
                 env_overrides: dict | None = None) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="factcheck-faults-"))
        os.chmod(self.base, 0o755)
        self.redis = Redis(self.base)
        self.postgres = Postgres(self.base)
        self.web_port = free_port()
        self.fetch_port = fetch_port
        self.worker_env = worker_env or {}
        self.test_timings = test_timings
        self.env_overrides = env_overrides or {}
        self.web: subprocess.Popen | None = None
        self.beat: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []
        self.var = self.base / "var"
        self.var.mkdir()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def env(self, **extra: str) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "CELERY_"))}
        env.update({
            "DJANGO_SETTINGS_MODULE": "factcheck.settings", "DATABASE_URL": self.postgres.url,
            "REDIS_URL": self.redis.url, "FACTCHECK_VAR_DIR": str(self.var), "SECRET_KEY": "f" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,localhost", "FETCH_ALLOW_HOSTS": "127.0.0.1",
            "FETCH_ALLOWED_PORTS": f"80,443,{self.fetch_port}", "LOG_LEVEL": "INFO", "PYTHONUNBUFFERED": "1",
        })
        if self.test_timings:
            # Short sweeps so a broker outage ends within seconds, the shortest deadline so a slow lookup
            # outlives it, and a 10 s lease (15 by default) so a dead worker's lookups come back well inside
            # 30 s even on a loaded machine. bench/faults.py measures the defaults.
            env.update({"LOOKUP_SWEEP_SECONDS": "2", "LOOKUP_DEADLINE_SECONDS": "10", "LOOKUP_LEASE_SECONDS": "10",
                        "FETCH_TIMEOUT": "40"})
        env.update(self.env_overrides)
        env.update(extra)
        return env

    def manage(self, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env(), input=stdin,
                              capture_output=True, text=True, timeout=300)
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start(self) -> None:
        self.redis.start()
        self.postgres.init()
        self.manage("migrate", "--noinput")
        self.start_web()
        self.start_beat()
        self.start_worker()
        self.start_worker()

    def start_beat(self) -> None:
        """The sweeper's clock as its own process, as docker-compose runs it (killing a worker leaves it)."""
        log = open(self.base / "beat.log", "ab")  # noqa: SIM115 - handed to the child
        self.beat = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factcheck", "beat", "--schedule", str(self.base / "beat-schedule"),
             "--loglevel", "INFO"],
            cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def start_web(self) -> None:
        log = open(self.base / "gunicorn.log", "ab")  # noqa: SIM115 - handed to the child
        self.web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "factcheck.wsgi", "--bind", f"127.0.0.1:{self.web_port}",
             "--workers", "2", "--timeout", "30", "--graceful-timeout", "5"],
            cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(lambda: requests.get(self.url + "/healthz", timeout=5).status_code == 200, 60, "gunicorn")

    def start_worker(self, *, beat: bool = False, name: str = "", **extra: str) -> subprocess.Popen:
        name = name or f"w{len(self.workers)}"
        log_path = self.base / f"worker-{name}.log"
        log = open(log_path, "ab")  # noqa: SIM115 - handed to the child
        cmd = [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--pool", "threads", "--concurrency", "8",
               "--queues", "default,lookups", "--hostname", f"{name}@faults", "--loglevel", "INFO",
               "--without-gossip", "--without-mingle"]
        if beat:
            cmd += ["--beat", "--schedule", str(self.base / f"beat-{name}")]
        proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env(**{**self.worker_env, **extra}), stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        proc.log_path = log_path  # type: ignore[attr-defined]
        wait_for(lambda: proc.poll() is None and "ready." in log_path.read_text(errors="replace"), 90,
                 f"worker {name}")
        self.workers.append(proc)
        return proc

    def alive_workers(self) -> list[subprocess.Popen]:
        return [proc for proc in self.workers if proc.poll() is None]

    def worker_that_received(self, needle: str) -> subprocess.Popen | None:
        """The live worker whose log shows it took the task ``needle`` (a lookup id in the task's args)."""
        for proc in self.alive_workers():
            if needle in proc.log_path.read_text(errors="replace"):  # type: ignore[attr-defined]
                return proc
        return None

    @staticmethod
    def kill(proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)

    @staticmethod
    def terminate(proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                Stack.kill(proc)

    def close(self) -> None:
        for proc in [*self.workers, self.web, self.beat]:
            if proc is not None:
                self.terminate(proc)
        self.redis.stop()
        self.postgres.stop()
        if os.environ.get("FAULTS_KEEP_LOGS") != "1":  # set it to read the processes' logs afterwards
            shutil.rmtree(self.base, ignore_errors=True)

    # --- a desk to work on ------------------------------------------------------------------------

    def desk(self) -> dict:
        """An editor, a reviewer with API tokens, and an assigned claim with figures."""
        script = """
import json
from rest_framework.authtoken.models import Token
from factcheck.accounts.models import Role, User
editor = User.objects.create_user("faults-editor", password="faults-editor-pw-1", role=Role.EDITOR)
reviewer = User.objects.create_user("faults-reviewer", password="faults-reviewer-pw-1", role=Role.REVIEWER)
print(json.dumps({"editor": Token.objects.create(user=editor).key,
                  "reviewer": Token.objects.create(user=reviewer).key}))
"""
        tokens = json.loads(self.manage("shell", "-c", script).strip().splitlines()[-1])
        api = self.api(tokens["editor"])
        text = ("Floodwater reached the old mill quarter of Tessbury on Thursday night. Nearly 2,200 homes were "
                "flooded in the river district, the county council said.\n")
        article = api.post("/api/articles/", json={"title": "Tessbury flood", "text": text}).json()
        suggested = api.post(f"/api/articles/{article['id']}/suggest/", json={})
        claims = api.get(f"/api/claims/?article={article['id']}&type=quantity").json()["results"]
        assert claims, f"no quantity claim suggested: {suggested.status_code} {suggested.text[:500]}"
        claim = claims[0]
        # Every state change sends the version it read (refused with 400 without one).
        accepted = api.post(f"/api/claims/{claim['id']}/accept/", json={"version": claim["version"]})
        assert accepted.status_code == 200, accepted.text[:500]
        assigned = api.post(f"/api/claims/{claim['id']}/assign/", json={
            "reviewer": "faults-reviewer", "due": "2030-06-30", "version": accepted.json()["version"]})
        assert assigned.status_code == 200, assigned.text[:500]
        return {**tokens, "claim": claim["id"], "article": article["id"]}

    def api(self, token: str) -> requests.Session:
        session = _BaseSession(self.url)
        session.headers["Authorization"] = f"Token {token}"
        return session

    def browser_session(self, username: str, password: str) -> requests.Session:
        """A logged-in session posting the HTML forms, CSRF token and all, as the browser does."""
        session = _BaseSession(self.url)
        page = session.get("/accounts/login/")
        token = _csrf_from(page.text) or session.cookies.get("csrftoken")
        done = session.post("/accounts/login/", data={"username": username, "password": password,
                                                      "csrfmiddlewaretoken": token},
                            headers={"Referer": self.url + "/accounts/login/"})
        assert done.ok and "sessionid" in session.cookies, f"login failed: {done.status_code}"
        return session


class _BaseSession(requests.Session):
    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.trust_env = False  # never through a proxy: loopback only

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", 30)
        return super().request(method, self.base + url if url.startswith("/") else url, *args, **kwargs)


def _csrf_from(html: str) -> str:
    import re

    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return match.group(1) if match else ""
