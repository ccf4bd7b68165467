"""Small helpers for showing people's words inside our own sentences."""

from __future__ import annotations

import re

from django.utils.translation import pgettext

_FINAL_STOPS = re.compile(r"[.。۔]+\s*$")
ELLIPSIS = "…"


def without_final_stop(text: str) -> str:
    """The text without its closing full stop, for a sentence that puts its own after it.

    "Reopened: Police now say three died; re-check." + "." read "re-check.." on the report. A
    closing "?" or "!" is kept (it carries meaning), and so is an ellipsis ("…" or "...").
    """
    text = (text or "").rstrip()
    if text.endswith(("...", ELLIPSIS)):
        return text
    return _FINAL_STOPS.sub("", text)


def shorten(text: str, limit: int) -> str:
    """At most about limit characters, cut at a word and closed with an ellipsis when cut.

    Messages that quote a claim ("Claim created: “…”") once cut it mid-word or mid-phrase
    ("…buses will run ”"). A single word longer than limit is cut inside it, with the ellipsis.
    """
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    space = cut.rfind(" ")
    head = cut[:space] if space > limit // 2 else text[:limit]
    return head.rstrip(" ,;:–—-") + ELLIPSIS


def shorten_end(text: str, limit: int) -> str:
    """The last words of text, at most about limit characters, opened with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    tail = text[-limit:]
    space = tail.find(" ")
    return ELLIPSIS + (tail[space + 1:] if 0 <= space < limit // 2 else tail)


def embed(text: str) -> str:
    """People's words (a claim, a title, a name) isolated inside a sentence of ours.

    A Hebrew claim quoted in an English notice ("Dana assigned you a claim: …") is laid out by
    the Unicode bidi algorithm together with our words around it, so its punctuation and a
    trailing figure jumped to the wrong end. FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
    (U+2068, U+2069) give it a direction of its own, on the page, in an email and in any client
    of the API, and are invisible everywhere.
    """
    return f"\u2068{text}\u2069"


def join_list(items, *, semicolon: bool = False) -> str:
    """Items joined with the reader's list separator: Arabic writes "، " and "؛ ", not ", " and "; ".

    The separators are translations of their own (context "list separator"), so every list on a page
    follows the interface language whatever the items are written in.
    """
    sep = pgettext("list separator", "; ") if semicolon else pgettext("list separator", ", ")
    return sep.join(str(i) for i in items)
