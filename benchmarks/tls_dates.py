"""Which signals choose a journalist's dates? Day ranking on Timeline17, leave-one-story-out.

For every story of ../shared/data/tls-t17 the pipeline runs once up to the events; each
day with a day-precise event gets per-day counts (articles counted once per day; a
reference is an event mention of a sentence, as ``rank_days`` counts them, not every date
a sentence names):

- ``later``: articles published two or more days later that refer back to it;
- ``next_day`` / ``same_day``: articles of the next day / the same day that name it;
- ``ahead``: articles published before it that name it (announced, scheduled);
- ``later_lead``: later articles naming it in one of their first five sentences;
- ``later_sentences``: sentences of later articles naming it;
- ``published`` / ``published_next`` / ``burst``: articles published that day, the next
  day, within two days either side;
- ``sentences``: sentences dated that day (the events' own mentions);
- ``exposure``: articles published after it (a day early in the story can be referred
  back to by more of them);
- ``background``: more than two weeks before the first article.

The script scores day rankings by mean date F1 at T = each gold timeline's size, the
busiest-days baseline in the same run:

- each signal alone (background last, earlier day first on ties), the shipped ranking
  (``timeline.dates.rank_days``) and the same ranking counting every date named;
- learned rankers trained on three stories and tested on the fourth, for each story in
  turn (leave-one-story-out, the honest figure): a logistic regression over all counts
  (log-scaled, per-story maxima); the news-tls DATEWISE recipe (Gholipour Ghalandari and
  Ifrim 2020: sentence and article counts before / after / in total plus publications,
  columns L2-normalised per story, logistic regression); a pairwise logistic ranker
  (differences of a gold and a non-gold day of one story) over the later / next-day /
  next-day-publication counts; a weight grid over (next-day, same-day, burst);
- a ranker over the words of each day's own reports (TF-IDF over the words every training
  story uses, so story names cannot carry over; balanced logistic regression), alone and
  added to the shipped score, also leave-one-story-out;
- whether ``select_dated`` returns exactly T distinct days for every gold timeline;
- where the gold days without a day-precise event went (recall): a mention of the day
  placed in an event of another date, a day-precise date the tagger read but the mention
  rules dropped (range ends, "from Friday"), articles published that day whose events lie
  on other days, or nothing at all in the collection; and the ceiling this sets on date
  F1 at T (every gold day that has an event chosen), next to the ceiling of breaking only
  the shipped ranking's ties by the gold (an oracle).

Usage: python benchmarks/tls_dates.py [--cache FILE]  (FILE keeps the per-day counts so a
second run skips the pipeline).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import pickle
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np

from dateline.config import Config
from dateline.eval.tls import busiest_days, date_f1, read_topic
from dateline.model import Article, Precision
from dateline.pipeline import collect_events
from dateline.timeline.dates import (
    BACKGROUND_DAYS,
    NEXT_DAY_WEIGHT,
    rank_days,
    references_from_mentions,
    select_dated,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tls-t17"
COLUMNS = ("later", "next_day", "same_day", "ahead", "later_lead", "later_sentences",
           "published", "published_next", "burst", "sentences", "exposure", "background")
LEAD = 5  # sentences that count as an article's lead
# news-tls SupervisedDateRanker features: sentences total / before / after the
# publication day, articles total / before / after, articles published that day.
DATEWISE = ("sentences_total", "sentences_back", "sentences_ahead", "articles_total",
            "later_or_next", "ahead", "published")


DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")


def references_from_articles(articles: Iterable[Article]) -> list[tuple[str, dt.date, dt.date]]:
    """(article, published, day) for every day-precise date an article's sentences name,
    in passing or not ("funds bought before Sept. 19", "open tomorrow"): the wider count
    that timelines used before ``references_from_mentions``, kept here for the comparison.
    Duplicates and articles without a stated publication date are left out, as there."""
    found = []
    for article in articles:
        if (article.duplicate_of is not None or article.published is None
                or article.published_source == "inferred"):
            continue
        found.extend((article.id, article.published, day) for day in days_named(article))
    return found


def days_named(article: Article) -> Iterable[dt.date]:
    """Every day-precise date the tagger read in an article, in reading order."""
    for sentence in article.sentences:
        for timex in sentence.timexes:
            match = DAY_VALUE.match(timex.value or "")
            if timex.type == "DATE" and match:
                try:
                    yield dt.date(*map(int, match.groups()))
                except ValueError:
                    continue


def story_features(folder: Path) -> dict:
    """Per-day counts of one story, its gold timelines and the shipped selection's size."""
    topic = read_topic(folder, Config(progress=False))
    events, mentions, _ = collect_events(topic.articles, Config(use_ner=False, progress=False))
    days = sorted({e.date.first_day for e in events if e.date.precision is Precision.DAY})
    stated = {a.id: a.published for a in topic.articles
              if a.duplicate_of is None and a.published_source != "inferred"}
    every = [m for e in events for m in e.mentions]
    references = references_from_mentions(every, stated)
    named = references_from_articles(topic.articles)
    published = sorted(a.published for a in topic.articles
                       if a.published is not None and a.duplicate_of is None)
    first = published[0]
    articles: dict[str, dict[dt.date, set]] = defaultdict(lambda: defaultdict(set))
    sentence_counts: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    seen = set()
    for mention in every:  # the references rank_days counts, with their sentence
        when = stated.get(mention.article_id)
        key = (mention.article_id, mention.sentence_index, mention.date)
        if (when is None or mention.basis != "text" or key in seen
                or mention.date.precision is not Precision.DAY):
            continue
        seen.add(key)
        day = mention.date.first_day
        gap = (when - day).days
        kind = ("later" if gap > 1 else "next_day" if gap == 1
                else "same_day" if gap == 0 else "ahead")
        articles[kind][day].add(mention.article_id)
        articles["total"][day].add(mention.article_id)
        sentence_counts["total"][day] += 1
        sentence_counts["back" if gap > 0 else "ahead" if gap < 0 else "same"][day] += 1
        if kind == "later":
            sentence_counts["later"][day] += 1
            if mention.sentence_index < LEAD:
                articles["later_lead"][day].add(mention.article_id)
    per_day: dict[dt.date, int] = defaultdict(int)
    for day in published:
        per_day[day] += 1
    sentences: dict[dt.date, int] = defaultdict(int)
    for mention in mentions:
        if mention.date.precision is Precision.DAY and not mention.supporting:
            sentences[mention.date.first_day] += 1
    words: dict[dt.date, list[str]] = defaultdict(list)
    for event in events:
        if event.date.precision is Precision.DAY:
            words[event.date.first_day].extend(m.sentence for m in event.mentions
                                               if not m.supporting)
    one = dt.timedelta(days=1)
    rows, datewise = [], []
    for day in days:
        later = articles["later"][day]
        rows.append([len(later), len(articles["next_day"][day] - later),
                     len(articles["same_day"][day]), len(articles["ahead"][day]),
                     len(articles["later_lead"][day]), sentence_counts["later"][day],
                     per_day[day], per_day[day + one],
                     sum(per_day[day + k * one] for k in range(-2, 3)), sentences[day],
                     len(published) - bisect.bisect_right(published, day + one),
                     float(day < first - dt.timedelta(days=BACKGROUND_DAYS))])
        datewise.append([sentence_counts["total"][day], sentence_counts["back"][day],
                         sentence_counts["ahead"][day], len(articles["total"][day]),
                         len(later | articles["next_day"][day]), len(articles["ahead"][day]),
                         per_day[day]])
    recall = missing_gold_days(topic, events, days)
    exact = []
    for gold in topic.timelines:
        chosen = select_dated([replace(e) for e in events], len(gold), 1, references, first)
        exact.append((len({e.date.first_day for e in chosen}), min(len(gold), len(days))))
    return {"name": folder.name, "days": days, "X": np.array(rows, float),
            "D": np.array(datewise, float), "text": [" ".join(words[d]) for d in days],
            "gold": topic.timelines, "references": references, "named": named,
            "first": first, "busiest": [busiest_days(topic.articles, len(g))
                                        for g in topic.timelines], "exact": exact,
            "recall": recall}


RECALL = ("a day-precise event", "mentioned, in an event of another date",
          "tagged, dropped by the mention rules",
          "articles published that day, events on other days", "nothing in the collection")


def missing_gold_days(topic, events: list, days: list[dt.date]) -> Counter:
    """Why gold days have no day-precise event, one count per gold day (any timeline)."""
    mentioned = {m.date.first_day for e in events for m in e.mentions
                 if m.date.precision is Precision.DAY}
    tagged = {day for article in topic.articles for day in days_named(article)}
    published = {a.published for a in topic.articles if a.published is not None}
    found: Counter = Counter()
    have = set(days)
    for day in set().union(*topic.timelines):
        found[RECALL[0] if day in have else RECALL[1] if day in mentioned
              else RECALL[2] if day in tagged else RECALL[3] if day in published
              else RECALL[4]] += 1
    return found


def ceilings(story: dict) -> tuple[float, float]:
    """Date F1 at T with every gold day that has an event chosen (recall's ceiling), and
    with the shipped ranking's ties among equal scores broken by the gold (an oracle)."""
    days = set(story["days"])
    best = float(np.mean([min(len(g), len(days & set(g))) / len(g) for g in story["gold"]]))
    gold = set().union(*story["gold"])
    rows = zip(story["days"], shipped_score(story), story["X"][:, -1], strict=True)
    oracle = [d for d, _, _ in sorted(rows, key=lambda r: (r[2], -r[1], r[0] not in gold,
                                                           r[0]))]
    return best, mean_f1(story, oracle)


def mean_f1(story: dict, ranked: list[dt.date]) -> float:
    return float(np.mean([date_f1(dict.fromkeys(ranked[:len(g)]), g) for g in story["gold"]]))


def by_score(story: dict, score: np.ndarray) -> list[dt.date]:
    days = story["days"]
    return [days[i] for i in sorted(range(len(days)), key=lambda i: (-score[i], days[i]))]


def column(name: str) -> int:
    return COLUMNS.index(name)


def labels(story: dict) -> np.ndarray:
    return np.array([float(any(d in g for g in story["gold"])) for d in story["days"]])


def scaled(story: dict) -> np.ndarray:
    X = story["X"]
    logs = np.log1p(X[:, :-1])
    return np.hstack([logs / np.maximum(logs.max(axis=0), 1e-9), X[:, -1:]])


def datewise_features(story: dict) -> np.ndarray:
    from sklearn.preprocessing import normalize

    return np.hstack([normalize(story["D"], norm="l2", axis=0), story["X"][:, -1:]])


def core_features(story: dict) -> np.ndarray:
    from sklearn.preprocessing import normalize

    X = story["X"][:, [column("later"), column("next_day"), column("published_next")]]
    return np.hstack([normalize(X, norm="l2", axis=0), story["X"][:, -1:]])


def pairs(story: dict, features: np.ndarray, rng: np.random.Generator, count: int = 3000
          ) -> tuple[np.ndarray, np.ndarray]:
    """Differences of a gold and a non-gold day of the same story, both ways round: the
    ranker learns what orders days inside a story, not how many gold days a story has."""
    y = labels(story)
    good, bad = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    i, j = rng.choice(good, count), rng.choice(bad, count)
    diffs = features[i] - features[j]
    return np.vstack([diffs, -diffs]), np.concatenate([np.ones(count), np.zeros(count)])


def leave_one_story_out(stories: list[dict], features, pairwise: bool = False) -> list[float]:
    from sklearn.linear_model import LogisticRegression

    scores = []
    for held in range(len(stories)):
        train = [s for k, s in enumerate(stories) if k != held]
        if pairwise:
            rng = np.random.default_rng(0)
            parts = [pairs(s, features(s), rng) for s in train]
            model = LogisticRegression(max_iter=3000, fit_intercept=False).fit(
                np.vstack([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))
        else:
            model = LogisticRegression(max_iter=3000).fit(
                np.vstack([features(s) for s in train]),
                np.concatenate([labels(s) for s in train]))
        test = stories[held]
        scores.append(mean_f1(test, by_score(test, model.decision_function(features(test)))))
    return scores


def text_scores(stories: list[dict]) -> list[np.ndarray]:
    """Per held-out story, the decision values of a word model trained on the others."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    found = []
    for held in range(len(stories)):
        train = [s for k, s in enumerate(stories) if k != held]
        used = None
        for story in train:
            vectorizer = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.5)
            vectorizer.fit(story["text"])
            names = set(vectorizer.get_feature_names_out())
            used = names if used is None else used & names
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True,
                                     vocabulary=sorted(used or {"the"}))
        X = vectorizer.fit_transform([t for s in train for t in s["text"]])
        model = LogisticRegression(max_iter=3000, class_weight="balanced").fit(
            X, np.concatenate([labels(s) for s in train]))
        found.append(model.decision_function(vectorizer.transform(stories[held]["text"])))
    return found


def shipped_score(story: dict) -> np.ndarray:
    X = story["X"]
    return X[:, column("later")] + NEXT_DAY_WEIGHT * X[:, column("next_day")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="pickle of the per-day counts")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        stories = pickle.loads(args.cache.read_bytes())
    else:
        stories = [story_features(p) for p in sorted(DATA.iterdir()) if p.is_dir()]
        if args.cache:
            args.cache.write_bytes(pickle.dumps(stories))
    names = [s["name"] for s in stories]
    table: dict[str, list[float]] = {}
    table["busiest-days baseline"] = [
        float(np.mean([date_f1(b, g) for b, g in zip(s["busiest"], s["gold"], strict=True)]))
        for s in stories]
    for k, name in enumerate(COLUMNS[:-1]):
        table[f"{name} (background last)"] = [
            mean_f1(s, by_score(s, s["X"][:, k] - 1e6 * s["X"][:, -1])) for s in stories]
    table["shipped: rank_days"] = [
        mean_f1(s, rank_days(s["days"], s["references"], s["first"])) for s in stories]
    table["rank_days counting every date named (references_from_articles)"] = [
        mean_f1(s, rank_days(s["days"], s["named"], s["first"])) for s in stories]
    table["logistic regression, all counts, LOSO"] = leave_one_story_out(stories, scaled)
    table["DATEWISE features (news-tls), LOSO"] = leave_one_story_out(stories,
                                                                      datewise_features)
    table["pairwise ranker (later, next-day, next-day publications), LOSO"] = (
        leave_one_story_out(stories, core_features, pairwise=True))
    words = text_scores(stories)
    table["words of the day's reports, LOSO"] = [
        mean_f1(s, by_score(s, w - 1e6 * s["X"][:, -1])) for s, w in zip(stories, words,
                                                                           strict=True)]
    table["shipped score + words of the day's reports, LOSO"] = [
        mean_f1(s, by_score(s, shipped_score(s) + w - 1e6 * s["X"][:, -1]))
        for s, w in zip(stories, words, strict=True)]

    grid = list(itertools.product([0, 0.25, 0.5, 1], [0, 0.1, 0.25], [0, 0.05, 0.2]))

    def weighted(s: dict, w: tuple) -> list[dt.date]:
        X = s["X"]
        return by_score(s, X[:, column("later")] + w[0] * X[:, column("next_day")]
                        + w[1] * X[:, column("same_day")] + w[2] * X[:, column("burst")]
                        - 1e6 * X[:, -1])

    scores = {w: [mean_f1(s, weighted(s, w)) for s in stories] for w in grid}
    chosen = []
    for held in range(len(stories)):
        best = max(grid, key=lambda w: np.mean([v for k, v in enumerate(scores[w])
                                                if k != held]))
        chosen.append(scores[best][held])
    table["weights (next-day, same-day, burst) chosen on 3 stories, LOSO"] = chosen

    print("| day ranking | " + " | ".join(names) + " | mean |")
    print("|---|" + "---|" * (len(names) + 1))
    for label, values in table.items():
        print(f"| {label} | " + " | ".join(f"{v:.3f}" for v in values)
              + f" | {np.mean(values):.3f} |")
    print()
    for s in stories:
        shown = ", ".join(f"{got}/{wanted}" for got, wanted in s["exact"])
        print(f"{s['name']}: distinct days returned / asked (T, or every day if fewer): {shown}")
    print()
    print("| story | gold days | " + " | ".join(RECALL) + " | F1 ceiling | ties by gold |")
    print("|---|---|" + "---|" * (len(RECALL) + 2))
    for s in stories:
        best, oracle = ceilings(s)
        print(f"| {s['name']} | {sum(s['recall'].values())} | "
              + " | ".join(str(s["recall"][k]) for k in RECALL)
              + f" | {best:.3f} | {oracle:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
