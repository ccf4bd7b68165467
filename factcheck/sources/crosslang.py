"""Comparing texts across English, Arabic and Hebrew: names, event words and denials.

The figure check and the similar-claims lookup compare words; a claim in English and a source in
Arabic share none. What they share is a figure (read by the one number reader whatever the script),
the names in them and what happened. Names are compared by a consonant skeleton that survives
transliteration ("Khan Younis", "خان يونس" and "חאן יונס" all give "kn ns"); what happened by a
small table of event words in the three languages (killed, قتل, נהרגו -> "killed").
"""

from __future__ import annotations

import re

from factcheck.claims.suggest.lang_cues import CUES
from factcheck.claims.suggest.lang_script import detect, normalise

__all__ = [
    "UNIT_CONCEPTS",
    "concepts",
    "language_of",
    "measures_differ",
    "other_language",
    "refuted_rtl",
    "shared_across",
    "skeletons",
]

# Latin letters and digraphs, Arabic and Hebrew letters, to one consonant class each; vowels,
# weak letters and gutturals (a, e, h, ا, و, ي, ع, ح, א, ה, ו, י, ע, ח) drop out.
_LATIN_DIGRAPHS = (("kh", "k"), ("gh", "k"), ("ch", "k"), ("sh", "s"), ("th", "t"), ("dh", "t"), ("ph", "b"),
                   ("ts", "s"), ("tz", "s"), ("ou", ""), ("ee", ""), ("oo", ""))
_LATIN = str.maketrans({"b": "b", "p": "b", "v": "b", "f": "b", "k": "k", "c": "k", "q": "k", "g": "k", "j": "k",
                        "x": "k", "t": "t", "d": "t", "s": "s", "z": "s", "l": "l", "m": "m", "n": "n", "r": "r"})
_SEMITIC = str.maketrans({
    "ب": "b", "ف": "b", "ق": "k", "ك": "k", "خ": "k", "غ": "k", "ج": "k", "ت": "t", "ط": "t", "د": "t", "ض": "t",
    "ث": "t", "ذ": "t", "ظ": "t", "س": "s", "ص": "s", "ز": "s", "ش": "s", "ل": "l", "م": "m", "ن": "n", "ر": "r",
    "ב": "b", "פ": "b", "ף": "b", "ק": "k", "כ": "k", "ך": "k", "ג": "k", "ת": "t", "ט": "t", "ד": "t", "ס": "s",
    "ש": "s", "ז": "s", "צ": "s", "ץ": "s", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ר": "r",
})
_KEEP = set("bktslmnr")
_WORD = re.compile(r"[^\W\d_]+(?:[\"'][^\W\d_]+)?")
_AR_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف")
_HE_PREFIXES = ("וה", "וב", "ול", "ומ", "שה", "ה", "ב", "ל", "ו", "מ", "ש", "כ")
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|at|az|ash)-", re.IGNORECASE)


def _squeeze(letters: str) -> str:
    out = []
    for ch in letters:
        if ch in _KEEP and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def _latin_skeleton(word: str) -> str:
    w = _LATIN_ARTICLE.sub("", word.lower())
    for a, b in _LATIN_DIGRAPHS:
        w = w.replace(a, b)
    return _squeeze(w.translate(_LATIN))


def _semitic_forms(word: str) -> list[str]:
    forms = [word]
    for p in _AR_PREFIXES if re.match(r"[\u0600-\u06ff]", word) else _HE_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            forms.append(word[len(p):])
    return forms


def _word_skeletons(word: str, first: bool) -> list[str]:
    if word.isascii():
        if word[:1].isupper() and (not first or len(word) > 3):
            return [_latin_skeleton(word)]
        return []
    out = []
    for form in _semitic_forms(word.replace('"', "").replace("'", "")):
        out.append(_squeeze(form.translate(_SEMITIC)))
        if "ח" in form:  # ח is written h, kh or ch in Latin
            out.append(_squeeze(form.replace("ח", "כ").translate(_SEMITIC)))
    return out


def skeletons(text: str) -> set[str]:
    """Consonant skeletons of the names in ``text``: capitalised Latin words, and every Arabic or
    Hebrew word (with and without a prefix such as ال, و, ה, ב); two names in a row also give their
    joined skeleton ("Khan Younis" -> "knns"), which is what a short name is compared by."""
    norm, _index = normalise(text or "")
    out: set[str] = set()
    previous: list[str] = []
    for i, m in enumerate(_WORD.finditer(norm)):
        current = [sk for sk in _word_skeletons(m.group(), i == 0) if sk]
        out.update(sk for sk in current if len(sk) >= 3)
        out.update(a + b for a in previous for b in current if len(a + b) >= 3)
        previous = current
    return out


# What happened, in three languages: enough for the figure check to know that a source's "قتلى"
# is the claim's "killed". Stems: a word starting with one counts (after its prefix letters).
_CONCEPTS = {
    "killed": "killed kill dead death deaths died die fatalit اودت اودى بحياة قتل قتلى قتيل مقتل مصرع توفي وفاة "
              "وفيات لقي لقوا حتف شهيد شهداء "
              "استشهاد استشهد הרוג הרוגים נהרג נהרגו נרצח מתו מת הרוגות",
    "injured": "injur wounded wound hurt جرح جرحى مصاب اصيب اصابة اصابات פצוע פצועים נפצע נפצעו נפגע נפגעים",
    "displaced": "displaced evacuat fled refugee نزح نازح نازحين اجلاء اجلت اجلي اجلوا لاجئ עקור עקורים פונו פינוי פליט",
    "homes": "home house dwelling منزل منازل بيت بيوت مسكن מבנה בית בתים דירה דירות",
    "arrested": "arrest detain اعتقل اعتقال معتقل احتجز נעצר נעצרו עצר מעצר עצורים",
    "rate": "rate interest فائدة ריבית",
    "inflation": "inflation تضخم אינפלציה",
    "percent": "percent per cent بالمئة بالمائة المئة المائة אחוז אחוזים",
    "rockets": "rocket missile صاروخ صواريخ רקטה רקטות טיל טילים",
    "strike": "strike airstrike raid walkout غارة غارات قصف اضراب תקיפה הפצצה שביתה",
    "budget": "budget deficit موازنة ميزانية عجز תקציב גירעון",
    "votes": "vote voter turnout polling صوت اقتراع ناخب הצבעה מצביעים קלפי",
    "damage": "damage loss losses cost خسائر خسارة اضرار ضرر تكلفة נזק נזקים הפסד הפסדים עלות",
    "children": "child kids boys girls طفل اطفال ילד ילדים ילדות פעוט",
    "hospital": "hospital مستشفى مستشفيات ادخل אושפז אושפזו אשפוז בית חולים",
    "measles": "measles حصبة חצבת",
    "fire": "fire blaze wildfire burn حريق حرائق نيران שריפה שריפות דליקה",
    "quake": "earthquake quake tremor زلزال هزة רעידת רעש",
    "flood": "flood سيول فيضان فيضانات שיטפון שיטפונות הצפה",
    "police": "police officer شرطة شرطي משטרה שוטר שוטרים",
    "army": "army military soldier troops جيش جنود جندي צבא חייל חיילים צה\"ל",
    "health": "health صحة الصحة בריאות",
    "school": "school مدرسة مدارس בית ספר בתי ספר",
    "aid": "aid relief humanitarian مساعدات اغاثة סיוע",
    "trucks": "truck lorries lorry شاحنة شاحنات משאית משאיות",
    "cars": "car vehicle מכונית מכוניות רכב سيارة سيارات مركبة مركبات",
    "recall": "recall ריקול استدعاء",
    "prices": "price prices اسعار سعر מחיר מחירים",
    "unemployment": "unemployment jobless بطالة אבטלה",
    "population": "population residents inhabitants سكان نسمة אוכלוסייה תושבים",
    # Money, courts, sport and the economy: what wire copy counts besides the dead.
    "shekel": "shekel nis شيكل שקל שקלים ש\"ח",
    "dollar": "dollar دولار دولارا דולר דולרים",
    "euro": "euro يورو אירו",
    "dirham": "dirham درهم دراهم",
    "points": "point نقطة نقاط نقطتين נקודה נקודות",
    "bridges": "bridge جسر جسور גשר גשרים",
    "prison": "prison jail sentenced sentence imprison سجن حكم מאסר כלא נגזר גזר",
    "court": "court judge محكمة قاضي שופט",
    "grant": "grant منحة מענק",
    "treatment": "treat علاج טיפול",
    "spectators": "spectator crowd attendance جمهور متفرج مشجع צופים צופה קהל",
    "tickets": "ticket تذكرة تذاكر כרטיס",
    "bribes": "bribe رشوة رشاوى שוחד",
    "rescue": "rescue انقاذ חילוץ הצלה",
    "market": "market سوق שוק",
    "shares": "shares stock index exchange اسهم سهم بورصة מניות בורסה מדד",
    "forest": "forest woodland غابة غابات יער חורש",
    "dunams": "dunam دونم דונם",
    "mortgage": "mortgage رهن משכנתא משכנתאות",
    "game": "game match مباراة משחק",
    "civilians": "civilian مدني مدنيين مدنيا אזרח אזרחים",
    "study": "study survey research دراسة مسح מחקר סקר",
    "soldiers": "soldier troops جندي جنود جنديا חייל חיילים",
    "wages": "wage salary salaries pay اجور رواتب راتب שכר משכורת",
    "exports": "export صادرات יצוא",
    "imports": "import واردات יבוא",
    "tourists": "tourist visitor سائح سياح תייר תיירים",
    # Those a clinic or a service sees: "عدد المراجعين لعيادات" (the clinics' visitors) counts people, not money.
    "patients": "patient outpatient مراجع مراجعين مريض مرضى מטופל מטופלים",
    "students": "student pupil طالب طلاب תלמיד תלמידים סטודנטים",
    "ministry": "ministry ministries وزارة وزير משרד השר",
    "reconstruction": "reconstruct rebuild اعمار שיקום",
    "bank": "bank بنك مصرف בנק",
    "protesters": "protest demonstrat rally march צעדה צועדים متظاهر متظاهرين احتجاج مسيرة حشد מפגין מפגינים הפגנה עצרת",
    "crash": "crash collision accident حادث تصادم תאונה התנגשות",
    "blast": "blast explosion explode انفجار פיצוץ",
    "port": "port harbour harbor ميناء مرفأ נמל",
    "gdp": "gdp output economy الناتج اقتصاد תוצר כלכלה משק",
    "raid": "raid incursion operation مداهمة اقتحام عملية פשיטה מבצע",
    "navy": "navy naval coastguard بحرية خفر חיל הים",
    "boat": "boat vessel ship قارب سفينة مركب סירה ספינה",
    "migrants": "migrant asylum مهاجر مهاجرين مهاجرا מהגר מהגרים",
    "intercept": "intercept اعترض اعترضت יירט יירוט",
    "support": "support back favour تاييد يؤيد دعم תומך תומכים תמיכה",
    "deal": "deal agreement accord اتفاق صفقة עסקה הסכם",
    "poll": "poll استطلاع סקר",
    "bread": "bread خبز לחם",
    "participants": "participa attend משתתף משתתפים השתתפו مشارك مشاركين شارك",
    "oppose": "oppose opposition against معارض يعارض معارضة מתנגד מתנגדים התנגדות",
    "reform": "reform overhaul repair اصلاح ترميم רפורמה תיקון שיקום",  # اصلاح is both
    "israel": "israel اسرائيل ישראל ישראלים ישראלי",
    "fuel": "fuel petrol gasoline diesel وقود بنزين דלק",
    "electricity": "electricity power blackout كهرباء الكهرباء חשמל",
    "government": "government cabinet حكومة ממשלה",
    "allocated": "allocat earmark رصد خصص הקצת הקצו הקציב הקצאת",
    "cholera": "cholera كوليرا כולרה",
    "teachers": "teacher معلم معلمين مدرس مدرسين מורה מורים מורות",
    "lottery": "lottery draw قرعة הגרלה",
    "registered": "regist applicant تسجيل مسجل نسجل נרשמ הרשמה רישום",
    "devices": "device machine جهاز اجهزة מכשיר מכשירים",
    "housing": "housing اسكان דיור שיכון",
    "train": "train rail قطار רכבת",
    "journey": "journey trip travel رحلة נסיעה",
    "election": "election انتخابات בחירות",
}
# Concepts that only name a unit: shared by any two figures of that unit, so no sign of one subject.
UNIT_CONCEPTS = frozenset({"percent", "points", "shekel", "dollar", "euro", "dirham"})
_CONCEPT_OF: dict[str, str] = {}
for _name, _words in _CONCEPTS.items():
    for _w in _words.split():
        _CONCEPT_OF[_w] = _name


def concepts(text: str) -> set[str]:
    norm, _index = normalise(text or "")
    found: set[str] = set()
    for m in _WORD.finditer(norm.lower()):
        word = m.group()
        forms = [word] if word.isascii() else _semitic_forms(word)
        for form in forms:
            for n in range(len(form), 2, -1):
                name = _CONCEPT_OF.get(form[:n])
                if name:
                    found.add(name)
                    break
    return found


def language_of(text: str) -> str:
    return detect(text or "")


def other_language(a: str, b: str) -> bool:
    """Are the two texts in different languages (told by script)?"""
    return language_of(a) != language_of(b)


def shared_across(claim_text: str, passage: str) -> list[str]:
    """What a claim and a passage in another language share: names (as skeletons) and event words."""
    names = sorted(skeletons(claim_text) & skeletons(passage), key=len, reverse=True)
    return [*(f"~{n}" for n in names), *sorted(concepts(claim_text) & concepts(passage))]


_CLAUSE_BREAK = re.compile(r"[،,;؛:()]|\s-\s")
_FAR_FROM = re.compile(r"(?:הרבה|בהרבה|כثيرا|بكثير)\s*$")
# A next sentence that calls "that figure" false without repeating it.
_THAT_FIGURE = re.compile(r"\s*(?:لكن\s+|غير\s+ان\s+|אך\s+|אולם\s+)?(?:هذا\s+الرقم|هذه\s+الارقام|هذا\s+العدد|هذه\s+الحصيلة|الرقم|"
                          r"המספר(?:\s+הזה)?|הנתון(?:\s+הזה)?|הנתונים(?:\s+האלה)?|הדיווח)")
_MAX_SCOPE = 90
# A later clause denying "that" ("لكن السلطات نفت ذلك", "אך המשטרה הכחישה זאת").
_DENIED_THAT = re.compile(r"(?<![\u05d0-\u05ea\u0621-\u064a])(?:نفت|نفى|نفوا|كذبت|كذب|رفضت|رفض|انكرت|انكر|"
                          r"הכחיש|הכחישה|הכחישו|דחה|דחתה|דחו|שלל|שללה|שללו)\s+(?:ذلك|هذا|هذه|זאת|את\s+זה|את\s+הדברים)"
                          r"(?![\u05d0-\u05ea\u0621-\u064a])")
# Taking a figure back, said of "this toll" in the next sentence (not in the figure's own clause, where
# "سحب" withdraws troops): "وسحب مكتب المحافظ هذه الحصيلة", "חזרה בה מהמספר", "נסוג מההערכה".
_RETRACTED = re.compile(r"(?<![\u05d0-\u05ea\u0621-\u064a])(?:و|ف)?(?:سحب|سحبت|سحبوا|تراجع|تراجعت|تراجعوا|"
                        r"חזר\s+בו|חזרה\s+בה|חזרו\s+בהם|נסוג|נסוגה|נסוגו)(?![\u05d0-\u05ea\u0621-\u064a])")
_NO_DOUBT = re.compile(r"(?<![\u05d0-\u05ea\u0621-\u064a])(?:و|ف)?(?:لم|لا|لن|ליא|לא|אין|איש\s+לא)\s+(?:\S+\s+)?"
                       r"(?:تشكك|يشكك|تنف|ينف|تنفي|ينفي|ترفض|يرفض|تعترض|يعترض|تدحض|يدحض|הכחיש\S*|ערער\S*|חלק\S*|פקפק\S*|"
                       r"דחה|דחתה|דחו|מכחיש\S*|מערער\S*)")
_AND_NOT = re.compile(r"\s(?:ו|و)(?:לא|אין|لم|لا|ليس)\s")
_TRUTH = re.compile(r"(?:נכון|נכונה|אמת|בסיס|מדויק|اساس|صحة|صحيح|صحيحة|دقيق)")
_WITHOUT = re.compile(r"(?<![\u05d0-\u05ea])ללא(?![\u05d0-\u05ea])")
# A later clause ("but", "while") that denies "the estimate", "the figure", "those reports".
_LATER_DENIAL = re.compile(r"(?:[,،]\s*|\s)(?:אך|אולם|אבל|ואילו|لكن|غير\s+ان|بينما|الا\s+ان)\s")
_ANAPHOR = re.compile(r"(?:ה|את\s+ה)(?:הערכה|נתון|נתונים|מספר|טענה|דיווח|דיווחים)|(?:هذا\s+|هذه\s+)?(?:الرقم|العدد|التقدير|"
                      r"التقديرات|الحصيلة|الادعاء|الادعاءات|الارقام|الانباء|التقارير)")
# A later clause estimating the count again ("המשטרה העריכה את מספרם ב-1,500 בלבד", "قدرت الشرطة العدد
# بنحو 1,500 فقط"): the count itself, or "only", must be named, so "5 more missing" does not deny the dead.
_RE_ESTIMATE = re.compile(r"(?<![\u05d0-\u05ea\u0621-\u064a])(?:ו|ה)?(?:העריכ|הערכ|מעריכ|ספרו|ספרה|מנו|מנתה|قدر|يقدر|تقدر|"
                          r"احص|تقدير)")
_THE_COUNT = re.compile(r"(?:את\s+)?(?:מספרם|מספרן|המספר|מספר\s+ה|העריכה\s+ב|בלבד|רק)|(?:العدد|عددهم|الرقم|فقط|الحصيلة)")
# An early figure ("the initial estimate of 19"), a boast ("boasted of"), and "only N" answering it.
_INITIAL = re.compile(r"(?:הערכה|הערכות|נתון|נתונים|מספר|דיווח|דיווחים|תוצאה)\s+(?:ה)?(?:ראשונית|ראשוני|ראשוניים|ראשוניות|"
                      r"מוקדם|מוקדמת|מוקדמים|קודם|קודמת)|(?:التقدير|التقديرات|الحصيلة|الرقم|الارقام|الاحصاء)\s+"
                      r"(?:الاولية|الاولي|السابقة|السابق|المبدئية|المبدئي)")
# ... right before the figure ("ההערכה הראשונית של 19"), not "contrary to the first reports, 30 were killed".
_INITIAL_OF = re.compile(r"(?:" + _INITIAL.pattern + r")\s*(?:של|על|عن|من|البالغ|البالغة)?\s*(?:ל|ב|ال)?-?\s*$")
_BOAST = re.compile(r"(?<![\u05d0-\u05ea\u0621-\u064a])(?:התגאה|התגאתה|התגאו|התהדר|התהדרה|התהדרו|טען|טענה|טענו|לטענת|דיבר|"
                    r"דיברה|דיברו|تباهى|تباهت|تباهوا|زعم|زعمت|زعموا|ادعى|ادعت|ادعوا|تحدث|تحدثت|تحدثوا)"
                    r"(?![\u05d0-\u05ea\u0621-\u064a])")
_ONLY_N = re.compile(r"(?<![\u05d0-\u05ea\u0621-\u064a])(?:רק|فقط|سوى)\s+(?:כ-?|נ?כ|نحو\s+)?\d"
                     r"|\d[\d,.]*\s+(?:\S+\s+)?(?:בלבד|فقط)")
_IN_FACT = re.compile(r"(?<![\u05d0-\u05ea\u0621-\u064a])(?:בפועל|למעשה|في\s+الواقع|فعليا|في\s+الحقيقة)"
                      r"(?![\u05d0-\u05ea\u0621-\u064a])[^.;!?\d]{0,30}\d")
_OTHER_STORY = re.compile(r"(?:סיפור|תמונה)\s+(?:אחר|אחרת|שונה|שונה\s+לגמרי)|(?:قصة|صورة)\s+(?:اخرى|مختلفة)")
_AR_DENY_VERB = re.compile(r"(?:نفى|نفي|نفت|نفوا|ينفي|تنفي|انكر|انكرت|كذب|كذبت|رفض|رفضت|شكك|شككت|استبعد|استبعدت)")
_AR_RELATIVE = re.compile(r"(?<![\u0621-\u064a])(?:الذي|التي|الذين|اللذين|اللتين)(?![\u0621-\u064a])")
# Posts or reports about the figure taken down: "הפוסטים שדיווחו על 40 הרוגים הוסרו", "حذفت منشورات تحدثت عن 40".
_POSTS = re.compile(r"(?:פוסט|פוסטים|הפוסטים|ציוץ|ציוצים|סרטון|ידיעה|منشور|منشورات|تغريدة|تغريدات|مقطع|فيديو)")
_TAKEN_DOWN = re.compile(r"(?<![\u05d0-\u05ea\u0621-\u064a])(?:הוסרו|הוסר|הוסרה|נמחקו|נמחק|נמחקה|הורדו|حذفت|حذف|ازيلت|ازيل)"
                         r"(?![\u05d0-\u05ea\u0621-\u064a])")
_APPOSED_FIGURE = re.compile(r"\s*(?:(?:ו)?(?:נתון|מספר|טענה|הערכה)\s*(?:ש|אשר\s)|(?:وهو|وهي)?\s*(?:رقم|عدد|تقدير|ادعاء))")
_NAMED_BEFORE = re.compile(r"(?:המספר|הנתון|ההערכה|الرقم|العدد|الحصيلة)\s*[,،]\s*$")
# "נהרגו 30 ולא 50", "قتل 30 وليس 50": a bare negation before another number denies that one, and so
# asserts the figure it follows.
_BARE_NEGATION = re.compile(r"(?:ו|و)?(?:לא|אלא|ليس|لا|لم)")
_NUMBER_NEXT = re.compile(r"\s*(?:כ-?|ال|ل-?)?(?:\d|" + "|".join(
    ("שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה", "תשע", "עשר", "עשרים", "שלושים", "ארבעים", "חמישים", "מאה", "אלף",
     "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع", "عشر", "عشرين", "ثلاثين", "اربعين", "خمسين", "مئة", "الف"),
) + ")")


# Denials the engine's cue lists do not hold (they serve the suggestion engine; these only the figure
# check): "استبعدت" (ruled out), "قللت من شأن" (played down; "قللت" alone is "cut"), "مفبرك"
# (fabricated), "تراجع عن" (went back on; "تراجع" alone is "fell"); "ערערו על"
# (challenged), "חלק על" (disputed), "הגזמה" (an exaggeration), "השמועה" (the rumour).
_AR_LETTERS = r"\u0621-\u064a"
_HE_LETTERS = r"\u05d0-\u05ea"
_AR_DENIALS = (
    "استبعد|استبعدت|استبعدوا|يستبعد|تستبعد|تراجع عن|تراجعت عن|مفبرك|مفبركة|ملفق|ملفقة|مختلق|مختلقة|هراء|تهويل|مضخم|"
    "مضخمة|تضخيم|تنفيه|ينفيه|نفته|نفاه|تنفيها|ينفيها|نفتها|نفاها|تدحضه|يدحضه|دحضته|دحضه|ترفضه|يرفضه|رفضته|رفضه|"
    "على الورق فقط|فقط على الورق|حبر على ورق|تم تعديل|تم تخفيض|"
    "تشكك فيه|يشكك فيه|لا ذكر|اي ذكر|لا يوجد ذكر|قصة اخرى|قصة مختلفة|صورة مختلفة|صورة اخرى|"
    "مزيف|مزيفة|مغلوط|مغلوطة|زيف|غير حقيقي|غير حقيقية|لا يعكس|لا تعكس|غير واقعي|غير واقعية"
)
_HE_DENIALS = (
    "ערער|ערערה|ערערו|מערער|מערערים|הטילו ספק|מטיל ספק|מטילה ספק|מטילים ספק|הטלת ספק|חלק על|חלקה על|חלקו על|הגזמה|"
    "מופרז|מופרזת|מופרזים|מופרזות|הזים|הזימה|הזימו|שמועה|שמועות|בדוי|בדויה|בדויים|חסר שחר|חסרת שחר|אין בסיס|מעולם לא|"
    "בדיה|בדיון|המצאה|הבל|שטות|שטויות|קשקוש|לא קיים|לא קיימים|"
    "פקפק|פקפקה|פקפקו|מפקפק|מפקפקת|מפקפקים|רק על הנייר|על הנייר בלבד|תוקנה|תוקן|תוקנו|הופחת|הופחתה|הופחתו|"
    "נופח|נופחה|נופחו|אין אזכור|אין כל אזכור|אין זכר|אין כל זכר|סיפור אחר|סיפור שונה|תמונה אחרת|תמונה שונה|"
    "ניפח|ניפחה|ניפחו|הגזים|הגזימה|הגזימו|"
    "קטן בהרבה|נמוך משמעותית|איננו נכון|איננה נכונה|אינם מדויקים|אינו מבוסס|התבדה|התבדו|נמצא שגוי|נמצאו שגויים|לא אומת|טעות"
)
_EXTRA_DENIALS = {
    "ar": re.compile(
        rf"(?<![{_AR_LETTERS}])(?:و|ف|ب|ل|ال|وال)?(?:{_AR_DENIALS})(?![{_AR_LETTERS}])"
        # "قللت السلطات من شأن": played down, with the subject between the verb and its "من شأن"
        rf"|(?<![{_AR_LETTERS}])[وف]?[يت]?قلل(?:ت|وا)?(?:\s+[{_AR_LETTERS}]+){{0,3}}?\s+من\s+(?:شان|اهمية|حجم)"
    ),
    "he": re.compile(rf"(?<![{_HE_LETTERS}])(?:ו|ה|ש|וה|שה|כ|ב)?(?:{_HE_DENIALS})(?![{_HE_LETTERS}])"),
}


_WRONG_LATER = re.compile(rf"(?<![{_AR_LETTERS}{_HE_LETTERS}])(?:ו|ה)?(?:שגוי|שגויה|שגויים|שגויות|מוטעה|מוטעית|מוטעים|"
                          rf"אינו נכון|אינה נכונה|לא נכון|לא נכונה|غير صحيح|غير صحيحة|خاطئ|خاطئة|خطا|مغلوط|مغلوطة)"
                          rf"(?![{_AR_LETTERS}{_HE_LETTERS}])")
_NAMES_FIGURE = re.compile(r"(?:הנתון|הטענה|הדיווח|המספר|ההערכה|הפרסום|الرقم|الادعاء|التقرير|الخبر|نسخة سابقة|ورد في)")
_CORRECT_ONE = re.compile(rf"[^.!?\d]{{0,30}}?[،,]\s*(?:و)?(?:الصحيح|الصواب|הנכון|המספר הנכון|הנתון הנכון)"
                          rf"(?![{_AR_LETTERS}{_HE_LETTERS}])")


def _denial(lang: str, part: str) -> bool:
    extra = _EXTRA_DENIALS.get(lang)
    return bool(extra and extra.search(part))


def _denies_another(part: str, m: re.Match[str]) -> bool:
    return _BARE_NEGATION.fullmatch(m.group().strip()) is not None and _NUMBER_NEXT.match(part, m.end()) is not None


# What a percentage or a sum measures, among the concepts: a claim about unemployment is not stated
# by a source's GDP growth of the same percentage ("התוצר צמח ב-4.1%").
_MEASURE_OF_CONCEPT = {"unemployment": "unemployment", "inflation": "prices", "prices": "prices", "gdp": "gdp",
                       "exports": "exports", "imports": "imports", "wages": "wages", "budget": "budget", "rate": "rate",
                       "patients": "patients"}


def measures_differ(claim_text: str, passage: str) -> bool:
    mine = {_MEASURE_OF_CONCEPT[c] for c in concepts(claim_text) if c in _MEASURE_OF_CONCEPT}
    theirs = {_MEASURE_OF_CONCEPT[c] for c in concepts(passage) if c in _MEASURE_OF_CONCEPT}
    return bool(mine and theirs and not mine & theirs)


def refuted_rtl(text: str, start: int, end: int, bounds: tuple[int, int]) -> bool:
    """Does the clause around the figure ``text[start:end]`` of an Arabic or Hebrew source deny it
    ("نفى", "غير صحيح", "لا", "أقل بكثير من"; "הכחיש", "אינו נכון", "לא")?"""
    lang = detect(text[max(0, start - 300):end + 300])
    if lang not in CUES:
        return False
    cues = CUES[lang]
    lo = max(bounds[0], start - _MAX_SCOPE)
    cut = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, start):
        cut = m.end()
    hi = min(bounds[1], end + _MAX_SCOPE)
    stop = _CLAUSE_BREAK.search(text, end, hi)
    before, _i = normalise(text[cut:start])
    after, _j = normalise(text[end:stop.start() if stop else hi])
    # "ללא שינוי" (unchanged) is "without", not a negation of the figure.
    before, after = _WITHOUT.sub("   ", before), _WITHOUT.sub("   ", after)
    # "... بحسب الطبيب الشرعي الذي نفى وجود تستر": a relative clause after the figure denies something of
    # the person it describes, not the figure.
    # (Only when the denial is the relative clause's own verb: in "رقم 2000 وظيفة الذي تم تداوله غير صحيح" the
    # main clause goes on to deny the figure.)
    rel = _AR_RELATIVE.search(after)
    if rel:
        own = re.match(r"\s*\S+", after[rel.end():])
        if own and _AR_DENY_VERB.fullmatch(own.group().strip()):
            after = after[:rel.start()]
    # "נהרגו 30 ואין נעדרים", "قتل 30 ولم يصب أحد": "and no ..." starts a clause of its own.
    joined = _AND_NOT.search(after)
    if joined and not _NUMBER_NEXT.match(after, joined.end()) and not _TRUTH.match(after, joined.end()):
        after = after[:joined.start()]
    if any(not _denies_another(part, m) for part in (before, after) for m in cues.contradict.finditer(part)):
        return True
    if _denial(lang, before) or _denial(lang, after):
        return True
    if stop and _NAMED_BEFORE.search(normalise(text[lo:start])[0]):
        # "המספר, 30 הרוגים, מנופח": the figure in apposition to "the number" that the clause then denies
        stop2 = _CLAUSE_BREAK.search(text, stop.end(), hi)
        rest, _r = normalise(text[stop.end():stop2.start() if stop2 else hi])
        if cues.contradict.search(rest) or _denial(lang, rest):
            return True
    if _FAR_FROM.search(before) and re.match(r"\s*(?:פחות|יותר|מתחת|מעל|اقل|اكثر|ادنى|دون)", normalise(text[start:end])[0]):
        return True  # "הרבה פחות מ-4,000", "أقل بكثير": far from the figure
    # Later in the sentence, "..., אך המשטרה דחתה את ההערכה": the figure named again and denied.
    rest, _l = normalise(text[end:bounds[1]])
    # "הנתון שהופץ ברשתות, שלפיו ... הגיע ל-40%, שגוי": a sentence about "the figure" (or "an earlier version")
    # calls it wrong after it, whatever clauses lie between; "..., والصحيح أنها 4 ملايين": the correct one follows.
    if _CORRECT_ONE.match(rest) or (_WRONG_LATER.search(rest) and _NAMES_FIGURE.search(normalise(text[bounds[0]:start])[0])):
        return True
    for m in _LATER_DENIAL.finditer(rest):
        tail = rest[m.end():m.end() + 60]
        if _ANAPHOR.search(tail) and (cues.contradict.search(tail) or _denial(lang, tail)):
            return True
        if _DENIED_THAT.search(tail[:40]):
            return True  # "..., لكن السلطات المحلية نفت ذلك": the clause denies "that"
        if _OTHER_STORY.search(tail) or _IN_FACT.search(tail):
            return True  # "..., אך נתוני המשטרה מספרים סיפור אחר": the data tell another story
        if _RE_ESTIMATE.search(tail) and _THE_COUNT.search(tail) and re.search(r"\d", tail):
            return True  # "..., אך המשטרה העריכה את מספרם ב-1,500 בלבד": the count estimated anew, lower
    sentence, _s = normalise(text[bounds[0]:bounds[1]])
    if _POSTS.search(sentence) and _TAKEN_DOWN.search(sentence):
        return True
    # ", נתון שהמשטרה מכחישה", "، وهو رقم تنفيه الشرطة": an apposition after the figure's clause denying it.
    if stop:
        tail, _t = normalise(text[stop.end():min(bounds[1], stop.end() + 60)])
        m = _APPOSED_FIGURE.match(tail)
        if m and (cues.contradict.search(tail, m.end()) or _denial(lang, tail[m.end():])):
            return True
    if _IN_FACT.search(rest[:80]):
        return True  # "...; בפועל הגיעו כ-1,500": in fact another count
    window, _w = normalise(text[max(bounds[0], start - 40):start])
    if _INITIAL_OF.search(window):
        return True  # "ההערכה הראשונית של 19 הרוגים", "الحصيلة الاولية": an early figure, superseded
    if _BOAST.search(window):
        for m in _LATER_DENIAL.finditer(rest):
            if _ONLY_N.search(rest[m.end():m.end() + 70]):
                return True  # "התגאתה ב-50,000 דירות, אך ... רק 31,200 הושלמו": a boast answered by a smaller count
    nxt, _k = normalise(text[bounds[1]:bounds[1] + 160])
    # "המשטרה דחתה את הנתון הזה", "رفضت الشرطة هذا الرقم": the next sentence denies "this figure".
    head = nxt[:80]
    if _NO_DOUBT.search(head):
        return False  # "ولم تشكك السلطات في هذا الرقم", "איש לא ערער על המספר": the figure stands
    named = _ANAPHOR.search(head)
    if named and not re.match(r"\s*(?:של\s*)?-?\d", head[named.end():]) and (
            cues.contradict.search(head) or _denial(lang, head) or _RETRACTED.search(head)):
        return True
    m = _THAT_FIGURE.match(nxt)
    return bool(m and (cues.contradict.search(nxt, m.end(), m.end() + 100) or _denial(lang, nxt[m.end():m.end() + 100])))


# --- similar claims in another language ------------------------------------------------------

XLANG_BASE = 60.0  # a figure in common, before names and events count


def cross_language_similarity(a: str, b: str) -> float:
    """0-100 for two claims in different languages: nothing unless a figure agrees (value and unit,
    read whatever the script); then each shared name skeleton adds 15 and each shared event word 10.
    The similar-claims threshold (75) thus asks for the figure and a name, or the figure and two
    events ("killed" and "Gaza" in "12 killed in Gaza" / "مقتل 12 في غزة")."""
    from factcheck.sources.figures import quantities_of, units_compatible, values_agree

    qa, qb = quantities_of(a), quantities_of(b)
    agree = any(
        units_compatible(x["unit"], y["unit"]) and (
            values_agree(x["value"], x["qualifier"], y["value"], y["qualifier"])
            or values_agree(y["value"], y["qualifier"], x["value"], x["qualifier"])
        )
        for x in qa for y in qb
    )
    if not agree:
        return 0.0
    shared = shared_across(a, b)
    names = sum(1 for s in shared if s.startswith("~"))
    events = len(shared) - names
    return min(95.0, XLANG_BASE + 15 * names + 10 * events)


def digit_forms(value: float) -> list[str]:
    """How an integer figure may be written in a claim's text: 1500, 1,500, ١٥٠٠, ۱۵۰۰ (for a
    database filter; a figure in words is found through the claim's stored quantities instead)."""
    if value != int(value) or value < 10:
        return []
    plain = str(int(value))
    grouped = f"{int(value):,}"
    forms = {plain, grouped}
    forms |= {f.translate(str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")) for f in (plain, grouped)}
    forms.add(plain.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))
    return sorted(forms)
