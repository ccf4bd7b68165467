"""The project's one safe HTTP client: every outbound request goes through :func:`fetch`.

URLs reach us from reviewers, imported articles and, worst of all, from ``Location`` headers
chosen by remote servers, so each one is treated as hostile (server-side request forgery):

* only http/https, no credentials in the URL, ports 80/443 unless the policy widens them;
* the host is parsed the way browsers and libc would read it (decimal, octal, hex and short
  IPv4 forms, IPv6 literals, IDNA), so no spelling of a forbidden address slips through;
* the name is resolved **once**, every answer must be public, and the TCP connection goes to
  that pinned address: a second DNS answer (rebinding) is never consulted.  The ``Host``
  header, TLS SNI and certificate check still use the name from the URL;
* redirects are followed by hand and each hop is judged from scratch;
* one wall-clock budget covers the whole fetch, and the body is capped (also after
  decompression), so a slow-drip or oversized answer cannot pin a worker.

No Django import at module level: Celery tasks and tests build a :class:`FetchPolicy` themselves;
:meth:`FetchPolicy.from_settings` reads Django settings lazily.

Known limit: the default resolver (``getaddrinfo``) cannot be interrupted, so a slow DNS answer
can overrun the time budget (the time it took is still deducted).  Inject a resolver if that
matters.
"""

from __future__ import annotations

import functools
import http.client
import io
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode, urljoin, urlsplit, urlunsplit

# The URL judgement (errors, address rules, host parsing) lives in urlguard.py; re-exported here.
from factcheck.sources.urlguard import (
    DEFAULT_PORTS,
    FetchBlocked,
    FetchError,
    FetchFailed,
    _normalize_allow_entry,
    check_url,
)

__all__ = [
    "FetchBlocked",
    "FetchError",
    "FetchFailed",
    "FetchPolicy",
    "FetchResult",
    "check_url",
    "default_connector",
    "default_resolver",
    "fetch",
]

Resolver = Callable[[str, int], list[str]]
Connector = Callable[[str, int, float], socket.socket]

MB = 1024 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ALLOWED_METHODS = frozenset({"GET", "HEAD", "POST"})
# Set by the fetcher itself; letting callers override them would undo pinning or framing.
RESERVED_HEADERS = frozenset({"host", "connection", "content-length", "transfer-encoding", "te", "upgrade", "trailer"})
# The only caller headers still sent after a redirect to another origin (no secrets in them).
CROSS_ORIGIN_SAFE_HEADERS = frozenset({"accept", "accept-language", "accept-encoding", "user-agent"})


# --- policy and result --------------------------------------------------------------------


def default_resolver(host: str, port: int) -> list[str]:
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def default_connector(ip: str, port: int, timeout: float) -> socket.socket:
    # A plain socket to a numeric address: no name lookup and no proxy environment variables
    # can change where this goes.
    family = socket.AF_INET6 if ":" in ip else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((ip, port))
    except BaseException:
        sock.close()
        raise
    return sock


@dataclass(frozen=True)
class FetchPolicy:
    allow_hosts: frozenset[str] = frozenset()
    allowed_ports: frozenset[int] = frozenset({80, 443})
    max_bytes: int = 5 * MB
    timeout: float = 10.0
    max_redirects: int = 5
    resolver: Resolver = default_resolver
    connector: Connector = default_connector
    user_agent: str = "factcheck-fetcher/1.0"
    # For intranet CAs and tests; None means the system trust store with hostname checking.
    tls_context: ssl.SSLContext | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Normalise once so "LOCALHOST.", "0x7f.1" and "127.0.0.1" all match the same entry.
        hosts = frozenset(_normalize_allow_entry(h) for h in self.allow_hosts)
        object.__setattr__(self, "allow_hosts", hosts)
        object.__setattr__(self, "allowed_ports", frozenset(int(p) for p in self.allowed_ports))

    @classmethod
    def from_settings(cls, settings: Any = None, **overrides: Any) -> FetchPolicy:
        """Build a policy from Django settings (or any object with the same attributes).

        Without Django, or with settings that cannot be loaded, the defaults apply; they are
        the strictest values, so failing to read settings never loosens the guard.
        """
        if settings is None:
            try:
                from django.conf import settings as django_settings
                from django.core.exceptions import ImproperlyConfigured
            except ImportError:
                return cls(**overrides)
            try:
                django_settings.FETCH_TIMEOUT  # noqa: B018 - forces settings to load
            except ImproperlyConfigured:
                return cls(**overrides)
            except AttributeError:
                pass
            settings = django_settings
        values: dict[str, Any] = {
            "allow_hosts": frozenset(getattr(settings, "FETCH_ALLOW_HOSTS", ())),
            "allowed_ports": frozenset(getattr(settings, "FETCH_ALLOWED_PORTS", (80, 443))),
            "max_bytes": int(getattr(settings, "FETCH_MAX_BYTES", 5 * MB)),
            "timeout": float(getattr(settings, "FETCH_TIMEOUT", 10.0)),
        }
        values.update(overrides)
        return cls(**values)


@dataclass(frozen=True)
class FetchResult:
    url: str  # as requested, with params applied
    final_url: str  # the URL that produced this response
    status: int
    content_type: str  # the full header value, e.g. "text/html; charset=utf-8"; "" if absent
    headers: dict[str, str]  # lower-case names
    body: bytes  # already decoded if the server used gzip/deflate
    redirects: list[str]  # every URL that answered with a redirect, in order
    ip: str  # the pinned address that served final_url
    elapsed: float  # seconds, whole fetch

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def raise_for_status(self) -> FetchResult:
        """Turn a non-2xx final status into FetchFailed; returns self for chaining."""
        if not self.ok:
            reason = http.client.responses.get(self.status, "")
            raise FetchFailed(
                f"HTTP {self.status} {reason}".rstrip() + f" from {self.final_url}",
                url=self.url,
                redirects=self.redirects,
            )
        return self


# --- the HTTP exchange --------------------------------------------------------------------


def _size(n: int) -> str:
    for unit, factor in (("MB", MB), ("KB", 1024)):
        if n >= factor and n % factor == 0:
            return f"{n // factor} {unit}"
    return f"{n} bytes"


def _secs(t: float) -> str:
    return f"{t:g} s"


class _DeadlineReader(io.RawIOBase):
    """Socket reads that share one wall-clock deadline.

    A per-recv timeout alone lets a server drip one byte every few seconds forever; here every
    recv only gets the time left, so the whole response must arrive within the budget."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("fetch deadline passed")
        self._sock.settimeout(remaining)
        return self._sock.recv_into(buffer)


class _DeadlineSocket:
    """Just enough socket for http.client.HTTPResponse, which only calls makefile()."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))


class _Decoder:
    """Content-Encoding decoder that refuses to inflate past the cap (zip bombs)."""

    def __init__(self, encoding: str, cap: int) -> None:
        encoding = encoding.strip().lower()
        self._cap = cap
        self._size = 0
        if encoding in ("", "identity"):
            self._z = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchFailed(f"Unsupported content encoding {encoding!r}")
        self.active = self._z is not None

    def _count(self, data: bytes) -> bytes:
        self._size += len(data)
        if self._size > self._cap:
            raise FetchFailed(f"Response larger than {_size(self._cap)} once decompressed")
        return data

    def feed(self, data: bytes) -> bytes:
        if self._z is None:
            return data
        try:
            # Ask for at most one byte more than the room left: enough to detect overflow
            # without ever holding the inflated bomb in memory.
            return self._count(self._z.decompress(data, self._cap - self._size + 1))
        except zlib.error:
            raise FetchFailed("The response body is not valid compressed data") from None

    def flush(self) -> bytes:
        return self._count(self._z.flush()) if self._z is not None else b""


@functools.lru_cache(maxsize=1)
def _default_tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()  # verifies the chain and the host name


@dataclass
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes


def _request_target(parts: Any) -> str:
    # Percent-encode what http.client would refuse (non-ASCII IRIs) but keep existing escapes.
    safe = "/%:@!$&'()*+,;=-._~"
    target = quote(parts.path or "/", safe=safe)
    if parts.query:
        target += "?" + quote(parts.query, safe=safe + "?")
    return target


def _host_header(scheme: str, host: str, port: int) -> str:
    name = f"[{host}]" if ":" in host else host
    return name if port == DEFAULT_PORTS[scheme] else f"{name}:{port}"


def _connect(ips: list[str], port: int, policy: FetchPolicy, deadline: float) -> tuple[socket.socket, str]:
    error: FetchFailed | None = None
    for ip in ips:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            return policy.connector(ip, port, remaining), ip
        except TimeoutError:
            error = FetchFailed(f"Connection timed out after {_secs(policy.timeout)}")
        except ConnectionRefusedError:
            error = FetchFailed(f"Connection refused by {ip} port {port}")
        except OSError as exc:
            error = FetchFailed(f"Could not connect to {ip} port {port}: {exc.strerror or exc}")
    raise error or FetchFailed(f"Connection timed out after {_secs(policy.timeout)}")


def _exchange(
    url: str,
    host: str,
    port: int,
    ips: list[str],
    method: str,
    headers: Mapping[str, str],
    policy: FetchPolicy,
    deadline: float,
    body: bytes | None = None,
) -> tuple[_Response, str]:
    parts = urlsplit(url)
    sock, ip = _connect(ips, port, policy, deadline)
    try:
        try:
            if parts.scheme.lower() == "https":
                context = policy.tls_context or _default_tls_context()
                sock.settimeout(max(deadline - time.monotonic(), 0.001))
                # SNI and certificate checks use the URL's name, not the pinned address.
                sock = context.wrap_socket(sock, server_hostname=host)
            # HTTPConnection only formats and validates the request (it rejects CR/LF
            # injection in the target and headers); the socket is ours, already connected.
            conn = http.client.HTTPConnection(host, port)
            conn.sock = sock
            conn.putrequest(method, _request_target(parts), skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", _host_header(parts.scheme.lower(), host, port))
            for name, value in headers.items():
                conn.putheader(name, value)
            conn.putheader("Connection", "close")
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            sock.settimeout(max(deadline - time.monotonic(), 0.001))
            conn.endheaders(message_body=body)

            resp = http.client.HTTPResponse(_DeadlineSocket(sock, deadline), method=method)  # type: ignore[arg-type]
            resp.begin()
            received: dict[str, str] = {}
            for name, value in resp.getheaders():
                key = name.lower()
                received[key] = f"{received[key]}, {value}" if key in received else value
            if resp.status in REDIRECT_STATUSES and "location" in received:
                return _Response(resp.status, received, b""), ip  # body unread: we close anyway
            return _Response(resp.status, received, _read_body(resp, received, policy)), ip
        except TimeoutError:
            raise FetchFailed(f"Response timed out after {_secs(policy.timeout)}") from None
        except ssl.SSLCertVerificationError as exc:
            raise FetchFailed(f"TLS certificate verification failed for {host}: {exc.verify_message}") from None
        except ssl.SSLError as exc:
            raise FetchFailed(f"TLS error with {host}: {exc.reason or exc}") from None
        except http.client.IncompleteRead:
            raise FetchFailed("The connection closed before the whole response arrived") from None
        except http.client.RemoteDisconnected:
            raise FetchFailed(f"{host} closed the connection without answering") from None
        except http.client.HTTPException as exc:
            raise FetchFailed(f"Invalid HTTP response from {host} ({type(exc).__name__})") from None
        except OSError as exc:
            raise FetchFailed(f"Network error talking to {host}: {exc.strerror or exc}") from None
    finally:
        sock.close()


def _read_body(resp: http.client.HTTPResponse, headers: dict[str, str], policy: FetchPolicy) -> bytes:
    cap = policy.max_bytes
    if resp.length is not None and resp.length > cap:
        raise FetchFailed(f"Response larger than {_size(cap)} (Content-Length: {resp.length} bytes)")
    decoder = _Decoder(headers.get("content-encoding", ""), cap)
    chunks: list[bytes] = []
    received = 0
    while chunk := resp.read(min(65536, cap + 1 - received)):
        received += len(chunk)
        if received > cap:
            raise FetchFailed(f"Response larger than {_size(cap)}")
        chunks.append(decoder.feed(chunk))
    chunks.append(decoder.flush())
    if decoder.active:
        # The body we hand back is decoded; stale framing headers would mislead consumers.
        headers.pop("content-encoding", None)
        headers.pop("content-length", None)
    return b"".join(chunks)


def _origin(url: str) -> tuple[str, str]:
    # Compared as written: two spellings of one origin count as different, which only means
    # we forward fewer headers. (Must not raise: the Location has not been checked yet.)
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _with_params(url: str, params: Mapping[str, Any] | None) -> str:
    if not params:
        return url
    parts = urlsplit(url)
    extra = urlencode(params, doseq=True)
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urlunsplit(parts._replace(query=query))


def _request_headers(headers: Mapping[str, str] | None, policy: FetchPolicy) -> dict[str, str]:
    result = {"User-Agent": policy.user_agent, "Accept": "*/*", "Accept-Encoding": "identity"}
    for name, value in (headers or {}).items():
        if name.lower() in RESERVED_HEADERS:
            raise ValueError(f"header {name!r} is set by the fetcher and cannot be overridden")
        for existing in [k for k in result if k.lower() == name.lower()]:
            del result[existing]
        result[name] = value
    return result


def fetch(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    params: dict[str, Any] | None = None,
    body: bytes | None = None,
) -> FetchResult:
    """Fetch ``url`` under ``policy`` (default: Django settings, else the strict defaults).

    Returns the final response whatever its status (see FetchResult.raise_for_status);
    raises FetchBlocked when the guard refuses a URL or a redirect target, FetchFailed for
    network, timeout, size and protocol failures. One time budget covers all redirects.

    ``body`` is sent with POST only (webhooks), and a POST never follows a redirect: the 3xx
    answer is returned as it is, so a signed body is never re-sent to a place the receiver chose.
    """
    if policy is None:
        policy = FetchPolicy.from_settings()
    method = method.upper()
    if method not in ALLOWED_METHODS:
        raise ValueError(f"fetch() only sends {', '.join(sorted(ALLOWED_METHODS))}, not {method}")
    if (method == "POST") != (body is not None):
        raise ValueError("a body is sent with POST, and POST needs a body")
    send_headers = _request_headers(headers, policy)
    start = time.monotonic()
    deadline = start + policy.timeout
    requested = current = _with_params(url, params)
    chain: list[str] = []
    while True:
        try:
            host, port, ips = check_url(current, policy)
            response, ip = _exchange(current, host, port, ips, method, send_headers, policy, deadline, body)
        except FetchBlocked as exc:
            if chain:
                raise FetchBlocked(f"redirect to {current} refused: {exc.reason}", url=requested, redirects=chain) from None
            raise FetchBlocked(exc.reason, url=requested) from None
        except FetchFailed as exc:
            raise FetchFailed(exc.message, url=requested, redirects=chain) from None

        location = response.headers.get("location")
        if response.status not in REDIRECT_STATUSES or location is None or body is not None:
            return FetchResult(
                url=requested,
                final_url=current,
                status=response.status,
                content_type=response.headers.get("content-type", ""),
                headers=response.headers,
                body=response.body,
                redirects=chain,
                ip=ip,
                elapsed=time.monotonic() - start,
            )
        if len(chain) >= policy.max_redirects:
            raise FetchFailed(f"Too many redirects (more than {policy.max_redirects})", url=requested, redirects=chain)
        chain.append(current)
        target = urlsplit(urljoin(current, location.strip()))._replace(fragment="")
        following = urlunsplit(target)
        if _origin(following) != _origin(current):
            # Credentials or API keys given for one site must not follow a redirect elsewhere.
            send_headers = {k: v for k, v in send_headers.items() if k.lower() in CROSS_ORIGIN_SAFE_HEADERS}
        current = following
