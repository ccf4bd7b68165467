"""figure_check: does the source state the claim's figures, and does it agree?"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from factcheck.sources.figures import figure_check
from factcheck.sources.providers import LookupProblem, Provider


class FigureCheckProvider(Provider):
    kind = "figure_check"
    label = gettext_lazy("Figure check")
    triggers = frozenset({"snapshot"})
    needs_claim = True
    needs_source = True

    def gather(self, lookup) -> dict:
        snapshot = lookup.source.latest_snapshot
        if snapshot is None:
            raise LookupProblem("The source has no snapshot yet; fetch it first.")
        result = figure_check(lookup.claim.text or lookup.claim.quote, snapshot.text, lookup.claim.quantities or None)
        if not lookup.claim.quantities and lookup.claim.text != lookup.claim.quote and result.outcome == "not_found":
            # The editor's wording may drop the figure the article's quote states.
            result = figure_check(lookup.claim.quote, snapshot.text)
        return {"snapshot": snapshot.pk, **result.as_dict()}
