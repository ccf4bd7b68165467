"""The clauses of an Arabic or Hebrew sentence (split from lang_engine).

A sentence is cut at commas, semicolons, a conjunction glued to a word or a figure and "فيما"/"בעוד";
the pieces are then merged back where a side holds nothing checkable of its own: lists, "including"
and "of them" phrases, short verbless list items with their figure, a subject and its age, a dateline,
circumstances after a toll, a source named at the end. A second figure with a verb of its own
("قتل 12 وأصيب 30"), a new report ("وأن ...") or the other side's account stays apart.
"""

from __future__ import annotations

import re

from .lang_cues import IN_A_ROW, LangCues
from .lang_forecast import AR_FUTURE
from .lang_numbers import Figure, noun_unit
from .lang_sentences import WORD, Sent, share_inside, word_count
from .lang_sources import HE_SO
from .lang_units import CHANGE_BEFORE

__all__ = ["clause_pieces", "has_content"]

# "..., ו־300 משפחות פונו": a comma, then "and" and a figure with a verb of its own after it
_COMMA_AND = re.compile(r"[,،] [וو]")
# "..., ושיעור ההצבעה הגיע ל־62%": after a comma, a subject that reached or stood at a figure is a claim of its own
_REACHED = re.compile(r"(?<![^\W\d_])(?:הגיע|הגיעה|הגיעו|עמד|עמדה|עמדו|הסתכם|הסתכמה|הסתכמו|נאמד|נאמדה|נאמדו|"
                      r"بلغ|بلغت|وصل|وصلت|سجل|سجلت)(?![^\W\d_])")
_AR_TO_FIGURE = re.compile(r"وال[^\W\d_]+\s+الي\s+(?:نحو\s+|حوالي\s+)?\d")
_AR_TO = re.compile(r"(?<![^\W\d_])الي\s+(?:نحو\s+|حوالي\s+)?\d")
_AR_REL = re.compile(r"(?<![^\W\d_])(?:التي|الذي|الذين|اللذين|اللتين)\s+")
# verbal nouns that list a toll or a sentence's penalties under one verb ("عن مقتل ... وإصابة ...", "بسجنه ... وتغريمه ...")
_AR_MASDARS = r"(?:مقتل|اصابة|جرح|نزوح|تشريد|تدمير|اعتقال|وفاة|تضرر|اغلاق|اجلاء|فقدان|سجن|حبس|تغريم|الزام|مصادرة|غرامة)"
_AR_MASDAR_ITEM = re.compile(rf"وب?{_AR_MASDARS}(?:ه|ها|هم|هما)?(?![^\W\d_])")
_AR_MASDAR_HEAD = re.compile(rf"(?:(?<![^\W\d_])(?:عن|الي|في)\s+|(?<![^\W\d_])ب){_AR_MASDARS}(?:ه|ها|هم|هما)?(?![^\W\d_])")
_FRONTED = re.compile(r"(?:[בל][^\W\d_]{2,}|في|خلال|ب[^\W\d_]{2,})(?![^\W\d_])")
_RELATIVE_START = re.compile(r"ש[^\W\d_]{2,}|(?:الذي|التي|الذين)(?![^\W\d_])")
_VALUE_OF = re.compile(r"(?:בהיקף|בשווי|בעלות|בסכום|בגובה|בסך|ברוב|باغلبية|بقيمة|بكلفة|بتكلفة|بحجم|بمبلغ|باجمالي|"
                       r"بقيمة\s+اجمالية|بكلفة\s+اجمالية)(?![^\W\d_])")
# "..., أي ما يعادل ...", "..., وهو ما يغطي واردات نحو ستة أشهر", "..., כלומר ...": the same figure in other terms
_RESTATE = re.compile(r"(?:اي|כלומר|קרי)\s|[وف]?(?:هو|هي)\s+ما\s+(?:يعادل|يوازي|يغطي|يساوي|تعادل|توازي|تغطي|تساوي)(?![^\W\d_])")
# "..., أي بزيادة 40% خلال أسبوعين", "..., أي أكثر من ضعف العدد المسجل", "..., כלומר עלייה של 20 אחוז": a change
# or a comparison against a baseline says something the figure before does not, so it is a claim of its own
# ("..., أي ضعف سعره قبل عام" after a rise to a price restates where the rise ended, and stays)
_RESTATE_CHANGE = re.compile(r"(?:اي|כלומר|קרי)\s+(?:ب(?:زيادة|ارتفاع|انخفاض|تراجع|نقص)|(?:اكثر|اقل)\s+من|"
                             r"(?:עלייה|ירידה|גידול|זינוק|צניחה)(?![^\W\d_])|(?:יותר|פחות)\s+מ)")
_SHARE_OF = re.compile(r"\s*(?:من|מ-?|מתוך)(?![^\W\d_])|\s*מה")


_CUT = re.compile(r"\s*[،,;؛]\s*|\s+(?=[وו][^\W\d_]{2,})|\s+(?=[وו]-?\d)|\s+-\s+|\s+(?=ثم\s)")
_LIST_ITEM = re.compile(r"[وו]?-?\d")  # "و30 عربة": the next item of a list
# "في المرتبة الثالثة", "במקום השני": a place in a ranking is checkable (a figure with no unit, as the labels
# have it, not a superlative)
_RANK_ORD = re.compile(r"(?:للمرة|لمرة|بالمرة|בפעם|לפעם|المرتبة|بالمرتبة|المركز|بالمركز|במקום|למקום)\s+$")
_CHANGE = re.compile(CHANGE_BEFORE)  # "ומחירי הדלק עלו שלוש פעמים": a verb, so no list item
_STAMP = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[-|:]\s*|\s*$)")
_TAIL_PREP = re.compile(r"(?:من|الي|مقابل|قياسا\s+ب|מ-?|ל-?|לעומת|עד)\s*")
_OF_THEM = re.compile(r"\s*(?:منهم|منهن|מהם|מהן|מתוכם|מתוכן)")
# "..., בשל מצבו הרפואי", "..., بسبب الأمطار", "..., בירי רקטות לעבר": a cause or the circumstances, no claim alone
_CIRCUMSTANCE = re.compile(
    r"[וו]?(?:בעיקר\s+)?(?:בשל|בגלל|עקב|בעקבות|כתוצאה|בירי|בתקיפה|בתקיפת|במתקפת|בפיגוע|בתאונה|בהתקפה)(?![^\W\d_])|"
    r"[وف]?(?:بسبب|بفعل|جراء|من\s+جراء|نتيجة|اثر|علي\s+اثر|في\s+قصف|في\s+غارة|في\s+هجوم|في\s+انفجار|في\s+حادث)(?![^\W\d_])"
)
# "בן 81", "بعمر 30": an age after a name describes the person; it goes with the clause before
_PREP_AFTER_VERB = re.compile(r"\s+(?:[בלמ][^\W\d_]{2,}|في|الى|علي|من|عن|ب[^\W\d_]{2,}|ل[^\W\d_]{2,})(?![^\W\d_])")
_NEW_REPORT = re.compile(r"(?:و(?:ان|بان)|וכי|ما\s+(?:تسبب|ادي|اسفر)|מה\s+שגרם)(?![^\W\d_])")
_NEG = re.compile(r"[وו](?:לא|لم|لا)\s+")
_AGE_START = re.compile(r"(?:בן|בת|בני|בנות|بعمر|البالغ|البالغة)(?:\s+من\s+العمر)?\s+\d")
_AR_VERB_FIRST = re.compile(r"[وف](?!ال)[^\W\d_]{2,}\s+")
_AR_PREP_START = re.compile(r"(?:ب[^\W\d_]{2,}|ل[^\W\d_]{2,}|في(?!\s+(?:حين|وقت|الوقت|المقابل))|الي|علي|من|عن)(?![^\W\d_])")
_TRIM = " \t،,;؛:-.\"'«»()"
_CONTRAST = re.compile(r"(?:ואילו|ואולם|אולם|אך|אבל|בעוד|[وف]?(?:بينما|فيما|في\s+حين|لكن|غير\s+ان|الا\s+ان))(?![^\W\d_])")
_HE_PAST_PLURAL = re.compile(
    r"(?:\s+[^\W\d_]+(?:ים|ות))?\s+(?!של|שלו|עליו|אליו|ממנו|אותו|כולו|בנו|ביתו)[^\W\d_]{2,4}(?<!י)ו(?![^\W\d_])")
_JOIN_WORD = re.compile(r"(?:كما|ثم|فيما|بينما|حيث|اذ)\s+")
_AMONG_IT = re.compile(r"(?:من\s+)?(?:بينها|بينهما)\s+")
_PERSONS = frozenset(("people", "children", "women", "men", "civilians", "soldiers", "students", "patients"))


def _firm(f: Figure) -> bool:
    return f.kind != "vague" or (f.value or 0) >= 1000


def has_content(norm: str, a: int, b: int, s: Sent, cues: LangCues, vague: bool = True) -> bool:
    """Something checkable besides who said it: a figure, a date or time, a ranking, a comparison, a cause
    (and a vague count, "عشرات", "מאות", unless ``vague`` is False: "عشرات الآلاف" is a magnitude still)."""
    return (
        any(a <= f.core < b and (vague or _firm(f)) and (
            f.kind != "ordinal" or _RANK_ORD.search(norm, max(0, f.start - 10), f.start) or (
            IN_A_ROW.match(norm, f.end))) for f in s.figures)  # "للمرة السابعة عشرة", "ההחלטה השמינית ברציפות"
        # a rank is content as a ranking over time ("الزيادة الرابعة منذ مطلع العام"), not "בליגה השלישית"
        or (any(a <= f.core < b and (vague or _firm(f)) for f in s.figures) and s.has(cues.temporal, norm, a, b))
        or s.has(cues.date, norm, a, b)
        or s.has(cues.superlative, norm, a, b)
        or (vague and s.has(cues.vague, norm, a, b))
        or s.has(cues.causal, norm, a, b)
        or s.has(cues.year, norm, a, b)
    )


def _reports(norm: str, a: int, b: int, cues: LangCues) -> bool:
    """Is there a reporting verb in the clause? Not "הוסיף 8 אסיסטים" (added eight assists: a figure follows)."""
    m = cues.attrib_verb.search(norm, a, b)
    return m is not None and not norm[m.end():m.end() + 3].lstrip(" -").startswith(tuple("0123456789"))


def _attribution_only(norm: str, a: int, b: int, cues: LangCues, figs: list[Figure]) -> bool:
    m = cues.attrib_prep.match(norm, a) or cues.attrib_verb.match(norm, a)
    return m is not None and not any(a <= f.core < b for f in figs) and word_count(norm, a, b) <= 8


def _relative_cuts(norm: str, s: Sent, cues: LangCues) -> list[int]:
    """"العاصفة التي بلغت سرعة رياحها 120 كيلومترا في الساعة دمرت 300 منزل": a relative clause with its own figure,
    with no comma before the main verb, is a claim of its own (the guidelines); cut before that verb."""
    out: list[int] = []
    for rel in _AR_REL.finditer(norm, s.a, s.b):
        first = next((f for f in s.figures if f.start >= rel.end()), None)
        if first is None or word_count(norm, rel.end(), first.start) > 5:
            continue
        verb = cues.event.search(norm, first.end, min(s.b, first.end + 40))
        if verb is None or norm[verb.start()] in "وف" or _CUT.search(norm, rel.end(), verb.start()):
            continue
        if word_count(norm, first.end, verb.start()) <= 4 and any(
                verb.end() <= f.start and word_count(norm, verb.end(), f.start) <= 3 for f in s.figures):
            out.append(verb.start())
    return out


# "أطلق 45 قذيفة ردا على هجوم أسفر عن مقتل ثلاثة جنود", "ירה 38 פגזים בתגובה למתקפה שבה נהרגו ארבעה חיילים": what
# was done and the attack it answered are two assertions when each holds its own figure
_RESPONSE = re.compile(r"(?<![^\W\d_])(?:ردا\s+علي|انتقاما\s+ل|בתגובה\s+ל|כתגובה\s+ל|כנקמה\s+על)")


def _response_cuts(norm: str, s: Sent, cuts: list[int]) -> list[int]:
    """Cut before "in response to" when the clause before it and the phrase after it each hold a figure."""
    out: list[int] = []
    for m in _RESPONSE.finditer(norm, s.a, s.b):
        lo = max(c for c in cuts if c <= m.start())
        hi = min([c for c in cuts if c > m.start()] + [s.b])
        if any(lo <= f.core < m.start() for f in s.figures) and any(
                m.end() <= f.core < hi and f.kind != "vague" for f in s.figures):
            out.append(m.start())
    return out


def _trailing_relative_cuts(norm: str, s: Sent, cues: LangCues, cuts: list[int]) -> list[int]:
    """"سيشاركون في الحملة التي تبلغ كلفتها 1.8 مليون دينار": a relative clause that ends its clause with a figure of
    its own, after a clause with its figure, is a claim of its own (the guidelines); cut before the pronoun."""
    out: list[int] = []
    for rel in _AR_REL.finditer(norm, s.a, s.b):
        lo = max(c for c in cuts if c <= rel.start())
        hi = min([c for c in cuts if c > rel.start()] + [s.b])
        first = next((f for f in s.figures if rel.end() <= f.core < hi), None)
        if first is None or first.kind in ("vague", "age", "ordinal") or word_count(norm, rel.end(), first.start) > 3:
            continue
        if not any(lo <= f.core < rel.start() and f.kind not in ("vague", "age") for f in s.figures):
            continue
        if word_count(norm, lo, rel.start()) < 4 or cues.event.search(norm, first.end, hi):
            continue  # a main verb after it is _relative_cuts' case
        out.append(rel.start())
    return out


def clause_pieces(norm: str, s: Sent, cues: LangCues) -> list[tuple[int, int, bool]]:
    """The clauses of a sentence, cut where each side carries its own checkable content, each with whether
    it is offered (the circumstances after split tolls are read for their source only)."""
    cuts = [s.a]
    for m in _CUT.finditer(norm, s.a, s.b):
        if m.start() <= s.a or m.end() >= s.b:
            continue
        if share_inside(s.quotes, m.start(), m.end()) > 0:
            continue
        if any(f.start < m.start() and m.end() < f.end for f in s.figures):
            continue  # "خمسة وعشرين ألف منزل", "ארבעים ותשעה אחוזים": a compound number's "and" joins no clause
        if m.end() - m.start() == 1 and norm[m.start() - 1:m.start()].isdigit() and norm[m.end():m.end() + 1].isdigit():
            continue  # "11,200": a thousands comma
        nxt = WORD.match(norm, m.end())
        word = nxt.group() if nxt else ""
        if not norm[m.start():m.end()].strip() and word in cues.not_conjunction:
            continue  # "وزارة" is no conjunction ("و30 عربة" continues a list unless it has a verb of its own)
        if not norm[m.start():m.end()].strip() and word[1:] and word[1:] in norm[max(s.a, m.start() - 30):m.start()].split()[-2:]:
            continue  # "נסגרו כביש 4 וכביש 70", "مستشفى الشفاء ومستشفى الأهلي": one noun twice, a phrase, no clause
        if not norm[m.start():m.end()].strip() and word[:1] == "و" and cues.lang == "ar" and any(
                f.end == m.start() and f.unit and noun_unit(norm, m.end() + 1, "ar")[0] == f.unit for f in s.figures):
            continue  # "مئة وعشرون ممرضاً وممرضة": the same count's nouns, men and women, no clause
        cuts.append(m.end())
    if cues.lang == "ar":
        cuts = sorted(set(cuts + _relative_cuts(norm, s, cues)))
        cuts = sorted(set(cuts + _trailing_relative_cuts(norm, s, cues, cuts)))
    cuts = sorted(set(cuts + _response_cuts(norm, s, cuts)))
    raw = []
    for i, start in enumerate(cuts):
        end = cuts[i + 1] if i + 1 < len(cuts) else s.b
        x, y = start, end
        while y > x and norm[y - 1] in _TRIM:
            y -= 1
        while x < y and norm[x] in " \t،,;؛-":
            x += 1
        if y > x:
            raw.append([x, y])
    if not raw:
        return []
    stamp = _STAMP.match(norm, raw[0][0])  # "10:45 - ارتفع عدد الوفيات": a live blog's time is no part of the claim
    if stamp and stamp.end() < raw[0][1]:
        raw[0][0] = stamp.end()
    elif stamp and len(raw) > 1:
        raw.pop(0)
    elif len(raw) > 1 and "-" in norm[raw[0][1]:raw[1][0]] and word_count(norm, *raw[0]) <= 5 and not any(
            raw[0][0] <= f.core < raw[0][1] for f in s.figures):
        raw.pop(0)  # "الرمادة (وكالة الأنباء) - قتل ...", "ירושלים - ...": a dateline is no part of the claim
    for k in range(len(raw) - 2, 0, -1):
        if "-" in norm[raw[k][1]:raw[k + 1][0]] and word_count(norm, *raw[k]) <= 2 and not any(
                raw[k][0] <= f.core < raw[k][1] for f in s.figures):
            raw[k + 1][0] = raw[k][0]  # "..., ובלבנון – לפחות 46": the place leads into its figure
            del raw[k]
    # "בשריפה הקודמת, שפרצה לפני כחודש, נשרפו כ-800 דונם", "في الحريق السابق، الذي اندلع قبل شهر، احترق ...": a
    # fronted place or time with its relative clause leads into the main clause after it
    if len(raw) >= 3 and _FRONTED.match(norm, raw[0][0]) and word_count(norm, *raw[0]) <= 3 and not any(
            raw[0][0] <= f.core < raw[0][1] for f in s.figures) and _RELATIVE_START.match(norm, raw[1][0]) and (
            norm[raw[2][0]] not in "وו" and not cues.attrib_verb.match(norm, raw[2][0])):
        raw[0:3] = [[raw[0][0], raw[2][1]]]
    merged: list[list[int]] = []
    after_tolls: list[int] | None = None  # circumstances after a sentence's tolls split ("..., صباح الثلاثاء، في قصف ...")
    split = False
    subject_age = False
    object_age = False  # an age after a verb's object, before the rest of the verb's complement
    for piece in raw:
        x, y = piece
        mine0 = any(x <= f.core < y for f in s.figures)
        if merged and not mine0 and share_inside(s.quotes, x, y) > 0.3 and not s.has(cues.superlative, norm, x, y):
            if subject_age:  # "שר האוצר, בן 61, הודה לחברי הקואליציה על "עבודה מאומצת"": the age only says who thanked
                merged.pop()
                subject_age = False
            continue  # "..., محذرة من أن الوباء «يتوسع بوتيرة مقلقة»": a quoted remark tacked on is testimony
        ages = [f for f in s.figures if x <= f.core < y]
        if merged and ages and all(f.kind == "age" for f in ages) and (_AGE_START.match(norm, x) or word_count(norm, x, y) <= 6):
            # "שר האוצר, בן 61, אמר כי ...": a subject and its age, with no verb yet, lead into the clause after
            bare_subject = len(merged) == 1 and word_count(norm, *merged[-1]) <= 4 and not any(
                merged[-1][0] <= f.core < merged[-1][1] for f in s.figures) and not s.has(cues.event, norm, *merged[-1])
            merged[-1][1] = y
            subject_age = bare_subject and _AGE_START.match(norm, x) is not None and word_count(norm, x, y) <= 3
            object_age = cues.lang == "ar" and not subject_age
            continue
        if object_age:
            object_age = False
            if _AR_PREP_START.match(norm, x):  # "وأدانت المحكمة الفاسي، البالغ من العمر 54 عاما، بتحويل ...": the verb goes on
                merged[-1][1] = y
                continue
        if subject_age:
            # ("דהן, בן 61, הורשע במרץ": a named age before an event of its own is a claim of its own, as labelled)
            subject_age = False
            if norm[x] not in "وו" and (cues.attrib_verb.match(norm, x) or (
                    not any(x <= f.core < y for f in s.figures) and not has_content(norm, x, y, s, cues))):
                merged[-1][1] = y
                continue
        says = not mine0 and (_attribution_only(norm, x, y, cues, s.figures) or (
            cues.lang == "he" and HE_SO.match(norm, x) is not None and word_count(norm, x, y) <= 6))
        if after_tolls is not None and says:
            after_tolls[1] = y  # "..., كما أعلنت الوزارة": the source of the split tolls, read from their tail
            continue
        neg = _NEG.match(norm, x)  # "ولم تسجل حوادث", "ולא נרשמו הפסקות": a negated event is an event too
        verb = cues.event.match(norm, neg.end() if neg else x)
        if verb is None and _JOIN_WORD.match(norm, x):  # "..., كما علقت الرحلات", "ثم أفرجت عن": a verb after the join
            verb = cues.event.match(norm, _JOIN_WORD.match(norm, x).end())
        joined = norm[x] in "وו" or _JOIN_WORD.match(norm, x) is not None
        own_event = joined and verb is not None and word_count(norm, x, y) >= 4 and not _PREP_AFTER_VERB.match(
            norm, verb.end())
        if merged and not mine0 and not says and (_CIRCUMSTANCE.match(norm, x) or after_tolls is not None or (
                split and verb is None)) and not own_event and not s.has(cues.superlative, norm, x, y):
            if split:
                after_tolls = [after_tolls[0] if after_tolls else x, y]  # kept for the source it names, not offered
            else:
                merged[-1][1] = y
            continue
        starts_figure = bool(_LIST_ITEM.match(norm, x)) or bool(cues.including.match(norm, x))
        first_word = WORD.match(norm, x)
        # ("وأكثر من ألفي عائلة": the item opens with its figure's qualifier)
        if first_word and any((f.core == x or (x <= f.core <= x + 2 and f.start <= x + 2) or (
                cues.lang == "ar" and f.start == x + 1 and f.qualifier != "exact")) and f.kind not in (
                "multiplier", "vague") for f in s.figures):
            starts_figure = starts_figure or not cues.attrib_verb.match(norm, x)
        # "عدد الوفيات بلغ 47 حالة، بينها 18 طفلا": the people among a toll go with it ("..., بينها 58 حالة
        # وفاة": deaths among the cases are a toll of their own)
        among = _AMONG_IT.match(norm, x)
        starts_figure = starts_figure or (among is not None and any(
            f.core >= among.end() and f.unit in _PERSONS for f in s.figures if f.core < y))
        tail = _TAIL_PREP.match(norm, x)  # "..., من 3.8 في المئة في العام السابق": where a change started
        starts_figure = starts_figure or (tail is not None and any(f.core == tail.end() for f in s.figures))
        mine = [f for f in s.figures if x <= f.core < y]
        # "حالة 12 منهم خطيرة" stays with its toll; "..., וכי שישה מהם הורשעו" has a verb of its own
        # "..., ובמהלכו העידו יותר מ־90 עדים": two words or more before the figure after ", ו" are a clause of its own
        head = norm[x:mine[0].start].split() if mine else []
        own_clause = cues.lang == "he" and norm[x] == "ו" and norm[max(0, x - 2)] in ",;" and len(head) >= 2 and not (
            {"של", "עם"} & set(head)) and not s.has(cues.prediction, norm, x, y)
        # (not "ثم أفرجت عن 5 منهم": released five of them, a verb of its own before the figure)
        of_them = bool(mine) and _OF_THEM.match(norm, mine[0].end) is not None and not s.has(
            cues.event, norm, x, mine[0].start) and not (
            norm[x] in "وו" and s.has(cues.event, norm, mine[0].end, y)) and not own_clause and not (
            # "..., ولجأ نحو 2500 منهم إلى المدارس": a verb then its counted subject, a clause of its own
            cues.lang == "ar" and _AR_VERB_FIRST.fullmatch(norm, x, mine[0].start) is not None) and not (
            # "..., وقالت الشركة إنها أعادت التيار إلى 70 في المئة منهم": a new report names its own share
            norm[x] in "وו" and _reports(norm, x, mine[0].start, cues))
        # "ועשרות נפצעו": a vague count is a checkable toll of its own, as a figure is
        only_when = not mine and not s.has(cues.superlative, norm, x, y) and not s.has(cues.causal, norm, x, y) and (
            not s.has(cues.vague, norm, x, y))
        # "צופים כי גל החום יימשך, ורשות הכבאות הכריזה על כוננות": an event is not lost with the forecast before it;
        # "... ופרש מתפקידו בינואר 2022": an event with its own date is an assertion of its own
        if only_when and merged and s.has(cues.event, norm, x, y) and word_count(norm, x, y) >= 4 and (
                s.has(cues.prediction, norm, *merged[-1]) or own_event or (
                    s.has(cues.date, norm, x, y) and verb is not None and norm[x] in "וو")):
            only_when = False  # "..., وأغلقت المدارس حتى إشعار آخر": an event with a subject of its own
        # "גזר 7 שנות מאסר על היזם, שהורשע בהונאת רוכשים", "..., الذي أدين بتلقي رشوة": a conviction told in a
        # relative clause after the sentence's figure is an event of its own (labelled "other")
        rel = _AR_REL.match(norm, x) if cues.lang == "ar" else None
        if only_when and merged and norm[max(0, x - 2)] in ",،" and word_count(norm, x, y) >= 4 and (
                (cues.lang == "he" and norm[x] == "ש" and cues.legal.match(norm, x)) or (rel and cues.legal.match(
                    norm, rel.end()))) and any(merged[-1][0] <= f.core < merged[-1][1] for f in s.figures):
            only_when = False
        # "..., وانجراف عشرات السيارات": a short item with a vague count and no verb lists with the one before
        vague_item = bool(merged) and all(f.kind == "vague" for f in mine) and norm[x] in "وו" and (
            word_count(norm, x, y) <= 4 and verb is None and s.has(cues.vague, norm, x, y) and not s.has(cues.event, norm, x, y))
        if merged and not mine and not has_content(norm, x, y, s, cues) and (
            s.has(cues.prediction, norm, x, y) or s.has(cues.opinion, norm, x, y) or s.has(cues.boilerplate, norm, x, y)
        ):
            continue  # "..., وقال إن موكله سيستأنف الحكم": a promise tacked on is no part of the claim
        # "1,100 ילדים אושפזו, ושני פעוטות מתו": each figure with a verb of its own is its own assertion
        own_verb = starts_figure and merged and bool(mine) and not cues.including.match(norm, x) and s.has(
            cues.event, norm, mine[0].end, y) and any(
            s.has(cues.event, norm, f.end, merged[-1][1]) or (_COMMA_AND.match(norm, x - 2) is not None and cues.lang == "he")
            for f in s.figures if merged[-1][0] <= f.core < merged[-1][1])
        # "טמפרטורה של 41 מעלות ולחות של פחות מ-10%": a short verbless item of a list of figures
        # (an Arabic one a definite noun before its figure, "والرطوبة 10%", not a verb, "وألحقت أضرارا بنحو")
        # "..., ו-3,200 תלמידים נשארו בבתיהם": after a comma, a Hebrew verb in the past plural right after the
        # counted noun makes a clause of its own, not a list item
        he_verb = cues.lang == "he" and bool(mine) and norm[x] == "ו" and norm[max(0, x - 2)] in ",;" and _HE_PAST_PLURAL.match(
            norm, mine[0].end) is not None
        # "ارتفع عدد الوفيات إلى 52، والمصابين إلى 310": after a comma, a noun and the same "to" as a change before it
        # is the change again with its verb left out (gapping), an assertion of its own
        gapped = cues.lang == "ar" and bool(merged) and bool(mine) and norm.startswith("وال", x) and norm[
            max(0, x - 2)] in ",،" and _AR_TO_FIGURE.match(norm, x) is not None and _CHANGE.search(
            norm, *merged[-1]) is not None and _AR_TO.search(norm, *merged[-1]) is not None
        he_verb = he_verb or gapped
        # "עלה ב־35% לעומת השנה שעברה, והגיע ל־4,300", "..., وصل إلى 52": what the change reached, with no subject
        # of its own, is the same change's end
        reached_end = bool(merged) and bool(mine) and norm[x] in "وו" and _REACHED.match(norm[x + 1:y]) is not None and (
            _CHANGE.search(norm, *merged[-1]) is not None) and any(merged[-1][0] <= f.core < merged[-1][1] for f in s.figures)
        list_item = bool(merged) and bool(mine) and not own_clause and not he_verb and norm[x] in "وו" and word_count(
            norm, x, y) <= 6 and (
            cues.lang == "he" or (norm.startswith("وال", x) and word_count(norm, x, mine[0].core) <= 2)) and not s.has(
            cues.event, norm, x, y) and not _reports(norm, x, y, cues) and (
            # after a comma a change of its own is its own claim ("..., ומחירי הדלק עלו שלוש פעמים"); without one
            # it lists ("מדד ת"א 35 נחלש ב-1.3% ומדד הבנקים ירד ב-2.1%")
            norm[max(0, x - 2)] not in ",،;؛" or not (_CHANGE.search(norm, x, y) or _REACHED.search(norm, x, y))) and any(
            merged[-1][0] <= f.core < merged[-1][1] for f in s.figures) and not cues.attrib_prep.search(
            norm, max([f.end for f in s.figures if merged[-1][0] <= f.core < merged[-1][1]], default=x), x)
        # "أسفر عن مقتل 9 أشخاص وإصابة 73 آخرين", "قضت بسجنه 7 سنوات وتغريمه 400 ألف دينار": a second verbal noun
        # under the same verb, with its own figure, is the next item of the one event's list (no verb of its own)
        list_item = list_item or (cues.lang == "ar" and bool(merged) and bool(mine) and _AR_MASDAR_ITEM.match(norm, x) is not None
                                  and _AR_MASDAR_HEAD.search(norm, *merged[-1]) is not None and not s.has(
                                      cues.event, norm, x, mine[0].start) and any(
                                      merged[-1][0] <= f.core < merged[-1][1] for f in s.figures))
        # "אישרה את התקציב, בהיקף של 620 מיליארד ש"ח", "أعلنت عن حزمة، بقيمة 3 مليارات دولار": the size of what
        # the clause before named is part of it
        value_of = bool(merged) and bool(mine) and _VALUE_OF.match(norm, x) is not None and mine[0].start - x <= 16
        # (a list goes on without a source between its items: "9 נהרגו, לפי המשרד, ובלבנון – 46" is two)
        # "..., وأن نحو 15% منهم وصلوا", "..., ما تسبب في إغلاقه لمسافة 42 كيلومترا": a second report, or a
        # consequence, with a figure of its own is its own claim
        report = _NEW_REPORT.match(norm, x) if mine and merged else None
        own_report = report is not None and (not report.group().startswith(("و", "ו")) or any(
            merged[-1][0] <= f.core < merged[-1][1] for f in s.figures))
        # "..., أي ما يعادل 1.8 تريليون جنيه", "..., כלומר כ־5.8 מיליון ₪": the same figure restated goes with it
        # ("..., أي نحو 22 في المئة من القوة العاملة": a share of a whole is checked on its own)
        restate = bool(merged) and _RESTATE.match(norm, x) is not None and not _RESTATE_CHANGE.match(norm, x) and any(
            merged[-1][0] <= f.core < merged[-1][1] for f in s.figures) and not any(
            f.unit == "percent" and _SHARE_OF.match(norm, f.end) for f in mine)
        # "..., ואילו ההגנה טענה כי ...", "..., بينما قال المحامي إن ...": the other side's account is no part of
        # the claim before it (and is judged on its own)
        contrast = bool(merged) and not mine and _CONTRAST.match(norm, x) is not None and _reports(norm, x, y, cues)
        if merged and not own_verb and not own_report and not contrast and not he_verb and (
            restate or starts_figure or of_them or only_when or list_item or vague_item or reached_end or value_of
            or _attribution_only(norm, x, y, cues, s.figures)
            or cues.report_that.match(norm, x) or says
        ):
            merged[-1][1] = y
            # "تنافس 5900 مرشح، بينهم 1600 امرأة، على مقاعد ...": after an insert the verb's complement goes on
            object_age = cues.lang == "ar" and (cues.including.match(norm, x) is not None or _AMONG_IT.match(norm, x) is not None)
        else:
            # a second clause with figures of its own: the sentence's tolls are split ("قتل 14 وأصيب 40")
            split = split or bool(mine and any(merged[-1][0] <= f.core < merged[-1][1] for f in s.figures)) if merged else split
            merged.append([x, y])
    # A first piece with nothing of its own ("وفي يوم السبت") leads into the next one; a promise
    # ("قال الوزير إن الحكومة ستخفض الإنفاق، مضيفا أن العجز بلغ 6.1%") stays apart, to be left out.
    promise = len(merged) > 1 and word_count(norm, *merged[0]) > 4 and (s.has(cues.prediction, norm, *merged[0]) or (
        cues.lang == "ar" and s.has(AR_FUTURE, norm, *merged[0])))
    bare_first = len(merged) > 1 and not any(merged[0][0] <= f.core < merged[0][1] for f in s.figures)
    if len(merged) > 1 and not promise and (not has_content(norm, *merged[0], s, cues) or (
        word_count(norm, *merged[0]) <= 4 and bare_first
    ) or (bare_first and word_count(norm, *merged[0]) <= 7 and norm[merged[1][0]] not in "وו" and not s.has(
            cues.superlative, norm, *merged[0]) and not s.has(cues.causal, norm, *merged[0]) and (
            cues.attrib_prep.match(norm, merged[0][0]) or not s.has(cues.event, norm, *merged[0]) or (
                cues.lang == "ar" and word_count(norm, *merged[0]) <= 5))) or _framed_day(norm, merged, s, cues)):
        # "رفع البنك المركزي المصري، الخميس، أسعار الفائدة ...", "לפי נתוני המשרד שפורסמו באוגוסט, שיעור ...":
        # a subject and a day, or a source and its date, cut from the clause by a comma
        merged[1][0] = merged[0][0]
        merged.pop(0)
    return [(x, y, True) for x, y in merged] + ([(after_tolls[0], after_tolls[1], False)] if after_tolls else [])


def _framed_day(norm: str, merged: list[list[int]], s: Sent, cues: LangCues) -> bool:
    """"قضت محكمة الجنايات في عمان، الأربعاء، بسجن ...", "أعلنت الوزارة، في بيان صدر اليوم الاثنين، تسجيل ...": a verb
    and its subject with the day, cut by commas from the object that holds the figure, are one clause."""
    x, y = merged[0]
    nx = merged[1][0]
    return (word_count(norm, x, y) <= 9 and norm[nx] not in "وו" and not any(x <= f.core < y for f in s.figures)
            and any(nx <= f.core < merged[1][1] for f in s.figures)
            and (s.has(cues.date, norm, x, y) or s.has(cues.temporal, norm, x, y))
            and not s.has(cues.superlative, norm, x, y) and not s.has(cues.causal, norm, x, y)
            and cues.attrib_verb.match(norm, nx) is None and _TAIL_PREP.match(norm, nx) is None
            and (cues.attrib_verb.match(norm, x) is not None or cues.event.match(norm, x) is not None))
