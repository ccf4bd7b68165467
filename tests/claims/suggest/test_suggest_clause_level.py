"""Clause-level claims in the shapes wire copy, live blogs and court reports use: each split claim keeps
the sentence's source, events without figures are claims of type "other", a figure compared with a
record is a claim of its own, and a fragment gets a wording an editor can accept."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest import suggest


def _by_text(text: str) -> dict[str, object]:
    return {s.text: s for s in suggest(text)}


def test_a_source_named_mid_sentence_reaches_the_claims_before_and_after_it():
    text = ("Shelling on the port of Dravna killed at least 8 civilians and wounded 21 others, the governor said "
            "on Monday, the deadliest attack on the port since the war began.")
    found = suggest(text)
    assert [s.text for s in found] == [
        "Shelling on the port of Dravna killed at least 8 civilians",
        "wounded 21 others, the governor said on Monday",
        "the deadliest attack on the port since the war began",
    ]
    assert all(s.attributed_to == "the governor" and "attribution" in s.types for s in found)
    assert "superlative" in found[2].types


def test_a_speakers_aside_after_a_quotation_is_not_attributed_to_the_speaker():
    text = ('"We count the dead every morning," said Ilka Moor, a doctor at the district clinic, which has been '
            "shelled three times since May.")
    aside = next(s for s in suggest(text) if "three times" in s.text)
    assert aside.attributed_to is None
    assert "attribution" not in aside.types


def test_a_checkable_event_without_a_figure_is_a_claim_of_type_other():
    found = _by_text("The regional assembly passed a law banning cars from the old town.")
    assert found["The regional assembly passed a law banning cars from the old town"].types == ["other"]


def test_a_denial_with_its_source_is_other_plus_attribution():
    claim = suggest("A spokesman for the port authority denied that the cranes had been sold.")[0]
    assert claim.types == ["attribution", "other"]
    assert claim.attributed_to == "A spokesman for the port authority"


def test_a_charge_joined_to_a_court_date_is_two_claims():
    # A scheduled court date is checkable against the court list (GUIDELINES.md labellers mark it).
    found = suggest("The driver was charged with dangerous driving and will appear before magistrates on Friday.")
    assert [s.text for s in found] == ["The driver was charged with dangerous driving",
                                       "will appear before magistrates on Friday"]
    assert found[0].types == ["other"]
    assert "temporal" in found[1].types


def test_a_figure_compared_with_a_record_is_its_own_claim():
    text = "The lake rose to 4.2 metres on Sunday, 0.9 metres above its previous record set in 2002."
    first, second = suggest(text)
    assert first.text == "The lake rose to 4.2 metres on Sunday"
    assert second.text == "0.9 metres above its previous record set in 2002"
    assert "comparison" in second.types
    assert [q["value"] for q in second.quantities] == [0.9]
    assert second.wording == "The lake rose to 4.2 metres on Sunday, 0.9 metres above its previous record set in 2002."


def test_a_relative_clause_after_in_which_is_its_own_count():
    text = "Police said 31 people were detained after a march in which 6 officers were hurt."
    first, second = suggest(text)
    assert [q["value"] for q in first.quantities] == [31]
    assert second.text == "6 officers were hurt"
    assert second.attributed_to == "Police"


def test_a_relative_clause_is_worded_about_the_noun_before_it():
    text = ("The drug cut relapses by 40 percent, according to the study's authors, who were paid by the "
            "manufacturer until 2021.")
    rel = next(s for s in suggest(text) if s.text.startswith("were paid"))
    assert rel.wording == "The study's authors were paid by the manufacturer until 2021."


def test_a_participle_fragment_is_worded_with_the_clause_it_follows():
    text = "A total of 140 trains were cancelled in the north, affecting some 60,000 commuters."
    frag = next(s for s in suggest(text) if s.text.startswith("affecting"))
    assert frag.wording == "A total of 140 trains were cancelled in the north, affecting some 60,000 commuters."


def test_a_live_blog_time_stamp_is_not_part_of_the_claim():
    text = "14:05 — Governor Ana Pell told reporters that inflation had slowed to 3.9 percent in May."
    claim = suggest(text)[0]
    assert claim.text.startswith("Governor Ana Pell told reporters")
    assert claim.attributed_to is not None and "Ana Pell" in claim.attributed_to


def test_losses_left_behind_are_causal_and_an_estimate_is_attributed():
    found = suggest("Insurers estimate the damage at about £40 million. The storm left 9,000 homes without power.")
    assert found[0].attributed_to == "Insurers"
    assert "causal" in found[1].types


def test_a_relative_clause_with_its_own_date_is_its_own_claim():
    first, second = suggest("The guild, which was founded in 1794, has since sold its hall.")
    assert first.text == "The guild, which was founded in 1794"
    assert first.wording == "The guild was founded in 1794."
    assert second.wording == "The guild has since sold its hall."


@pytest.mark.parametrize(
    "text",
    [
        "The company has filed for bankruptcy protection.",
        "The regulator opened an investigation into the bank's lending.",
        "Rebels seized the airport.",
        "The intensive care unit is full, according to a nurse there.",
    ],
)
def test_checkable_events_without_figures_are_suggested(text):
    found = suggest(text)
    assert len(found) == 1 and "other" in found[0].types


@pytest.mark.parametrize(
    "text",
    [
        "She agreed to speak on condition of anonymity because she was not authorised to talk to reporters.",
        "A man who asked not to be named said the shop had been empty for weeks.",
        "The council did not respond to a request for comment.",
        "Residents blocked out the noise with music.",
        "Villagers fear that the worst is yet to come.",
    ],
)
def test_boilerplate_narrative_and_feelings_are_not_suggested(text):
    assert suggest(text) == []


def test_over_a_period_after_a_verb_is_the_period_not_more_than_it():
    claim = suggest("Prosecutors said Hale had taken bribes worth $3 million over eight years.")[0]
    assert [(q["value"], q["qualifier"], q["unit"]) for q in claim.quantities][-1] == (8, "exact", "years")
    assert [(q["qualifier"]) for q in suggest("The feud has lasted for over 20 years.")[0].quantities] == ["more_than"]


def test_where_a_place_lies_is_its_own_claim_worded_about_the_place():
    first, second = suggest("Rescuers reached the hamlet of Brenna, 14 kilometres to the north.")
    assert first.text == "Rescuers reached the hamlet of Brenna"
    assert second.text == "14 kilometres to the north"
    assert second.wording == "Brenna is 14 kilometres to the north."


def test_a_source_named_after_a_time_word_is_only_the_source():
    claim = suggest("Shops reopened two days after the city council said the water was safe.")[0]
    assert claim.attributed_to == "the city council"


def test_a_subject_who_explains_itself_with_saying_is_the_source():
    claim = suggest("The harbour master resigned on Monday, saying the dredging had been mishandled.")[0]
    assert claim.attributed_to == "The harbour master"
    assert "attribution" in claim.types


def test_whoever_blames_is_the_source_of_the_cause():
    claim = suggest("Farmers blamed the new quota for the collapse in milk prices.")[0]
    assert claim.attributed_to == "Farmers"
    assert "causal" in claim.types


def test_a_figure_in_a_participle_after_a_stated_cause_is_its_own_claim():
    first, second = suggest("Snow led to the closure of the pass at Vrel, stranding about 600 drivers.")
    assert first.text == "Snow led to the closure of the pass at Vrel" and "causal" in first.types
    assert second.text == "stranding about 600 drivers"


def test_a_subject_with_an_appositive_name_is_the_source_of_its_saying_clause():
    claim = suggest("The port's director, Ana Vell, resigned on Friday, saying the audit had been ignored.")[0]
    assert claim.attributed_to == "The port's director, Ana Vell"


@pytest.mark.parametrize(("sentence", "aside", "wording"), [
    # A ranking or comparison split from its clause keeps that clause's subject (a tryout's list read
    # "Nearly 1,400 wounded were the deadliest week ..." and "38 soldiers were up from 15 ...").
    ("Shelling killed 212 people in Karvel and left nearly 1,400 wounded, the deadliest week in the conflict "
     "since it began in March 2024.", "the deadliest week in the conflict since it began in March 2024",
     "Shelling left nearly 1,400 wounded, the deadliest week in the conflict since it began in March 2024."),
    ("The army said 38 soldiers were killed on Thursday, up from 15 the week before.", "up from 15 the week before",
     "The army said 38 soldiers were killed on Thursday, up from 15 the week before."),
    ("About 85,000 people have fled Karvel, roughly a third of its pre-war population of 260,000.",
     "roughly a third of its pre-war population of 260,000",
     "About 85,000 people have fled Karvel, roughly a third of its pre-war population of 260,000."),
])
def test_an_aside_is_worded_with_the_clause_it_ranks(sentence, aside, wording):
    found = {s.text: s for s in suggest(sentence)}
    assert found[aside].wording == wording


def test_an_over_before_the_next_figure_qualifies_that_figure():
    (found,) = suggest('"We have 600 beds and over 1,300 people in corridors," Orsk said.')
    assert [(q["text"], q["qualifier"]) for q in found.quantities] == [("600 beds", "exact"),
                                                                      ("over 1,300 people", "more_than")]
    (aged,) = suggest("Everyone aged 65 and over was offered the vaccine in March, the ministry said.")
    assert ("65 and over", "at_least") in [(q["text"], q["qualifier"]) for q in aged.quantities]
