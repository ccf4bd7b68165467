"""Every claim is analysed: types, figures and attribution from the suggestion engine.

A claim the engine suggested arrives analysed; one made by selecting a passage, merging,
splitting or rewording gets the same analysis here. The editor may correct any of the three
fields afterwards, and a correction is kept: the engine fills only fields the editor has not set
by hand. Which fields those are is read from the claim's own audit trail (the ``given`` fields of
its creation, the fields an edit changed that the engine did not), so no extra column is needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from factcheck.claims.models import Claim, ClaimEvent, ClaimType, EventKind
from factcheck.claims.services.common import MAX_CLAIM_TEXT, _clean_quantities
from factcheck.claims.suggest import analyse
from factcheck.claims.suggest.wording import finished

ANALYSED = ("types", "quantities", "attributed_to")


def _fields(result) -> dict[str, object]:
    types = [t for t in result.types if t in ClaimType.values] or [ClaimType.OTHER]
    return {
        "types": types,
        "quantities": _clean_quantities([dict(q) for q in result.quantities]),
        "attributed_to": (result.attributed_to or "")[:300],
        "wording": result.wording,
    }


def analysis_of_passage(body: str, start: int, end: int, *, language: str | None = None) -> dict[str, object]:
    """The engine's reading of ``body[start:end]`` in its article, as claim field values.

    ``language`` is the article's (None, or "und": the engine tells it by the script)."""
    return _fields(analyse(body, start, end, language=language))


def analysis_of_wording(text: str) -> dict[str, object]:
    """The engine's reading of an editor's own wording of a claim."""
    return _fields(analyse(text or ""))


def corrected_fields(claims: Iterable[Claim]) -> set[str]:
    """Of types, quantities and attributed_to: those an editor set by hand on any of ``claims``."""
    ids = [c.pk for c in claims if c.pk]
    out: set[str] = set()
    events = ClaimEvent.objects.filter(claim_id__in=ids, kind__in=[EventKind.CREATED, EventKind.EDITED, EventKind.MERGED])
    for data in events.values_list("data", flat=True):
        data = data or {}
        out.update(f for f in data.get("given") or () if f in ANALYSED)
        engine = set(data.get("analysed") or ())
        out.update(f for f in (data.get("after") or {}) if f in ANALYSED and f not in engine)
    return out


def _norm(value: str) -> str:
    return " ".join(value.split())


def follow_wording(wording: str, old_quote: str, new_quote: str) -> str | None:
    """The claim's wording after its quoted words changed from ``old_quote`` to ``new_quote``, or None.

    A wording that is the quote itself becomes the new quote. An editor's own wording gets the same
    change where it names the changed words exactly once ("12 people" → "14 people"); otherwise it
    cannot be followed safely (None) and the claim's re-review flag asks a person to look.
    """
    if _norm(wording) == _norm(old_quote):
        return _norm(new_quote)
    if _norm(wording) == finished(old_quote):  # a suggestion's quote, finished as a sentence
        return finished(new_quote)
    head = 0
    limit = min(len(old_quote), len(new_quote))
    while head < limit and old_quote[head] == new_quote[head]:
        head += 1
    tail = 0
    while tail < limit - head and old_quote[-1 - tail] == new_quote[-1 - tail]:
        tail += 1
    a, b, c = head, len(old_quote) - tail, len(new_quote) - tail
    # Widen the changed stretch to whole words (the common head and tail are the same in both quotes).
    while a > 0 and old_quote[a - 1].isalnum():
        a -= 1
    while b < len(old_quote) and c < len(new_quote) and old_quote[b].isalnum():
        b, c = b + 1, c + 1
    old_words, new_words = old_quote[a:b].strip(), new_quote[a:c].strip()
    if not old_words:
        return None
    found = list(re.finditer(rf"(?<!\w){re.escape(old_words)}(?!\w)", wording))
    if len(found) != 1:
        return None
    hit = found[0]
    return wording[: hit.start()] + new_words + wording[hit.end():]


def reread_moved(claim: Claim, *, old_quote: str, body: str, language: str | None) -> dict[str, object]:
    """After the claim's quoted words changed (an edit of the article text, a placing again): its wording
    and its analysis follow the new words, as the claim edit form reads new wording again.

    The claim's fields are set here (the caller saves them); answers the audit row's part: ``changed``
    (field → before/after), and ``kept``/``conflicts`` for fields an editor corrected by hand whose value
    now differs from the engine's reading of the new words (the correction stays; the re-review flag and
    this row say which reading to look at).
    """
    changed: dict[str, dict] = {}
    wording = follow_wording(claim.text, old_quote, claim.quote)
    if wording and wording != claim.text:
        changed["text"] = {"before": claim.text, "after": wording[:5000]}
        claim.text = wording[:5000]
    reading = analysis_of_passage(body, claim.start, claim.end, language=language)
    corrected = corrected_fields([claim])
    conflicts: dict[str, object] = {}
    for f in ANALYSED:
        now, new = getattr(claim, f), reading[f]
        if now == new:
            continue
        if f in corrected:
            conflicts[f] = new
            continue
        changed[f] = {"before": now, "after": new}
        setattr(claim, f, new)
    out: dict[str, object] = {"changed": changed}
    if conflicts:
        out["kept"] = sorted(conflicts)
        out["conflicts"] = conflicts
    return out


def merged_wording(claims: Sequence[Claim], body: str, quote: str, readings: Sequence[dict], whole: str | None) -> str:
    """The merged claim's wording when the editor gives none (``claims`` in text order).

    Parts worded as their quotes and joined in the text by a few words ("and", ", while") read best as the
    merged quote itself: joining the parts dropped the "and" ("Four people died 23 were injured"), and
    that went out on the report and in ClaimReview. Otherwise (own wordings, or a gap that says more,
    another figure perhaps) the parts are joined as sentences, so the wording asserts only what they do.
    A part worded by the engine (its subject put back: ``readings``) counts as worded as its quote, and
    the merged quote then gets the engine's wording too (``whole``: "The Ridge Fire destroyed ... and caused ...").
    """
    as_quoted = all(" ".join(c.text.split()) in (" ".join(c.quote.split()), finished(c.quote), r["wording"])
                    for c, r in zip(claims, readings, strict=True))
    gaps = [body[a.end:b.start] for a, b in pairwise(claims)]
    if as_quoted and all(len(g.split()) <= 3 and not any(ch.isdigit() for ch in g) for g in gaps):
        merged = whole or " ".join(quote.split())
        if any(" ".join(c.text.split()) == finished(c.quote) != " ".join(c.quote.split()) for c in claims):
            merged = finished(merged)  # suggested parts read as sentences: so does their merge
        return merged[:MAX_CLAIM_TEXT]
    parts = [" ".join(c.text.split()) for c in claims]
    joined = parts[0]
    for part in parts[1:]:
        ended = joined.endswith((".", "!", "?", "؟", "…"))
        joined += (" " + part[:1].upper() + part[1:]) if ended else "; " + part
    return joined[:MAX_CLAIM_TEXT]
