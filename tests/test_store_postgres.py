"""The store on a real PostgreSQL server, through the same code path as SQLite.

Set ``DATELINE_TEST_POSTGRES_URL`` (``bash ci/start_postgres.sh`` starts a server and
prints one); without it, or when the server is unreachable, these tests are skipped.
Each test works in a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import threading
import uuid
from pathlib import Path

import pytest

from dateline.config import Config
from dateline.store import EventQuery, add, open_store, schema, timeline
from dateline.store.check import verify
from dateline.store.query import list_articles, list_events

DATA = Path(__file__).parent / "data" / "store"
FAST = Config(use_ner=False, progress=False)
URL = os.environ.get("DATELINE_TEST_POSTGRES_URL", "")


@pytest.fixture
def pg_url():
    if not URL:
        pytest.skip("DATELINE_TEST_POSTGRES_URL is not set (bash ci/start_postgres.sh "
                    "starts a local server and prints the URL)")
    sqlalchemy = pytest.importorskip("sqlalchemy")
    pytest.importorskip("psycopg", reason="PostgreSQL needs psycopg (pip install psycopg)")
    from dateline.store.db import database_url

    engine = sqlalchemy.create_engine(database_url(URL))
    name = "t_" + uuid.uuid4().hex[:12]
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {name}")
    except Exception as error:  # noqa: BLE001 - unreachable server, bad credentials...
        engine.dispose()
        pytest.skip(f"PostgreSQL at DATELINE_TEST_POSTGRES_URL is unreachable: "
                    f"{str(error).splitlines()[0]}")
    separator = "&" if "?" in URL else "?"
    yield f"{URL}{separator}options=-csearch_path%3D{name}"
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {name} CASCADE")
    engine.dispose()


def _day_events(store, day):
    import datetime as dt

    date = dt.date.fromisoformat(day)
    return [e for e in list_events(store, EventQuery(date_from=date, date_to=date))[1]
            if e["date"] == day]


def test_schema_and_migrations(pg_url):
    from sqlalchemy import create_engine, inspect

    from dateline.store.db import database_url

    engine = create_engine(database_url(pg_url))
    with engine.begin() as conn:
        schema.migrate(conn, target=1)
        assert not inspect(conn).has_table("article_bands")
    engine.dispose()
    with open_store(pg_url) as store, store.read() as conn:
        assert schema.current_version(conn) == schema.LATEST
        assert inspect(conn).has_table("article_bands")


def test_add_is_idempotent_and_incremental(pg_url):
    with open_store(pg_url) as store:
        first = add(store, [str(DATA / "barrier-opens.txt"), str(DATA / "feed.jsonl")], FAST)
        assert sorted(first.added) == ["barrier-opens", "feed#L1", "feed#L2"]
        (barrier,) = _day_events(store, "2021-03-01")
        again = add(store, [str(DATA / "barrier-opens.txt")], FAST)
        assert again.added == [] and len(again.already) == 1
        add(store, [str(DATA / "barrier-second-report.txt"), str(DATA / "festival.html")],
            FAST)
        (after,) = _day_events(store, "2021-03-01")
        assert after["id"] == barrier["id"] and after["source_count"] == 2
        assert len(_day_events(store, "2021-09-11")) == 1
        herald = list_events(store, EventQuery(source="kestwick herald"))[1]
        assert {e["date"] for e in herald} == {"2021-10-04", "2021-11-19"}
        assert timeline(store, "kestwick").events
        assert verify(store) == []


def test_concurrent_writers_do_not_duplicate(pg_url):
    open_store(pg_url).close()
    errors = []

    def writer():
        try:
            with open_store(pg_url) as store:
                add(store, [str(DATA)], FAST, batch_size=2)
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(pg_url) as store:
        total, _ = list_articles(store)
        assert total == 6
        assert verify(store) == []


def test_api_over_postgres(pg_url):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dateline.serve import create_app

    with open_store(pg_url) as store:
        add(store, [str(DATA / "feed.jsonl")], FAST)
        client = TestClient(create_app(store, token="t", config=FAST))
        assert client.get("/api/events", params={"q": "harbour"}).json()["total"] == 1
        response = client.post("/api/articles", headers={"Authorization": "Bearer t"},
                               files={"files": ("f.html",
                                                (DATA / "festival.html").read_bytes())})
        assert response.status_code == 201
        assert client.get("/api/facets").json()["articles"] == 3


def test_item_2_nul_in_one_article_never_rolls_back_the_batch(pg_url, tmp_path, monkeypatch):
    """Issue 16 item 2: PostgreSQL text cannot hold NUL. It is removed with a warning; and
    were the database to refuse an article anyway, only that article is left out."""
    import json

    from dateline.store import writer

    feed = tmp_path / "nul.jsonl"
    feed.write_text(json.dumps({"text": "Ferry crews in Kestwick walked out on March 3, "
                                        "2022 over\u0000 pay, the union said."}) + "\n",
                    encoding="utf-8")
    with open_store(pg_url) as store:
        result = add(store, [str(feed), str(DATA / "barrier-opens.txt")], FAST)
        assert sorted(result.added) == ["barrier-opens", "nul#L1"]
        assert any("NUL characters removed" in w.reason for w in result.warnings)
        # Without the clean-up the database refuses the row: one savepoint per article
        # keeps the rest of the batch.
        monkeypatch.setattr(writer, "_strip_nul", lambda article, warnings: None)
        feed.write_text(json.dumps({"text": "Second\u0000 report: ferry crews struck on "
                                            "March 3, 2022."}) + "\n", encoding="utf-8")
        again = add(store, [str(feed), str(DATA / "council-vote.txt")], FAST)
        assert again.added == ["council-vote"]
        refused = [w for w in again.warnings if w.path == str(feed)]
        assert len(refused) == 1 and "not stored" in refused[0].reason
        assert verify(store) == []
