"""Sentences without a date that retell a happening their article dates.

Real reports come back to what they dated: "This was Marrack's second period of medical
leave", "Her resignation letter thanked the staff". Such a sentence belongs to the
event of the dated sentence it retells (shared participant, shared words of what
happened, named as something known), in a build and in the store alike; background
introduced as new, or a sentence that fits two dated happenings equally, stays apart.
Several outlets, one without a date line.
"""

from pathlib import Path

import pytest
from inputs_helpers import events_citing, write_corpus

from dateline.config import Config
from dateline.pipeline import build_timeline
from dateline.store import add, open_store
from dateline.store import timeline as stored_timeline

ARTICLES = {
    "courier-marrack-resigns.txt": """Halvik Motors chief Ilse Marrack steps down
August 25, 2011

Ilse Marrack, the founder of Halvik Motors, has stepped down as chief executive of the \
carmaker.

Marrack has been on medical leave since January of this year, leaving her deputy Tomas \
Brandt in charge of daily business.

This was Marrack's second period of medical leave in three years.

Halvik builds trucks and buses at two plants and has gained market share in northern \
Europe.

Brandt, who has run the carmaker since the beginning of Marrack's medical leave, is \
expected to be named her successor.
""",
    "ledger-marrack-leave.txt": """Halvik chief Marrack takes medical leave
January 17, 2011

Halvik Motors chief executive Ilse Marrack announced on Monday that she would take \
medical leave for an undetermined period.

In a letter to staff, Marrack wrote that her deputy Tomas Brandt would run daily \
business during the medical leave.
""",
    # No date line: its absolute date still anchors the retelling that follows it.
    "wire-halvik-board.txt": """Halvik board backs Brandt

Halvik Motors shares suffered their steepest drop in a decade on January 17, 2011 after \
Ilse Marrack announced her medical leave.

Analysts said the drop in Halvik shares reflected doubts about the carmaker without \
its founder.
""",
    # Two dated happenings that a dateless sentence fits equally: it joins neither.
    "gazette-halvik-plants.txt": """Halvik to shut Oster plant
March 4, 2011

Halvik Motors told the union on Thursday it would cut 400 jobs at its Oster truck \
plant.

The union at the Oster plant held a strike vote on February 28.

Talks between Halvik and the union about the Oster plant continue.
""",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("retellings"), ARTICLES)


@pytest.fixture(scope="module")
def built(folder):
    return build_timeline([str(folder)], Config(progress=False, max_events=100))


def test_a_dateless_retelling_joins_the_event_its_article_dates(built):
    (event,) = events_citing(built.events, "This was Marrack's second period")
    assert any("on medical leave since January" in s.sentence for s in event.sources)


def test_a_retelling_by_a_possessive_joins_too(built):
    (event,) = events_citing(built.events, "since the beginning of Marrack's medical leave")
    assert any("on medical leave since January" in s.sentence for s in event.sources)


def test_a_retelling_in_an_outlet_without_a_date_line_joins_its_dated_event(built):
    (event,) = events_citing(built.events, "the drop in Halvik shares reflected")
    assert event.date.iso() == "2011-01-17"
    assert any("steepest drop" in s.sentence for s in event.sources)


def test_background_introduced_as_new_joins_nothing(built):
    assert not events_citing(built.events, "builds trucks and buses")


def test_a_sentence_that_fits_two_dated_happenings_joins_neither(built):
    assert not events_citing(built.events, "Talks between Halvik and the union")


def test_no_retelling_sits_in_two_events(built):
    for words in ("This was Marrack's second period", "the drop in Halvik shares"):
        assert len(events_citing(built.events, words)) == 1


def test_the_store_places_retellings_as_the_build_does(folder, built, tmp_path):
    config = Config(progress=False, max_events=100, use_ner=False)
    plain = build_timeline([str(folder)], config)
    with open_store(tmp_path / "s.db") as store:
        names = sorted(ARTICLES)
        add(store, [str(folder / n) for n in names[:2]], config)
        add(store, [str(folder / n) for n in names[2:]], config)
        events = stored_timeline(store, max_events=100).events

    def placed(timeline_events):
        return {(e.date.iso(), frozenset(s.sentence for s in e.sources))
                for e in events_citing(timeline_events, "This was Marrack's second period")
                + events_citing(timeline_events, "the drop in Halvik shares")}

    assert placed(events) == placed(plain.events)
    cited = {sentence for _, sources in placed(events) for sentence in sources}
    assert any("This was Marrack's second period" in s for s in cited)
    assert any("the drop in Halvik shares" in s for s in cited)


RECALL = Path(__file__).parent / "corpora" / "product_recall"


def test_a_stored_quote_speaker_follows_a_full_name_a_later_article_gives(tmp_path):
    """"Ms Idowu said ... 'A recall is not a punishment'" is stored first; the article
    added next retells the first meeting with "Agency director Grace Idowu": the stored
    quote's speaker is then read as the build reads it, "Grace Idowu"."""
    config = Config(progress=False, max_events=100)
    second = RECALL / "tribune-kestrel-second-meeting.txt"
    first = RECALL / "tribune-kestrel-first-meeting.txt"

    def speaker(events) -> str:
        (found,) = [q.speaker for e in events for q in e.quotes if "punishment" in q.text]
        return found

    assert speaker(build_timeline([str(second), str(first)], config).events) == "Grace Idowu"
    with open_store(tmp_path / "s.db") as store:
        add(store, [str(second)], config)
        add(store, [str(first)], config)
        assert speaker(stored_timeline(store, max_events=100).events) == "Grace Idowu"
