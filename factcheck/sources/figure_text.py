"""The words of a text as the figure check and the similar-claims lookup compare them: content words
with the words that name the same thing, a long word inside another, the sentence around a figure,
a URL's host. Pure functions over strings."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from factcheck.sources.figure_units import _stem
from factcheck.sources.figure_words import SAME_THING as _SAME_THING

_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
    her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
    or other our ours out over own said same says she should so some such than that the their them then there these
    they this those through to too under until up very was we were what when where which while who whom why will
    with would you your year years according told per cent percent people last first new one two three"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


def normalise(text: str, *, numbers: bool = True) -> str:
    """Lower-case words (and, unless told otherwise, the numbers) of a text, space-separated."""
    text = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'").replace("‘", "'")
    tokens = [m.group(0) for m in re.finditer(r"[^\W_][\w'.,-]*[^\W_]|[^\W_]", text)]
    if not numbers:
        tokens = [t for t in tokens if not t[0].isdigit()]
    return " ".join(tokens)


def keywords(text: str, *, expand: bool = True) -> list[str]:
    """Content words of a text, in order, without duplicates: what a passage must share. With
    ``expand``, each is followed by the words that name the same thing ("houses": "home")."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")):
        word = word.strip("'-")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 2 and word not in STOPWORDS:
            stem = _stem(word)
            groups = _SAME_THING.get(stem, ()) if expand else ()
            if expand and not groups and len(stem) >= 6:
                groups = _prefix_groups(stem)
            for same in (stem, *groups):
                seen.setdefault(same, None)
    return list(seen)


_LONG_MEMBERS = sorted(((m, k) for m, k in _SAME_THING.items() if len(m) >= 5), key=lambda mk: -len(mk[0]))


_PREFIX_CACHE: dict[str, tuple[str, ...]] = {}


def _prefix_groups(stem: str) -> tuple[str, ...]:
    """The groups of a listed word that ``stem`` starts with ("demonstrators": "demonstrat")."""
    got = _PREFIX_CACHE.get(stem)
    if got is None:
        if len(_PREFIX_CACHE) > 20_000:  # a source's vocabulary is far smaller; keep memory bounded
            _PREFIX_CACHE.clear()
        got = _PREFIX_CACHE[stem] = next((keys for member, keys in _LONG_MEMBERS if stem.startswith(member)), ())
    return got


def shared_words(words: list[str], others: list[str]) -> list[str]:
    """The words of ``words`` found among ``others``; a long word inside another counts
    ("quake" in "earthquake", "effective" in "effectiveness")."""
    pool = set(others)
    out = []
    for w in words:
        if w in pool or (len(w) >= 5 and any(len(o) >= 5 and (w in o or o in w) for o in pool)):
            out.append(w)
    return out


_SENTENCE_END = re.compile(r"[.?!؟](?=\s)|\n")


def sentence_bounds(text: str, start: int, end: int, *, limit: int = 400) -> tuple[int, int]:
    """The sentence (or line) around text[start:end], capped so a passage stays readable."""
    lo = max(0, start - limit)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        # "4.5" or "U.S." are not sentence ends; a full stop before a space is.
        left = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + limit))
    right = (m.end() if m.group() != "\n" else m.start()) if m else min(len(text), end + limit)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def host(url: str) -> str:
    name = (urlsplit(url or "").hostname or "").lower().rstrip(".")
    return name[4:] if name.startswith("www.") else name
