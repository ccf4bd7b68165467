"""Claim highlights in article text, computed on the server from stored offsets.

The text is cut at every claim boundary into flat segments (no nesting, so
overlapping claims need no special casing); each segment knows the claims that
cover it. Every segment carries `data-start`, its offset in the stored text, so
the browser can turn a mouse selection back into exact offsets (static/js/app.js).
All text is escaped here; nothing from the user reaches the page unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from factcheck.core.segments import Segment, segments

__all__ = ["Segment", "claim_classes", "claim_in_paragraph", "highlighted", "paragraph_bounds", "render_segments",
           "segments"]


def _colour_claim(claims: Sequence):
    # The innermost (latest-starting, then shortest) claim decides the colour;
    # the others are still listed in data-claims.
    return max(claims, key=lambda c: (c.start, -(c.end - c.start)))


def claim_classes(claim) -> str:
    classes = [f"hl-{claim.status}"]
    if claim.verdict:
        classes.append(f"hl-{claim.verdict}")
    return " ".join(classes)


def render_segments(segs: Iterable[Segment], *, focus_id: int | None = None) -> SafeString:
    parts: list[str] = []
    for seg in segs:
        if not seg.claims:
            parts.append(format_html('<span data-start="{}">{}</span>', seg.start, seg.text))
            continue
        top = _colour_claim(seg.claims)
        classes = ["hl", claim_classes(top)]
        if len(seg.claims) > 1:
            classes.append("hl-overlap")
        if focus_id is not None and any(c.pk == focus_id for c in seg.claims):
            classes.append("hl-focus")
        ids = " ".join(str(c.pk) for c in sorted(seg.claims, key=lambda c: c.pk))
        parts.append(
            format_html(
                '<mark data-start="{}" class="{}" data-claims="{}">{}</mark>',
                seg.start, " ".join(classes), ids, seg.text,
            )
        )
    # Every piece went through format_html (escaping the text); no whitespace is
    # added between pieces, so the DOM text equals the stored text exactly.
    return mark_safe("".join(parts))  # noqa: S308


@dataclass(frozen=True, eq=False)
class Span:
    """A passage to mark that is not a claim (a pinned passage, a figure check's match)."""

    start: int
    end: int
    css: str
    title: str = ""


def marked(text: str, spans: Iterable[tuple[int, int, str, str]]) -> SafeString:
    """``text`` escaped, each (start, end, css class, title) span wrapped in one <mark>.

    The same cutting as the claim highlights (``segments``); marks never nest: where
    spans overlap, the one that starts first (then the longer) keeps the overlap. The
    text content of the result is exactly ``text``, which is what lets
    static/js/sources.js turn a selection into offsets.
    """
    wanted = [Span(*s) for s in spans if 0 <= s[0] < s[1] <= len(text)]
    parts: list[str] = []
    run: tuple[Span | None, list[str]] = (None, [])

    def flush() -> None:
        top, pieces = run
        if not pieces:
            return
        body = "".join(pieces)
        if top is None:
            parts.append(escape(body))
        else:
            parts.append(format_html('<mark class="{}" title="{}">{}</mark>', top.css, top.title, body))

    for seg in segments(text, wanted):
        top = min(seg.claims, key=lambda c: (c.start, -c.end)) if seg.claims else None
        if top is not run[0]:
            flush()
            run = (top, [])
        run[1].append(seg.text)
    flush()
    return mark_safe("".join(parts))  # noqa: S308 - every piece went through escape or format_html


def highlighted(text: str, claims: Iterable) -> SafeString:
    return render_segments(segments(text, claims))


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (newline to newline) around a span."""
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    return p_start, (len(text) if p_end == -1 else p_end)


def claim_in_paragraph(text: str, claim) -> SafeString:
    if claim.orphaned or not (0 <= claim.start < claim.end <= len(text)):
        return format_html("<span>{}</span>", escape(claim.quote))
    a, b = paragraph_bounds(text, claim.start, claim.end)
    return render_segments(segments(text[a:b], [claim], base=a), focus_id=claim.pk)
