"""Timelines of a chosen size and their scoring as the timeline-summarization literature does."""

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.config import Config
from dateline.eval.tls import (
    Rouge,
    align_rouge,
    busiest_days,
    concat_rouge,
    date_f1,
    evaluate_tls,
    sentences_per_date,
)
from dateline.model import Article, Event, FuzzyDate, Mention, Precision, Timex
from dateline.pipeline import process_articles
from dateline.timeline.dates import rank_days, select_dated

D = dt.date


@pytest.fixture(scope="module")
def rouge() -> Rouge:
    pytest.importorskip("rouge_score")
    return Rouge()


def test_scores_on_a_case_computed_by_hand(rouge: Rouge):
    # After stop words go ("for", "the"), each sentence is 4 content words, 3 bigrams.
    gold = {D(2008, 9, 15): ["Lehman Brothers files for bankruptcy."],
            D(2008, 10, 3): ["Congress passes the rescue plan."]}
    system = {D(2008, 9, 15): ["Lehman Brothers files for bankruptcy."],
              D(2008, 10, 4): ["Congress passes rescue plan."],
              D(2008, 12, 1): ["Markets rally."]}
    # One shared day of 3 and 2: P 1/3, R 1/2.
    assert date_f1(system, gold) == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    # concat: 8 of 10 system unigrams match, all 8 gold ones found.
    assert concat_rouge(system, gold, rouge, 1) == pytest.approx(2 * 0.8 * 1.0 / 1.8)
    # concat bigrams stay inside sentences: 6 matched of 7 system, 6 gold.
    assert concat_rouge(system, gold, rouge, 2) == pytest.approx(2 * (6 / 7) * 1.0 / (6 / 7 + 1))
    # align+ m:1: Oct 4 aligns to Oct 3 (one day off, matches count 1/2), Dec 1 matches
    # nothing. Unigrams: 4 + 4 * 0.5 = 6 matched; P 6/10, R 6/8.
    p, r = 6 / 10, 6 / 8
    assert align_rouge(system, gold, rouge, 1) == pytest.approx(2 * p * r / (p + r))
    # Bigrams: 3 + 3 * 0.5 = 4.5 matched; P 4.5/7, R 4.5/6.
    p, r = 4.5 / 7, 4.5 / 6
    assert align_rouge(system, gold, rouge, 2) == pytest.approx(2 * p * r / (p + r))


def test_an_exact_timeline_scores_one_and_an_empty_one_zero(rouge: Rouge):
    gold = {D(2011, 2, 17): ["Protesters gather in Benghazi for a day of rage."],
            D(2011, 3, 19): ["French jets strike government tanks near Benghazi."]}
    assert date_f1(gold, gold) == 1.0
    assert concat_rouge(gold, gold, rouge, 2) == pytest.approx(1.0)
    assert align_rouge(gold, gold, rouge, 2) == pytest.approx(1.0)
    assert date_f1({}, gold) == 0.0 and align_rouge({}, gold, rouge, 1) == 0.0


def test_sentences_per_date_is_the_gold_mean_rounded():
    gold = {D(2011, 1, 1): ["a", "b", "c"], D(2011, 1, 2): ["d"], D(2011, 1, 3): ["e", "f"]}
    assert sentences_per_date(gold) == 2


def _article(name: str, published: dt.date, text: str) -> Article:
    return Article(id=name, path=f"{name}.txt", raw_text=text, text=text,
                   published=published, published_source="metadata")


def test_busiest_days_baseline_takes_the_days_with_most_articles():
    articles = [_article("a", D(2011, 3, 1), "Rebels take Brega. Fighting goes on."),
                _article("b", D(2011, 3, 2), "Gaddafi forces shell Zawiya. More follows."),
                _article("c", D(2011, 3, 2), "Second report on Zawiya."),
                _article("d", D(2011, 3, 5), "Ministers meet in Paris.")]
    timeline = busiest_days(articles, 2)
    assert set(timeline) == {D(2011, 3, 2), D(2011, 3, 1)}  # ties: earlier day first
    assert timeline[D(2011, 3, 2)] == ["Gaddafi forces shell Zawiya."]


def test_busiest_days_baseline_summary_is_a_sentence_not_a_wire_dateline():
    text = "TRIPOLI (Reuters) - Gaddafi forces shelled Zawiya on Tuesday. More followed."
    timeline = busiest_days([_article("a", D(2011, 3, 2), text)], 1)
    assert timeline[D(2011, 3, 2)] == ["Gaddafi forces shelled Zawiya on Tuesday."]


def test_days_referred_back_to_rank_first_and_background_last():
    first = D(2011, 2, 15)
    refs = [("a", D(2011, 3, 1), D(2011, 2, 17)), ("b", D(2011, 3, 9), D(2011, 2, 17)),
            ("b", D(2011, 3, 9), D(2011, 2, 17)),  # one article counts once
            ("c", D(2011, 3, 2), D(2011, 3, 1)), ("c", D(2011, 3, 2), D(1969, 9, 1)),
            ("d", D(2011, 3, 3), D(1969, 9, 1)), ("e", D(2011, 3, 4), D(1969, 9, 1)),
            ("a", D(2011, 3, 1), D(2011, 3, 1))]  # the publication day itself: not back
    days = [D(1969, 9, 1), D(2011, 3, 1), D(2011, 2, 17), D(2011, 3, 5)]
    assert rank_days(days, refs, first) == [D(2011, 2, 17), D(2011, 3, 1), D(2011, 3, 5),
                                            D(1969, 9, 1)]


STORY = [
    ("0301", D(2011, 3, 1), "Rebels advance on Brega\n\nRebel fighters pushed toward the oil "
     "port of Brega on Tuesday, residents said. The protests began in Benghazi on "
     "February 17, when security forces fired on crowds."),
    ("0302", D(2011, 3, 2), "Brega battle\n\nGovernment troops attacked the rebel-held town "
     "of Brega on Wednesday and were pushed back, rebels said. The uprising that started "
     "on February 17 has spread to the west."),
    ("0305", D(2011, 3, 5), "Zawiya shelled\n\nTanks shelled the town of Zawiya on Saturday, "
     "witnesses said. Since the February 17 protests in Benghazi, hundreds have died. "
     "On Wednesday rebels held Brega against an attack by government troops."),
    ("0310", D(2011, 3, 10), "France recognises council\n\nFrance recognised the rebel "
     "national council on Thursday, officials in Paris said. Rebels first rose up on "
     "February 17 in Benghazi, and they held Brega on March 2."),
]


def _story_articles() -> list[Article]:
    return [Article(id=name, path=f"{name}.txt", raw_text=text, metadata_date=day.isoformat())
            for name, day, text in STORY]


def test_dates_n_gives_n_distinct_days_led_by_the_day_the_story_returns_to():
    timeline = process_articles(_story_articles(),
                                Config(dates=2, per_date=1, use_ner=False, progress=False))
    days = [e.date for e in timeline.events]
    assert len(set(days)) == 2 and len(days) == 2
    assert {d.iso() for d in days} == {"2011-02-17", "2011-03-02"}
    assert all(e.summary and e.title for e in timeline.events)
    assert timeline.total_events is not None and timeline.total_events > 2


def test_per_date_gives_at_most_k_events_a_day():
    timeline = process_articles(_story_articles(),
                                Config(dates=3, per_date=2, use_ner=False, progress=False))
    per_day: dict = {}
    for event in timeline.events:
        per_day[event.date] = per_day.get(event.date, 0) + 1
    assert len(per_day) == 3 and max(per_day.values()) <= 2
    summaries = [e.summary for e in timeline.events]
    assert len(summaries) == len(set(summaries))


def test_cli_dates_and_the_shown_message(tmp_path: Path, capsys):
    folder = tmp_path / "story"
    folder.mkdir()
    for name, day, text in STORY:
        record = {"text": text.split("\n\n", 1)[1], "title": text.split("\n\n")[0],
                  "published": day.isoformat()}
        (folder / f"{name}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "t.json"
    assert main(["build", str(folder), "--dates", "3", "--no-entities", "-o", str(out)]) == 0
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert len({e["date"] for e in events}) == 3
    err = capsys.readouterr().err
    assert f"{len(events)} shown on 3 dates" in err and "events," in err


def _write_story(folder: Path, gold: list) -> None:
    (folder / "articles").mkdir(parents=True)
    (folder / "gold").mkdir()
    for name, day, text in STORY:
        record = {"text": text.split("\n\n", 1)[1], "published": day.isoformat()}
        (folder / "articles" / f"{name}.jsonl").write_text(json.dumps(record) + "\n",
                                                           encoding="utf-8")
    (folder / "gold" / "timelines.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")


def test_eval_tls_scores_each_story_and_reports_a_broken_one(tmp_path: Path, capsys):
    pytest.importorskip("rouge_score")
    gold = [["2011-02-17", ["Protests begin in Benghazi."]],
            ["2011-03-02", ["Rebels hold Brega against government troops."]]]
    _write_story(tmp_path / "libya", gold)
    broken = tmp_path / "broken" / "gold"
    broken.mkdir(parents=True)
    (broken / "timelines.jsonl").write_text("[[\"not a date\", []]]\n", encoding="utf-8")
    scores, systems, problems = evaluate_tls(tmp_path)
    assert [s.name for s in scores] == ["libya"]
    assert any("broken" in p and "not a date" in p for p in problems)
    assert scores[0].mean("dateline")["date_f1"] == 1.0
    assert set(systems) == {"dateline", "baseline", "max-events"}
    assert main(["eval", "tls", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "ALL dateline" in out and "ALL baseline" in out


def test_a_stored_timeline_and_the_api_choose_the_same_days(tmp_path: Path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dateline.serve import create_app
    from dateline.store import add, open_store, timeline

    folder = tmp_path / "story"
    folder.mkdir()
    for name, day, text in STORY:
        record = {"text": text.split("\n\n", 1)[1], "title": text.split("\n\n")[0],
                  "published": day.isoformat()}
        (folder / f"{name}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    fast = Config(use_ner=False, progress=False)
    store = open_store(tmp_path / "t.db")
    try:
        add(store, [str(folder)], fast)
        stored = timeline(store, dates=2)
        assert {e.date.iso() for e in stored.events} == {"2011-02-17", "2011-03-02"}
        assert stored.total_events > len(stored.events)
        client = TestClient(create_app(store, config=fast))
        body = client.get("/api/events", params={"dates": 2, "per_date": 1}).json()
        assert sorted(e["date"] for e in body["events"]) == ["2011-02-17", "2011-03-02"]
        assert body["total"] == stored.total_events
        page = client.get("/").text
        assert 'name="dates"' in page and 'name="per_date"' in page
        for event in body["events"]:  # the store's own ids: the detail view opens them
            detail = client.get(f"/api/events/{event['id']}").json()
            assert detail["date"] == event["date"]
    finally:
        store.close()


def test_undated_articles_still_get_the_days_most_articles_report():
    # Pasted texts without publication dates: only explicit dates resolve, and the day
    # that most articles report leads.
    texts = ["France recognised the rebel council on March 10, 2011, in Paris.",
             "On March 10, 2011, France became the first country to recognise the council.",
             "The council was recognised by France on March 10, 2011, officials said.",
             "Rebels held the port of Brega on March 2, 2011, after a day of fighting.",
             "Tanks shelled the town of Zawiya on March 5, 2011, witnesses said."]
    articles = [Article(id=f"a{k}", path=f"a{k}.txt", raw_text=text)
                for k, text in enumerate(texts)]
    timeline = process_articles(articles, Config(dates=1, use_ner=False, progress=False))
    assert [e.date.iso() for e in timeline.events] == ["2011-03-10"]


def test_the_news_tls_layout_reads_and_scores(tmp_path: Path):
    pytest.importorskip("rouge_score")
    story = tmp_path / "libya"
    story.mkdir()
    with (story / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for name, day, text in STORY:
            sentences = [{"raw": line} for line in text.split("\n\n", 1)[1].split(". ")]
            handle.write(json.dumps({"id": name, "time": f"{day.isoformat()} 00:00:00",
                                     "sentences": sentences}) + "\n")
    gold = [["2011-02-17", ["Protests begin in Benghazi."]],
            ["2011-03-02", ["Rebels hold Brega against government troops."]]]
    (story / "timelines.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    scores, _, problems = evaluate_tls(tmp_path)
    assert not problems
    assert [s.name for s in scores] == ["libya"]
    assert scores[0].mean("dateline")["date_f1"] == 1.0


def _event(name: str, day: dt.date, sentences: list[str],
           precision: Precision = Precision.DAY) -> Event:
    when = FuzzyDate(day.year, day.month, day.day, precision)
    timex = Timex(0, 3, "day", "DATE", day.isoformat())
    mentions = [Mention(article_id=f"{name}-{k}", sentence_index=0, sentence=text, date=when,
                        timex=timex) for k, text in enumerate(sentences)]
    return Event(id=name, date=when, title=sentences[0] if sentences else name,
                 summary=sentences[0] if sentences else name, mentions=mentions, sources=[])


def test_dates_n_is_exact_even_when_days_offer_only_repeats_furniture_or_stop_words():
    repeat = "Rebels and government troops fought for control of the coastal town of Brega."
    start = D(2011, 3, 1)
    events = []
    for k in range(12):
        day = start + dt.timedelta(days=k)
        if k % 4 == 0:  # the same report on several days: a repeat once the first is kept
            texts = [repeat]
        elif k % 4 == 1:  # nothing but page furniture
            texts = ["BY STAFF REPORTER | 12:03 GMT", "SHARE THIS"]
        elif k % 4 == 2:  # nothing but stop words
            texts = ["It was what it is."]
        else:
            texts = [f"Aid convoy number {k} reached the besieged port city of Misrata today.",
                     f"Officials counted {k} ships waiting off Misrata with food and fuel."]
        events.append(_event(f"e{k}", day, texts))
        events.append(_event(f"d{k}", day, list(texts)))  # a second event the same day
    events.append(_event("month", D(2011, 4, 1), ["Fighting went on all month."],
                         Precision.MONTH))
    refs = [("x", D(2011, 3, 20), start + dt.timedelta(days=k)) for k in range(0, 12, 3)]
    for n in (1, 5, 12, 20):
        for per_date in (1, 3):
            kept = select_dated([replace(e) for e in events], n, per_date, refs,
                                first_published=start)
            days = [e.date.first_day for e in kept]
            assert len(set(days)) == min(n, 12), (n, per_date)
            assert all(e.date.precision is Precision.DAY for e in kept)
            assert max(days.count(d) for d in set(days)) <= per_date


def test_dates_n_is_exact_on_a_real_story():
    folder = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tls-t17" / "libya"
    if not folder.is_dir():
        pytest.skip("tls-t17 evaluation data not present")
    from dateline.eval.tls import read_topic
    from dateline.pipeline import choose_events, collect_events

    topic = read_topic(folder, Config(progress=False))
    topic.articles = topic.articles[:150]
    events, _, _ = collect_events(topic.articles, Config(use_ner=False, progress=False))
    days = {e.date.first_day for e in events if e.date.precision is Precision.DAY}
    for n in (10, 40, len(days)):
        chosen = choose_events([replace(e) for e in events], topic.articles,
                               Config(dates=n, per_date=2, progress=False))
        assert len({e.date.first_day for e in chosen}) == min(n, len(days))


def test_a_date_named_in_passing_is_not_a_reference_back_to_that_day():
    # Three later articles name March 1 only as a bound ("before March 1"); two say what
    # happened on March 2. The day the coverage reports back to is March 2.
    texts = [
        ("a", D(2011, 3, 1), "Banks shut\n\nThe central bank froze all withdrawals on "
         "Tuesday, officials said."),
        ("b", D(2011, 3, 2), "Rescue law\n\nParliament passed the rescue law on Wednesday "
         "after a long night of debate."),
        ("c", D(2011, 3, 8), "Deposits\n\nDeposits made before March 1 remain frozen, the "
         "central bank said on Tuesday."),
        ("d", D(2011, 3, 9), "Savers wait\n\nSavings placed before March 1 stay locked, "
         "the finance ministry said on Wednesday."),
        ("e", D(2011, 3, 10), "Markets calm\n\nShares rose on Thursday. The rescue law "
         "passed on March 2 has calmed markets, traders said."),
        ("f", D(2011, 3, 11), "Lenders\n\nLenders reopened branches on Friday. Money "
         "lodged before March 1 is still frozen. Parliament approved the rescue law on "
         "March 2 after a night of debate."),
    ]
    articles = [Article(id=name, path=f"{name}.txt", raw_text=text,
                        metadata_date=day.isoformat()) for name, day, text in texts]
    timeline = process_articles(articles, Config(dates=1, use_ner=False, progress=False))
    assert [e.date.iso() for e in timeline.events] == ["2011-03-02"]


def test_a_stored_timeline_counts_references_as_a_build_does(tmp_path: Path):
    # Three pasted reports without publication dates look back on the Zawiya shelling;
    # their dates are inferred from their own latest dates, so they cannot say whether
    # they look back: neither the build nor the store may count them as references.
    from dateline.pipeline import build_timeline
    from dateline.store import add, open_store, timeline

    undated = [
        ("u1", "Zawiya siege", "Tanks shelled the town of Zawiya on March 5, 2011, witnesses "
         "said. By March 12, 2011, the rebels had left the town."),
        ("u2", "Zawiya falls", "The shelling of Zawiya on March 5, 2011, killed dozens, doctors "
         "said. Government forces entered the square on March 11, 2011."),
        ("u3", "Inside Zawiya", "Residents described the shelling of Zawiya on March 5, 2011. "
         "The town was quiet on March 13, 2011, a reporter saw."),
    ]
    folder = tmp_path / "story"
    folder.mkdir()
    for name, day, text in STORY:
        title, body = text.split("\n\n", 1)
        record = {"text": body, "title": title, "published": day.isoformat()}
        (folder / f"{name}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    for name, title, body in undated:
        (folder / f"{name}.jsonl").write_text(json.dumps({"text": body, "title": title}) + "\n",
                                              encoding="utf-8")
    built = build_timeline([str(folder)], Config(dates=2, use_ner=False, progress=False))
    assert {a.published_source for a in built.articles if a.id.startswith("u")} == {"inferred"}
    store = open_store(tmp_path / "t.db")
    try:
        add(store, [str(folder)], Config(use_ner=False, progress=False))
        stored = timeline(store, dates=2)
    finally:
        store.close()
    assert sorted(e.date.iso() for e in stored.events) == sorted(
        e.date.iso() for e in built.events) == ["2011-02-17", "2011-03-02"]
