"""Patterns of real reporting, on small multi-outlet corpora written for them.

Each story is told by several outlets the way real news tells it (one outlet without a
date line, a sentence with several dates, background months before, year-less dates,
each trading day's moves). The tests ask what a careful reader would put on the
timeline: one entry per happening on its day, citing every outlet that reports it.
"""

from pathlib import Path

import pytest
from inputs_helpers import write_corpus

from dateline.config import Config
from dateline.pipeline import build_timeline

ARTICLES = {
    # A leaders' statement reported by two dated outlets and one without a date line.
    "herald-berg-rules-out-vote.txt": """Prime minister rules out early vote
March 3, 2011

The prime minister of Veldora, Anton Berg, said on Tuesday, ahead of June's referendum on \
the constitution, that he would not resign before the vote.

Opposition leader Clara Imre accused the government of hiding the cost of the new dam.
""",
    "post-berg-will-stay.txt": """Berg says he will stay until referendum
March 2, 2011

Veldora's prime minister Anton Berg said on Tuesday that he would stay in office until the \
referendum on the constitution, rejecting calls from the opposition for an early vote.
""",
    "wire-berg-no-resignation.txt": """Veldora leader defiant

Anton Berg, Veldora's embattled prime minister, insisted on Tuesday he would not step down \
before the constitutional referendum, brushing aside opposition demands for an early vote.

Critics in parliament called the decision a mistake that would deepen the crisis.
""",
    # A statement about a future date: today's news, not an event in October.
    "gazette-imre-will-not-stand.txt": """Imre out of autumn race
March 3, 2011

Opposition leader Clara Imre said she would not stand in the October election, ending \
months of speculation about her plans.
""",
    # An outlet without a date whose weekday matches nothing the collection reports.
    "blog-harbour-festival.txt": """Harbour festival draws crowds

Thousands of visitors crowded the old harbour of Lisk on Saturday for the annual lantern \
festival, organisers said.
""",
    # An outlet without a date whose weekday has an event, but of another story.
    "sport-lisk-derby.txt": """Lisk wins derby

Lisk United beat Odegard Rovers 2-1 on Tuesday in front of a sell-out crowd, with a late \
header from their young striker settling the match.
""",
    # Background and year-less dates in two dated articles.
    "tribune-holt-dies.txt": """Former minister Holt dies
March 3, 2011

Rasmus Holt, the former water minister who negotiated the Teral Basin accord, died at his \
home on 14 August, his family said on Wednesday.

In December the two ministers met briefly in Geneva, two months before the accord was signed.

The accord was signed two months ago in Vienna after years of talks.
""",
    "courier-holt-remembered.txt": """Kastmark mourns negotiator Holt
March 3, 2011

Kastmark's former water minister Rasmus Holt, who died on 14 August, was remembered on \
Wednesday at a ceremony in the capital.

The accord Holt negotiated was signed in Vienna in January.
""",
    # A lead that reports, in its main clause, a day two weeks before publication.
    "watchdog-tender-rerun.txt": """Watchdog orders rerun of ferry tender
July 2, 2012

The state audit office on June 18 called for a re-run of the bidding for the Lisk ferry \
contract, citing major flaws in the tender.

The transport ministry has 60 days to respond.
""",
    # "since" after a perfect: what began then; "since" with a habit: a state's edge.
    "aviation-orvik-bid.txt": """Orvik Air raises stake in Lisk Air
September 14, 2011

Orvik Air raised its stake in rival Lisk Air to 30% on Tuesday. Orvik Air has been \
trying to take over Lisk Air since April, and if the bid succeeds the new long-haul jets \
may not be needed.

"Since the spring, I fly with Lisk Air every week," one passenger said.
""",
    # A date a plan no longer holds next to the new one.
    "wire-corvane-delay.txt": """Corvane Air jets late again
November 2, 2012

Corvane Air said on Thursday that the delivery of its first long-haul jets, originally \
due later this year, will be delayed until March 2013.
""",
    # An old photo's caption glued to the lead, as pages copied from a site come.
    "courier-vasko-calls-for-calm.txt": """Vasko calls for calm in Tarn
February 21, 2011

Marshal Oren Vasko, left, and President Lia Dorn meet at the river summit in Sarn in 2009. \
Marshal Oren Vasko appeared on state television on Monday and called on the protesters in \
Tarn to go home.
""",
    # Each trading day's moves, told by two outlets.
    "markets-stocks-slide.txt": """Stocks slide, then rebound
June 8, 2011

The Dow fell 3% on Monday and on Tuesday it recovered half of the loss, as traders weighed \
weak factory data against strong bank earnings.
""",
    "exchange-wall-street.txt": """Wall Street recovers after Monday rout
June 8, 2011

Shares on Wall Street rebounded on Tuesday after the Dow Jones Industrial Average recovered \
half of Monday's loss on strong bank earnings.

The Dow had fallen 3% on Monday after weak factory data from the United States and China.
""",
}


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    folder = write_corpus(tmp_path_factory.mktemp("patterns"), ARTICLES)
    return build_timeline([str(folder)], Config(progress=False, max_events=100))


def _stems(timeline, event):
    by_id = {a.id: Path(a.path).stem for a in timeline.articles}
    return {by_id[s.article] for s in event.sources}


def _entries(timeline, date, *words):
    return [e for e in timeline.events if e.date.iso() == date
            and any(all(w in s.sentence.lower() for w in words) for s in e.sources)]


def _article(timeline, stem):
    return next(a for a in timeline.articles if Path(a.path).stem == stem)


def test_undated_outlet_joins_the_event_it_reports(timeline):
    entries = _entries(timeline, "2011-03-01", "berg")
    assert len(entries) == 1
    assert _stems(timeline, entries[0]) >= {
        "herald-berg-rules-out-vote", "post-berg-will-stay", "wire-berg-no-resignation"}
    wire = _article(timeline, "wire-berg-no-resignation")
    assert wire.published_source == "inferred"
    assert any("2011-03-01" in line for line in wire.published_evidence)
    assert not any(item["article"] == wire.id and item["sentence"]
                   and "Tuesday" in item["sentence"] for item in timeline.undated)


def test_undated_outlet_the_collection_cannot_date_stays_undated(timeline):
    # No Saturday event at all; a Tuesday event, but of another story.
    for stem in ("blog-harbour-festival", "sport-lisk-derby"):
        outlet = _article(timeline, stem)
        assert outlet.published is None
        assert not any(outlet.id in {s.article for s in e.sources} for e in timeline.events)
        assert any(item["article"] == outlet.id for item in timeline.undated)


def test_a_date_that_only_names_a_future_thing_makes_no_event(timeline):
    # "said on Tuesday, ahead of June's referendum": the statement, not a June event.
    assert not [e for e in timeline.events if e.date.iso().startswith("2011-06")
                and any("referendum" in s.sentence for s in e.sources)]


def test_yearless_date_takes_the_year_the_tense_allows(timeline):
    deaths = _entries(timeline, "2010-08-14", "died")
    assert len(deaths) == 1
    assert _stems(timeline, deaths[0]) == {"tribune-holt-dies", "courier-holt-remembered"}
    assert not _entries(timeline, "2011-08-14", "died")


def test_background_at_month_precision_merged_across_outlets(timeline):
    signed = _entries(timeline, "2011-01", "signed")
    assert len(signed) == 1 and signed[0].date.precision.value == "month"
    assert _stems(timeline, signed[0]) == {"tribune-holt-dies", "courier-holt-remembered"}
    met = _entries(timeline, "2010-12", "geneva")
    assert len(met) == 1 and met[0].date.precision.value == "month"


def test_each_trading_day_is_its_own_event_citing_both_outlets(timeline):
    monday = _entries(timeline, "2011-06-06", "fall")
    tuesday = _entries(timeline, "2011-06-07", "recovered")
    assert len(monday) == 1 and len(tuesday) == 1 and monday[0] is not tuesday[0]
    both = {"markets-stocks-slide", "exchange-wall-street"}
    assert _stems(timeline, monday[0]) >= both
    assert _stems(timeline, tuesday[0]) >= both
    assert not [e for e in timeline.events if e.date.precision.value == "week"
                and any("dow" in s.sentence.lower() for s in e.sources)]


def test_a_statement_about_the_future_is_dated_by_its_day_not_the_future(timeline):
    assert not [e for e in timeline.events if e.date.iso().startswith("2011-10")]
    statements = _entries(timeline, "2011-03-03", "would not stand")
    assert len(statements) == 1
    assert _stems(timeline, statements[0]) == {"gazette-imre-will-not-stand"}


def test_a_lead_dated_in_its_main_clause_reports_that_day_not_publication(timeline):
    rerun = _entries(timeline, "2012-06-18", "re-run")
    assert len(rerun) == 1
    assert "Watchdog orders rerun of ferry tender" in {s.sentence for s in rerun[0].sources}
    watchdog = _article(timeline, "watchdog-tender-rerun")
    assert not [e for e in timeline.events if e.date.iso() == "2012-07-02"
                and watchdog.id in {s.article for s in e.sources}]


def test_since_after_a_perfect_dates_what_began_then(timeline):
    assert len(_entries(timeline, "2011-04", "take over")) == 1
    assert not _entries(timeline, "2011", "every week")


def test_a_superseded_plan_does_not_date_the_delay(timeline):
    assert len(_entries(timeline, "2013-03", "delayed until")) == 1
    assert not _entries(timeline, "2012", "delayed until")


def test_a_photo_caption_dates_nothing(timeline):
    caption = "left, and President Lia Dorn meet"
    assert not [e for e in timeline.events if e.date.iso().startswith("2009")]
    assert not [e for e in timeline.events
                if any(caption in s.sentence for s in e.sources)]
    assert not [u for u in timeline.undated if caption in (u.get("sentence") or "")]
    # ...and the lead after it still reports the day's news.
    assert len(_entries(timeline, "2011-02-21", "state television")) == 1
