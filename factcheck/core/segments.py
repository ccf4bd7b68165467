"""Cut a text at claim boundaries into flat segments (no nesting), each knowing the claims covering it.

Used by the workspace highlighter (web/highlight.py) and the public report (publishing), which
render the same cut differently. Pure Python: no Django, no domain knowledge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise


@dataclass
class Segment:
    start: int
    text: str
    claims: list = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def segments(text: str, claims: Iterable, *, base: int = 0) -> list[Segment]:
    """Cut text (which starts at offset `base` of the article) at every claim boundary."""
    limit = base + len(text)
    spans = [c for c in claims if c.start < c.end and c.end > base and c.start < limit]
    starts: dict[int, list] = defaultdict(list)
    ends: dict[int, list] = defaultdict(list)
    for c in spans:
        starts[max(c.start, base)].append(c)
        ends[min(c.end, limit)].append(c)
    bounds = sorted({base, limit, *starts, *ends})
    out: list[Segment] = []
    active: dict[int, object] = {}
    for a, b in pairwise(bounds):
        for c in ends.get(a, ()):
            active.pop(id(c), None)
        for c in starts.get(a, ()):
            active[id(c)] = c
        if b > a:
            out.append(Segment(a, text[a - base : b - base], list(active.values())))
    return out
