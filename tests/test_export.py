import csv
import datetime as dt
import io
import json

import pytest

from dateline.export import format_for_path, render
from dateline.model import (
    Article,
    Event,
    FuzzyDate,
    Mention,
    Precision,
    Source,
    Timeline,
    Timex,
)

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def sample_timeline():
    articles = [
        Article("ledger-talks", "in/ledger-talks.txt", "", title="Talks resume " + HOSTILE,
                published=dt.date(2024, 3, 7), published_source="text"),
        Article("wire-copy", "in/wire-copy.txt", "", title="Talks resume",
                published=dt.date(2024, 3, 7), published_source="metadata",
                duplicate_of="ledger-talks"),
        Article("undated", "in/undated.txt", "", title=None),
    ]
    sentence = "Norland and Sudovia met in Vienna on Wednesday. " + HOSTILE
    day = FuzzyDate(2024, 3, 6)
    season = FuzzyDate(2023, 1, 1, Precision.YEAR, label="autumn")
    mention = Mention("ledger-talks", 0, sentence, day, Timex(36, 45, "Wednesday", "DATE",
                                                               "2024-03-06"))
    events = [
        Event("e1", season, "Ferry crash", "Since the crash last autumn, trust is low.",
              [Mention("ledger-talks", 3, "x", season, Timex(0, 1, "x", "DATE", "2023-FA"))],
              [Source("ledger-talks", "Since the crash last autumn, trust is low.")]),
        Event("e2", day, "Norland and Sudovia met in Vienna", sentence, [mention],
              [Source("ledger-talks", sentence)], participants=["Norland", "Sudovia"],
              location="Vienna",
              date_conflicts=[{"date": "2024-03-06", "articles": ["ledger-talks"]},
                              {"date": "2024-03-05", "articles": ["other"]}]),
    ]
    undated = [{"article": "undated", "sentence": "They met on Monday.",
                "expression": "Monday", "reason": "relative date, no publication date"}]
    return Timeline(articles, events, undated)


def test_json_follows_the_contract():
    record = json.loads(render(sample_timeline(), "json"))
    assert record["dateline"] == "1"
    assert [set(a) >= {"id", "path", "title", "published", "published_source", "duplicate_of"}
            for a in record["articles"]] == [True, True, True]
    assert record["articles"][1]["duplicate_of"] == "ledger-talks"
    assert record["articles"][2]["published"] is None
    first, second = record["events"]
    assert (first["date"], first["precision"], first["date_label"]) == ("2023", "year",
                                                                        "autumn")
    assert (second["date"], second["precision"]) == ("2024-03-06", "day")
    assert second["sources"] == [{"article": "ledger-talks",
                                  "sentence": sample_timeline().events[1].summary}]
    assert second["date_conflicts"][1]["date"] == "2024-03-05"
    assert record["undated"][0]["article"] == "undated"


def test_html_is_self_contained_and_escapes_article_text():
    page = render(sample_timeline(), "html")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page
    assert "http://" not in page and "https://" not in page  # nothing fetched from a network
    assert page.count("<script>") == 1  # only the page's own filter script
    assert 'id="filter"' in page and "<details>" in page
    assert "Sources disagree on the date" in page


def test_markdown_is_a_chronology_with_footnotes():
    text = render(sample_timeline(), "md")
    assert text.index("## 2023") < text.index("## 2024")
    assert "### autumn 2023 — Ferry crash" in text
    assert "### Wed 6 March 2024 — Norland and Sudovia met in Vienna" in text
    assert "[^2]: **ledger-talks**" in text
    assert "Sources disagree on the date" in text
    assert "## Undated" in text


def test_csv_has_one_row_per_source():
    rows = list(csv.DictReader(io.StringIO(render(sample_timeline(), "csv"))))
    assert [r["event_id"] for r in rows] == ["e1", "e2", ""]
    assert rows[1]["published"] == "2024-03-07"


def test_format_follows_the_extension():
    assert format_for_path("out/t.HTML") == "html"
    assert format_for_path("t.markdown") == "md"
    with pytest.raises(ValueError, match="t.pdf"):
        format_for_path("t.pdf")


def timeline_with_quotes_and_claims():
    from dateline.model import Quote

    timeline = sample_timeline()
    event = timeline.events[1]
    event.quotes = [Quote("Ilse Marrack", "We asked for water " + HOSTILE, "ledger-talks"),
                    Quote(None, "The door is open", "ledger-talks")]
    event.claims = [{"text": "the third round of talks", "ordinal": 3, "kind": "round",
                     "article": "ledger-talks", "documented": 2,
                     "between": ["Norland", "Sudovia"]}]
    return timeline


def test_json_events_carry_quotes_and_claims():
    record = json.loads(render(timeline_with_quotes_and_claims(), "json"))
    first, second = record["events"]
    assert first["quotes"] == [] and first["claims"] == []
    assert second["quotes"][1] == {"speaker": None, "text": "The door is open",
                                   "article": "ledger-talks"}
    assert second["claims"][0]["documented"] == 2
    assert {"participants", "location", "date_conflicts"} <= set(second)


def test_markdown_and_html_show_quotes_and_claims():
    timeline = timeline_with_quotes_and_claims()
    text = render(timeline, "md")
    assert "— Ilse Marrack (ledger-talks)" in text and "— unattributed (ledger-talks)" in text
    assert "this collection documents 2" in text
    page = render(timeline, "html")
    details = page[page.index("<details>"):]
    assert 'class="quotes"' in details and "Ilse Marrack" in details
    assert "this collection documents 2" in details
    assert "<img src=x" not in page and page.count("<script>") == 1
