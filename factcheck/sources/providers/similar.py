"""similar: earlier checks of the same claim in other articles of the newsroom.

Two steps. The database finds candidates across the whole archive; rapidfuzz
(figures.claim_similarity) re-scores the best few and the threshold decides.

PostgreSQL: the claim's own lexemes (stemmed by the search configuration), minus figures, are
ranked by how rare they are in the archive, read from the planner's statistics of the GIN-
indexed `search` column (pg_stats keeps each common lexeme's frequency; anything it does not
list is rarer still). A candidate must share at least two of the four rarest: the town, the
subject, the thing counted, not "said" and "percent". Claims sharing all four come first, then
three, then two, the most recent of each, until POOL candidates: the GIN index answers each
tier in a few milliseconds at 200,000 claims, and rapidfuzz re-scores the pool (ranking in the
database with ts_rank cost more than it saved). Elsewhere (SQLite): claims sharing one of the five
longest words, most recent first (the older method; bench/similar_eval.py compares both).
"""

from __future__ import annotations

import re
import time
from itertools import combinations

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy

from factcheck.articles.language import RTL_LANGUAGES, Language
from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.claims.suggest.lang_script import detect
from factcheck.core import search
from factcheck.sources.crosslang import cross_language_similarity, digit_forms, other_language
from factcheck.sources.figure_text import keywords
from factcheck.sources.figures import quantities_of
from factcheck.sources.providers import Provider
from factcheck.sources.text_likeness import claim_similarities, figures_differ

MAX_CANDIDATES = 500  # the fallback's window
POOL = 100  # candidates the database hands to rapidfuzz
MAX_RESULTS = 10
RARE_WORDS = 4
STATS_SECONDS = 300
_RTL = r"[\u0590-\u05ff\u0600-\u06ff]"
# The languages told apart by their script (crosslang.other_language); "und" is told by its text.
SCRIPT_LANGUAGES = frozenset({Language.ENGLISH, Language.ARABIC, Language.HEBREW})
_LEXEME = re.compile(r"^[^\W\d_][\w-]*$")
_stats: dict = {"at": 0.0, "freqs": {}, "floor": 0.0}


def _lexeme_frequencies() -> tuple[dict[str, float], float]:
    """Share of claims containing each common lexeme, from pg_stats (cached a few minutes)."""
    now = time.monotonic()
    if now - _stats["at"] > STATS_SECONDS:
        with connection.cursor() as cur:
            cur.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
                " WHERE schemaname = current_schema() AND tablename = 'claims_claim' AND attname = 'search'"
            )
            row = cur.fetchone()
        freqs: dict[str, float] = {}
        if row and row[0]:
            # The last three numbers of most_common_elem_freqs are min, max and null share.
            freqs = dict(zip(row[0], row[1][: len(row[0])], strict=True))
        _stats.update(at=now, freqs=freqs, floor=min(freqs.values(), default=0.0))
    return _stats["freqs"], _stats["floor"]


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("'", "''") + "'"


class SimilarClaimsProvider(Provider):
    kind = "similar"
    label = gettext_lazy("Earlier checks of similar claims")
    triggers = frozenset({"claim_open"})
    needs_claim = True

    def _eligible(self, claim):
        return (
            Claim.objects.exclude(article_id=claim.article_id)
            .exclude(pk=claim.pk)
            .exclude(status__in=[ClaimStatus.SUGGESTED, ClaimStatus.REJECTED])
            .filter(created_at__lte=claim.created_at)
        )

    def candidates(self, claim) -> list[tuple[int, str]]:
        """(id, wording) of the earlier claims worth re-scoring."""
        if search.fulltext():
            return self.rare_word_candidates(claim)
        return self.recent_candidates(claim)

    def other_language_candidates(self, claim) -> list[tuple[int, str]]:
        """(id, wording) of earlier claims in another script that hold one of the claim's figures:
        no word is shared across languages, so the figure (stored or written in digits) finds them."""
        values = [q["value"] for q in (claim.quantities or quantities_of(claim.text)) if q.get("value") is not None]
        values = [v for v in values if not (isinstance(v, int) and 1900 <= v <= 2100)][:3]
        if not values:
            return []
        match = Q()
        for v in values:
            for form in digit_forms(float(v)):
                match |= Q(text__contains=form)
            if connection.vendor == "postgresql":
                match |= Q(quantities__contains=[{"value": v}])
        rows = (self._eligible(claim).filter(match).filter(self._other_language_articles(claim))
                .order_by("-pk").values_list("pk", "text")[:POOL])
        return [(pk, text) for pk, text in rows if other_language(claim.text, text)]

    def _other_language_articles(self, claim) -> Q:
        """Claims of articles in another language than the claim's: by the article's stored language,
        and for articles of undetermined language ("und") by the script of the claim's text.

        Testing every claim's text for a script (a regex on all 200,000) cost 100 ms a lookup;
        the article's language narrows the claims to those of a few articles first (the join
        reads the articles, then each one's claims by the article index)."""
        if Claim.article.is_cached(claim):
            own = claim.article.language
        else:
            own = next(iter(Article.objects.filter(pk=claim.article_id).order_by().values_list("language", flat=True)), None)
        if own not in SCRIPT_LANGUAGES:
            own = detect(claim.text or "")
        script = ~Q(text__regex=_RTL) if own in RTL_LANGUAGES else Q(text__regex=_RTL)
        others = sorted(SCRIPT_LANGUAGES - {own})
        return Q(article__language__in=others) | (Q(article__language=Language.UNDETERMINED) & script)

    def recent_candidates(self, claim) -> list[tuple[int, str]]:
        """The fallback: earlier claims sharing one of the claim's longest words, most recent first."""
        words = sorted(keywords(claim.text), key=len, reverse=True)[:5]
        if not words:
            return []
        match = Q()
        for word in words:
            match |= Q(text__icontains=word)
        return list(self._eligible(claim).filter(match).order_by("-created_at").values_list("pk", "text")[:MAX_CANDIDATES])

    def rare_word_candidates(self, claim) -> list[tuple[int, str]]:
        with connection.cursor() as cur:
            cur.execute(
                "SELECT DISTINCT unnest(tsvector_to_array(to_tsvector(%s::regconfig, %s)))",
                [search.config(), claim.text or ""],
            )
            lexemes = [r[0] for r in cur.fetchall() if _LEXEME.match(r[0]) and len(r[0]) > 2]
        if not lexemes:
            return []
        freqs, floor = _lexeme_frequencies()
        # Rarest first; a lexeme the statistics do not list is rarer than any they do. Without
        # statistics yet (a new database) longer words stand in for rarer ones.
        rare = sorted(lexemes, key=lambda w: (freqs.get(w, floor * 0.5), -len(w), w))[:RARE_WORDS]
        eligible = self._eligible(claim)
        found: dict[int, str] = {}
        # Strictest first: all the rarest words, then all but one, ... then any two. Each tier
        # adds its most recent matches until the pool is full; the GIN index answers each.
        for tier in _tiers(rare):
            if len(found) >= POOL:
                break
            matches = RawSQL('"claims_claim"."search" @@ %s::tsquery', [tier], output_field=BooleanField())
            rows = eligible.filter(matches).exclude(pk__in=list(found)).order_by("-pk").values_list("pk", "text")
            found.update(rows[: POOL - len(found)])
        return list(found.items())

    def gather(self, lookup) -> dict:
        from factcheck.sources.models import Evidence

        claim = lookup.claim
        threshold = getattr(settings, "SIMILAR_CLAIMS_MIN_SCORE", 75)
        pool = self.candidates(claim)
        scores = claim_similarities(claim.text, [text for _, text in pool])
        scored = [(score, pk) for (pk, _), score in zip(pool, scores, strict=True) if score >= threshold]
        # The same claim in another language shares no words: its figure and names decide.
        in_pool = {pk for pk, _ in pool}
        across: set[int] = set()
        for pk, text in self.other_language_candidates(claim):
            if pk not in in_pool:
                across.add(pk)
                scored.append((cross_language_similarity(claim.text, text), pk))
        scored = [(score, pk) for score, pk in scored if score >= threshold]
        scored.sort(key=lambda pair: (-pair[0], -pair[1]))
        scored = scored[:MAX_RESULTS]
        others = Claim.objects.select_related("article").defer("search", "article__search").in_bulk(
            [pk for _, pk in scored]
        )
        sources: dict[int, list[dict]] = {}
        for ev in Evidence.objects.filter(claim__in=list(others)).select_related("source"):
            sources.setdefault(ev.claim_id, []).append(
                {"title": str(ev.source)[:200], "url": ev.source.url, "stance": ev.stance}
            )
        matches = []
        for score, pk in scored:
            other = others[pk]
            matches.append({
                "claim": other.pk, "article": other.article_id, "article_title": other.article.title[:200],
                "text": other.text[:500], "status": other.status, "verdict": other.verdict, "rating": other.rating,
                "score": round(score, 1), "figure_differs": pk not in across and figures_differ(claim.text, other.text),
                "other_language": pk in across or other_language(claim.text, other.text),
                "sources": sources.get(other.pk, [])[:5],
            })
        return {"matches": matches, "searched": len(matches)}


def _tiers(rare: list[str]):
    """tsquery texts: all of the rare words, then any len-1 of them, ... down to any two (or the one)."""
    if len(rare) == 1:
        yield _quoted(rare[0])
        return
    for size in range(len(rare), 1, -1):
        yield " | ".join("(" + " & ".join(_quoted(w) for w in combo) + ")" for combo in combinations(rare, size))
