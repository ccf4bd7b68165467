"""A self-contained wording for a claim whose quote cannot stand alone.

News copy leaves subjects out of its second clauses ("It destroyed 1,237 homes and caused $145
million in losses") and uses pronouns for the subject of the sentence before. The quote keeps the
article's exact words (offsets never change); the wording puts the subject back so that an editor
can accept it as the claim: "The Ridge Fire caused $145 million in losses."
"""

from __future__ import annotations

import re

from . import lexicon as lx

_PRONOUN = re.compile(r"(?:It|They|He|She|This|That)\s*$")
_SUBJECT_WORDS = 10
_SUBJECT_CHARS = 120  # a subject of ten words fits; nothing past it is looked at
_PRONOUN_START = ("It ", "They ", "He ", "She ", "This ", "That ")
_SUBJECT_STOP = frozenset(",;:“”\"()")


def subject_end(text: str, a: int, b: int) -> int | None:
    """Where the subject of the clause ``[a, b)`` ends: the start of its first finite verb, when the
    words before it look like a noun phrase (no comma, at most ten words)."""
    v = lx.FINITE_VERB.search(text, a, min(b, a + _SUBJECT_CHARS))
    if v is None or v.start() <= a:
        return None
    head = text[a:v.start()]
    if any(ch in _SUBJECT_STOP for ch in head) or len(head.split()) > _SUBJECT_WORDS:
        return None
    if lx.VERB_START.match(text, a):
        return None  # the clause starts with its verb: it has no subject of its own
    return v.start()


def sentence_subject(text: str, a: int, b: int) -> str | None:
    """The subject of a sentence when it names something a later pronoun can stand for."""
    end = subject_end(text, a, b)
    if end is None:
        return None
    phrase = text[a:end].strip()
    if not phrase or _PRONOUN.fullmatch(phrase) or not phrase[0].isupper():
        return None
    if lx.ATTRIB_VERB.match(text, end):
        # "The Health and Safety Executive says deaths ... fell to 298. It was the lowest figure":
        # the speaker is not what the next sentence's pronoun stands for.
        return None
    return phrase


def sentence(subject: str, rest: str) -> str:
    """``subject rest.`` with a capital first letter and one full stop."""
    words = f"{subject.strip()} {rest.strip()}".strip()
    words = words.rstrip(" ,;:.—–-")
    return words[:1].upper() + words[1:] + "." if words else ""


_OWN_END = ("?", "!", "؟", "”", "’", '"', "'", "…")


def finished(words: str | None) -> str | None:
    """A wording as a sentence: capital first letter and one final full stop (a question, an
    exclamation or a closing quotation mark keeps its own end), so every claim reads alike."""
    if not words:
        return words
    words = " ".join(words.split())
    if not words.endswith(_OWN_END):
        words = words.rstrip(" ,;:.—–-") + "."
    return words[:1].upper() + words[1:]


def starts_with_pronoun(text: str, a: int) -> bool:
    return text.startswith(_PRONOUN_START, a)


def with_subject(text: str, a: int, b: int, subject: str | None, previous: str | None) -> str | None:
    """The wording of clause ``[a, b)``: its own words with the subject it lacks, or None."""
    if subject and lx.VERB_START.match(text, a):
        return sentence(subject, text[a:b])  # "caused $145 million in losses"
    if previous and starts_with_pronoun(text, a):
        end = subject_end(text, a, b)
        if end is not None and _PRONOUN.fullmatch(text[a:end].strip()):
            return sentence(previous, text[end:b])  # "It destroyed 1,237 homes"
    return None
