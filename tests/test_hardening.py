"""Hostile input, faults and load (issue 16): each test reproduces one numbered item."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.config import Config
from dateline.export.csv_out import render_csv
from dateline.export.files import output_problem, write_output
from dateline.export.markdown import render_markdown
from dateline.ingest import read_articles
from dateline.store import add, open_store
from dateline.store.query import get_article, list_articles

DATA = Path(__file__).parent / "data" / "store"
FAST = Config(use_ner=False, progress=False)
TOKEN = "hardening-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DEEP = "[" * 100_000 + "]" * 100_000

REPORT = ("Kestwick ferry strike\n\nFerry crews in Kestwick walked out on March 3, 2022 over "
          "pay, the union said. Talks resumed on March 8, 2022 at the harbour office.\n")


def _client(store):
    pytest.importorskip("fastapi")
    pytest.importorskip("multipart")
    from fastapi.testclient import TestClient

    from dateline.serve import create_app

    return TestClient(create_app(store, token=TOKEN, config=FAST))


@pytest.fixture
def store(tmp_path):
    handle = open_store(tmp_path / "h.db")
    add(handle, [str(DATA / "barrier-opens.txt"), str(DATA / "council-vote.txt")], FAST)
    yield handle
    handle.close()


# --- item 1: deep JSON --------------------------------------------------------------------

def test_item_1_deep_json_is_one_warning_and_the_rest_is_read(tmp_path):
    (tmp_path / "deep.json").write_text(DEEP, encoding="utf-8")
    good = json.dumps({"text": REPORT, "published": "2022-03-04"})
    (tmp_path / "feed.jsonl").write_text(DEEP + "\n" + good + "\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(REPORT, encoding="utf-8")
    articles, warnings = read_articles([str(tmp_path)], FAST)
    assert sorted(a.id for a in articles) == ["feed#L2", "ok"]
    reasons = {Path(w.path).name: w.reason for w in warnings}
    assert "nested too deeply" in reasons["deep.json"]
    assert "nested too deeply" in reasons["feed.jsonl:1"]


def test_item_1_upload_of_deep_json_is_rejected_not_500(store):
    client = _client(store)
    answer = client.post("/api/articles", content=DEEP.encode(),
                         headers={**AUTH, "Content-Type": "application/json"})
    assert answer.status_code == 422
    assert "nested too deeply" in answer.json()["detail"]


# --- item 2: NUL bytes and one refused article -----------------------------------------------

def test_item_2_nul_is_removed_with_a_warning(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"title": "Ferry\u0000strike", "text": REPORT.replace(
        "pay,", "pay\u0000,")}) + "\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as handle:
        result = add(handle, [str(feed), str(DATA / "council-vote.txt")], FAST)
        assert len(result.added) == 2
        assert any("NUL characters removed" in w.reason and w.path == str(feed)
                   for w in result.warnings)
        record = get_article(handle, "feed#L1")
        assert "\x00" not in record["text"] and record["title"] == "Ferrystrike"


def test_item_2_one_refused_article_does_not_roll_back_the_batch(tmp_path, monkeypatch):
    from dateline.store import codec

    real = codec.article_row

    def refuse_one(article, digest, batch):
        row = real(article, digest, batch)
        if article.id == "council-vote":
            row["content_hash"] = None  # NOT NULL: the database refuses this one row
        return row

    monkeypatch.setattr(codec, "article_row", refuse_one)
    with open_store(tmp_path / "s.db") as handle:
        result = add(handle, [str(DATA / "barrier-opens.txt"),
                              str(DATA / "council-vote.txt")], FAST)
        assert result.added == ["barrier-opens"]
        refused = [w for w in result.warnings if w.path.endswith("council-vote.txt")]
        assert len(refused) == 1 and "not stored" in refused[0].reason
        assert "Marlow" not in refused[0].reason  # no article text in the message
        total, rows = list_articles(handle)
        assert total == 1 and rows[0]["id"] == "barrier-opens"
        # nothing of the refused article is half-stored: adding it again works
        monkeypatch.setattr(codec, "article_row", real)
        again = add(handle, [str(DATA / "council-vote.txt")], FAST)
        assert again.added == ["council-vote"]


# --- item 5: NLP work outside the write transaction ------------------------------------------

def test_item_5_another_writer_is_not_blocked_while_a_batch_is_prepared(tmp_path, monkeypatch):
    import dateline.pipeline as pipeline

    path = tmp_path / "s.db"
    real = pipeline.extract_all
    seen = []

    def extract_and_try_to_write(*args, **kwargs):
        other = sqlite3.connect(path, timeout=0.5, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # fails with 'database is locked' if held
            other.execute("ROLLBACK")
            seen.append("free")
        finally:
            other.close()
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_all", extract_and_try_to_write)
    with open_store(path) as handle:
        result = add(handle, [str(DATA / "barrier-opens.txt")], FAST)
    assert seen == ["free"] and result.added == ["barrier-opens"]


# --- item 7: faults give one clear line --------------------------------------------------

def test_item_7_unwritable_output_is_refused_before_the_run(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code = main(["build", str(DATA / "barrier-opens.txt"), "-o", str(blocker / "t.json"),
                 "-q", "--no-entities"])
    err = capsys.readouterr().err
    assert code == 2 and "not a directory" in err and "Traceback" not in err
    assert output_problem(str(tmp_path)) is not None  # a directory is no output file
    assert output_problem(str(tmp_path / "new" / "t.json")) is None


def test_item_7_failed_write_is_a_reason_not_a_traceback(tmp_path):
    problem = write_output(str(tmp_path / "file" / "t.json"), "text")
    assert problem is None  # creatable
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    problem = write_output(str(tmp_path / "plain" / "t.json"), "text")
    assert problem and problem.startswith(str(tmp_path / "plain" / "t.json"))
    assert not list(tmp_path.glob("**/.t.json.tmp-*"))


def test_item_7_database_errors_do_not_print_article_text(tmp_path, monkeypatch, capsys):
    from sqlalchemy.exc import OperationalError

    import dateline.store.writer as writer

    def failing_add(*_args, **_kwargs):
        raise OperationalError("INSERT INTO articles VALUES (?)",
                               {"raw_text": "SECRET ARTICLE TEXT"},
                               sqlite3.OperationalError("attempt to write a readonly database"))

    monkeypatch.setattr(writer, "add", failing_add)
    code = main(["add", str(DATA / "barrier-opens.txt"), "--db", str(tmp_path / "s.db"), "-q"])
    err = capsys.readouterr().err
    assert code == 1 and "readonly database" in err
    assert "SECRET" not in err and "INSERT" not in err and len(err.strip().splitlines()) == 1


# --- items 8, 10, 11: the API ---------------------------------------------------------------

def test_item_8_huge_offsets_and_long_queries_are_422(store):
    client = _client(store)
    assert client.get("/api/events", params={"offset": 2**63}).status_code == 422
    assert client.get("/api/articles", params={"offset": 2**63}).status_code == 422
    words = " ".join(f"w{n}" for n in range(999))
    assert client.get("/api/events", params={"q": words}).status_code == 422
    assert client.get("/api/events", params={"limit": 5000}).status_code == 422
    assert client.get("/api/events", params={"q": "flood barrier"}).status_code == 200


def test_item_10_chunked_upload_over_the_limit_is_stopped(store, monkeypatch):
    from dateline.serve import app as app_module

    monkeypatch.setattr(app_module, "MAX_REQUEST_BYTES", 50_000)
    client = _client(store)

    def chunks():
        for _ in range(100):
            yield b" " * 1000

    answer = client.post("/api/articles", content=chunks(),
                         headers={**AUTH, "Content-Type": "application/json"})
    assert answer.status_code == 413


def test_item_10_wrong_tokens_are_throttled_and_headers_are_strict(store):
    client = _client(store)
    codes = [client.post("/api/articles", json={"text": REPORT},
                         headers={"Authorization": f"Bearer guess{n}"}).status_code
             for n in range(7)]
    assert codes[:5] == [401] * 5 and codes[-1] == 429
    # even the right token waits out the window: guessing cannot continue at speed
    assert client.post("/api/articles", json={"text": REPORT}, headers=AUTH).status_code == 429
    answer = client.get("/api/events")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]


def test_item_11_api_does_not_show_absolute_paths(store):
    client = _client(store)
    articles = client.get("/api/articles").json()["articles"]
    assert sorted(a["path"] for a in articles) == ["barrier-opens.txt", "council-vote.txt"]
    assert client.get("/api/articles/council-vote").json()["path"] == "council-vote.txt"
    events = client.get("/api/events").json()["events"]
    detail = client.get(f"/api/events/{events[0]['id']}").json()
    assert all(not a["path"].startswith("/") for a in detail["articles"])


# --- item 9: exports -----------------------------------------------------------------------

def _record(sentence: str, title: str) -> dict:
    return {"articles": [{"id": "a1", "path": "a1.txt", "title": title, "published": None,
                          "published_source": None, "duplicate_of": None}],
            "events": [{"id": "e1", "date": "2022-03-03", "precision": "day", "title": title,
                        "summary": sentence, "source_count": 1,
                        "sources": [{"article": "a1", "sentence": sentence}]}],
            "undated": [{"article": "a1", "sentence": "=HYPERLINK(\"http://x\")",
                         "reason": "r"}]}


def test_item_9_markdown_escapes_raw_html():
    evil = 'Crews struck <script>alert(1)</script> <img src=x onerror="alert(2)"> today.'
    text = render_markdown(_record(evil, "<b>Strike</b>"))
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_item_9_csv_cells_never_start_a_formula():
    rows = list(csv.reader(io.StringIO(render_csv(_record("-2+3 said the union", "@SUM(A1)")))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell[:1] in ("=", "+", "-", "@") for cell in cells)
    assert "'-2+3 said the union" in cells and "'@SUM(A1)" in cells
    assert "2022-03-03" in cells  # ordinary values are untouched


# --- item 13: read commands never create stores ------------------------------------------

def test_item_13_timeline_with_a_mistyped_db_fails_and_creates_nothing(tmp_path, capsys):
    typo = tmp_path / "typo.db"
    code = main(["timeline", "--db", str(typo), "-o", str(tmp_path / "t.json")])
    err = capsys.readouterr().err
    assert code == 1 and "no store at" in err
    assert not typo.exists() and not (tmp_path / "t.json").exists()


def test_item_13_eval_timex_on_a_missing_path_is_one_line(tmp_path):
    missing = str(tmp_path / "missing")
    result = subprocess.run([sys.executable, "-m", "dateline.cli", "eval", "timex", missing],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


# --- item 4: a flood of reports on one day ------------------------------------------------

def _flood(count: int):
    from dateline.model import FuzzyDate, Mention, Precision, Timex

    texts = ["Ferry crews in Kestwick walked out over pay, the union said in report {n}.",
             "Marlow council voted to close the old bridge for repairs, minutes {n} show."]
    day = FuzzyDate(2022, 3, 3, Precision.DAY)
    return [Mention(article_id=f"a{n}", sentence_index=0, sentence=texts[n % 2].format(n=n),
                    date=day, timex=Timex(start=0, end=5, text="March 3, 2022", type="DATE",
                                          value="2022-03-03"))
            for n in range(count)]


def test_item_4_a_day_larger_than_one_block_groups_like_a_small_one(monkeypatch):
    from dateline.events import grouping

    mentions = _flood(240)
    exact = grouping.group_mentions(mentions)
    monkeypatch.setattr(grouping, "MAX_BLOCK", 50)  # the split path, on a day of 240
    split = grouping.group_mentions(mentions)
    as_sets = lambda clusters: sorted(sorted(m.article_id for m in c) for c in clusters)  # noqa: E731
    assert len(exact) == 2 and as_sets(split) == as_sets(exact)


def _repeated_digest(copies: int):
    """Two articles repeating the same few one-day reports (the hostile file of item 4):
    the sentences recur verbatim, only their positions differ."""
    from dateline.model import FuzzyDate, Mention, Precision, Timex

    reports = ["Ferry crews in Kestwick walked out on March 3, 2022 over pay, the union said.",
               "On March 3, 2022 the Kestwick ferry service stopped when its crews walked out.",
               "Marlow council voted on March 3, 2022 to close the old bridge for repairs."]
    day = FuzzyDate(2022, 3, 3, Precision.DAY)
    mentions = []
    for n in range(copies):
        text = reports[n % len(reports)]
        start = text.index("March 3, 2022")
        council = text.startswith("Marlow")
        mentions.append(Mention(
            article_id="council" if council else "digest", sentence_index=2 * n,
            sentence=text, date=day,
            timex=Timex(start=start, end=start + 13, text="March 3, 2022", type="DATE",
                        value="2022-03-03"),
            context="Marlow council minutes." if council else "Kestwick ferry strike."))
    return mentions


def test_item_4_repeated_reports_are_linked_as_a_few_weighted_items(monkeypatch):
    from dateline.events import grouping

    mentions = _repeated_digest(300)
    exact = grouping.group_mentions(mentions)  # one block of 300: plain n x n linkage
    seen: list[int] = []
    link = grouping._average_link
    monkeypatch.setattr(grouping, "_average_link",
                        lambda scores, *args: seen.append(scores.shape[0]) or link(scores, *args))
    monkeypatch.setattr(grouping, "MAX_BLOCK", 40)  # the busy-day path
    split = grouping.group_mentions(mentions)
    as_sets = lambda clusters: sorted(sorted(m.sentence_index for m in c) for c in clusters)  # noqa: E731
    assert as_sets(split) == as_sets(exact)
    assert len(exact) == 2  # the two ferry reports are one event, the bridge vote another
    assert seen == [3]  # three distinct reports, not a 300 x 300 matrix
    assert [len(g) for g in grouping.collapse_copies(list(range(300)), mentions)] == [100] * 3


def test_item_4_two_busy_days_are_joined_by_their_distinct_reports(monkeypatch):
    from dataclasses import replace

    from dateline.events import grouping
    from dateline.model import FuzzyDate, Precision

    first = _repeated_digest(120)
    # The next day, other outlets retell the ferry strike (one day late), copied as often.
    later = [replace(m, article_id="late-" + m.article_id,
                     date=FuzzyDate(2022, 3, 4, Precision.DAY)) for m in first]
    mentions = first + later
    as_sets = lambda clusters: sorted(  # noqa: E731
        sorted((m.article_id, m.sentence_index) for m in c) for c in clusters)
    exact = as_sets(grouping.group_mentions(mentions))
    widest: list[int] = []
    cross = grouping.MentionSimilarity.cross
    monkeypatch.setattr(grouping.MentionSimilarity, "cross", lambda self, rows, columns: (
        widest.append(len(columns)) or cross(self, rows, columns)))
    monkeypatch.setattr(grouping, "MAX_BLOCK", 40)
    assert as_sets(grouping.group_mentions(mentions)) == exact
    assert len(exact) == 2 and max(widest) <= 3  # distinct reports, not 240 copies


def test_item_4_cross_similarities_against_a_flood_are_computed_in_small_slices():
    from dateline.events import grouping

    assert grouping._rows_per_chunk(500) == grouping._ROW_CHUNK  # ordinary days unchanged
    for columns in (10_000, 200_000, 5_000_000):
        rows = grouping._rows_per_chunk(columns)
        assert 1 <= rows < grouping._ROW_CHUNK
        assert rows * columns <= max(grouping._CELL_BUDGET, columns)


def test_item_4_representative_of_repeated_reports_matches_scoring_each_one():
    from dateline.events.grouping import content_words
    from dateline.timeline.summaries import PEERS, representative

    mentions = _repeated_digest(900)
    mentions[450].sentence = "Kestwick ferry crews walked out on March 3, 2022, the union said."
    words = [set(content_words(m.sentence)) for m in mentions]
    peers = list(range(0, len(mentions), len(mentions) // PEERS))

    def brute(k: int) -> float:  # the old per-mention scoring, every mention on its own
        others = [j for j in peers if j != k]
        return sum(len(words[k] & words[j]) / (len(words[k] | words[j]) or 1)
                   for j in others) / len(others) - 0.002 * max(
                       0, len(mentions[k].sentence.split()) - 35) + (
                       0.1 if mentions[k].sentence_index < 3 else 0.0)

    assert representative(mentions) is mentions[max(range(len(mentions)), key=brute)]


# --- item 12: encodings, unreadable folders, file names ---------------------------------

def test_item_12_utf16_without_bom_is_read(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(("Grève à Kestwick\n\n" + REPORT).encode(encoding))
        (article,), warnings = read_articles([str(path)], FAST)
        assert article.raw_text.startswith("Grève à Kestwick") and not warnings


def test_item_12_mixed_utf8_and_latin1_lines_are_decoded_per_line(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_bytes("Zoë Brontë in Kestwick\n".encode() + "Café crème: ".encode("cp1252")
                     + REPORT.encode())
    (article,), warnings = read_articles([str(path)], FAST)
    assert article.raw_text.startswith("Zoë Brontë in Kestwick\nCafé crème: ")
    assert [w.reason for w in warnings] == [
        "mixed encodings: 1 line(s) not UTF-8, read as Windows-1252"]


def test_item_12_unreadable_subdirectory_is_warned(tmp_path, monkeypatch):
    import os

    (tmp_path / "ok.txt").write_text(REPORT, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(REPORT, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root reads everything: simulate a 0700 dir
    articles, warnings = read_articles([str(tmp_path)], FAST)
    assert [a.id for a in articles] == ["ok"]
    assert [(w.path, w.reason) for w in warnings] == [
        (str(locked), "unreadable directory, skipped (Permission denied)")]


def test_item_12_control_characters_in_file_names_are_escaped(tmp_path, capsys):
    name = tmp_path / "evil\x1b[2Jname.txt"
    name.write_text("", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(REPORT, encoding="utf-8")
    main(["build", str(tmp_path), "-o", str(tmp_path / "t.json"), "--no-entities"])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "evil\\x1b[2Jname.txt: empty file" in err


# --- item 6: cached reads stay current ----------------------------------------------------

def test_item_6_cached_reads_follow_every_writer(store, tmp_path):
    client = _client(store)
    first = client.get("/api/events", params={"limit": 50}).json()
    assert client.get("/api/events", params={"limit": 50}).json() == first  # from the cache
    other = open_store(store.url)  # another writer, as `dateline add` would be
    feed = tmp_path / "ferry.txt"
    feed.write_text(REPORT, encoding="utf-8")
    add(other, [str(feed)], FAST)
    other.close()
    after = client.get("/api/events", params={"limit": 50}).json()
    assert after["total"] > first["total"]
    assert any("Ferry" in e["summary"] or "ferry" in e["summary"] for e in after["events"])


@pytest.mark.parametrize("task", ["timex", "meantime", "semeval", "tls", "quotes",
                                  "participants"])
def test_item_13_every_evaluator_names_a_missing_or_wrong_corpus_in_one_line(
        tmp_path, capsys, task):
    from dateline.cli import main

    assert main(["eval", task, str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing" in err and f"eval {task}" in err
    if task in ("meantime", "semeval", "participants"):  # a folder of another layout
        assert main(["eval", task, str(tmp_path)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(tmp_path) in err
