"""The TimelineJS and ICS outputs: TimelineJS's documented fields with the precision
dateline knows, every source in the text; an ICS that a standard parser reads back."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import pytest

from dateline import build_timeline, render
from dateline.cli import main
from dateline.config import Config
from dateline.export import format_for_path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# The slide fields TimelineJS 3 documents (timeline.knightlab.com/docs/json-format.html).
SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date",
              "background", "autolink", "unique_id"}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond",
             "display_date"}


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(str(EXAMPLES), Config(progress=False))


def test_timelinejs_slides_carry_the_known_precision_and_every_source(timeline):
    doc = json.loads(render(timeline, "timelinejs", "Teral water dispute"))
    assert set(doc) == {"title", "events"}
    assert doc["title"]["text"]["headline"] == "Teral water dispute"
    assert len(doc["events"]) == len(timeline.events) > 5
    precisions = set()
    for slide, event in zip(doc["events"], timeline.events, strict=True):
        assert set(slide) <= SLIDE_KEYS and set(slide["start_date"]) <= DATE_KEYS
        start = slide["start_date"]
        precision = event.date.precision.value
        precisions.add(precision)
        assert start["year"] == event.date.year
        assert ("month" in start) == (precision in ("month", "day"))
        assert ("day" in start) == (precision == "day")
        if precision != "year":
            assert start["month"] == event.date.month
        if precision == "day":
            assert start["day"] == event.date.day
        assert html.unescape(slide["text"]["headline"]) == event.title
        text = html.unescape(slide["text"]["text"])
        for source in event.sources:
            assert source.sentence in text
        assert slide["unique_id"] == event.id
    assert {"day", "month"} <= precisions  # the examples have both


@pytest.mark.parametrize("group_by", ["participant", "location", "site"])
def test_timelinejs_groups(timeline, group_by):
    doc = json.loads(render(timeline, "timelinejs", "T", group_by))
    groups = [slide["group"] for slide in doc["events"]]
    assert all(isinstance(g, str) and g for g in groups)
    if group_by == "participant":
        firsts = [(e.participants or ["other"])[0] for e in timeline.events]
        assert groups == firsts and len(set(groups)) > 1
    if group_by == "location":
        assert groups == [e.location or "other" for e in timeline.events]
    assert "group" not in json.loads(render(timeline, "timelinejs"))["events"][0]


def test_ics_is_read_back_by_an_ical_parser(timeline):
    icalendar = pytest.importorskip("icalendar")
    text = render(timeline, "ics", "Teral water dispute")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    entries = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(entries) == len(timeline.events)
    for entry, event in zip(entries, timeline.events, strict=True):
        assert str(entry["SUMMARY"]) == event.title
        start, end = entry["DTSTART"].dt, entry["DTEND"].dt
        assert start == event.date.first_day
        assert end == event.date.last_day + dt.timedelta(days=1)
        description = str(entry["DESCRIPTION"])
        assert all(source.sentence in description for source in event.sources)
        if event.location:
            assert str(entry["LOCATION"]) == event.location


def test_output_format_from_extension_or_option(tmp_path):
    assert format_for_path("out/t.timelinejs.json") == "timelinejs"
    assert format_for_path("t.ics") == "ics"
    assert format_for_path("t.json") == "json"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        (EXAMPLES / "ledger-accord-signed-vienna.txt").read_text(encoding="utf-8"),
        encoding="utf-8")
    out = tmp_path / "slides.json"
    assert main(["build", str(tmp_path / "in"), "-o", str(out), "--format", "timelinejs",
                 "-q", "--no-entities", "--group-by", "site"]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["events"] and all("start_date" in slide for slide in doc["events"])
    ics = tmp_path / "events.ics"
    assert main(["build", str(tmp_path / "in"), "-o", str(ics), "-q", "--no-entities"]) == 0
    raw = ics.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.count(b"BEGIN:VEVENT") == len(
        doc["events"])
