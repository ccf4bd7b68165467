"""The suggestion engine for Arabic and Hebrew articles: same Suggestions, English type codes.

Read on the normalised copy (script.normalise), then mapped back to the article's own offsets.
Paragraphs are cut into sentences and quotes by lang_sentences, sentences into clauses by lang_clauses;
this module types and judges each clause and names its source.
Per sentence: find the figures and cues once (lang_counted adds rankings, scores and the units a bare
count borrows), cut at clause breaks (commas, semicolons, a conjunction glued to a word or a figure,
"فيما"/"בעוד") where each side holds something checkable, keep lists, "including"/"of them" phrases
and short verbless list items with their figure, split figures that each have a verb of their own
("قتل 12 وأصيب 30"), carry the sentence's source to each clause, and drop questions, quoted
testimony, predictions and promises, advice, opinions and first-person feelings. A clause with no
figure, date, ranking or cause is offered only when it reports an event (someone resigned, a site was
struck), and what the reporting frame holds ("قالت اللجنة مساء الخميس إن") is not the claim's content.
"""

from __future__ import annotations

import re

from .lang_clauses import clause_pieces, has_content
from .lang_counted import more_figures
from .lang_cues import BASELINE, CUES, EVER, HE_BY, PEAK_HOURS, LangCues
from .lang_forecast import AR_FUTURE, ar_may, ar_official, forecast_figures
from .lang_numbers import Figure, read_figures
from .lang_script import normalise
from .lang_sentences import PARAGRAPH, QUESTION, Sent, quote_spans, sentence_spans, share_inside, word_count
from .lang_sources import Span, find_source
from .suggestion import TYPES, Suggestion

__all__ = ["analyse_rtl", "suggest_rtl"]

_TIMES_ORD = re.compile(r"(?:للمرة|لمرة|بالمرة|בפעם|לפעם)\s+$")
_SINCE = re.compile(r"(?<![^\W\d_])[וו]?(?:מאז|מתחילת|منذ|مطلع|خلال)(?![^\W\d_])")


def _types(norm: str, a: int, b: int, s: Sent, cues: LangCues, source: str | None) -> list[str]:
    mine = [f for f in s.figures if a <= f.core < b]
    kinds: set[str] = set()
    if any(f.kind not in ("duration",) for f in mine) or s.has(cues.vague, norm, a, b):
        kinds.add("quantity")
    ranks = list(cues.superlative.finditer(norm, a, b))
    dates = [m.span() for p in (cues.date, cues.temporal) for m in p.finditer(norm, a, b)] if ranks else []
    # "على الأقل" in a figure, "تشرين الأول" in a date and "الربع الأول" in a period rank nothing
    # ("ביותר מ־200 יישובים": in more than, no ranking)
    sup = next((m for m in ranks if not any(
        f.start - 1 <= m.start() < f.end for f in mine) and not any(x <= m.start() < y for x, y in dates)
        and not norm.startswith("בשיא", m.start())  # "בשיא האירוע": at the height of it, no record
        and not (norm.startswith("לראשונה", m.end() - 7) and not EVER.search(norm, m.end(), min(b, m.end() + 25)))
        and not PEAK_HOURS.match(norm, max(0, m.start() - 6), m.end())  # "בשעות השיא": peak hours
        and not (_HE_FIRST.fullmatch(m.group()) and not _HE_FIRST_RANKS.match(norm, m.end()) and not (
            EVER.search(norm, m.end(), min(b, m.end() + 40)) or _HE_FIRST_TIME.search(norm, max(a, m.start() - 8), m.start())))),
        None)
    # ("وأكثر من ألفي عائلة": the qualifier of a figure, its "و" before it, compares nothing)
    comp = any(not any(f.start - 1 <= m.start() < f.end for f in mine) and not norm.startswith("ביותר", m.start())
               and not norm.startswith("יותר", m.end()) and not _IN_RETURN.match(norm, max(0, m.start() - 4), m.end() + 1)
               for m in cues.comparison.finditer(norm, a, b))  # "הגבוה ביותר מאז 2006" ranks, it does not compare
    if comp or any(f.kind == "multiplier" for f in mine):
        kinds.add("comparison")
    if sup:
        # "أكبر من" compares; "الأكبر" and "أكبر عدد" rank
        after = norm[sup.end():sup.end() + 4]
        if cues.lang == "ar" and not norm[sup.start():sup.end()].lstrip("وبلف").startswith("ال") and after.startswith(" من"):
            kinds.add("comparison")
        elif cues.lang == "he" and HE_BY.match(norm, sup.end()):
            kinds.add("comparison")  # "במחיר הנמוך בכ־20 אחוז ממחיר השוק": lower by 20 percent than, no ranking
        else:
            kinds.add("superlative")
    if any(f.kind == "ordinal" and (_TIMES_ORD.search(norm, max(0, f.start - 8), f.start) or _SINCE.search(norm, a, b))
           for f in mine):
        kinds.add("superlative")  # "השריפה השלישית מאז תחילת הקיץ": a rank over a time is a ranking
    # "עלייה של 38 אחוז לעומת השנה הקודמת": the year compared with is the baseline, not the claim's time
    base = BASELINE.search(norm, a, b)
    relative = s.has(cues.temporal, norm, a, base.start() if base else b) and any(
        a <= at < (base.start() if base else b) and not any(f.start <= at < f.end for f in mine)
        for at in s.found[cues.temporal])  # "ستين كيلومتراً في الساعة": the unit's hour dates nothing
    # ("ارتفع 17% مقارنة بانتخابات 2019", "עלייה של 18% לעומת 2023": nor is the year compared with)
    until = base.start() if base else b
    if (any(f.kind == "duration" for f in mine) or s.has(cues.date, norm, a, until) or relative
            or s.has(cues.year, norm, a, until)):
        kinds.add("temporal")
    if source:
        kinds.add("attribution")
    if s.has(cues.causal, norm, a, b):
        kinds.add("causal")
    # "other" is for an event with none of the other types (the guidelines): "עצרה שני חשודים" is a quantity; a
    # mourning declared for three days is still an event with its duration
    # ("גזר 7 שנות מאסר", "قضت بسجنه سبع سنوات": a sentence with its term is the term, temporal, as labelled)
    if s.has(cues.legal, norm, a, b) and not any(f.kind not in ("vague", "duration") for f in mine) and not (
            any(f.kind == "duration" for f in mine) and _SENTENCING.search(norm, a, b)):
        kinds.add("other")  # "הורשע בשלושה אישומים": a conviction is an event of its own beside its figures
    types = [t for t in TYPES if t in kinds]
    if not types or types == ["attribution"]:
        types = [t for t in TYPES if t in kinds or t == "other"]
    return types


# "במנת החיסון הראשונה", "בשלב הראשון": the first of a sequence ranks nothing; "הפעם הראשונה ש...", "הראשונה
# מזה עשור", "הראשון מסוגו" do
_HE_FIRST = re.compile(r"הראשון|הראשונה")
_HE_FIRST_RANKS = re.compile(r"\s+(?:ש(?!ל(?:ו|ה|הם|הן)?(?![^\W\d_]))|מסוג)|ים|ות")  # "הראשונה שבה", not "של"
_HE_FIRST_TIME = re.compile(r"(?:הפעם|בפעם|לפעם)\s+$")
_CALLED = re.compile(r"(?<![^\W\d_])(?:ו?(?:כינה|כינתה|כינו|הגדיר|הגדירה|הגדירו)|[وف]?(?:وصف|وصفت|وصفوا|نعت|نعتت))(?![^\W\d_])")
_IN_RETURN = re.compile(r".*(?:في\s+|ب)المقابل(?![^\W\d_])")  # "وأطلق في المقابل": in return, on the other side
_SENTENCING = re.compile(r"(?<![^\W\d_])(?:ו?(?:גזר|גזרה|גזרו|נגזר|נגזרה|נגזרו|נידון|נידונה|נידונו|לגזור)|"
                         r"[وف]?(?:بسجن|بالسجن|بحبس|بالحبس|بسجنه|بسجنها|بحبسه|بحبسها))(?![^\W\d_])")
_COLON_QUOTE = re.compile(r":\s*[\"«]")
_THAT = re.compile(r"(?<![^\W\d_])(?:(?:ان|بان)(?:ه|ها|هم|هن)?|כי)(?![^\W\d_])")  # "إن", "إنه": that (he)


def _reported(norm: str, a: int, b: int, cues: LangCues) -> int:
    """Where what a clause reports starts: after "X said that" ("قال ... إن", "מסר כי"), else ``a``."""
    m = cues.attrib_verb.search(norm, a, b)
    if m is None or m.start() - a > 40:
        return a
    t = _THAT.search(norm, m.end(), min(b, m.end() + 80))
    return t.end() if t else a


_AR_HEAD = re.compile(r"\s*(?:\S+\s+){0,2}?\S*$|.*(?<![^\W\d_])(?:قد|لقد)\s+$")


def _event(norm: str, a: int, c0: int, b: int, s: Sent, cues: LangCues) -> bool:
    """Does the clause report an event? An Arabic verb leads its clause ("ونفى المحامي", "قد أحالت"); the
    same letters later are mostly a noun ("ضبط النفس", "من تراجع حركة البيع")."""
    if not s.has(cues.event, norm, c0, b):
        return False
    if cues.lang != "ar":
        return True
    return any(_AR_HEAD.fullmatch(norm, c0 if m.start() >= c0 else a, m.start()) for m in cues.event.finditer(norm, c0, b))


_FROM = re.compile(r"(?<![^\W\d_])(?:من|מ-?)\s*$")


def _judge(norm: str, a: int, b: int, s: Sent, cues: LangCues, source: str | None) -> tuple[list[str], list[Figure]] | None:
    figs = [f for f in s.figures if a <= f.core < b]
    hard = [f for f in figs if f.kind != "vague"]  # "آلاف", "עשרות": a vague count is judged as the cue it was
    n_words = word_count(norm, a, b)
    # ("..., ועשרות נפצעו", "..., وأصيب 40": a toll with its verb is a claim in two words, and so is one that
    # opens its sentence: "قُتل جنديان، وأصيب ثلاثة")
    if n_words < 2 or (n_words == 2 and not (
            (figs or s.has(cues.vague, norm, a, b)) and s.has(cues.event, norm, a, b) and (
                norm[a] in "وו" or not norm[s.a:a].strip(" \"'«»()-")))):
        return None
    quoted = share_inside(s.quotes, a, b) > 0.5
    # a ranking over time in quotes ("״הגל הגבוה ביותר מאז 2016״") is checkable; "«الفئات الأكثر احتياجا»" is not
    ranked = s.has(cues.superlative, norm, a, b) and (
        _SINCE.search(norm, a, b) is not None or s.has(cues.year, norm, a, b))
    if quoted and not hard and not s.has(cues.superlative, norm, a, b):
        return None
    if not hard and share_inside(s.quotes, a, b) > 0.2 and not ranked:
        return None  # a reporting frame around quoted testimony
    if hard and _speaker_only(norm, a, b, s, cues, hard):
        return None  # "״...,״ אמרה יעל, אם לשלושה": the figure describes the speaker of a quote
    if s.has(cues.first_person, norm, a, b) and not any(f.kind != "duration" for f in hard):
        return None
    if s.has(cues.boilerplate, norm, a, b) and not hard:
        return None
    if cues.lang == "ar" and ar_may(norm, a, b, [f.core for f in hard]):
        return None  # "قد تصل إلى مليون دينار": what may happen is a guess, not a forecast on record
    forecast = False
    if s.has(cues.prediction, norm, a, b) or (cues.lang == "ar" and s.has(AR_FUTURE, norm, a, b)):
        # a forecast is checkable only as an attributed one with a figure ("... according to the IMF") or a
        # forecast on record ("עדכנה את תחזית הצמיחה ל-2.4%"); a meeting set for a date is checkable as a date
        # "ستنخفض من أربع ساعات إلى أقل من ثلاث": a change from one duration to another is measured too
        named = forecast_figures(norm, hard, cues.lang)
        counted = any(f.kind != "duration" for f in named) or (len(named) >= 2 and named[0].unit is not None and (
            named[0].unit == named[1].unit and _FROM.search(norm, max(0, named[0].start - 6), named[0].start) is not None))
        # "השוק מתמחר הפחתה אחת או שתיים": bare counts with no unit make no forecast checkable
        others = [f for f in named if f.kind != "duration"]
        measured = counted and not (others and all(f.kind == "count" and f.unit is None for f in others))
        if s.has(cues.date, norm, a, b) and not counted and (s.has(cues.schedule, norm, a, b) or (cues.lang == "he" and any(
                ch.isdigit() for m in cues.date.finditer(norm, a, b) for ch in m.group()))):  # "תתפרסם ב־24 בנובמבר"
            pass
        elif not ((source or s.has(cues.forecast, norm, a, b)) and measured):
            return None
        elif cues.lang == "ar" and not s.has(cues.forecast, norm, a, b) and not ar_official(norm, a, b, source):
            return None  # an analyst's, a poll's or a company's forecast is no official one (the guidelines')
        else:
            forecast = True
    if s.has(cues.opinion, norm, a, b) and not hard:
        return None
    called = _CALLED.search(norm, a, b)
    if called and hard and all(share_inside(s.quotes, f.core, f.core + 1) > 0 for f in hard) and any(
            q0 >= called.end() for q0, _q1 in s.quotes):
        return None  # "כינה את ההחלטה "שערורייה של 5 מיליארד שקל"": a sum called names: a value judgement
    colon = _COLON_QUOTE.search(norm, a, b)
    if colon and not any(f.core > colon.start() for f in figs) and cues.attrib_verb.search(norm, s.a, colon.start()):
        return None  # "وقالت منى، وهي أم لثلاثة أطفال: «...»": the figure describes the speaker
    c0 = _reported(norm, a, b, cues)  # "قالت اللجنة مساء الخميس إن ...": the frame's date dates the statement
    if not has_content(norm, c0, b, s, cues) and not (n_words >= 4 and _event(norm, a, c0, b, s, cues)):
        # Nothing but a time or a source: a claim when it reports an event (someone resigned, a site was
        # struck), not an assessment ("الوضع يزداد سوءا") or a description of a scene
        return None
    if not hard and not has_content(norm, c0, b, s, cues, vague=False) and not _event(norm, a, c0, b, s, cues):
        return None  # "وتجمع العشرات حول الركام", "עשרות תושבים התקבצו ליד הבניין": a crowd in a scene, no toll
    types = _types(norm, a, b, s, cues, source)
    if forecast:
        types.append("prediction")
    return types, figs


def _speaker_only(norm: str, a: int, b: int, s: Sent, cues: LangCues, figs: list[Figure]) -> bool:
    """A quote, then "said X, a mother of three": every figure follows the reporting verb after the quote."""
    ends = [e for q0, e in s.quotes if a <= q0 < e <= b]
    if not ends or share_inside(s.quotes, a, ends[-1]) < 0.6:
        return False
    verb = cues.attrib_verb.search(norm, ends[-1], b)
    return verb is not None and verb.start() - ends[-1] <= 3 and all(f.core > verb.end() for f in figs)


def _map(index: list[int], a: int, b: int) -> tuple[int, int]:
    """A span of the normalised copy as a span of the original: what was dropped after its last letter
    (vowel marks, tatweel) stays with it."""
    return index[a], index[b]


def _name(text: str, index: list[int], span: Span | None) -> str | None:
    if span is None:
        return None
    oa, ob = _map(index, *span)
    return text[oa:ob]


def _quantity(text: str, index: list[int], f: Figure) -> dict[str, object]:
    s, e = _map(index, f.start, f.end)
    return {"value": f.value, "qualifier": f.qualifier, "unit": f.unit, "text": text[s:e]}


# "وأضاف أن ...", "وأوضح أن ...", "הוא הוסיף כי ...": the speaker named in the sentence before goes on
_ADDED = re.compile(r"(?<![^\W\d_])[وف]?(?:اضاف|اضافت|تابع|تابعت|اوضح|اوضحت|اكد|اكدت)\s+(?:ان|بان)(?![^\W\d_])|"
                    r"(?<![^\W\d_])ו?(?:הוסיף|הוסיפה|הוסיפו)\s+(?:כי|ש)|"
                    # "צה"ל תקף לדבריו 15 מטרות", "بحسبه": "according to him" is the speaker named before
                    r"(?<![^\W\d_])ו?(?:לדבריו|לדבריה|לדבריהם|לדבריהן)(?![^\W\d_])|"
                    r"(?<![^\W\d_])[و]?(?:بحسبه|بحسبها|حسب\s+قوله|حسب\s+قولها|وفقا\s+له|وفقا\s+لها)(?![^\W\d_])")


def _sentence_suggestions(text: str, norm: str, index: list[int], s: Sent, cues: LangCues,
                          before: list[str | None] | None = None) -> list[Suggestion]:
    """The claims of one sentence; ``before`` holds the source the sentence before named (and is updated)."""
    if QUESTION.search(norm, s.a, s.b):
        return []
    cut = clause_pieces(norm, s, cues)
    pieces = [(a, b) for a, b, _offered in cut]
    spans = [find_source(norm, a, b, cues) for a, b in pieces]
    found = [(_name(text, index, sp), p) for sp, p in spans]
    # A source at the sentence's start or end covers every clause of it ("בקרן קיימת לישראל ציינו כי ..., וכי ...").
    shared = None
    # ("..., ואילו ההגנה טענה כי ...", "..., وقال المدعي العام إن ...": a last clause that reports something of
    # its own lends its source to nothing before it)
    if found and found[-1][0] and (len(pieces) == 1 or (found[-1][1] > pieces[-1][0] + 2 and not _THAT.search(
            norm, found[-1][1], pieces[-1][1]))):
        shared = found[-1][0]
    elif found and found[0][0] and (found[0][1] - pieces[0][0] <= 3 or (
            spans[0][0] is not None and spans[0][0][0] - pieces[0][0] <= 3 and spans[0][0][1] < found[0][1]) or (
            # "יו"ר ועדת הכספים, ח"כ דוד אשכנזי, אמר כי ...": a subject cut by commas before its verb
            word_count(norm, pieces[0][0], found[0][1]) <= 8 and not any(
                pieces[0][0] <= f.core < found[0][1] for f in s.figures))):
        shared = found[0][0]
    elif found and not found[0][0] and before and before[0] and _ADDED.match(norm, pieces[0][0]):
        shared = before[0]  # "وأضاف أن ... ، نُفذ ثلثها فقط": the speaker goes on for the whole sentence
    out: list[Suggestion] = []
    carried = before[0] if before else None
    lent = None  # "..., כך עולה מנתוני משרד האוצר, והכנסות המדינה ...": a source named mid-sentence goes on
    for (a, b, offered), (src, _p) in zip(cut, found, strict=True):
        if src and offered:
            lent = src
        if not offered:
            continue
        source = src or shared or (carried if carried and _ADDED.search(norm, a, b) else None)
        got = _judge(norm, a, b, s, cues, source)  # a lent source types the clause; it makes no forecast official
        if got is None:
            continue
        types, figs = got
        if source is None and lent:
            source = lent
            types = [t for t in TYPES if t in types or t == "attribution"]
        oa, ob = _map(index, a, b)
        score = round(min(0.99, 0.3 + 0.25 * bool(figs) + 0.15 * ("superlative" in types) + 0.05 * bool(source)), 3)
        out.append(Suggestion(oa, ob, text[oa:ob], types, [_quantity(text, index, f) for f in figs], source, score))
    if before is not None:
        before[0] = shared or next((src for src, _p in found if src), None) or (
            carried if carried and any(_ADDED.search(norm, a, b) for a, b in pieces) else None)
    return out


def suggest_rtl(text: str, lang: str) -> list[Suggestion]:
    """Every checkable assertion of an Arabic or Hebrew ``text``, sorted, no overlaps."""
    cues = CUES[lang]
    norm, index = normalise(text)
    figures = more_figures(norm, read_figures(norm, lang), lang, cues.date)
    out: list[Suggestion] = []
    fi = 0
    # the source of the sentence before: a wire's "وأضاف أن ..." often opens a paragraph of its own
    before: list[str | None] = [None]
    for p in PARAGRAPH.finditer(norm):
        if p.group().isspace():
            continue
        quotes = quote_spans(norm, p.start(), p.end())
        found: dict = {}  # the cues of the paragraph, found once for all its sentences
        for a, b in sentence_spans(norm, p.start(), p.end()):
            while fi < len(figures) and figures[fi].core < a:
                fi += 1
            fj = fi
            while fj < len(figures) and figures[fj].core < b:
                fj += 1
            sent = Sent(a, b, figures[fi:fj], [q for q in quotes if q[0] < b and a < q[1]], cues, found, p.span())
            try:
                out.extend(_sentence_suggestions(text, norm, index, sent, cues, before))
            except Exception:  # noqa: S112 - one odd sentence must not cost the editor the whole article
                continue
    out.sort(key=lambda s: (s.start, s.end))
    clean: list[Suggestion] = []
    last = -1
    for s in out:
        if s.start >= last and s.start < s.end:
            clean.append(s)
            last = s.end
    return clean


def analyse_rtl(text: str, start: int, end: int, lang: str) -> tuple[list[str], list[dict[str, object]], str | None]:
    """(types, quantities, attributed_to) of the passage ``text[start:end]`` an editor marked."""
    cues = CUES[lang]
    lo, hi = max(0, start - 1500), min(len(text), end + 1500)
    window = text[lo:hi]
    norm, index = normalise(window)
    # offsets of the passage in the normalised window
    a = next((i for i, o in enumerate(index) if o >= start - lo), len(norm))
    b = next((i for i, o in enumerate(index) if o >= end - lo), len(norm))
    figures = more_figures(norm, read_figures(norm, lang), lang, cues.date)
    bounds = [(x, y) for p in PARAGRAPH.finditer(norm) for x, y in sentence_spans(norm, p.start(), p.end())]
    sa = min([a] + [x for x, y in bounds if x <= a < y])
    sb = max([b] + [y for x, y in bounds if x < b <= y])
    span, _p = find_source(norm, a, b, cues)
    if span is None:
        span, _p = find_source(norm, sa, sb, cues)
    source = _name(window, index, span)
    sent = Sent(sa, sb, figures, quote_spans(norm, sa, sb), cues)
    types = _types(norm, a, b, sent, cues, source)
    figs = [f for f in figures if a <= f.core < b]
    return types, [_quantity(window, index, f) for f in figs], source
