"""Words news copy uses for the same thing, for the figure check: a source that says "houses" or
"death toll" talks about a claim's "homes" or "killed". Keys and members are stems as
figures._stem leaves them; a word may belong to several groups ("crowd": a protest, a match)."""

from __future__ import annotations

SAME_THING_GROUPS = {
    "home": "hous house household dwelling propertie property flat apartment building",
    "fire": "blaze wildfire flam inferno",
    "kill": "dead death deaths died die toll fatalitie fatality",
    "injur": "wound hurt injurie injury",
    "job": "jobs position post workforce",
    "worker": "employe staff",
    "cut": "shed axe axed slash slashed eliminat",
    "soldier": "troop",
    "evacuat": "fled flee displac",
    "capacity": "hold seat",
    "temperature": "thermometer degre",
    "trial": "juror jury",
    "spend": "spent cost",
    "vote": "voter ballot",
    "sign": "signed signature signatorie petition",
    "unemploy": "unemployment jobless jobles",
    "ship": "boat vessel ferry",
    "plane": "aircraft airliner jet",
    "car": "cars vehicle vehicl",
    "carry": "carried carrying aboard board",
    "sell": "sold deliver delivered",
    "company": "firm carmaker maker",
    "hospital": "clinic",
    "police": "officer",
    "protest": "crowd march marcher rally demonstrat demonstration protester",
    "fan": "fans crowd spectator attendance supporter",
}
SAME_THING: dict[str, tuple[str, ...]] = {}
for _key, _group in SAME_THING_GROUPS.items():
    for _w in [_key, *_group.split()]:
        SAME_THING[_w] = (*SAME_THING.get(_w, ()), _key)
