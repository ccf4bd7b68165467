"""Fixtures for the browser suite: Chromium via Playwright, the live app, a real worker, a loopback source site.

Every page a test opens is watched by a guard that fails the test at teardown on
any console error (CSP violations included), uncaught page exception, failed
request, HTTP status >= 400 the test did not announce, or JavaScript dialog.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import override_settings

from tests.support import services

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 10_000


@pytest.fixture(scope="package", autouse=True)
def _orm_beside_playwright():
    """Playwright's sync API keeps an asyncio loop in this thread, and Django then refuses ORM
    calls from the test body. Those calls are plain synchronous ones made between browser
    steps, so the check does not apply; the switch is on for this package only (it must
    never reach `manage.py check --deploy` or tests that run after these)."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if before is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


# --- Chromium -------------------------------------------------------------------------------

@pytest.fixture(scope="package")
def chromium():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        services.missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        services.missing("Playwright for Python is not installed")
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as exc:
        pw.stop()
        services.missing(f"Chromium at {CHROMIUM} did not start: {exc}")
    yield browser
    browser.close()
    pw.stop()


@dataclass
class PageGuard:
    """What went wrong in the browser during one test; asserted empty at teardown."""

    problems: list[str] = field(default_factory=list)
    expected: list[tuple[int, re.Pattern]] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    seen_expected: list[tuple[int, re.Pattern]] = field(default_factory=list)

    def expect_status(self, status: int, url_pattern: str = ".*") -> None:
        """Announce a response the test provokes on purpose (e.g. the 409 of a stale form)."""
        self.expected.append((status, re.compile(url_pattern)))

    def watch(self, page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"uncaught exception: {exc}"))
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)
        page.on("dialog", self._dialog)

    def _console(self, msg) -> None:
        if msg.type != "error":
            return
        url = msg.location.get("url", "")
        # Chromium also logs every >= 400 response; the announced ones are not problems.
        logged = re.match(r"Failed to load resource: the server responded with a status of (\d+)", msg.text)
        if logged and self._announced(int(logged.group(1)), url):
            return
        self.problems.append(f"console error: {msg.text} ({url})")

    def _announced(self, status: int, url: str) -> bool:
        return any(s == status and p.search(url) for s, p in [*self.expected, *self.seen_expected])

    def _request_failed(self, request) -> None:
        failure = request.failure or ""
        # A request cut short by the page navigating away (an htmx poll in
        # flight when a form is submitted) is the browser's doing, not a failure.
        if "ERR_ABORTED" in failure:
            return
        self.problems.append(f"request failed: {request.method} {request.url}: {failure}")

    def _response(self, response) -> None:
        if response.status < 400:
            return
        for i, (status, pattern) in enumerate(self.expected):
            if status == response.status and pattern.search(response.url):
                self.seen_expected.append(self.expected.pop(i))
                return
        self.problems.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    def _dialog(self, dialog) -> None:
        # The journeys never press a button that asks for confirmation, so a
        # dialog means injected script ran (journey 4) or a page regressed.
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        self.problems.append(f"unexpected {dialog.type} dialog: {dialog.message!r}")
        dialog.dismiss()


@pytest.fixture
def guard():
    return PageGuard()


@pytest.fixture
def new_context(chromium, guard, request):
    """Make a browser context (one person's session); every page in it is watched by the guard.
    ``make(javascript=False)``: a browser with scripts off, for the pages' plain-form path."""
    made = []

    def make(*, javascript: bool = True):
        context = chromium.new_context(viewport=VIEWPORT, locale="en-GB", timezone_id="UTC",
                                       java_script_enabled=javascript)
        context.set_default_timeout(TIMEOUT_MS)
        context.on("page", guard.watch)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()
    problems = list(guard.problems)
    problems += [f"announced HTTP {s} for {p.pattern} never came" for s, p in guard.expected]
    if problems and not getattr(request.node, "rep_call_failed", False):
        pytest.fail("browser problems:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def browser_context(new_context):
    return new_context()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.when == "call" and rep.failed:
        item.rep_call_failed = True


@pytest.fixture
def page(browser_context):
    return browser_context.new_page()


# --- The app and its worker -----------------------------------------------------------------

class SourceSite:
    """A small website on 127.0.0.1 that plays the part of the sources reviewers cite."""

    def __init__(self):
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.hits: list[str] = []
        self.posts: list[tuple[str, dict, bytes]] = []  # webhook deliveries: path, headers, body
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.hits.append(self.path)
                status, ctype, body = site.pages.get(self.path, (404, "text/plain", b"not here"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                # Plays a webhook receiver (a chat tool's incoming-webhook URL): records and says "ok".
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                site.posts.append((self.path, dict(self.headers.items()), body))
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, name="source-site", daemon=True)

    def add_html(self, path: str, html: str, status: int = 200) -> str:
        self.pages[path] = (status, "text/html; charset=utf-8", html.encode())
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="package")
def source_site_server():
    site = SourceSite().start()
    yield site
    site.stop()


@pytest.fixture
def source_site(source_site_server):
    """The loopback source site, emptied for this test (pages and the log of requests)."""
    source_site_server.pages.clear()
    source_site_server.hits.clear()
    source_site_server.posts.clear()
    return source_site_server


@pytest.fixture(scope="package")
def fetch_allowed(source_site_server):
    """Let the web process and the worker fetch from the loopback source site, and nothing else local."""
    from django.conf import settings

    before = {
        "FETCH_ALLOW_HOSTS": ",".join(settings.FETCH_ALLOW_HOSTS),
        "FETCH_ALLOWED_PORTS": ",".join(map(str, settings.FETCH_ALLOWED_PORTS)),
    }
    ports = sorted({*settings.FETCH_ALLOWED_PORTS, source_site_server.port})
    # (A newsroom name too, so the screenshots show the brand as a newsroom would.)
    override = override_settings(
        FETCH_ALLOW_HOSTS=["127.0.0.1"], FETCH_ALLOWED_PORTS=ports, NEWSROOM_NAME="Harbour Gazette"
    )
    override.enable()
    yield {
        "during": {"FETCH_ALLOW_HOSTS": "127.0.0.1", "FETCH_ALLOWED_PORTS": ",".join(map(str, ports))},
        "before": before,
    }
    override.disable()


@pytest.fixture(scope="package")
def browser_worker(celery_worker_proc, fetch_allowed, django_db_blocker):
    """The session's Celery worker, restarted so it may fetch from the source site; restored afterwards.

    The session worker may already be running for other tests with the default
    (loopback-refusing) fetch policy; two workers on one broker would race for
    the lookups, so the one worker is swapped rather than a second one started.
    """
    from tests.support.worker import start_worker

    def swap(name, extra_env):
        # The old worker's warm shutdown and the new one's start-up overlap; a
        # worker shutting down takes no new tasks, so the two never share work.
        old = celery_worker_proc.proc
        if old.poll() is None:
            os.killpg(old.pid, signal.SIGTERM)
        with django_db_blocker.unblock():
            fresh = start_worker(name=name, extra_env=extra_env)
        try:
            old.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(old.pid, signal.SIGKILL)
            old.wait(timeout=10)
        celery_worker_proc.proc, celery_worker_proc.log = fresh.proc, fresh.log

    swap("session-browser", fetch_allowed["during"])
    yield celery_worker_proc
    swap("session", fetch_allowed["before"])


@pytest.fixture
def app(chromium, live_server, browser_worker):
    """The live app (committed rows, so the worker sees them) with its worker; yields the base URL.

    Chromium comes first so a machine without it skips before any worker starts."""
    return live_server.url
