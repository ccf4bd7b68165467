"""Across languages, the words a claim and a source share stand for its subject: what was allocated,
who earns the salary, which outbreak killed whom (sentences written for this test)."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest.numbers import find_quantities
from factcheck.sources.crosslang import concepts
from factcheck.sources.figures import figure_check


@pytest.mark.parametrize(("english", "other", "concept"), [
    ("The cabinet allocated the money", "خصصت الحكومة المبلغ", "government"),
    ("The cabinet allocated the money", "הממשלה הקציבה את הכסף", "allocated"),
    ("a teacher's salary", "راتب المعلم", "wages"),
    ("a teacher's salary", "משכורת של מורה", "teachers"),
    ("Rescuers evacuated the village", "أجلت فرق الإنقاذ سكان القرية", "displaced"),
    ("registered for the lottery", "נרשמו להגרלה", "registered"),
    ("the cholera outbreak", "تفشي الكوليرا", "cholera"),
    ("repairing the roads", "لإصلاح الطرق", "reform"),
])
def test_the_same_thing_is_one_concept_in_each_language(english, other, concept):
    assert concept in concepts(english)
    assert concept in concepts(other)


def test_death_cases_in_arabic_count_deaths():
    (q,) = find_quantities("وسجلت الوزارة ٣٤ حالة وفاة بالحصبة.")
    assert (q.value, q.unit) == (34, "deaths")


@pytest.mark.parametrize(("claim", "passage", "label"), [
    ("The government allocated 7 million dinars to rebuild schools",
     "وخصصت الحكومة سبعة ملايين دينار لإعادة بناء المدارس المتضررة.", "states"),
    ("The measles outbreak has caused 34 deaths", "وسجلت الوزارة ٣٤ حالة وفاة بالحصبة منذ أيلول.", "states"),
    ("The measles outbreak has caused 34 deaths", "وسجلت الوزارة ٤١ حالة وفاة بالحصبة منذ أيلول.", "different"),
    ("More than 5,000 teachers registered for the scheme", "למעלה מ־5,000 מורים נרשמו לתוכנית, כך לפי המשרד.", "states"),
])
def test_a_source_in_another_language_is_about_the_claims_subject(claim, passage, label):
    result = figure_check(claim, passage)
    assert result.label == label, result.summary
