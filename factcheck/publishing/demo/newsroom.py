"""The demo newsroom's articles and sources: all text written for this demo (fictional places and people)."""

from __future__ import annotations

TRAMS = {
    "title": "Tram extension to Norrvik will open a year late, city says",
    "outlet": "Kessling Courier",
    "author": "Jonas Brandt",
    "text": (
        "The extension of tram line 4 to the Norrvik estate will open in autumn 2027, a year later than planned, "
        "the city transport office said on Monday.\n\n"
        "The office blamed a shortage of track welders and said the budget had grown to 212 million euros. "
        "Councillor Petra Lind said the delay would cost commuters about 40 minutes a day.\n\n"
        "The new stretch adds six stops and is expected to carry 18,000 passengers on a working day.\n"
    ),
    "claims": [
        "the budget had grown to 212 million euros",
        "the delay would cost commuters about 40 minutes a day",
        "is expected to carry 18,000 passengers on a working day",
    ],
}

MEALS = {
    "title": "Free school meals reach every primary pupil in Aldmere",
    "outlet": "Kessling Courier",
    "author": "Mira Solberg",
    "text": (
        "Every primary pupil in the Aldmere district now gets a free hot lunch, the education board said, after "
        "the scheme was extended to the last 14 schools this term.\n\n"
        "The board said 9,300 children eat the lunches each day and that the scheme costs 4.1 million euros a "
        "year. Head teacher Omar Reyes said attendance at his school rose by 6 percent since January.\n"
    ),
    "claims": [
        "9,300 children eat the lunches each day",
        "the scheme costs 4.1 million euros a year",
    ],
    "source": (
        "aldmere-education-board-2026.txt",
        "Aldmere Education Board, spring report\n\n"
        "Lunch numbers: on an average school day 8,700 children took a free lunch in the district's primary "
        "schools. The budget for the lunch scheme is 4.1 million euros a year.\n\n"
        "The scheme was extended to the remaining 14 schools in February.\n",
    ),
}

BRIDGE = {
    "title": "Old harbour bridge to close for repairs in March",
    "outlet": "Kessling Courier",
    "author": "Desk staff",
    "text": (
        "The swing bridge over the old harbour will close to traffic for eleven weeks from March while its "
        "steel deck is replaced, the port authority announced.\n\n"
        "The authority said the bridge carries 7,500 vehicles a day and that the repair will cost 3.2 million "
        "euros.\n"
    ),
    "claims": [
        "the bridge carries 7,500 vehicles a day",
        "the repair will cost 3.2 million euros",
    ],
    "source": (
        "port-authority-bridge-notice.txt",
        "Port authority notice: swing bridge deck replacement\n\n"
        "Traffic counts from last year show 7,500 vehicles a day use the bridge on average. The contract for "
        "the new deck was signed at 2.6 million euros, including the temporary footbridge.\n",
    ),
    "verdicts": [
        ("verified", "accurate", "The authority's own traffic count gives 7,500 vehicles a day."),
        ("disputed", "inaccurate", "The signed contract is 2.6 million euros, not 3.2 million."),
    ],
}

LIBRARY = {
    "title": "Library visits climb after Sunday opening",
    "outlet": "Kessling Courier",
    "author": "Lena Voss",
    "text": (
        "Visits to Kessling's central library rose to 310,000 last year after it began opening on Sundays, the "
        "culture department said.\n\n"
        "The library lent out 52,000 e-books in the same period, twice as many as the year before.\n"
    ),
    "claims": [
        "Visits to Kessling's central library rose to 310,000 last year",
        "The library lent out 52,000 e-books in the same period",
    ],
    "source": (
        "culture-department-annual-figures.txt",
        "Culture department: annual figures\n\n"
        "The central library recorded 310,000 visits over the year. Lending of e-books reached 52,000 loans, up "
        "from 26,000 the year before.\n",
    ),
    "verdicts": [
        ("verified", "accurate", "The department's annual figures record 310,000 visits."),
        ("verified", "accurate", "52,000 e-book loans, up from 26,000: twice as many."),
    ],
}
