"""A new user's flood article (tryout 15): a "where" clause whose passive verb looked like a source's,
a quotation whose speaker is named in another sentence or on the line before, a speaker cut from
their verb by an aside, and wordings that ended unlike one another. Every sentence here is invented."""

from __future__ import annotations

from factcheck.claims.suggest import analyse, suggest
from factcheck.claims.suggest.wording import finished


def _with(text: str, words: str):
    got = [s for s in suggest(text) if words in s.text]
    assert got, [s.text for s in suggest(text)]
    return got[0]


def test_a_where_clause_is_the_reporters_and_keeps_its_place():
    text = ("Rescuers said the search would go on through the night, especially in the west of the valley, "
            "where at least six walkers are still reported missing.")
    got = _with(text, "six walkers")
    assert got.attributed_to == "Rescuers"
    assert got.wording == "At least six walkers are still reported missing in the west of the valley."


def test_a_count_or_a_clause_fragment_is_never_a_source():
    for text in (
        "The road stayed shut after the landslide, and some 40 families are still reported stranded.",
        "Crews reopened the bridge, although at least three lorries were already reported stuck.",
    ):
        for s in suggest(text):
            src = s.attributed_to or ""
            assert not any(w in src.split() for w in ("are", "were", "still", "already")), (text, src)


def test_a_sentence_of_a_longer_quotation_is_its_speakers():
    text = ("Water rose fast overnight.\n\n“The dyke stood for sixty years and it broke in ninety minutes. "
            "Nobody saw it coming,” Councillor Ivo Brandt said.")
    got = _with(text, "sixty years")
    assert got.attributed_to == "Councillor Ivo Brandt" and "attribution" in got.types
    assert got.wording == "Councillor Ivo Brandt said: “The dyke stood for sixty years and it broke in ninety minutes.”"


def test_a_quotation_after_a_line_ending_said_is_the_speakers():
    text = "Councillor Ivo Brandt said:\n\n“The dyke stood for sixty years and it broke in ninety minutes.”"
    got = _with(text, "sixty years")
    assert got.attributed_to == "Councillor Ivo Brandt" and "attribution" in got.types


def test_a_selected_quotation_is_worded_and_attributed_to_its_speaker():
    for text in (
        "“The dyke stood for sixty years and it broke in ninety minutes,” Councillor Ivo Brandt said.",
        "Councillor Ivo Brandt said: “The dyke stood for sixty years and it broke in ninety minutes.”",
        "“The dyke stood for sixty years and it broke in ninety minutes. Nobody saw it coming,” Councillor Ivo Brandt said.",
    ):
        quote = "The dyke stood for sixty years and it broke in ninety minutes"
        at = text.index(quote)
        got = analyse(text, at, at + len(quote))
        assert got.attributed_to == "Councillor Ivo Brandt", text
        assert {"attribution", "temporal"} <= set(got.types)
        assert got.wording == "Councillor Ivo Brandt said: “The dyke stood for sixty years and it broke in ninety minutes.”"


def test_a_wording_never_starts_with_the_reporting_verb():
    text = ("Harbour master Rui Tavares, who has run the port since 2011, said the outer sea wall "
            "collapsed at about 4 a.m.")
    got = _with(text, "sea wall")
    assert got.attributed_to == "Harbour master Rui Tavares" and "attribution" in got.types
    assert got.wording == "Harbour master Rui Tavares said the outer sea wall collapsed at about 4 a.m."
    for s in suggest(text):
        assert not (s.wording or "").lower().startswith(("said", "told", "says"))


def test_an_inverted_frame_kept_for_its_aside_is_worded_about_the_speaker():
    got = _with("“We lost the lot,” said Greta Lind, a ferry pilot who has crossed the fjord since 1994.", "ferry pilot")
    assert got.wording == "Greta Lind is a ferry pilot who has crossed the fjord since 1994."
    got = _with("“We lost the lot,” said Greta Lind, whose family has farmed the delta since 1911.", "family")
    assert got.wording == "Greta Lind's family has farmed the delta since 1911."


def test_a_wording_is_finished_as_one_sentence():
    assert finished("the pumps failed at 3 a.m") == "The pumps failed at 3 a.m."
    assert finished("The pumps failed at 3 a.m.") == "The pumps failed at 3 a.m."
    assert finished("two bridges were closed,") == "Two bridges were closed."
    assert finished("Was the dyke inspected?") == "Was the dyke inspected?"
    assert finished("Ana Cole said: “It broke.”") == "Ana Cole said: “It broke.”"


def test_every_wording_is_a_sentence():
    text = ("The Ostra burst its banks on Friday. It flooded 230 homes and closed two schools, the council said. "
            "Police said the search would widen, mainly in the south of the town, where four anglers are missing. "
            "Chief Ana Cole, who took office in 2020, said the pumps failed at 3 a.m")
    worded = [s.wording for s in suggest(text) if s.wording]
    assert len(worded) >= 3
    for w in worded:
        assert w[0].isupper(), w
        assert w.endswith((".", "?", "!", "”", "’")) and not w.endswith(".."), w


def test_a_clock_time_ends_its_sentence_before_the_next_one():
    text = ("Harbour master Rui Tavares, who has run the port since 2011, said the sea wall collapsed at about "
            "4 a.m. Fishing boats were moved inland by noon.")
    got = _with(text, "sea wall")
    assert "Fishing" not in got.text
    assert got.wording == "Harbour master Rui Tavares said the sea wall collapsed at about 4 a.m."
    # A day or a time zone after the clock time goes on dating the same sentence.
    assert len(suggest("The pumps stopped at 5 a.m. Thursday, the water board said.")) == 1
    assert all("GMT" in s.text for s in suggest("The siren sounded at 6 p.m. GMT on Sunday.")[:1])


def test_an_arabic_question_mark_ends_a_wording_as_its_own():
    assert finished("هل انهار السد؟") == "هل انهار السد؟"
