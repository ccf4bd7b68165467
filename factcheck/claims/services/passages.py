"""Where a new claim lies in the text, and whether that passage is already in the check."""

from __future__ import annotations

from django.utils.translation import gettext

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.core.errors import AlreadyDone, InvalidInput
from factcheck.core.text import shorten


def passage_span(body: str, start: int | None, end: int | None, quote: str | None) -> tuple[int | None, int | None]:
    """Where the claim lies: offsets that still match the quote shown win; otherwise the quote is looked up.

    A mouse selection sends offsets and the passage; a keyboard user (or a client that
    only knows the words) sends the passage alone, which must then occur exactly once.
    """
    if quote is not None and not isinstance(quote, str):
        raise InvalidInput(gettext("quote must be text."), fields={"quote": [gettext("Must be text.")]})
    offered = quote is not None
    quote = (quote or "").replace("\r\n", "\n")
    if start is not None and end is not None and (
        not quote.strip() or (isinstance(start, int) and isinstance(end, int) and body[start:end] == quote)
    ):
        return start, end
    # Surrounding blanks of a typed passage are not part of it; a passage of blanks alone
    # is looked up as it is, so the refusal names the problem (only white space).
    quote = quote.strip() or quote
    if not quote:
        if offered and start is None and end is None:
            raise InvalidInput(
                gettext("Select a passage in the article or type it."), fields={"quote": [gettext("Select or type a passage.")]}
            )
        return start, end
    first = body.find(quote)
    if first == -1:
        raise InvalidInput(gettext("The quote does not occur in the article."),
            fields={"quote": [gettext("Not found in the text.")]})
    if body.find(quote, first + 1) != -1:
        raise InvalidInput(
            gettext("The quote occurs more than once; give start and end instead."),
            fields={"quote": [gettext("Occurs more than once.")]},
        )
    return first, first + len(quote)


def claim_on_passage(article: Article, start: int, end: int, text: str | None) -> Claim | None:
    """The claim an editor's selection of exactly this passage already is, if any.

    Selecting the words of a suggestion means "yes, that one": a second claim beside it
    would be checked twice and counted twice. A passage that is already in the check is
    refused by name, unless the editor words a different claim on it (one sentence can
    carry two assertions). Rejected claims are set aside, so the passage is free again.
    """
    found = list(
        Claim.objects.select_for_update(of=("self",))
        .filter(article=article, revision=article.current_revision, start=start, end=end)
        .exclude(status=ClaimStatus.REJECTED)
        .order_by("pk")
    )
    for claim in found:
        if claim.status == ClaimStatus.SUGGESTED:
            return claim
    wording = " ".join(text.split()) if text else ""
    for claim in found:
        if not wording or wording == " ".join(claim.text.split()):
            raise AlreadyDone(
                gettext("This passage is already a claim: “%(text)s” (%(status)s).")
                % {"text": shorten(claim.text, 80), "status": claim.get_status_display()},
                existing=claim,
            )
    return None
