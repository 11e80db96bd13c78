"""Incremental re-grouping details: stored word features, untouched rows, coarse dates."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import delete, func, select, update

from dateline.config import Config
from dateline.store import add, open_store, schema, timeline
from dateline.store.check import verify
from dateline.store.codec import mention_terms, terms_version
from dateline.store.rows import refresh_terms

DATA = Path(__file__).parent / "data" / "store"
FAST = Config(use_ner=False, progress=False)

MONTH_REPORT = """Marlow council looks back on the Tamsin flood barrier
June 20, 2021

In March 2021 the new flood barrier on the river Tamsin opened in Marlow after six years
of construction work, the council said in its annual report.
"""


def _shape(events):
    return sorted((e.date.iso(), tuple(sorted({s.article for s in e.sources})))
                  for e in events)


def _events(store) -> dict[str, tuple]:
    with store.read() as conn:
        return {row.id: tuple(row) for row in conn.execute(select(schema.events))}


def test_new_mentions_store_their_word_features(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        add(store, [str(DATA)], FAST)
        with store.read() as conn:
            values = conn.execute(select(schema.mentions.c.terms)).scalars().all()
        assert values and all(v.startswith(terms_version() + "\t") for v in values)
        assert refresh_terms(store) == 0


def test_features_of_other_grouping_code_are_recomputed(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        add(store, [str(DATA / "barrier-opens.txt"), str(DATA / "council-vote.txt")], FAST)
        with store.write() as conn:  # as left by an older dateline: none, or stale ones
            conn.execute(update(schema.mentions).values(terms=None))
        add(store, [str(DATA / "barrier-second-report.txt")], FAST)
        with store.read() as conn:
            refreshed = conn.execute(select(func.count()).select_from(schema.mentions).where(
                schema.mentions.c.terms.is_not(None))).scalar()
        assert refreshed > 0  # the mentions the new report met were recomputed on the way
        assert refresh_terms(store) > 0  # ... and the rest on demand
        with store.read() as conn:
            rows = conn.execute(select(schema.mentions)).mappings().all()
        from dateline.store import codec

        assert all(r["terms"] == mention_terms(codec.mention_from_row(r)) for r in rows)
        (event,) = [e for e in timeline(store).events if e.date.iso() == "2021-03-01"]
        assert {s.article for s in event.sources} == {"barrier-opens", "barrier-second-report"}


def test_events_that_come_out_unchanged_keep_their_rows(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        add(store, [str(DATA / "barrier-opens.txt"), str(DATA / "council-vote.txt")], FAST)
        before = _events(store)
        result = add(store, [str(DATA / "barrier-second-report.txt")], FAST)
        after = _events(store)
        changed = {k for k in before if after.get(k) != before[k]}
        assert result.events_replaced == len(changed) >= 1
        assert verify(store) == []


def test_a_later_day_report_takes_in_a_stored_month_mention(tmp_path):
    """The full build attaches "in March 2021" to the March 1 event; so must the store
    when the month mention was stored first and the day report comes later."""
    from dateline.pipeline import build_timeline

    month = tmp_path / "in" / "barrier-review.txt"
    month.parent.mkdir()
    month.write_text(MONTH_REPORT, encoding="utf-8")
    day = DATA / "barrier-opens.txt"
    full = build_timeline([str(month), str(day)], FAST)
    with open_store(tmp_path / "s.db") as store:
        add(store, [str(month)], FAST)
        add(store, [str(day)], FAST)
        stored = timeline(store)
        assert verify(store) == []
    assert _shape(stored.events) == _shape(full.events)


SINCE_REPORT = """Harwick mill owners count the cost of the long strike
October 12, 2022

The Harwick paper mill has stood idle since 2019, when its owners shut the plant after
the long strike over shift pay, a union spokesman said.
"""

STRIKE_REPORTS = [
    """Harwick paper mill workers walk out over shift pay
October 3, 2022

Workers at the Harwick paper mill began a long strike over shift pay in 2019, which
closed the mill, according to union records published this week.
""",
    """Three years on, Harwick remembers the mill strike
October 5, 2022

The long strike over shift pay at the Harwick paper mill started in 2019 and closed the
mill within months, former workers recalled at a meeting in the town hall.
""",
]


def test_a_sentence_in_no_event_joins_the_event_a_later_batch_makes(tmp_path):
    """"Idle since 2019" cannot make an event alone (a state's edge): stored first, it
    waits in no event, and the reports of the 2019 strike that come later take it in,
    as the build does with all three articles at once."""
    from dateline.pipeline import build_timeline

    folder = tmp_path / "in"
    folder.mkdir()
    since = folder / "mill-idle.txt"
    since.write_text(SINCE_REPORT, encoding="utf-8")
    reports = []
    for number, text in enumerate(STRIKE_REPORTS):
        reports.append(folder / f"mill-strike-{number}.txt")
        reports[-1].write_text(text, encoding="utf-8")
    full = build_timeline([str(since), *map(str, reports)], FAST)
    (year,) = [e for e in full.events if e.date.iso() == "2019"]
    assert "mill-idle" in {s.article for s in year.sources}  # what the store must keep
    with open_store(tmp_path / "s.db") as store:
        add(store, [str(since)], FAST)
        assert not [e for e in timeline(store).events if e.date.iso() == "2019"]
        for report in reports:
            add(store, [str(report)], FAST)
        stored = timeline(store)
        assert verify(store) == []
    assert _shape(stored.events) == _shape(full.events)


SURNAME_ONLY = """Crowds gather in Tarsa as protests spread
March 5, 2024

Haddad addressed thousands of protesters in the main square of Tarsa on Monday, \
promising that the curfew would be lifted within a week.

The protests began after the arrest of two students last month.
"""

FULL_NAME = """Tarsa governor to face parliament inquiry
March 12, 2024

Governor Omar Haddad will appear before a parliamentary inquiry in Vell on Friday, \
March 15, to answer questions about the handling of the protests, the speaker's office said.
"""


def test_a_name_a_later_batch_spells_out_reaches_the_events_stored_before(tmp_path):
    """The first article names the governor by surname only; a later one, on another
    event, gives his full name. A build reads the surname as the collection's one full
    name, so the stored Monday event, written before anyone spelled the name out, is
    described again when the later batch comes (before: it kept "Haddad")."""
    from dateline.pipeline import build_timeline

    config = Config(progress=False)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "protest.txt").write_text(SURNAME_ONLY, encoding="utf-8")
    (folder / "inquiry.txt").write_text(FULL_NAME, encoding="utf-8")

    def monday(events):
        (event,) = [e for e in events if e.date.iso() == "2024-03-04"]
        return event.participants

    assert "Omar Haddad" in monday(build_timeline(str(folder), config).events)
    with open_store(tmp_path / "s.db") as store:
        add(store, [str(folder / "protest.txt")], config)
        assert "Omar Haddad" not in monday(timeline(store).events)
        add(store, [str(folder / "inquiry.txt")], config)
        assert monday(timeline(store).events) == monday(
            build_timeline(str(folder), config).events)


def _stated_counts(conn) -> Counter:
    from dateline.store import codec
    from dateline.store.terms import DOCUMENTS, changes, sentence_terms

    rows = conn.execute(select(schema.mentions).where(
        schema.mentions.c.continues.is_(None))).mappings().all()
    counts = changes(sentence_terms(r["terms"], codec.mention_from_row(r)) for r in rows)
    counts[DOCUMENTS] += 0
    return counts


def test_the_store_keeps_the_collections_document_frequencies(tmp_path):
    """What a build fits its IDF on (every stated mention's sentence features) is kept
    current batch by batch, and counted once for a store made without it."""
    paths = [DATA / "barrier-opens.txt", DATA / "council-vote.txt",
             DATA / "barrier-second-report.txt"]
    with open_store(tmp_path / "s.db") as store:
        for path in paths[:2]:
            add(store, [str(path)], FAST)
        with store.read() as conn:
            kept = dict(conn.execute(select(schema.term_counts.c.term,
                                            schema.term_counts.c.documents)).all())
            assert kept == dict(_stated_counts(conn)) and kept[""] >= 2
        with store.write() as conn:  # as left by an older dateline
            conn.execute(delete(schema.term_counts))
        add(store, [str(paths[2])], FAST)
        with store.read() as conn:
            kept = dict(conn.execute(select(schema.term_counts.c.term,
                                            schema.term_counts.c.documents)).all())
            assert kept == dict(_stated_counts(conn))
