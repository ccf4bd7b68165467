"""Which script a text is in, and a normalised copy of it that the Arabic and Hebrew rules read.

The normalised copy folds what varies in writing but not in meaning: Arabic-Indic and Persian
digits become ASCII digits (one code point each, so the translation keeps every offset), the Arabic
decimal and thousands separators and percent sign become ".", "," and "%", alef forms fold to a bare
alef, and vowel marks and tatweel are dropped. Dropping changes offsets, so ``normalise`` also
returns, for every character of the copy, its offset in the original.
"""

from __future__ import annotations

import re

__all__ = ["RTL_LANGS", "detect", "has_rtl", "normalise", "to_ascii_digits"]

RTL_LANGS = ("ar", "he")

_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬٪",
    "01234567890123456789.,%",
)
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "״": '"', "׳": "'", "־": "-", "“": '"',
                       "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
# Arabic harakat, superscript alef and tatweel; Hebrew points and cantillation (not maqaf, geresh).
_DROP = re.compile(r"[\u064b-\u065f\u0670\u0640\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u200e\u200f\u061c]")
_ARABIC = re.compile(r"[\u0620-\u064a\u0671-\u06d3]")
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_LATIN = re.compile(r"[A-Za-z]")
_SAMPLE = 4000


def to_ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic and Persian digits (and ٫ ٬ ٪) as ASCII, same length and offsets."""
    return text.translate(_DIGITS)


def has_rtl(text: str) -> bool:
    return bool(_ARABIC.search(text, 0, _SAMPLE) or _HEBREW.search(text, 0, _SAMPLE))


def detect(text: str, language: str | None = None) -> str:
    """"ar", "he" or "en" for ``text``: the given language when it is one of those, else by script
    (the letters of a sample from the start; Latin wins unless Arabic or Hebrew letters outnumber it)."""
    if language in ("en", "ar", "he"):
        return language
    if not isinstance(text, str) or not text:
        return "en"
    sample = text[:_SAMPLE]
    ar = len(_ARABIC.findall(sample))
    he = len(_HEBREW.findall(sample))
    if max(ar, he) == 0:
        return "en"
    latin = len(_LATIN.findall(sample))
    if max(ar, he) < latin:
        return "en"
    return "ar" if ar >= he else "he"


def normalise(text: str) -> tuple[str, list[int]]:
    """(normalised copy, offset in ``text`` of each character of the copy plus one past the end)."""
    folded = text.translate(_DIGITS).translate(_FOLD)
    if not _DROP.search(folded):
        return folded, list(range(len(text) + 1))
    keep: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _DROP.finditer(folded):
        keep.append(folded[pos:m.start()])
        index.extend(range(pos, m.start()))
        pos = m.end()
    keep.append(folded[pos:])
    index.extend(range(pos, len(folded)))
    index.append(len(text))
    return "".join(keep), index
