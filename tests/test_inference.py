"""Publication-date inference for undated articles: dates only from strong evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.clean import clean_articles
from dateline.dating.inference import infer_publication_dates
from dateline.dating.pubdate import date_articles
from dateline.model import Article

D = dt.date
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(*raws: str) -> list[Article]:
    arts = [Article(id=f"a{i}", path=f"a{i}.txt", raw_text=raw) for i, raw in enumerate(raws)]
    clean_articles(arts)
    date_articles(arts)
    infer_publication_dates(arts)
    return arts


STORY = (
    "Dike repairs finished ahead of winter storms\n\n{stamp}"
    "Crews finished repairs on the northern dike on Tuesday, two weeks ahead of the winter "
    "storm season, the regional water board said in a statement.\n\n"
    "\"We have never finished a job of this size so early in the autumn,\" said the board's "
    "chief engineer, Marta Visser, who has led the work since the spring.\n\n"
    "The work cost four million euros and closed the coastal path between Hollum and the "
    "lighthouse for a month, angering walkers and the owners of two beach cafes.\n\n"
    "Inspectors will walk the full length of the dike again in January.\n"
)


def test_near_copy_of_a_dated_article_takes_its_date():
    dated, undated = _run(STORY.format(stamp="Posted October 12, 2021\n\n"),
                          STORY.format(stamp=""))
    assert dated.published == D(2021, 10, 12) and dated.published_source == "text"
    assert undated.published == D(2021, 10, 12)
    assert undated.published_source == "inferred"
    assert 0.5 < undated.published_confidence < 0.8
    assert any("a0" in e for e in undated.published_evidence)


def test_weekday_and_date_without_year_pick_the_matching_year():
    raw = ("Library renovation will close the branch for the summer\n\n"
           "The branch library will close for a renovation, staff told the neighbourhood "
           "association on Thursday, April 4.\n\n"
           "The council approved the contract on March 12, 2019, after a year of delays.\n")
    (art,) = _run(raw)
    assert art.published == D(2019, 4, 4)  # the story's own 2019, and Thu April 4 is in 2019
    assert art.published_source == "inferred"
    assert art.published_confidence < 0.5
    assert any("Thursday, April 4" in e for e in art.published_evidence)


def test_a_year_the_text_merely_mentions_does_not_date_a_weekday():
    # Real case (a pasted news page): "Monday 2 October" with only "since 2000" in the
    # body was placed in 2000, the one year near 2000 with a Monday 2 October.
    raw = ("Harbour ferry service to be cut back\n\n"
           "The operator told passengers on Monday 2 October that the winter timetable "
           "would drop the early crossing.\n\n"
           "The route has been run by the same company since 2000.\n")
    (art,) = _run(raw)
    assert art.published is None
    assert art.published_source is None


def test_latest_event_with_a_tight_upper_bound_is_confident():
    raw = ("Zoning board delays vote on wind farm\n\n"
           "The zoning board put off a decision on the proposed wind farm on March 1, 2019 "
           "after more than four hours of public comment.\n\n"
           "Opponents raised concerns about noise and property values.\n\n"
           "2 Comments\n"
           "Marge O. — March 2, 2019 at 12:20 pm\n"
           "Thanks for the thorough reporting.\n")
    (art,) = _run(raw)
    assert art.published == D(2019, 3, 1)
    assert art.published_confidence > 0.5


def test_latest_past_event_wins_and_future_plans_do_not():
    raw = ("Council approves harbour plan\n\n"
           "The council first discussed the plan on 3 February 2020 and approved it on "
           "17 March 2020, the mayor said.\n\n"
           "Construction will start on 1 June 2020.\n")
    (art,) = _run(raw)
    assert art.published == D(2020, 3, 17)
    assert art.published_confidence < 0.5


def test_vague_evidence_leaves_the_date_unknown():
    only_years = ("Dam explained\n\nConstruction began in 2019. The reservoir began filling "
                  "in the autumn of 2023. Talks resume next week.\n")
    later_month = ("Contractor paid after ban\n\nThe agency banned the firm on January 14, "
                   "2019. Officials continued to approve its invoices until at least June.\n")
    no_dates = ("Gales cut power\n\nWinds struck on Thursday night and engineers arrived on "
                "Saturday morning.\n")
    for art in _run(only_years, later_month, no_dates):
        assert art.published is None
        assert art.published_source is None


def test_dated_and_metadata_articles_are_left_alone():
    art = Article(id="m", path="m.html", raw_text="Title\n\nBody on March 1, 2019.\n",
                  metadata_date="2019-03-05")
    clean_articles([art])
    date_articles([art])
    infer_publication_dates([art])
    assert art.published == D(2019, 3, 5) and art.published_source == "metadata"


def test_copy_contradicting_the_articles_own_events_is_ignored():
    early = STORY.format(stamp="Posted October 12, 2021\n\n")
    late = STORY.format(stamp="").replace(
        "Inspectors will walk", "On November 20, 2021 the board confirmed the cost. "
        "Inspectors will walk")
    dated, undated = _run(early, late)
    assert undated.published != D(2021, 10, 12)
    assert undated.published is None or undated.published_confidence <= 0.5


def test_demo_explainer_stays_undated_or_early_and_unsure():
    from dateline.config import Config
    from dateline.ingest import read_articles

    arts, _ = read_articles([str(EXAMPLES)], Config(progress=False))
    clean_articles(arts)
    date_articles(arts)
    infer_publication_dates(arts)
    explainer = next(a for a in arts if "explainer" in a.path)
    if explainer.published is not None:
        assert explainer.published <= D(2024, 4, 30)
        assert explainer.published_confidence < 0.5
    dated = {Path(a.path).stem: a.published for a in arts if a is not explainer}
    assert all(value is not None for value in dated.values())


def test_texts_tagged_with_their_cleaning_infer_the_same_dates(monkeypatch):
    """The tagging inference reads (``tag_for_inference``) runs where an article is
    cleaned; inference given those taggings tags nothing itself and decides alike."""
    import dateline.dating.timex as timex
    from dateline.dating.inference import tag_for_inference

    raws = [STORY.format(stamp="Posted October 12, 2021\n\n"), STORY.format(stamp=""),
            "Ferry crews in Kestwick walked out on January 14, 2031 over pay, and the "
            "harbour board said on January 16, 2031 that talks had failed.\n\nNo boats "
            "have sailed since.\n"]

    def prepared():
        arts = [Article(id=f"a{i}", path=f"a{i}.txt", raw_text=raw)
                for i, raw in enumerate(raws)]
        clean_articles(arts)
        date_articles(arts)
        return arts

    plain = prepared()
    infer_publication_dates(plain)
    given = prepared()
    taggings = [tag_for_inference(a) for a in given]
    assert taggings[0] is None and taggings[1] is not None and taggings[2] is not None
    calls = []
    real = timex.tag
    monkeypatch.setattr(timex, "tag", lambda *a, **k: calls.append(1) or real(*a, **k))
    infer_publication_dates(given, taggings)
    assert not calls
    fields = [(a.published, a.published_source, a.published_confidence,
               a.published_evidence) for a in plain]
    assert fields == [(a.published, a.published_source, a.published_confidence,
                       a.published_evidence) for a in given]
    assert given[1].published == D(2021, 10, 12) and given[2].published == D(2031, 1, 16)
