"""The suggestion engine for Arabic and Hebrew articles: same Suggestions, English type codes.

Read on the normalised copy (script.normalise), then mapped back to the article's own offsets.
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

import bisect
import re
from dataclasses import dataclass, field

from .lang_counted import more_figures
from .lang_cues import BASELINE, CUES, EVER, HE_BY, IN_A_ROW, PEAK_HOURS, LangCues
from .lang_forecast import AR_FUTURE, ar_may, ar_official, forecast_figures
from .lang_numbers import Figure, read_figures
from .lang_script import normalise
from .lang_sources import HE_SO, Span, find_source
from .lang_units import CHANGE_BEFORE
from .suggestion import TYPES, Suggestion

__all__ = ["analyse_rtl", "suggest_rtl"]

MAX_SENTENCE = 700
_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")
# A sentence ends at . ! ? ؟ … (and any closing quotes) before a space; a lone letter before a full
# stop is an initial or an abbreviation ("د.", "פרופ'"), not an end.
_BOUNDARY = re.compile(r"(?<![\s.][^\W\d_])[.!?؟…]+[\"'»”)\]]*(?=\s+\S)")
_QUESTION = re.compile(r"[?؟][\"'»”)\]]*\s*$")
_CUT = re.compile(r"\s*[،,;؛]\s*|\s+(?=[وו][^\W\d_]{2,})|\s+(?=[وו]-?\d)|\s+-\s+|\s+(?=ثم\s)")
_L = r"\u0621-\u064a\u0671-\u06d3\u05d0-\u05ea"
_WORD = re.compile(rf"[{_L}\w\"']+")
_LIST_ITEM = re.compile(r"[وו]?-?\d")  # "و30 عربة": the next item of a list
_TIMES_ORD = re.compile(r"(?:للمرة|لمرة|بالمرة|בפעם|לפעם)\s+$")
# "في المرتبة الثالثة", "במקום השני": a place in a ranking is checkable (a figure with no unit, as the labels
# have it, not a superlative)
_RANK_ORD = re.compile(r"(?:للمرة|لمرة|بالمرة|בפעם|לפעם|المرتبة|بالمرتبة|المركز|بالمركز|במקום|למקום)\s+$")
_SINCE = re.compile(r"(?<![^\W\d_])[וו]?(?:מאז|מתחילת|منذ|مطلع|خلال)(?![^\W\d_])")
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
_AGE_START = re.compile(r"(?:בן|בת|בני|בנות|بعمر|البالغ|البالغة)\s+\d")
_TRIM = " \t،,;؛:-.\"'«»()"
_CONTRAST = re.compile(r"(?:ואילו|ואולם|אולם|אך|אבל|בעוד|[وف]?(?:بينما|فيما|في\s+حين|لكن|غير\s+ان|الا\s+ان))(?![^\W\d_])")
_HE_PAST_PLURAL = re.compile(
    r"(?:\s+[^\W\d_]+ים)?\s+(?!של|שלו|עליו|אליו|ממנו|אותו|כולו|בנו|ביתו)[^\W\d_]{2,4}(?<!י)ו(?![^\W\d_])")
_JOIN_WORD = re.compile(r"(?:كما|ثم|فيما|بينما|حيث|اذ)\s+")
_AMONG_IT = re.compile(r"(?:من\s+)?(?:بينها|بينهما)\s+")
_PERSONS = frozenset(("people", "children", "women", "men", "civilians", "soldiers", "students", "patients"))


@dataclass(slots=True)
class _Sent:
    a: int
    b: int
    figures: list[Figure]
    quotes: list[tuple[int, int]]
    cues: LangCues | None = None
    found: dict = field(default_factory=dict)  # pattern -> where it matches in the paragraph, found once
    scan: tuple[int, int] | None = None  # the stretch ``found`` covers (its paragraph); the sentence by default

    def has(self, pattern: re.Pattern[str], norm: str, a: int, b: int) -> bool:
        """Does ``pattern`` match in ``norm[a:b]`` (a clause of this sentence)? The cues are searched
        for once per sentence, however many clauses and merges ask."""
        starts = self.found.get(pattern)
        if starts is None:
            name = self.cues.member.get(pattern) if self.cues is not None else None
            lo, hi = self.scan or (self.a, self.b)
            if name is None:
                starts = self.found[pattern] = [m.start() for m in pattern.finditer(norm, lo, hi)]
            else:
                by_name: dict[str, list[int]] = {n: [] for n in self.cues.member.values()}
                for m in self.cues.combined.finditer(norm, lo, hi):
                    by_name[m.lastgroup].append(m.start())
                for p, n in self.cues.member.items():
                    self.found[p] = by_name[n]
                starts = self.found[pattern]
        # most cues are absent from most sentences: the empty list answers at once; the rest by bisection
        if not starts:
            return False
        i = bisect.bisect_left(starts, a)
        return i < len(starts) and starts[i] < b


def _quotes(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans inside « » or double quotes; a " between two letters is gershayim (צה"ל), not a quote."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for i in range(a, b):
        ch = norm[i]
        if ch == "«":
            open_at = i
        elif ch == "»" and open_at >= 0:
            spans.append((open_at, i + 1))
            open_at = -1
        elif ch == '"':
            if i > a and i + 1 < b and norm[i - 1].isalpha() and norm[i + 1].isalpha():
                continue
            if open_at < 0:
                open_at = i
            else:
                spans.append((open_at, i + 1))
                open_at = -1
    if open_at >= 0 and b - open_at < 400:
        spans.append((open_at, b))
    return spans


def _sentences(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    s = a
    for m in _BOUNDARY.finditer(norm, a, b):
        out.append((s, m.end()))
        s = m.end()
    out.append((s, b))
    trimmed = []
    for x, y in out:
        while x < y and norm[x].isspace():
            x += 1
        while y > x and norm[y - 1].isspace():
            y -= 1
        while y - x > MAX_SENTENCE:
            cut = norm.rfind(" ", x + MAX_SENTENCE // 2, x + MAX_SENTENCE)
            cut = cut if cut > x else x + MAX_SENTENCE
            trimmed.append((x, cut))
            x = cut + 1
        if y > x:
            trimmed.append((x, y))
    return trimmed


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> float:
    inside = sum(max(0, min(e, b) - max(s, a)) for s, e in spans)
    return inside / max(1, b - a)


def _words(norm: str, a: int, b: int) -> int:
    return len(_WORD.findall(norm, a, b))


def _firm(f: Figure) -> bool:
    return f.kind != "vague" or (f.value or 0) >= 1000


def _content(norm: str, a: int, b: int, s: _Sent, cues: LangCues, vague: bool = True) -> bool:
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
    return m is not None and not any(a <= f.core < b for f in figs) and _words(norm, a, b) <= 8


def _relative_cuts(norm: str, s: _Sent, cues: LangCues) -> list[int]:
    """"العاصفة التي بلغت سرعة رياحها 120 كيلومترا في الساعة دمرت 300 منزل": a relative clause with its own figure,
    with no comma before the main verb, is a claim of its own (the guidelines); cut before that verb."""
    out: list[int] = []
    for rel in _AR_REL.finditer(norm, s.a, s.b):
        first = next((f for f in s.figures if f.start >= rel.end()), None)
        if first is None or _words(norm, rel.end(), first.start) > 5:
            continue
        verb = cues.event.search(norm, first.end, min(s.b, first.end + 40))
        if verb is None or norm[verb.start()] in "وف" or _CUT.search(norm, rel.end(), verb.start()):
            continue
        if _words(norm, first.end, verb.start()) <= 4 and any(
                verb.end() <= f.start and _words(norm, verb.end(), f.start) <= 3 for f in s.figures):
            out.append(verb.start())
    return out


def _pieces(norm: str, s: _Sent, cues: LangCues) -> list[tuple[int, int, bool]]:
    """The clauses of a sentence, cut where each side carries its own checkable content, each with whether
    it is offered (the circumstances after split tolls are read for their source only)."""
    cuts = [s.a]
    for m in _CUT.finditer(norm, s.a, s.b):
        if m.start() <= s.a or m.end() >= s.b:
            continue
        if _inside(s.quotes, m.start(), m.end()) > 0:
            continue
        if m.end() - m.start() == 1 and norm[m.start() - 1:m.start()].isdigit() and norm[m.end():m.end() + 1].isdigit():
            continue  # "11,200": a thousands comma
        nxt = _WORD.match(norm, m.end())
        word = nxt.group() if nxt else ""
        if not norm[m.start():m.end()].strip() and word in cues.not_conjunction:
            continue  # "وزارة" is no conjunction ("و30 عربة" continues a list unless it has a verb of its own)
        cuts.append(m.end())
    if cues.lang == "ar":
        cuts = sorted(set(cuts + _relative_cuts(norm, s, cues)))
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
    elif len(raw) > 1 and "-" in norm[raw[0][1]:raw[1][0]] and _words(norm, *raw[0]) <= 5 and not any(
            raw[0][0] <= f.core < raw[0][1] for f in s.figures):
        raw.pop(0)  # "الرمادة (وكالة الأنباء) - قتل ...", "ירושלים - ...": a dateline is no part of the claim
    for k in range(len(raw) - 2, 0, -1):
        if "-" in norm[raw[k][1]:raw[k + 1][0]] and _words(norm, *raw[k]) <= 2 and not any(
                raw[k][0] <= f.core < raw[k][1] for f in s.figures):
            raw[k + 1][0] = raw[k][0]  # "..., ובלבנון – לפחות 46": the place leads into its figure
            del raw[k]
    merged: list[list[int]] = []
    after_tolls: list[int] | None = None  # circumstances after a sentence's tolls split ("..., صباح الثلاثاء، في قصف ...")
    split = False
    subject_age = False
    for piece in raw:
        x, y = piece
        mine0 = any(x <= f.core < y for f in s.figures)
        if merged and not mine0 and _inside(s.quotes, x, y) > 0.3 and not s.has(cues.superlative, norm, x, y):
            if subject_age:  # "שר האוצר, בן 61, הודה לחברי הקואליציה על "עבודה מאומצת"": the age only says who thanked
                merged.pop()
                subject_age = False
            continue  # "..., محذرة من أن الوباء «يتوسع بوتيرة مقلقة»": a quoted remark tacked on is testimony
        ages = [f for f in s.figures if x <= f.core < y]
        if merged and ages and all(f.kind == "age" for f in ages) and (_AGE_START.match(norm, x) or _words(norm, x, y) <= 6):
            # "שר האוצר, בן 61, אמר כי ...": a subject and its age, with no verb yet, lead into the clause after
            bare_subject = len(merged) == 1 and _words(norm, *merged[-1]) <= 4 and not any(
                merged[-1][0] <= f.core < merged[-1][1] for f in s.figures) and not s.has(cues.event, norm, *merged[-1])
            merged[-1][1] = y
            subject_age = bare_subject and _AGE_START.match(norm, x) is not None and _words(norm, x, y) <= 3
            continue
        if subject_age:
            # ("דהן, בן 61, הורשע במרץ": a named age before an event of its own is a claim of its own, as labelled)
            subject_age = False
            if norm[x] not in "وו" and (cues.attrib_verb.match(norm, x) or (
                    not any(x <= f.core < y for f in s.figures) and not _content(norm, x, y, s, cues))):
                merged[-1][1] = y
                continue
        says = not mine0 and (_attribution_only(norm, x, y, cues, s.figures) or (
            cues.lang == "he" and HE_SO.match(norm, x) is not None and _words(norm, x, y) <= 6))
        if after_tolls is not None and says:
            after_tolls[1] = y  # "..., كما أعلنت الوزارة": the source of the split tolls, read from their tail
            continue
        neg = _NEG.match(norm, x)  # "ولم تسجل حوادث", "ולא נרשמו הפסקות": a negated event is an event too
        verb = cues.event.match(norm, neg.end() if neg else x)
        if verb is None and _JOIN_WORD.match(norm, x):  # "..., كما علقت الرحلات", "ثم أفرجت عن": a verb after the join
            verb = cues.event.match(norm, _JOIN_WORD.match(norm, x).end())
        joined = norm[x] in "وו" or _JOIN_WORD.match(norm, x) is not None
        own_event = joined and verb is not None and _words(norm, x, y) >= 4 and not _PREP_AFTER_VERB.match(
            norm, verb.end())
        if merged and not mine0 and not says and (_CIRCUMSTANCE.match(norm, x) or after_tolls is not None or (
                split and verb is None)) and not own_event and not s.has(cues.superlative, norm, x, y):
            if split:
                after_tolls = [after_tolls[0] if after_tolls else x, y]  # kept for the source it names, not offered
            else:
                merged[-1][1] = y
            continue
        starts_figure = bool(_LIST_ITEM.match(norm, x)) or bool(cues.including.match(norm, x))
        first_word = _WORD.match(norm, x)
        if first_word and any((f.core == x or (x <= f.core <= x + 2 and f.start <= x + 2)) and f.kind not in (
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
            norm[x] in "وו" and s.has(cues.event, norm, mine[0].end, y)) and not own_clause
        # "ועשרות נפצעו": a vague count is a checkable toll of its own, as a figure is
        only_when = not mine and not s.has(cues.superlative, norm, x, y) and not s.has(cues.causal, norm, x, y) and (
            not s.has(cues.vague, norm, x, y))
        # "צופים כי גל החום יימשך, ורשות הכבאות הכריזה על כוננות": an event is not lost with the forecast before it;
        # "... ופרש מתפקידו בינואר 2022": an event with its own date is an assertion of its own
        if only_when and merged and s.has(cues.event, norm, x, y) and _words(norm, x, y) >= 4 and (
                s.has(cues.prediction, norm, *merged[-1]) or own_event or (
                    s.has(cues.date, norm, x, y) and verb is not None and norm[x] in "וو")):
            only_when = False  # "..., وأغلقت المدارس حتى إشعار آخر": an event with a subject of its own
        # "..., وانجراف عشرات السيارات": a short item with a vague count and no verb lists with the one before
        vague_item = bool(merged) and all(f.kind == "vague" for f in mine) and norm[x] in "وו" and (
            _words(norm, x, y) <= 4 and verb is None and s.has(cues.vague, norm, x, y) and not s.has(cues.event, norm, x, y))
        if merged and not mine and not _content(norm, x, y, s, cues) and (
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
        list_item = bool(merged) and bool(mine) and not own_clause and not he_verb and norm[x] in "وו" and _words(
            norm, x, y) <= 6 and (
            cues.lang == "he" or (norm.startswith("وال", x) and _words(norm, x, mine[0].core) <= 2)) and not s.has(
            cues.event, norm, x, y) and not _reports(norm, x, y, cues) and (
            # after a comma a change of its own is its own claim ("..., ומחירי הדלק עלו שלוש פעמים"); without one
            # it lists ("מדד ת"א 35 נחלש ב-1.3% ומדד הבנקים ירד ב-2.1%")
            norm[max(0, x - 2)] not in ",،;؛" or not (_CHANGE.search(norm, x, y) or _REACHED.search(norm, x, y))) and any(
            merged[-1][0] <= f.core < merged[-1][1] for f in s.figures) and not cues.attrib_prep.search(
            norm, max([f.end for f in s.figures if merged[-1][0] <= f.core < merged[-1][1]], default=x), x)
        # (a list goes on without a source between its items: "9 נהרגו, לפי המשרד, ובלבנון – 46" is two)
        # "..., وأن نحو 15% منهم وصلوا", "..., ما تسبب في إغلاقه لمسافة 42 كيلومترا": a second report, or a
        # consequence, with a figure of its own is its own claim
        report = _NEW_REPORT.match(norm, x) if mine and merged else None
        own_report = report is not None and (not report.group().startswith(("و", "ו")) or any(
            merged[-1][0] <= f.core < merged[-1][1] for f in s.figures))
        # "..., أي ما يعادل 1.8 تريليون جنيه", "..., כלומר כ־5.8 מיליון ₪": the same figure restated goes with it
        # ("..., أي نحو 22 في المئة من القوة العاملة": a share of a whole is checked on its own)
        restate = bool(merged) and _RESTATE.match(norm, x) is not None and any(
            merged[-1][0] <= f.core < merged[-1][1] for f in s.figures) and not any(
            f.unit == "percent" and _SHARE_OF.match(norm, f.end) for f in mine)
        # "..., ואילו ההגנה טענה כי ...", "..., بينما قال المحامي إن ...": the other side's account is no part of
        # the claim before it (and is judged on its own)
        contrast = bool(merged) and not mine and _CONTRAST.match(norm, x) is not None and _reports(norm, x, y, cues)
        if merged and not own_verb and not own_report and not contrast and not he_verb and (
            restate or starts_figure or of_them or only_when or list_item or vague_item
            or _attribution_only(norm, x, y, cues, s.figures)
            or cues.report_that.match(norm, x) or says
        ):
            merged[-1][1] = y
        else:
            # a second clause with figures of its own: the sentence's tolls are split ("قتل 14 وأصيب 40")
            split = split or bool(mine and any(merged[-1][0] <= f.core < merged[-1][1] for f in s.figures)) if merged else split
            merged.append([x, y])
    # A first piece with nothing of its own ("وفي يوم السبت") leads into the next one; a promise
    # ("قال الوزير إن الحكومة ستخفض الإنفاق، مضيفا أن العجز بلغ 6.1%") stays apart, to be left out.
    promise = len(merged) > 1 and _words(norm, *merged[0]) > 4 and (s.has(cues.prediction, norm, *merged[0]) or (
        cues.lang == "ar" and s.has(AR_FUTURE, norm, *merged[0])))
    bare_first = len(merged) > 1 and not any(merged[0][0] <= f.core < merged[0][1] for f in s.figures)
    if len(merged) > 1 and not promise and (not _content(norm, *merged[0], s, cues) or (
        _words(norm, *merged[0]) <= 4 and bare_first
    ) or (bare_first and _words(norm, *merged[0]) <= 7 and norm[merged[1][0]] not in "وו" and not s.has(
            cues.superlative, norm, *merged[0]) and not s.has(cues.causal, norm, *merged[0]) and (
            cues.attrib_prep.match(norm, merged[0][0]) or not s.has(cues.event, norm, *merged[0]) or (
                cues.lang == "ar" and _words(norm, *merged[0]) <= 5))) or _framed_day(norm, merged, s, cues)):
        # "رفع البنك المركزي المصري، الخميس، أسعار الفائدة ...", "לפי נתוני המשרד שפורסמו באוגוסט, שיעור ...":
        # a subject and a day, or a source and its date, cut from the clause by a comma
        merged[1][0] = merged[0][0]
        merged.pop(0)
    return [(x, y, True) for x, y in merged] + ([(after_tolls[0], after_tolls[1], False)] if after_tolls else [])


def _framed_day(norm: str, merged: list[list[int]], s: _Sent, cues: LangCues) -> bool:
    """"قضت محكمة الجنايات في عمان، الأربعاء، بسجن ...", "أعلنت الوزارة، في بيان صدر اليوم الاثنين، تسجيل ...": a verb
    and its subject with the day, cut by commas from the object that holds the figure, are one clause."""
    x, y = merged[0]
    nx = merged[1][0]
    return (_words(norm, x, y) <= 9 and norm[nx] not in "وו" and not any(x <= f.core < y for f in s.figures)
            and any(nx <= f.core < merged[1][1] for f in s.figures)
            and (s.has(cues.date, norm, x, y) or s.has(cues.temporal, norm, x, y))
            and not s.has(cues.superlative, norm, x, y) and not s.has(cues.causal, norm, x, y)
            and cues.attrib_verb.match(norm, nx) is None and _TAIL_PREP.match(norm, nx) is None
            and (cues.attrib_verb.match(norm, x) is not None or cues.event.match(norm, x) is not None))


def _types(norm: str, a: int, b: int, s: _Sent, cues: LangCues, source: str | None) -> list[str]:
    mine = [f for f in s.figures if a <= f.core < b]
    kinds: set[str] = set()
    if any(f.kind not in ("duration",) for f in mine) or s.has(cues.vague, norm, a, b):
        kinds.add("quantity")
    ranks = list(cues.superlative.finditer(norm, a, b))
    dates = [m.span() for p in (cues.date, cues.temporal) for m in p.finditer(norm, a, b)] if ranks else []
    # "على الأقل" in a figure, "تشرين الأول" in a date and "الربع الأول" in a period rank nothing
    sup = next((m for m in ranks if not any(
        f.start <= m.start() < f.end for f in mine) and not any(x <= m.start() < y for x, y in dates)
        and not norm.startswith("בשיא", m.start())  # "בשיא האירוע": at the height of it, no record
        and not (norm.startswith("לראשונה", m.end() - 7) and not EVER.search(norm, m.end(), min(b, m.end() + 25)))
        and not PEAK_HOURS.match(norm, max(0, m.start() - 6), m.end())), None)  # "בשעות השיא": peak hours
    comp = any(not any(f.start <= m.start() < f.end for f in mine) and not norm.startswith("ביותר", m.start())
               and not norm.startswith("יותר", m.end())
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
    relative = s.has(cues.temporal, norm, a, base.start() if base else b)
    if (any(f.kind == "duration" for f in mine) or s.has(cues.date, norm, a, b) or relative
            or s.has(cues.year, norm, a, b)):
        kinds.add("temporal")
    if source:
        kinds.add("attribution")
    if s.has(cues.causal, norm, a, b):
        kinds.add("causal")
    # "other" is for an event with none of the other types (the guidelines): "עצרה שני חשודים" is a quantity; a
    # mourning declared for three days is still an event with its duration
    if s.has(cues.legal, norm, a, b) and not any(f.kind not in ("vague", "duration") for f in mine):
        kinds.add("other")  # "הורשע בשלושה אישומים": a conviction is an event of its own beside its figures
    types = [t for t in TYPES if t in kinds]
    if not types or types == ["attribution"]:
        types = [t for t in TYPES if t in kinds or t == "other"]
    return types


_COLON_QUOTE = re.compile(r":\s*[\"«]")
_THAT = re.compile(r"(?<![^\W\d_])(?:ان|بان|כי)(?![^\W\d_])")


def _reported(norm: str, a: int, b: int, cues: LangCues) -> int:
    """Where what a clause reports starts: after "X said that" ("قال ... إن", "מסר כי"), else ``a``."""
    m = cues.attrib_verb.search(norm, a, b)
    if m is None or m.start() - a > 40:
        return a
    t = _THAT.search(norm, m.end(), min(b, m.end() + 80))
    return t.end() if t else a


_AR_HEAD = re.compile(r"\s*(?:\S+\s+){0,2}?\S*$|.*(?<![^\W\d_])(?:قد|لقد)\s+$")


def _event(norm: str, a: int, c0: int, b: int, s: _Sent, cues: LangCues) -> bool:
    """Does the clause report an event? An Arabic verb leads its clause ("ونفى المحامي", "قد أحالت"); the
    same letters later are mostly a noun ("ضبط النفس", "من تراجع حركة البيع")."""
    if not s.has(cues.event, norm, c0, b):
        return False
    if cues.lang != "ar":
        return True
    return any(_AR_HEAD.fullmatch(norm, c0 if m.start() >= c0 else a, m.start()) for m in cues.event.finditer(norm, c0, b))


# "..., ו־300 משפחות פונו": a comma, then "and" and a figure with a verb of its own after it
_COMMA_AND = re.compile(r"[,،] [וو]")
# "..., ושיעור ההצבעה הגיע ל־62%": after a comma, a subject that reached or stood at a figure is a claim of its own
_REACHED = re.compile(r"(?<![^\W\d_])(?:הגיע|הגיעה|הגיעו|עמד|עמדה|עמדו|הסתכם|הסתכמה|הסתכמו|נאמד|נאמדה|נאמדו|"
                      r"بلغ|بلغت|وصل|وصلت|سجل|سجلت)(?![^\W\d_])")
_AR_TO_FIGURE = re.compile(r"وال[^\W\d_]+\s+الي\s+(?:نحو\s+|حوالي\s+)?\d")
_AR_TO = re.compile(r"(?<![^\W\d_])الي\s+(?:نحو\s+|حوالي\s+)?\d")
_AR_REL = re.compile(r"(?<![^\W\d_])(?:التي|الذي|الذين|اللذين|اللتين)\s+")
_RESTATE = re.compile(r"(?:اي|כלומר|קרי)\s")
_SHARE_OF = re.compile(r"\s*(?:من|מ-?|מתוך)(?![^\W\d_])|\s*מה")
_FROM = re.compile(r"(?<![^\W\d_])(?:من|מ-?)\s*$")


def _judge(norm: str, a: int, b: int, s: _Sent, cues: LangCues, source: str | None) -> tuple[list[str], list[Figure]] | None:
    figs = [f for f in s.figures if a <= f.core < b]
    hard = [f for f in figs if f.kind != "vague"]  # "آلاف", "עשרות": a vague count is judged as the cue it was
    n_words = _words(norm, a, b)
    if n_words < 3:
        return None
    quoted = _inside(s.quotes, a, b) > 0.5
    # a ranking over time in quotes ("״הגל הגבוה ביותר מאז 2016״") is checkable; "«الفئات الأكثر احتياجا»" is not
    ranked = s.has(cues.superlative, norm, a, b) and (
        _SINCE.search(norm, a, b) is not None or s.has(cues.year, norm, a, b))
    if quoted and not hard and not s.has(cues.superlative, norm, a, b):
        return None
    if not hard and _inside(s.quotes, a, b) > 0.2 and not ranked:
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
    colon = _COLON_QUOTE.search(norm, a, b)
    if colon and not any(f.core > colon.start() for f in figs) and cues.attrib_verb.search(norm, s.a, colon.start()):
        return None  # "وقالت منى، وهي أم لثلاثة أطفال: «...»": the figure describes the speaker
    c0 = _reported(norm, a, b, cues)  # "قالت اللجنة مساء الخميس إن ...": the frame's date dates the statement
    if not _content(norm, c0, b, s, cues) and not (n_words >= 4 and _event(norm, a, c0, b, s, cues)):
        # Nothing but a time or a source: a claim when it reports an event (someone resigned, a site was
        # struck), not an assessment ("الوضع يزداد سوءا") or a description of a scene
        return None
    if not hard and not _content(norm, c0, b, s, cues, vague=False) and not _event(norm, a, c0, b, s, cues):
        return None  # "وتجمع العشرات حول الركام", "עשרות תושבים התקבצו ליד הבניין": a crowd in a scene, no toll
    types = _types(norm, a, b, s, cues, source)
    if forecast:
        types.append("prediction")
    return types, figs


def _speaker_only(norm: str, a: int, b: int, s: _Sent, cues: LangCues, figs: list[Figure]) -> bool:
    """A quote, then "said X, a mother of three": every figure follows the reporting verb after the quote."""
    ends = [e for q0, e in s.quotes if a <= q0 < e <= b]
    if not ends or _inside(s.quotes, a, ends[-1]) < 0.6:
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


# "وأضاف أن ...", "הוא הוסיף כי ...": the speaker named in the sentence before goes on
_ADDED = re.compile(r"(?<![^\W\d_])[وف]?(?:اضاف|اضافت|تابع|تابعت)\s+(?:ان|بان)(?![^\W\d_])|"
                    r"(?<![^\W\d_])ו?(?:הוסיף|הוסיפה|הוסיפו)\s+(?:כי|ש)|"
                    # "צה"ל תקף לדבריו 15 מטרות", "بحسبه": "according to him" is the speaker named before
                    r"(?<![^\W\d_])ו?(?:לדבריו|לדבריה|לדבריהם|לדבריהן)(?![^\W\d_])|"
                    r"(?<![^\W\d_])[و]?(?:بحسبه|بحسبها|حسب\s+قوله|حسب\s+قولها|وفقا\s+له|وفقا\s+لها)(?![^\W\d_])")


def _sentence_suggestions(text: str, norm: str, index: list[int], s: _Sent, cues: LangCues,
                          before: list[str | None] | None = None) -> list[Suggestion]:
    """The claims of one sentence; ``before`` holds the source the sentence before named (and is updated)."""
    if _QUESTION.search(norm, s.a, s.b):
        return []
    cut = _pieces(norm, s, cues)
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
            _words(norm, pieces[0][0], found[0][1]) <= 8 and not any(
                pieces[0][0] <= f.core < found[0][1] for f in s.figures))):
        shared = found[0][0]
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
    for p in _PARAGRAPH.finditer(norm):
        if p.group().isspace():
            continue
        quotes = _quotes(norm, p.start(), p.end())
        found: dict = {}  # the cues of the paragraph, found once for all its sentences
        for a, b in _sentences(norm, p.start(), p.end()):
            while fi < len(figures) and figures[fi].core < a:
                fi += 1
            fj = fi
            while fj < len(figures) and figures[fj].core < b:
                fj += 1
            sent = _Sent(a, b, figures[fi:fj], [q for q in quotes if q[0] < b and a < q[1]], cues, found, p.span())
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
    bounds = [(x, y) for p in _PARAGRAPH.finditer(norm) for x, y in _sentences(norm, p.start(), p.end())]
    sa = min([a] + [x for x, y in bounds if x <= a < y])
    sb = max([b] + [y for x, y in bounds if x < b <= y])
    span, _p = find_source(norm, a, b, cues)
    if span is None:
        span, _p = find_source(norm, sa, sb, cues)
    source = _name(window, index, span)
    sent = _Sent(sa, sb, figures, _quotes(norm, sa, sb), cues)
    types = _types(norm, a, b, sent, cues, source)
    figs = [f for f in figures if a <= f.core < b]
    return types, [_quantity(window, index, f) for f in figs], source
