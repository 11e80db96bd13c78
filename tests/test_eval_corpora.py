"""Scorers of the MEANTIME grouping and SemEval-2015 entity-timeline evaluations.

Hand-computed cases for the scorers; readers checked on the real data when it is present
(../shared/data, never copied into the repository). No pipeline run here.
"""

from pathlib import Path

import pytest

from dateline.eval.cross_document import (
    SentenceLocator,
    bcubed_scores,
    cluster_cohesion,
    detokenize,
    find_corpora,
    gold_items,
    join_sentences,
    multi_document_instances,
    pairwise_scores,
    parse_date_line,
    read_corpora,
    read_instance_list,
    read_meantime,
    score_grouping,
)
from dateline.eval.entity_timelines import (
    aggregate,
    baseline_dates,
    date_scores,
    entity_names,
    events_for_entity,
    mentions_entity,
    normalize_date,
    read_entities,
    read_gold,
    read_semeval_docs,
)
from dateline.model import Event, FuzzyDate, Source

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MEANTIME = DATA / "meantime"
SEMEVAL = DATA / "semeval2015-timeline" / "corpus_1"


def approx(value):
    return pytest.approx(value, abs=1e-9)


# --- clustering scorers -----------------------------------------------------------

# gold {a,b,c} {d,e}; system {a,b} {c,d,e}
GOLD = {"a": {1}, "b": {1}, "c": {1}, "d": {2}, "e": {2}}
SYSTEM = {"a": {"x"}, "b": {"x"}, "c": {"y"}, "d": {"y"}, "e": {"y"}}


def test_pairwise_on_known_clustering():
    # gold links: ab ac bc de (4); system links: ab cd ce de (4); common: ab de (2)
    scores = pairwise_scores(GOLD, SYSTEM)
    assert (scores["gold_links"], scores["system_links"], scores["common"]) == (4, 4, 2)
    assert scores["precision"] == approx(0.5)
    assert scores["recall"] == approx(0.5)
    assert scores["f1"] == approx(0.5)


def test_bcubed_on_known_clustering():
    # precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/15
    # recall per item:    a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15
    scores = bcubed_scores(GOLD, SYSTEM)
    assert scores["precision"] == approx(11 / 15)
    assert scores["recall"] == approx(11 / 15)
    assert scores["f1"] == approx(11 / 15)


def test_perfect_and_all_singletons():
    assert bcubed_scores(GOLD, {k: {f"s{v}" for v in g} for k, g in GOLD.items()})["f1"] \
        == approx(1.0)
    # Items missing from the system output are singletons: full precision, recall 1/|cluster|.
    alone = bcubed_scores(GOLD, {})
    assert alone["precision"] == approx(1.0)
    assert alone["recall"] == approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)
    pair = pairwise_scores(GOLD, {})
    assert pair["precision"] == approx(1.0) and pair["recall"] == approx(0.0)


def test_everything_in_one_cluster():
    one = {k: {"x"} for k in GOLD}
    scores = bcubed_scores(GOLD, one)
    assert scores["precision"] == approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
    assert scores["recall"] == approx(1.0)
    assert pairwise_scores(GOLD, one)["precision"] == approx(4 / 10)


def test_extended_bcubed_with_overlapping_labels():
    # a carries gold events 1 and 2, b only 1; the system puts both in event x.
    gold = {"a": {1, 2}, "b": {1}}
    system = {"a": {"x"}, "b": {"x"}}
    scores = bcubed_scores(gold, system)
    # precision: every pair shares 1 system cluster and >=1 gold label -> 1
    assert scores["precision"] == approx(1.0)
    # recall of a: self min(1,2)/2 = 1/2, with b min(1,1)/1 = 1 -> 3/4; b: 1 -> 7/8
    assert scores["recall"] == approx((0.75 + 1.0) / 2)
    # a sentence split over two system events it should not be in twice
    split = bcubed_scores({"a": {1}, "b": {1}}, {"a": {"x", "y"}, "b": {"x"}})
    # precision of a: self min(2,1)/2 = 1/2, with b 1 -> 3/4; b: 1 -> 7/8
    assert split["precision"] == approx(7 / 8)
    assert split["recall"] == approx(1.0)


def test_multi_document_instances_and_cohesion():
    gold = {("d1", 2): {"A"}, ("d2", 5): {"A", "B"}, ("d2", 6): {"B"}, ("d3", 3): {"C"},
            ("d4", 2): {"C"}}
    assert multi_document_instances(gold) == {"A", "C"}
    system = {("d1", 2): {0}, ("d2", 5): {0, 1}, ("d3", 3): {2}, ("d4", 2): {3}}
    cohesion = cluster_cohesion(gold, system, {"A", "C"})
    assert cohesion["instances"] == 2
    assert cohesion["single_event_share"] == approx(0.5)  # A in event 0; C split
    assert cohesion["linked_share"] == approx(0.5)
    report = score_grouping(gold, system)
    assert report["items"] == 5
    assert report["coverage"] == approx(4 / 5)
    assert report["covered"]["items"] == 4
    assert report["multi_doc"]["items"] == 4  # (d2, 6) carries only the one-document B
    # (d2, 5) sits in two dateline events but carries one multi-document instance:
    # its own precision is (1/2 + 1) / 2, the other three items score 1.
    assert report["multi_doc"]["bcubed"]["precision"] == approx((3 + 0.75) / 4)
    assert report["multi_doc"]["bcubed"]["recall"] == approx((1 + 1 + 0.5 + 0.5) / 4)


def test_sentence_locator_tolerates_spacing_and_split_differences():
    sentences = {2: "Boeing said on Monday it was pleased.", 3: "Airbus did not comment."}
    text = " ".join(sentences.values())
    spans = {2: (0, len(sentences[2])), 3: (len(sentences[2]) + 1, len(text))}
    locator = SentenceLocator(text=text, spans=spans)
    assert locator.locate("Boeing said on  Monday\nit was pleased.") == {2}
    assert locator.locate("pleased. Airbus did not comment.") == {2, 3}
    assert locator.locate("Something else entirely.") == set()


def test_join_sentences_keeps_unpunctuated_lines_apart():
    text, spans = join_sentences(["Title", "March 1, 2008", "Revealed in 2005", "It flew.",
                                  "Done."], 2)
    assert text == "Revealed in 2005\n\nIt flew. Done."
    assert {i: text[a:b] for i, (a, b) in spans.items()} == {
        2: "Revealed in 2005", 3: "It flew.", 4: "Done."}


def test_detokenize_and_date_line():
    tokens = "Boeing 's `` 787 '' costs US$ 40 billion ( about 20 % more ) , he said .".split()
    assert detokenize(tokens) == 'Boeing\'s "787" costs US$40 billion (about 20% more), he said.'
    assert parse_date_line("March 06 , 2005").isoformat() == "2005-03-06"
    assert parse_date_line("not a date") is None


# --- date scorers ------------------------------------------------------------------


def test_normalize_date():
    assert normalize_date("2007-10-25") == "2007-10-25"
    assert normalize_date("2007-10-XX") == "2007-10"
    assert normalize_date("2006-XX-XX") == "2006"
    assert normalize_date("2005-XX-12") == "2005"
    assert normalize_date("XXXX-XX-XX") is None


def test_date_scores_and_averages():
    scores = date_scores({"2007-10-25", "2007-10", "2008"}, {"2007-10-25", "2008", "2009-01-01",
                                                               "2010"})
    assert scores["precision"] == approx(2 / 3)
    assert scores["recall"] == approx(2 / 4)
    assert scores["f1"] == approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    empty = date_scores(set(), {"2007"})
    assert (empty["precision"], empty["recall"], empty["f1"]) == (0.0, 0.0, 0.0)
    # month precision never matches a day-precision gold date
    assert date_scores({"2007-10"}, {"2007-10-25"})["common"] == 0
    both = aggregate({"a": date_scores({"1"}, {"1"}), "b": date_scores({"2"}, {"3"})})
    assert both["macro"]["f1"] == approx(0.5)
    assert both["micro"]["precision"] == approx(0.5)


def test_entity_names_and_event_selection():
    assert "Gallois" in entity_names("Louis Gallois")
    assert "A380" in entity_names("Airbus A380")
    assert "USAF" in entity_names("United States Air Force")
    assert "Airlines" not in entity_names("Singapore Airlines")
    assert "Apple" in entity_names("Apple Inc.")
    assert mentions_entity("Boeing's new jet", "Boeing")
    assert not mentions_entity("Boeingesque design", "Boeing")
    events = [
        Event("e1", FuzzyDate(2007, 2, 28), "t", "s", [],
              [Source("a", "Chief executive Gallois said the cuts were needed.")]),
        Event("e2", FuzzyDate(2007, 3, 1), "t", "s", [], [Source("b", "Boeing replied.")]),
    ]
    assert [e.id for e in events_for_entity(events, "Louis Gallois")] == ["e1"]


# --- real data -------------------------------------------------------------------------

@pytest.mark.shared_data
@pytest.mark.skipif(not MEANTIME.is_dir(), reason="MEANTIME data absent")
def test_meantime_corpora_found_from_root_or_corpus_folders(tmp_path):
    assert set(find_corpora([MEANTIME])) == {"airbus", "apple"}
    alone = read_corpora([MEANTIME / "apple"])
    assert list(alone) == ["apple"] and len(alone["apple"]) == 30
    with pytest.raises(FileNotFoundError, match="no MEANTIME"):
        find_corpora([tmp_path])


@pytest.fixture(scope="module")
def meantime():
    if not MEANTIME.is_dir():
        pytest.skip("MEANTIME data absent")
    return read_meantime(MEANTIME)


@pytest.mark.shared_data
@pytest.mark.skipif(not MEANTIME.is_dir(), reason="MEANTIME data absent")
def test_meantime_reader_counts(meantime):
    instances = read_instance_list(MEANTIME)
    for topic in ("airbus", "apple"):
        docs = meantime[topic]
        assert len(docs) == 30
        assert all(doc.dct is not None for doc in docs)
        gold = gold_items(docs)
        found = set().union(*gold.values())
        assert len(gold) > 100 and len(found) > 100
        assert found <= set(instances)  # every gold instance is a listed one
        assert all(instances[i]["TYPE"] == "EVENT" for i in found)
        assert len(multi_document_instances(gold)) >= 5
    first = meantime["airbus"][0]
    assert first.raw_text().splitlines()[1] == "March 1, 2008"
    assert first.sentences[2].startswith("Northrop Grumman and Airbus parent company")


@pytest.mark.shared_data
@pytest.mark.skipif(not SEMEVAL.is_dir(), reason="SemEval-2015 data absent")
def test_semeval_reader_counts():
    docs = read_semeval_docs(SEMEVAL)
    assert len(docs) == 30
    assert all(doc.dct is not None and doc.title for doc in docs)
    entities = read_entities(SEMEVAL)
    assert entities and "Airbus" in entities
    gold = read_gold(SEMEVAL)
    assert set(gold) == set(entities)  # misspelled headers are paired by file name
    assert all(timeline.dates() for timeline in gold.values())
    assert "2007-10" in gold["Airbus A380"].dates()
    assert baseline_dates(docs, "Ryanair") >= {"2005-06-13"}
