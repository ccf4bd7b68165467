"""Several web processes and several workers against one PostgreSQL and one Redis, as separate hosts would run.

Each process is started here as its own OS process on loopback (gunicorn with one worker process, a
Celery thread-pool worker), with its own var folder standing in for a host's local disk: the only things
the processes share are the ones a newsroom's hosts share, the database, Redis, SECRET_KEY and the upload
storage (MEDIA_ROOT on a shared folder, or STORAGE_BACKEND=s3). Used by tests/test_multi_instance.py and
bench/multi_instance.py, which check that what one process does every other one sees.

The database is a fresh one created on the PostgreSQL server of a given URL and dropped afterwards;
Redis is a redis-server of our own on a free port (tests/faults/stack.py), so the suite's own worker
never takes these processes' tasks.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import requests

from tests.faults.stack import Redis, free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"  # tests/support/factories.py UserFactory
SECRET_KEY = "m" * 50  # one key for every host: a session signed by one is read by all


def database_url(server_url: str, name: str) -> str:
    """The URL of database ``name`` on the server of ``server_url``."""
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))


def _admin(server_url: str, sql: str) -> None:
    with psycopg.connect(database_url(server_url, "postgres"), autocommit=True) as conn:
        conn.execute(sql)


@dataclass
class Instance:
    """One process of the cluster, as one host would run it."""

    name: str
    proc: subprocess.Popen
    log: Path
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@dataclass
class Cluster:
    server_url: str  # a PostgreSQL server (its database name is ignored)
    fetch_port: int  # the loopback site the lookups may fetch from
    db_name: str = field(default_factory=lambda: f"fc_multi_cluster_{os.getpid()}")
    extra_env: dict = field(default_factory=dict)
    threads: int = 4

    def __post_init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="factcheck-multi-"))
        os.chmod(self.base, 0o755)
        self.media = self.base / "shared-media"  # the one shared folder, as NFS or a volume would be
        self.media.mkdir()
        self.redis = Redis(self.base)
        self.db_url = database_url(self.server_url, self.db_name)
        self.webs: list[Instance] = []
        self.workers: list[Instance] = []
        self.beat: Instance | None = None

    def env(self, host: str) -> dict:
        var = self.base / f"host-{host}"  # this host's local disk: nothing another host needs may be here
        var.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("DATABASE_URL", "REDIS_URL", "CELERY_", "MEDIA_ROOT", "STORAGE_", "AWS_"))}
        env.update({
            "DJANGO_SETTINGS_MODULE": "factcheck.settings", "DATABASE_URL": self.db_url, "REDIS_URL": self.redis.url,
            "FACTCHECK_VAR_DIR": str(var), "MEDIA_ROOT": str(self.media), "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost", "FETCH_ALLOW_HOSTS": "127.0.0.1",
            "FETCH_ALLOWED_PORTS": f"80,443,{self.fetch_port}", "DB_APPLICATION_NAME": f"multi-{host}",
            "PYTHONUNBUFFERED": "1", "LOG_LEVEL": "INFO",
            # A user's own pace is well under these; the load generator is one address and one member.
            "API_THROTTLE_USER": "100000/min", "API_THROTTLE_ANON": "100000/min",
        })
        env.update(self.extra_env)
        return env

    def manage(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env("admin"),
                              capture_output=True, text=True, timeout=300)
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def _spawn(self, name: str, cmd: list[str]) -> Instance:
        log = self.base / f"{name}.log"
        with open(log, "ab") as out:
            proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env(name), stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        return Instance(name, proc, log)

    def start(self, *, webs: int, workers: int, beat: bool = False) -> None:
        self.redis.start()
        _admin(self.server_url, f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
        _admin(self.server_url, f'CREATE DATABASE "{self.db_name}"')
        self.manage("migrate", "--noinput")
        for i in range(webs):
            port = free_port()
            web = self._spawn(f"web{i}", [
                sys.executable, "-m", "gunicorn", "factcheck.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1",
                "--worker-class", "gthread", "--threads", str(self.threads), "--timeout", "60"])
            web.port = port
            self.webs.append(web)
        for i in range(workers):
            self.workers.append(self._spawn(f"worker{i}", [
                sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--pool", "threads", "--concurrency",
                str(self.threads), "--queues", "default,lookups", "--hostname", f"worker{i}@multi", "--loglevel",
                "INFO", "--without-gossip", "--without-mingle"]))
        if beat:
            self.beat = self._spawn("beat", [sys.executable, "-m", "celery", "-A", "factcheck", "beat", "--schedule",
                                             str(self.base / "host-beat" / "celerybeat-schedule"), "--loglevel", "INFO"])
        for web in self.webs:
            wait_for(lambda w=web: _get(w.url + "/healthz").status_code == 200, 90, f"{web.name} to answer")
        for worker in self.workers:
            wait_for(lambda w=worker: w.proc.poll() is None and "ready." in w.output(), 90, f"{worker.name}")

    def close(self) -> None:
        for inst in [*self.webs, *self.workers, *([self.beat] if self.beat else [])]:
            if inst.proc.poll() is None:
                os.killpg(inst.proc.pid, signal.SIGTERM)
        for inst in [*self.webs, *self.workers, *([self.beat] if self.beat else [])]:
            try:
                inst.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(inst.proc.pid, signal.SIGKILL)
                inst.proc.wait(10)
        self.redis.stop()
        if os.environ.get("MULTI_KEEP_LOGS") == "1":
            return  # the logs and the database stay for reading afterwards
        with contextlib.suppress(psycopg.Error):  # the server went away: nothing left to drop
            _admin(self.server_url, f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
        shutil.rmtree(self.base, ignore_errors=True)

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(self.db_url, autocommit=True) as conn:
            return conn.execute(sql, params).fetchall()

    # --- a desk to work on ----------------------------------------------------------------------

    def desk(self, *, claims: int, members: int = 1) -> dict:
        """An editor, ``members`` reviewers (reviewer0…) and ``claims`` assigned claims on one article."""
        script = f"""
import json
from factcheck.accounts.models import Role
from factcheck.claims.models import ClaimStatus
from tests.support.factories import ArticleFactory, UserFactory, make_claim
editor = UserFactory(username="editor", role=Role.EDITOR)
reviewers = [UserFactory(username=f"reviewer{{i}}", role=Role.REVIEWER) for i in range({members})]
UserFactory(username="lockme", role=Role.REVIEWER)
sentences = [f"Council figures show {{1000 + i}} homes in ward {{i}} were flooded last winter." for i in range({claims})]
article = ArticleFactory(title="Flood survey", text=" ".join(sentences), created_by=editor)
ids = [make_claim(article, s, status=ClaimStatus.ASSIGNED, assignee=reviewers[i % len(reviewers)]).pk
       for i, s in enumerate(sentences)]
print(json.dumps({{"article": article.pk, "claims": ids}}))
"""
        return json.loads(self.manage("shell", "-c", script).strip().splitlines()[-1])


def _get(url: str) -> requests.Response:
    return requests.get(url, timeout=10)


class Browser(requests.Session):
    """One person's browser: a cookie jar (cookies are per host, not per port, so every web process gets
    them) and the HTML forms posted with their CSRF token, as the page does."""

    def __init__(self) -> None:
        super().__init__()
        self.trust_env = False  # never through a proxy: loopback only

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", 60)
        kwargs.setdefault("allow_redirects", False)
        return super().request(method, url, *args, **kwargs)

    def csrf(self) -> str:
        return self.cookies.get("csrftoken", "")

    def login(self, web: str, username: str, password: str = PASSWORD) -> requests.Response:
        self.get(web + "/accounts/login/")
        return self.post(web + "/accounts/login/", data={
            "username": username, "password": password, "csrfmiddlewaretoken": self.csrf()},
            headers={"Referer": web + "/accounts/login/"})

    def logged_in_at(self, web: str) -> bool:
        """The dashboard answers with the page (not a redirect to the login): the session is known there."""
        page = self.get(web + "/")
        return page.status_code == 200 and "Log out" in page.text

    def attach(self, web: str, claim: int, *, url: str = "", upload: tuple[str, bytes] | None = None) -> int:
        """Attach a source through the claim page's form; returns the new evidence id."""
        files = {"file": (upload[0], upload[1], "text/plain")} if upload else None
        done = self.post(f"{web}/claims/{claim}/sources/attach/", data={
            "url": url, "stance": "context", "note": "", "csrfmiddlewaretoken": self.csrf()}, files=files,
            headers={"Referer": f"{web}/claims/{claim}/", "HX-Request": "true"})
        if done.status_code != 200:
            raise AssertionError(f"attach on {web} answered {done.status_code}: {done.text[:300]}")
        found = re.findall(r"/evidence/(\d+)/", done.text)
        if not found:
            raise AssertionError(f"attach on {web}: no evidence in the panel: {done.text[:300]}")
        return max(int(x) for x in found)


# --- what every instance must see of what another one did -------------------------------------------


@dataclass
class Check:
    """One property checked across the instances: how many times, and what went wrong."""

    name: str
    done: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.done > 0 and not self.failures


def check_sessions(cluster: Cluster, username: str) -> tuple[Check, Browser]:
    """Log in on each web process in turn, then use that session on every other one."""
    check = Check("session from one web process used on the others")
    browser = Browser()
    for i, web in enumerate(cluster.webs):
        browser.cookies.clear()
        done = browser.login(web.url, username)
        if done.status_code != 302:
            check.failures.append(f"login on {web.name} answered {done.status_code}")
            continue
        for other in cluster.webs:
            if other is not web:
                check.done += 1
                if not browser.logged_in_at(other.url):
                    check.failures.append(f"logged in on {web.name}, unknown on {other.name}")
        if i == len(cluster.webs) - 1:
            break
    return check, browser


def check_uploads(cluster: Cluster, browser: Browser, claims: list[int]) -> Check:
    """Upload a file through one web process, download it (bytes compared) from every other one."""
    check = Check("upload through one web process, read from the others")
    for n, claim in enumerate(claims):
        via = cluster.webs[n % len(cluster.webs)]
        body = (f"Upload {n} of the multi-instance check: the council counted {2000 + n} homes flooded.\n").encode()
        evidence = browser.attach(via.url, claim, upload=(f"notes-{n}.txt", body))
        for other in cluster.webs:
            if other is via:
                continue
            check.done += 1
            got = browser.get(f"{other.url}/evidence/{evidence}/file/")
            if got.status_code != 200 or got.content != body:
                check.failures.append(f"upload {n} via {via.name}: {other.name} answered {got.status_code}")
    return check


def attach_urls_everywhere(cluster: Cluster, browser: Browser, site, claims: list[int], tag: str) -> list[str]:
    """Each page of ``site`` is attached to len(webs) claims at the same instant, one through each web process.

    Every request holds only its own claim's lock, so this is where two processes could each create the
    source or queue its fetch. Returns the page paths.
    """
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from tests.sources.support import Page, html_page

    webs = [w.url for w in cluster.webs]
    jobs, paths = [], []
    for g, start in enumerate(range(0, len(claims) - len(webs) + 1, len(webs))):
        path = f"/multi/{tag}/{g}.html"
        site.routes[path] = Page(html_page(f"Flood survey {g}", [
            f"The council counted {1000 + g} homes flooded in ward {g} last winter, its survey says."]))
        paths.append(path)
        barrier = threading.Barrier(len(webs))
        jobs += [(webs[k], claims[start + k], site.url(path), barrier) for k in range(len(webs))]

    def attach(job) -> int:
        web, claim, url, barrier = job
        barrier.wait(60)
        return browser.attach(web, claim, url=url)

    with ThreadPoolExecutor(max_workers=min(len(jobs), 24)) as pool:
        list(pool.map(attach, jobs))
    return paths


def check_lookups(cluster: Cluster, site, paths: list[str], timeout: float = 180) -> Check:
    """Every lookup ran once: one source per page, one fetch per source, one of each per claim, one attempt each."""
    check = Check("lookups queued from every web process, each run exactly once")
    urls = [site.url(p) for p in paths]
    wait_for(lambda: not cluster.query("SELECT 1 FROM sources_lookup WHERE status IN ('queued', 'running')")
             and cluster.query("SELECT count(*) FROM sources_snapshot")[0][0] >= len(urls), timeout,
             "every lookup to finish", interval=0.5)
    sources = dict(cluster.query("SELECT url, count(*) FROM sources_source WHERE url = ANY(%s) GROUP BY url",
                                 (urls,)))
    for url in urls:
        check.done += 1
        if sources.get(url, 0) != 1:
            check.failures.append(f"{sources.get(url, 0)} sources for {url}")
    rows = cluster.query(
        "SELECT kind, CASE WHEN kind = 'fetch' THEN NULL ELSE claim_id END, source_id, count(*), sum(attempts),"
        " bool_and(status = 'done') FROM sources_lookup JOIN sources_source s ON s.id = source_id"
        " WHERE s.url = ANY(%s) GROUP BY 1, 2, 3", (urls,))
    for kind, claim, source, count, attempts, done in rows:
        check.done += 1
        if count != 1 or attempts != 1 or not done:
            # Each row's story, so a failure seen once under load can be understood afterwards.
            detail = cluster.query(
                "SELECT id, status, attempts, created_at, started_at, result->>'snapshot', error FROM sources_lookup"
                " WHERE kind = %s AND source_id = %s AND (%s::bigint IS NULL OR claim_id = %s) ORDER BY id",
                (kind, source, claim, claim))
            check.failures.append(f"{kind} of source {source} claim {claim}: {count} rows, {attempts} attempts,"
                                  f" {'done' if done else 'not all done'}: {detail}")
    fetched = [p.split("?")[0] for p in site.requests]
    for path in paths:
        check.done += 1
        if fetched.count(path) != 1:
            check.failures.append(f"{path} fetched {fetched.count(path)} times")
    return check


def check_lockout(cluster: Cluster, username: str, limit: int) -> Check:
    """Failed logins spread over the web processes add up: after ``limit`` the account is locked on all."""
    check = Check(f"login lockout after {limit} failures spread over the web processes")
    for n in range(limit):
        browser = Browser()
        web = cluster.webs[n % len(cluster.webs)]
        done = browser.login(web.url, username, "wrong password")
        # The limit-th failure itself is already answered with the lockout page.
        if done.status_code != (429 if n == limit - 1 else 200):
            check.failures.append(f"failed login {n + 1} on {web.name} answered {done.status_code}")
    for web in cluster.webs:
        check.done += 1
        done = Browser().login(web.url, username)  # the right password, now refused
        if done.status_code != 429:
            check.failures.append(f"{web.name} answered {done.status_code} after {limit} failures elsewhere")
    return check


def check_throttle(cluster: Cluster, rate: int) -> Check:
    """API token requests from one address, spread over the web processes, share one budget."""
    check = Check(f"API login throttle ({rate}/min) shared by the web processes")
    for n in range(rate):
        web = cluster.webs[n % len(cluster.webs)]
        # A new name each time: axes locks per name, so only the throttle can refuse these.
        done = Browser().post(web.url + "/api/auth/token/", json={"username": f"nobody{n}", "password": "x"})
        if done.status_code == 429:
            check.failures.append(f"request {n + 1} on {web.name} throttled before the budget was spent")
    for web in cluster.webs:
        check.done += 1
        done = Browser().post(web.url + "/api/auth/token/", json={"username": "nobody", "password": "x"})
        if done.status_code != 429:
            check.failures.append(f"{web.name} answered {done.status_code} once the budget was spent elsewhere")
    return check
