"""A loopback web server whose pages each test defines, and helpers for lookup tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from factcheck.sources.figures import figure_check


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    headers: dict = field(default_factory=dict)


Route = Page | Callable[["Handler"], Page | None]


class Handler(BaseHTTPRequestHandler):
    server: LoopbackServer

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.query = parse_qs(parts.query)
        self.server.requests.append(self.path)
        route = self.server.routes.get(parts.path)
        page = route(self) if callable(route) else route
        if page is None:
            return  # the route answered (or deliberately did not) by itself
        if page.delay:
            time.sleep(page.delay)
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(page.body)


class LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.release = threading.Event()  # routes that hold a response open wait on this
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.release.set()
        self.shutdown()
        self.server_close()


def html_page(title: str, paragraphs: list[str], *, site: str = "", author: str = "", date: str = "") -> bytes:
    meta = ""
    if site:
        meta += f'<meta property="og:site_name" content="{site}">'
    if author:
        meta += f'<meta name="author" content="{author}">'
    if date:
        meta += f'<meta name="date" content="{date}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title>{meta}</head><body><nav>Home | News | Sport</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


def fetch_settings(settings, server: LoopbackServer) -> None:
    """Let the in-process fetcher reach the test server (loopback only)."""
    settings.FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    settings.FETCH_ALLOWED_PORTS = [80, 443, server.port]


def check(claim: str, source: str, value: float, unit: str | None):
    """The figure check of one exact figure against one passage (the figure-scope tests' one call)."""
    return figure_check(claim, source, [{"value": value, "qualifier": "exact", "unit": unit}])
