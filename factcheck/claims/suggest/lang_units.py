"""Counted nouns of Arabic and Hebrew news and the English unit each is labelled with (tables, and the
forms a noun takes after a number).

The labelling guidelines give a count "a short lower-case noun" ("homes", "jobs", "tanks"), in
English whatever the article's language; lang_ar.GROUP_UNITS and lang_he.GROUP_UNITS hold the first
nouns the engine met, these the wider vocabulary of wire copy (courts, economy, health, conflict,
disasters). People stay "people" (lang_*.PEOPLE), as the guidelines' examples and labels do.

Arabic: a noun is listed by its singular and plurals; the reader also needs the accusative singular
after 11-99 ("12 قاربا") and the dual, which alone says "two" ("قاربين"). Hebrew: by its plural and
singular; a masculine plural's construct form ("מטוסי קרב", "מקרי חצבת") is made here.
"""

from __future__ import annotations

import re

# English unit: Arabic singular and plural forms (space separated; the first is the singular).
_AR = {
    "complaints": "شكوى شكاوى", "accidents": "حادث حوادث حادثة", "attacks": "هجوم هجمات اعتداء اعتداءات",
    "boats": "قارب قوارب زورق زوارق", "ships": "سفينة سفن", "bodies": "جثة جثث جثمان جثامين",
    "teams": "فريق فرق فرقة",
    "floors": "طابق طوابق", "draws": "تعادل تعادلات",
    "warehouses": "مستودع مستودعات مخزن مخازن", "livestock": "رأس", "wins": "فوز انتصار انتصارات",
    "losses": "هزيمة هزائم", "seasons": "موسم مواسم", "cases": "حالة حالات قضية قضايا",
    "jobs": "وظيفة وظائف", "companies": "شركة شركات", "countries": "دولة دول بلد بلدان",
    "members": "عضو أعضاء", "tanks": "دبابة دبابات", "helicopters": "مروحية مروحيات طوافة طوافات", "bombs": "قنبلة قنابل",
    "tunnels": "نفق أنفاق", "targets": "موقع مواقع", "arrests": "اعتقال اعتقالات", "protests": "مظاهرة مظاهرات احتجاج احتجاجات",
    "neighbourhoods": "حي أحياء", "cities": "مدينة مدن", "towns": "بلدة بلدات", "municipalities": "بلدية بلديات",
    "shops": "متجر متاجر محل محلات", "factories": "مصنع مصانع", "farms": "مزرعة مزارع", "wells": "بئر آبار",
    "trees": "شجرة أشجار", "flights": "رحلة رحلات", "projects": "مشروع مشاريع", "mosques": "مسجد مساجد",
    "churches": "كنيسة كنائس", "clinics": "عيادة عيادات", "doses": "جرعة جرعات لقاح", "tests": "فحص فحوص فحوصات اختبار",
    "crossings": "معبر معابر", "checkpoints": "حاجز حواجز", "counts": "تهمة تهم",
    "lawsuits": "دعوى دعاوى", "laws": "قانون قوانين", "sessions": "جلسة جلسات", "documents": "وثيقة وثائق مستند مستندات",
    "signatures": "توقيع تواقيع توقيعات", "applications": "طلب طلبات", "permits": "تصريح تصاريح رخصة رخص",
    "accounts": "حساب حسابات", "barrels": "برميل براميل", "points": "نقطة نقاط", "matches": "مباراة مباريات",
    "medals": "ميدالية ميداليات", "tickets": "تذكرة تذاكر", "copies": "نسخة نسخ", "nights": "ليلة ليال ليالي",
    "universities": "جامعة جامعات", "branches": "فرع فروع", "stations": "محطة محطات", "roads": "طريق طرق",
    "bridges": "جسر جسور", "weapons": "سلاح أسلحة", "containers": "حاوية حاويات", "parcels": "طرد طرود",
    "meals": "وجبة وجبات", "buses": "حافلة حافلات", "trains": "قطار قطارات",
    "violations": "انتهاك انتهاكات", "reports": "تقرير تقارير", "calls": "مكالمة مكالمات اتصال اتصالات",
    "raids": "مداهمة مداهمات", "operations": "عملية عمليات", "explosions": "انفجار انفجارات",
    "aftershocks": "هزة هزات", "loans": "قرض قروض", "shares": "سهم أسهم", "banks": "بنك بنوك مصرف مصارف",
    "incidents": "واقعة وقائع", "units": "وحدة وحدات", "rooms": "غرفة غرف", "classrooms": "فصل فصول",
    "vessels": "مركب مراكب", "provinces": "محافظة محافظات ولاية ولايات", "camps": "مخيم مخيمات",
    "shelters": "ملجأ ملاجئ مأوى", "beds": "سرير", "questions": "سؤال أسئلة", "votes": "صوت أصوات",
    "offences": "جريمة جرائم جنحة جنح مخالفة مخالفات",
    "species": "نوع أنواع", "games": "لعبة ألعاب", "titles": "لقب ألقاب",
    "sites": "منشأة منشآت", "tweets": "تغريدة تغريدات", "posts": "منشور منشورات", "messages": "رسالة رسائل",
    "seats": "مقعد مقاعد", "cameras": "كاميرا كاميرات",
    "rounds": "جولة جولات", "deals": "صفقة صفقات", "agreements": "اتفاقية اتفاقيات اتفاق اتفاقات",
    "meetings": "اجتماع اجتماعات لقاء لقاءات",
    "decisions": "قرار قرارات", "tenders": "عطاء عطاءات مناقصة مناقصات", "times": "مرة مرات", "eggs": "بيضة بيض",
    # wire copy's districts, centres, launchers, panels, brigades (the dual "منصتين" says two launchers)
    "districts": "مديرية مديريات قضاء أقضية", "centres": "مركز مراكز", "launchers": "منصة منصات",
    "panels": "لوح ألواح", "toilets": "مرحاض مراحيض", "brigades": "لواء ألوية", "battalions": "كتيبة كتائب",
    "generators": "مولد مولدات", "turbines": "توربين توربينات", "hospitals": "مستشفى مستشفيات",
    "vehicles": "مركبة مركبات آلية آليات", "aircraft": "طائرة طائرات", "drones": "مسيرة مسيرات",
    "apartments": "شقة شقق", "households": "أسرة أسر", "tents": "خيمة خيام", "sheep": "خروف خراف أغنام غنم",
    "personnel": "عنصر عناصر",
    "bakeries": "فرن أفران مخبز مخابز", "shipments": "شحنة شحنات", "convoys": "قافلة قوافل",
    "families": "عائلة عائلات", "buildings": "بناية بنايات عمارة عمارات",
    # what wire copy counts in strikes, fraud trials and outbreaks ("137 طلعة", "فاتورة مزورة", "1200 إصابة")
    "sorties": "طلعة طلعات", "invoices": "فاتورة فواتير", "samples": "عينة عينات", "departments": "دائرة دوائر",
    "organisations": "منظمة منظمات",
}
# Two-word counted nouns ("سيارات إسعاف"): the pair as written after the number.
_AR_PAIRS = {
    "ambulances": "سيارة إسعاف|سيارات إسعاف", "housing units": "وحدة سكنية|وحدات سكنية",
    "food baskets": "سلة غذائية|سلال غذائية|سلة غذاء|سلال غذاء", "livestock": "رأس ماشية|رؤوس ماشية", "jobs": "فرصة عمل|فرص عمل",
    "m2": "متر مربع|مترا مربعا|أمتار مربعة", "m3": "متر مكعب|مترا مكعبا|أمتار مكعبة", "km/h": "كيلومترا في|كيلومتر في",
    "shells": "قذيفة هاون|قذائف هاون", "polling stations": "مركز اقتراع|مراكز اقتراع|مركز انتخابي|مراكز انتخابية",
    "cases": "حالة إصابة|حالات إصابة", "deaths": "حالة وفاة|حالات وفاة",  # "58 حالة وفاة": 58 deaths
    "fire engines": "سيارة إطفاء|سيارات إطفاء|آلية إطفاء|آليات إطفاء", "explosive devices": "عبوة ناسفة|عبوات ناسفة",
    "drones": "طائرة مسيرة|طائرات مسيرة|طائرة مسيّرة|طائرات مسيّرة", "businessmen": "رجل أعمال|رجال أعمال",
}
_AR_MEASURES = {
    "mm": "ملم مليمتر مليمترا مليمترات ملليمتر ملليمترا ملليمترات",
    "cm": "سم سنتيمتر سنتيمترا سنتيمترات", "g": "غرام غراما غرامات جرام جراما",
    "MW": "ميغاواط ميجاوات ميغاوات ميجاواط", "GW": "غيغاواط جيجاوات غيغاوات جيجاواط", "acres": "فدان فدانا فدادين", "m3": "مكعب",
    "km": "كلم", "kg": "كيلو",
}

# English unit: Hebrew plural and singular forms.
_HE = {
    "complaints": "תלונות תלונה", "accidents": "תאונות תאונה", "attacks": "התקפות התקפה פיגועים פיגוע",
    "incidents": "אירועים אירוע", "boats": "סירות סירה", "ships": "ספינות ספינה אוניות אונייה", "bodies": "גופות גופה",
    "jobs": "משרות משרה", "companies": "חברות", "countries": "מדינות מדינה", "members": "חברי", "tanks": "טנקים טנק",
    "helicopters": "מסוקים מסוק", "bombs": "פצצות פצצה", "tunnels": "מנהרות מנהרה", "targets": "מטרות מטרה יעדים",
    "arrests": "מעצרים מעצר", "protests": "הפגנות הפגנה", "neighbourhoods": "שכונות שכונה", "cities": "ערים עיר",
    "communities": "יישובים יישוב ישובים", "municipalities": "רשויות רשות", "shops": "חנויות חנות", "businesses": "עסקים עסק",
    "factories": "מפעלים מפעל", "farms": "חוות חווה", "trees": "עצים", "flights": "טיסות טיסה",
    "projects": "פרויקטים פרויקט", "clinics": "מרפאות מרפאה", "doses": "מנות חיסונים", "tests": "בדיקות בדיקה",
    "crossings": "מעברים", "checkpoints": "מחסומים מחסום", "cases": "תיקים תיק מקרים מקרה", "counts": "אישומים אישום",
    "lawsuits": "תביעות תביעה", "laws": "חוקים חוק", "sessions": "ישיבות ישיבה דיונים דיון",
    "documents": "מסמכים מסמך", "signatures": "חתימות חתימה", "applications": "בקשות בקשה",
    "permits": "היתרים היתר רישיונות רישיון", "accounts": "חשבונות חשבון", "barrels": "חביות חבית",
    "points": "נקודות נקודה", "games": "משחקים משחק", "wins": "ניצחונות ניצחון", "losses": "הפסדים הפסד",
    "rebounds": "ריבאונדים", "assists": "אסיסטים", "seasons": "עונות עונה", "terms": "קדנציות קדנציה",
    "medals": "מדליות מדליה", "tickets": "כרטיסים כרטיס",
    "copies": "עותקים עותק", "nights": "לילות לילה", "universities": "אוניברסיטאות", "branches": "סניפים סניף",
    "stations": "תחנות תחנה", "roads": "כבישים", "bridges": "גשרים גשר",
    "containers": "מכולות מכולה", "parcels": "חבילות חבילה", "meals": "ארוחות ארוחה", "buses": "אוטובוסים אוטובוס",
    "trains": "רכבות רכבת", "ambulances": "אמבולנסים אמבולנס", "violations": "הפרות הפרה", "reports": "דיווחים דוחות",
    "calls": "שיחות שיחה פניות פנייה", "raids": "פשיטות פשיטה", "operations": "מבצעים", "explosions": "פיצוצים פיצוץ",
    "aftershocks": "רעידות רעידה", "loans": "הלוואות הלוואה", "shares": "מניות", "banks": "בנקים בנק",
    "units": "יחידות יחידה", "rooms": "חדרים חדר", "classrooms": "כיתות כיתה", "camps": "מחנות מחנה",
    "shelters": "מקלטים מקלט ממ\"דים", "beds": "מיטות מיטה", "plots": "מגרשים מגרש", "offences": "עבירות עבירה",
    "species": "מינים", "goals": "שערים", "titles": "תארים", "sites": "אתרים אתר", "messages": "הודעות הודעה",
    "routes": "קווים", "cameras": "מצלמות מצלמה", "rounds": "סבבים סבב מחזורים מחזור", "deals": "עסקאות עסקה הסכמים",
    "meetings": "פגישות פגישה", "decisions": "החלטות החלטה", "warehouses": "מחסנים מחסן", "polling stations": "קלפיות קלפי",
    "tenders": "מכרזים מכרז", "times": "פעמים",
    "brigades": "חטיבות חטיבה", "battalions": "גדודים גדוד", "towers": "מגדלים מגדל", "floors": "קומות קומה",
    "apartments": "דירות דירה", "centres": "מרכזים מרכז", "panels": "פאנלים", "turbines": "טורבינות טורבינה",
    "launchers": "משגרים משגר", "generators": "גנרטורים גנרטור", "hospitals": "בתי חולים",
    "vehicles": "רכב", "drones": 'כטב"מים כטב"ם', "seats": "כיסאות", "votes": "קול", "eggs": "ביצים",
    "posts": "פוסטים", "tweets": "ציוצים", "villages": "כפר",
    "families": "משפחה", "buildings": "בניין מבנה", "trucks": "משאית", "aircraft": "מטוס", "rockets": "רקטה טיל",
}
_HE_PAIRS = {
    "jobs": "מקומות עבודה", "housing units": "יחידות דיור|יחידות מגורים|יחידות הדיור",
    "counts": "סעיפי אישום", "cases": "מקרי הדבקה", "deaths": "מקרי מוות",
    "km/h": "קילומטר לשעה|קילומטרים לשעה", "ambulances": "ניידות טיפול נמרץ", "households": "משקי בית",
    "weapons": "כלי נשק", "schools": "בית ספר", "hospitals": "בית חולים",
}
_HE_MEASURES = {
    "km/h": 'קמ"ש', "mm": 'מ"מ מילימטר מילימטרים', "cm": 'ס"מ סנטימטר סנטימטרים', "g": "גרם גרמים",
    "m2": 'מ"ר', "m3": 'מ"ק קוב', "kg": "קילו", "MW": "מגה-וואט מגה-ואט מגוואט מגהוואט", "GW": "גיגה-וואט גיגה-ואט גיגוואט",
}
# More words for people (the unit "people"): Arabic singulars take the accusative alef after 11-99.
_NO_TANWEEN_P = ("ة", "ى", "ا", "و", "ء", "ئ", "ين", "ون", "اء")  # "مدني" takes it: "14 مدنيا"
_AR_PEOPLE = (
    "سائح سياح زائر زوار صحفي صحفيين صحفيون مفقود مفقودين ناشط ناشطين مستوطن مستوطنين مسلح مسلحين طبيب أطباء "
    "ممرض ممرضة ممرضين مهندس مهندسين معلم معلمين معلمة تلميذ تلاميذ لاعب لاعبين مشجع مشجعين مشارك مشاركين "
    "مرشح مرشحين نائب نواب وزير وزراء قاض قضاة محام محامين صياد صيادين عاطل عاطلين متقاعد متقاعدين مستخدم "
    "مستخدمين عميل عملاء زبون زبائن فلسطيني فلسطينيين فلسطينيون إسرائيلي إسرائيليين سوري سوريين لبناني لبنانيين "
    "عراقي عراقيين يمني يمنيين سوداني سودانيين أردني أردنيين ليبي ليبيين أفغاني أفغان أوكراني أوكرانيين ضابط ضباط "
    "مقيم مقيمين حاج حجاج مصل مصلين رضيع رضع قاصر قاصرين مسن مسنين شاب شبان فتاة فتيات فتى فتية مقاول مصاب مسعف مسعفين "
    "إطفائي إطفائيين متطوع متطوعين مراسل مراسلين سجين سجناء محتجز محتجزين مختطف مختطفين "
    "ميت موتى غريق غرقى ناج ناجين مشرد مشردين عائد عائدين مقترع مقترعين"
)
_HE_PEOPLE = (
    "תיירים מבקרים עולים מתפללים אוהדים צופים משתתפים מועמדים שרים עיתונאים מפונים נעדרים שבויים לקוחות "
    "מטופלים צעירים צעירות פלסטינים ישראלים סורים לבנונים קצינים מתיישבים חקלאים דייגים סוחרים מנהלים "
    "מובטלים גמלאים פנסיונרים משתמשים מנויים חברי מפגינות ניצולים חילוץ מחולצים נפגעות לוחמות שוטרות "
    "חובשים פרמדיקים אחיות מורות גננות בעלי תלמידות סטודנטיות עצורות אסירות ח\"כים נבחרים שופטים עורכי"
)
AR_PEOPLE = {w for base in _AR_PEOPLE.split() for w in (base, base + "ا") if w == base or not base.endswith(_NO_TANWEEN_P)}
HE_PEOPLE = {w for base in _HE_PEOPLE.split() for w in (base, base[:-2] + "י") if w == base or (
    base.endswith("ים") and len(base) > 4)}
HE_CURRENCIES = {"אירו": "EUR", "יורו": "EUR", "דינר": "JOD", "דינרים": "JOD", "פרנק": "CHF"}
AR_CURRENCIES = {"فرنك": "CHF", "فرنكا": "CHF", "روبل": "RUB", "يوان": "CNY"}  # not "ين": "بين" (between) stripped of its ب

# Duals of people and of the first counted nouns (a plural in -ين would read the same, so only nouns
# whose plural is formed otherwise are listed).
AR_DUAL_BASE = {
    "شخصين": "people", "شخصان": "people", "قتيلين": "people", "قتيلان": "people", "جريحين": "people",
    "طفلين": "children", "طفلان": "children", "جنديين": "soldiers", "رجلين": "men", "امرأتين": "women",
    "شهيدين": "people", "منزلين": "homes", "صاروخين": "rockets", "طائرتين": "aircraft", "قريتين": "villages",
    "مدرستين": "schools", "سيارتين": "cars", "شاحنتين": "trucks", "غارتين": "strikes",
    # the nominative, and the first nouns' duals the tables above do not make ("بيتين", "قذيفتين", "مصابان")
    "جريحان": "people", "شهيدان": "people", "رجلان": "men", "امرأتان": "women", "منزلان": "homes", "صاروخان": "rockets",
    "طائرتان": "aircraft", "قريتان": "villages", "مدرستان": "schools", "سيارتان": "cars", "شاحنتان": "trucks",
    "غارتان": "strikes", "بيتين": "homes", "بيتان": "homes", "قذيفتين": "shells", "قذيفتان": "shells", "حريقين": "fires",
    "حريقان": "fires", "مصابان": "people", "نازحان": "people", "مواطنان": "people", "لاجئان": "refugees", "مدنيان": "civilians",
    # measures ("ارتفع منسوب المياه مترين")
    "مترين": "m", "متران": "m", "كيلومترين": "km", "كيلومتران": "km", "طنين": "tonnes", "لترين": "litres",
    "هكتارين": "hectares", "دونمين": "dunams",
}
# A change from one figure to another ("ارتفع من 2% إلى 3%") is no range (lang_numbers).
CHANGE_BEFORE = (
    r"(?<![^\W\d_])[وف]?(?:ارتفع|ارتفعت|انخفض|انخفضت|تراجع|تراجعت|زاد|زادت|قفز|قفزت|هبط|هبطت|صعد|صعدت|رفع|رفعت|خفض|"
    r"خفضت|تباطا|تباطات|نما|نمت|ارتفاع|انخفاض|تراجع|زيادة|ו?(?:עלה|עלתה|עלו|ירד|ירדה|ירדו|זינק|זינקה|צנח|צנחה|הועלה|"
    r"הועלתה|הופחת|הופחתה|העלה|העלתה|הוריד|הורידה|גדל|גדלה|קטן|קטנה|עלייה|ירידה|טיפס|טיפסה))(?![^\W\d_])"
)
# A time of day follows these ("الساعة 10", "בשעה 8"); a dirham in a Moroccan story is the Moroccan one.
CLOCK_WORDS = {w for w in ("الساعة", "الساعه", "ساعة", "بالساعة", "בשעה", "בשעות", "שעה", "לשעה")}
MOROCCO = re.compile(r"المغرب|الرباط|الدار البيضاء|مراكش|طنجة|فاس")
# Eleven and twelve start with words that are no number alone ("أحد عشر", "שנים עשר"), folded.
TEEN_HEADS = {"احد": 11, "احدي": 11, "اثنا": 12, "اثني": 12, "اثنتا": 12, "اثنتي": 12, "שנים": 12, "שתים": 12}
# One unit of time written as the noun alone ("בתוך שנה", "خلال أسبوع").
ONE_UNIT = {w: u for u, ws in (("years", "שנה عام سنة"), ("months", "חודש شهر"), ("weeks", "שבוע أسبوع"),
            ("days", "יממה يوم"), ("hours", "שעה ساعة"), ("minutes", "דקה دقيقة")) for w in ws.split()}
# "שני שלישים", "ثلاثة أرباع": a count of fractions
PLURAL_FRACTIONS = {"שלישים": 1 / 3, "רבעים": 0.25, "רבעי": 0.25, "חמישיות": 0.2, "أثلاث": 1 / 3, "أرباع": 0.25, "أخماس": 0.2}
_NO_TANWEEN = ("ة", "ى", "ي", "ا", "و", "ء", "ئ")


def _ar_forms(spec: str) -> tuple[list[str], list[str]]:
    """(forms after a number, dual forms) of an Arabic noun listed as "singular plural...";
    the accusative singular takes alef ("قاربا"), the dual "ين"/"ان" on the stem ("جثتين")."""
    words = spec.split()
    if not words:
        return [], []
    sg = words[0]
    forms = list(words)
    # every listed form takes the accusative alef after 11-99 ("12 محلا", "14 زورقا"), not only the first
    forms += [w + "ا" for w in words if not w.endswith(_NO_TANWEEN) and w + "ا" not in words]
    stem = sg[:-1] + "ت" if sg.endswith("ة") else sg
    # "نقطتين مئويتين" is a change in percentage points, read by the percent rules
    duals = [] if sg.endswith(("ى", "ي", "ا", "و")) or sg == "نقطة" else [stem + "ين", stem + "ان"]
    # a second singular in -ة takes the dual too ("مروحية ... طوافة": "طوافتين")
    duals += [w[:-1] + "ت" + end for w in words[1:] if w.endswith("ة") and w != "نقطة" for end in ("ين", "ان")]
    if sg.endswith("ى") and len(sg) > 3:
        duals = [sg[:-1] + "يين", sg[:-1] + "يان"]  # "مستشفيين", "مبنيين": two hospitals, two buildings
    return forms, duals


def _build_ar() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    groups: dict[str, str] = {}
    duals: dict[str, str] = {}
    for unit, spec in _AR.items():
        forms, two = _ar_forms(spec)
        for f in forms:
            groups.setdefault(f, unit)
        for d in two:
            duals.setdefault(d, unit)
            # "طوافتي إنقاذ", "فريقي إطفاء": two, before the noun they belong to. Only the teams and vehicles sent
            # out: most constructs read as "my ..." too ("عائلتي", "مدينتي") or as a nisba ("صوتي": audio, "مركزي")
            if d.endswith("ين") and unit in _CONSTRUCT_UNITS:
                AR_CONSTRUCT_DUALS.setdefault(d[:-2] + "ي", unit)
    for unit, spec in _AR_PAIRS.items():
        for pair in spec.split("|"):
            groups.setdefault(pair, unit)
    measures = {w: unit for unit, spec in _AR_MEASURES.items() for w in spec.split()}
    return groups, duals, measures


def _build_he() -> tuple[dict[str, str], dict[str, str]]:
    groups: dict[str, str] = {}
    groups["לוחמי מילואים"] = "reservists"
    for unit, spec in _HE.items():
        for w in spec.split():
            groups.setdefault(w, unit)
            if w.endswith("ים") and len(w) > 4:
                groups.setdefault(w[:-2] + "י", unit)  # construct: "מטוסי קרב", "פיגועי טרור"
    for unit, spec in _HE_PAIRS.items():
        for pair in spec.split("|"):
            groups.setdefault(pair, unit)
    measures = {w: unit for unit, spec in _HE_MEASURES.items() for w in spec.split()}
    return groups, measures


AR_CONSTRUCT_DUALS: dict[str, str] = {}
_CONSTRUCT_UNITS = frozenset({"teams", "helicopters", "tanks", "launchers", "buses", "ships", "shipments", "convoys", "vehicles",
                              "ambulances", "trucks"})  # not "مسيرتي" (my career), "طائرتي" (my plane)
AR_GROUPS, AR_DUALS, AR_MEASURES = _build_ar()
HE_GROUPS, HE_MEASURES = _build_he()

# People counted by their role ("ثلاثة كبار" no; "14 مدنيا" civilians, "שלושה כבאים" firefighters): the labels
# name the role; the dead, hurt, missing and people in general stay "people" (lang_*.PEOPLE).
_AR_ROLES = {
    "children": "طفل أطفال رضيع رضع", "women": "امرأة نساء سيدة سيدات", "men": "رجل رجال", "civilians": "مدني مدنيين مدنيون",
    "soldiers": "جندي جنود عسكري عسكريين", "workers": "عامل عمال عاملين", "students": "طالب طلاب تلميذ تلاميذ طالبة طالبات",
    "patients": "مريض مرضى", "voters": "ناخب ناخبين ناخبون مقترع مقترعين", "employees": "موظف موظفين موظفون موظفة",
    "migrants": "مهاجر مهاجرين مهاجرون", "refugees": "لاجئ لاجئين لاجئون", "detainees": "معتقل معتقلين محتجز محتجزين",
    "prisoners": "أسير أسرى سجين سجناء", "protesters": "متظاهر متظاهرين متظاهرون محتج محتجين", "fighters": "مقاتل مقاتلين",
    "gunmen": "مسلح مسلحين", "police officers": "شرطي شرطيين",
    "officers": "ضابط ضباط", "journalists": "صحفي صحفيين صحفيون مراسل مراسلين",
    "doctors": "طبيب أطباء", "nurses": "ممرض ممرضة ممرضين ممرضات", "paramedics": "مسعف مسعفين", "firefighters": "إطفائي إطفائيين",
    "settlers": "مستوطن مستوطنين", "defendants": "متهم متهمين متهمون", "suspects": "مشتبه", "tourists": "سائح سياح",
    "visitors": "زائر زوار",
    "spectators": "متفرج متفرجين متفرجون", "viewers": "مشاهد مشاهدين",
    "passengers": "مسافر مسافرين ركاب راكب", "players": "لاعب لاعبين", "fans": "مشجع مشجعين",
    "participants": "مشارك مشاركين", "candidates": "مرشح مرشحين", "MPs": "نائب نواب", "ministers": "وزير وزراء",
    "judges": "قاض قضاة", "lawyers": "محام محامين", "activists": "ناشط ناشطين", "economists": "اقتصادي اقتصاديين",
    "users": "مستخدم مستخدمين", "customers": "عميل عملاء زبون زبائن", "subscribers": "مشترك مشتركين مشتركا",
    "hostages": "رهينة رهائن مختطف مختطفين",
    "pilgrims": "حاج حجاج", "worshippers": "مصل مصلين", "engineers": "مهندس مهندسين", "teachers": "معلم معلمين معلمة معلمات",
    "girls": "فتاة فتيات", "volunteers": "متطوع متطوعين", "residents": "ساكن سكان مقيم مقيمين", "survivors": "ناج ناجين",
    "farmers": "فلاح فلاحين مزارعين مزارعون", "fishermen": "صياد صيادين",
    "witnesses": "شاهد شهود", "advisers": "مستشار مستشارين مستشارون",
}
_HE_ROLES = {
    "civilians": "אזרחים אזרחיות", "children": "ילדים ילד ילדות פעוטות תינוקות", "women": "נשים אישה", "men": "גברים",
    "soldiers": "חיילים חייל לוחמים לוחמות", "workers": "עובדים עובדות פועלים", "residents": "תושבים תושב תושבות",
    "protesters": "מפגינים מפגינות", "detainees": "עצורים עצורות", "hostages": "חטופים חטופות", "refugees": "פליטים",
    "patients": "חולים מטופלים מאושפזים", "passengers": "נוסעים נוסעות", "students": "סטודנטים סטודנטיות תלמידים תלמידות",
    "voters": "מצביעים", "police officers": "שוטרים שוטרות",
    "militants": "מחבלים", "gunmen": "חמושים", "settlers": "מתנחלים מתיישבים",
    "migrants": "מהגרים", "prisoners": "אסירים אסירות שבויים", "suspects": "חשודים", "defendants": "נאשמים",
    "volunteers": "מתנדבים", "firefighters": "כבאים", "doctors": "רופאים", "drivers": "נהגים", "teachers": "מורים מורות גננות",
    "tourists": "תיירים", "visitors": "מבקרים מטיילים", "immigrants": "עולים", "worshippers": "מתפללים", "fans": "אוהדים",
    "spectators": "צופים", "participants": "משתתפים", "candidates": "מועמדים", "ministers": "שרים", "journalists": "עיתונאים",
    "evacuees": "מפונים", "customers": "לקוחות", "officers": "קצינים", "farmers": "חקלאים", "fishermen": "דייגים",
    "traders": "סוחרים", "managers": "מנהלים", "pensioners": "גמלאים פנסיונרים", "users": "משתמשים", "subscribers": "מנויים",
    "members": "חברי", "survivors": "ניצולים", "paramedics": "חובשים פרמדיקים", "nurses": "אחיות", "judges": "שופטים",
    "contractors": "קבלנים", "witnesses": "עדים", "lawmakers": 'ח"כים', "players": "שחקנים", "employees": "מועסקים",
}
_HE_ROLE_PAIRS = {
    "mayors": "ראשי רשויות|ראשי ערים|ראשי מועצות", "sponsors": "נותני חסות", "hostages": "בני ערובה",
    "pedestrians": "הולכי רגל", "lawyers": "עורכי דין", "lawmakers": "חברי כנסת", "MPs": "חברי פרלמנט",
}


def _ar_role_duals(spec: str) -> dict[str, str]:
    """The duals of a role listed as "singular plural...": "جنديان", "جنديين", "شاهدان"; a form that is also a
    listed plural is left out ("متهمين" is two defendants or many, "متهمان" only two)."""
    words = spec.split()
    sg = words[0]
    if sg.endswith(("ة", "ى", "ا", "و", "ء")) or sg in ("عامل", "طالب"):  # "عاملان": two factors; "طالبان": the Taliban
        return {}
    return {d: d for d in (sg + "ان", sg + "ين") if d not in words}


def _roles() -> None:
    """Fold the role tables into the counted nouns (a role is checked before "people")."""
    for unit, spec in _AR_ROLES.items():
        for w in spec.split():
            AR_GROUPS[w] = unit
            AR_PEOPLE.add(w)
            if not w.endswith(_NO_TANWEEN_P):
                AR_GROUPS[w + "ا"] = unit  # "14 مدنيا"
        for d in _ar_role_duals(spec):
            AR_DUALS.setdefault(d, unit)  # "قُتل جنديان": two soldiers
    for unit, spec in _HE_ROLES.items():
        for w in spec.split():
            HE_GROUPS[w] = unit
            if w.endswith("ים") and len(w) > 4:
                HE_GROUPS.setdefault(w[:-2] + "י", unit)  # "תושבי הצפון"
    for unit, spec in _HE_ROLE_PAIRS.items():
        for pair in spec.split("|"):
            HE_GROUPS[pair] = unit


_roles()
