"""The safe fetcher: SSRF battery, pinning, budgets and the happy path.

Network rule for this file: nothing may connect outside 127.0.0.0/8 and ::1.  Every policy
here injects a resolver (no real DNS) and a connector; the live connector refuses any
non-loopback address before touching a socket, and the decision-only connector refuses
everything.  Public addresses only ever meet FakeSocket, which plays back canned bytes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import ipaddress
import json
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from factcheck.sources.fetch import (
    FetchBlocked,
    FetchError,
    FetchFailed,
    FetchPolicy,
    check_url,
    default_connector,
    fetch,
)

MB = 1024 * 1024
PUBLIC_IP = "93.184.216.34"  # only ever handed to fake connectors
ALLOWED = "allowed.test"
ALLOWED_2 = "allowed2.test"
GZIP_BOMB = gzip.compress(bytes(20 * MB), compresslevel=9)  # ~20 KB on the wire


# --- injected resolver and connectors -----------------------------------------------------


class FakeResolver:
    """A dict instead of DNS; unknown names fail like NXDOMAIN."""

    def __init__(self, table: dict[str, list[str] | list[list[str]]]) -> None:
        self.table = table
        self.calls: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append((host, port))
        answer = self.table.get(host)
        if answer is None:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} is not in the test resolver")
        if answer and isinstance(answer[0], list):  # successive answers (rebinding)
            return answer[min(len(self.calls), len(answer)) - 1]  # type: ignore[return-value]
        return answer  # type: ignore[return-value]


class LoopbackOnlyConnector:
    """Real connections, but only to loopback: a safety net in case the guard ever fails."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def __call__(self, ip: str, port: int, timeout: float) -> socket.socket:
        assert ip in ("127.0.0.1", "::1"), f"test tried to connect to {ip}"
        self.calls.append((ip, port))
        return default_connector(ip, port, timeout)


class NeverConnector:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, float]] = []

    def __call__(self, ip: str, port: int, timeout: float) -> socket.socket:
        self.calls.append((ip, port, timeout))
        raise AssertionError(f"the guard let a connection to {ip}:{port} through")


class FakeSocket:
    """Plays back a canned HTTP response and records what was sent; never touches a network."""

    def __init__(self, response: bytes) -> None:
        self._incoming = response
        self.sent = bytearray()
        self.closed = False

    def settimeout(self, timeout: float | None) -> None:
        pass

    def sendall(self, data: bytes) -> None:
        self.sent += data

    def recv_into(self, buffer: memoryview) -> int:
        n = min(len(buffer), len(self._incoming))
        buffer[:n] = self._incoming[:n]
        self._incoming = self._incoming[n:]
        return n

    def close(self) -> None:
        self.closed = True


class FakeConnector:
    def __init__(self, responses: dict[str, bytes | Exception]) -> None:
        self.responses = responses
        self.calls: list[tuple[str, int, float]] = []
        self.sockets: list[FakeSocket] = []

    def __call__(self, ip: str, port: int, timeout: float) -> FakeSocket:
        self.calls.append((ip, port, timeout))
        response = self.responses[ip]
        if isinstance(response, Exception):
            raise response
        sock = FakeSocket(response)
        self.sockets.append(sock)
        return sock


def canned(status: str = "200 OK", body: bytes = b"hello", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    if "Content_Length" not in headers:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


# --- the loopback listener ----------------------------------------------------------------


@dataclasses.dataclass
class Accepted:
    peer: tuple
    host: str | None = None  # the Host header, once the request line has been read
    path: str | None = None
    done: bool = False


class Handler(BaseHTTPRequestHandler):
    server: ListenerServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.record = Accepted(peer=self.client_address)
        with self.server.lock:
            self.server.accepted.append(self.record)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.record.done = True

    def raw(self, data: bytes) -> None:
        with contextlib.suppress(OSError):
            self.wfile.write(data)

    def respond(self, status: int, body: bytes = b"", ctype: str = "text/plain", **headers: str) -> None:
        head = [f"HTTP/1.0 {status} {self.responses.get(status, ('',))[0]}", f"Content-Type: {ctype}"]
        head += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
        if "Content_Length" not in headers:
            head.append(f"Content-Length: {len(body)}")
        self.raw(("\r\n".join(head) + "\r\n\r\n").encode() + (b"" if self.command == "HEAD" else body))

    def drip(self, data: bytes) -> None:
        deadline = time.monotonic() + 8
        try:
            for byte in data:
                if time.monotonic() > deadline:
                    return
                self.wfile.write(bytes([byte]))
                time.sleep(0.05)
        except OSError:
            return

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        # Webhook deliveries: echo what arrived, or redirect to show a POST is never followed.
        self.record.host = self.headers.get("Host", "")
        self.record.path = self.path
        length = int(self.headers.get("Content-Length", "0"))
        received = self.rfile.read(length) if length else b""
        if self.path.startswith("/to"):
            self.respond(307, Location=parse_qs(urlsplit(self.path).query)["url"][0])
            return
        body = json.dumps({"path": self.path, "headers": dict(self.headers.items()),
                           "body": received.decode()}).encode()
        self.respond(200, body, "application/json")

    def do_GET(self) -> None:
        self.record.host = self.headers.get("Host", "")
        self.record.path = self.path
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/ok":
            self.respond(200, b"<html><title>ok</title>hello</html>", "text/html; charset=utf-8")
        elif path == "/echo":
            body = json.dumps({"path": self.path, "headers": dict(self.headers.items())}).encode()
            self.respond(200, body, "application/json")
        elif path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            target = f"/redirect/{n - 1}" if n > 1 else f"http://{self.record.host}/ok"
            self.respond(302, Location=target)
        elif path == "/to":
            self.respond(int(query.get("status", ["302"])[0]), Location=query["url"][0])
        elif path.startswith("/loop/"):
            self.respond(307, Location=f"/loop/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/status/404":
            self.respond(404, b"nope")
        elif path == "/gzip":
            self.respond(200, gzip.compress(b"squeezed " * 100), Content_Encoding="gzip")
        elif path == "/gzip-bomb":
            self.respond(200, GZIP_BOMB, Content_Encoding="gzip")
        elif path == "/big-declared":
            self.respond(200, b"", Content_Length=str(6 * MB))
            self.raw(bytes(6 * MB))
        elif path == "/big-streamed":  # HTTP/1.0, no length: the body ends when we close
            self.raw(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n")
            for _ in range(6 * 16):
                self.raw(bytes(MB // 16))
        elif path == "/big-chunked":
            self.raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
            for _ in range(6 * 16):
                self.raw(b"%x\r\n" % (MB // 16) + bytes(MB // 16) + b"\r\n")
            self.raw(b"0\r\n\r\n")
        elif path == "/drip-body":
            self.raw(b"HTTP/1.0 200 OK\r\nContent-Length: 1000\r\n\r\n")
            self.drip(b"x" * 1000)
        elif path == "/drip-headers":
            self.raw(b"HTTP/1.0 200 OK\r\n")
            self.drip(b"X-Slow: " + b"a" * 1000)
        else:
            self.respond(404, b"unknown test route")


class ListenerServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple, family: int = socket.AF_INET) -> None:
        self.address_family = family
        self.accepted: list[Accepted] = []
        self.lock = threading.Lock()
        super().__init__(address, Handler)


@dataclasses.dataclass
class Listener:
    v4: ListenerServer
    v6: ListenerServer | None

    @property
    def port(self) -> int:
        return self.v4.server_address[1]

    @property
    def port6(self) -> int:
        return self.v6.server_address[1] if self.v6 else self.port

    def accepted(self) -> list[Accepted]:
        with self.v4.lock:
            items = list(self.v4.accepted)
        if self.v6:
            with self.v6.lock:
                items += self.v6.accepted
        return items

    def url(self, path: str, host: str = ALLOWED) -> str:
        return f"http://{host}:{self.port}{path}"

    def settle(self, before: int, expected: int, wait: float = 2.0) -> list[Accepted]:
        """Connections since ``before``, once the server has read their request lines."""
        deadline = time.monotonic() + wait
        while True:
            new = self.accepted()[before:]
            if (len(new) >= expected and all(a.host is not None or a.done for a in new)) or (time.monotonic() > deadline):
                return new
            time.sleep(0.01)


def _serve(address: tuple, family: int) -> ListenerServer:
    server = ListenerServer(address, family)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


@contextlib.contextmanager
def _listening():
    v4 = _serve(("127.0.0.1", 0), socket.AF_INET)
    try:
        v6 = _serve(("::1", 0, 0, 0), socket.AF_INET6)
    except OSError:
        v6 = None  # no IPv6 loopback here: [::1] cases still assert refusal
    try:
        yield Listener(v4, v6)
    finally:
        for server in (v4, v6):
            if server is not None:
                server.shutdown()
                server.server_close()


@pytest.fixture(scope="module")
def listener():
    """Shared by the battery; only allowed.test / allowed2.test may ever reach it."""
    with _listening() as shared:
        yield shared
    # Whatever ran in this module, only the allow-listed test host names reached the listener.
    for accepted in shared.accepted():
        assert accepted.host is None or accepted.host.split(":")[0] in (ALLOWED, ALLOWED_2), accepted


@pytest.fixture
def own_listener():
    """For tests that allow-list 127.0.0.1 itself, so the shared listener's invariant holds."""
    with _listening() as private:
        yield private


def live_policy(listener: Listener, **overrides: object) -> FetchPolicy:
    """Default policy, except: the listener's ports are allowed (so loopback forms are refused
    for their address, not their port) and allowed.test / allowed2.test map to 127.0.0.1."""
    resolver = FakeResolver(
        {
            ALLOWED: ["127.0.0.1"],
            ALLOWED_2: ["127.0.0.1"],
            "rebind.test": ["127.0.0.1"],
            "mixed.test": [PUBLIC_IP, "127.0.0.1"],
            "v6loop.test": ["::1"],
        }
    )
    values: dict = {
        "allow_hosts": {ALLOWED, ALLOWED_2},
        "allowed_ports": {80, 443, listener.port, listener.port6},
        "resolver": resolver,
        "connector": LoopbackOnlyConnector(),
    }
    values.update(overrides)
    return FetchPolicy(**values)


def redirect_to(target: str, status: int = 302) -> str:
    return f"/to?status={status}&url={quote(target, safe='')}"


def via_allowed(target: str, status: int = 302) -> str:
    return f"{{allowed}} -> {target} {status}"


# --- (a) live SSRF battery ----------------------------------------------------------------


@dataclasses.dataclass
class Case:
    id: str
    url: str  # {port}, {port6} and {allowed} are filled in
    error: type[FetchError]
    expect: str  # a substring of the error message
    connections: int = 0  # how many the allow-listed host may receive
    timeout: float | None = None

    def render(self, listener: Listener) -> str:
        fill = {"port": listener.port, "port6": listener.port6, "allowed": f"http://{ALLOWED}:{listener.port}"}
        url, _, target = self.url.partition(" -> ")
        if target:  # "{allowed} -> TARGET [STATUS]": the allowed host redirects to TARGET
            target, _, status = target.partition(" ")
            url += f"/to?status={status or 302}&url={quote(target.format(**fill), safe='')}"
        return url.format(**fill)


LOOPBACK = "is a loopback address"
# fmt: off
LIVE_CASES = [
    # Loopback, every spelling, straight at the listener.
    Case("dotted", "http://127.0.0.1:{port}/ok", FetchBlocked, "Blocked: 127.0.0.1 " + LOOPBACK),
    Case("decimal", "http://2130706433:{port}/ok", FetchBlocked, "2130706433 (127.0.0.1) " + LOOPBACK),
    Case("octal", "http://0177.0.0.1:{port}/ok", FetchBlocked, "0177.0.0.1 (127.0.0.1) " + LOOPBACK),
    Case("octal-padded", "http://00000177.0.0.01:{port}/ok", FetchBlocked, LOOPBACK),
    Case("hex-short", "http://0x7f.1:{port}/ok", FetchBlocked, "0x7f.1 (127.0.0.1) " + LOOPBACK),
    Case("hex-whole", "http://0x7F000001:{port}/ok", FetchBlocked, LOOPBACK),
    Case("short-2", "http://127.1:{port}/ok", FetchBlocked, "127.1 (127.0.0.1) " + LOOPBACK),
    Case("short-3", "http://127.0.1:{port}/ok", FetchBlocked, LOOPBACK),
    Case("other-127", "http://127.254.3.4:{port}/ok", FetchBlocked, LOOPBACK),
    Case("trailing-dot", "http://127.0.0.1.:{port}/ok", FetchBlocked, LOOPBACK),
    Case("fullwidth", "http://１２７．０．０．１:{port}/ok", FetchBlocked, "(127.0.0.1) " + LOOPBACK),
    Case("ideographic-dots", "http://127。0。0。1:{port}/ok", FetchBlocked, LOOPBACK),
    Case("zero", "http://0:{port}/ok", FetchBlocked, "0 (0.0.0.0) is the unspecified address"),
    Case("ipv6", "http://[::1]:{port6}/ok", FetchBlocked, "::1 " + LOOPBACK),
    Case("ipv6-long", "http://[0:0:0:0:0:0:0:1]:{port6}/ok", FetchBlocked, LOOPBACK),
    Case("ipv6-unspecified", "http://[::]:{port6}/ok", FetchBlocked, ":: is the unspecified address"),
    Case("v4-mapped", "http://[::ffff:127.0.0.1]:{port}/ok", FetchBlocked, "IPv4-mapped form of 127.0.0.1, a loopback"),
    Case("v4-mapped-hex", "http://[::ffff:7f00:1]:{port}/ok", FetchBlocked, "IPv4-mapped form of 127.0.0.1"),
    Case("v4-compat", "http://[::127.0.0.1]:{port}/ok", FetchBlocked, "IPv4-compatible form of 127.0.0.1"),
    Case("nat64", "http://[64:ff9b::7f00:1]:{port}/ok", FetchBlocked, "NAT64 form of 127.0.0.1"),
    Case("6to4", "http://[2002:7f00:1::]:{port}/ok", FetchBlocked, "6to4 form of 127.0.0.1"),
    Case("localhost", "http://localhost:{port}/ok", FetchBlocked, "localhost is a local-only host name"),
    Case("localhost-caps-dot", "http://LocalHost.:{port}/ok", FetchBlocked, "local-only host name"),
    Case("sub-localhost", "http://app.localhost:{port}/ok", FetchBlocked, "local-only host name"),
    Case("name-to-loopback", "http://rebind.test:{port}/ok", FetchBlocked, "rebind.test resolves to 127.0.0.1, a loopback"),
    Case("name-to-v6-loopback", "http://v6loop.test:{port6}/ok", FetchBlocked, "resolves to ::1, a loopback"),
    Case("name-mixed", "http://mixed.test:{port}/ok", FetchBlocked, "mixed.test resolves to 127.0.0.1"),
    Case("userinfo", "http://example.com@127.0.0.1:{port}/ok", FetchBlocked, "127.0.0.1 " + LOOPBACK),
    Case("userinfo-allowed-name", "http://allowed.test@127.0.0.1:{port}/ok", FetchBlocked, LOOPBACK),
    Case("userinfo-password", "http://user:pw@127.0.0.1:{port}/ok", FetchBlocked, LOOPBACK),
    Case("userinfo-on-allowed", "http://evil@allowed.test:{port}/ok", FetchBlocked, "user names or passwords"),
    Case("backslash", "http://allowed.test\\@127.0.0.1:{port}/ok", FetchBlocked, "backslash"),
    # From the allow-listed host, redirected to loopback it may not reach.
    Case("redirect-localhost", via_allowed("http://localhost:{port}/ok"), FetchBlocked,
         "redirect to http://localhost:{port}/ok refused: localhost is a local-only host name", 1),
    Case("redirect-decimal", via_allowed("http://2130706433:{port}/ok"), FetchBlocked,
         "refused: 2130706433 (127.0.0.1) " + LOOPBACK, 1),
    Case("redirect-dotted", via_allowed("http://127.0.0.1:{port}/ok", 301), FetchBlocked, LOOPBACK, 1),
    Case("redirect-rebind", via_allowed("http://rebind.test:{port}/ok", 307), FetchBlocked,
         "rebind.test resolves to 127.0.0.1", 1),
    Case("redirect-ipv6", via_allowed("http://[::1]:{port6}/ok", 308), FetchBlocked, LOOPBACK, 1),
    Case("redirect-mapped", via_allowed("http://[::ffff:127.0.0.1]:{port}/ok"), FetchBlocked,
         "IPv4-mapped", 1),
    Case("redirect-userinfo", via_allowed("http://allowed.test@127.0.0.1:{port}/ok"), FetchBlocked,
         LOOPBACK, 1),
    Case("redirect-metadata", via_allowed("http://169.254.169.254/latest/meta-data/"), FetchBlocked,
         "169.254.169.254 is a cloud metadata address", 1),
    Case("redirect-file", via_allowed("file:///etc/passwd"), FetchBlocked,
         "only http and https URLs can be fetched, not file:", 1),
    Case("redirect-gopher", via_allowed("gopher://127.0.0.1:{port}/_x"), FetchBlocked, "not gopher:", 1),
    Case("redirect-port", via_allowed("http://example.com:25/"), FetchBlocked, "port 25 is not allowed", 1),
    # The allow-listed host itself misbehaving.
    Case("too-many-redirects", "{allowed}/loop/0", FetchFailed, "Too many redirects (more than 5)", 6),
    Case("oversized-declared", "{allowed}/big-declared", FetchFailed,
         "Response larger than 5 MB (Content-Length: 6291456 bytes)", 1),
    Case("oversized-streamed", "{allowed}/big-streamed", FetchFailed, "Response larger than 5 MB", 1),
    Case("oversized-chunked", "{allowed}/big-chunked", FetchFailed, "Response larger than 5 MB", 1),
    Case("gzip-bomb", "{allowed}/gzip-bomb", FetchFailed, "Response larger than 5 MB once decompressed", 1),
    Case("slow-drip-body", "{allowed}/drip-body", FetchFailed, "Response timed out after 1 s", 1, timeout=1.0),
    Case("slow-drip-headers", "{allowed}/drip-headers", FetchFailed, "Response timed out after 1 s", 1, timeout=1.0),
]
# fmt: on


@pytest.mark.parametrize("case", LIVE_CASES, ids=[c.id for c in LIVE_CASES])
def test_live_battery(listener: Listener, case: Case) -> None:
    overrides = {"timeout": case.timeout} if case.timeout else {}
    policy = live_policy(listener, **overrides)
    before = len(listener.accepted())
    started = time.monotonic()

    with pytest.raises(FetchError) as caught:
        fetch(case.render(listener), policy=policy)

    assert type(caught.value) is case.error
    assert case.expect.format(port=listener.port) in caught.value.message
    # The budget is wall-clock: a drip that keeps every recv busy still ends on time.
    assert time.monotonic() - started < policy.timeout + 1.5
    new = listener.settle(before, case.connections)
    assert [a.host for a in new] == [f"{ALLOWED}:{listener.port}"] * case.connections
    assert policy.connector.calls == [("127.0.0.1", listener.port)] * case.connections


def test_live_battery_is_big_enough() -> None:
    assert len(LIVE_CASES) + len(DECISION_CASES) >= 25
    assert len(LIVE_CASES) >= 25


# --- happy path against the loopback listener ----------------------------------------------


def test_happy_path_follows_and_records_redirects(listener: Listener) -> None:
    policy = live_policy(listener)
    result = fetch(listener.url("/redirect/3"), policy=policy)

    assert result.status == 200
    assert result.ok
    assert result.body == b"<html><title>ok</title>hello</html>"
    assert result.content_type == "text/html; charset=utf-8"
    assert result.headers["content-type"] == "text/html; charset=utf-8"
    assert result.url == listener.url("/redirect/3")
    assert result.redirects == [listener.url(f"/redirect/{n}") for n in (3, 2, 1)]
    assert result.final_url == listener.url("/ok")
    assert result.ip == "127.0.0.1"
    assert 0 < result.elapsed < 5
    assert policy.connector.calls == [("127.0.0.1", listener.port)] * 4


def test_request_carries_name_in_host_header_and_safe_defaults(listener: Listener) -> None:
    policy = live_policy(listener, user_agent="factcheck-test/1")
    result = fetch(listener.url("/echo"), policy=policy, params={"q": "a b", "n": [1, 2]}, headers={"X-Desk": "1"})

    sent = json.loads(result.body)
    assert sent["path"] == "/echo?q=a+b&n=1&n=2"
    assert sent["headers"]["Host"] == f"{ALLOWED}:{listener.port}"
    assert sent["headers"]["User-Agent"] == "factcheck-test/1"
    assert sent["headers"]["Accept-Encoding"] == "identity"
    assert sent["headers"]["Connection"] == "close"
    assert sent["headers"]["X-Desk"] == "1"


def test_cross_origin_redirect_drops_caller_credentials(listener: Listener) -> None:
    policy = live_policy(listener)
    target = f"http://{ALLOWED_2}:{listener.port}/echo"
    result = fetch(
        listener.url(redirect_to(target)),
        policy=policy,
        headers={"Authorization": "Bearer secret", "X-Api-Key": "k", "Accept-Language": "de"},
    )
    sent = json.loads(result.body)["headers"]
    assert "Authorization" not in sent and "X-Api-Key" not in sent
    assert sent["Accept-Language"] == "de"
    assert sent["Host"] == f"{ALLOWED_2}:{listener.port}"


def test_gzip_is_decoded_within_cap(listener: Listener) -> None:
    result = fetch(listener.url("/gzip"), policy=live_policy(listener))
    assert result.body == b"squeezed " * 100
    assert "content-encoding" not in result.headers


def test_head_and_error_status_are_returned(listener: Listener) -> None:
    policy = live_policy(listener)
    head = fetch(listener.url("/ok"), policy=policy, method="HEAD")
    assert head.status == 200 and head.body == b""

    missing = fetch(listener.url("/status/404"), policy=policy)
    assert missing.status == 404 and missing.body == b"nope" and not missing.ok
    with pytest.raises(FetchFailed, match=r"HTTP 404 Not Found from http://allowed\.test"):
        missing.raise_for_status()


def test_port_rule_applies_to_allow_listed_hosts_too(listener: Listener) -> None:
    """Allow-listing a host is not allowing every service on it: an unlisted port is refused
    for an allow-listed name and an allow-listed IP alike, before any connection."""
    never = NeverConnector()
    policy = live_policy(listener, allowed_ports={80, 443}, allow_hosts={ALLOWED, "127.0.0.1"}, connector=never)
    for url in (listener.url("/ok"), f"http://127.0.0.1:{listener.port}/ok", f"http://example.com:{listener.port}/ok"):
        with pytest.raises(FetchBlocked, match=rf"port {listener.port} is not allowed \(allowed: 80, 443\)"):
            fetch(url, policy=policy)
    assert never.calls == []


def test_unlisted_port_of_allow_listed_loopback_gets_no_connection(own_listener: Listener) -> None:
    """With a real listener recording connections: the refused port sees none, the listed one does."""
    listener = own_listener
    before = len(listener.accepted())
    refused = live_policy(listener, allow_hosts={"127.0.0.1"}, allowed_ports={80, 443})
    with pytest.raises(FetchBlocked, match="is not allowed"):
        fetch(f"http://127.0.0.1:{listener.port}/ok", policy=refused)
    assert listener.settle(before, 0, wait=0.2) == []
    allowed = live_policy(listener, allow_hosts={"127.0.0.1"})
    assert fetch(f"http://127.0.0.1:{listener.port}/ok", policy=allowed).status == 200
    assert len(listener.settle(before, 1)) == 1


def test_allow_listed_ip_is_reachable_but_other_names_for_it_are_not(own_listener: Listener) -> None:
    listener = own_listener
    policy = live_policy(listener, allow_hosts={"127.0.0.1"})
    assert fetch(f"http://127.0.0.1:{listener.port}/ok", policy=policy).status == 200
    # Same address, different spelling: it is normalised before the allow-list is consulted.
    assert fetch(f"http://0x7f.1:{listener.port}/ok", policy=policy).status == 200
    with pytest.raises(FetchBlocked, match="local-only host name"):
        fetch(f"http://localhost:{listener.port}/ok", policy=policy)
    with pytest.raises(FetchBlocked, match=r"rebind\.test resolves to 127\.0\.0\.1"):
        fetch(f"http://rebind.test:{listener.port}/ok", policy=policy)


def test_connection_refused_is_a_clear_failure(listener: Listener) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    policy = live_policy(listener, allowed_ports={listener.port, closed_port})
    with pytest.raises(FetchFailed, match=rf"Connection refused by 127\.0\.0\.1 port {closed_port}"):
        fetch(f"http://{ALLOWED}:{closed_port}/", policy=policy)


# --- https: pinned address, certificate checked for the name ----------------------------------


@pytest.fixture(scope="module")
def tls_listener(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tls")
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    try:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={ALLOWED}",
             "-addext", f"subjectAltName=DNS:{ALLOWED}", "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        pytest.skip("openssl is needed to make a test certificate")
    server = ListenerServer(("127.0.0.1", 0))
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    server.socket = server_ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    client_ctx = ssl.create_default_context(cafile=str(cert))
    yield server, client_ctx
    server.shutdown()
    server.server_close()


def test_https_pins_address_and_verifies_the_name(listener: Listener, tls_listener) -> None:
    server, client_ctx = tls_listener
    port = server.server_address[1]
    policy = live_policy(listener, tls_context=client_ctx, allowed_ports={port})

    result = fetch(f"https://{ALLOWED}:{port}/echo", policy=policy)
    assert result.ip == "127.0.0.1"
    assert json.loads(result.body)["headers"]["Host"] == f"{ALLOWED}:{port}"

    # Same pinned address, but the certificate is not for this name: refused.
    with pytest.raises(FetchFailed, match=f"TLS certificate verification failed for {ALLOWED_2}"):
        fetch(f"https://{ALLOWED_2}:{port}/echo", policy=policy)


# --- (b) decision-only battery: nothing may connect ------------------------------------------

DECISION_RESOLVER = {
    "example.com": [PUBLIC_IP],
    "mixed.example": [PUBLIC_IP, "10.0.0.5"],
    "private.example": ["192.168.0.10"],
    "cgnat.example": ["100.64.1.1"],
    "ula.example": ["fd12:3456::1"],
    "mapped.example": ["::ffff:10.1.2.3"],
    "scoped.example": ["fe80::1%eth0"],
    "meta.example": ["169.254.169.254"],
    "10.0.0.1.nip.io": ["10.0.0.1"],
    "garbage.example": ["not-an-ip"],
}
# (url, error, substring of the message)
DECISION_CASES = [
    ("http://10.0.0.1/", FetchBlocked, "Blocked: 10.0.0.1 is a private address"),
    ("http://10.255.255.255/", FetchBlocked, "is a private address"),
    ("http://172.16.0.1/", FetchBlocked, "172.16.0.1 is a private address"),
    ("http://172.31.255.254/", FetchBlocked, "is a private address"),
    ("http://192.168.1.1/", FetchBlocked, "192.168.1.1 is a private address"),
    ("http://100.64.0.1/", FetchBlocked, "100.64.0.1 is a carrier-grade NAT (shared) address"),
    ("http://169.254.169.254/latest/meta-data/", FetchBlocked, "169.254.169.254 is a cloud metadata address"),
    ("http://0xa9fea9fe/", FetchBlocked, "0xa9fea9fe (169.254.169.254) is a cloud metadata address"),
    ("http://169.254.170.2/v2/credentials", FetchBlocked, "cloud metadata address"),
    ("http://metadata.google.internal/computeMetadata/v1/", FetchBlocked, "is a cloud metadata host name"),
    ("http://METADATA.google.internal./", FetchBlocked, "cloud metadata host name"),
    ("http://169.254.1.1/", FetchBlocked, "169.254.1.1 is a link-local address"),
    ("http://[fe80::1]/", FetchBlocked, "fe80::1 is a link-local address"),
    ("http://[fe80::1%25eth0]/", FetchBlocked, "scoped IPv6 address"),
    ("http://[fc00::1]/", FetchBlocked, "fc00::1 is a unique-local address"),
    ("http://[fd00:ec2::254]/latest/meta-data/", FetchBlocked, "fd00:ec2::254 is a cloud metadata address"),
    ("http://[fec0::1]/", FetchBlocked, "fec0::1 is a site-local address"),
    ("http://[::ffff:10.0.0.1]/", FetchBlocked, "IPv4-mapped form of 10.0.0.1, a private address"),
    ("http://[::ffff:169.254.169.254]/", FetchBlocked, "IPv4-mapped form of 169.254.169.254, a cloud metadata"),
    ("http://[::ffff:a9fe:a9fe]/", FetchBlocked, "IPv4-mapped form of 169.254.169.254"),
    ("http://[64:ff9b::a9fe:a9fe]/", FetchBlocked, "NAT64 form of 169.254.169.254"),
    ("http://[2002:c0a8:101::1]/", FetchBlocked, "6to4 form of 192.168.1.1, a private address"),
    ("http://[::10.0.0.1]/", FetchBlocked, "IPv4-compatible form of 10.0.0.1"),
    ("http://[2001::1]/", FetchBlocked, "Teredo"),
    ("http://224.0.0.1/", FetchBlocked, "224.0.0.1 is a multicast address"),
    ("http://239.255.255.250:80/", FetchBlocked, "is a multicast address"),
    ("http://[ff02::1]/", FetchBlocked, "ff02::1 is a multicast address"),
    ("http://0.0.0.0/", FetchBlocked, "0.0.0.0 is the unspecified address"),
    ("http://0.1.2.3/", FetchBlocked, "'this network' address"),
    ("http://240.0.0.1/", FetchBlocked, "240.0.0.1 is a reserved address"),
    ("http://255.255.255.255/", FetchBlocked, "255.255.255.255 is the broadcast address"),
    ("http://192.0.2.1/", FetchBlocked, "is a documentation address"),
    ("http://198.51.100.7/", FetchBlocked, "is a documentation address"),
    ("http://[2001:db8::1]/", FetchBlocked, "is a documentation address"),
    ("http://198.18.0.1/", FetchBlocked, "is a benchmarking address"),
    ("http://192.0.0.192/", FetchBlocked, "cloud metadata address"),
    ("http://168.63.129.16/", FetchBlocked, "cloud metadata address"),
    ("http://mixed.example/", FetchBlocked, "mixed.example resolves to 10.0.0.5, a private address"),
    ("http://private.example/", FetchBlocked, "private.example resolves to 192.168.0.10, a private address"),
    ("http://cgnat.example/", FetchBlocked, "resolves to 100.64.1.1, a carrier-grade NAT"),
    ("http://ula.example/", FetchBlocked, "resolves to fd12:3456::1, a unique-local address"),
    ("http://mapped.example/", FetchBlocked, "resolves to ::ffff:a01:203, an IPv4-mapped form of 10.1.2.3"),
    ("http://scoped.example/", FetchBlocked, "resolves to fe80::1%eth0"),
    ("http://meta.example/", FetchBlocked, "resolves to 169.254.169.254, a cloud metadata address"),
    ("http://10.0.0.1.nip.io/", FetchBlocked, "resolves to 10.0.0.1, a private address"),
    ("http://intranet/", FetchBlocked, "intranet is a single-label (intranet) host name"),
    ("http://printer.local/", FetchBlocked, "internal host name"),
    ("http://db.internal/", FetchBlocked, "internal host name"),
    ("file:///etc/passwd", FetchBlocked, "only http and https URLs can be fetched, not file:"),
    ("FILE:///etc/passwd", FetchBlocked, "not file:"),
    ("gopher://127.0.0.1:70/_SSRF", FetchBlocked, "not gopher:"),
    ("ftp://example.com/pub/", FetchBlocked, "not ftp:"),
    ("data:text/html,<script>alert(1)</script>", FetchBlocked, "not data:"),
    ("javascript:alert(1)", FetchBlocked, "not javascript:"),
    ("dict://127.0.0.1:11211/stats", FetchBlocked, "not dict:"),
    ("ldap://10.0.0.1/", FetchBlocked, "not ldap:"),
    ("//example.com/path", FetchBlocked, "not an absolute URL"),
    ("example.com/path", FetchBlocked, "not an absolute URL"),
    ("http://example.com:8080/", FetchBlocked, "port 8080 is not allowed (allowed: 80, 443)"),
    ("http://example.com:22/", FetchBlocked, "port 22 is not allowed"),
    ("https://example.com:6379/", FetchBlocked, "port 6379 is not allowed"),
    ("http://example.com:0/", FetchBlocked, "port 0 is not allowed"),
    ("http://example.com:99999/", FetchBlocked, "the URL is malformed"),
    ("http://user:pass@example.com/", FetchBlocked, "user names or passwords in URLs are not accepted"),
    ("http://10.0.0.1:80@example.com/", FetchBlocked, "(the real host is example.com)"),
    ("http://example.com\\@10.0.0.1/", FetchBlocked, "backslash"),
    ("http://exa mple.com/", FetchBlocked, "whitespace"),
    ("http://example.com/\r\nX-Injected: 1", FetchBlocked, "control characters"),
    ("http://[::1/", FetchBlocked, "the URL is malformed"),
    ("http:///nohost", FetchBlocked, "the URL has no host"),
    ("http://256.0.0.1/", FetchBlocked, "'256.0.0.1' is not a valid IPv4 address"),
    ("http://1.2.3.4.5/", FetchBlocked, "is not a valid IPv4 address"),
    ("http://08.0.0.1/", FetchBlocked, "is not a valid IPv4 address"),
    ("http://0x7g.0.0.1/", FetchBlocked, "is not a valid IPv4 address"),
    ("http://[v1.fe]/", FetchBlocked, "is not an IPv6 address"),
    ("http://%31%32%37.0.0.1/", FetchBlocked, "percent-encoded characters are not allowed in the host"),
    ("http://exa_mple!.com/", FetchBlocked, "is not a valid host name"),
    ("http://garbage.example/", FetchFailed, "Resolving garbage.example returned an invalid address"),
    ("http://unknown.example/", FetchFailed, "Could not resolve unknown.example"),
]


@pytest.mark.parametrize(("url", "error", "expect"), DECISION_CASES, ids=[c[0][:60] for c in DECISION_CASES])
def test_decision_battery(url: str, error: type[FetchError], expect: str) -> None:
    resolver, connector = FakeResolver(DECISION_RESOLVER), NeverConnector()
    policy = FetchPolicy(resolver=resolver, connector=connector)

    with pytest.raises(FetchError) as caught:
        fetch(url, policy=policy)
    assert type(caught.value) is error
    assert expect in caught.value.message
    with pytest.raises(error):
        check_url(url, policy)
    assert connector.calls == []
    # Literal addresses are judged as written: they never reach the resolver.
    for host, _ in resolver.calls:
        with pytest.raises(ValueError):
            ipaddress.ip_address(host)


def test_metadata_stays_blocked_even_when_allow_listed() -> None:
    connector = NeverConnector()
    policy = FetchPolicy(
        allow_hosts={"169.254.169.254", "metadata.google.internal", "intranet.example", "fd00:ec2::254"},
        resolver=FakeResolver({"intranet.example": ["169.254.169.254"]}),
        connector=connector,
    )
    for url in (
        "http://169.254.169.254/",
        "http://metadata.google.internal/",
        "http://intranet.example/",
        "http://[fd00:ec2::254]/",
        "http://[::ffff:169.254.169.254]/",
    ):
        with pytest.raises(FetchBlocked, match="metadata"):
            fetch(url, policy=policy)
    assert connector.calls == []


# --- public addresses, pinned, with a fake socket ----------------------------------------------


def fake_policy(table: dict, responses: dict, **overrides: object) -> FetchPolicy:
    return FetchPolicy(resolver=FakeResolver(table), connector=FakeConnector(responses), **overrides)


def test_public_address_is_pinned_and_host_header_carries_the_name() -> None:
    policy = fake_policy({"news.example": [PUBLIC_IP]}, {PUBLIC_IP: canned(Content_Type="text/html")})
    result = fetch("http://News.Example./story?id=1#top", policy=policy)

    assert policy.resolver.calls == [("news.example", 80)]
    [(ip, port, timeout)] = policy.connector.calls
    assert (ip, port) == (PUBLIC_IP, 80) and 0 < timeout <= 10
    sent = bytes(policy.connector.sockets[0].sent)
    assert sent.startswith(b"GET /story?id=1 HTTP/1.1\r\n")
    assert b"\r\nHost: news.example\r\n" in sent
    assert b"\r\nAccept-Encoding: identity\r\n" in sent
    assert policy.connector.sockets[0].closed
    assert (result.status, result.body, result.ip, result.content_type) == (200, b"hello", PUBLIC_IP, "text/html")


def test_name_is_resolved_once_so_rebinding_cannot_swap_the_address() -> None:
    # A rebinding DNS server answers public first and loopback afterwards.
    policy = fake_policy({"rebind.example": [[PUBLIC_IP], ["127.0.0.1"]]}, {PUBLIC_IP: canned()})
    result = fetch("http://rebind.example/", policy=policy)
    assert len(policy.resolver.calls) == 1
    assert [c[0] for c in policy.connector.calls] == [PUBLIC_IP]
    assert result.ip == PUBLIC_IP


def test_public_redirect_to_private_is_blocked_after_one_connection() -> None:
    policy = fake_policy(
        {"news.example": [PUBLIC_IP]},
        {PUBLIC_IP: canned("302 Found", b"", Location="http://10.0.0.1/admin")},
    )
    with pytest.raises(FetchBlocked) as caught:
        fetch("http://news.example/", policy=policy)
    assert caught.value.message == ("Blocked: redirect to http://10.0.0.1/admin refused: 10.0.0.1 is a private address")
    assert caught.value.redirects == ["http://news.example/"]
    assert [c[0] for c in policy.connector.calls] == [PUBLIC_IP]


def test_mapped_public_answer_is_dialled_as_ipv4_and_ipv6_literals_bracketed() -> None:
    v6 = "2606:2800:220:1:248:1893:25c8:1946"
    policy = fake_policy(
        {"dual.example": [f"::ffff:{PUBLIC_IP}"]},
        {PUBLIC_IP: canned(), v6: canned()},
    )
    assert fetch("http://dual.example/", policy=policy).ip == PUBLIC_IP
    fetch(f"http://[{v6}]/", policy=policy)
    assert policy.connector.calls[-1][0] == v6
    assert f"\r\nHost: [{v6}]\r\n".encode() in bytes(policy.connector.sockets[-1].sent)


def test_nat64_and_6to4_of_public_addresses_are_allowed() -> None:
    nat64 = "64:ff9b::5db8:d822"  # 93.184.216.34 through a NAT64 gateway
    policy = fake_policy({"v6only.example": [nat64]}, {nat64: canned()})
    assert fetch("http://v6only.example/", policy=policy).ip == nat64


def test_ipv4_spellings_of_a_public_address_are_normalised_without_dns() -> None:
    policy = fake_policy({}, {})
    for written in ("1572395042", "0x5db8d822", "0135.0270.0330.042", "93.12113954", "93.184.55330"):
        assert check_url(f"http://{written}/", policy) == (PUBLIC_IP, 80, [PUBLIC_IP])
    assert check_url("https://Bücher.example/", fake_policy({"xn--bcher-kva.example": [PUBLIC_IP]}, {})) == (
        "xn--bcher-kva.example",
        443,
        [PUBLIC_IP],
    )
    assert policy.resolver.calls == []


def test_declared_oversize_is_rejected_before_reading() -> None:
    policy = fake_policy({"news.example": [PUBLIC_IP]}, {PUBLIC_IP: canned(body=b"", Content_Length=str(6 * MB))})
    with pytest.raises(FetchFailed, match=r"Response larger than 5 MB \(Content-Length: 6291456 bytes\)"):
        fetch("http://news.example/", policy=policy)


def test_small_cap_message_and_deflate() -> None:
    import zlib

    policy = fake_policy(
        {"news.example": [PUBLIC_IP]},
        {PUBLIC_IP: canned(body=zlib.compress(b"a" * 5000), Content_Encoding="deflate")},
        max_bytes=2048,
    )
    with pytest.raises(FetchFailed, match="Response larger than 2 KB once decompressed"):
        fetch("http://news.example/", policy=policy)


def test_unsupported_encoding_fails_clearly() -> None:
    policy = fake_policy({"news.example": [PUBLIC_IP]}, {PUBLIC_IP: canned(Content_Encoding="br")})
    with pytest.raises(FetchFailed, match="Unsupported content encoding 'br'"):
        fetch("http://news.example/", policy=policy)


def test_connect_timeout_message() -> None:
    policy = fake_policy({"slow.example": [PUBLIC_IP]}, {PUBLIC_IP: TimeoutError()})
    with pytest.raises(FetchFailed) as caught:
        fetch("http://slow.example/", policy=policy)
    assert caught.value.message == "Connection timed out after 10 s"


def test_garbled_response_is_a_failure() -> None:
    policy = fake_policy({"news.example": [PUBLIC_IP]}, {PUBLIC_IP: b"SSH-2.0-OpenSSH_9.6\r\n"})
    with pytest.raises(FetchFailed, match=r"Invalid HTTP response from news\.example"):
        fetch("http://news.example/", policy=policy)


# --- API edges ---------------------------------------------------------------------------------


def test_caller_cannot_override_framing_headers_or_send_bodies() -> None:
    policy = fake_policy({}, {})
    with pytest.raises(ValueError, match="'Host' is set by the fetcher"):
        fetch("http://example.com/", policy=policy, headers={"Host": "internal"})
    with pytest.raises(ValueError, match="only sends GET, HEAD, POST, not PUT"):
        fetch("http://example.com/", policy=policy, method="PUT", body=b"{}")
    with pytest.raises(ValueError, match="POST needs a body"):
        fetch("http://example.com/", policy=policy, method="POST")
    with pytest.raises(ValueError, match="a body is sent with POST"):
        fetch("http://example.com/", policy=policy, body=b"{}")
    with pytest.raises(ValueError, match="'Content-Length' is set by the fetcher"):
        fetch("http://example.com/", policy=policy, method="POST", body=b"{}", headers={"Content-Length": "1"})
    assert policy.connector.calls == []


def test_post_sends_the_body_with_its_length_and_headers(listener: Listener) -> None:
    policy = live_policy(listener)
    payload = json.dumps({"text": "Report published: “Ørsted”"}).encode()
    result = fetch(listener.url("/hook"), policy=policy, method="POST", body=payload,
                   headers={"Content-Type": "application/json", "X-Factcheck-Signature": "sha256=ab"})
    sent = json.loads(result.body)
    assert result.status == 200
    assert sent["body"].encode() == payload
    assert sent["headers"]["Content-Length"] == str(len(payload))
    assert sent["headers"]["Content-Type"] == "application/json"
    assert sent["headers"]["X-Factcheck-Signature"] == "sha256=ab"


def test_post_never_follows_a_redirect(listener: Listener) -> None:
    policy = live_policy(listener)
    before = len(listener.accepted())
    result = fetch(listener.url(redirect_to(f"http://{ALLOWED_2}:{listener.port}/hook", 307)), policy=policy,
                   method="POST", body=b"{}")
    assert result.status == 307 and result.redirects == []
    assert len(listener.settle(before, 1)) == 1  # the signed body went nowhere else


def test_post_to_a_private_address_is_blocked_before_connecting() -> None:
    policy = fake_policy({}, {})
    with pytest.raises(FetchBlocked, match="loopback"):
        fetch("http://127.0.0.1/hook", policy=policy, method="POST", body=b"{}")
    with pytest.raises(FetchBlocked, match="private"):
        fetch("http://10.0.0.8/hook", policy=policy, method="POST", body=b"{}")
    assert policy.connector.calls == []


def test_policy_from_settings_object() -> None:
    settings = SimpleNamespace(
        FETCH_ALLOW_HOSTS=["Intranet.Example.", "10.1.2.3", "::1"],
        FETCH_ALLOWED_PORTS=[80, 443, 8080],
        FETCH_MAX_BYTES=1024,
        FETCH_TIMEOUT=2.5,
    )
    policy = FetchPolicy.from_settings(settings, user_agent="ua")
    assert policy.allow_hosts == {"intranet.example", "10.1.2.3", "::1"}
    assert policy.allowed_ports == {80, 443, 8080}
    assert (policy.max_bytes, policy.timeout, policy.user_agent) == (1024, 2.5, "ua")

    defaults = FetchPolicy.from_settings(SimpleNamespace())
    assert defaults == FetchPolicy()
    assert (defaults.allow_hosts, defaults.allowed_ports) == (frozenset(), {80, 443})
    assert (defaults.max_bytes, defaults.timeout, defaults.max_redirects) == (5 * MB, 10.0, 5)

    with pytest.raises(ValueError, match="FETCH_ALLOW_HOSTS entry 'bad host'"):
        FetchPolicy(allow_hosts={"bad host"})


def test_module_does_not_import_django() -> None:
    code = (
        "import sys, factcheck.sources\n"
        "before = {m for m in sys.modules if m.split('.')[0] == 'django'}\n"
        "import factcheck.sources.fetch\n"
        "after = {m for m in sys.modules if m.split('.')[0] == 'django'}\n"
        "assert after == before, sorted(after - before)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
