"""The words and units the number reader knows: number words, scales, currencies, qualifiers, units.

Tables only, no logic, so the vocabulary can grow (or gain another language) without touching the
reader in numbers.py. Regex alternatives in MEASURES are compiled there into one pattern.
"""

from __future__ import annotations


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SHORT_SCALES = {
    "k": 1000, "thousand": 1000, "m": 10**6, "mn": 10**6, "mln": 10**6, "million": 10**6,
    "bn": 10**9, "bln": 10**9, "billion": 10**9, "tn": 10**12, "trn": 10**12, "trillion": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
}
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "eighth": 0.125, "eighths": 0.125, "tenth": 0.1, "tenths": 0.1,
}

# Currency before the figure: symbols, prefixed dollars and ISO codes (codes are case-sensitive).
CURRENCY_PREFIX = {
    "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD",
    "r$": "BRL", "s$": "SGD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "₺": "TRY", "₦": "NGN", "₴": "UAH", "₪": "ILS",
}
ISO = (
    "USD|EUR|GBP|JPY|CNY|CHF|INR|AUD|CAD|NZD|HKD|SGD|SEK|NOK|DKK|PLN|CZK|HUF|RUB|TRY|BRL|MXN|ZAR|NGN|KES|"
    "UAH|ILS|EGP|SAR|AED|KRW|IDR|THB|ARS|CLP|COP|PEN"
)


QUALIFIER_PHRASES = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "approx.": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "estimated at": "approx",
    "an approximate": "approx", "close to": "nearly", "closer to": "approx", "circa": "approx",
    "in the region of": "approx", "of about": "approx", "of around": "approx", "of roughly": "approx",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "just below": "nearly",
    "just short of": "nearly", "not quite": "nearly", "close on": "nearly",
    "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "just over": "more_than", "just above": "more_than", "well over": "more_than",
    "well above": "more_than", "greater than": "more_than", "higher than": "more_than", "a little over": "more_than",
    "exceeding": "more_than", "nearly more than": "more_than",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "lower than": "less_than", "well under": "less_than", "well below": "less_than", "a little under": "less_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
    "a minimum of": "at_least", "as little as": "at_least", "as few as": "at_least", "as low as": "at_least",
    "at most": "at_most", "no more than": "at_most", "not more than": "at_most", "up to": "at_most",
    "as many as": "at_most", "as much as": "at_most", "a maximum of": "at_most",
    "as high as": "at_most",
    # "had passed 1.1 million", "the swing exceeded 20 points", "temperatures topped 40C": a threshold
    # crossed is more than it (numcontext takes "passed" back before a counted noun or a vote).
    "exceeded": "more_than", "exceeds": "more_than", "surpassed": "more_than", "surpassing": "more_than",
    "topped": "more_than", "topping": "more_than", "passed": "more_than", "passing": "more_than",
    # "several thousand soldiers": more than the thousand the figure reads.
    "several": "more_than",
    # "lakes deeper than 20 metres", "trips shorter than 5 km": a bound told by a comparative.
    "deeper than": "more_than", "longer than": "more_than", "larger than": "more_than", "bigger than": "more_than",
    "older than": "more_than", "taller than": "more_than", "wider than": "more_than", "heavier than": "more_than",
    "further than": "more_than", "farther than": "more_than", "warmer than": "more_than", "hotter than": "more_than",
    "shorter than": "less_than", "smaller than": "less_than", "younger than": "less_than", "lighter than": "less_than",
    "shallower than": "less_than", "cheaper than": "less_than", "narrower than": "less_than",
}

AFTER_QUALIFIER_MAP = {"more": "at_least", "above": "at_least", "over": "at_least", "plus": "more_than", "+": "more_than",
                        "so": "approx", "thereabouts": "approx", "fewer": "at_most", "less": "at_most", "under": "at_most"}

TIME_UNITS = {
    "second": ("seconds", 1), "sec": ("seconds", 1), "minute": ("minutes", 1), "min": ("minutes", 1),
    "hour": ("hours", 1), "hr": ("hours", 1), "day": ("days", 1), "week": ("weeks", 1),
    "fortnight": ("weeks", 2), "month": ("months", 1), "year": ("years", 1), "yr": ("years", 1),
    "decade": ("years", 10), "century": ("years", 100), "centurie": ("years", 100),
}
# Measurement units: regex alternative -> (normalised unit, kind). Checked right after the number.
MEASURES: list[tuple[str, str, str]] = [
    (r"percentage[\s-]points?|ppts?\b|pp\b", "percentage_point", "percentage_point"),
    (r"basis[\s-]points?|bps\b|bp\b", "basis_point", "percentage_point"),
    (r"per\s?cent\b|percent\b|pct\b|%", "percent", "percent"),
    (r"nautical\s+miles?|nm\b", "nautical_miles", "measure"),
    (r"square\s+kilomet(?:re|er)s?|sq\.?\s?km\b|km2\b|km²", "km2", "measure"),
    (r"square\s+(?:miles?|metres?|meters?)", "sq_units", "measure"),
    (r"cubic\s+met(?:re|er)s?|m3\b|m³", "m3", "measure"),
    (r"dunams?\b|donums?\b|dunums?\b", "dunams", "measure"),
    (r"hectares?\b", "hectares", "measure"),
    (r"kilomet(?:re|er)s?\s+(?:an|per)\s+hour|km/h\b|kph\b|kmh\b", "km/h", "measure"),
    # Speeds per second and rates per unit as a reader abbreviates them ("42 km/s", "5.6 W/kg", "1 Gbps").
    (r"kilomet(?:re|er)s?\s+(?:a|per)\s+second|km/s\b", "km/s", "measure"),
    (r"met(?:re|er)s?\s+(?:a|per)\s+second|m/s\b", "m/s", "measure"),
    (r"watts?\s+per\s+kilo(?:gram|gramme)?\b|W/kg\b", "W/kg", "measure"),
    (r"gigabits?\s+(?:a|per)\s+second|Gbps\b|Gbit/s\b", "Gbps", "measure"),
    (r"megabits?\s+(?:a|per)\s+second|Mbps\b|Mbit/s\b", "Mbps", "measure"),
    (r"astronomical\s+units?\b", "au", "measure"),
    (r"miles\s+(?:an|per)\s+hour|mph\b", "mph", "measure"),
    (r"kilomet(?:re|er)s?|km\b", "km", "measure"),
    (r"centimet(?:re|er)s?|cm\b", "cm", "measure"),
    (r"millimet(?:re|er)s?|mm\b", "mm", "measure"),
    (r"met(?:re|er)s?\b|m\b", "m", "measure"),
    (r"miles?\b", "miles", "measure"),
    (r"feet\b|foot\b|ft\b", "feet", "measure"),
    (r"inch(?:es)?\b", "inches", "measure"),
    (r"kilo(?:gram|gramme)?s?\b|kg\b", "kg", "measure"),
    (r"(?:metric\s+)?tonnes?\b|tons?\b|t\b", "tonnes", "measure"),
    (r"milligram(?:me)?s?\b|mg\b", "mg", "measure"),  # a dose: "1,200 mg of the drug" is no head count
    (r"grams?\b|grammes?\b|g\b", "g", "measure"),
    (r"hectares?\b|ha\b", "hectares", "measure"),
    (r"acres?\b", "acres", "measure"),
    (r"lit(?:re|er)s?\b", "litres", "measure"),
    (r"barrels?\b", "barrels", "measure"),
    (r"terawatt[\s-]hours?|TWh\b", "TWh", "measure"),
    (r"gigawatt[\s-]hours?|GWh\b", "GWh", "measure"),
    (r"megawatt[\s-]hours?|MWh\b", "MWh", "measure"),
    (r"kilowatt[\s-]hours?|kWh\b", "kWh", "measure"),
    (r"gigawatts?|GW\b", "GW", "measure"),
    (r"megawatts?|MW\b", "MW", "measure"),
    (r"kilowatts?|kW\b", "kW", "measure"),
    (r"watts?\b", "W", "measure"),
    (r"knots\b", "knots", "measure"),
    (r"°\s?C\b|degrees?\s+(?:Celsius|centigrade)|Celsius\b|C\b", "celsius", "measure"),
    (r"°\s?F\b|degrees?\s+Fahrenheit|Fahrenheit\b|F\b", "fahrenheit", "measure"),
    (r"degrees?\b|°", "degrees", "measure"),
    (r"magnitude\b", "magnitude", "measure"),
    (r"times\b", "times", "multiplier"),
    (r"fold\b", "times", "multiplier"),
    (r"dollars?\b|bucks\b", "USD", "money"),
    (r"euros?\b", "EUR", "money"),
    (r"pounds?\s+sterling\b|pounds?\b|sterling\b|quid\b", "GBP", "money"),
    (r"yen\b", "JPY", "money"),
    (r"yuan\b|renminbi\b", "CNY", "money"),
    (r"rupees?\b", "INR", "money"),
    (r"roubles?\b|rubles?\b", "RUB", "money"),
    (r"liras?\b|lire\b", "TRY", "money"),
    (r"reais\b|reals?\b", "BRL", "money"),
    (r"rand\b", "ZAR", "money"),
    # The region's currencies, so an English claim meets an Arabic or Hebrew source's figure.
    (r"(?:new\s+)?(?:israeli\s+)?shekels?\b|sheqels?\b|shekalim\b|NIS\b", "ILS", "money"),
    (r"egyptian\s+pounds?\b", "EGP", "money"),
    (r"(?:jordanian\s+)?dinars?\b", "JOD", "money"),
    (r"(?:saudi\s+)?riyals?\b", "SAR", "money"),
    (r"dirhams?\b", "AED", "money"),
    (r"naira\b", "NGN", "money"),
    (r"zloty(?:s)?\b", "PLN", "money"),
    (r"hryvnias?\b", "UAH", "money"),
    (r"swiss\s+francs?\b|francs?\b", "CHF", "money"),
    (r"pesos?\b", "pesos", "money"),
    (r"kron(?:e|er|a|or|ur)\b", "krone", "money"),
    (r"shillings?\b", "shillings", "money"),
    (r"dinars?\b", "dinars", "money"),
    (r"korun[ay]?\b", "CZK", "money"),
    (r"forints?\b", "HUF", "money"),
    # Pence, glued or written out ("27.9p/kWh", "40 pence"): hundredths of a pound (see numunit.SUBUNITS).
    (r"pence\b|p\b(?!\.?m\b)", "GBp", "money"),
    (r"dirhams?\b", "dirhams", "money"),
    (r"(?-i:" + ISO + r")\b", "", "money"),
]

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)

PEOPLE = _wordset(
    """people persons person individuals individual civilians civilian residents resident children child kids
    adults adult men man women woman boys girls babies infants patients patient soldiers soldier troops officers
    workers worker employees employee staff students pupils teachers doctors nurses voters migrants migrant
    refugees refugee passengers passenger survivors fans spectators runners athletes members inhabitants citizens
    protesters demonstrators participants customers users subscribers visitors tourists pilgrims prisoners
    detainees hostages inmates fighters militants rebels police policemen firefighters rescuers volunteers
    minors teenagers pensioners households families dead injured wounded casualties victims applicants
    candidates delegates lawmakers mps senators judges journalists reservists players crew jurors personnel"""
)
# Things counted in millions and never measured in metres: "3m signatures" is three million of them.
NEVER_MEASURED = _wordset(
    """signatures votes ballots names views downloads tickets copies homes households jobs doses vaccinations
    subscriptions followers streams parcels letters calls applications claims visits barrels tonnes"""
)
# Households and families count groups, not people; keep the noun itself for them.
GROUP_NOUNS = frozenset({"households", "families"})
NOT_UNIT = _wordset(
    """of to in on at by for from with and or but than as the a an its their his her this that these those
    was were is are has have had will would could can may might be been being said says per each
    more less fewer other others percent times s this what which who whom whose where when while if
    new old years year days months weeks hours minutes seconds because after before since until during
    also only just about around nearly almost over under again alone apiece short out up down off away back
    between among amid against across including included"""
)

CAP_OK_BEFORE = _wordset(
    """about around roughly approximately some nearly almost over under more less fewer at up just only and but the a
    an with of in on to by for from since than all another another some those these its their his her our
    between after before until when while where estimated just another total exactly precisely another an
    some what every each only last next first this that however around also even nearly"""
)
