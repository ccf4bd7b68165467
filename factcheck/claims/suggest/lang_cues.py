"""The cue patterns of the Arabic and Hebrew rules, compiled once from the vocab tables.

Every pattern runs on the normalised copy (script.normalise) and matches whole words, a word
allowed to carry a one-letter prefix (و، ب، ل، ف; ו, ב, ל, ה, ש, מ, כ) where the language glues one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lang_ar as vocab_ar
from . import lang_he as vocab_he
from .lang_lexicon import alt as _alt
from .lang_lexicon import fold

__all__ = ["CUES", "LangCues"]

_L = r"\u0621-\u064a\u0671-\u06d3\u05d0-\u05ea"
_START = rf"(?<![{_L}\w])"
_END = rf"(?![{_L}\w])"


def _words(alternatives: str, prefix: str = "", tail: str = _END) -> re.Pattern[str]:
    """Whole words; a phrase ending in a one-letter preposition ("יותר מ", "بالمقارنة ب") runs into
    the word it is glued to."""
    words = [w for w in alternatives.split("|") if w]
    glued = [w for w in words if len(w.split(" ")[-1]) == 1 and " " in w]
    whole = [w for w in words if w not in glued]
    parts = [f"(?:{_alt(whole)}){tail}"] if whole else []
    if glued:
        parts.append(rf"(?:{_alt(glued)})-?")
    return re.compile(rf"{_START}(?:{prefix})?(?:{'|'.join(parts)})")


@dataclass(frozen=True)
class LangCues:
    lang: str
    date: re.Pattern[str]
    temporal: re.Pattern[str]
    superlative: re.Pattern[str]
    comparison: re.Pattern[str]
    causal: re.Pattern[str]
    attrib_verb: re.Pattern[str]
    attrib_prep: re.Pattern[str]
    prediction: re.Pattern[str]
    boilerplate: re.Pattern[str]
    opinion: re.Pattern[str]
    first_person: re.Pattern[str]
    join: re.Pattern[str]
    report_that: re.Pattern[str]
    contradict: re.Pattern[str]
    vague: re.Pattern[str]
    year: re.Pattern[str]
    including: re.Pattern[str]
    event: re.Pattern[str]
    schedule: re.Pattern[str]
    legal: re.Pattern[str]
    forecast: re.Pattern[str]
    not_conjunction: frozenset[str]
    # The presence cues in one pattern, so a sentence is scanned once for all of them: a match
    # names its cue by its group ("date" before "year" and "temporal", so a date holds its year).
    combined: re.Pattern[str] | None = None
    member: dict | None = None

    def __post_init__(self) -> None:
        names = ("date", "year", "superlative", "causal", "vague", "boilerplate", "prediction", "opinion",
                 "first_person", "temporal")
        pattern = "|".join(f"(?P<{n}>{getattr(self, n).pattern})" for n in names)
        object.__setattr__(self, "combined", re.compile(pattern))
        object.__setattr__(self, "member", {getattr(self, n): n for n in names})


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _build(lang: str, v, pre: str, including: str, not_conj: str) -> LangCues:
    months = v.MONTHS + (("|" + v.MONTH_AMBIGUOUS) if v.MONTH_AMBIGUOUS else "")
    month_re = _alt(months.split("|"))
    # A date: a day and a month, a month and a year, a weekday, or a year after its word.
    date = re.compile(
        rf"(?:\d{{1,2}}\s+(?:من\s+)?)?{_START}(?:{pre})?(?:{month_re}){_END}(?:\s*(?:\(\s*[{_L}]+(?:\s+[{_L}]+)?\s*\)\s*)?(?:من\s+)?(?:العام\s+|عام\s+)?(?:19|20)\d{{2}})?"
        rf"|{_START}(?:{pre})?(?:يوم\s+)?(?:{_alt(v.WEEKDAYS.split('|'))}){_END}"
        rf"|{_START}(?:{pre})?(?:عام|سنة|العام|בשנת|שנת){_END}\s*(?:19|20)\d{{2}}"
        rf"|{_START}(?:{pre})?(?:منذ|מאז|في|ב-?|עד|حتى)\s*(?:19|20)\d{{2}}(?!\d)"
    )
    return LangCues(
        lang=lang,
        date=date,
        temporal=_words(v.TEMPORAL, pre),
        superlative=_words(v.SUPERLATIVE, pre),
        comparison=_words(v.COMPARISON, pre),
        causal=_words(v.CAUSAL, pre),
        attrib_verb=_words(v.ATTRIB_VERB, "و|ف|ו|כפי ש|כך " if lang == "he" else "و|ف"),
        attrib_prep=_words(v.ATTRIB_PREP, "و|ו"),
        prediction=_words(v.PREDICTION, pre),
        boilerplate=_words(v.BOILERPLATE, pre),
        opinion=_words(v.OPINION, pre),
        first_person=_words(v.FIRST_PERSON, "و|ו"),
        join=_words(v.CLAUSE_JOIN, "و|ו"),
        report_that=_words(v.REPORT_THAT, "ب" if lang == "ar" else ""),
        contradict=re.compile(_words(v.CONTRADICT, pre).pattern + r"(?!\s+(?:يزال|تزال|يزالون|سيما|يقل|تقل))"),
        vague=_words("|".join(v.VAGUE), pre),
        year=_YEAR,
        including=re.compile(rf"\s*(?:{_alt(including.split('|') + v.COMPARE_TAIL.split('|'))})"),
        not_conjunction=frozenset(fold(w) for w in not_conj.split()),
        event=_words(v.EVENT, "و|ف|ו|ש|וה|ה|כש" if lang == "he" else "و|ف"),
        schedule=_words(v.SCHEDULE, pre),
        legal=_words(v.LEGAL, "و|ف|ו|ש|וה|ה|כש" if lang == "he" else "و|ف"),
        forecast=_words(v.FORECAST, pre),
    )


CUES = {
    "ar": _build(
        "ar", vocab_ar, "و|ب|ل|ف|وب|ول|لل|وال|بال|ال",
        "بينهم|بينهن|من بينهم|منهم|منهن|معظمهم|غالبيتهم|أغلبهم|بما في ذلك|بمن فيهم|إضافة إلى|بالإضافة إلى",
        "وزارة وزير وزيرة وكالة وفقا وفق وقت ولاية وسط وحدة وضع وصول وفد وثيقة والي ورقة وطني واشنطن وول ولي "
        "وحدات واردات وفيات ودائع وسائل وقود وظائف وثائق وجبات وادي وزراء وزارات وكالات ولايات "
        # verbs whose first letter is و ("وصلوا في حالة جفاف": they arrived)
        "وصل وصلت وصلوا وقع وقعت وقعوا وضع وضعت وجد وجدت وجدوا وافق وافقت وافقوا وصف وصفت وصفوا وزع وزعت وزعوا "
        "وفر وفرت وقف وقفت ولد ولدت "
        # and their duals ("مصنعان جديدان وفّرا 450 فرصة عمل": provided)
        "وفرا وفروا وصلا وقعا وضعا وجدا وافقا وزعا وقفا "
        # "سجلت وحدها 60% من الإصابات": alone
        "وحده وحدها وحدهم وحدهن",
    ),
    "he": _build(
        "he", vocab_he, "ו|ב|ל|ה|ש|מ|וב|וה|ול|שב|מה|כש",
        "ביניהם|ביניהן|בהם|בהן|מהם|מהן|מתוכם|מתוכן|רובם|רובן|כולל|לרבות|ובהם|ובהן",
        "ועדה ועדת וושינגטון ויקטור וידאו ותיק ותיקים ויזה",
    ),
}


# What the engine's types read beside the cues: peak hours are no record, "lower by 20 percent than" compares,
# and the year compared with is a baseline, not the claim's time.
PEAK_HOURS = re.compile(r"[בו]?(?:שעות|שעת)\s+השיא")
HE_BY = re.compile(r"\s+ב(?:כ)?-?(?:\d|כמעט|פי|מחצית|חצי|שליש|רבע)")
BASELINE = re.compile(r"(?<![^\W\d_])(?:לעומת|בהשוואה\s+ל|مقارنة\s+ب|بالمقارنة\s+مع|بالمقارنة\s+ب|قياسا\s+ب|"
                      r"(?:عن|علي)\s+(?:الفترة|العام\s+الماضي|الشهر\s+الماضي|العام\s+السابق|الشهر\s+السابق))")
EVER = re.compile(r"(?:מאז|מזה|בתולדות|בהיסטוריה|אי\s+פעם)")  # "לראשונה בתולדותיה" ranks; "נחקר לראשונה" does not
IN_A_ROW = re.compile(r"\s*(?:ברציפות|ברצף|على\s+التوالي)(?![^\W\d_])")  # "השמינית ברציפות": the eighth in a row
