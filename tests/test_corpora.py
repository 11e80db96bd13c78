"""Acceptance: whole corpora of messy web articles in, the true timeline out.

Each folder under tests/corpora holds invented articles (several outlets, site noise,
mostly relative dates, recurring encounters between the same parties, crawl-date
headers, teasers for other stories) and an ``expected.json`` answer key; the demo in
examples/ is checked the same way against tests/demo_expected.json (the human-readable
answer key is docs/demo-answer-key.md).
"""

import json
from pathlib import Path

import pytest

from dateline.config import Config
from dateline.pipeline import build_timeline

HERE = Path(__file__).parent
# (corpus folder, answer key): the test corpora, and the README's demo in examples/.
CASES = {p.name: (p, p / "expected.json")
         for p in sorted((HERE / "corpora").iterdir()) if (p / "expected.json").is_file()}
CASES["examples"] = (HERE.parent / "examples", HERE / "demo_expected.json")


@pytest.fixture(scope="module", params=sorted(CASES))
def built(request):
    folder, answers = CASES[request.param]
    expected = json.loads(answers.read_text(encoding="utf-8"))
    timeline = build_timeline([str(folder)], Config(progress=False))
    stems = {a.id: Path(a.path).stem for a in timeline.articles}
    return timeline, expected, stems


def _source_stems(event, stems):
    return {stems[s.article] for s in event.sources}


def test_publication_dates(built):
    timeline, expected, stems = built
    found = {stems[a.id]: (a.published.isoformat() if a.published else None)
             for a in timeline.articles}
    for stem, date in expected["published"].items():
        assert found.get(stem, "missing") == date, stem


def test_each_encounter_is_one_entry_on_its_day_with_all_its_outlets(built):
    timeline, expected, stems = built
    for wanted in expected["events"]:
        on_date = [e for e in timeline.events
                   if e.date.iso() == wanted["date"]
                   and e.date.precision.value == wanted["precision"]]
        matching = [e for e in on_date
                    if any(all(k in s.sentence.lower() for k in wanted["keywords"])
                           for s in e.sources)]
        assert len(matching) == 1, (
            f"{len(matching)} entries on {wanted['date']} about {wanted['keywords']}: "
            f"{[e.title for e in matching]}")
        assert set(wanted["articles"]) <= _source_stems(matching[0], stems), wanted


def test_nothing_from_noise_or_other_stories(built):
    timeline, expected, _ = built
    texts = [s.sentence for e in timeline.events for s in e.sources]
    texts += [e.title for e in timeline.events]
    for phrase in expected.get("noise_phrases", []):
        assert not any(phrase in text for text in texts), phrase
    dates = {e.date.iso() for e in timeline.events}
    for date in expected.get("absent_dates", []):
        assert date not in dates, date


def test_events_are_sorted_and_sourced(built):
    timeline, _, _ = built
    days = [e.date.first_day for e in timeline.events]
    assert days == sorted(days)
    assert all(e.sources and e.summary in {s.sentence for s in e.sources}
               for e in timeline.events)
