"""Words news copy uses for the same thing, for the figure check: a source that says "houses" or
"death toll" talks about a claim's "homes" or "killed". Keys and members are stems as
figures._stem leaves them; a word may belong to several groups ("crowd": a protest, a match)."""

from __future__ import annotations

SAME_THING_GROUPS = {
    "home": "hous house household dwelling propertie property flat apartment building homeles homeless famili familie family",
    "fire": "blaze wildfire flam inferno",
    "kill": "dead death deaths died die toll fatalitie fatality",
    "injur": "wound hurt injurie injury treated",  # treated in hospital after an accident
    "miss": "missing unaccount",  # the missing are those "still unaccounted for"
    "job": "jobs position post workforce role",
    "worker": "employe staff",
    "cut": "shed axe axed slash slashed eliminat reduc",
    "soldier": "troop",
    # People put up in shelters or reception centres overnight are the evacuated.
    "arriv": "arrival arrive reach landed",  # "migrants reached the island": its arrivals
    "releas": "release freed",  # prisoners freed are its releases
    "evacuat": "fled flee displac evacuee shelter reception",
    "capacity": "hold seat",
    "temperature": "thermometer degre",
    "trial": "juror jury",
    "spend": "spent cost",
    "vote": "voter ballot voted",
    "turnout": "voter ballot cast voted electorate",
    "inflation": "price consumer cpi",
    "sign": "signed signature signatorie petition",
    "unemploy": "unemployment jobless jobles",
    "deficit": "shortfall gap",
    "rate": "benchmark",
    "fine": "penalty penalt fined",
    "quake": "earthquake tremor seismic",
    "mortgage": "loan",
    "share": "stock shar",
    "nurse": "nursing",
    "ceasefire": "truce armistice",
    "heatwave": "heat temperatur temperature",
    "sentenc": "sentence jail jailed prison imprison imprisoned term",
    "referendum": "vote voter ballot proposal",
    "bike": "bikes bicycle bicycl cycle",
    "airline": "carrier",
    "container": "box boxe",
    "dam": "reservoir",
    "feed": "fed meal meals food",
    "crime": "offence offenc offense offens",
    "flight": "departure departur arrival",
    "cancel": "cancelled scrap scrapped grounded",
    "vaccine": "shot jab vaccination",
    "effective": "efficacy effectiveness protection",
    "invest": "investment commit committing committed pledg",
    "plant": "site factory facility",
    "respons": "response reply repli replie submission",
    "arrest": "detain detained held custody",
    "damage": "loss losse",
    "ship": "boat vessel ferry",
    "plane": "aircraft airliner jet",
    "car": "cars vehicle vehicl",
    "carry": "carried carrying aboard board",
    "sell": "sold deliver delivered",
    "company": "firm carmaker maker group",
    "hospital": "clinic facility faciliti",  # "three medical facilities had been struck": the hospitals
    "police": "officer",
    # "took to the streets"; "organisers put the turnout at 50,000".
    "protest": "crowd march marcher rally demonstrat demonstration protester attendance street organiser",
    "fan": "fans crowd spectator attendance supporter",
    # Money raised is money given: "the charity raised £3.5m", "donations to the appeal totalled".
    "visitor": "visit attendance admission footfall",
    # Passes for a festival are its tickets; competitors in a marathon its runners; cases of an illness its infected.
    "ticket": "pass passe wristband",
    "runner": "competitor entrant finisher athlete participant",
    "marathon": "race",
    "infect": "case cases infection illnes sick sicken sickened",
    # "Sales came in at $1.5bn" for "reported revenue of $1.5 billion".
    "revenue": "revenu sale sales turnover takings",
    "rais": "raise donat donation donor appeal fundrais fundraising",
    # A river bursting its banks is the flood; an acquisition or a takeover is the deal.
    "flood": "flooding river inundat submerg deluge",
    "deal": "acquisition acquisit takeover merger transaction",
    # "Growth was first put at 2.4 percent" for "the economy grew 2.4 percent"; captives are its hostages.
    "grew": "growth grow expand expanded expansion economy gdp",
    "hostage": "captive captiv abductee",
    # A walkout or a stoppage is the strike; a crossing the bridge; a price or a bill what it cost.
    "strike": "stoppage walkout",
    "bridge": "crossing viaduct",
    "cost": "price bill",
    "truck": "lorry lorri",
}
SAME_THING: dict[str, tuple[str, ...]] = {}
for _key, _group in SAME_THING_GROUPS.items():
    for _w in [_key, *_group.split()]:
        SAME_THING[_w] = (*SAME_THING.get(_w, ()), _key)

# Kinds of people (and of things counted like them): two figures counting different kinds are about
# different things even when the number reader calls both "people" ("4,000 pupils", "4,000
# residents"). Nouns for anyone ("people", "civilians", "victims") belong to no kind.
ROLE_GROUPS = {
    "residents": "residents inhabitants locals householders homeowners tenants",
    "passengers": "passengers travellers travelers commuters",
    "pupils": "pupils students schoolchildren learners",
    "teachers": "teachers",
    "workers": "workers employees staff jobs positions posts workforce labourers",
    "soldiers": "soldiers troops reservists servicemen",
    "police": "police officers policemen",
    "firefighters": "firefighters",
    "protesters": "protesters demonstrators marchers",
    "fans": "fans spectators supporters",
    "runners": "runners athletes competitors entrants finishers",
    "patients": "patients",
    "voters": "voters votes ballots electors",
    "migrants": "migrants refugees",
    "prisoners": "prisoners inmates detainees",
    "tourists": "tourists holidaymakers",
    "customers": "customers users subscribers clients",
    "doctors": "doctors medics physicians",
    "nurses": "nurses midwives",
    "journalists": "journalists reporters",
    "signatures": "signatures signatories",
}
ROLE_OF: dict[str, str] = {w: k for k, ws in ROLE_GROUPS.items() for w in ws.split()}

# Words for people killed or hurt: a claim about deaths is stated or contradicted only by a figure
# whose clause is about deaths too ("40 passengers" on the bus that crashed are not its 12 dead).
_CASUALTY_TEXT = """
    kill killed killing dead death deaths die died dying toll fatalitie fatalities fatality bodies victims murdered
    injur injured injuries injury wound wounded hurt casualtie casualties shot drowned perished lives
"""
CASUALTY = frozenset(_CASUALTY_TEXT.split())
# In the source's sentence, people treated in hospital after the event are its hurt ("hospitals treated
# 52 passengers after the derailment"); a claim about patients treated is no casualty claim, though.
# Livestock or crews "lost" to a drought or a storm are its dead ("farmers lost 6,500 head of cattle").
CASUALTY_EVIDENCE = CASUALTY | {"treated", "hospitalised", "hospitalized", "lost", "lose", "losing"}

# What a share or a sum measures, in groups: a source sentence naming one group and not the claim's
# measures something else ("Imports fell 7 percent" for exports, "set aside £1.9bn to cover bad loans"
# for a profit, "91 percent reported side effects" for efficacy). Word forms as written.
MEASURE_GROUPS = {
    "profit": "profit profits",
    "loss": "loss losses",
    "fundraising": "raised raise raising donations fundraising",
    "spending": "spent spend spending expenditure paid payout payouts payment payments",
    # What something cost is what was spent on it, or what was lost (see COST_MEASURES), not what it earns.
    "cost": "cost costs costing",
    "emissions": "emits emit emitted emissions releases",
    "revenue": "revenue revenues sales turnover earns earned takings",
    "fine": "fine fined fines penalty penalties",
    "provision": "provision provisions aside reserves",
    "debt": "debt debts borrowing loans",
    "wages": "wage wages salary salaries earnings",
    "rent": "rent rents",
    "prices": "inflation prices cpi",
    "unemployment": "unemployment jobless unemployed",
    "employment": "employment employed employs employ employing work part-time workforce",
    "growth": "growth gdp economy grew",
    "exports": "exports export",
    "imports": "imports import",
    "turnout": "turnout",
    # How many came is not what they paid: "attendance rose 20 percent" says nothing of ticket prices.
    "attendance": "attendance attendances admissions footfall visitors visitor",
    "efficacy": "effective efficacy effectiveness protection risk",
    "side_effects": "side-effects effects",
    "recall": "recall recalled recalling",
    "sold": "sold sell sells selling",
    "support": "support supported backing backed vote",
    "share_price": "shares stock stocks share-price",
    "oppose": "oppose opposed opposition",
}
MEASURE_OF: dict[str, str] = {w: k for k, ws in MEASURE_GROUPS.items() for w in ws.split()}
# Measures a cost may be worded as in a source: "the drought cost farmers $1.2bn" is its farm losses.
ALSO_MEASURES = {"cost": frozenset({"spending", "loss", "fine", "provision", "debt"})}
