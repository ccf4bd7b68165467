"""The fetcher's judgement of a URL, before any connection: the server-side request forgery guard.

Pure functions over text and addresses (no sockets, no Django): parse the host the way
browsers and libc would (every IPv4 spelling, IPv6 literals, IDNA), refuse private,
local, metadata and otherwise non-public addresses, and resolve a name once through
the policy's resolver so that fetch.py connects to that pinned answer only. Kept apart
from fetch.py so each reads in one sitting; fetch.py re-exports what callers use.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.sources.fetch import FetchPolicy

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
DEFAULT_PORTS = {"http": 80, "https": 443}

# --- errors -------------------------------------------------------------------------------


class FetchError(Exception):
    """Base class; ``message`` is written for the reviewer who reads the lookup's error."""

    def __init__(self, message: str, *, url: str = "", redirects: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.url = url
        self.redirects = list(redirects)


class FetchBlocked(FetchError):
    """The guard refused the URL (scheme, host, address, port, redirect target)."""

    def __init__(self, reason: str, **kwargs: Any) -> None:
        super().__init__(f"Blocked: {reason}", **kwargs)
        self.reason = reason


class FetchFailed(FetchError):
    """The URL was allowed but the network or the server let us down."""


# --- address judgement --------------------------------------------------------------------

# Checked even for allow-listed hosts: an intranet name that starts resolving to the metadata
# service must not hand out cloud credentials.
METADATA_HOSTS = frozenset(
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
    }
)
METADATA_IPS = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean ...
        "169.254.170.2",  # AWS ECS task credentials
        "169.254.170.23",  # AWS EKS pod identity
        "100.100.100.200",  # Alibaba Cloud
        "168.63.129.16",  # Azure WireServer (a public-looking address)
        "192.0.0.192",  # Oracle Cloud
        "fd00:ec2::254",  # AWS IMDS over IPv6
        "fd00:ec2::23",  # AWS EKS pod identity over IPv6
    )
)

# Explicit tables rather than only ipaddress.is_global: its answers changed between Python
# patch releases (e.g. 192.0.0.192 is "global" on 3.11.7), and the message should name the range.
_V4_RULES = [
    (ipaddress.ip_network(net), reason)
    for net, reason in (
        ("0.0.0.0/32", "the unspecified address"),
        ("0.0.0.0/8", "a 'this network' address"),
        ("10.0.0.0/8", "a private address"),
        ("100.64.0.0/10", "a carrier-grade NAT (shared) address"),
        ("127.0.0.0/8", "a loopback address"),
        ("169.254.0.0/16", "a link-local address"),
        ("172.16.0.0/12", "a private address"),
        ("192.0.0.0/24", "an IETF protocol address"),
        ("192.0.2.0/24", "a documentation address"),
        ("192.88.99.0/24", "a reserved address"),
        ("192.168.0.0/16", "a private address"),
        ("198.18.0.0/15", "a benchmarking address"),
        ("198.51.100.0/24", "a documentation address"),
        ("203.0.113.0/24", "a documentation address"),
        ("224.0.0.0/4", "a multicast address"),
        ("255.255.255.255/32", "the broadcast address"),
        ("240.0.0.0/4", "a reserved address"),
    )
]
_V6_RULES = [
    (ipaddress.ip_network(net), reason)
    for net, reason in (
        ("::/128", "the unspecified address"),
        ("::1/128", "a loopback address"),
        ("64:ff9b:1::/48", "a local-use NAT64 address"),
        ("::/8", "a reserved address"),
        ("100::/64", "a discard-only address"),
        ("2001::/32", "a Teredo tunnel address"),
        ("2001::/23", "an IETF special-purpose address"),
        ("2001:db8::/32", "a documentation address"),
        ("3fff::/20", "a documentation address"),
        ("fc00::/7", "a unique-local address"),
        ("fe80::/10", "a link-local address"),
        ("fec0::/10", "a site-local address"),
        ("ff00::/8", "a multicast address"),
    )
]
_V4_COMPAT = ipaddress.ip_network("::/96")
_V4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, str] | None:
    """The IPv4 address an IPv6 address smuggles, if any, with the name of the trick."""
    low32 = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped, "an IPv4-mapped"
    if ip in _V4_TRANSLATED:
        return low32, "an IPv4-translated"
    if ip in _V4_COMPAT and int(ip) > 1:
        return low32, "an IPv4-compatible"
    if ip in _NAT64:
        return low32, "a NAT64"
    if ip.sixtofour is not None:
        return ip.sixtofour, "a 6to4"
    if ip.teredo is not None:
        return ip.teredo[1], "a Teredo"
    return None


# Forms whose real destination is the embedded IPv4 address, so a public one is fine.
_TRANSPARENT_FORMS = ("an IPv4-mapped", "an IPv4-translated", "a NAT64", "a 6to4")
# Forms we dial as plain IPv4 (same host, no dual-stack surprises).
_DIAL_AS_IPV4 = ("an IPv4-mapped", "an IPv4-translated")


def _is_metadata(ip: IPAddress) -> bool:
    if ip in METADATA_IPS:
        return True
    embedded = _embedded_ipv4(ip) if isinstance(ip, ipaddress.IPv6Address) else None
    return embedded is not None and embedded[0] in METADATA_IPS


def _address_problem(ip: IPAddress) -> str | None:
    """Why ``ip`` may not be fetched, or None if it is a public unicast address."""
    if ip in METADATA_IPS:
        return "a cloud metadata address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return "a scoped IPv6 address"
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            v4, kind = embedded
            inner = _address_problem(v4)
            if inner is not None:
                return f"{kind} form of {v4}, {inner}"
            if kind in _TRANSPARENT_FORMS:
                return None
            return f"{kind} address (deprecated tunnelling form)"
        rules = _V6_RULES
    else:
        rules = _V4_RULES
    for network, reason in rules:
        if ip in network:
            return reason
    if not ip.is_global:  # safety net for ranges the tables above do not name
        return "not a public address"
    return None


def _connect_ip(ip: IPAddress) -> str:
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None and embedded[1] in _DIAL_AS_IPV4:
            return str(embedded[0])
    return str(ip)


# --- URL and host parsing -----------------------------------------------------------------

_NUMERIC_LABEL = re.compile(r"[0-9]+|0x[0-9a-f]*")
_HOST_LABEL = re.compile(r"[a-z0-9_-]{1,63}")
_BAD_URL_CHARS = re.compile(r"[\x00-\x20\x7f\\]")


def _parse_ipv4_forms(labels: list[str], written: str) -> ipaddress.IPv4Address:
    """Read a host that ends in a number the way the WHATWG URL standard (and inet_aton) do:
    1-4 parts, each decimal, 0-prefixed octal or 0x hex, the last filling the remaining bytes.
    Anything that ends in a number but is not a valid address is refused, never resolved."""
    invalid = FetchBlocked(f"{written!r} is not a valid IPv4 address")
    if len(labels) > 4:
        raise invalid
    numbers = []
    for label in labels:
        if label.startswith("0x"):
            value = int(label[2:] or "0", 16) if _NUMERIC_LABEL.fullmatch(label) else None
        elif re.fullmatch(r"0[0-7]+", label):
            value = int(label, 8)
        elif re.fullmatch(r"[0-9]+", label) and not (len(label) > 1 and label[0] == "0"):
            value = int(label)
        else:
            value = None
        if value is None:
            raise invalid
        numbers.append(value)
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        raise invalid
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _normalize_host(written: str, bracketed: bool) -> tuple[str, IPAddress | None]:
    """Canonical host (lower-case ASCII name or compressed IP) and the IP if it is a literal."""
    if bracketed:
        if written.lower().startswith("v"):
            raise FetchBlocked(f"[{written}] is not an IPv6 address")
        try:
            ip6 = ipaddress.IPv6Address(unquote(written))
        except ValueError:
            raise FetchBlocked(f"[{written}] is not a valid IPv6 address") from None
        if ip6.scope_id:
            raise FetchBlocked(f"[{written}] is a scoped IPv6 address (zone identifier)")
        return str(ip6), ip6
    if not written:
        raise FetchBlocked("the URL has no host")
    if "%" in written:
        # Browsers percent-decode hosts; we refuse rather than guess which reading wins.
        raise FetchBlocked(f"percent-encoded characters are not allowed in the host {written!r}")
    host = written
    if not host.isascii():
        # IDNA also folds full-width digits and ideographic dots, so "１２７。０。０。１"
        # becomes 127.0.0.1 here and is judged as such.
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchBlocked(f"{written!r} is not a valid internationalised host name") from None
    host = host.lower()
    if host.endswith("."):
        host = host[:-1]
    labels = host.split(".")
    if _NUMERIC_LABEL.fullmatch(labels[-1]):
        ip4 = _parse_ipv4_forms(labels, written)
        return str(ip4), ip4
    if len(host) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in labels):
        raise FetchBlocked(f"{written!r} is not a valid host name")
    return host, None


def _normalize_allow_entry(entry: str) -> str:
    entry = entry.strip()
    bracketed = entry.startswith("[") and entry.endswith("]")
    if bracketed:
        entry = entry[1:-1]
    elif ":" in entry:
        bracketed = True  # bare IPv6 in settings is the natural way to write it
    try:
        return _normalize_host(entry, bracketed)[0]
    except FetchBlocked as exc:
        raise ValueError(f"FETCH_ALLOW_HOSTS entry {entry!r}: {exc.reason}") from None


def _name_problem(host: str) -> str | None:
    if host == "localhost" or host.endswith(".localhost"):
        return "a local-only host name"
    if host.endswith((".local", ".localdomain", ".internal", ".home.arpa", ".lan", ".intranet")):
        return "an internal host name"
    if "." not in host:
        return "a single-label (intranet) host name"
    return None


def _describe(written: str, canonical: str) -> str:
    return canonical if written.lower() in (canonical, canonical + ".") else f"{written} ({canonical})"


def check_url(url: str, policy: FetchPolicy) -> tuple[str, int, list[str]]:
    """Decide whether ``url`` may be fetched, without connecting.

    Returns the canonical host, the port and the addresses to connect to (already judged).
    Raises FetchBlocked for refusals and FetchFailed when the name does not resolve; the only
    side effect is one call to ``policy.resolver`` for host names (never for IP literals).
    """
    url = url.strip()
    if _BAD_URL_CHARS.search(url):
        raise FetchBlocked("the URL contains whitespace, control characters or a backslash")
    try:
        parts = urlsplit(url)
        port = parts.port
        written = parts.hostname or ""
    except ValueError as exc:
        raise FetchBlocked(f"the URL is malformed ({exc})") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise FetchBlocked("not an absolute URL (it has no http:// or https://)")
    if scheme not in DEFAULT_PORTS:
        raise FetchBlocked(f"only http and https URLs can be fetched, not {scheme}:")
    hostport = parts.netloc.rpartition("@")[2]
    host, literal = _normalize_host(written, bracketed=hostport.startswith("["))
    allowed = host in policy.allow_hosts
    shown = _describe(written, host)

    if literal is not None:
        problem = _address_problem(literal)
        if problem is not None and (not allowed or _is_metadata(literal)):
            raise FetchBlocked(f"{shown} is {problem}")
    elif host in METADATA_HOSTS:
        raise FetchBlocked(f"{shown} is a cloud metadata host name")
    elif not allowed and (problem := _name_problem(host)):
        raise FetchBlocked(f"{shown} is {problem}")

    if port is None:
        port = DEFAULT_PORTS[scheme]
    # The port rule holds for allow-listed hosts too: allowing an intranet host is not
    # allowing every service on it (its database, its admin port).
    if not 0 < port < 65536 or port not in policy.allowed_ports:
        ports = ", ".join(str(p) for p in sorted(policy.allowed_ports))
        raise FetchBlocked(f"port {port} is not allowed (allowed: {ports})")
    if "@" in parts.netloc:
        # Reported after the host checks so "user@127.0.0.1" is named for what it targets.
        raise FetchBlocked(f"user names or passwords in URLs are not accepted (the real host is {host})")

    if literal is not None:
        return host, port, [_connect_ip(literal)]
    try:
        answers = policy.resolver(host, port)
    except (OSError, UnicodeError):
        raise FetchFailed(f"Could not resolve {host}") from None
    if not answers:
        raise FetchFailed(f"Could not resolve {host}: no addresses")
    ips: list[str] = []
    for answer in answers:
        try:
            ip = ipaddress.ip_address(answer)
        except ValueError:
            raise FetchFailed(f"Resolving {host} returned an invalid address {answer!r}") from None
        problem = _address_problem(ip)
        if problem is not None and (not allowed or _is_metadata(ip) or getattr(ip, "scope_id", None)):
            # One bad answer blocks the name: otherwise a retry could land on it.
            raise FetchBlocked(f"{host} resolves to {ip}, {problem}")
        if _connect_ip(ip) not in ips:
            ips.append(_connect_ip(ip))
    return host, port, ips
