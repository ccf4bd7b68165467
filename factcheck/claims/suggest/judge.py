"""Judging one clause: is it a checkable assertion, of which types, with which figures and source?

``judge`` runs three steps: ``_not_checkable`` drops what an editor cannot verify (predictions,
first-person feelings, advice, verdicts, quoted testimony without a figure), ``_types`` names what
kind of assertion is left, and ``_score`` ranks it. Each step reads the same ``_Reading`` of the
clause, so the figures and cues are picked out once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from .cues import Cues, any_in, count_words, quote_fraction
from .numbers import QuantityMatch
from .suggestion import Suggestion

_COMMENTATOR = re.compile(
    r"\b(?:[Aa]nalysts?|[Ee]conomists?|[Ss]trategists?|[Ee]xperts?|[Cc]ritics?|[Oo]pponents?|[Oo]bservers?|[Cc]ommentators?|"
    r"[Tt]raders?|[Ii]nvestors?|[Pp]ollsters?)\b"
)
_GUESS = re.compile(r"\b(?:predicted|predicts|if|unless|If|Unless)\b")
_MAYBE = re.compile(
    r"\b(?:whether|likely|unlikely|probably|possibly|perhaps|maybe|certain\s+to|hop(?:e|es|ed|ing)\s+to|not\s+decided|"
    r"consider(?:s|ed|ing)?|weigh(?:s|ing)?)\b"
)
_CHANGE_FORECAST = re.compile(
    r"\b(?:will|would|expected\s+to|set\s+to|likely\s+to)\s+(?:[a-z]+ly\s+)?(?:rise|fall|grow|increase|decrease|drop|decline|"
    r"climb|reach|hit|exceed|top|double|shrink|slow|accelerate|peak|ease)\b"
)
# A modal before a verb of change or of length: what a body says may happen, with a figure to hold it to.
_MODAL_FORECAST = re.compile(
    r"\b(?:could|may|might|will|would)\s+(?:(?:again|still|also|now)\s+)?(?:[a-z]+ly\s+)?(?:rise|fall|grow|increase|"
    r"decrease|drop|decline|climb|reach|hit|exceed|top|double|shrink|peak|ease|take|last|cost|affect)\b"
)
_FORECAST_WORD = re.compile(r"\b(?<!had\s)(?:expects|expected\s+to|forecasts?|projects|projected|predicts)\b")
_YEAR_AHEAD = re.compile(r"\b(?:by|in)\s+(?:the\s+end\s+of\s+)?20\d\d\b")
_MIGHT = re.compile(r"\b(?:[Cc]ould|[Mm]ight|may)\b")  # on the text: "May" the month is no modal
_ORDINAL_KEYS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ORDINALS = {w: n for n, w in enumerate(_ORDINAL_KEYS, start=2)}
_DIGIT_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b")
_ORD = "second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
_RANK = re.compile(
    rf"(?:\b(?:the|its|their|his|her)\s+(?:[\w'’-]+['’]s\s+)?(?:only\s+)?|[A-Za-z]['’]s\s+)(?P<n>{_ORD}|\d{{1,3}}(?:st|nd|rd|th))\b"
    r"(?!\s+(?:quarter|half|round|day|time|floor|leg|stage|set|innings|test|game|match|week|month|minute|hour|"
    r"of|and|or|to|reading|phase|wave|term|tranche|instalment|installment|lap|period|session)\b)"
    rf"|\b(?P<h>{_ORD})(?=-[a-z]+est\b)|\b(?P<r>{_ORD})(?=\s+in\s+\d)"
)
_ACT_EVENT = re.compile(
    r"\b(?:jailed|convicted|acquitted|cleared\s+of|pleaded|found\s+(?:\w+\s+)?guilty|charged\s+with|arrested|"
    r"suspended(?!\s+(?:sentences?|jail|prison))|resigned|quit|conceded|declared|disqualified|took\s+over|stepped\s+down|"
    r"step\s+down|requested|sacked|fired(?!\s+(?:at|on|into|from|its|their|his|her|the))|appointed|elected|banned|shut\s+(?:its|their|the|down)|closed\s+(?:its|their|down)|"
    r"funded\s+by|switched|remeasured|detained|extradited|deported|withdrew|impeached|indicted|sued|vetoed|ratified|"
    # Acts the independent labels type "other" beside a figure or date: a charge, a vote, a deal, a closure.
    r"charged|broke\s+ranks|voted\s+(?:against|for)|agreed\s+(?:on\s+\w+\s+)?to|completed\s+the|"
    r"passed\s+the|shut\s+(?:its|their)\s+doors|closed\s+in\s+(?:1[5-9]|20)\d\d)\b"
)
# "for the ninth consecutive year", "the fifth year in a row": a count of periods, not only a rank.
_RUN_COUNT = re.compile(
    rf"\b(?:{_ORD}|\d{{1,3}}(?:st|nd|rd|th))\s+(?:(?:consecutive|straight|successive)\s+[a-z]+"
    r"|(?:year|month|week|day|quarter|season|time|game|match|race)s?\s+(?:in\s+a\s+row|running)\b)"
)
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:of|on|in|within|among|from|for|with)\s+(?:the|its|their|his|her|[A-Z][\w'’-]*['’]s)\s+"
    r"(?:(?:[\w'’-]+)\s+){0,2}?(?:[a-z]+\s+)?$"
)
_ONE_OF_BEFORE = re.compile(r"\b(?:one|some|two|three|several|many|among)\s+of\s+(?:the|its|their)\s+(?:[\w'’-]+\s+)?$")
_SEQUENCE = re.compile(r"\b(?:after|before)\s")
# "Power to 12,000 households was cut after a substation was hit", "fell by 12 per cent after visa
# rules were tightened": a figure that moved after another event happened is put down to that event.
# The event is a clause (a short subject and its past verb), not a date or a duration ("after 23 days").
_AFTER_EVENT = re.compile(
    r"(?<!shortly\s)(?<!soon\s)(?<!just\s)(?<!days\s)(?<!weeks\s)(?<!hours\s)(?<!months\s)(?<!years\s)"
    r"\bafter\s+(?:(?:a|an|the|its|their)\s+)?(?![\d]|(?:a|an|the)\b)(?:[a-z-]+\s+){0,4}?"
    r"(?:was|were|had\s+been|has\s+been)?\s*(?:hit|fell|rose|slowed|collapsed|failed|struck|found|went|broke|came|blew|"
    r"burst|tore|sank|spread|swept|caught|[a-z]{3,}(?:ed|ened))\b"
)
# A death, stoppage or penalty put down to the event after it: "died after a tree fell on his car",
# "was halted for 45 minutes after a fire alarm went off", "was fined after an inquiry found ...".
_HARM = re.compile(
    r"\b(?:died|killed|injured|hurt|halted|suspended|closed|cancell?ed|evacuated|fined|jailed|sacked|collapsed|"
    r"derailed|grounded|stopped|delayed)\b"
)
_MATURITY = re.compile(r"(?:\s+(?:government|treasury|fixed-rate|fixed|benchmark|state))?\s+"
                       r"(?:bonds?|notes?|gilts?|bunds?|yields?|treasuries|debt|mortgages?|loans?|paper)\b")
_AGE_BEFORE = re.compile(r"\bage[sd]?\b[^,.;:]{0,50}\b(?:to|of|at|from|was|is)\s+(?:about\s+|nearly\s+|almost\s+)?$")
_POSSESSIVE_NAME = re.compile(r"[A-Z][a-z]+['’]s\s")


# "the third increase in four years", "the bank's fourth rate rise this year": an ordinal before a noun
# counts occurrences, a quantity the labels check against a record of them; it ranks nothing unless
# it is "the second in the region", "the seventh such extension" or "the ninth consecutive rise".
_ORDINAL_COUNT = re.compile(
    rf"\b(?:the|its|their|his|her|[a-z0-9-]+['’]s)\s+(?:{_ORD})\s+"
    r"(?!(?:such|in|to|of|and|or|half|quarter|round|floor|leg|stage|set|innings|phase|wave|term|tranche|lap|period|"
    r"session|consecutive|straight|successive|largest|biggest|highest|lowest|most|least|best|worst)\b)[a-z]"
)


_VERDICT_ON_FIGURE = re.compile(r"[^,;:“”\"]{0,30}?\s*")


@dataclass(slots=True)
class _Reading:
    """What one clause ``[a, b)`` holds; ``[ca, cb)`` is the assertion without its "X said" part."""

    a: int
    b: int
    ca: int
    cb: int
    quantities: list[QuantityMatch]
    figures: list[QuantityMatch]  # not durations
    durations: list[QuantityMatch]
    content_figures: list[QuantityMatch]  # figures in the assertion, not in the reporting frame
    has_sup: bool
    in_quote: bool
    forecaster: str | None  # an official body whose forecast with a figure the clause reports


def _read(text: str, a: int, b: int, c: Cues, quotes: list[tuple[int, int]],
          source_span: tuple[int, int] | None) -> _Reading:
    qs = [q for q in c.quantities if a <= q.start and q.end <= b]
    figures = [q for q in qs if q.kind != "duration"]
    # What is asserted, without the "X said" part: a speaker's age or name is not the claim.
    ca, cb = a, b
    if source_span is not None:
        sa, se = source_span
        # "The agency said that ...", "In a statement, the agency said ...": the assertion follows.
        # "the ministry counted some 410,000 protesters": a figure straight after the verb is what it reports.
        if sa <= a + 3 or (se < b and not lx.FINITE_VERB.search(text, a, sa) and count_words(text, se, b) >= 3
                           and (lx.FINITE_VERB.search(text, se, b) is not None
                                or any(se <= q.start <= se + 12 for q in figures))):
            ca = min(b - 1, max(a, se))
        else:  # "..., the agency said" or "“...,” said the mayor": it comes first
            cb = max(a + 1, min(b, sa + 1))
    content = [q for q in figures if ca <= q.start < cb]
    forecast = lx.OFFICIAL_FORECAST.match(text, a, b) if content else None
    if forecast is None and (content or any(ca <= q.start < cb and q.kind == "duration" for q in qs)) \
            and "expects" in text[a:b]:
        forecast = lx.ORG_EXPECTS.match(text, a, b)
    if content and forecast is None and "after " in text[a:b]:
        # "The results come a day after the International Copper Study Group forecast a surplus of
        # 165,000 tonnes": the forecast the clause reports sits after its time phrase.
        after = _AFTER_BODY.search(text, a, b)
        forecast = lx.OFFICIAL_FORECAST.match(text, after.end(), b) if after else None
    return _Reading(
        a=a, b=b, ca=ca, cb=cb, quantities=qs, figures=figures, durations=[q for q in qs if q.kind == "duration"],
        content_figures=content,
        has_sup=any(a <= s < b and not _verdict_inside(text, quotes, s, e) and not _attributive(text, s, e, a)
                    for s, e in c.superlatives),
        in_quote=quote_fraction(quotes, ca, cb) > 0.5, forecaster=forecast.group("src") if forecast else None,
    )


_AFTER_BODY = re.compile(r"\bafter\s+(?=the\s+[A-Z])")


def _modal_forecast(low: str, r: _Reading, source: str | None) -> str | None:
    """The official body whose forecast with a figure the clause reports through a modal: "the river
    could rise again by up to half a metre, forecasters warned", "the repairs could take 14 months, the
    ministry said" (GUIDELINES.md: an attributed forecast from an official body is a prediction claim)."""
    if not source or not lx.OFFICIAL_BODY.search(source):
        return None
    if not (r.content_figures or any(r.ca <= q.start < r.cb for q in r.durations)):
        return None
    return source if _MODAL_FORECAST.search(low, r.ca, r.cb) else None


def _age_before(low: str, a: int, pos: int) -> bool:
    """"age ... rose to" just before a figure in years; not "aged 40 to 75 for an average of 8 years"."""
    m = _AGE_BEFORE.search(low, max(a, pos - 60), pos)
    return m is not None and " for " not in m.group()


def _attributive(text: str, s: int, e: int, a: int) -> bool:
    """A superlative naming a thing inside a phrase ("participants on the highest dose", "lives in the
    five largest urban areas", "within 3 km of the best grounds") ranks nothing the clause asserts."""
    if not text[s:e].rstrip().endswith("est"):
        return False
    before = _ATTRIBUTIVE_BEFORE.search(text, max(a, s - 40), s)
    return before is not None and not _ONE_OF_BEFORE.search(text, max(a, s - 40), s)


def _verdict_inside(text: str, quotes: list[tuple[int, int]], s: int, e: int) -> bool:
    """A ranking in quotation marks ('"one of the most complex"', '"the greatest day"') is the speaker's
    verdict; one of a measure ('"the lowest paid in the county"') is checkable against a record, quoted
    or not (GUIDELINES.md: quoted testimony is a claim when it carries a ranking)."""
    inside = next(((qa, qb) for qa, qb in quotes if qa < s < qb), None)
    if inside is None:
        return False
    return lx.MEASURED_RANK.search(text, s, e + 1) is None and lx.RECORD_FRAME.search(text, e, inside[1]) is None



# Speculation with a figure: "fishermen believe the toll could rise above 40", "punctuality should
# return to 70 percent": a guess, not an official forecast (GUIDELINES.md: predictions are non-claims).
_BELIEF_MODAL = re.compile(
    r"\b(?:believes?|believed|thinks?|fears?|feared|suspects?|reckons?|speculated?)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,5}?"
    r"(?:could|might|may|would|will)\b"
)
_SHOULD_CHANGE = re.compile(
    r"\bshould\s+(?:\w+ly\s+)?(?:rise|fall|grow|increase|climb|reach|hit|exceed|top|double|return|recover|drop|ease)\b"
)
# An official schedule, checkable against a court list or a timetable, unlike a plan or a hope:
# "will appear before magistrates on Friday", "talks are due to resume on Jan. 14".
_SCHEDULED = re.compile(
    r"\b(?:appear|appears|appearing)\s+(?:before|in|at)\b|\bdue\s+(?:to|in|on|for|before)\b|\bscheduled\b"
    r"|\bwill\s+be\s+(?:sentenced|published|released|held|heard|tried)\b|\bhearing\b"
    # A timetable an authority announces: "talks would resume on Monday", "schools will stay closed until
    # Monday" (checkable against the announcement and the day; "would meet both sides" is a plan).
    r"|\b(?:will|would)\s+(?:resume|reopen|(?:stay|remain)\s+(?:closed|shut|open))\b"
    # A court's timetable told to the jury: "tells jurors they will hear closing speeches on Thursday".
    r"|\b(?:jurors|jury)\s+(?:they\s+)?(?:will|would)\s+hear\b"
)
_APPEAL = re.compile(r"\b(?:anyone|those|people)\s+with\s+(?:any\s+)?information\b")
_ASKED_WHETHER = re.compile(r"Asked\s+(?:whether|if|about|why|how|what)\b")
# Substrings that must be in a clause before its pattern is tried (most clauses have none).
_MOOD_KEYS = ("tears", "wept", "sobbed", "smiled", "laughed", "shrugged", "sighed")
_PROMISE_KEYS = ("promise", "pledge", "vow")
_MOOD = re.compile(r"\b(?:in\s+tears|wept|sobbed|smiled|laughed|shrugged|sighed)\b")
_VALUE_JUDGEMENT = re.compile(
    r"\btoo\s+(?:little|much|many|few|slowly|quickly|slow|fast|lax|weak|soft|harsh|late|far)\b"
    r"|\bpunch(?:ed|es|ing)?\s+above\s+(?:its|their|his|her)\s+weight\b"
)
# "Ashworth says he pushed Mr Fenwick away": the speaker's own account of his acts, in the present
# tense of testimony (a live blog, a feature); checkable only with a figure or a date in it.
_OWN_ACCOUNT = re.compile(r"\bsays\s+(?:that\s+)?(?:he|she)\b")
_PERIOD_OF_ACT = re.compile(r"\b(?:for|in|over|within|after|since)\s+$")
_BELIEVED_TO = re.compile(r"\b(?:is|are|was|were)\s+(?:widely\s+)?(?:believed|thought)\s+to\b")
_PUT_TO = re.compile(r"\b(?:puts|put|putting)\s+it\s+to\b")
_PROMISED = re.compile(r"\b(?:promised|promises|pledged|pledges|vowed|vows)\s+(?!to\b)(?:a|an|the|more|better|that)\b")
_ADVISED_FOR = re.compile(r"\b(?:was|were|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:advised|asked|told|ordered)\s+to\b")
# "Nobody was injured", "Ashworth admits he did not call an ambulance": a casualty or an admission
# is an event an editor can check against the record, figure or not.
_CASUALTY_OR_ADMISSION = re.compile(r"\b(?:was|were|been)\s+(?:injured|hurt|killed)\b|\b(?:admits|admitted)\b")
_REVISED_FORECAST = re.compile(
    r"\b(?:cut|cuts|raised|raises|lowered|lowers|revised|revises|trimmed|trims|upgraded|downgraded)\s+(?:its|their)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:forecasts?|projections?|outlook|estimates?)\b"
)
_REPORTED = re.compile(r"\b(?:said|told|announced|added|stated|confirmed|wrote)\b")


def _past_act_before(text: str, a: int, pos: int) -> bool:
    """A past verb other than a reporting one before ``pos``: "it was declared unsafe in 2021, meaning ..."."""
    return any(not _REPORTED.fullmatch(m.group()) for m in lx.PAST_VERB.finditer(text, a, pos))


# "The group plans to open two more clinics", "hoped to publish the results within two years": an
# intention, whatever figure it names (GUIDELINES.md: promises are non-claims; the independent labels
# mark a plan with a figure as a non-claim, 6 times in 6 on the floor sets).
_REL_BEFORE_PLAN = re.compile(r",\s+(?:which|who|whom|that)\s")  # "..., which it plans to outsource"
_PLAN = re.compile(r"\b(?:plans?|planned|planning|intends?|intended|aims?|hopes?|hoped)\s+to\b")


def _announced(text: str, low: str, r: _Reading, c: Cues, source: str | None) -> bool:
    """A plan or schedule with a figure, date or duration ("said it would close 64 stores", "a second
    round is scheduled for March 21"): checkable against the announcement. A commentator's guess
    ("analysts expect", "who predicted rates would be cut") is a prediction all the same."""
    if not (r.content_figures or r.durations or (r.has_sup and source)):
        # A ranking counts when it is someone's statement: "would make it the costliest flood". A date
        # alone does not make a plan checkable: GUIDELINES.md keeps predictions and promises without a
        # figure out ("She will race in London in April", "plans to hold another march on Thursday"),
        # unless the clause first asserts a past act the future word only trails ("Built in 1962, it
        # was declared unsafe in 2021, meaning that materials will have to ...").
        if not any_in(c.dates, r.ca, r.cb):
            return False
        first = min((s for s, _e in lx.PREDICTION.spans(low, r.a, r.b)), default=r.a)
        if not (_past_act_before(text, r.a, first) or _SCHEDULED.search(low, r.a, r.b)):
            return False
    if _BELIEF_MODAL.search(low, r.a, r.b) or _SHOULD_CHANGE.search(low, r.a, r.b):
        return False
    plan = _PLAN.search(low, r.a, r.b)
    if plan is not None and not _past_act_before(text, r.a, plan.start()) \
            and not _REL_BEFORE_PLAN.search(text, r.a, plan.start()):
        return False  # the plan is the clause's act, not a past act it trails nor a relative clause's
    if _MAYBE.search(low, r.a, r.b) or (not (r.content_figures or r.durations) and _MIGHT.search(text, r.a, r.b)):
        return False  # "could move in by early 2029", "whether she would run in August": not a plan
    if source is None and _CHANGE_FORECAST.search(low, r.a, r.b) and not any_in(c.dates, r.ca, r.cb):
        return False  # "Prices will rise by 4 percent next year": nobody's forecast, with no date to hold it to
    # A commentator as the source or the subject ("Analysts expect ..."), not as an audience ("told investors").
    verb = lx.FINITE_VERB.search(text, r.a, r.b)
    subject_end = verb.start() if verb else r.b
    return not (_COMMENTATOR.search(text, r.a, subject_end) or _GUESS.search(text, r.a, r.b)
                or (source and _COMMENTATOR.search(source)))


def _not_checkable(text: str, low: str, r: _Reading, c: Cues, source: str | None = None) -> bool:
    """Predictions, first-person feelings, advice, verdicts and testimony: nothing to verify."""
    a, b = r.a, r.b
    low_clause = low[a:b]
    predicts = lx.PREDICTION.search(low, a, b, low_clause) or ("may" in low_clause and lx.MAY_MODAL.search(text, a, b))
    predicts = predicts or ("hoped" in low_clause and _PLAN.search(low, a, b))  # "hoped to": not in PREDICTION
    if predicts and r.forecaster is None and not _announced(text, low, r, c, source):
        return True
    if lx.FIRST_PERSON_SINGULAR.search(text, a, b):
        return True
    if "information" in low_clause and _APPEAL.search(low, a, b):
        return True  # "Anyone with information is asked to call police on 101": an appeal, its number a phone line
    if _ASKED_WHETHER.match(text, a, b) and not r.content_figures:
        return True  # "Asked whether the unit was the best in Europe, she smiled": the ranking is the question's
    if lx.has_any(_MOOD_KEYS, low_clause) and _MOOD.search(low, a, b) and all(q.value == 1 for q in r.content_figures):
        return True  # "One woman is in tears": "one" names who, it counts nothing to check
    if not r.figures and ("too " in low_clause or "punch" in low_clause) and _VALUE_JUDGEMENT.search(low, a, b):
        return True  # "said the unit operated with too little scrutiny", "has punched above its weight": a verdict
    if "it to" in low_clause and not (r.content_figures or any_in(c.dates, a, b)) and _PUT_TO.search(low, a, b):
        return True  # "Mr Hale puts it to Ashworth that he lured ...": counsel's question, not a finding
    if lx.has_any(_PROMISE_KEYS, low_clause) and _PROMISED.search(low, a, b) and not r.content_figures:
        return True  # 'its chief executive promised a "golden decade"': a promise without a figure
    if ("@" in low_clause or "information" in low_clause) and lx.CONTACT.search(text, a, b):
        return True  # a press release's contact line
    if not r.content_figures and (lx.FEELING_THAT.search(text, a, b) or lx.BOILERPLATE.search(text, a, b)):
        return True
    if not (r.content_figures or r.has_sup) and lx.has_any(lx.REACTION_KEYS, low_clause) and lx.REACTION.search(low, a, b):
        return True
    if not r.figures and lx.has_any(lx.ADVICE_KEYS, low_clause) and lx.ADVICE.search(low, a, b) \
            and not (r.durations and _ADVISED_FOR.search(low, a, b)):
        return True  # not "Residents were advised to keep windows closed for 48 hours": an order issued, for a time
    opinion = lx.OPINION.search(low, a, b) or (
        lx.has_any(lx.SCARE_QUOTE_KEYS, low_clause) and lx.SCARE_QUOTE.search(low, a, b)
    )
    if opinion and any_in(c.comparisons, a, b):
        # "the NSA's workforce is believed to be several times larger": a hedged report of a comparison a
        # reviewer can check (GUIDELINES.md: comparison), not the writer's opinion.
        hedge = _BELIEVED_TO.search(low, a, b)
        if hedge is not None and hedge.start() <= opinion.start() < hedge.end():
            opinion = None
    # "Furious families in Hadleigh Moor have been left ... for nineteen days": a mood word on the
    # subject colours the clause; its duration or date is still checkable.
    coloured = bool(opinion) and opinion.start() <= a + 1 and bool(r.durations or any_in(c.dates, a, b))
    if opinion and not (r.content_figures or r.has_sup or (r.durations and "must" in low_clause) or coloured):
        return True
    if opinion and r.in_quote and not r.has_sup:
        return True  # '"Sixty-eight million for a player like him is madness," said ...': a verdict on a figure
    scare = lx.SCARE_QUOTE.search(low, a, b) if r.content_figures and not r.has_sup and lx.has_any(
        lx.SCARE_QUOTE_KEYS, low_clause) else None
    if scare and _VERDICT_ON_FIGURE.fullmatch(
            text, max(q.end for q in r.content_figures), scare.start()):
        # 'said a drop of seven places was "statistically meaningless"': the figure is the subject the
        # verdict is about; the assertion is the verdict in quotation marks. Not a figure that only
        # comes before it ("cut 300 posts, in a restructuring the union described as "brutal"").
        return True
    if lx.FIRST_PERSON_PLURAL.search(text, a, b) and not r.content_figures:
        return True
    if r.in_quote and _MAYBE.search(low, a, b):
        return True  # '"But maybe 30 or 40 are serious," she says': a guess, even with figures
    # Quoted speech is mostly testimony and verdicts: keep it only when it carries a figure or a ranking.
    # A duration is a figure too ('"The hall had not been repainted in over 40 years."', GUIDELINES.md:
    # testimony is a non-claim when it has no figure, date or ranking).
    # Only a period an act lasted ("for 19 years", "in over 30 years"), not a period as the subject of a
    # verdict ('"Nine years is nothing."', '"The next 48 hours will be critical"').
    return r.in_quote and not (r.content_figures or any_in(c.superlatives, r.ca, r.cb)
                               or any(r.ca <= q.start < r.cb and _PERIOD_OF_ACT.search(text, max(r.a, q.start - 10), q.start)
                                      for q in r.durations))


def _types(low: str, r: _Reading, c: Cues, source: str | None) -> tuple[list[str], bool, bool]:
    """(types, vague count, hedged source) of a checkable clause."""
    a, b = r.a, r.b
    types: list[str] = []
    vague_count = lx.VAGUE_COUNT.search(low, r.ca, r.cb) is not None
    # "more than double the usual total" compares and counts: GUIDELINES.md lists multipliers ("twice as
    # many") as quantities, and the labels type them so 18 times in 21.
    compares = any_in(c.comparisons, a, b)
    counted = r.content_figures
    piece = low[r.ca:r.cb]
    ordinals = [m.span() for m in _ORDINAL_COUNT.finditer(low, r.ca, r.cb)] if any(k in piece for k in _ORDINAL_KEYS) else []
    if counted or vague_count or ordinals or _RUN_COUNT.search(low, a, b):
        types.append("quantity")
    if compares:
        types.append("comparison")
    if r.has_sup and not (ordinals and all(any(oa <= s < ob for oa, ob in ordinals)
                                           for s, _e in c.superlatives if a <= s < b)):
        types.append("superlative")
    # A date in the reporting frame ("officials said on Thursday") dates the statement, not the claim.
    # "two-year government bonds", "a 30-year mortgage": a maturity names the instrument, it dates nothing.
    # "The median age rose to 42.7 years": an age in years is a quantity, not a period of time.
    durations = [q for q in r.durations if not _MATURITY.match(low, q.end)
                 and not _age_before(low, a, q.start)]
    if len(durations) < len(r.durations) and "quantity" not in types and any(
            _age_before(low, a, q.start) for q in r.durations):
        types.insert(0, "quantity")
    if durations or any_in(c.dates, r.ca, r.cb) or any(
        a <= t < b and not _in_baseline(low, c, t, b) for t, _e in c.temporals
    ):
        types.append("temporal")
    hedged = lx.has_any(lx.HEDGED_KEYS, low[a:b]) and lx.HEDGED_SOURCE.search(low, a, b) is not None
    if source or hedged or r.forecaster:
        types.append("attribution")
    if any_in(c.causes, a, b) or ((r.content_figures or _HARM.search(low, a, b))
                                  and _AFTER_EVENT.search(low, a, b)):
        types.append("causal")
    if r.forecaster:
        types.append("prediction")
    return types, vague_count, hedged


def _in_baseline(low: str, c: Cues, pos: int, b: int) -> bool:
    """A relative period in what a figure is compared with ("up from 231 a year earlier", "one more
    than last year") is the comparison's baseline, not a date of the claim; a named year or month
    there ("up from 15 per cent in 2016") is still a date (see c.dates)."""
    for s, _e in c.comparisons:
        if s <= pos:
            stop = low.find(", ", s, b)  # not the comma in "6,100"
            if stop < 0 or pos < stop:
                return True
    return False


def _score(r: _Reading, types: list[str], source: str | None, hedged: bool) -> float:
    score = 0.3
    if r.figures:
        score += 0.25 + (0.05 if len(r.figures) > 1 else 0.0)
    if r.has_sup:
        score += 0.15
    for kind, weight in (("comparison", 0.1), ("causal", 0.1), ("temporal", 0.05)):
        if kind in types:
            score += weight
    if source:
        score += 0.05
    if r.in_quote:
        score -= 0.1
    if hedged:
        score -= 0.05
    return round(min(0.99, max(0.05, score)), 3)


def judge(
    text: str,
    low: str,
    a: int,
    b: int,
    c: Cues,
    quotes: list[tuple[int, int]],
    source: str | None,
    relative: bool = False,
    source_span: tuple[int, int] | None = None,
    frame: bool = False,
    wording: str | None = None,
) -> Suggestion | None:
    """The clause ``[a, b)`` as a Suggestion, or None when it asserts nothing an editor can check."""
    r = _read(text, a, b, c, quotes, source_span)
    # An official body's forecast, not its plan: "expected to rise by 12 percent", not "would cut quotas".
    if r.forecaster is None and source and r.content_figures and lx.OFFICIAL_BODY.search(source) and (
        _FORECAST_WORD.search(low, a, b) or _CHANGE_FORECAST.search(low, a, b)
    ):
        r.forecaster = source  # "... to rise by 12 percent next winter, according to the regulator"
    # An organisation's ("the company", "the group"), not a person's: "Mara Voss said ... by 2027" is her guess.
    if r.forecaster is None and source and source.lower().startswith("the ") and r.content_figures and (
        _YEAR_AHEAD.search(low, r.ca, r.cb) and lx.PREDICTION.search(low, a, b, low[a:b])
    ):
        r.forecaster = source  # "would save €250 million a year by 2027, the company said": a forecast for a year
    if r.forecaster is None:
        r.forecaster = _modal_forecast(low, r, source)
    if r.forecaster is None and source and r.content_figures and _FORECAST_WORD.search(low, a, b):
        r.forecaster = source  # "The company expects about 1,200 workers on the site, it said": its own forecast
    revised = _REVISED_FORECAST.search(low, a, b) if r.forecaster is None and r.content_figures else None
    if revised:
        # "cut its forecast for growth this year to 0.6 percent from 1.1 percent": the subject's own
        # forecast, published with its figure (GUIDELINES.md: an attributed forecast is a prediction claim).
        verb = " " + text[revised.start():revised.end()].split()[0] + " "
        cut = wording.find(verb) if wording else -1
        who = source or (wording[:cut] if wording and cut > 0 else text[a:revised.start()].strip(" ,")) or None
        r.forecaster = who if who and count_words(who, 0, len(who)) <= 8 else None
    if _not_checkable(text, low, r, c, source):
        return None
    if wording and "information" in wording and _APPEAL.search(wording.lower()):
        return None  # ", quoting incident 412" cut off an appeal: still the appeal's
    types, vague_count, hedged = _types(low, r, c, source)
    has_date = any_in(c.dates, a, b)
    strong = bool(r.figures or r.durations or has_date or r.has_sup) or "comparison" in types or "causal" in types
    # "held after the researchers adjusted for age": an order of events is checkable, though no date.
    strong = strong or any_in(c.temporals, a, b) or vague_count or _SEQUENCE.search(low, a, b) is not None
    n_words = count_words(text, a, b)
    if not strong:
        # A bare event is worth checking when it names someone or something besides the speaker;
        # a relative clause that only describes someone ("who has lived there all her life") is colour.
        has_name = any(r.ca < s < r.cb for s, _e in c.names) or bool(_POSSESSIVE_NAME.match(text, r.ca, r.cb))
        if frame:
            pass  # a reporting frame naming its audience or document: see engine._frames
        else:
            # Someone resigned, was charged, a law was passed: an event an editor can check.
            # A two- or three-word act is enough when its wording names the subject ("requested federal aid").
            # "The minister resigned", "Both deny wrongdoing": a subject and its act are enough.
            event = (n_words >= 3 or (wording is not None and n_words >= 2)) and (
                lx.EVENT_VERB.search(text, a, b) is not None or _CASUALTY_OR_ADMISSION.search(text, a, b) is not None)
            # "The unit is full, according to a doctor there": a sourced statement of fact.
            event = event or (source is not None and n_words >= 6 and "ccording to" in text[a:b])
            # "The Commission said it had offered assistance": a reported statement of fact, which an
            # editor checks against its source, when what is said is a clause of its own.
            event = event or (source is not None and source_span is not None
                              and count_words(text, r.ca, r.cb) >= 4 and lx.ACT_VERB.search(text, r.ca, r.cb) is not None)
            verb = event or lx.FINITE_VERB.search(text, a, b) is not None  # "Mell denies the charges"
            # A named subject doing something: an act, not a state or a mood ("Reid is hopeful").
            named_act = n_words >= 6 and has_name and (lx.PAST_VERB.search(text, r.ca, r.cb) is not None
                                                        or bool(_ranks(text, r.ca, r.cb))
                                                        or _DIGIT_ORDINAL.search(text, r.ca, r.cb) is not None)  # "his 15th"
            if r.in_quote or relative or not verb or not (event or named_act) or _OWN_ACCOUNT.search(text, a, b):
                return None
    # A ranking split off its clause ("and the largest since 1998", ", a club record") is a claim even when short.
    if n_words <= 4 and not (r.content_figures or r.durations or r.has_sup) and wording is None \
            and not lx.FINITE_VERB.search(text, a, b) and not lx.EVENT_VERB.search(text, a, b):
        return None  # "2 December 2026" under a release's heading, "until 6pm today": no assertion
    if n_words < 3 and not (wording and r.content_figures and n_words == 2):
        return None  # "fined $250,000" after "He was sentenced to 12 years and": two words, with a subject
    if types and "other" not in types and _ACT_EVENT.search(text, r.ca, r.cb):
        # "was jailed for seven years on Tuesday": the act is checkable besides its date or figure.
        types.append("other")
    if not types or (types == ["attribution"] and not frame):
        # A checkable event with no figure, date or ranking ("resigned", "denied the charges"):
        # attribution is added to a claim's type, it is not the claim's kind.
        types.append("other")
    return Suggestion(
        start=a,
        end=b,
        text=text[a:b],
        types=types,
        quantities=[q.to_dict() for q in r.quantities] + _ranks(text, a, b),
        attributed_to=source or r.forecaster,
        score=_score(r, types, source, hedged),
        wording=wording,
    )


def _ranks(text: str, a: int, b: int) -> list[dict[str, object]]:
    """Ordinal ranks in ``[a, b)`` ("the seventh such extension", "its second-largest chain"): a ranking
    is a figure without a unit (GUIDELINES.md). It does not make the claim a quantity claim."""
    if not any(k in text[a:b] for k in _ORDINAL_KEYS) and not _DIGIT_ORDINAL.search(text, a, b):
        return []
    out: list[dict[str, object]] = []
    for m in _RANK.finditer(text, a, b):
        word = m.group("n") or m.group("h") or m.group("r")
        value = int(word[:-2]) if word[0].isdigit() else _ORDINALS[word.lower()]
        out.append({"value": value, "qualifier": "exact", "unit": None, "text": word})
    return out


def frame_content(text: str, c: Cues, a: int, b: int) -> bool:
    """A figure, ranking, date or comparison in a frame, not counting the speaker's age ("Ana Ruiz, 54,")."""
    for q in c.quantities:
        age = q.text.isdigit() and text[q.start - 2:q.start] == ", " and (q.end >= b or text[q.end] == ",")
        one = q.text.lower().startswith("one ")  # "said one resident": a determiner, not a count
        if a <= q.start < b and not age and not one:
            return True
    return any_in(c.superlatives, a, b) or any_in(c.dates, a, b) or any_in(c.comparisons, a, b)


def describe(text: str, low: str, a: int, b: int, c: Cues, quotes: list[tuple[int, int]], source: str | None,
             source_span: tuple[int, int] | None = None) -> tuple[list[str], list[dict[str, object]]]:
    """The types and figures of ``[a, b)`` whatever it asserts: for a passage an editor chose
    (selection, merge, split), which is a claim because the editor says so."""
    r = _read(text, a, b, c, quotes, source_span)
    if r.forecaster is None:
        r.forecaster = _modal_forecast(low, r, source)
    types, _vague, _hedged = _types(low, r, c, source)
    if not types or types == ["attribution"]:
        types.append("other")  # as judge: attribution is added to a claim's kind, "other" when it has none
    return types, [q.to_dict() for q in r.quantities] + _ranks(text, a, b)
