"""Who an Arabic or Hebrew clause is reported from ("قالت الوزارة", "לפי משרד הבריאות", "..., כך מסרה
המשטרה"): where the source is named and where the reporting phrase starts. Split from lang_engine."""

from __future__ import annotations

import re

from .lang_cues import LangCues
from .lang_lexicon import LEX, fold
from .lang_numwords import num_kind

_L = r"\u0621-\u064a\u0671-\u06d3\u05d0-\u05ea"
_WORD = re.compile(rf"[{_L}\w\"']+")
# "כך החליטה רשות החשמל": "so decided X" at a clause's end names X as the source, whatever the verb
HE_SO = re.compile(r"[וו]?כך\s+(?!ש|כי|לפי)[^\W\d_]+\s+(?=[^\W\d_])")

_SOURCE_STOP = re.compile(
    # a double quote stops a source unless it is gershayim inside a word ("צה"ל", "מנכ"ל")
    r"\s*(?:[،,:;؛.«»()]|(?<![^\W\d_])\"|\"(?![^\W\d_])|\d|"
    r"\s(?:ان|بان|انه|انها|انهم|بانه|بانها|في بيان|يوم|כי|ש|امس|اليوم|אתמול|היום|בהודעה|علي|ל-|"
    r"الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعة|السبت)(?=\s|$))"  # أن→ان; a weekday dates what the source said
)
Span = tuple[int, int]


def _words_span(norm: str, start: int, end: int, first: int = 0, last: int | None = None) -> Span | None:
    words = list(_WORD.finditer(norm, start, end))[first:last]
    return (words[0].start(), words[-1].end()) if words else None


def _source_after(norm: str, pos: int, limit: int, cues: LangCues) -> Span | None:
    m = _SOURCE_STOP.search(norm, pos, limit)
    end = m.start() if m else limit
    words = list(_WORD.finditer(norm, pos, end))[:6]
    if cues.lang == "he" and words and words[0].group() in ("כי", "ש"):
        return None
    if cues.lang == "he":
        while words and len(words[-1].group()) == 1:  # "... המורים משתתפים בה כ־48": the "about" of a figure
            words = words[:-1]
    if cues.lang == "ar" and len(words) > 2 and words[0].group() == "ما":
        words = words[2:]  # "بحسب ما أعلنت وزارة الصحة": the ministry, not "what it announced"
    if cues.lang == "ar":
        # "أعلنت الوزارة تسجيل 1200 إصابة": the source ends before what it announced (a verbal noun or a figure)
        for k, w in enumerate(words[1:], start=1):
            if w.group() in _AR_ANNOUNCED or num_kind(w.group(), LEX["ar"], True) is not None:
                words = words[:k]
                break
        # "أفادت الوكالة بمقتل ...": a word glued to ب after the source starts what it reported
        for k, w in enumerate(words[2:], start=2):
            if w.group().startswith("ب") and not w.group().startswith(("بن", "بل", "بر")):
                words = words[:k]
                break
    return (words[0].start(), words[-1].end()) if words else None


_AR_KANA = re.compile(r"(?<![^\W\d_])[وف]?(?:كان|كانت|كانوا)\s+(?P<s>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)\s+قد\s*$")
_AR_DECLARE = re.compile(r"[وف]?اعلن(?:ت|وا)?\s")
# What a body announces having counted or done, as a verbal noun after its name ("أعلنت وزارة الصحة تسجيل 1200
# إصابة", "أعلنت وزارة الدفاع إسقاط طائرتين"): the body is the source of the figure that follows
_AR_ANNOUNCED = {fold(w) for w in (
    "تسجيل", "إسقاط", "إغلاق", "استرداد", "تشغيل", "المصادقة", "مقتل", "وفاة", "ارتفاع", "انخفاض", "اعتقال", "توقيف",
    "ضبط", "إنقاذ", "انتشال", "تخصيص", "إجلاء", "تدمير", "استعادة", "افتتاح", "توزيع", "صرف", "إرسال", "تلقي",
    "استقبال", "رصد", "إحباط", "اعتراض", "تراجع", "زيادة", "نمو", "بلوغ", "وصول", "إصابة", "شفاء", "إعادة", "فحص")}
# a declaration, not a report, even with a figure ("أعلن الحداد ثلاثة أيام", "أعلنت حالة الطوارئ لمدة شهر")
_AR_DECLARED = re.compile(r"الحداد|حاله\s+الطوارئ|حالة\s+الطوارئ|حظر\s+التجول|الاضراب|الاستنفار|النفير")


def _declarer(norm: str, span: Span) -> Span:
    """Who announced, without what: after a definite word of the name, an indefinite one starts the object
    ("أعلنت الحكومة خطة لبناء ألف منزل", "أعلنت الشركة أرباحاً"); "باسم", and "و" or "ل" before a definite
    word, go on with the name ("المتحدث باسم الجيش", "هيئة النزاهة ومكافحة الفساد", "مفوضية ... لشؤون اللاجئين")."""
    words = list(_WORD.finditer(norm, *span))
    for k in range(1, len(words)):
        w, prev = words[k].group(), words[k - 1].group()
        definite = prev.startswith(("ال", "لل")) or prev in ("باسم",)
        if definite and not w.startswith(("ال", "لل", "بال", "باسم", "وال")) and not (
                w.startswith(("و", "ل")) and k + 1 < len(words) and words[k + 1].group().startswith("ال")):
            return span[0], words[k - 1].end()
    return span


def _announces_figure(norm: str, m_end: int, b: int) -> bool:
    """"أعلنت الوزارة تسجيل ألف إصابة": the announcement carries a figure (in words too) or a counting noun."""
    window = norm[m_end:min(b, m_end + 100)]
    if _AR_DECLARED.search(window):
        return False
    words = _WORD.findall(window)[:12]
    return any(w in _AR_ANNOUNCED for w in words[1:5]) or any(num_kind(w, LEX["ar"], True) is not None for w in words[1:])
_AR_REPORTS = re.compile(r"(?<![^\W\d_])(?:ان|بان|انه|انها|انهم|عن|ل)(?![^\W\d_])|\d")
# "ونقل الجرحى إلى مستشفيين": carried somewhere, not reported ("نقلت الوكالة عن مصدر" reports)
_AR_CARRIED = re.compile(r"[وف]?نقل(?:ت|وا)?\s")
_AR_FROM = re.compile(r"(?<![^\W\d_])عن(?![^\W\d_])")
# "تقدر قيمتها بنحو 900 ألف": its value is estimated at, no one named estimates it
_AR_ESTIMATED = re.compile(r"[وف]?(?:يقدر|تقدر)\s+[^\W\d_]+(?:ها|هم|ه)\s")
# "ونفى المتحدث العسكري في بيان أن ...": who denies a thing is the source of the denial
_AR_DENY = re.compile(r"(?<![^\W\d_])[وف]?(?:نفي|نفت|نفوا)\s")
_HE_APPROVED = re.compile(r"ו?אישר(?:ה|ו)?\s+(?!כי|ש|את\s+הדיווח|את\s+הדברים)")
_HE_SHARE = re.compile(r"(?<![^\W\d_])(?:[וכמ]?(?:מחצית|שליש|רבע|רוב)|אחוז|%)")
_HE_AGE_TAIL = re.compile(r",\s*(?:בן|בת|בני|בנות)\s+\d+\s*,\s*$")


def find_source(norm: str, a: int, b: int, cues: LangCues) -> tuple[Span | None, int]:
    """(where the clause's source is named, where the reporting phrase starts) or (None, -1)."""
    m = cues.attrib_prep.search(norm, a, b)
    if m:
        return _source_after(norm, m.end(), b, cues), m.start()
    m = cues.attrib_verb.search(norm, a, b)
    while m is not None and norm[m.end():m.end() + 3].lstrip(" -")[:1].isdigit():
        m = cues.attrib_verb.search(norm, m.end(), b)  # "והוסיף 8 אסיסטים": added eight, reported nothing
    if m is None and cues.lang == "he":
        so = HE_SO.search(norm, a, b)  # "..., כך החליטה רשות החשמל": the body that decided is the source
        if so:
            return _source_after(norm, so.end(), b, cues), so.start()
    if m and cues.lang == "he" and _HE_APPROVED.match(norm, m.start()):
        # "הממשלה אישרה תקציב": approved, not confirmed; a later "כך הודיע משרד האוצר" still names a source
        m = cues.attrib_verb.search(norm, m.end(), b)
    if m is not None and cues.lang == "ar" and (
            (_AR_CARRIED.match(norm, m.start()) and not _AR_FROM.search(norm, m.end(), min(b, m.end() + 60)))
            or _AR_ESTIMATED.match(norm, m.start())):
        m = cues.attrib_verb.search(norm, m.end(), b)
    if m is None and cues.lang == "ar":
        deny = _AR_DENY.search(norm, a, b)
        if deny and _AR_REPORTS.search(norm, deny.end(), min(b, deny.end() + 80)):
            return _source_after(norm, deny.end(), b, cues), deny.start()
    if not m:
        return None, -1
    if cues.lang == "ar" and _AR_DECLARE.match(norm, m.start()) and not _AR_REPORTS.search(
            norm, m.end(), min(b, m.end() + 60)) and not _announces_figure(norm, m.end(), b):
        return None, -1  # "وأعلن رئيس الوزراء الحداد": declared (an event), not reported
    kana = _AR_KANA.search(norm, a, m.start()) if cues.lang == "ar" else None
    if kana:  # "وكان الجيش قد أعلن الشهر الماضي": the subject before the verb is the source
        return kana.span("s"), m.start()
    after = _source_after(norm, m.end(), b, cues)
    if after and cues.lang == "ar" and _AR_DECLARE.match(norm, m.start()):
        after = _declarer(norm, after)
    if norm[m.start():m.end()].rstrip().endswith((" כי", " ש")):
        after = None  # "בשירות המטאורולוגי צופים כי ...": what follows is the forecast, not its source
    if cues.lang == "he":
        # "משרד הבריאות מסר כי ...": a short subject before the verb is the source; "..., אמר השר" names it after
        # "שר האוצר, בן 61, אמר כי": the age between the commas describes the source, it does not name it
        age = _HE_AGE_TAIL.search(norm, a, m.start())
        verb_at = age.start() if age else m.start()
        clause_start = max(a, norm.rfind(",", a, verb_at) + 1)
        head = [w for w in _WORD.finditer(norm, clause_start, verb_at) if any(c.isalpha() for c in w.group())]
        if head and head[0].group() in ("ואילו", "ואולם", "אולם", "אך", "בעוד"):
            head = head[1:]  # "ואילו ההגנה טענה": the defence
        if 0 < len(head) <= 4 and not any(c.isdigit() for c in norm[clause_start:verb_at]) and not _HE_SHARE.search(
                norm, clause_start, verb_at):
            first = head[0].start()
            # "בבנק ישראל ציינו", "במשטרה מסרו": the body is named with "ב" before an impersonal plural verb
            if norm[first] == "ב" and len(head[0].group()) > 3 and norm[m.start():m.end()].rstrip().endswith("ו"):
                first += 1
            return (first, head[-1].end()), m.start()
        # "מחצית מהעסקים דיווחו על ירידה", "40% מהנשאלים אמרו": a counted subject is what the claim is
        # about (a survey's share), not who reports it
        if 0 < len(head) <= 6 and (_HE_SHARE.search(norm, clause_start, m.start()) or any(
                c.isdigit() for c in norm[clause_start:m.start()])):
            return None, -1
    if after and norm[m.start():m.end()].strip().endswith("נמסר") and norm[after[0]] == "מ":
        after = (after[0] + 1, after[1])  # "נמסר ממשרד הבריאות"
    return after or _words_span(norm, a, m.start(), -5), m.start()
