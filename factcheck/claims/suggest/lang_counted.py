"""What a bare count in Arabic or Hebrew counts, read from the verb or noun around it.

A toll is often written with the number and the verb alone: "שלושה בני אדם נהרגו ו-14 נפצעו",
"قتل 12 وأصيب 30", "مقتل 14 وإصابة 30". The number reader (lang_numbers) gives such a count no unit;
the suggestion engine gives it "people", the unit the labelling guidelines use for a toll.
"""

from __future__ import annotations

import re

from .lang_lexicon import alt
from .lang_numbers import Figure

__all__ = ["count_people"]

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


def count_people(norm: str, figures: list[Figure], lang: str) -> None:
    """Give "people" to each bare count whose verb says it is people killed, hurt, held, moved..."""
    for f in figures:
        if f.unit is not None or f.kind != "count":
            continue
        if (lang == "he" and _HE.match(norm, f.end)) or (
                lang == "ar" and _AR.search(norm, max(0, f.start - 16), f.start)):
            f.unit = "people"
