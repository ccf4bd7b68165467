"""Arabic forecasts that are claims and those that are not: the future prefix on a verb, who may forecast
on record (the labelling guidelines: an attributed forecast from an official body, with a figure), and
"قد" before an imperfect verb ("may"), a guess rather than a forecast."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lang_script import normalise

if TYPE_CHECKING:
    from .lang_numbers import Figure

# "ستنتهي", "سيصل": the future prefix on a verb (not the nouns that start alike: سيارة، سنوات، سيول، سياسي)
AR_FUTURE = re.compile(
    r"(?<![^\W\d_])[وف]?(?!سيار|سياس|سياح|سيطر|سيد|سنو|سنة|سيول|سينا|سينم|ستين|ستة|ستار|سير|سيف|سنت|سنغ|سوري|ستوك|سياج|سناب|"
    r"ستد|ستود|سيبير|سيئ|سيست|ستيف|سيلف|ستاد|سيمو|سنين|ستال)"
    r"س[يتن][^\W\d_]{2,6}(?<![ةه])(?<!ات)(?<!ين)(?<!ون)(?![^\W\d_])"
)


# Who may forecast on record: a ministry, a government, a central bank, the IMF, a statistics office, an authority
_AR_OFFICIAL = re.compile(
    r"(?<![^\W\d_])(?:ال)?(?:وزار[ةه]|وزير|حكوم[ةه]|بنك|البنك|مصرف|صندوق|هيئ[ةه]|مفوضي[ةه]|منظم[ةه]|سلط[ةه]|سلطات|جهاز|"
    r"دائر[ةه]|مكتب|امم|اتحاد|مجلس|لجن[ةه]|مديري[ةه]|بلدي[ةه]|جيش|احصاء|معهد|ادار[ةه]|محافظ|رئاس[ةه]|برلمان|برنامج|فريق|بيان)"
)
# "قد تصل", "قد يرتفع": "may" (قد before an imperfect verb; before a perfect one it is "has": "قد أودت")
# ("تسببت", "تعرض" after "كان ... قد" are perfect: "had caused")
_AR_MAY = re.compile(r"(?<![^\W\d_])قد\s+[يتن][^\W\d_]{2,}(?<!ت)(?![^\W\d_])")
_AR_HAD = re.compile(r"(?<![^\W\d_])[وف]?(?:كان|كانت|كانوا)(?![^\W\d_])")


def _pluperfect(norm: str, a: int, b: int) -> bool:
    """"وكان ... قد توقع": a pluperfect, not "may"."""
    m = _AR_MAY.search(norm, a, b)
    return m is not None and _AR_HAD.search(norm, max(a, m.start() - 60), m.start()) is not None



def ar_may(norm: str, a: int, b: int, figure_cores: list[int]) -> bool:
    """Does ``norm[a:b]`` say what may happen ("قد تصل إلى مليون دينار") before any of its figures? A figure
    stated first ("سجلت 15 مخالفة قد تؤثر") is checkable; the guess after it only describes it."""
    m = _AR_MAY.search(norm, a, b)
    return m is not None and not _pluperfect(norm, a, b) and not any(c < m.start() for c in figure_cores)


def ar_official(norm: str, a: int, b: int, source: str | None) -> bool:
    """Is the forecast's source (or a body named in the clause) an official one, not an analyst, a poll or a firm?"""
    return bool((source and _AR_OFFICIAL.search(normalise(source)[0])) or _AR_OFFICIAL.search(norm, a, b))


def forecast_figures(norm: str, figures: list[Figure], lang: str) -> list[Figure]:
    """The figures that measure a forecast: not an Arabic definite number after its noun, which names whom
    ("البحث عن المفقودين الثلاثة سيستمر": the three missing)."""
    if lang != "ar":
        return figures
    return [f for f in figures if not (norm.startswith("ال", f.start) and not norm[f.start + 2:f.start + 3].isdigit())]
