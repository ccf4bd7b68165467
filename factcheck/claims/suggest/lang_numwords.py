"""The number words of the Arabic and Hebrew reader (lang_numbers): a figure's shape, a token, a word
without its prefixes, the value of a run of number words ("ثلاثة ملايين ونصف", "שלושת אלפים") and the
qualifier before a figure. Split from lang_numbers, which reads whole figures with these."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .lang_ar import DECIMAL_POINT as DECIMAL_WORDS
from .lang_ar import TENTH
from .lang_lexicon import Lexicon, fold
from .lang_units import ONE_UNIT, TEEN_HEADS

_ONE_UNIT = {fold(w): u for w, u in ONE_UNIT.items()}

# A plural scale alone is vague ("آلاف الأشخاص", "מאות בני אדם"): only a count before it makes a figure.
_PLURAL_SCALES = {fold(w) for w in ("آلاف", "ملايين", "مليارات", "مئات", "אלפים", "מיליונים", "מיליארדים", "מאות")}
_DUAL_SCALES = {fold(w) for w in ("ألفا", "مليونا", "مليارا")}  # a construct dual reads like "أحد عشر مليونا"
HALF_AFTER = {fold(w) for w in ("ونصف", "וחצי")}
DECIMAL_POINT = {fold(w) for w in DECIMAL_WORDS}


@dataclass(slots=True)
class Figure:
    start: int  # qualifier included
    end: int
    value: float | int
    qualifier: str
    unit: str | None
    kind: str
    core: int  # where the number itself starts


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    word: str


_STRIP_CACHE: dict[tuple[str, str, bool], list[str]] = {}


def strip_prefixes(word: str, lex: Lexicon, definite: bool = True) -> list[str]:
    """The word and the word without each one- or two-letter prefix it may carry (و، ب، ل; ו, ب, ל, ה...)."""
    key = (lex.lang, word, definite)
    got = _STRIP_CACHE.get(key)
    if got is None:
        if len(_STRIP_CACHE) > 50_000:  # an article's vocabulary is far smaller; keep memory bounded
            _STRIP_CACHE.clear()
        got = _STRIP_CACHE[key] = _strip_uncached(word, lex, definite)
    return got


def _strip_uncached(word: str, lex: Lexicon, definite: bool) -> list[str]:
    out = [word]
    for p in lex.prefixes:
        if len(word) > len(p) + 1 and word.startswith(p):
            out.append(word[len(p):])
    if lex.lang == "ar":
        for p in ("ال", "وال", "بال", "لل", "من"):
            if len(word) > len(p) + 2 and word.startswith(p):
                out.append(word[len(p):])
    elif definite and len(word) > 3 and word[0] == "ה":
        out.append(word[1:])
    return out


def num_kind(word: str, lex: Lexicon, first: bool) -> tuple[str, float] | None:
    """What a number word is: ("unit"|"ten"|"hundred"|"mscale"|"ascale", value), prefixes allowed."""
    if first:
        forms = strip_prefixes(word, lex, definite=False)
    else:  # later words of a number take only "و"/"ו": "خمسة وعشرون"
        forms = [word] + ([word[1:]] if word[:1] in ("و", "ו") and len(word) > 2 else [])
    for w in forms:
        if w in lex.units:
            return "unit", lex.units[w]
        if w in lex.tens:
            return "ten", lex.tens[w]
        if w in lex.hundreds:
            return "hundred", lex.hundreds[w]
        if w in lex.scales:
            value, mult = lex.scales[w]
            return ("mscale" if mult else "ascale"), value
    return None


def to_decimal(digits: str) -> Decimal:
    if re.fullmatch(r"\d+,\d{1,2}", digits):  # "3,5 مليون": a decimal comma
        digits = digits.replace(",", ".")
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return Decimal(0)


def to_number(value: Decimal | float) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return int(value) if float(value).is_integer() else float(value)


def words_value(toks: list[Tok], i: int, lex: Lexicon, norm: str) -> tuple[Decimal, int, bool] | None:
    """Read number words from ``toks[i]``: (value, index after, has a scale word)."""
    total = Decimal(0)
    current = Decimal(0)
    last = None
    j = i
    scaled = False
    last_scale = Decimal(0)
    if any(f in _PLURAL_SCALES for f in strip_prefixes(toks[i].word, lex)):  # "عشرات الآلاف", "ومئات": vague
        return None
    while j < len(toks):
        t = toks[j]
        if j > i and (t.start - toks[j - 1].end > 2 or norm[toks[j - 1].end:t.start].strip()):
            break
        joined = j > i and t.word[:1] in ("و", "ו") and len(t.word) > 2
        if j > i and last == "unit" and t.word in lex.teen_mark and current % 100 < 10 and (
                j == i + 1 or (lex.lang == "ar" and toks[j - 1].word[:1] == "و")):
            current += 10  # "خمسة عشر", and after hundreds "مئتين وأربعة عشر": 214
            last = "ten"
            j += 1
            continue
        if joined and lex.lang == "ar" and last in ("hundred", "scale") and t.word[1:] in TEEN_HEADS and (
                j + 1 < len(toks) and toks[j + 1].word in lex.teen_mark):
            current += TEEN_HEADS[t.word[1:]]  # "مئة واثنا عشر": 112
            last = "ten"
            j += 2
            continue
        kind = num_kind(t.word, lex, j == i)
        if kind is None and j == i and lex.lang == "ar" and t.word.lstrip("وبل") in ("احد", "احدي") and j + 1 < len(toks) and (
                toks[j + 1].word[:1] == "و" and toks[j + 1].word[1:] in lex.tens):
            current, last, j = Decimal(1), "unit", j + 1  # "إحدى وعشرين سنة": twenty-one ("أحد" alone is "one of")
            continue
        if kind is None:
            teen = i + 1 < len(toks) and toks[i + 1].word in lex.teen_mark
            # "أحد عشر", "שנים עשר": eleven and twelve start with words that are no number alone
            if j == i and teen and (t.word in TEEN_HEADS or t.word[1:] in TEEN_HEADS):  # "כשנים-עשר": about twelve
                current, last, j = Decimal(TEEN_HEADS.get(t.word) or TEEN_HEADS[t.word[1:]]), "ten", j + 2
                continue
            break
        k, v = kind
        v = Decimal(str(v))
        if k in ("unit", "ten"):
            if joined and last == k:
                break  # "بين ثلاثة وخمسة أيام", "שלושה וחמישה": two numbers ("خمسة وعشرون" joins a unit and a ten)
            if last is not None and not joined:
                if k == "unit" and last == "unit":
                    break
                # ("מאה עשרים ושלושה": Hebrew writes a hundred's tens with no "and")
                if last in ("unit", "ten") or (last == "hundred" and lex.lang != "he") or (last == "scale" and not joined):
                    break
            if k == "unit" and last == "ten" and joined:
                current += v
            else:
                current += v
            last = k
        elif k == "hundred":
            if last == "unit" and not joined and v == 100:
                current = current * 100
            elif last is None or joined:
                current += v
            else:
                break
            last = "hundred"
        elif k == "mscale":
            if last == "scale" and not joined:
                break
            if last is not None and joined:
                break
            if last is None and lex.lang == "ar" and strip_prefixes(t.word, lex, definite=False)[-1] in _DUAL_SCALES and (
                    j + 1 < len(toks) and toks[j + 1].start - t.end == 1 and toks[j + 1].word not in HALF_AFTER
                    and toks[j + 1].word != "من" and not (
                        toks[j + 1].word[:1] == "و" and (num_kind(toks[j + 1].word, lex, False) or (
                            toks[j + 1].word == "و" and norm[toks[j + 1].end:toks[j + 1].end + 1].isdigit())))):
                # ("ألفاً ومئتي عينة": a thousand and two hundred, one figure)
                # "مليونا درهم" with no count before it and its noun after: the dual, two million;
                # "مليونا ونصف المليون", "مليونا من الزوار", "مليونا." is one million in the accusative
                v = v * 2
            total += (current or 1) * v
            current = Decimal(0)
            last = "scale"
            scaled = True
            last_scale = v
        else:  # a dual scale ("ألفين"): stands alone or after "و"
            if last is not None and not joined:
                break
            total += v
            last = "scale"
            scaled = True
            last_scale = v / 2
        j += 1
    if j == i:
        return None
    near = j < len(toks) and toks[j].start - toks[j - 1].end <= 2
    if lex.lang == "ar" and near and toks[j].word in DECIMAL_POINT and j + 1 < len(toks) and not scaled:
        after = words_value(toks, j + 1, lex, norm)  # "اثنين فاصلة ستة": 2.6
        if after is not None and not after[2] and 0 < after[0] < 100:
            return total + current + after[0] / (10 if after[0] < 10 else 100), after[1], False
    if not scaled and near and toks[j].word in HALF_AFTER and last in ("unit", "ten") and total + current < 100 and (
            lex.lang == "ar"):
        value = total + current + Decimal("0.5")  # "سبعة ونصف في المئة": 7.5
        scale = num_kind(toks[j + 1].word, lex, False) if j + 1 < len(toks) and toks[j + 1].start - toks[j].end <= 2 else None
        if scale and scale[0] == "mscale":  # "خمسة ونصف مليون دولار": 5.5 million
            return value * Decimal(str(scale[1])), j + 2, True
        return value, j + 1, False
    if scaled and j < len(toks) and toks[j].word in HALF_AFTER and toks[j].start - toks[j - 1].end <= 2:
        total += last_scale / 2  # "مليون ونصف", "מיליון וחצי", "مليار ونصف المليار"
        j += 1 + (j + 1 < len(toks) and toks[j + 1].word in ("المليار", "المليون", "مليار", "مليون") and (
            toks[j + 1].start - toks[j].end < 3))  # "مليار ونصف المليار", "مليار ونصف مليار"
    return total + current, j, scaled or last == "hundred"


_Q_PREFIXES = frozenset(("و", "ו", "ل", "ب", "ב", "ל"))


def qualifier_at(norm: str, start: int, lex: Lexicon) -> tuple[str, int]:
    before = norm[max(0, start - 30):start]
    stripped = before.rstrip(" -")
    for phrase, code in lex.q_last.get(stripped[-1:], ()):
        if stripped.endswith(phrase):
            at = len(stripped) - len(phrase)
            # a prefix or two ("وأكثر", "ولأكثر") before the phrase, not a word ending in it ("الوفاق" is no "فاق")
            k = at
            while k > 0 and at - k < 2 and stripped[k - 1] in _Q_PREFIXES:
                k -= 1
            if k == 0 or not stripped[k - 1].isalpha():
                return code, start - (len(before) - at)
    return "exact", start


_ONE_TIME = {fold(w) for w in ONE_UNIT}
_ONE_AFTER = {fold(w) for w in ("אחד", "אחת", "واحد", "واحدة")}
_TERM_AFTER = {fold(w) for w in ("מאסר", "עבודות", "מעצר")}
_TERM_BEFORE = {fold(w) for w in ("بالسجن", "بالحبس", "بسجنه", "بحبسه", "بسجنها", "بحبسها", "بسجنهم", "السجن", "الحبس")}
# "שנמשך שבוע", "استمر شهرا": what lasted one unit, no number written
_LASTED = {fold(w) for w in ("נמשך", "נמשכה", "נמשכו", "שנמשך", "שנמשכה", "שנמשכו", "ארך", "ארכה", "שארך", "שארכה",
                             "استمر", "استمرت", "دام", "دامت", "استغرق", "استغرقت", "واستمر", "واستمرت")}


def one_term(toks: list[Tok], i: int, lex: Lexicon) -> tuple[float, int] | None:
    """(value, tokens) of one unit of time with no number written: a prison term ("לשנה מאסר", "بالسجن عاما"),
    or what lasted ("שנמשך שבוע", "استمر شهرا", "נמשך שעה וחצי": one and a half)."""
    w = toks[i].word
    nxt = toks[i + 1].word if i + 1 < len(toks) else ""
    lasted = any(toks[k].word in _LASTED for k in range(max(0, i - (3 if lex.lang == "ar" else 1)), i))  # VSO in Arabic
    if lasted and (w if lex.lang == "he" else w.removesuffix("ا")) in _ONE_TIME:  # "واستمر الإضراب شهرا"
        if nxt in HALF_AFTER:
            return 1.5, 2
        return None if nxt[:1].isdigit() or nxt in _ONE_AFTER else (1, 1)
    if lex.lang == "he":
        term = w[:1] == "ל" and w[1:] in _ONE_TIME and nxt in _TERM_AFTER
    else:
        term = i > 0 and toks[i - 1].word in _TERM_BEFORE and w.removesuffix("ا") in _ONE_TIME and not nxt[:1].isdigit()
    return (1, 1) if term else None


_AGE_WORD = re.compile(r"(?<![^\W\d_])[לב]?גיל\s+$")


def age_after_word(norm: str, fig: Figure, lex: Lexicon) -> None:
    """"עד גיל שש", "מעל גיל 65", "מתחת לגיל חמש": a Hebrew figure after the word "age" is an age, qualified
    before that word (the figure is changed in place)."""
    age = _AGE_WORD.search(norm, max(0, fig.core - 12), fig.core) if lex.lang == "he" else None
    if age is None or fig.kind not in ("count", "age", "duration") or fig.unit not in (None, "years"):
        return
    fig.unit, fig.kind = "years", "age"
    if fig.qualifier == "exact":
        q, at = qualifier_at(norm, age.start() + (norm[age.start()] in "לב"), lex)
        if q != "exact":
            fig.qualifier, fig.start = q, min(fig.start, at)


def _definite(word: str) -> bool:
    return word.startswith(("ال", "وال", "بال", "لل", "فال", "كال"))


def _tenth(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """Unvowelled "عشر" is a tenth before a definite noun ("عُشر الحالات") and as "العشر" after a word that is
    no definite noun ("بانخفاض العُشر"); it is ten before an indefinite one ("عشر سنوات") and after its definite
    noun ("الأيام العشر")."""
    t = toks[i]
    if _definite(t.word):
        # "خلال العشر سنوات", "العشر الأواخر": ten before its noun or a word of order
        if i + 1 < len(toks) and toks[i + 1].start - t.end <= 2 and (toks[i + 1].word in _ORDER_AFTER or any(
                f in lex.time_units or f in lex.groups or f in lex.people for f in strip_prefixes(toks[i + 1].word, lex))):
            return False
        return i == 0 or not _definite(toks[i - 1].word) or toks[i - 1].end < t.start - 2
    return i + 1 < len(toks) and toks[i + 1].start - t.end <= 2 and _definite(toks[i + 1].word) and not (
        toks[i + 1].word.startswith(("الف", "الاف", "المئة", "المليون")))


def share_at(toks: list[Tok], i: int, lex: Lexicon, norm: str, unit_at: Callable) -> float | None:
    """The share that the fraction word at ``toks[i]`` names ("ربع", "ثلثها", "عُشر الحالات", "חצי"), or None.
    Unvowelled "خمس" is five before an indefinite counted noun or the rest of its number ("خمس سنوات", "خمس
    وعشرين") and a fifth before a definite one ("خمس السكان"); "عشر" is read by _tenth. ``unit_at`` is the
    number reader's noun reader (lang_numbers._unit_at)."""
    forms = strip_prefixes(toks[i].word, lex)
    if lex.lang == "ar" and _TENTH_FOLDED in forms:
        return 0.1 if _tenth(toks, i, lex) else None
    f = next((f for f in forms if f in lex.fractions), None)
    if f is None:
        return None
    if lex.lang == "ar" and f == "خمس" and i + 1 < len(toks) and toks[i + 1].start - toks[i].end <= 2:
        nxt = toks[i + 1].word
        if nxt in lex.teen_mark or (nxt[:1] == "و" and num_kind(nxt, lex, False) is not None):
            return None  # "خمس عشرة", "خمس وعشرون سنة": fifteen, twenty-five
        if not nxt.startswith(("ال", "من")) and unit_at(toks, i + 1, lex, norm, toks[i].end)[0] is not None:
            return None
    return lex.fractions[f]


_TENTH_FOLDED = fold(TENTH)
_ORDER_AFTER = {fold(w) for w in ("الأواخر", "الأوائل", "الأولى", "الأخيرة", "الماضية", "المقبلة", "الأخيرة")}
# "ضعف العدد": double the number; "ضعف الاستعداد", "ضعف الرقابة": weakness (the same letters)
_DOUBLE_OF = {fold(w) for w in ("العدد", "المبلغ", "الرقم", "المعدل", "المستوى", "السعر", "الكمية", "القيمة", "الحجم",
                                 "المساحة", "النسبة", "المتوسط", "الاجمالي", "الحد", "الطاقة", "ذلك", "هذا", "ما")}
_COMPARATIVES = {fold(w) for w in ("أكثر", "الأكثر", "أشد", "الأشد", "أقل", "الأقل")}


def weakness(toks: list[Tok], i: int) -> bool:
    """Unvowelled "ضعف" before a definite noun that is no amount is "weakness", not "double", and so is
    "ضعفا" after a comparative ("الفئات الأكثر ضعفا": the weakest groups)."""
    if i > 0 and toks[i - 1].word.lstrip("و") in _COMPARATIVES and toks[i].word.startswith("ضعف"):
        return True
    if i + 1 >= len(toks) or toks[i + 1].start - toks[i].end > 2 or fold(toks[i].word).lstrip("وبل") != "ضعف":
        return False
    nxt = toks[i + 1].word
    return nxt.startswith("ال") and nxt not in _DOUBLE_OF


def one_unit_qualified(toks: list[Tok], i: int, lex: Lexicon, norm: str) -> Figure | None:
    """One unit of time written as the noun alone after a qualifier: "أقل من شهر", "أكثر من عام",
    "יותר משנה" (the "מ" glued to the noun). Not before a year or a number ("أكثر من عام 2020")."""
    t = toks[i]
    if i + 1 < len(toks) and (toks[i + 1].word[0].isdigit() or toks[i + 1].word in ("واحد", "واحدة", "אחד", "אחת")):
        return None  # "أكثر من عام 2020" is a date; "أقل من يوم واحد" is read with its "one"
    if t.word in _ONE_UNIT:
        qualifier, q_at = qualifier_at(norm, t.start, lex)
    elif lex.lang == "he" and t.word[:1] in ("מ", "ל") and t.word[1:] in _ONE_UNIT:
        qualifier, q_at = qualifier_at(norm[:t.start + 1], t.start + 1, lex)
        q_at = min(q_at, t.start)
    else:
        return None
    if qualifier in ("exact", "approx", "at_most"):  # "عام" alone, "סביב השנה", "עד שנה" read otherwise
        return None
    return Figure(q_at, t.end, 1, qualifier, _ONE_UNIT[t.word if t.word in _ONE_UNIT else t.word[1:]], "duration", t.start)


# ("ارتفعت حصيلة القتلى إلى أربعين": a toll counts the dead)
_COUNT_OF = re.compile(r"(?<![^\W\d_])ו?(?:מספר|عدد|وعدد|حصيلة|وحصيلة)\s+(?P<n>[^\W\d_]+)[^\d.،,]{0,20}$")


def written_thousands(norm: str, fig: Figure, lex: Lexicon) -> bool:
    """"ألف و500", "שלושת אלפים ו-200": thousands in words, then the rest (digits "1,000 ו-500" are two)."""
    return fig.value >= 1000 and any((num_kind(w, lex, True) or ("",))[0] in ("mscale", "ascale")
                                     for w in re.findall(r"[^\W\d_]+", norm[fig.core:fig.end]))


_OF_THEM_GAP = re.compile(r"\s*[,،]?\s*(?:מהם|מהן|מתוכם|מתוכן|منهم|من\s+بينهم|بينهم)\s*")


def unit_from_context(norm: str, fig: Figure, out: list[Figure], lex: Lexicon) -> str | None:
    """A bare count takes the noun it counts from its clause: "מספר הפצועים עלה ל־47" (people),
    "47 פצועים, מהם שישה" (the figure before it)."""
    if out and out[-1].unit and _OF_THEM_GAP.fullmatch(norm, out[-1].end, fig.start):
        return out[-1].unit
    m = _COUNT_OF.search(norm, max(0, fig.start - 45), fig.start)
    if m:
        for f in strip_prefixes(m.group("n"), lex):
            if f in lex.groups or f in lex.people:
                return lex.groups.get(f, "people")
    return None
