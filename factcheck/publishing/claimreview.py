"""schema.org ClaimReview for published claims, as Google's fact-check rich results read it.

Required and recommended properties (https://schema.org/ClaimReview and Google's "Fact check
(ClaimReview) structured data" guide): claimReviewed, reviewRating (alternateName; ratingValue,
bestRating, worstRating), url, author, datePublished, itemReviewed (a Claim with author,
appearance, datePublished).

The numeric scale. RATING_SCALE lists the newsroom's ratings best first. Ratings in
RATING_UNSCORED ("unproven" by default) say the evidence is missing, not that the claim is false,
so they are not a point on the true-false scale: they get no ratingValue/bestRating/worstRating at
all, only their name (alternateName, which Google shows). Every other rating is numbered from
bestRating = len(scored ratings) down to worstRating = 1. A claim with a verdict but no rating is
numbered through CLAIMREVIEW_VERDICT_RATINGS (verified=accurate, disputed=inaccurate,
unverifiable=unproven) while its name stays the verdict the report shows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation

from factcheck.articles.language import Language
from factcheck.claims.models import Verdict
from factcheck.claims.ratings import rating_label

# Words that make an attribution a body rather than a person ("the city fire service", "Eurostat").
_JOINING_WORDS = frozenset({"of", "for", "and", "on", "in", "at", "to", "the", "&"})
_ORG_WORDS = re.compile(
    r"\b(the|service|ministry|department|council|board|office|agency|authority|police|government|"
    r"university|institute|company|corporation|group|bank|association|committee|union|commission|"
    r"parliament|court|hospital|inc|ltd|plc|llc|gmbh|ag|sa|news|press|bureau|league|party|club|"
    r"organisation|organization|foundation|centre|center|utility|statistics|agency|army|navy)\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")


def label(text: str) -> str:
    """One capitalisation everywhere (page, badges, JSON-LD): sentence case, "Mostly accurate"."""
    text = (text or "").strip()
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Rating:
    name: str
    value: int | None = None
    best: int | None = None
    worst: int | None = None

    @property
    def scored(self) -> bool:
        return self.value is not None


def scored_scale() -> list[str]:
    unscored = {r.casefold() for r in settings.RATING_UNSCORED}
    return [r for r in settings.RATING_SCALE if r.casefold() not in unscored]


def rating_of(verdict: str, rating: str) -> Rating:
    """The rating a reader sees (name) and, when it lies on the true-false scale, its number."""
    name = rating_label(rating) if rating else (str(Verdict(verdict).label) if verdict in Verdict.values
                                                else label(verdict))
    numeric = rating or settings.CLAIMREVIEW_VERDICT_RATINGS.get(verdict, "")
    scale = scored_scale()
    if numeric in scale and len(scale) >= 2:
        best = len(scale)
        return Rating(name=name, value=best - scale.index(numeric), best=best, worst=1)
    return Rating(name=name)


# Words that open a sentence or a name of a body, not a person's first name ("The Ashdown report").
_NOT_FIRST_NAMES = frozenset({"The", "A", "An", "In", "On", "At", "By", "For", "But", "And", "As", "If", "When",
                              "After", "Before", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Dame"})


def full_name(surname: str, text: str) -> str | None:
    """The first full name in ``text`` that ends in ``surname`` ("Helen Ashdown" for "Ashdown").

    Reporters name a person in full once and by surname after; a claim attributed to the second
    mention names the same person, and ClaimReview's Person wants the name a reader can search for.
    """
    if not _CAPITALISED.match(surname) or not text:
        return None
    # One first name, perhaps a middle initial ("Paul Renner", "Paul J. Renner"): a capitalised word
    # before it is a title or a sentence's first word ("Governor Paul Renner", "Later Daniel Pryce").
    pattern = re.compile(rf"\b([A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?){re.escape(surname)}\b(?!\s+[A-Z])")
    for m in pattern.finditer(text):
        first = m.group(1).split()
        while first and first[0] in _NOT_FIRST_NAMES:
            first = first[1:]
        if first and not _ORG_WORDS.search(" ".join(first)):
            return " ".join([*first, surname])
    return None


def attributed_author(attributed_to: str, text: str = "") -> dict | None:
    """itemReviewed.author: a Person when the claim is attributed to a named person, else an Organization.

    A name is two or more capitalised words at the end ("Mara Voss"), either the whole attribution
    (and no word of a body in it: "Port Ellery Water Utility" is an Organization) or after a
    lower-case role ("Council leader Mara Voss" → Mara Voss, jobTitle "Council leader"). Anything
    else ("the city fire service", "Eurostat") is a body.
    """
    who = " ".join((attributed_to or "").split())
    if not who:
        return None
    words = who.split(" ")
    tail: list[str] = []
    for word in reversed(words):
        if not _CAPITALISED.match(word):
            break
        tail.insert(0, word)
    if len(words) == 1 and (name := full_name(who, text)):
        return {"@type": "Person", "name": name}
    if len(tail) >= 2:
        if len(tail) == len(words) and not _ORG_WORDS.search(who):
            return {"@type": "Person", "name": who}
        before = words[len(words) - len(tail) - 1]
        # "the UN Office for the Coordination of Humanitarian Affairs": a name of a body runs on through
        # "of"/"for"; only a role ("Council leader") comes before a person's name.
        if len(tail) < len(words) and before.islower() and before not in _JOINING_WORDS:
            # "The authority's chief executive, Daniel Pryce": the apposition's comma is no part of the title.
            title = " ".join(words[: len(words) - len(tail)]).rstrip(" ,;:–—-")
            return {"@type": "Person", "name": " ".join(tail), "jobTitle": title}
    return {"@type": "Organization", "name": who}


def _date(value) -> str:
    """An ISO date; a missing one (rows written before resolved_at existed) is today, never the text "None"."""
    if value is None:
        return timezone.localdate().isoformat()
    if isinstance(value, dt.datetime):
        return timezone.localdate(value).isoformat() if timezone.is_aware(value) else value.date().isoformat()
    return value.isoformat()


def claim_review(
    *,
    claim,
    verdict: str,
    rating: str,
    rationale: str,
    url: str,
    date_published,
    date_modified=None,
    text: str = "",
) -> dict:
    """One ClaimReview (a plain dict, ready for json.dumps).

    ``text`` is the article's text, to name in full a person the claim is attributed to by surname;
    the caller passes it once for all the claims, whose articles are loaded without it.
    """
    article = claim.article
    appearance: dict = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        appearance["url"] = article.url
    if article.published_at:
        appearance["datePublished"] = article.published_at.isoformat()
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.author:
        appearance["author"] = {"@type": "Person", "name": article.author}
    item: dict = {"@type": "Claim", "appearance": appearance}
    author = attributed_author(claim.attributed_to, text)
    if author is None and article.author:
        author = {"@type": "Person", "name": article.author}
    if author is None and article.outlet:
        author = {"@type": "Organization", "name": article.outlet}
    if author is not None:
        item["author"] = author
    if article.published_at:
        item["datePublished"] = article.published_at.isoformat()
    # The claim is quoted in the article's language; "und" (undetermined) says nothing, so it is left out.
    language = article.language if article.language != Language.UNDETERMINED else ""
    if language:
        appearance["inLanguage"] = language
    # The rating is named in the report's language (the article's, as inLanguage says), whatever
    # language the page that embeds it is read in; a language without a translation gets the default.
    supported = {code.split("-")[0]: code for code, _ in settings.LANGUAGES}
    with translation.override(supported.get(language, settings.LANGUAGE_CODE)):
        r = rating_of(verdict, rating)
    review_rating: dict = {"@type": "Rating", "alternateName": r.name, "name": r.name}
    if r.scored:
        review_rating.update(ratingValue=r.value, bestRating=r.best, worstRating=r.worst)
    explanation = " ".join((rationale or "").split())
    if explanation:
        review_rating["ratingExplanation"] = explanation[:500]
    data: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.text,
        "datePublished": _date(date_published),
        "author": {"@type": "Organization", "name": settings.NEWSROOM_NAME, "url": settings.SITE_URL},
        "itemReviewed": item,
        "reviewRating": review_rating,
    }
    if date_modified is not None:
        data["dateModified"] = _date(date_modified)
    if language:
        data["inLanguage"] = language
    return data
