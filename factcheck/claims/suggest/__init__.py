"""Claim suggestion engine: proposes each checkable assertion of an article as a typed claim.

Pure Python with no Django import, so it can run in a management command, a Celery task or a
benchmark alike. ``suggest(text)`` returns Suggestions; ``find_quantities(text)`` finds figures
for the figure-check lookup.
"""

from .engine import TYPES, Suggestion, suggest
from .numbers import QUALIFIERS, QuantityMatch, find_quantities

__all__ = ["QUALIFIERS", "TYPES", "QuantityMatch", "Suggestion", "find_quantities", "suggest"]
