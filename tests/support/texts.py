"""Short invented articles in Arabic and Hebrew (newsroom style, with figures) for the language tests."""

ARABIC_TEXT = (
    "قالت بلدية مدينة الواحة إن أعمال ترميم الجسر الشمالي ستستغرق 14 شهرا بتكلفة تقارب 3.2 مليون دولار. "
    "وأضاف المتحدث باسم البلدية أن نحو 12 ألف سيارة تعبر الجسر يوميا، "
    "وأن عدد الحوادث انخفض بنسبة 18 في المئة منذ العام الماضي.\n"
)
ARABIC_PHRASE = "نحو 12 ألف سيارة تعبر الجسر يوميا"

HEBREW_TEXT = (
    "לדברי עיריית נווה ים, שיפוץ הגשר הצפוני יימשך 14 חודשים ויעלה כ־3.2 מיליון שקלים. "
    "דובר העירייה מסר כי כ־12 אלף מכוניות חוצות את הגשר מדי יום, "
    "וכי מספר התאונות ירד ב־18 אחוזים מאז השנה שעברה.\n"
)
# Starts and ends with Hebrew letters, with a left-to-right run of digits inside.
HEBREW_PHRASE = "כ־12 אלף מכוניות חוצות את הגשר מדי יום"

ENGLISH_TEXT = "The bridge reopened after 14 months of repairs costing 3.2 million euros, the city said.\n"
