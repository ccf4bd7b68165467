"""The number reader for Arabic and Hebrew text: figures in any digits, number words, units.

It runs on the normalised copy from script.normalise (ASCII digits, folded alef, no vowel marks),
token by token: a figure starts at digits or a number word, takes scale words ("3 ملايين", "שלושת
אלפים"), a unit or counted noun after it and a qualifier before or after it. Offsets are in the
normalised copy; ``find_quantities_rtl`` maps them back onto the original text.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import lang_ar as vocab_ar
from . import lang_he as vocab_he
from .lang_lexicon import LEX, PATTERNS, Lexicon, alt, fold
from .lang_numwords import (
    HALF_AFTER,
    Figure,
    Tok,
    age_after_word,
    num_kind,
    one_term,
    one_unit_qualified,
    qualifier_at,
    share_at,
    strip_prefixes,
    to_decimal,
    to_number,
    unit_from_context,
    weakness,
    words_value,
    written_thousands,
)
from .lang_script import normalise
from .lang_units import (
    AR_CONSTRUCT_DUALS,
    AR_DUAL_BASE,
    AR_DUALS,
    CHANGE_BEFORE,
    CLOCK_WORDS,
    MOROCCO,
    ONE_UNIT,
    PLURAL_FRACTIONS,
)

__all__ = ["LEX", "Figure", "Lexicon", "find_quantities_rtl", "read_figures"]

# A token: digits (with thousands commas and a decimal point), a word (Hebrew abbreviations keep
# their gershayim: ש"ח, ק"מ), or a symbol that is a unit.
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?|[^\W\d_]+(?:[\"'][^\W\d_]+)?|[%$€£₪]")
_LATIN = re.compile(r"[A-Za-z]")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_DATE_NUM = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}")
_CUR_SYMBOL = {"$": "USD", "€": "EUR", "£": "GBP", "₪": "ILS"}
_YEAR_WORDS = {fold(w) for w in ("عام", "سنة", "العام", "لعام", "بعام", "شנת", "בשנת", "שנת", "מאז", "منذ")}
# A day of the month is a date, not a figure: "6 مارس", "15 تشرين الأول", "7 באוקטובר".
_MONTH_AFTER = {
    "ar": re.compile(
        r"\s*(?:من\s+)?(?:شهر\s+)?(?:" + alt([*vocab_ar.MONTHS.split("|"), vocab_ar.MONTH_AMBIGUOUS]) + r")(?![^\W\d_])"
    ),
    "he": re.compile(r"\s*(?:ב|ל)?-?(?:" + alt(vocab_he.MONTHS.split("|")) + r")(?![^\W\d_])"),
}
_HE_DAY_N = {"היום", "ביום", "יום"}
_TWICE = {fold(w) for w in ("مرتين", "مرتان", "פעמיים", "כפליים")}  # "גדול כפליים": twice as large
# Arabic duals of counted nouns say "two" alone ("قتيلين"); the wider ones (lang_units) only without
# "ال" ("حل الدولتين" names a policy, not two states).
_DUAL_NOUNS, _MORE_DUALS, _CONSTRUCT = ({fold(w): u for w, u in t.items()} for t in (AR_DUAL_BASE, AR_DUALS, AR_CONSTRUCT_DUALS))
_TWO_WORDS = {fold(w) for w in ("اثنين", "اثنتين", "اثنان", "اثنتان")}  # "متهمَين اثنين": the noun, then "two"
# what follows "my team" ("فريقي في المباراة", "فريقي لم يخسر"), never the noun of a construct dual ("فريقي إنقاذ")
_NOT_OWNED = {fold(w) for w in ("في", "من", "على", "إلى", "عن", "مع", "كله", "كلها", "قد", "لم", "لن", "لا", "هو", "هي", "كان",
                                 "كانت", "الذي", "التي", "و", "ثم")}
_PLURAL_FRACTIONS = {fold(w): v for w, v in PLURAL_FRACTIONS.items()}
_JOIN_GAP = re.compile(r"\s*[وו]-?\s*")
_DURATIONS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})
_MEASURE_UNITS = frozenset({"m", "km", "tonnes", "litres", "hectares", "dunams", "kg"})  # "مترين": two metres, a measure
_SINGLE_UNIT = {fold(w): u for w, u in (*ONE_UNIT.items(), ("متر", "m"), ("كيلومتر", "km"), ("طن", "tonnes"),
                                        ("ליטר", "litres"), ("מטר", "m"), ("קילומטר", "km"), ("טון", "tonnes"))}
_PAST_AFTER = re.compile(r"\s*(?:الماضي|الماضية|الماضيين|الاخيرة|الاخيرين|האחרונים|האחרונות|האחרון|האחרונה)(?![^\W\d_])")
_WITHIN = re.compile(r"(?:خلال|في\s+غضون|غضون|بغضون|בתוך|תוך|במהלך)\s*$")
_OVER_VERB = re.compile(
    r"(?<![^\W\d_])[وف]?(?:تجاوز|تجاوزت|يتجاوز|تخطي|تخطت|يتخطي|فاق|فاقت|يفوق)\s+(?:عدد|حصيلة|قيمة|نسبة|اجمالي|"
    r"درجات\s+الحرارة|درجة\s+الحرارة|الحرارة|منسوب|سرعة|التضخم|العجز|الدين|الخسائر|المبيعات|الصادرات|الطلب)"
    r"(?:\s+[^\W\d_]+){0,4}\s+$"
)
_ONE_UNIT = {fold(w): u for w, u in ONE_UNIT.items()}
_NAME_BEFORE = {fold(w) for w in ("כביש", "קו", "רציף", "طريق", "الطريق", "رقم", "الخط", "אביב", 'ת"א', "להב", "מסוג", "النوع",
                                   # a hotline, a section of a law, a resolution: numbers that name
                                   "מוקד", "טלפון", "סעיף", "المادة", "البند", "القرار", "قرار")}
_AR_DECADES = {fold(w): v for w, v in (("عقد", 10), ("عقدين", 20), ("عقدان", 20), ("قرن", 100), ("قرنين", 200))}
_AR_TIME_PREP = re.compile(r"(?<![^\W\d_])(?:منذ|خلال|قبل|بعد|طوال|لمدة|مدى|غضون)\s+$")
_TENOR = re.compile(r"(?:אג\"ח|אגרות\s+(?:ה)?חוב|اجل|سندات|اذون)(?:\s+[^\W\d_]+){0,2}?\s+(?:ל-?)?$")
_AND_GAP = re.compile(r"\s*[وו]-?\s*")
_ONE_WORDS = {fold(w) for w in ("אחד", "אחת", "واحد", "واحدة")}
_EACH = {fold(w) for w in ("כל", "לכל", "בכל", "ולכל", "كل", "لكل", "ولكل", "بكل")}
_AGE_BEFORE = re.compile(r"(?:من\s+العمر|البالغ|البالغة|بعمر|عمره|عمرها|בן|בת|בני|בנות|בגיל|גיל)\s*$")
# Towns whose names hold a number word: "באר שבע" (seven), "קריית שמונה" (eight), "بئر السبع"
_PLACE_HEADS = {fold(w) for w in ("באר", "קריית", "קרית", "תל", "بئر", "بير")}


def _unit_at(toks: list[Tok], j: int, lex: Lexicon, norm: str, value_end: int,
             after: bool = True) -> tuple[str | None, str, int, int, float]:
    """(unit, kind, end offset, tokens used, multiplier) for what follows a number at ``toks[j]`` (or, with
    ``after`` false, the noun before a "one": "ובאישום אחד")."""
    if j < len(toks) and toks[j].word == "%" and toks[j].start - value_end <= 1:
        return "percent", "percent", toks[j].end, 1, 1
    m = PATTERNS[lex.lang]["point"].match(norm, value_end, value_end + 40)
    if m:
        # the labels spell them out as the guidelines' other units ("percentage points"; the figure check folds both)
        unit = "basis points" if m.group().rstrip().endswith(("اساس", "בסיס")) else "percentage points"
        return unit, "percentage_point", m.end(), 0, 1
    m = PATTERNS[lex.lang]["percent"].match(norm, value_end, value_end + 40)
    if m:
        return "percent", "percent", m.end(), 0, 1
    if j >= len(toks) or toks[j].start - value_end > 3 or norm[value_end:toks[j].start].strip(" -"):
        return None, "count", value_end, 0, 1  # "בן 52, תושב אריחא": no unit across a comma
    w = toks[j].word
    # a Hebrew noun counted by the number before it takes no preposition: "300 במבנה" is 300 in a building
    # ("ארבעה מהפצועים": of the wounded, is partitive)
    forms = strip_prefixes(w, lex) if lex.lang == "ar" or not after else [w] + (
        [w[1:]] if w[:1] in ("ה", "מ") and len(w) > 3 else []) + ([w[2:]] if w[:2] == "מה" and len(w) > 4 else [])
    if j + 1 < len(toks) and toks[j + 1].start - toks[j].end == 1:  # two-word nouns: "כלי רכב", "חיילי מילואים"
        joint = norm[toks[j].end]  # "מגה-ואט": a hyphenated unit is two tokens
        for f in forms:
            pair = f"{f}{' ' if joint.isspace() else joint}{toks[j + 1].word}"
            if pair in lex.groups:
                end = toks[j + 1].end
                if lex.groups[pair] == "km/h" and j + 2 < len(toks) and toks[j + 2].word in ("الساعة", "ساعة"):
                    end = toks[j + 2].end  # "ستين كيلومتراً في الساعة": the hour is the unit's, no time of day
                return lex.groups[pair], "count", end, 0, 1
            if joint == "-" and pair in lex.measures:
                return lex.measures[pair], "measure", toks[j + 1].end, 0, 1
    for f in forms:
        if f in lex.currencies or w in _CUR_SYMBOL:
            code = lex.currencies.get(f) or _CUR_SYMBOL[w]
            end = toks[j].end
            if j + 1 < len(toks) and toks[j + 1].word in lex.currency_country:
                code = lex.currency_country[toks[j + 1].word]
                end = toks[j + 1].end
            elif code == "AED" and MOROCCO.search(norm):
                code = "MAD"  # a dirham in a Moroccan story is the Moroccan one
            return code, "money", end, 0, 1
        # ("ביממה אחת", "ليوم واحد": before its "one" a unit of time takes its preposition)
        if f in lex.time_units and (f == w or w[:1] in ("ه", "ה") or w.startswith("ال") or not after):
            return lex.time_units[f], "duration", toks[j].end, 0, 1
        if f in lex.measures:
            unit = lex.measures[f]
            end = toks[j].end
            if j + 1 < len(toks) and toks[j + 1].word in lex.square and unit == "km":
                unit, end = "km2", toks[j + 1].end
            return unit, "measure", end, 0, 1
        if f in lex.multipliers and lex.lang == "ar":  # "ثلاثة أضعاف": three times
            return "times", "multiplier", toks[j].end, 0, 1
        if f in lex.groups:  # a role ("مدنيا": civilians) before people in general
            return lex.groups[f], "count", toks[j].end, 0, 1
        if f in lex.people:
            end = toks[j].end
            if lex.lang == "he" and f == "בני" and j + 1 < len(toks) and toks[j + 1].word in ("אדם", "ערובה"):
                end = toks[j + 1].end
            return "people", "count", end, 0, 1
    if lex.lang == "ar" and w == "من" and j + 1 < len(toks):  # "12 من المدنيين"
        for f in strip_prefixes(toks[j + 1].word, lex):
            if f in lex.groups or f in lex.people:
                return lex.groups.get(f, "people"), "count", toks[j + 1].end, 0, 1
    return None, "count", value_end, 0, 1


def _WORDISH_NUM(tok: Tok) -> bool:
    return tok.word[:1].isdigit() or num_kind(tok.word, LEX["ar"], True) is not None


def _tokens(norm: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm)]


def read_figures(norm: str, lang: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in ``norm[start:end]`` (normalised text), in order; years, dates and clock times left out."""
    lex = LEX.get(lang, LEX["ar"])
    end = len(norm) if end is None else end
    toks = [t for t in _tokens(norm) if start <= t.start and t.end <= end] if (start, end) != (0, len(norm)) else _tokens(norm)
    out: list[Figure] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        core = t.start
        fig: Figure | None = None
        if t.word[0].isdigit():
            prev = norm[t.start - 1:t.start]
            skip_to = _CLOCK.match(norm, t.start) or _DATE_NUM.match(norm, t.start)
            if _LATIN.match(prev) or prev in (".", ",", ":", "/") or skip_to:
                i += 1
                while skip_to and i < n and toks[i].start < skip_to.end():
                    i += 1
                continue
            if norm[t.end:t.end + 1] in (":", "/") and norm[t.end + 1:t.end + 2].isdigit():
                i += 1
                continue
            q_start = t.start
            glued = i > 0 and toks[i - 1].end >= t.start - 1 and norm[toks[i - 1].end:t.start] in ("", "-")
            prefix = toks[i - 1].word if glued and toks[i - 1].word[0].isalpha() else ""
            if prefix and prefix not in lex.prefixes and prefix not in ("ה", "وال", "ال"):
                i += 1
                continue
            if prefix == "ה" and not _unit_at(toks, i + 1, lex, norm, t.end)[0]:  # "המאה ה-20": an ordinal
                if i > 1 and toks[i - 2].word in _HE_DAY_N:  # "השביתה נמשכה היום ה־23": for 23 days so far
                    out.append(Figure(toks[i - 1].start, t.end, int(t.word), "exact", "days", "duration", t.start))
                i += 1
                continue
            value = to_decimal(t.word)
            j = i + 1
            scaled = False
            while j < n and toks[j].start - toks[j - 1].end <= 2:
                sk = num_kind(toks[j].word, lex, False) if toks[j].word[:1] not in ("و", "ו") else None
                if sk is None or sk[0] != "mscale":
                    break
                value = value * Decimal(str(sk[1]))
                scaled = True
                j += 1
                if j < n and toks[j].word in HALF_AFTER:  # "3 ملايين ونصف"
                    value += Decimal(str(sk[1])) / 2
                    j += 1
            value_end = toks[j - 1].end
            if prefix.endswith("כ"):  # "כ־300": about 300
                qualifier, q_at = "approx", toks[i - 1].start
            else:
                # a glued "מ"/"ל" belongs to the qualifier ("יותר מ־300", "קרוב ל־300"); a conjunction does not
                qualifier, q_at = qualifier_at(norm, t.start, lex)
            if i > 0 and toks[i - 1].word in ("$", "€", "£", "₪") and toks[i - 1].end >= t.start - 1:
                unit, kind, u_end = _CUR_SYMBOL[toks[i - 1].word], "money", value_end
                q_start = toks[i - 1].start
                if qualifier == "exact":
                    q_at = q_start
                j2 = j
            elif (i > 0 and toks[i - 1].word == "%" and toks[i - 1].end == t.start and not scaled
                  and not (i > 1 and toks[i - 2].end == toks[i - 1].start and toks[i - 2].word[0].isdigit())):
                # "بنسبة ٪20": the percent sign typed before the digits, as Arabic keyboards often leave it
                unit, kind, u_end = "percent", "percent", value_end
                q_start = toks[i - 1].start
                if qualifier == "exact":  # "بنحو ٪6.5": the qualifier stands before the sign
                    qualifier, q_at = qualifier_at(norm, q_start, lex)
                j2 = j
            else:
                unit, kind, u_end, _used, _m = _unit_at(toks, j, lex, norm, value_end)
                j2 = j
                while j2 < n and toks[j2].end <= u_end:
                    j2 += 1
            whole = "," not in t.word and "." not in t.word
            prev_tok = toks[i - 1].word if i > 0 and not glued else ""
            if unit is None and not scaled and whole and (
                (value <= 31 and _MONTH_AFTER[lex.lang].match(norm, value_end)) or prev_tok in CLOCK_WORDS
            ):
                i = j2
                continue  # a day of the month or a time of day
            if (unit is None or kind == "duration") and not scaled and whole and 1900 <= value <= 2100 and len(t.word) == 4:
                i = j2
                continue  # a year
            prev_word = toks[i - 1].word if i > 0 and not glued else ""
            if unit is None and not scaled and whole and prev_word and (
                    prev_word in _NAME_BEFORE or any(f in _NAME_BEFORE for f in strip_prefixes(prev_word, lex, definite=False))):
                i = j2
                continue  # "כביש 6", "الطريق 15": a name, not a figure
            if unit is None and not scaled and whole and prev_word in _YEAR_WORDS and value >= 1000:
                i = j2
                continue
            if unit is None and not scaled and _AGE_BEFORE.search(norm, max(0, q_start - 20), q_start) and not re.search(
                    r"البالغ[ةه]?\s*$", norm[max(0, q_start - 12):q_start]):
                unit, kind = "years", "age"  # "בן 67", "بعمر 30": an age ("البالغ 300": amounting to 300)
            if kind == "duration" and unit == "years" and (
                _AGE_BEFORE.search(norm, max(0, q_start - 20), q_start) or norm[q_start - 1:q_start] == "("
            ):
                kind = "age"
            if unit is None and lex.lang == "he" and prev_tok == "פי":  # "פי 3": three times
                q_at, unit, kind = toks[i - 1].start, "times", "multiplier"
            fig = Figure(q_at, u_end, to_number(value), qualifier, unit, kind, core)
            i = j2
        else:
            if lex.lang == "he" and t.word[:1] == "כ" and t.word[1:] in _ONE_UNIT and t.word != "כיום":  # "כיום": nowadays
                out.append(Figure(t.start, t.end, 1, "approx", _ONE_UNIT[t.word[1:]], "duration", t.start))
                i += 1  # "כשבוע", "כשנה": about a week, a year
                continue
            if t.word in _ONE_UNIT and _WITHIN.search(norm, max(0, t.start - 12), t.start) and not (
                    i + 1 < n and (toks[i + 1].word[0].isdigit() or toks[i + 1].word in _ONE_WORDS)):
                out.append(Figure(t.start, t.end, 1, "at_most", _ONE_UNIT[t.word], "duration", t.start))
                i += 1  # "בתוך שנה", "خلال أسبوع": within one year, week (not "خلال عام 2023")
                continue
            if (term := one_term(toks, i, lex)) is not None:  # "נידון לשנה מאסר", "נמשך שעה וחצי", "استمر شهرا"
                unit = _ONE_UNIT[t.word[t.word[:1] == "ל":] if lex.lang == "he" else t.word.removesuffix("ا")]
                out.append(Figure(t.start, toks[i + term[1] - 1].end, term[0], "exact", unit, "duration", t.start))
                i += term[1]
                continue
            decade = _AR_DECADES.get(t.word) if lex.lang == "ar" else None
            if decade is not None:
                # "منذ أكثر من عقد", "منذ عقدين": decades in years ("عقد" is also "contract", "held": not alone)
                q = qualifier_at(norm, t.start, lex)
                if q[0] != "exact" or _AR_TIME_PREP.search(norm, max(0, t.start - 12), t.start):
                    out.append(Figure(min(q[1], t.start), t.end, decade, q[0], "years", "duration", t.start))
                    i += 1
                    continue
            if lex.lang == "he" and t.word in ("עשור", "כעשור", "מעשור", "לעשור"):
                # "מזה עשור", "כעשור", "יותר מעשור": a decade is ten years ("בעשור האחרון" is a period, no figure)
                if t.word == "כעשור":
                    q = ("approx", t.start)
                elif t.word == "עשור":
                    q = qualifier_at(norm, t.start, lex)
                else:
                    q = qualifier_at(norm[:t.start + 1], t.start + 1, lex)
                if t.word in ("עשור", "כעשור") or q[0] != "exact":
                    out.append(Figure(min(q[1], t.start), t.end, 10, q[0], "years", "duration", t.start))
                    i += 1
                    continue
            one = one_unit_qualified(toks, i, lex, norm) if (t.word in _ONE_UNIT or t.word[1:] in _ONE_UNIT) else None
            if one is not None:  # "أقل من شهر", "יותר משנה": less than a month, more than a year
                out.append(one)
                i += 1
                continue
            if t.word in _ONE_WORDS and i > 0 and toks[i - 1].word in _EACH:
                i += 1  # "כל אחד מהנאשמים", "كل واحد من المتهمين": each, no count
                continue
            # "بين متر ومترين", "بين ساعة وساعتين", "בין שעה לשעתיים": a unit alone opening a range is one of it
            single = (_SINGLE_UNIT[t.word], 1) if (
                t.word in _SINGLE_UNIT and i > 0 and toks[i - 1].word in ("بين", "בין") and i + 1 < n
                and toks[i + 1].word[:1] in ("و", "ו", "ל") and toks[i + 1].start - t.end <= 2) else None
            if single is None and t.word not in lex.numberish and t.word[1:] not in lex.numberish and (
                t.word[2:] not in lex.numberish and t.word[3:] not in lex.numberish
            ):
                i += 1  # most words are no number: four set look-ups say so before any prefix is stripped
                continue
            dual = single
            for f in strip_prefixes(t.word, lex) if dual is None else ():
                if f in lex.dual_time:
                    dual = lex.dual_time[f]
                    break
            if dual is None and t.word in _TWICE:
                dual = ("times", 2)
            if dual is None:
                for f in strip_prefixes(t.word, lex):
                    if f in _DUAL_NOUNS or (f in _MORE_DUALS and "ال" not in t.word[:4]):  # "قتيلين": two dead
                        dual = (_DUAL_NOUNS.get(f) or _MORE_DUALS[f], 2)
                        break
                    if f in _CONSTRUCT and f == t.word.lstrip("وبل") and i + 1 < n and toks[i + 1].start == t.end + 1 and (
                            not _WORDISH_NUM(toks[i + 1]) and toks[i + 1].word not in _NOT_OWNED):
                        dual = (_CONSTRUCT[f], 2)  # "فريقي إطفاء": two teams of firefighters
                        break
            if dual is not None and dual[0] not in _DURATIONS and out and out[-1].value == 2 and out[-1].end == t.start - 1 and (
                    out[-1].kind == "count" and lex.lang == "ar" and t.word[:1] != "و"):
                # "طائرتين مسيّرتين", "فريقان طبيان": the second dual agrees with the first, one figure
                out[-1].end = t.end
                out[-1].unit = dual[0] if (out[-1].unit, dual[0]) == ("aircraft", "drones") else out[-1].unit
                i += 1
                continue
            if dual is not None:
                qualifier, q_at = qualifier_at(norm, t.start, lex)
                if qualifier == "exact" and lex.lang == "he" and t.word[:1] == "כ" and t.word[1:] in lex.dual_time:
                    qualifier = "approx"  # "כשבועיים", "כיומיים": about two weeks, two days
                kind = ("multiplier" if dual[0] == "times" else "duration" if dual[0] in _DURATIONS
                        else "measure" if dual[0] in _MEASURE_UNITS else "count")
                fig = Figure(q_at, t.end, dual[1], qualifier, dual[0], kind, t.start)
                i += 1
            elif lex.lang == "he" and t.word in ("פי", "מפי") and i + 1 < n:
                got = words_value(toks, i + 1, lex, norm)
                # "יותר מפי שניים": more than twice; "מפי" alone is "from the mouth of"
                qualifier, q_at = qualifier_at(norm[:t.start + 1], t.start + 1, lex) if t.word == "מפי" else (
                    qualifier_at(norm, t.start, lex))  # "כמעט פי שלושה": nearly three times
                if got and (t.word == "פי" or qualifier != "exact"):
                    fig = Figure(min(q_at, t.start), toks[got[1] - 1].end, to_number(got[0]), qualifier, "times", "multiplier",
                                 t.start)
                    i = got[1]
                else:
                    i += 1
            elif t.word in HALF_AFTER and i > 0 and toks[i - 1].word in _ONE_UNIT and toks[i - 1].end >= t.start - 1 and (
                    not out or out[-1].end < toks[i - 1].start):
                qualifier, q_at = qualifier_at(norm, toks[i - 1].start, lex)  # "بعد ساعة ونصف", "שעה וחצי": 1.5 hours
                fig = Figure(q_at, t.end, 1.5, qualifier, _ONE_UNIT[toks[i - 1].word], "duration", toks[i - 1].start)
                i += 1
            elif (share := share_at(toks, i, lex, norm, _unit_at)) is not None:
                value = share
                adjacent = i + 1 < n and toks[i + 1].start - t.end <= 2 and not norm[t.end:toks[i + 1].start].strip()
                nxt = num_kind(toks[i + 1].word, lex, True) if adjacent else None
                qualifier, q_at = qualifier_at(norm, t.start, lex)
                if qualifier == "exact" and lex.lang == "he" and t.word != f:
                    if t.word[:1] == "כ":  # "כמחצית": about half
                        qualifier = "approx"
                    elif t.word[:1] in ("מ", "ל"):  # "יותר ממחצית"
                        qualifier, q_at = qualifier_at(norm[:t.start + 1], t.start + 1, lex)
                        q_at = min(q_at, t.start)
                if nxt and nxt[0] == "mscale":  # "نصف مليون", "חצי מיליון"
                    unit, kind, u_end, _u, _m = _unit_at(toks, i + 2, lex, norm, toks[i + 1].end)
                    fig = Figure(q_at, u_end, to_number(value * nxt[1]), qualifier, unit, kind, t.start)
                    i += 2
                else:
                    unit, kind, u_end, _u, _m = _unit_at(toks, i + 1, lex, norm, t.end)
                    # "نصف ساعة", "חצי שעה", "רבע נקודת אחוז", "בחצי אחוז": half of the unit, not a share
                    if kind in ("duration", "percentage_point", "percent"):
                        fig = Figure(q_at, u_end, *((6, qualifier, "months") if (value, unit) == (0.5, "years") else (
                            round(value, 4), qualifier, unit)), kind, t.start)  # "כחצי שנה": about six months
                        i += 2
                    else:
                        fig = Figure(q_at, t.end, round(value, 4), qualifier, "fraction", "fraction", t.start)
                        i += 1
            elif lex.lang == "ar" and any(f in lex.multipliers for f in strip_prefixes(t.word, lex)) and not weakness(
                    toks, i):
                f = next(f for f in strip_prefixes(t.word, lex) if f in lex.multipliers)
                qualifier, q_at = qualifier_at(norm, t.start, lex)  # "أكثر من ضعف": more than double
                fig = Figure(q_at, t.end, lex.multipliers[f], qualifier, "times", "multiplier", t.start)
                i += 1
            else:
                got = words_value(toks, i, lex, norm)
                if got is None:
                    i += 1
                    continue
                value, j, scaled = got
                # "שני" / "الاثنين" as a weekday, "one of": not figures
                prev_word = toks[i - 1].word if i > 0 else ""
                if (prev_word in ("יום", "ביום", "יום", "מיום") or t.word in ("الاثنين", "والاثنين") or (
                        t.word == "اثنين" and prev_word in ("يوم", "ويوم"))) and j == i + 1:  # "اليوم الاثنين": Monday
                    i = j
                    continue
                if prev_word and toks[i - 1].end >= t.start - 1 and any(
                        f in _PLACE_HEADS for f in strip_prefixes(prev_word, lex, definite=False)):
                    i = j  # "באר שבע", "بئر السبع": a town
                    continue
                value_end = toks[j - 1].end
                if j < n and toks[j].word in _PLURAL_FRACTIONS and value < 10:  # "שני שלישים": two thirds
                    frac = round(float(value) * _PLURAL_FRACTIONS[toks[j].word], 4)
                    qualifier, q_at = ("approx", t.start) if lex.lang == "he" and t.word[:1] == "כ" and (
                        num_kind(t.word, lex, False) is None) else qualifier_at(norm, t.start, lex)  # "כשני שלישים"
                    out.append(Figure(q_at, toks[j].end, frac, qualifier, "fraction", "fraction", t.start))
                    i = j + 1
                    continue
                unit, kind, u_end, _used, _m = _unit_at(toks, j, lex, norm, value_end)
                j2 = j
                while j2 < n and toks[j2].end <= u_end:
                    j2 += 1
                definite = j < n and toks[j].word[:1] == "ה" and lex.lang == "he"  # "באחד המקרים": one of
                two = value == 2 and t.word in _TWO_WORDS and lex.lang == "ar"
                if two and out and out[-1].value == 2 and out[-1].end == toks[i - 1].end and i > 0:
                    out[-1].end = t.end  # "شاهدين اثنين": the dual, then "two" again
                    i = j2
                    continue
                if (value == 1 or two) and (unit is None or (two and unit == "people")) and not scaled and i > 0 and (
                        toks[i - 1].end >= t.start - 1):
                    # "شخص واحد", "חייל אחד": the count follows its noun
                    noun = _unit_at(toks, i - 1, lex, norm, toks[i - 1].start, after=False)
                    if noun[0] is not None and noun[1] in ("count", "duration"):
                        qualifier, q_at = qualifier_at(norm, toks[i - 1].start, lex)  # "أقل من يوم واحد"
                        if qualifier == "exact" and noun[1] == "duration" and _WITHIN.search(
                                norm, max(0, toks[i - 1].start - 12), toks[i - 1].start):
                            qualifier = "at_most"  # "خلال يوم واحد", "בתוך שבוע אחד": within
                        fig = Figure(q_at, t.end, to_number(value), qualifier, noun[0], noun[1], toks[i - 1].start)
                        out.append(fig)
                        i = j2
                        continue
                if value == 1 and (unit is None or definite) and not scaled:
                    i = j2
                    continue
                if unit is None and not scaled and lex.lang == "ar" and t.word.startswith(("ال", "وال", "بال", "لل")) and (
                        i > 0 and toks[i - 1].end >= t.start - 1 and toks[i - 1].word.startswith(("ال", "وال", "بال", "لل"))):
                    # "الأسابيع الستة", "المفقودين الثلاثة": a definite number after the noun it counts
                    noun = _unit_at(toks, i - 1, lex, norm, toks[i - 1].start)
                    if noun[0] is None and i > 1 and toks[i - 2].end >= toks[i - 1].start - 1 and (
                            not toks[i - 2].word.startswith("ال")):  # "مراكز العلاج الثلاثة": the construct's head
                        noun = _unit_at(toks, i - 2, lex, norm, toks[i - 2].start)
                    if noun[0] is not None and noun[1] in ("count", "duration"):
                        unit, kind = noun[0], noun[1]
                first = t.word
                prefix_approx = lex.lang == "he" and first[:1] == "כ" and num_kind(first, lex, False) is None
                hyphen_approx = lex.lang == "he" and i > 0 and toks[i - 1].word == "כ" and norm[toks[i - 1].end:t.start] == "-"
                if hyphen_approx:  # "כ-עשרה"
                    qualifier, q_at = "approx", toks[i - 1].start
                elif prefix_approx:
                    qualifier, q_at = "approx", t.start
                else:
                    glued = first[:1] in ("מ", "ל", "ب") and num_kind(first[1:], lex, False) is not None
                    # "יותר משלושת אלפים", "לפחות משלושים" (fewer than), "تقدر بعشرين": the glued letter is the qualifier's
                    qualifier, q_at = qualifier_at(norm[:t.start + 1], t.start + 1, lex) if glued else ("exact", t.start)
                    if qualifier == "exact":
                        qualifier, q_at = qualifier_at(norm, t.start, lex)
                fig = Figure(q_at, u_end, to_number(value), qualifier, unit, kind, t.start)
                i = j2
        if fig is None or (fig.kind == "duration" and _TENOR.search(norm, max(0, fig.start - 40), fig.start)):
            continue  # "האג"ח הממשלתיות לעשר שנים", "سندات لأجل عشر سنوات": a bond's term names the bond
        if fig.kind == "duration" and isinstance(fig.value, int) and i < n and toks[i].word in HALF_AFTER and (
                toks[i].start - fig.end <= 2):
            fig.value, fig.end = fig.value + 0.5, toks[i].end  # "ثلاث ساعات ونصف", "שלוש שעות וחצי": 3.5 hours
            i += 1
        m = PATTERNS[lex.lang]["after"].match(norm, fig.end, fig.end + 20)
        if m:
            if fig.qualifier == "exact":
                fig.qualifier = dict(lex.q_after)[" ".join(m.group("q").split())]
            fig.end = m.end()
            while i < n and toks[i].start < fig.end:
                i += 1
        if fig.kind == "duration" and fig.qualifier == "exact" and _WITHIN.search(norm, max(0, fig.start - 12), fig.start) and (
                not (norm.startswith("ال", fig.core) or _PAST_AFTER.match(norm, fig.end))):  # not "خلال اليومين الماضيين"
            fig.qualifier = "at_most"  # "خلال 24 ساعة", "בתוך שעתיים": within
        if fig.qualifier == "exact" and fig.kind in ("count", "money", "percent", "measure") and _OVER_VERB.search(
                norm, max(0, fig.start - 45), fig.start):
            fig.qualifier = "more_than"  # "تجاوز عدد العاطلين 400 ألف": the count passed 400,000
        if out and fig.start < out[-1].end:
            fig.start = max(fig.core, out[-1].end)
        # "مليار و200 مليون", "מיליון ו-200 אלף": one figure written in two parts
        if out and _JOIN_GAP.fullmatch(norm, out[-1].end, fig.core) and out[-1].kind in ("count", "money") and (
            isinstance(out[-1].value, int) and out[-1].qualifier != "at_most" and (
                out[-1].value >= 10**6 or (out[-1].unit is None and written_thousands(norm, out[-1], lex)))
        ):
            scale = (10**9 if out[-1].value % 10**9 == 0 else 10**6 if out[-1].value % 10**6 == 0
                     else 1000 if out[-1].value % 1000 == 0 else 0)
            if scale and 0 < fig.value < scale and (out[-1].unit is None or out[-1].unit == fig.unit or fig.unit is None):
                prev = out[-1]
                prev.value = to_number(Decimal(prev.value) + Decimal(str(fig.value)))
                prev.end, prev.unit = fig.end, prev.unit or fig.unit
                prev.kind = "money" if prev.unit and prev.unit.isupper() else prev.kind
                continue
        age_after_word(norm, fig, lex)  # "עד גיל שש", "מעל גיל 65"
        if out and out[-1].kind == "age" and fig.unit is None and _AND_GAP.fullmatch(norm, out[-1].end, fig.core) and (
                not norm[fig.end:fig.end + 2].strip()[:1].isalpha()):
            fig.unit, fig.kind = "years", "age"  # "בני 19 ו־22", "بعمر 30 و35": ages both (not "ו-3 ילדיו")
        if fig.unit is None and fig.kind == "count":
            fig.unit = unit_from_context(norm, fig, out, lex)
        # "بين 30 و40", "בין 30 ל-40": a range
        if out and out[-1].qualifier == "exact" and fig.qualifier in ("exact", "at_most"):
            glued = norm[fig.core] in "לוو" and norm[fig.core + 1:fig.core + 2].isalpha()  # "לתשע", "وخمس"
            gap = norm[out[-1].end:fig.core + glued]
            before_prev = norm[max(0, out[-1].start - 8):out[-1].start]
            # "بين 30 و40", "מ-20 עד 30 אלף", "1% עד 3%"; not a change "ارتفع من 2% إلى 3%", "עלה מ-2% ל-3%"
            lead = norm[max(0, out[-1].start - 60):out[-1].start]
            lead = lead[max(lead.rfind(c) for c in ",،;؛.:") + 1:]  # the clause of the first bound only
            changed = re.search(CHANGE_BEFORE, lead)
            between = re.search(r"(?:بين|בין)\s*$", before_prev)
            # "מ־62 דקות ל־48 דקות": Hebrew "from ... to" is a change; "מ־20 עד 30" and "בין 20 ל־30" are ranges
            he_change = lex.lang == "he" and re.fullmatch(r"\s*ל-?\s*", gap) is not None
            # "10 עד 12 שנות מאסר": a bare number, "up to", then the unit both share
            bare_upto = (lex.lang == "he" and re.fullmatch(r"\s*(?:-|עד)\s*", gap) is not None and out[-1].unit is None
                         and fig.unit is not None and out[-1].kind == "count" and out[-1].value < fig.value)
            if re.fullmatch(r"\s*(?:و|ו|ל|ל-|-|إلى|الى|الي|עד)\s*", gap) and (between or (
                    not changed and ((re.search(r"(?:\bو?من|מ-?)\s*$", before_prev) and not he_change) or bare_upto or (
                        re.fullmatch(r"\s*(?:-|עד|الي)\s*", gap) and fig.unit == out[-1].unit == "percent")))):
                out[-1].qualifier = "at_least"
                fig.qualifier = "at_most"
                if out[-1].unit is None:  # "بين 10 و12 عاما": both bounds are years
                    out[-1].unit = fig.unit
                    out[-1].kind = fig.kind if fig.unit is not None else out[-1].kind
                scaled_fig = any((num_kind(w, lex, False) or ("",))[0] == "mscale"
                                 for w in re.findall(r"[^\W\d_]+", norm[fig.core:fig.end]))
                for scale in (10**9, 10**6, 1000):  # "بين 15 و20 ألف": the scale is both bounds'
                    if scaled_fig and isinstance(fig.value, int) and fig.value % scale == 0 and (
                            1 <= out[-1].value < fig.value / scale):
                        out[-1].value = to_number(Decimal(str(out[-1].value)) * scale)
                        break
            elif (out[-1].unit is None and out[-1].kind == "count" and fig.unit is not None and fig.kind != "duration"
                  and re.fullmatch(r"\s*(?:إلى|الى|الي|ל-?)\s*", gap)
                  and re.search(r"(?:من|מ-?)\s*$", before_prev)):
                # "ارتفع من 5 إلى 8 جنيهات", "עלה מ־5 ל־8 שקלים": a change's first figure counts the same thing
                out[-1].unit, out[-1].kind = fig.unit, fig.kind
        out.append(fig)
    return out


def qualifier_before(norm: str, start: int, lang: str) -> tuple[str, int]:
    """(qualifier, where it starts) of a figure starting at ``start`` of normalised text."""
    return qualifier_at(norm, start, LEX.get(lang, LEX["ar"]))


def noun_unit(norm: str, start: int, lang: str) -> tuple[str | None, int]:
    """(unit, end) of the counted noun at ``start`` of normalised text ("الأغنام": sheep), or (None, start)."""
    toks = _tokens(norm[start:start + 40])
    if not toks or toks[0].start > 1:
        return None, start
    unit, kind, end, _used, _m = _unit_at(toks, 0, LEX.get(lang, LEX["ar"]), norm[start:start + 40], 0)
    return (unit, start + end) if unit is not None and kind == "count" else (None, start)


def find_quantities_rtl(text: str, lang: str):
    """QuantityMatch for every figure of an Arabic or Hebrew ``text``, offsets in ``text`` itself."""
    from .numbers import QuantityMatch  # the shared shape; imported here because numbers imports this module

    norm, index = normalise(text)
    out = []
    for f in read_figures(norm, lang):
        s, e = index[f.start], index[f.end]
        out.append(QuantityMatch(s, e, f.value, f.qualifier, f.unit, text[s:e], f.kind))
    return out
