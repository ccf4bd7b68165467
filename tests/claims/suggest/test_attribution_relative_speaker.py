"""A speaker described by a relative clause is named without it (tryout, round 11: the report and its
ClaimReview gave the author as "Commissioner Tom Reyes, who voted against the plan")."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest.attribution import find_attribution


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Councillor Ada Brenn, who chaired the inquiry, said repairs would cost $4 million.", "Councillor Ada Brenn"),
    ("Judge Omar Feld, whose court hears 900 cases a year, said delays had doubled.", "Judge Omar Feld"),
    # An appositive that names or describes the speaker is kept, as before.
    ("The bank's governor, Ilse Marten, said inflation was 3 percent.", "The bank's governor, Ilse Marten"),
])
def test_the_speaker_is_named_without_the_clause_that_describes_them(sentence, speaker):
    assert find_attribution(sentence, 0, len(sentence))[0] == speaker
