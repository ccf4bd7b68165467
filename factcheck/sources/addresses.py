"""One spelling per web address, so the same page attached twice is one Source."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.utils.translation import gettext

from factcheck.core.errors import InvalidInput

TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def normalise_url(url: object) -> str:
    """One spelling per page, so the same page attached twice is one Source.

    Lower-case scheme and host, no default port, no fragment, no tracking parameters.
    Only the form is checked here; whether the address may be fetched is the fetcher's call.
    """
    if not isinstance(url, str) or not url.strip():
        raise InvalidInput(gettext("Give a URL."), fields={"url": [gettext("This field is required.")]})
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise InvalidInput(gettext("That is not a valid URL."), fields={"url": [gettext("Not a valid URL.")]}) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidInput(gettext("Only http and https URLs can be attached."), fields={"url": [gettext("Use http or https.")]})
    hostname = (parts.hostname or "").rstrip(".")
    if not hostname or any(c.isspace() for c in url):
        raise InvalidInput(gettext("That is not a valid URL."), fields={"url": [gettext("Not a valid URL.")]})
    netloc = f"[{hostname}]" if ":" in hostname else hostname
    if parts.username or parts.password:
        # Kept so the fetcher can refuse it with its own message, rather than silently dropped.
        netloc = f"{parts.username or ''}{':' + parts.password if parts.password else ''}@{netloc}"
    if port and port != {"http": 80, "https": 443}[scheme]:
        netloc += f":{port}"
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not pair.lower().startswith(TRACKING_PARAMS)
    )
    normalised = urlunsplit((scheme, netloc.lower(), parts.path or "/", query, ""))
    if len(normalised) > 2000:
        raise InvalidInput(gettext("The URL is too long."), fields={"url": [gettext("At most 2000 characters.")]})
    return normalised
