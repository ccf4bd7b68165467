"""The reader's name for a rating of the newsroom's scale (settings.RATING_SCALE).

Ratings are stored as the scale's English codes ("mostly accurate"), which the API and exports keep;
the pages and the ClaimReview name them in the reader's (or report's) language. A rating a newsroom
added to its scale without a translation is shown as written, in sentence case.
"""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

NAMES = {
    "accurate": pgettext_lazy("rating", "Accurate"),
    "mostly accurate": pgettext_lazy("rating", "Mostly accurate"),
    "misleading": pgettext_lazy("rating", "Misleading"),
    "inaccurate": pgettext_lazy("rating", "Inaccurate"),
    "unproven": pgettext_lazy("rating", "Unproven"),
}


def sentence_case(text: str) -> str:
    text = (text or "").strip()
    return text[:1].upper() + text[1:]


def rating_label(rating: str) -> str:
    """"mostly accurate" → "Mostly accurate" in English, "دقيق في معظمه" in Arabic."""
    name = NAMES.get((rating or "").strip().casefold())
    return str(name) if name is not None else sentence_case(rating)
