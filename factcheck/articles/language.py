"""The language of an article's text: detection on paste/import, and the direction it is written in.

Detection uses py3langid (langid.py's maintained fork: an offline Naive Bayes model of 97
languages shipped inside the package, no download at run time). Only the languages the desk
supports are kept; anything else, or an answer the model is unsure of, is "und" (undetermined),
which the pages render with ``dir="auto"`` so the browser picks the direction from the text.
"""

from __future__ import annotations

import threading

from django.db import models
from django.utils.translation import gettext_lazy as _

from factcheck.core.errors import InvalidInput


class Language(models.TextChoices):
    # BCP-47 codes, so they go as they are into lang="", ClaimReview's inLanguage and languageCode.
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    HEBREW = "he", _("Hebrew")
    UNDETERMINED = "und", _("Other or undetermined")


RTL_LANGUAGES = frozenset({Language.ARABIC, Language.HEBREW})
# Below this (normalised) probability the model is guessing; a few words of a headline are
# enough for a script's language, a mixed or very short text often is not.
MIN_CONFIDENCE = 0.5
# The opening of a long article says its language; scoring all of it would only cost time.
SAMPLE_CHARS = 20_000

_identifier = None
_lock = threading.Lock()


def _model():
    # Loading the model takes most of a second: once per process, and only when first needed.
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def warm_up() -> None:
    """Load the model now, so the first paste in a web process does not wait most of a second for it."""
    _model()


def detect_language(text: str) -> str:
    """The supported language code of ``text``, or "und" when it is another language or unclear."""
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample[:2000]) < 3:
        return Language.UNDETERMINED.value
    code, confidence = _model().classify(sample)
    if code in Language.values and confidence >= MIN_CONFIDENCE:
        return code
    return Language.UNDETERMINED.value


def clean_language(value: object) -> str:
    """A supported code, or a domain error naming the codes that are."""
    if isinstance(value, str) and value.strip().lower() in Language.values:
        return value.strip().lower()
    codes = ", ".join(Language.values)
    raise InvalidInput(f"Unknown article language; use one of {codes}.", fields={"language": [f"One of {codes}."]})


def text_direction(language: str) -> str:
    """The value of dir="" for text in ``language``: rtl, ltr, or auto when it is not known."""
    if language in RTL_LANGUAGES:
        return "rtl"
    if language == Language.UNDETERMINED:
        return "auto"
    return "ltr"
