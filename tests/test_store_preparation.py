"""The store prepares articles with the whole collection's statistics, as a build does:
line statistics (site furniture) and copy groups that only a later batch reveals."""

from __future__ import annotations

import json

import pytest
from inputs_helpers import write_corpus

from dateline.config import Config
from dateline.export.records import timeline_record
from dateline.ingest import read_articles
from dateline.pipeline import process_articles
from dateline.store import open_store, timeline
from dateline.store.writer import add_articles

CONFIG = Config(use_ner=False, progress=False, max_events=1000)

PROMO = "Has Marlow found the best fish and chip shop in Devon?"
SITE = "https://www.marlowgazette.example/news/"

# Three stories of one site, read without titles: each page opens with the same promo.
PAGES = {
    "harbour": "Work to repair the storm-damaged harbour wall in Marlow began on 3 May "
               "2021, the port authority said. The contractor expects the wall to reopen "
               "to walkers on 14 June 2021, weeks ahead of the summer season.",
    "library": "The Marlow public library reopened on 10 May 2021 after three months of "
               "repairs to its flooded basement. Librarians moved the local history "
               "archive upstairs on 2 May 2021, the council said.",
    "ferry": "The Marlow ferry will run every twenty minutes from 1 June 2021, the operator "
             "said on 20 May 2021. A new electric ferry joined the fleet on 15 May 2021 "
             "after sea trials.",
}


def _records(folder, bodies: dict[str, str], opening: str) -> list[str]:
    """One JSONL record a page of the site, each text opening with ``opening``."""
    files = []
    for name, body in bodies.items():
        record = {"id": name, "url": SITE + name, "text": f"{opening}{body}\n"}
        files.append(str(write_corpus(folder, {f"{name}.jsonl": json.dumps(record) + "\n"})
                         / f"{name}.jsonl"))
    return files


def _pages(folder) -> list[str]:
    """One JSONL record a page, in the order of ``PAGES``."""
    return _records(folder, PAGES, f"{PROMO}\n\n")


def _record(timeline_) -> tuple[dict, dict]:
    """The timeline's articles by id and events by date and sources (ids of events and
    the order of sources aside: a store numbers events otherwise)."""
    record = timeline_record(timeline_)
    found = {(e["date"], e["precision"],
              frozenset((s["article"], s["sentence"]) for s in e["sources"])):
             json.dumps({k: e[k] for k in ("title", "summary", "participants", "location",
                                           "quotes", "claims")}, sort_keys=True)
             for e in record["events"]}
    return {a["id"]: {k: v for k, v in a.items() if k != "path"}
            for a in record["articles"]}, found


def _built(files: list[str]) -> tuple[dict, dict]:
    articles, warnings = read_articles(files, CONFIG)
    return _record(process_articles(articles, CONFIG, warnings))


def _stored(path, batches: list[list[str]]):
    store = open_store(path)
    for files in batches:
        articles, _ = read_articles(files, CONFIG)
        add_articles(store, articles, CONFIG)
    return store


@pytest.mark.parametrize("split", [[1, 1, 1], [2, 1]])
def test_a_line_repeated_only_after_a_later_batch_is_furniture_in_every_page(tmp_path,
                                                                             split):
    """A promo line opening a site's page is its headline while the page is alone; a
    second page opening with it makes it the site's furniture: the stored page is
    cleaned again and loses it as its title, and later pages are cleaned with the
    stored pages' lines, as in a build of all three."""
    files = _pages(tmp_path)
    built = _built(files)
    batches = [files[sum(split[:k]):sum(split[:k + 1])] for k in range(len(split))]
    with _stored(tmp_path / "s.db", batches) as store:
        stored = _record(timeline(store, max_events=1000))
    assert not any(a["title"] == PROMO for a in built[0].values())
    assert stored == built


LEAD = ("The Tamsin flood barrier in Marlow closed for the first time on 12 March 2022 as "
        "the river rose two metres overnight, the Environment Agency said. Engineers "
        "lowered the steel gates shortly after midnight and kept them shut for nine hours "
        "while the tide turned. About four hundred homes on the low streets of the old "
        "town had been flooded twice before the barrier opened last year. The council "
        "leader, Ruth Okafor, thanked the crews who worked through the night and said the "
        "barrier had paid for itself in one storm.")
WIRE_TAIL = ("The agency will inspect the gates on 21 March 2022 before the spring tides. "
             "Insurers said claims in the town had fallen sharply since the barrier was "
             "built, and the county plans two more barriers further downstream by 2025, "
             "when the river wall at Tamsin Quay is due to be rebuilt as well.")
LOCAL_TAIL = ("Shops on the quay opened as usual on 13 March 2022, and the ferry ran to "
              "its timetable. Residents of Mill Lane, flooded in 2019 and 2020, held a "
              "street party on 19 March 2022 to thank the engineers who built the gates.")


def test_a_copy_of_a_stored_copy_joins_its_group(tmp_path):
    """A wire story (stored), its truncated re-post (stored: a copy of it) and, in a
    later batch, a local re-post of the truncated one with its own ending: a copy of the
    re-post but not of the wire story. A build groups the three (copies of copies) and
    reports the story once; so does the store, which finds the stored copy too."""
    texts = {"wire": f"{LEAD} {WIRE_TAIL}", "repost": LEAD, "local": f"{LEAD} {LOCAL_TAIL}"}
    files = []
    for name, text in texts.items():
        record = {"id": name, "title": "Flood barrier closes for the first time",
                  "published": "2022-03-12", "text": text}
        files.append(str(write_corpus(tmp_path, {f"{name}.jsonl": json.dumps(record)})
                         / f"{name}.jsonl"))
    built = _built(files)
    assert built[0]["local#L1"]["duplicate_of"] == "wire#L1"
    with _stored(tmp_path / "s.db", [files[:2], files[2:]]) as store:
        stored = _record(timeline(store, max_events=1000))
    assert stored == built


def test_a_store_made_before_the_line_index_is_indexed_when_opened(tmp_path):
    """Opening a store of schema 8 fills the line index and the copy bands from the
    stored texts (step 9); its articles, read before their title and form were kept,
    count in the statistics but are never prepared again."""
    from sqlalchemy import delete, func, select, update

    from dateline.store import schema

    files = _pages(tmp_path)
    with _stored(tmp_path / "s.db", [files[:1]]) as store, store.write() as conn:
        for table in (schema.article_lines, schema.article_bands):
            conn.execute(delete(table))
        conn.execute(update(schema.articles).values(as_read=None, line_words=None))
        conn.execute(delete(schema.schema_version).where(
            schema.schema_version.c.version == 9))
    with open_store(tmp_path / "s.db") as store:
        with store.read() as conn:
            assert schema.current_version(conn) == 9
            lines = conn.execute(select(func.count()).select_from(schema.article_lines)
                                 ).scalar()
            bands = conn.execute(select(func.count()).select_from(schema.article_bands)
                                 ).scalar()
        assert lines >= 2 and bands > 0
        articles, _ = read_articles(files[1:], CONFIG)
        add_articles(store, articles, CONFIG)
        stored = _record(timeline(store, max_events=1000))
    assert stored[0]["ferry#L1"]["title"] is None  # cleaned with the stored pages' lines
    assert stored[0]["harbour#L1"]["title"] == PROMO  # read by an older store: as it was


TEASER = "Northern towns dig out after the blizzard of 2 May 2021, floods hit the coast."


def _teaser_records(folder) -> list[str]:
    """Four crawled records of one site, each opening with the same teaser of another
    story: three unrelated pages besides one's own make it furniture."""
    bodies = {**PAGES, "market": "The Marlow farmers' market moved to the quay on 8 May "
                                 "2021, the council said, after the square was closed for "
                                 "resurfacing until the end of the month."}
    return _records(folder, bodies, f"{TEASER}\n")


@pytest.mark.parametrize("split", [[1, 1, 1, 1], [3, 1]])
def test_a_record_teaser_the_fourth_page_makes_furniture_leaves_every_stored_page(
        tmp_path, split):
    """Four crawled records open with another story's teaser: three unrelated pages
    besides one's own make it furniture (``noise._RECORD_HEAD_REPEATS``), which only the
    fourth page's batch reveals; the stored pages are cleaned again and its event goes,
    as in a build of all four."""
    files = _teaser_records(tmp_path)
    built = _built(files)
    assert not any(TEASER in sentence for key in built[1] for _, sentence in key[2])
    batches = [files[sum(split[:k]):sum(split[:k + 1])] for k in range(len(split))]
    with _stored(tmp_path / "s.db", batches) as store:
        stored = _record(timeline(store, max_events=1000))
    assert stored == built


BLIZZARD_LOOKBACK = ("The blizzard that buried the northern towns in May 2021 cost the "
                     "coast its spring season, the tourist board said on 1 June 2021.")


def test_an_event_that_loses_its_day_reports_is_described_again(tmp_path):
    """A month retelling joins the day event that a record teaser reports; when the
    fourth page makes the teaser furniture its day reports go, and what is left of the
    event must be dated and titled by what is left (the month), as in a build, not keep
    the stored row of the day event."""
    files = _teaser_records(tmp_path)
    lookback = {"id": "lookback", "url": "https://www.coastpost.example/blizzard",
                "text": f"Coast counts the cost of the blizzard\n\n{BLIZZARD_LOOKBACK}\n"}
    files.insert(0, str(write_corpus(tmp_path, {"lookback.jsonl": json.dumps(lookback)
                                                + "\n"}) / "lookback.jsonl"))
    built = _built(files)
    with _stored(tmp_path / "s.db", [files[:4], files[4:]]) as store:
        stored = _record(timeline(store, max_events=1000))
    assert stored == built
