"""Claim suggestion engine: proposes each checkable assertion of an article as a typed claim.

Pure Python with no Django import, so it can run in a management command, a Celery task or a
benchmark alike. ``suggest(text)`` returns Suggestions; ``analyse(text, start, end)`` types a
passage an editor marked; ``find_quantities(text)`` finds figures (for the figure check too).
"""

from .analyse import Analysis, analyse
from .engine import TYPES, Suggestion, suggest
from .numbers import QUALIFIERS, QuantityMatch, find_quantities

__all__ = ["QUALIFIERS", "TYPES", "Analysis", "QuantityMatch", "Suggestion", "analyse", "find_quantities", "suggest"]
