"""The number reader (shared by the suggestion engine and the figure check) reads pence as pounds and
the koruna and forint as currencies (sentences written for this test)."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest.numbers import find_quantities


@pytest.mark.parametrize(("text", "value", "unit", "written"), [
    ("Tickets rise to 85 pence from May.", 0.85, "GBP", "85 pence"),
    ("The cap is 31.4p/kWh for gas.", 0.314, "GBP", "31.4p"),
    ("a 10p-a-litre cut in duty", 0.1, "GBP", "10p"),
    ("The bridge cost 640 million koruna.", 640_000_000, "CZK", "640 million koruna"),
    ("Rents average 180,000 forints a month.", 180_000, "HUF", "180,000 forints"),
])
def test_currencies_are_read(text, value, unit, written):
    (q,) = find_quantities(text)
    assert (q.unit, q.kind, q.text) == (unit, "money", written)
    assert q.value == pytest.approx(value)


def test_a_clock_time_is_no_pence():
    assert all(q.unit != "GBP" for q in find_quantities("The polls close at 10p.m. on Thursday."))
