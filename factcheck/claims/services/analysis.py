"""Every claim is analysed: types, figures and attribution from the suggestion engine.

A claim the engine suggested arrives analysed; one made by selecting a passage, merging,
splitting or rewording gets the same analysis here. The editor may correct any of the three
fields afterwards, and a correction is kept: the engine fills only fields the editor has not set
by hand. Which fields those are is read from the claim's own audit trail (the ``given`` fields of
its creation, the fields an edit changed that the engine did not), so no extra column is needed.
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.claims.models import Claim, ClaimEvent, ClaimType, EventKind
from factcheck.claims.services.common import _clean_quantities
from factcheck.claims.suggest import analyse

ANALYSED = ("types", "quantities", "attributed_to")


def _fields(result) -> dict[str, object]:
    types = [t for t in result.types if t in ClaimType.values] or [ClaimType.OTHER]
    return {
        "types": types,
        "quantities": _clean_quantities([dict(q) for q in result.quantities]),
        "attributed_to": (result.attributed_to or "")[:300],
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
