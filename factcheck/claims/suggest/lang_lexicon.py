"""The Arabic and Hebrew word tables (lang_ar, lang_he) compiled for the number reader: folded as
script.normalise folds text, with the unit and qualifier patterns built once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lang_ar as vocab_ar
from . import lang_he as vocab_he
from . import lang_units as units

__all__ = ["LEX", "PATTERNS", "Lexicon", "alt", "fold"]

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "״": '"', "׳": "'", "־": "-"})


def fold(word: str) -> str:
    return word.translate(_FOLD)


def alt(words) -> str:
    return "|".join(sorted((re.escape(fold(w)).replace(r"\ ", r"\s+") for w in words if w), key=len, reverse=True))


def _fold_keys(table: dict) -> dict:
    return {fold(k): v for k, v in table.items()}


# Words that start a figure outside the tables: teen heads, duals, "twice", "פי".
_EXTRA_NUMBERISH = {
    "ar": ("أحد", "إحدى", "احدى", "اثنا", "اثني", "اثنتا", "اثنتي", "مرتين", "مرتان"),  # and the duals of lang_units
    "he": ("שנים", "שתים", "פעמיים", "פי"),
}
# The wider counted nouns, measures and currencies (lang_units); a language table's own entry wins.
_MORE = {
    lang: {"people": getattr(units, f"{p}_PEOPLE"), "groups": getattr(units, f"{p}_GROUPS"),
           "measures": getattr(units, f"{p}_MEASURES"), "currencies": getattr(units, f"{p}_CURRENCIES")}
    for lang, p in (("ar", "AR"), ("he", "HE"))
}


@dataclass(frozen=True)
class Lexicon:
    lang: str
    units: dict
    teen_mark: frozenset
    teens: dict
    tens: dict
    hundreds: dict
    scales: dict
    fractions: dict
    multipliers: dict
    vague: frozenset
    prefixes: tuple
    q_before: list  # (phrase, code), longest first
    q_after: list
    people: frozenset
    groups: dict
    currencies: dict
    currency_country: dict
    percent: tuple
    percent_point: tuple
    time_units: dict
    dual_time: dict
    measures: dict
    square: frozenset
    numberish: frozenset  # every word that can start a figure, without its prefix
    q_last: dict  # q_before by its last letter: a figure's qualifier is looked for among a few, not all


def _lexicon(lang: str, v) -> Lexicon:
    return Lexicon(
        lang=lang, units=_fold_keys(v.UNITS), teen_mark=frozenset(fold(w) for w in v.TEEN_MARK),
        teens=_fold_keys(v.TEENS), tens=_fold_keys(v.TENS), hundreds=_fold_keys(v.HUNDREDS),
        scales=_fold_keys(v.SCALES), fractions=_fold_keys(v.FRACTIONS), multipliers=_fold_keys(v.MULTIPLIERS),
        vague=frozenset(fold(w) for w in v.VAGUE),
        prefixes=tuple(sorted((fold(p) for p in v.NUMBER_PREFIXES), key=len, reverse=True)),
        q_before=sorted(((fold(k), c) for k, c in v.QUALIFIERS_BEFORE.items()), key=lambda kc: len(kc[0]), reverse=True),
        q_after=sorted(((fold(k), c) for k, c in v.QUALIFIERS_AFTER.items()), key=lambda kc: len(kc[0]), reverse=True),
        people=frozenset(fold(w) for w in (*v.PEOPLE, *_MORE[lang]["people"])),
        groups=_fold_keys({**_MORE[lang]["groups"], **v.GROUP_UNITS}),
        currencies=_fold_keys({**_MORE[lang]["currencies"], **v.CURRENCIES}), currency_country=_fold_keys(v.CURRENCY_COUNTRY),
        percent=tuple(fold(p) for p in v.PERCENT), percent_point=tuple(fold(p) for p in v.PERCENT_POINT),
        time_units=_fold_keys(v.TIME_UNITS), dual_time=_fold_keys(v.DUAL_TIME),
        measures=_fold_keys({**_MORE[lang]["measures"], **v.MEASURES}),
        square=frozenset(fold(w) for w in v.SQUARE),
        numberish=frozenset(
            fold(w) for table in (v.UNITS, v.TENS, v.HUNDREDS, v.SCALES, v.FRACTIONS, v.MULTIPLIERS, v.DUAL_TIME)
            for w in table
        ) | {fold(w) for w in _EXTRA_NUMBERISH[lang]} | (
            {fold(w) for w in (*units.AR_DUALS, *units.AR_DUAL_BASE, *units.AR_CONSTRUCT_DUALS)} if lang == "ar" else set()),
        q_last=_by_last(sorted(((fold(k), c) for k, c in v.QUALIFIERS_BEFORE.items()), key=lambda kc: len(kc[0]), reverse=True)),
    )


def _by_last(phrases: list) -> dict:
    out: dict = {}
    for phrase, code in phrases:  # longest first within each letter, as in q_before
        out.setdefault(phrase[-1:], []).append((phrase, code))
    return out


LEX = {"ar": _lexicon("ar", vocab_ar), "he": _lexicon("he", vocab_he)}


def _patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    def alts(phrases) -> str:
        return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))

    return {
        "point": re.compile(rf"\s*-?\s*(?:{alts(lex.percent_point)})"),
        "percent": re.compile(rf"\s*(?:{alts(lex.percent)})(?!\w)"),
        # "قتل 14 فلسطينيا على الأقل": the qualifier may follow the counted noun and an adjective
        "after": re.compile(
            rf"(?:\s+[^\W\d_]+){{0,2}}?\s*(?P<q>{alts([p for p, _c in lex.q_after])})(?!\w)(?!\s*[מ][-־]?\S)"
            # "ثماني قرى وأكثر من ألفي عائلة": "more than" opens the next figure, it does not qualify this one
            rf"(?!\s+من\s)"
        ),
    }





PATTERNS = {lang: _patterns(lex) for lang, lex in LEX.items()}
