"""The persistent store: migrations, idempotent adds, incremental event updates, commands."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select

from dateline.config import Config
from dateline.store import (
    EventQuery,
    StoreError,
    add,
    default_db_path,
    open_store,
    schema,
    timeline,
)
from dateline.store.check import verify
from dateline.store.commands import add_store_commands
from dateline.store.query import get_event, list_articles, list_events

DATA = Path(__file__).parent / "data" / "store"
FAST = Config(use_ner=False, progress=False)


@pytest.fixture
def store(tmp_path):
    handle = open_store(tmp_path / "store.db")
    yield handle
    handle.close()


def _events_on(store, day: str) -> list[dict]:
    date = dt.date.fromisoformat(day)
    return list_events(store, EventQuery(date_from=date, date_to=date))[1]


def _day_events(store, day: str) -> list[dict]:
    return [e for e in _events_on(store, day) if e["date"] == day]


def _counts(store) -> dict[str, int]:
    from sqlalchemy import func

    counts = {}
    with store.read() as conn:
        for table in (schema.articles, schema.sentences, schema.mentions, schema.events):
            counts[table.name] = conn.execute(
                select(func.count()).select_from(table)).scalar()
    return counts


def test_default_path_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "dateline" / "dateline.db"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_db_path() == Path.home() / ".local" / "share" / "dateline" / "dateline.db"


def test_new_store_is_at_the_latest_schema(store):
    with store.read() as conn:
        assert schema.current_version(conn) == schema.LATEST
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
        tables = set(inspect(conn).get_table_names())
    assert versions == list(range(1, schema.LATEST + 1))
    assert {"articles", "sentences", "mentions", "events", "article_bands",
            "undated"} <= tables


def test_old_schema_is_migrated_in_order_and_keeps_data(tmp_path):
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        schema.migrate(conn, target=1)
        conn.execute(schema.articles.insert().values(
            id="kept", content_hash="x" * 64, path="kept.txt", raw_text="Old text.",
            text="Old text.", batch=1, added_at="2024-01-01T00:00:00+00:00"))
    with engine.connect() as conn:
        assert schema.current_version(conn) == 1
        assert not inspect(conn).has_table("article_bands")
    engine.dispose()
    with open_store(path) as store:
        with store.read() as conn:
            assert schema.current_version(conn) == schema.LATEST
            assert inspect(conn).has_table("article_bands")
            assert conn.execute(select(schema.articles.c.id)).scalars().all() == ["kept"]
        # The migrated store takes new articles.
        result = add(store, [str(DATA / "council-vote.txt")], FAST)
        assert result.added == ["council-vote"]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    with open_store(path) as store, store.write() as conn:
        conn.execute(schema.schema_version.insert().values(
            version=schema.LATEST + 5, description="from the future", applied_at="later"))
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_add_persists_articles_sentences_mentions_and_events(store):
    result = add(store, [str(DATA)], FAST)
    assert sorted(result.added) == ["barrier-opens", "barrier-second-report", "council-vote",
                                    "feed#L1", "feed#L2", "festival"]
    assert sorted(str(w) for w in result.warnings) == [
        f"{DATA / 'binary.txt'}: binary file, not text", f"{DATA / 'empty.txt'}: empty file"]
    counts = _counts(store)
    assert counts["articles"] == 6 and counts["sentences"] > 6
    assert counts["mentions"] >= 6 and counts["events"] >= 6
    total, articles = list_articles(store)
    assert total == 6
    festival = next(a for a in articles if a["id"] == "festival")
    assert festival["published"] == "2021-09-12"
    events = _day_events(store, "2021-03-01")
    assert len(events) == 1 and events[0]["source_count"] == 2
    detail = get_event(store, events[0]["id"])
    for mention in detail["mentions"]:
        timex = mention["timex"]
        assert mention["sentence"][timex["start"]:timex["end"]] == timex["text"]


def test_re_adding_is_a_no_op(store, tmp_path):
    add(store, [str(DATA)], FAST)
    before = _counts(store)
    again = add(store, [str(DATA)], FAST)
    assert again.added == [] and len(again.already) == 6
    # The same text under another name is the same article.
    copy = tmp_path / "renamed.txt"
    shutil.copy(DATA / "barrier-opens.txt", copy)
    renamed = add(store, [str(copy)], FAST)
    assert renamed.added == [] and renamed.already == [str(copy)]
    assert _counts(store) == before


def test_report_of_a_known_event_attaches_to_it(store):
    add(store, [str(DATA / "barrier-opens.txt"), str(DATA / "council-vote.txt")], FAST)
    (barrier,) = _day_events(store, "2021-03-01")
    (vote,) = _day_events(store, "2021-06-15")
    assert barrier["source_count"] == 1

    add(store, [str(DATA / "barrier-second-report.txt")], FAST)
    (after,) = _day_events(store, "2021-03-01")
    assert after["id"] == barrier["id"]  # the same event, now with two sources
    assert after["source_count"] == 2
    assert {s["article"] for s in after["sources"]} == {"barrier-opens", "barrier-second-report"}
    assert _day_events(store, "2021-06-15") == [vote]  # untouched


def test_a_new_date_makes_a_new_event_and_leaves_the_rest(store):
    add(store, [str(DATA / "barrier-opens.txt"), str(DATA / "barrier-second-report.txt")], FAST)
    before = {e["id"]: e for e in list_events(store)[1]}
    result = add(store, [str(DATA / "festival.html")], FAST)
    assert result.events_replaced == 0  # nothing near September 2021 existed
    after = {e["id"]: e for e in list_events(store)[1]}
    assert {k: v for k, v in after.items() if k in before} == before
    (festival,) = _day_events(store, "2021-09-11")
    assert festival["id"] not in before and festival["sources"][0]["article"] == "festival"


def test_incremental_store_matches_a_full_build(tmp_path):
    from dateline.pipeline import build_timeline

    full = build_timeline([str(DATA)], FAST)
    with open_store(tmp_path / "inc.db") as store:
        for name in ("barrier-opens.txt", "council-vote.txt", "festival.html",
                     "barrier-second-report.txt", "feed.jsonl"):
            add(store, [str(DATA / name)], FAST)
        stored = timeline(store)

    def shape(events):
        return sorted((e.date.iso(), tuple(sorted({s.article for s in e.sources})))
                      for e in events)

    assert shape(stored.events) == shape(full.events)


def test_near_copy_in_a_later_batch_is_marked_duplicate(store, tmp_path):
    add(store, [str(DATA / "barrier-opens.txt")], FAST)
    copy = tmp_path / "copy.txt"
    copy.write_text("\n".join((DATA / "barrier-opens.txt").read_text().splitlines()[:-2]))
    add(store, [str(copy)], FAST)
    total, articles = list_articles(store)
    by_id = {a["id"]: a for a in articles}
    assert by_id["copy"]["duplicate_of"] == "barrier-opens"
    (event,) = _day_events(store, "2021-03-01")
    assert event["source_count"] == 1


def test_a_fuller_copy_added_later_becomes_the_original_as_in_a_build(store, tmp_path):
    """Of two copies published the same day a build keeps the more complete one (here
    the syndicated text with its credit line); the store keeps the same whichever
    came first: the stored one becomes its copy and its sources go."""
    from dateline.pipeline import build_timeline

    add(store, [str(DATA / "barrier-opens.txt")], FAST)
    copy = tmp_path / "syndicated.txt"
    copy.write_text((DATA / "barrier-opens.txt").read_text() + "\nDistributed by Wire.\n")
    add(store, [str(copy)], FAST)
    total, articles = list_articles(store)
    by_id = {a["id"]: a for a in articles}
    built = build_timeline([str(DATA / "barrier-opens.txt"), str(copy)], FAST)
    assert {a.id: a.duplicate_of for a in built.articles} == {
        "barrier-opens": "syndicated", "syndicated": None}
    assert by_id["barrier-opens"]["duplicate_of"] == "syndicated"
    assert by_id["syndicated"]["duplicate_of"] is None
    (event,) = _day_events(store, "2021-03-01")
    assert event["source_count"] == 1
    assert verify(store) == []


def test_clashing_file_names_get_distinct_ids(store, tmp_path):
    one, two = tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"
    one.parent.mkdir()
    two.parent.mkdir()
    shutil.copy(DATA / "barrier-opens.txt", one)
    shutil.copy(DATA / "council-vote.txt", two)
    assert add(store, [str(one)], FAST).added == ["story"]
    assert add(store, [str(two)], FAST).added == ["story-2"]


def test_timeline_renders_and_filters(store):
    add(store, [str(DATA)], FAST)
    whole = timeline(store)
    assert [e.id for e in whole.events] == [f"e{n}" for n in range(1, len(whole.events) + 1)]
    assert len(whole.articles) == 6
    days = [e.date.first_day for e in whole.events]
    assert days == sorted(days)
    kestwick = timeline(store, "kestwick")
    assert kestwick.events and all("kestwick" in (e.title + e.summary + " ".join(
        s.sentence for s in e.sources)).lower() for e in kestwick.events)
    herald = list_events(store, EventQuery(source="kestwick herald"))[1]
    assert {e["date"] for e in herald} == {"2021-10-04", "2021-11-19"}
    ranged = list_events(store, EventQuery(date_from=dt.date(2021, 9, 1),
                                           date_to=dt.date(2021, 10, 31)))[1]
    # Overlap: events known only to the year 2021 are in range too.
    assert {e["date"] for e in ranged if e["precision"] == "day"} == {"2021-09-11",
                                                                       "2021-10-04"}
    assert {e["date"] for e in ranged if e["precision"] != "day"} <= {"2021"}


def test_entity_filter(tmp_path):
    with open_store(tmp_path / "ner.db") as store:
        add(store, [str(DATA / "festival.html"), str(DATA / "barrier-opens.txt")], Config())
        found = list_events(store, EventQuery(entity="KESTWICK"))[1]
        assert [e["date"] for e in found] == ["2021-09-11"]


def _parser():
    parser = argparse.ArgumentParser(prog="dateline")
    add_store_commands(parser.add_subparsers(dest="command", required=True))
    return parser


def test_commands_add_and_timeline(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    args = _parser().parse_args(["add", str(DATA), "--db", db, "--no-entities"])
    assert args.handler(args) == 0
    err = capsys.readouterr().err
    assert "6 new article(s)" in err and "binary file, not text" in err
    args = _parser().parse_args(["add", str(DATA / "festival.html"), "--db", db,
                                 "--no-entities"])
    assert args.handler(args) == 0
    assert "0 new article(s), 1 already in the store" in capsys.readouterr().err
    out = tmp_path / "out" / "timeline.json"
    args = _parser().parse_args(["timeline", "--db", db, "--query", "barrier", "-o", str(out)])
    assert args.handler(args) == 0
    record = json.loads(out.read_text())
    assert record["dateline"] == "1" and record["events"]
    assert all("barrier" in json.dumps(e).lower() for e in record["events"])
    html = tmp_path / "t.html"
    args = _parser().parse_args(["timeline", "--db", db, "-o", str(html)])
    assert args.handler(args) == 0 and "<html" in html.read_text().lower()


def test_command_errors_are_one_line(tmp_path, capsys):
    args = _parser().parse_args(["add", str(DATA / "empty.txt"), "--db",
                                 str(tmp_path / "e.db")])
    assert args.handler(args) == 1
    err = capsys.readouterr().err
    assert "empty.txt: empty file" in err and "no usable article" in err
    args = _parser().parse_args(["timeline", "--db", str(tmp_path / "e.db"), "-o", "x.pdf"])
    assert args.handler(args) == 2
    args = _parser().parse_args(["timeline", "--db", "postgresql://nobody@127.0.0.1:1/none",
                                 "-o", str(tmp_path / "x.json")])
    assert args.handler(args) == 1
    assert "cannot open the store" in capsys.readouterr().err


