"""Word lists and cue patterns that tell what kind of assertion a clause makes.

Every pattern is compiled once, has no nested unbounded repetition, and is run on one sentence
at a time, so matching stays linear in the length of an article. Patterns written in lower case
(TEMPORAL, SUPERLATIVE, COMPARISON, CAUSAL, HEDGED_SOURCE, OPINION, ADVICE, SCARE_QUOTE,
PREDICTION) run on ``ascii_lower(text)``: case-insensitive matching is several times slower in
``re``, and lowering only A-Z keeps every offset valid. The others need case and run on the text.
Keep each alternative starting with a literal word: ``re`` skips ahead fast to a literal, while an
alternative that starts with a look-behind makes it try every position (ten times slower).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lowered and nothing else changed, so offsets stay the same."""
    return text.translate(_ASCII_LOWER)


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one string, one word after another."""
    return frozenset(words.split())


_wordset = wordset


def has_any(keys: tuple[str, ...], piece: str) -> bool:
    """True when one of ``keys`` occurs in ``piece``: a cheap gate before a regex scan."""
    for k in keys:  # noqa: SIM110 - any() with a generator costs more than the tests themselves
        if k in piece:
            return True
    return False


class Keyed:
    """A pattern in parts, each scanned only when one of its key substrings occurs in the text.

    ``in`` on a string costs next to nothing, so most sentences skip most scans. Keys may let
    through more than their part matches, never less.
    """

    def __init__(self, *parts: tuple[tuple[str, ...], str]) -> None:
        self.parts = [(keys, re.compile(source)) for keys, source in parts]

    def spans(self, text: str, start: int, end: int, piece: str | None = None) -> list[tuple[int, int]]:
        piece = text[start:end] if piece is None else piece
        out: list[tuple[int, int]] = []
        for keys, pattern in self.parts:
            if has_any(keys, piece):
                out.extend(m.span() for m in pattern.finditer(text, start, end))
        return out

    def search(self, text: str, start: int, end: int, piece: str | None = None) -> bool:
        piece = text[start:end] if piece is None else piece
        for keys, pattern in self.parts:  # noqa: SIM110 - see has_any
            if has_any(keys, piece) and pattern.search(text, start, end) is not None:
                return True
        return False


MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?"

# A point in time or a stretch of it that an editor can look up. Runs on the original text:
# month and day names are told from "march" and "may" by their capitals.
DATE = Keyed(
    (tuple(MONTHS.split("|")), rf"(?:{MONTHS})\b"),
    (("May",), r"\b(?:in|since|by|until|of|early|late|mid|last|next|this|from|to)\s+May\b|May\s+\d|\d\s+May\b"),
    # Wire style abbreviates months before a day: "on Dec. 9", "Sept. 30".
    (("Jan.", "Feb.", "Aug.", "Sep", "Oct.", "Nov.", "Dec."), r"\b(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.\s?\d{1,2}\b"),
    # "the Sunday Clarion", "the Monday Club": a weekday in a name after "the" dates nothing.
    (("day",), rf"(?<![Tt]he\s){WEEKDAYS}\b|(?<=[Tt]he\s){WEEKDAYS}\b(?!\s+[A-Z])"),
    # "Today" and "overnight" place a report in the news cycle; they are not a date to check.
    (("esterday", "idday", "omorrow"), r"\b(?:[Yy]esterday|[Mm]idday|[Tt]omorrow)\b"),
    (("15", "16", "17", "18", "19", "20"), r"(?:1[5-9]|20)\d\d(?<![\w,.$£€]\d{4})s?\b(?![,.]?\d|%)"),
    # "at dawn", "before dusk" time an act; "As dawn breaks he pushes off" is scene-setting.
    (("night", "noon", "dawn", "dusk"), r"\b(?:[Tt]onight|[Mm]idnight|[Nn]oon)\b"
                                         r"|\b(?:at|before|after|by|until|till|from|since)\s+(?:dawn|dusk)\b"),
    (("am", "pm", "a.m", "p.m", ":"), r"\d(?<![\w.]\d)\d?(?:[:.]\d\d)?\s?[ap]\.?m\b\.?|\d(?<![\w.]\d)\d?:\d\d\b"),
)
TEMPORAL = re.compile(
    r"\b(?:last|this|next|that|earlier\s+this|later\s+this|the\s+previous|the\s+following|the\s+same)\s+(?:[a-z]+\s+)?"
    r"(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|autumn|winter|season|decade|quarter|day)\b"
    # "after the announcement", "before the war", "once had a fleet", "have since been": an event or a
    # vague past orders the assertion, it is no date to check; a date or duration beside them is one.
    # "has since tightened its rules": "since" as an adverb before a participle dates nothing.
    # "closed today" dates the act; a feature's opening "Today it has five" means "nowadays".
    r"|\btoday\b(?<!\.\stoday)(?<!\ntoday)|\b(?:ago|tonight|yesterday|since(?!\s+(?:been|[a-z]{3,}ed)\b)(?=\s+\w)|until|till|(?:shortly|soon|immediately|just|hours?|days?|weeks?|months?|years?|minutes?)\s+"
    r"(?:after|before)|following(?!\s+along)|prior\s+to|consecutive|in\s+a\s+row|so\s+far\s+this|recently|"
    r"at\s+(?:dawn|dusk|midnight|noon)|within\s+(?:minutes|hours|days|weeks|months)|"
    r"in\s+the\s+(?:first|second|third|fourth|final|last)\s+(?:quarter|half)|(?:over|at|on|during)\s+the\s+weekend|(?:years?|months?|weeks?|days?|decades?)\s+(?:earlier|later|before)|year[\s-]on[\s-]year|month[\s-]on[\s-]month|quarter[\s-]on[\s-]quarter)\b"
    r"|\b\d+(?:st|nd|rd|th)\s+(?:minute|day|week|month|year|century|anniversary|lap|round|inning|hour)\b"
    r"|\bin\s+the\s+(?:year|months?|weeks?|days?|quarter)\s+to\b|\bfor\s+the\s+(?:first|second|third|\w+th)\s+time\b"
    r"|\bfor\s+the\s+rest\s+of\s+the\s+(?:week|month|year|day|season|term|school\s+year)\b"  # "canceled for the rest of the week"
    # "in the past hour", "over the last four quarters", "by nightfall", "in a single year", "fell 2 percent
    # in the month": a period the assertion is held to, checkable against the record for it.
    r"|\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+){0,2}?(?:hours?|days?|weeks?|months?|years?|decades?|"
    r"quarters?|seasons?|fortnight)\b|\bby\s+(?:nightfall|evening|dusk|the\s+end\s+of)\b"
    r"|\bin\s+a\s+single\s+(?:day|week|month|year|season|quarter)\b|\bin\s+the\s+(?:month|week|quarter)\b(?!\s+(?:to|of|before|after)\b)",
)

_PREDICTION_KEYS = (
    "will", "won't", "won’t", "shall", "would", "might", "going to", "gonna", "probabl", "possibl", "perhaps",
    "likely", "expect", "intend", "aim", "hope", "plan", "set to", "scheduled", "poised", "on course", "predict",
    "forecaster", "coming", "due to", "next", "prepared to", "ready to", "willing to", "if needed", "if necessary",
    "pledge", "promise", "vow", "threaten", "considering", "could", "certain to", "sure to", "bound to", "on track to",
)

_SUPERLATIVE_ADJ = (
    r"big|larg|high|low|small|great|long|short|fast|slow|old|young|strong|weak|deep|rich|poor|hott|cold|warm|wett|"
    r"tall|wid|cheap|saf|fierc|tough|hard|sharp|steep|mild|clos|furth|farth|bright|dark|sever|dens|quick|harsh|"
    r"fin|new|hight|broad|thick|thin|light|loud|mean|narrow"
)
SUPERLATIVE = Keyed(
    # No leading \b here: it would stop re from skipping ahead, and a superlative inside a longer
    # word ("boldest") is still a superlative.
    (("est",), rf"(?:{_SUPERLATIVE_ADJ})est\b|(?:biggest|hottest|wettest|fattest|thinnest|saddest|maddest|driest)\b"
               r"|iest\b(?<=[a-z][a-z][a-z]iest)|best(?:-\w+)?\b"),
    (("worst",), r"\bworst(?:-\w+)?\b"),
    # "the most significant", "most contagious"; not "most of", "most scientists", "at least".
    (("most", "least"), r"\b(?:the|its|their|his|her|our|a)\s+(?:most|least)\s+(?!of\b|likely\b)[a-z]{3,}"
                        r"|\b(?:most|least)(?<!at\smost)(?<!at\sleast)\s+(?!likely\b)[a-z]{2,}(?:ous|ful|ive|able|ible|al|ic|ant|ent|ing|ed|ar|ior|ly|est)\b"
                        r"|\bthe\s+most\s+(?:by|of|in|for|since|ever|it|they|we|he|she|that)\b"),
    # "a club record", "a new career record": the holder between the article and "record".
    (("record",), r"\b(?:a|new|all-time|world|national|olympic|european|british)\s+"
                  r"(?:(?:club|team|career|personal|season|league|course|track|tournament|company)\s+)?records?\b|\bon\s+record\b"
                  r"|\bsince\s+records\s+began\b"
                  # "a club-record fee", "the world hour record", "a record seizure", "the record of 7.77 million"
                  r"|\b(?:club|world|national|all-time)[- ](?:[a-z]+\s+)?record\b"
                  r"|\brecord[- ](?:signing|seizure|fee|transfer|crowd|attendance|sum|haul|production)s?\b"
                  r"|\bthe\s+record\s+(?:of|for|set)\b"
                  r"|\brecord[- ](?:high|low|level|levels|number|numbers|year|highs|lows|temperatures?|turnout|amounts?|"
                  r"sums?|profits?|losses|breaking|setting)\b"
                  r"|\b(?:br(?:oke|eaking|oken)|set(?:ting)?|smash(?:ed|ing)|beat(?:ing)?|equall?(?:ed|ing))\s+"
                  r"(?:the\s+|a\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?records?\b"),
    (("all-time", "unprecedented", "never"), r"\ball-time\b|\bunprecedented\b|\bnever\s+before\b"),
    (("than any", "than ever"), r"\bthan\s+any(?:one)?\b|\bthan\s+ever\b"),
    (("no.", "number one", "no 1"), r"\bno\.?\s?1\b|\bnumber\s+one\b"),
    (("ever",), r"\bfirst[- ]ever\b|\bever\s+(?:recorded|sent|built|flown|seen|made)\b"),
    # "the competition's top scorer": the one ranked first.
    (("top",), r"\bat\s+the\s+top\s+of\b|\btop\s+of\s+the\s+(?:table|league|standings|rankings|list|charts?)\b"
               r"|\btop\s+(?:scorer|goalscorer|seed|earner|seller|exporter|importer|producer|supplier)s?\b"),
    (("led the",), r"\bled\s+the\s+(?:gains|table|league|standings|field|rankings|list|charts|way)\b"),
    (("first", "only"), r"\bfor\s+the\s+first\s+time\b|\b(?:came|finished|ranked|placed)\s+(?:first|top)\b"
                        # "The census was the first conducted mainly online": a ranking in time.
                        r"|\b(?:was|is|were|are|became|becomes|be)\s+(?:the|its|their|his|her)\s+(?:[\w-]+['’]s\s+)?first\b(?!\s+(?:time|half|quarter|round|day|week|of)\b)"
                        # "it was the first time a haulage firm had been convicted": a first in time.
                        r"|\b(?:was|is|were|marks|marked|be)\s+the\s+first\s+time\b"
                        # Not "The first 220 homes are due to be completed": a count of a batch ranks nothing.
                        r"|\bthe\s+(?:first|only)\s+(?!\d)(?:[\w'’-]+\s+){0,6}?(?:since|ever|to\s+[a-z]+|in\s+(?:history|the\s+world))\b"
                        # "the only hospital in the district", "the only road crossing of the Varn within 25 km":
                        # unique within a named area, a ranking as "the largest in the district" is.
                        r"|\bthe\s+only\s+(?!one\b|person\b|people\b|time\b|way\b|thing\b)(?:[\w'’-]+\s+){1,6}?"
                        r"(?:in|of|within|serving|across|on)\s+(?:the\s+|its\s+|their\s+|this\s+|that\s+)?(?:[\w'’-]+\s+){0,2}?"
                        r"(?:district|region|country|city|town|county|state|province|area|valley|island|nation|village|"
                        r"borough|municipality|capital|coast|peninsula|archipelago|territory|km|kilometres|miles)\b"
                        # "its first annual loss in its 93-year history", "the first talks in three weeks"
                        r"|\b(?:the|its|their|his|her)\s+(?:[a-z]+['’]s\s+)?first\s+(?!time\b|half\b|quarter\b|round\b|day\b|week\b)"
                        r"(?:[\w'’-]+\s+){0,3}?in\s+(?:its|their|his|her|the|a|an|\d+|two|three|four|five|six|over|more|nearly|almost)\b"),
    # "the seventh such extension", "its fourth vaccine facility", "the second in the region": a rank.
    (("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
     r"\b(?:the|its|their|his|her)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
     r"(?!\s+(?:quarter|half|round|day|time|floor|leg|stage|set|innings|test|game|match|week|month|year|minute|hour|"
     r"of|and|or|to|reading|phase|wave|term|tranche|instalment|installment|lap|period|session)\b)(?!-)"),
    # "below the peak of 600p", "down from a peak of 27 per cent": a maximum reached.
    (("peak",), r"\b(?:the|a|its|their)\s+(?:[a-z]+\s+)?peak\s+of\b"),
    (("maximum", "minimum"),
     r"\bthe\s+(?:maximum|minimum)\b(?!\s+(?:wage|sentence|penalty|security|age|term|fine|amount|temperature|of)\b)"),
)
# "more than 3,000" is a qualifier, "higher than in neighbouring" a comparison: the look-ahead tells them apart.
_NUMWORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
    # "more than an hour", "more than a tenth": a bound on one figure, as "more than 3,000" is.
    r"half|double|twice|dozen|an?\s+(?:decade|century|year|month|week|day|hour|third|quarter|half|dozen|hundred|thousand|million|fifth|"
    r"tenth|minute|eighth)"
)
# "(roughly) the size of", "about the strength of": how big something is, told by a yardstick.
MEASURE_OF = (r"\b(?:(?:roughly|about|around|nearly|almost|approximately)\s+)?the\s+(?:same\s+)?"
              r"(?:size|length|height|width|weight|strength|area|depth|population)\s+of\b")
COMPARISON = Keyed(
    # "more than any other port" ranks the port first: a superlative, not a comparison with one other.
    (("than",), r"\bthan\s+(?!ever\b|any\s+other\b|(?:about|around|some|an?\s+estimated|estimated|nearly|almost|just)?\s*"
                r"(?:[\d$£€¥]|(?:" + _NUMWORD + r")\b))(?<!rather\sthan\s)(?<!other\sthan\s)"),
    (("compar",), r"\bcompared\s+(?:with|to)\b|\bin\s+comparison\b|\bcomparable\b"),
    # "against an estimated need of 12,000", "against a statutory target of 13 weeks": a yardstick.
    (("against",), r"\bagainst\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:need|target|average|forecast|estimate|"
                   r"expectation|goal|limit|ceiling|threshold|benchmark|figure|total|requirement)s?\s+of\b"),
    (("similar", "same as", "equivalent", "relative to", "versus", "vs"),
     r"\bsimilar\b|\bthe\s+same\s+as\b|\bequivalent\s+(?:to|of)\b|\brelative\s+to\b|\bversus\b|\bvs\b\.?"),
    # ", roughly the size of Wales", ", about the strength of two battalions": a measure set beside another.
    (("the size", "the length", "the height", "the width", "the weight", "the strength", "the area", "the depth",
      "the population"),
     MEASURE_OF),
    (("twice", "doubl", "tripl", "trebl", "halved", "half", "times"),
     # "twice a week" is a frequency, not a comparison with anything.
     r"\btwice\s+(?:as|the|that|what|its|their|his|her|a(?!\s+(?:day|week|month|year|season|night)\b)|an)\b"
     r"|\bdouble\s+(?:the|that|what|its|their|his|her)\b"
     r"|\bdoubl(?:ed|es|ing)\b|\btripl(?:e|ed|es|ing)\b|\btrebl(?:e|ed)\b|\bhalved\b|\bhalf\s+(?:the|as|that|of\s+what)\b"
     # "three times its usual volume", "more than four times Amaran's": a multiple of another figure.
     r"|\btimes\s+(?:the|as|more|higher|lower|larger|bigger|smaller|greater|faster|weaker|stronger|its|their|his|her|"
     r"that|what|[a-z][\w-]*['’]s)\b"),
    # "about the size of the town itself", "a third the size of the division", "roughly the length of
    # the old town": a measure given by another thing's.
    (("size of", "length of", "height of", "width of", "weight of", "area of"),
     r"\b(?:about|roughly|around|nearly|almost|approximately|twice|half|third|quarter|fifth|times)\s+the\s+"
     r"(?:size|length|height|width|weight|area)\s+of\b"),
    # "a third of what he did offshore", "12 percent over its original
    # budget", "a higher figure of 60 percent", "at below-market rates": a figure set against another.
    (("of what",), r"\b(?:third|quarter|fifth|half|tenth|fraction)\s+of\s+what\b"),
    (("cent over", "% over"),
     r"(?:per\s+cent|percent|%)\s+over\s+(?:its|the|their|his|her)\s+(?:[a-z]+\s+)?(?:budget|target|estimate|forecast|"
     r"limit|cap|plan|average|ceiling)\b"),
    (tuple(f"{c} {n}" for c in ("higher", "lower", "larger", "smaller", "bigger")
           for n in ("figure", "number", "total", "estimate", "count", "toll")),
     r"\ban?\s+(?:higher|lower|larger|smaller|bigger)\s+(?:figure|number|total|estimate|count|toll)\b"),
    (("-market", "-average", "-inflation"), r"\b(?:below|above)-(?:market|average|inflation)\b"),
    # "only £9 below Carrowfield's", "60 percent below average", "38 percent above a normal Tuesday".
    (("below", "above"),
     # Starts at the literal word (a look-behind for the figure before it), so that re skips ahead fast.
     r"\b(?:above|below)(?:(?<=[\d%]\s.....)|(?<=[\d%].....)|(?<=percent\s.....)|(?<=\scent\s.....)|(?<=point\s.....)"
     r"|(?<=points\s.....)|(?<=million\s.....)|(?<=billion\s.....))\s+(?:average|normal|usual|a\s+normal|an?\s+average|an?\s+typical|"
     r"[a-z][\w-]*['’]s?\b(?=\s*(?:[,.;:]|$|\s+(?:level|figure|total|rate|price|average)s?\b)))"),
    # "against 33 percent during the last walkout": a share set beside an earlier one.
    (("against",), r"\bagainst\s+(?:about\s+|around\s+|some\s+|just\s+|only\s+)?\d[\d.,]*\s*(?:per\s+cent|percent|%)"),
    # "falls short of the nine years prosecutors had sought", "in the same season as their last win".
    (("short of", "same"), r"\b(?:falls?|fell|fallen|falling)\s+(?:well\s+|just\s+|far\s+)?short\s+of\s+(?:the|its|their|what)\b"
                           r"|\bthe\s+same\s+[a-z]+\s+as\b"),
    (("ahead of", "behind", "outp", "outn", "outs", "overt", "surpass", "exceed", "trail", "eclips"),
     r"\bahead\s+of\b|\bbehind\b|\bout(?:performed|performs|paced|paces|numbered|numbers|stripped|sold)\b"
     r"|\bovert(?:ook|ake|akes|aking|aken)\b|\bsurpass(?:ed|es|ing)?\b|\btrail(?:ed|s|ing)\b|\boutnumber\b|\beclips(?:e|es|ed|ing)\b"
     # "gusts exceed 65 km/h", "claims could exceed 200 million euros": a threshold on one figure, not
     # two set side by side ("exceeding the company's 10-hour limit", "births exceeded deaths by 22,000").
     r"|\bexceed(?:ed|s|ing)?\b(?!\s+(?:about\s+|some\s+|around\s+|roughly\s+)?[\d$£€])"),
    (("above the", "below the", "above its", "below its", "above their", "below their", "above last", "below last",
      "above previous", "below previous"),
     r"\b(?:above|below)\s+the\s+(?!\w+\s+of\b)|\b(?:above|below)\s+(?:its|their|last|previous)\b"
     r"|\b(?:well|far|just|slightly)\s+(?:above|below)\s+the\b"),
    # How a figure moved from another ("up from 275", "down 7 per cent", "from €1.6 billion a year
    # earlier", "12 short of the 76 needed") and a figure with its comparative ("19 seconds slower").
    # A change or margin stated as a noun with its figure: "an increase of 11 per cent", "a premium of
    # 27 per cent to the closing price", "a 15 per cent rise on the year before", "a fivefold increase".
    (("increase of", "rise of", "fall of", "drop of", "decline of", "jump of", "reduction of", "premium of",
      "discount of", "fold"),
     r"\ban?\s+(?:increase|rise|fall|drop|decline|jump|reduction|premium|discount)\s+of\s+"
     r"(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+|around\s+|more\s+than\s+|just\s+)?[\d$£€]"
     r"|\b[a-z]+fold\s+(?:increase|rise|jump|drop|fall)\b"),
    (("rise on", "increase on", "fall on", "drop on"),
     r"(?:per\s+cent|percent|%)\s+(?:rise|increase|fall|drop)\s+on\b"),
    (("up from", "down from", "up on", "down on", "unchanged from"),
     r"\b(?:up|down)\s+(?:from|on)\b|\bunchanged\s+from\b"),
    # "That is up 0.3 per cent on August", "down 4 per cent from a year earlier": a change on a baseline.
    (("up ", "down "),
     r"\b(?:up|down)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+|around\s+)?\d[\d.,]*\s*"
     r"(?:per\s+cent|percent|%|percentage\s+points?|points?)\s+(?:on|from)\s"),
    ((", up ", ", down "),
     r",\s+(?:up|down)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|a\s+further\s+)?\d"),
    (("earlier",), r"\bfrom\s+(?:[^,;.]|[.,]\d){1,40}?\s+a\s+(?:year|month|week|quarter)\s+(?:earlier|before)\b"),
    (("short of",), r"\d\s+short\s+of\b"),
    # "inflation slowed to 5.1 percent in October from 6.4 percent", "has risen from about 4 million to
    # more than 11 million": a move between two stated figures compares the new one with the old.
    ((" from ",), r"\b(?:rose|risen|rises|fell|fallen|falls|slowed|accelerated|climbed|dropped|eased|slipped|increased|"
                 r"decreased|grew|grown|cutting|shrank|jumped)\s+(?:to\s+(?:[^,;.]|[.,]\d){1,40}?\s+from|from\s+"
                 r"(?:about\s+|some\s+|around\s+)?[\d$£€](?:[^,;.]|[.,]\d){0,40}?\s+to)\s+(?:about\s+|some\s+|around\s+|"
                 r"more\s+than\s+|nearly\s+)?[\d$£€]"),
    # "rose to 42.7 years, from 40.9": the earlier figure after a comma is the yardstick.
    ((", from",), r",\s+from\s+(?:about\s+|some\s+|around\s+)?[\d$£€]"),
    # "beat the champion by 42 seconds", "edging Peeters by four seconds": a winning margin compares two.
    (("beat", "edg"), r"\b(?:beat|beats|beating|edged|edging|edges)\s+(?:[\w'’.-]+\s+){1,5}?by\s+"),
    (("per cent", "percent", "%", "second", "point", "minute"),
     r"(?:per\s+cent|percent|%|points?|seconds?|minutes?)\s+(?:lower|higher|more|less|fewer|slower|faster|cheaper|larger|"
     r"smaller|bigger|greater|longer|shorter|stronger|weaker)\b"),
    # "In Eastbrook the figure is lower still, at 71 percent": a comparative set against the figure before.
    (("still",), r"\b(?:higher|lower|larger|smaller|bigger|greater|fewer|worse|better)\s+still\b"),
    (("as much", "as many", "as high", "as large", "as big", "as low", "as fast", "as often", "as long", "as strong"),
     r"\bas\s+(?:much|many|high|large|big|low|fast|often|long|strong)\s+as\s+(?![\d$£€])"),
)
CAUSAL = re.compile(
    r"\b(?:led|lead|leads|leading)\s+(?:[\w'’]+\s+){0,3}?to\b|\bcaus(?:e|es|ed|ing)\b|\bbecause\b|\bdue\s+to\s+(?!be\b|open|start|begin|take|meet|return|close|arrive|launch|publish|finish|end\b|resume|hold|vote|decide|announce|report|visit|sign"
    # "Berze is due to give evidence": a schedule, not a cause.
    r"|give\b|testify|appear|speak|face\b|deliver|hear\b|rule\b|sit\b|stand\b|go\b|come\b|leave\b|make\b|join\b|retire|step\b)"
    r"|\b(?:started|sparked|ignited|set\s+off|touched\s+off)\s+by\b"
    r"|\bdr(?:ove|ives|iven|iving)\s+(?:the\s+)?(?:fire|flames?|blaze|smoke|floodwaters?|water|prices?|rates?|inflation|costs?|demand)\b"
    r"|\bas\s+a\s+result\b|\bresult(?:ed|s|ing)?\s+in\b|\bblam(?:e|ed|es|ing)\s+(?:\w+\s+){0,4}?(?:on|for)\b|\battribut(?:ed|es|ing)\s+(?:\w+\s+)?to\b"
    r"|\btrigger(?:ed|s|ing)?\b|\bprompt(?:ed|s|ing)\b|\bspark(?:ed|s|ing)\b|\bforcing\b|\bforced\b(?<!been\sforced)(?<!were\sforced)(?<!was\sforced)(?<!are\sforced)(?<!is\sforced)(?<!be\sforced)|\bcontribut(?:ed|es|ing)\s+to\b"
    r"|\bleft\s+(?:[\w,'’-]+\s+){1,4}?(?:without|homeless|stranded)\b|\bleft\s+(?:the\s+|it\s+|them\s+)?\w+\s+with\s+an?\s+(?:shortfall|deficit|debt|bill|hole)\b"
    # "said staff shortages were the main reason for the delays": a cause named as such.
    r"|\b(?:main|chief|primary|principal|biggest|key|single)\s+(?:reason|cause)\s+(?:for|of|behind)\b"
    r"|\bresponsible\s+for\b|\bowing\s+to\b|\bthanks\s+to\b|\b(?:driven|fuelled|fueled|caused)\s+(?:\w+ly\s+)?by\b"
    # "pushed the trawlers south", "cut power to 120,000 homes": the subject moved or cut off the rest.
    r"|\bpush(?:ed|es|ing)\s+(?:[\w'’-]+(?:[,.]\d+)*\s+){1,4}?(?:into|down|south|north|east|west|across|towards|out\s+of)\b"
    r"|\bcut(?:ting)?\s+(?:off\s+)?(?:power|electricity|supplies|supply|water|gas|heating)\s+(?:to|for|from)\b"
    r"|\bmade\s+(?:[\w'’-]+\s+){1,5}?(?:more|less|twice|times|as)\s+(?:as\s+)?likely\b|\bkill(?:s|ed|ing)\b(?=\s+\w+\s+by\b)"
    # "shut for eleven months after a barge strike", "began after an anonymous tip-off": an event that
    # set off what the clause reports (not "after a 25-yard strike from Okafor", a goal).
    r"|\bafter\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:strike(?!\s+from\b)|stoppage|walkout|tip-off|collision|explosion|"
    r"blast|crash|derailment|landslide|earthquake|quake|outbreak|leak|breach|audit|inspection|complaint)\b",
)

# Reported speech. The verb list is what news copy uses to hand a claim to someone else.
# "announced a £15 million grant", "denied all the charges", "heard from 52 witnesses" are the
# subject's own acts (a plan made public, a plea, a hearing), not words it hands on: no attribution.
# "denies murder", "denies all 12 counts of bribery": a plea to the charges, not a statement handed on.
_DENIED_ACT = (r"(?!\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+)?(?:charges?|counts?|responsibility|wrongdoing|allegations?|murder|"
               r"manslaughter|fraud|theft|rape|assault|bribery|conspiracy|causing|possession|attempted|any\s+wrongdoing)\b)")
_ATTRIB_VERBS = (
    r"said|says|say|told|tells|reported(?!\s+(?:a\s+|an\s+)?(?:net\s+|pre-tax\s+|record\s+|annual\s+|quarterly\s+)?"
    r"(?:revenue|revenues|profits?|loss|losses|sales|earnings|income|turnover|deficit|surplus))|"
    r"announce[ds](?!\s+(?:a|an|its|their|plans?)\s)|confirmed|confirms|stated|"
    r"estimated(?!\s+at\b)|claimed|wrote|writes|noted|warned|argued|insisted|insists|"
    r"explained|acknowledged|admitted|admits|revealed|reveals|disclosed|heard(?!\s+from\b)|"
    rf"denied{_DENIED_ACT}|denies{_DENIED_ACT}|blamed|blame|blames|"
    r"concluded|concludes|"
    # "put the number of marchers in the capital at 62,000": the figure is the speaker's.
    r"put\s+(?:the\s+)?(?:[\w-]+\s+)?(?:figure|number|toll|total|death\s+toll|cost|damage|losses|bill)"
    r"(?:\s+of\s+(?:[\w'’-]+\s+){1,6}?)?\s*at"
    # "puts usable reserves at £23.7 million", "which the statistics office put at 6.1 percent": any
    # noun, as long as a figure follows ("put 300 jobs at risk" is no estimate).
    r"|puts?\s+(?:[\w'’-]+\s+){0,4}?at(?=\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|"
    r"more\s+than\s+|just\s+)?[\d$£€])"
    # "..., the court was told": the court as the audience of what it heard.
    r"|(?:was|were)\s+told(?=\s*(?:[,.;:]|$))"
    r"|estimates?(?=\s+(?:that|the|(?:[a-z]+\s+){1,2}(?:would|will|could|had|have|has|were|was|is|are|cost|costs))\b)"
    r"|(?:accepts|accepted|agrees|agreed|concedes|conceded)(?=\s+(?:that\b|(?:he|she|they|it|there|the\s+[a-z]+|his\s+[a-z]+|"
    r"her\s+[a-z]+)\s+(?:had|has|was|were|is|are|would|did|owed|[a-z]+ed)\b))"
)
# "estimated at" is a qualifier and "claimed responsibility" an act, not someone being quoted.
ATTRIB_VERB = re.compile(
    rf"\b(?:{_ATTRIB_VERBS})\b(?!\s+(?:responsibility|credit|victory|the\s+title|lives?)\b)"
    # These double as nouns ("US states", "media reports"): only a reporting verb before "that" or a stop.
    r"|\b(?:added|adds|found|finds|showed|shows|show|states|reports|claims|notes|estimates|estimate|warns|argues|counted|counts|recorded|"
    # A plural subject's present ("the invoices reveal", "the companies argue that"), and an accused's
    # account in court ("He accepts he had borrowed ...", "Ashworth agrees the company owed ...").
    # "..., the Sunday Post can reveal": the paper's own finding, no source handed on.
    r"calculated|calculates|(?<!can\s)reveal|(?<!can\s)confirm|argue|insist|warn|maintain|allege|alleges|alleged|contend|contends)\b"
    # "Westline reports 118,000 customers without power": a figure straight after it is what is reported.
    # "found last year that", "said in 2021 that": the time the finding was made comes before "that".
    r"(?=\s*(?:that\b|[,.;:“\"”]|$)|\s+(?:last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|"
    r"this\s+(?:week|month|year)|in\s+(?:\d{4}|" + MONTHS + r"))\s+that\b|"
    r"\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+)?[\d$£€]|\s+(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|(?:last|this)\s+(?:week|month|year))\s*(?:[,.;]|$)|\s+on\s+\d)"
)
ACCORDING_TO = re.compile(
    r"\baccording\s+to\s+(?P<src>[^,.;:!?”\"()]+(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}(?=\s*[.;!?”\"]|\s*$))?)",
    _I,
)
INVERTED_ATTRIB = re.compile(
    # Not "told": in ", told reporters" the words after the verb are the audience, not the speaker.
    r"[,”\"’]\s*(?:said|says|added|wrote|explained|insisted|warned|argued)\s+"
    r"(?P<src>(?:the\s+|a\s+|an\s+)?(?:[A-Za-z][\w.'’-]*)(?:\s+(?:of\s+|the\s+|for\s+|at\s+)?[A-Za-z][\w.'’-]*){0,6}?)(?=\s*[,.;!?]|\s*$)",
)
# ", in what forecasters called the worst flooding since 1987": someone's reading of the whole clause
# before it, a claim of its own (theirs, not the clause's source) when it holds a date or a figure.
IN_WHAT_CALLED = re.compile(
    r",?\s*\b(?P<in>in\s+what\s+(?P<src>(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:called|calls|described\s+as|describes\s+as|termed|terms|dubbed|labelled|labeled|branded|hailed\s+as|"
    r"(?:said|says)\s+(?:was|is|were)))\s+"
)
# A reporting frame that says to whom, or in what formal document, something was said: "in a letter
# addressed to the minister", "in a statement to investors", "told the Senate committee". That an
# organisation wrote to someone is checkable even when the quoted words are testimony.
FRAME_VENUE = re.compile(
    r"\b(?:in|on|during)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:letter|statement|speech|submission|testimony|filing|petition|memo|memorandum|email|report|address|interview)\s+"
    r"(?:(?:addressed|sent|submitted|delivered|presented|given|made|published)\s+)?(?:to|before)\s"
    r"|\b(?:told|testified\s+(?:to|before)|wrote\s+to)\s+(?:the\s+)?(?:(?![A-Z][a-z]+\s+that\b)[A-Z]|(?:[\w-]+\s+){0,2}?"
    r"(?:committee|parliament|assembly|court|inquiry|congress|senate|council|board|tribunal|commission|shareholders|investors)\b)"
)
# A checkable event with no figure (type "other"): someone resigned, was charged, a law was passed.
EVENT_VERB = re.compile(
    r"\b(?:resigned|charged|remanded|deny|cleared\s+(?:of|last)|arrested|convicted|acquitted|sentenced|jailed|indicted|sued|impeached|"
    r"passed|approved|rejected|vetoed|ratified|signed|banned|denied|denies|dismissed|sacked|fired|suspended|"
    r"elected|appointed|pleaded|ruled|overturned|upheld|fined|extradited|deported|expelled|detained|"
    r"withdrew|withdrawn|replaced|recalled|cancelled|canceled|confirmed|filed\s+for|unchanged|seized|captured|"
    r"blocked(?!\s+out)|collapsed|reopened|shut\s+down|closed\s+(?:down|off)|(?:opened|launched|ordered|announced)\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
    r"(?:investigation|inquiry|probe|review|ban|curfew|lockdown|evacuation|closure|closures|opening|sale|merger|acquisition|"
    r"resignation|bankruptcy|recall|strike)|ended\s+without|"
    r"declared|imposed|lifted|struck\s+down|raided|murdered|kidnapped|abducted|acquired|merged|requested|conceded)\b"
)
# Superlatives of a measure, which a record ranks ("the lowest paid", "the biggest investment"), not of
# a judgement ("the most complex", "the greatest day", "the worst abuses").
MEASURED_RANK = re.compile(
    r"\b(?:low|high|larg|bigg|small|cheap|dear|fast|slow|long|short|old|young|tall|deep|heavi|wealthi|poor|rich|"
    r"busi|wett|dri|hott|cold|warm|deadli|costli|bloodi|strong|weak|snowi|windi)est\b"
)
# A ranking held against a record ("the worst flood since records began", "the most ... on record",
# "since 1888") is checkable whatever its adjective, quoted or not ("the greatest night in the club's
# history" is still a verdict: no record measures it).
RECORD_FRAME = re.compile(
    r"\b(?:since\s+records\s+began|on\s+record|ever\s+recorded|since\s+(?:1[6-9]|20)\d\d)\b"
)
# "Dozens of people were injured": no figure to normalise, but a count an editor can check.
VAGUE_COUNT = re.compile(r"\b(?:dozens|hundreds|thousands|tens\s+of\s+thousands|millions|scores)\s+of\b")
HEDGED_KEYS = ("report", "alleged", "polled", "surveyed")
HEDGED_SOURCE = re.compile(
    r"\b(?:reportedly|allegedly|reports\s+say|it\s+is\s+reported|media\s+reports|an?\s+reported|an?\s+alleged)\b"
    # "Analysts polled by the company had expected $2.6 billion": the poll is the figure's source.
    r"|\b(?:analysts|economists|experts|forecasters|traders|investors|strategists)\s+(?:polled|surveyed)\s+by\b"
)

# Opinion, feeling and advice: not checkable unless the clause also carries a figure.
OPINION = re.compile(
    r"\b(?:disgrace(?:ful)?|shameful|outrage(?:ous)?|scandalous|appalling|unacceptable|inexcusable|humiliat(?:ion|ing)|"
    r"ridiculous|absurd|pathetic|wonderful|beautiful|fantastic|amazing|brilliant|terrific|superb|awful|terrible|"
    r"horrible|dreadful|heartbreaking|heartbroken|disgusting|unfair|unjust|fairer|shocking|worrying|alarming|"
    r"encouraging|proud|delighted|thrilled|saddened|furious|devastated|frustrated|disappointed|disappointing|"
    r"relieved|grateful|regret(?:s|ted|table)?|dream(?:s|ed|t)?|afraid|scared|pray(?:s|ed|ing)?|tired\s+of|"
    r"felt|feel|feels|feeling|love|loves|hate|hates|too\s+early|too\s+late|believe[sd]?|think(?!\s+tanks?\b)|thinks|in\s+(?:my|our|his|her)\s+view|"
    r"clearly|obviously|of\s+course|cannot\s+cope|can't\s+cope|nobody\s+can\s+say|every\s+little|is\s+to\s+blame|"
    r"a\s+clear\s+message|disaster\s+for|punishment|remarkable|extraordinary|incredible|impressive|stunning|excellent|"
    r"call(?:ed|s)\s+(?:the|it|this|that|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?[“\"‘]?(?:a|an)\s+[a-z]+|"
    r"madness|insane|crazy|obscene|nonsense|an\s+insult|a\s+joke|meaningless|pointless|worthless|"
    # A fact-checker's own verdict ("That is broadly correct", "but it is not a doubling") and a split
    # of views ("Pundits were divided on whether ...") judge claims; they assert none.
    r"(?:is|was|are|were)\s+(?:not\s+)?(?:broadly\s+|largely\s+|mostly\s+|partly\s+)?(?:correct|accurate|misleading|"
    r"exaggerated|overstated)|(?:it|that|this)\s+is\s+not\s+an?|divided\s+(?:on|over)\s+whether|"
    r"outstanding|baffling|bizarre|astonishing|magnificent|tremendous|unknown|unclear|uncertain|remains\s+to\s+be\s+seen|breaks?\s+my\s+heart|should|must|ought\s+to|needs?\s+to|deserve[sd]?)\b",
)
# Appeals and advice: a call to act is not an assertion of fact.
ADVICE_KEYS = ("urg", "call", "appeal", "advis", "encourag", "recommend", "asked", "told")
ADVICE = re.compile(
    r"\b(?:urged|urges|urging|called\s+on|calls\s+on|appealed|appeals|advised|advises|encouraged|recommended|recommends)\b"
    # "Residents are asked to follow official advice": an instruction to readers, not a fact.
    r"|\b(?:are|is|were)\s+(?:being\s+)?(?:asked|told)\s+(?:not\s+)?to\b",
)
# A short phrase in quotation marks as the complement of a verb is almost always a verdict: was "shameful".
SCARE_QUOTE_KEYS = ("“", '"', "‘")
SCARE_QUOTE = re.compile(
    r"\b(?:was|were|is|are|been|be|called|call|calls|described|describes|branded|labelled|labeled|termed|as|shown|showed|shows)\s+"
    r"(?:\w+\s+){0,2}?[“\"‘][^”\"’]{1,60}[”\"’]",
)
# Newsroom boilerplate about sources and comment: not a claim whatever it is joined to.
BOILERPLATE = re.compile(
    r"\bon\s+(?:the\s+)?condition\s+of\s+anonymity\b|\bnot\s+authori[sz]ed\s+to\s+(?:speak|talk|comment)\b"
    r"|\basked\s+not\s+to\s+be\s+(?:named|identified)\b|\b(?:did\s+not|didn't)\s+(?:immediately\s+)?respond\s+to\s+"
    r"(?:a\s+|our\s+)?(?:requests?|questions?|calls?|emails?|messages?)\b"
    r"|\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:confirmed|disclosed|explained)\s+(?:the|what|why|how|whether|when)\b|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\s+for\s+comment\b"
    # A press release's header line ("For immediate release: 4 September") dates the release, not a claim.
    r"|\b[Ff]or\s+immediate\s+release\b|\b[Ee]mbargoed\s+(?:until|till)\b"
    # A non-answer: "declined to comment further", "did not say whether it would restore the grants".
    r"|\b(?:declined|refused)\s+to\s+(?:say|comment|confirm|disclose|specify|elaborate|give)\b"
    r"|\b(?:did|would|could)\s+not\s+say\s+(?:whether|when|how|why|what|which|who|if)\b"
)
# A reaction to news is a stance, not a fact ("Local officials welcomed the news", "Residents
# criticised the speed of the warnings", "wept in the public gallery"): with no figure of its own
# there is nothing in it to check.
REACTION_KEYS = ("welcom", "prais", "hail", "condemn", "critici", "slam", "lambast", "denounc", "applaud", "wept",
                 "showed no", "appeared", "seemed")
REACTION = re.compile(
    r"\b(?:welcom(?:ed|es|ing)\s+(?:the|a|an|this|that|these|its|their|his|her|it)\b|prais(?:ed|es|ing)|hail(?:ed|s|ing)"
    # "the pool was condemned in 2019": a building declared unfit, an act, not a reaction.
    r"|condemn(?:ed|s|ing)(?<!was\scondemned)(?<!were\scondemned)(?<!been\scondemned)(?<!be\scondemned)|critici[sz](?:ed|es|ing)|slamm?(?:ed|s|ing)|lambast(?:ed|s|ing)|denounc(?:ed|es|ing)"
    r"|applaud(?:ed|s|ing)|wept|showed\s+no\s+(?:reaction|emotion)|appeared\s+(?:visibly\s+)?(?:un[a-z]+ed|calm|relaxed|tense|nervous|emotional)"
    r"|seemed\s+(?:un[a-z]+ed|calm|relaxed|tense|nervous|upbeat|subdued))"
)
# A press release's contact line: "For more information, contact press@... or call 0113 496 0000".
CONTACT = re.compile(r"\b[Ff]or\s+(?:more|further)\s+information\b|[\w.+-]+@[\w-]+\.[\w.]+")
# "Residents fear that the worst is still to come": a feeling, whatever ranking it names.
FEELING_THAT = re.compile(r"\b(?:fears?|feared|hopes?|hoped|worr(?:y|ies|ied))\s+that\b")
# "mine" is first person only as a pronoun ("a friend of mine"), not the pit ("a coal mine").
FIRST_PERSON_SINGULAR = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d)\b|\b(?:me|my|myself)\b|\b(?:of|is|was|are|were)\s+mine\b(?!\s+(?:operator|owner|worker|shaft)s?\b)"
)
# "told us" in a live blog is the outlet, not a speaker talking about themselves.
FIRST_PERSON_PLURAL = re.compile(r"\b(?:[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|[Oo]ur|[Oo]urs|(?<!told\s)(?<!tells\s)us)\b")
PREDICTION = Keyed(
    (
        _PREDICTION_KEYS,
        r"\b(?:will|won't|won’t|shall|would(?!\s+have\s+(?:had|been|[a-z]+ed|paid|made|cost|lost|won|saved|spent)\b)|wouldn't|wouldn’t|might|going\s+to|gonna|probably|possibly|perhaps|unlikely|"
    r"(?<!had\s)(?<!than\s)(?<!as\s)(?<!been\s)(?:expects?|expected|expecting)|intends?\s+to|intended\s+to|aims?\s+to|hopes?\s+to|hoping\s+to|plans?\s+to|"
    r"planning\s+to|planned\s+to|set\s+to|scheduled\s+to|poised\s+to|on\s+course\s+to|predicts?|predicted|forecasters?|"
    r"in\s+the\s+coming|coming\s+(?:days|weeks|months|years|winter|summer|season)|upcoming|"
    r"due\s+to\s+(?:be|open|start|begin|take|meet|return|close|arrive|launch|publish|finish|end|resume|hold|vote|decide|announce|report|visit|sign)|"
    r"next\s+(?:week|month|year|season|spring|summer|autumn|winter)|prepared\s+to|ready\s+to|willing\s+to|if\s+needed|"
    r"if\s+necessary|(?:pledged|pledges|promised|promises|vowed|vows|threatened|threatens)\s+to|considering|"
    r"(?:certain|sure|bound|on\s+track|(?<!less\s)(?<!more\s)likely)\s+to)\b"
    r"|\bcould\b(?!\s+not\b)|\blikely\b(?<!as\slikely)(?<!more\slikely)(?<!less\slikely)",
    ),
)
# A forecast with a figure from an official body is a claim of its own (GUIDELINES.md, "prediction"):
# "The National Weather Service forecast a 30 percent chance of rain", "The IMF expects growth of
# 1.2 percent". Matched at the start of a clause; the forecaster must be named or an institution.
_INSTITUTION = (
    r"service|office|agency|bank|fund|ministry|institute|bureau|commission|authority|government|department|"
    r"forecasters|treasury|council|board|observatory|regulator|organisation|organization"
)
OFFICIAL_FORECAST = re.compile(
    # "Peru's energy and mines ministry expects", "Forecasters at the weather service's office in Des
    # Plaines predict": a place's body, and forecasters named by their office.
    r"(?P<src>(?:[Tt]he\s+)?(?:(?:[A-Z][\w'’&.-]*\s+){0,6}[A-Z][\w'’&.-]*|(?:[A-Z][\w-]*['’]s\s+)?(?:[a-z'’-]+\s+){0,3}(?:"
    + _INSTITUTION
    + r")|[Ff]orecasters\s+(?:at|from|with)\s+[^,;:]{3,60}?))\s+(?:(?:now|also|still|has|have|had)\s+)?"
    r"(?:forecast|forecasts|projected|projects|predict|predicted|predicts|expects|expected)\b(?!\s+to\b)"
)
# "The trust expects to recruit around 650 staff", "The utility expects to restore service within 72
# hours": an institution's own forecast of what it will do, with a figure or a period to hold it to.
# Only an institution as the subject ("Mendes expects to start" is a person's hope).
ORG_EXPECTS = re.compile(
    r"(?P<src>(?:[Tt]he\s+)?(?:[A-Z][\w'’&.-]*\s+){0,4}?(?:[a-z'’-]+\s+){0,2}?(?:"
    + _INSTITUTION
    + r"|trust|utility|company|operator|firm|group|airline|university|hospital|insurer|carrier|club))"
    r"\s+(?:now\s+|also\s+|still\s+)?expects\b"
)
# A source that is an institution ("the regulator", "the IMF"): its forecast with a figure is a claim.
# Economists at a commercial bank are not an official body; a central bank is. An acronym ("the
# IMF") is case-sensitive, so a short word ("the chain") is not one.
# The institution must be the head of the phrase ("the regulator", "the Bank of Norland", "the IMF"):
# "Council leader Mara Voss" is a person, whose forecast is a prediction like any other.
OFFICIAL_BODY = re.compile(
    r"^(?!(?:economists|analysts|experts|traders|investors|strategists)\b)(?:.*\b(?:"
    + _INSTITUTION.replace("bank|", "")
    + r"|regulator|forecasters?|statistics|central\s+bank|reserve\s+bank|bank|officials)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?|(?:the\s+)?(?-i:[A-Z]{2,6}))$",
    re.IGNORECASE,
)
# Runs on the original text: "May" the month is not "may" the modal.
MAY_MODAL = re.compile(r"\bmay\b(?!\s+(?:\d|have\s+been))")
QUESTION_END = re.compile(r"\?[”\"’')\]]*\s*$")

# Finite verbs, roughly: enough to tell a clause ("and destroyed 3,000 buildings") from a list item ("and Italy").
_IRREGULAR_PAST = (
    "said|told|left|made|took|gave|rose|fell|grew|won|lost|hit|struck|became|came|went|saw|found|sold|bought|paid|"
    "spent|built|began|brought|held|kept|met|ran|set|sent|stood|shot|fought|flew|drew|drove|broke|chose|wrote|"
    "rode|beat|cut|put|led|fled|threw|sank|stole|thought|caught|taught|meant|knew|froze|hid|shook|sought|spread|"
    "quit|split|wore|tore|swore|bore|woke|dealt|felt|heard|lay|laid|cost|hurt|let|shut|slid|spun|sped|overtook|"
    "withdrew|overcame|rebuilt|swept|wept|slept|lent|bent|dug|hung|stuck|arose|rang|sang|swam|shrank|sprang|drank|"
    "got|forgot|fed|bled|bred|sat|spoke|stole|underwent|undertook|upheld|withheld|outran|ate|cast|blew|overspent|overran|outsold"
)
_AUX = (
    "is|are|was|were|has|have|had|did|does|do|will|would|can|could|may|might|must|shall|should|remains|remained|"
    "stands|stood|lies|includes|employs|houses|holds|owns|accounts|contains|says|shows|means|costs|takes|makes|"
    "gets|gives|needs|runs|leads|serves|plays|comes|goes|becomes|seems|appears|covers|reaches|exceeds|totals|averages|"
    "represents|faces|spans|weighs|measures|produces|supplies|generates|kills|affects|provides|receives|suffers"
)
_NOT_VERB_ED = (
    "need|seed|speed|bed|red|shed|feed|hundred|indeed|breed|greed|creed|weed|steed|sped|bred|wed|led|fled|naked|"
    "wicked|sacred|aged|beloved|kindred|rugged|ragged|jagged"
)
IRREGULAR_PAST = _IRREGULAR_PAST  # "after inspectors found ...": a subject and its past act
FINITE_VERB = re.compile(
    rf"\b(?:{_AUX}|{_IRREGULAR_PAST})\b|\b(?!(?:{_NOT_VERB_ED})\b)[a-z]{{2,}}ed\b|\b(?:isn't|wasn't|weren't|hasn't|haven't|hadn't|didn't|doesn't|aren't)\b",
)
# A verb that reports an act or event ("had offered", "shattered", "was detained"), not a state or a
# view ("was chaotic", "had no choice", "thought"): what makes a reported statement checkable.
ACT_VERB = re.compile(
    rf"\b(?!(?:said|told|thought|felt|meant|knew|seemed|appeared|believed|hoped|wanted|needed|expected|liked|loved|"
    rf"hated|worried|concerned|pleased|delighted|disappointed|surprised|shocked|saddened|committed|determined|"
    rf"prepared|supposed|used|allowed|aimed|planned|intended|proposed|suggested|urged|added|noted|stated|claimed|"
    rf"argued|warned|insisted|explained|reported|announced|confirmed)\b)"
    rf"(?:\b(?:{_IRREGULAR_PAST})\b|\b(?!(?:{_NOT_VERB_ED})\b)[a-z]{{2,}}ed\b)"
)
# A verb in the past (a regular "-ed" form or an irregular one): someone did something.
PAST_VERB = re.compile(rf"\b(?:{_IRREGULAR_PAST})\b|\b(?!(?:{_NOT_VERB_ED})\b)[a-z]{{2,}}ed\b")
VERB_START = re.compile(
    rf"(?:(?:also|then|later|subsequently|previously|further|reportedly|allegedly|still|now|quickly|eventually|"
    rf"immediately|recently|finally)\s+)?(?:(?:{_AUX}|{_IRREGULAR_PAST})\b|[a-z]{{2,}}(?:ed|ing)\b)",
)
# "SkyLusa", "McAllister": a name may carry capitals inside it.
PROPER_NOUN = re.compile(r"(?<=[\s(“\"‘-])(?:[A-Z][a-z]+(?:[A-Z][a-z]+)*|[A-Z]{2,})(?:[’']s)?\b")
NON_NAME_CAPS = _wordset(
    """I The A An In On At By For From Of To With And But Or So If As It Its This That These Those There Their They
    He She We You His Her Our My Your What When Where Who Why How While Although Though After Before Since Until
    During Some Many Most More Less Few Several Only About Around Nearly Almost Over Under Every Each All Both
    Another Other One Two Three Four Five Six Seven Eight Nine Ten Last Next First Second Third Mr Mrs Ms Dr
    Yet However Meanwhile Also Then Now Today Yesterday Earlier Later Still Even"""
)
