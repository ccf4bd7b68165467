"""The app served over real HTTP on 127.0.0.1 from a thread, for clients that need a socket (schemathesis).

pytest-django's live_server keeps connections alive and writes headers and body
separately, so every request waits ~40 ms for a delayed ACK; this server answers
each request on its own connection with TCP_NODELAY, ten times faster.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.core.handlers.wsgi import WSGIHandler
from django.db import connections


class _Handler(WSGIRequestHandler):
    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args) -> None:  # the test prints failures itself
        pass


class _Server(ThreadingMixIn, WSGIServer):
    # One thread per request, so two clients can run at once.
    allow_reuse_address = True
    daemon_threads = True
    # socketserver's default backlog of 5 resets connections when tests send twenty at once.
    request_queue_size = 128

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            # Each thread opened its own database connection; with persistent connections
            # (CONN_MAX_AGE) they would pile up until PostgreSQL refuses new clients.
            connections.close_all()


@contextmanager
def serve() -> Iterator[str]:
    """Yield the base URL of the app served on a free port of 127.0.0.1."""
    app = WSGIHandler()
    server = make_server("127.0.0.1", 0, app, server_class=_Server, handler_class=_Handler)

    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        connections.close_all()
