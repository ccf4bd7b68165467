"""What a bare count in Arabic or Hebrew counts, read from the words around it, and the figures the
number reader leaves to the suggestion engine (rankings, scores).

A toll is often written with the number and the verb alone: "שלושה בני אדם נהרגו ו-14 נפצעו",
"قتل 12 وأصيب 30", "مقتل 14 وإصابة 30": "people", the unit the labels give a toll. A count takes the unit
of the figure it is part of ("17 מתוך 19 משחקים", "23 בתים נפגעו, מהם שבעה", "בני 19 ו-22"). An ordinal
("الزيادة الرابعة", "במקום השלישי") is a figure with no unit, as the guidelines have a ranking, and a
final score ("ניצחון 88:81") two figures in points. The number reader (lang_numbers, shared with the
figure check) leaves these alone: they matter to what a claim says, not to matching a source's figure.
"""

from __future__ import annotations

import bisect
import itertools
import re

from .lang_lexicon import alt
from .lang_numbers import Figure, noun_unit, qualifier_before

__all__ = ["count_people", "more_figures"]

# Hebrew: the verb after the count ("14 נפצעו"); Arabic: the verb or verbal noun before it.
_HE_AFTER = alt(str.split(
    "נהרגו נפצעו נעצרו פונו נפגעו נרצחו נחטפו מתו נספו חולצו אושפזו נשבו נורו נדקרו נקלעו נלכדו טופלו נמלטו "
    "נעדרים נקברו הועסקו פוטרו התפטרו הצביעו השתתפו נדבקו חלו נפטרו הוצאו נלקחו נפלו נאסרו הורשעו נשפטו "
    "נהרגים נפצעים"
))
_AR_BEFORE = alt(str.split(
    "قتل قتلت أصيب أصيبت اعتقل اعتقلت توفي توفيت استشهد جرح أسر اختطف نزح فر غرق مقتل إصابة اعتقال إجلاء "
    "نزوح وفاة استشهاد جرح إنقاذ إعدام احتجاز اختطاف أسر فصل تسريح تشريد"
))
_HE = re.compile(rf"\s*(?:ו|ש|כש)?(?:{_HE_AFTER})(?![^\W\d_])")
_AR = re.compile(rf"(?<![^\W\d_])[وف]?(?:{_AR_BEFORE})\s*$")


# "مئات الأغنام", "עשרות אלפי תושבים": a plural scale alone is a count of at least that much (the labels give
# "hundreds" at least 100); only the engine reads it, the figure check leaves it to its own vague rules
_VAGUE_SCALE = {"ar": {"عشرات": 10, "مئات": 100, "الاف": 1000, "ملايين": 10**6, "مليارات": 10**9},
                "he": {"עשרות": 10, "מאות": 100, "אלפי": 1000, "אלפים": 1000, "רבבות": 10**4, "מיליוני": 10**6}}
_VAGUE_RE = {
    "ar": re.compile(r"(?<![^\W\d_])(?:[وبلف]|وب)?(?P<w>عشرات|مئات|الاف|ملايين|مليارات)"
                     r"(?:\s+(?P<s>(?:ال)?(?:الاف|ملايين)))?(?![^\W\d_])"),
    "he": re.compile(r"(?<![^\W\d_])(?:[ובלמש]|וב|ומ)?(?P<w>עשרות|מאות|אלפי|אלפים|רבבות|מיליוני)"
                     r"(?:\s+(?P<s>אלפי|אלפים))?(?![^\W\d_])"),
}
_SCALE_AFTER = {"الاف": 1000, "الالاف": 1000, "ملايين": 10**6, "الملايين": 10**6, "אלפי": 1000, "אלפים": 1000}


def vague_counts(norm: str, figures: list[Figure], lang: str, taken: _Spans) -> list[Figure]:
    """"مئات الأغنام" → at least 100 sheep; "עשרות אלפים" → at least 10,000 (see _VAGUE_SCALE)."""
    out = []
    for m in _VAGUE_RE[lang].finditer(norm):
        if taken.hit(m.start(), m.end()):
            continue
        value = _VAGUE_SCALE[lang][m.group("w")] * (_SCALE_AFTER[m.group("s")] if m.group("s") else 1)
        unit, end = noun_unit(norm, m.end() + 1, lang) if norm[m.end():m.end() + 1] == " " else (None, m.end())
        out.append(Figure(m.start(), end if unit else m.end(), value, "at_least", unit, "vague", m.start()))
    return out


# "אחד מכל חמישה", "واحد من كل ثلاثة": one in five is a share (0.2), not the figures one and five
_ONE_IN = {
    "he": re.compile(r"(?<![^\W\d_])(?P<a>אחד|אחת|שניים|שתיים|שלושה|שלוש)\s+מכל\s+(?P<b>\d+|[^\W\d_]+)"),
    "ar": re.compile(r"(?<![^\W\d_])(?P<a>واحد|واحدة|اثنان|اثنين|اثنتان|[^\W\d_]+)\s+(?:من|بين)\s+كل\s+(?P<b>\d+|[^\W\d_]+)"),
}
_ONE_IN_A = {"אחד": 1, "אחת": 1, "שניים": 2, "שתיים": 2, "שלושה": 3, "שלוש": 3, "واحد": 1, "واحدة": 1, "اثنان": 2,
             "اثنين": 2, "اثنتان": 2}


def one_in(norm: str, figures: list[Figure], lang: str) -> list[Figure]:
    """``figures`` with "one in five" read as the share 0.2 (Arabic also "طفل من كل خمسة": a child in five)."""
    for m in _ONE_IN[lang].finditer(norm):
        den = next((f for f in figures if f.core == m.start("b") and f.kind in ("count", "vague")), None)
        num = _ONE_IN_A.get(m.group("a"), 1 if lang == "ar" and den is not None and noun_unit(norm, m.start(), lang)[0] else 0)
        if den is None or not num or not isinstance(den.value, int) or den.value <= num:
            continue
        qualifier, q_at = qualifier_before(norm, m.start(), lang)
        share = Figure(q_at, den.end, round(num / den.value, 4), qualifier, "fraction", "fraction", m.start())
        figures = sorted([f for f in figures if not m.start() <= f.core < den.end] + [share], key=lambda f: f.core)
    return figures


def count_people(norm: str, figures: list[Figure], lang: str) -> None:
    """Give "people" to each bare count whose verb says it is people killed, hurt, held, moved..."""
    for f in figures:
        if f.unit is not None or f.kind not in ("count", "vague"):
            continue
        if (lang == "he" and _HE.match(norm, f.end)) or (
                lang == "ar" and _AR.search(norm, max(0, f.start - 16), f.start)):
            f.unit = "people"


_AR_ORD = {"ثاني": 2, "ثانية": 2, "ثالث": 3, "ثالثة": 3, "رابع": 4, "رابعة": 4, "خامس": 5, "خامسة": 5, "سادس": 6,
           "سادسة": 6, "سابع": 7, "سابعة": 7, "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9, "عاشر": 10, "عاشرة": 10}
_HE_ORD = {"שני": 2, "שנייה": 2, "שניה": 2, "שלישי": 3, "שלישית": 3, "רביעי": 4, "רביעית": 4, "חמישי": 5, "חמישית": 5,
           "שישי": 6, "שישית": 6, "שביעי": 7, "שביעית": 7, "שמיני": 8, "שמינית": 8, "תשיעי": 9, "תשיעית": 9,
           "עשירי": 10, "עשירית": 10}
# Arabic: "الرابعة", "ثاني كارثة"; Hebrew only with the article ("השלישית"): "שלישי" alone is Tuesday
_ORD = {
    "ar": re.compile(rf"(?<![^\W\d_])(?:[وبلف]?ال|[وبلف]?)(?P<w>{alt(_AR_ORD)})(?![^\W\d_])"),
    "he": re.compile(rf"(?<![^\W\d_])(?:[ובלמש]?ה)(?P<w>{alt(_HE_ORD)})(?![^\W\d_])"),
}
# "كانون الثاني", "الساعة الثانية", "العالمية الثانية", "יום שני": a month, a time, a name, a day
# ... and "الربع الثالث", "ברבעון השלישי": a quarter or half of the year is a period, no rank or figure
_NOT_ORD = re.compile(r"(?:كانون|تشرين|ربيع|جمادى|جمادي|الساعة|العالمية|יום|ביום|העולם|בית|המקדש|מלחמת|"
                      r"[وبفل]?(?:الربع|النصف)|[ובלמ]?(?:הרבעון|רבעון|המחצית|מחצית))\s*$")
_SCORE = re.compile(
    r"(?<![^\W\d_])[וب]?(?:ניצחון|הפסד|תוצאה|בתוצאה|ריצה|בריצה|שוויון|فوز|خسارة|هزيمة|تعادل|نتيجة|بنتيجة|بفوز)"
    r"(?:\s+(?:של|على|امام))?\s+(?P<a>\d{1,3})\s*[:-]\s*(?P<b>\d{1,3})(?!\d)"
)
# "17 מתוך 19 משחקים", "12 من أصل 40 مدرسة": the first count is of the same thing
_OUT_OF = re.compile(r"\s*(?:מתוך|من\s+اصل|من\s+بين|من)\s*")
_OF_THEM = re.compile(r"(?:מהם|מהן|מתוכם|מתוכן|منهم|منهن|منها|بينهم|بينهن)\s*$")
_QUAKE_BEFORE = re.compile(r"(?:بقوة|بشدة|בעוצמה\s+של|בעוצמה)\s*$")
_QUAKE_AFTER = re.compile(r"\s*(?:درجات\s+|درجة\s+)?(?:علي\s+مقياس\s+ريختر|بمقياس\s+ريختر|בסולם\s+ריכטר|ריכטר)")
_OF_THEM_AFTER = re.compile(r"\s*(?:מהם|מהן|מתוכם|מתוכן|منهم|منهن|منها)(?![^\W\d_])")
_AGE_LIMIT = re.compile(r"(?P<q>(?<![^\W\d_])(?:ما\s+دون|دون|تحت|اقل\s+من|فوق|اكثر\s+من|تجاوزوا|מתחת|מעל)\s*)?"
                        r"(?<![^\W\d_])(?:سن|לגיל|גיל|בגיל)\s*$")
_UNDER = ("ما", "دون", "تحت", "اقل", "מתחת")
_AND = re.compile(r"\s*[וو]-?\s*")
_TEEN_AFTER = re.compile(r"\s+(?:عشر|عشرة)(?![^\W\d_])")
_STOP = re.compile(r"[.!?؟\n]")
_PERIOD = re.compile(r"\s+(?:ה(?:ראשונה|שנייה|שניה|ראשון|שני|שלישי|רביעי|אחרון|אחרונה)|"
                     r"ال(?:اول|اولي|ثاني|ثانية|ثالث|رابع|اخير|اخيرة))(?![^\W\d_])")  # "ברבע האחרון": a game's quarter


def _age_limits(norm: str, figures: list[Figure]) -> None:
    """"دون سن الخامسة", "מתחת לגיל חמש": a number after "age" is an age limit, in years, under or over it."""
    for f in figures:
        age = _AGE_LIMIT.search(norm, max(0, f.start - 24), f.start) if f.unit is None and f.kind in (
            "count", "ordinal") else None
        if age:
            f.unit, f.kind = "years", "age"
            if age.group("q"):
                f.qualifier = "less_than" if age.group("q").strip().startswith(_UNDER) else "more_than"
                f.start = min(f.start, age.start("q"))


def _borrow(norm: str, figures: list[Figure]) -> None:
    """A bare count takes the unit of the figure it belongs with (see the module's docstring)."""
    for f in figures:  # "بقوة 5.8 درجات على مقياس ريختر", "בעוצמה של 5.8": an earthquake's magnitude
        if f.unit in (None, "celsius") and (_QUAKE_BEFORE.search(norm, max(0, f.start - 14), f.start) or _QUAKE_AFTER.match(
                norm, f.end)):
            f.unit, f.kind = "magnitude", "measure"
    _age_limits(norm, figures)
    for i, f in enumerate(figures):
        if f.unit is not None or f.kind != "count":
            continue
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        prev = figures[i - 1] if i else None
        if nxt is not None and nxt.unit and _OUT_OF.fullmatch(norm, f.end, nxt.start):
            f.unit = nxt.unit
        elif prev is not None and prev.unit and prev.kind == "count" and _OUT_OF.fullmatch(norm, prev.end, f.start):
            f.unit = prev.unit  # "38 مقعدا من أصل 329"
        elif prev is not None and prev.unit and prev.kind in ("count", "age") and _AND.fullmatch(norm, prev.end, f.start):
            f.unit, f.kind = prev.unit, prev.kind  # "בני 19 ו-22"
        elif (_OF_THEM.search(norm, max(0, f.start - 10), f.start) or _OF_THEM_AFTER.match(norm, f.end)) and (
                whole := next((g for g in reversed(figures[max(0, i - 3):i]) if g.unit and g.kind == "count"), None)) and (
                f.start - whole.end < 120 and not _STOP.search(norm, whole.end, f.start)):
            # "23 בתים נפגעו, מהם שבעה נשרפו", "ولجأ نحو 2500 منهم", "سجلت 234 شكوى، صنف 12 منها"; a duration
            # between is no whole ("כ־40 רקטות שוגרו בתוך 20 דקות, וכיפת ברזל יירטה 31 מהן")
            f.unit = whole.unit


class _Spans:
    """Which of many spans a new one overlaps, in logarithmic time (an article holds thousands)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [a for a, _b in spans]
        self.reach = list(itertools.accumulate((b for _a, b in spans), max))  # the furthest end so far

    def hit(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


# "ארגון ״15 דקות״", "مؤسسة «النيل 2030»": a number in a quoted name is part of the name
_NAMED = re.compile(
    r"(?<![^\W\d_])[וו]?(?:ארגון|עמותת|תנועת|מבצע|פרויקט|תוכנית|קמפיין|מטה|[وب]?(?:مؤسسة|جمعية|حملة|مبادرة|منظمة|حركة|"
    r"عملية|برنامج|مشروع|مركز))\s*[\"«](?P<n>[^\"«»\n]{1,30})[\"»]"
)


_OF_MONTH = re.compile(r"\s+(?:من\s+)?(?:شهر\s+)?")


def more_figures(norm: str, figures: list[Figure], lang: str, dates: re.Pattern[str]) -> list[Figure]:
    """``figures`` with units borrowed, and the rankings, scores and vague counts added, in order."""
    for m in _NAMED.finditer(norm):
        figures = [f for f in figures if not m.start("n") <= f.core < m.end("n")]
    date_spans: list[tuple[int, int]] | None = None  # the dates, found once (the pattern is a costly one)
    if _VAGUE_RE[lang].search(norm):
        date_spans = [m.span() for m in dates.finditer(norm)]
        vague = vague_counts(norm, figures, lang, _Spans([(f.start, f.end) for f in figures] + date_spans))
        if vague:
            figures = sorted([*figures, *vague], key=lambda f: f.core)
    if _ONE_IN[lang].search(norm):
        figures = one_in(norm, figures, lang)
    count_people(norm, figures, lang)
    _borrow(norm, figures)
    ords = list(_ORD[lang].finditer(norm))
    scores = list(_SCORE.finditer(norm))
    extra: list[Figure] = []
    if ords or scores:
        if date_spans is None:
            date_spans = [m.span() for m in dates.finditer(norm)]
        taken = _Spans([(f.start, f.end) for f in figures] + date_spans)
        table = _AR_ORD if lang == "ar" else _HE_ORD
        for m in ords:
            if taken.hit(m.start(), m.end()) or _NOT_ORD.search(norm, max(0, m.start() - 12), m.start()):
                continue
            # "الخامس من آذار", "العاشر من أيلول": the day of a date written as an ordinal, no ranking
            if lang == "ar" and (k := _OF_MONTH.match(norm, m.end())) and dates.match(norm, k.end()):
                continue
            teen = _TEEN_AFTER.match(norm, m.end()) if lang == "ar" else None  # "السابعة عشرة": seventeenth
            end = teen.end() if teen else m.end()
            if teen:
                figures = [f for f in figures if not m.end() <= f.core < end]
            extra.append(Figure(m.start(), end, table[m.group("w")] + 10 * bool(teen), "exact", None, "ordinal", m.start()))
        for m in scores:
            for g in ("a", "b"):
                if not taken.hit(m.start(g), m.start(g) + 1):
                    extra.append(Figure(m.start(g), m.end(g), int(m.group(g)), "exact", "points", "count", m.start(g)))
    _age_limits(norm, extra)
    # "במחצית השנייה של 2027", "النصف الأول من العام": a period of the year, not a share
    figures = [f for f in figures if not (f.kind == "fraction" and _PERIOD.match(norm, f.end))]
    return sorted([*figures, *extra], key=lambda f: f.core) if extra else figures
