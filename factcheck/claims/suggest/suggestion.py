"""What the engine hands out: a proposed claim with its types, figures and source."""

from __future__ import annotations

from dataclasses import dataclass, field

TYPES = ("quantity", "comparison", "superlative", "temporal", "attribution", "causal", "other", "prediction")


@dataclass(frozen=True)
class Suggestion:
    """A proposed claim: ``text == article[start:end]``.

    ``wording`` is a self-contained sentence for the claim when the quote cannot stand alone (a
    fragment without its subject, "caused $145 million in losses", or a pronoun for one, "It
    destroyed 1,237 homes"); None when the quote reads as the claim itself.
    """

    start: int
    end: int
    text: str
    types: list[str] = field(default_factory=list)
    quantities: list[dict[str, object]] = field(default_factory=list)
    attributed_to: str | None = None
    score: float = 0.0
    wording: str | None = None

    def __hash__(self) -> int:  # lists are unhashable; the span identifies a suggestion
        return hash((self.start, self.end, self.text))

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "types": list(self.types),
            "quantities": [dict(q) for q in self.quantities],
            "attributed_to": self.attributed_to,
            "score": self.score,
            "wording": self.wording,
        }


def with_type(s: Suggestion, kind: str) -> Suggestion:
    types = [t for t in TYPES if t in s.types or t == kind]
    if "other" in types and len(types) > 1:
        types.remove("other")
    return Suggestion(s.start, s.end, s.text, types, s.quantities, s.attributed_to, min(0.99, round(s.score + 0.05, 3)),
                      s.wording)


