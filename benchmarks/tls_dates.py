"""Which signals choose a journalist's dates? Day ranking on Timeline17, leave-one-story-out.

For every story of ../shared/data/tls-t17 the pipeline runs once up to the events; each
day with a day-precise event gets per-day counts: distinct articles published two or more
days later that refer back to it, articles of the next day that do, articles of the same
day that name it, articles published that day, the next day and within two days (a
burst), sentences dated that day, and whether it is background (before the first
article). The script then scores day rankings by mean date F1 at T = each gold
timeline's size:

- single signals and the ranking dateline ships (``timeline.dates.rank_days``);
- a logistic regression over all counts (log-scaled, per-story maxima), trained on three
  stories and tested on the fourth, for each story in turn;
- a small weight grid over (next-day, same-day, burst) chosen on three stories, tested on
  the fourth.

The busiest-days baseline is scored in the same run. Usage: python benchmarks/tls_dates.py
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from dateline.config import Config
from dateline.eval.tls import busiest_days, date_f1, read_topic
from dateline.model import Precision
from dateline.pipeline import collect_events
from dateline.timeline.dates import BACKGROUND_DAYS, rank_days, references_from_articles

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tls-t17"
COLUMNS = ("later", "next_day", "same_day", "published", "published_next", "burst",
           "sentences", "background")


def story_features(folder: Path) -> dict:
    topic = read_topic(folder, Config(progress=False))
    events, mentions, _ = collect_events(topic.articles, Config(use_ner=False, progress=False))
    days = sorted({e.date.first_day for e in events if e.date.precision is Precision.DAY})
    references = references_from_articles(topic.articles)
    published = [a.published for a in topic.articles
                 if a.published is not None and a.duplicate_of is None]
    first = min(published)
    counts = defaultdict(lambda: defaultdict(set))
    for article, when, day in references:
        gap = (when - day).days
        name = "later" if gap > 1 else "next_day" if gap == 1 else "same_day" if gap == 0 else None
        if name:
            counts[name][day].add(article)
    per_day = defaultdict(int)
    for day in published:
        per_day[day] += 1
    sentences = defaultdict(int)
    for mention in mentions:
        if mention.date.precision is Precision.DAY and not mention.supporting:
            sentences[mention.date.first_day] += 1
    one = dt.timedelta(days=1)
    rows = []
    for day in days:
        rows.append([len(counts["later"][day]),
                     len(counts["next_day"][day] - counts["later"][day]),
                     len(counts["same_day"][day]), per_day[day], per_day[day + one],
                     sum(per_day[day + k * one] for k in range(-2, 3)), sentences[day],
                     float(day < first - dt.timedelta(days=BACKGROUND_DAYS))])
    return {"name": folder.name, "days": days, "X": np.array(rows, float),
            "gold": topic.timelines, "references": references, "first": first,
            "articles": topic.articles}


def mean_f1(story: dict, ranked: list[dt.date]) -> float:
    return float(np.mean([date_f1(dict.fromkeys(ranked[:len(g)]), g) for g in story["gold"]]))


def by_score(story: dict, score: np.ndarray) -> list[dt.date]:
    days = story["days"]
    return [days[i] for i in sorted(range(len(days)), key=lambda i: (-score[i], days[i]))]


def scaled(X: np.ndarray) -> np.ndarray:
    logs = np.log1p(X[:, :-1])
    return np.hstack([logs / np.maximum(logs.max(axis=0), 1e-9), X[:, -1:]])


def main() -> int:
    from sklearn.linear_model import LogisticRegression

    stories = [story_features(p) for p in sorted(DATA.iterdir()) if p.is_dir()]
    names = [s["name"] for s in stories]
    table: dict[str, list[float]] = {}
    table["busiest-days baseline"] = [
        float(np.mean([date_f1(busiest_days(s["articles"], len(g)), g) for g in s["gold"]]))
        for s in stories]
    for k, column in enumerate(COLUMNS[:-1]):
        table[f"{column} (background last)"] = [
            mean_f1(s, by_score(s, s["X"][:, k] - 1e6 * s["X"][:, -1])) for s in stories]
    table["shipped: rank_days"] = [
        mean_f1(s, rank_days(s["days"], s["references"], s["first"])) for s in stories]

    loo = []
    for held in range(len(stories)):
        train = [s for k, s in enumerate(stories) if k != held]
        labels = np.concatenate([[float(any(d in g for g in s["gold"])) for d in s["days"]]
                                 for s in train])
        model = LogisticRegression(max_iter=2000).fit(
            np.vstack([scaled(s["X"]) for s in train]), labels)
        test = stories[held]
        loo.append(mean_f1(test, by_score(test, model.decision_function(scaled(test["X"])))))
    table["logistic regression, leave-one-story-out"] = loo

    grid = list(itertools.product([0, 0.25, 0.5, 1], [0, 0.1, 0.25], [0, 0.05, 0.2]))

    def weighted(s: dict, w: tuple) -> list[dt.date]:
        X = s["X"]
        return by_score(s, X[:, 0] + w[0] * X[:, 1] + w[1] * X[:, 2] + w[2] * X[:, 5]
                        - 1e6 * X[:, -1])

    scores = {w: [mean_f1(s, weighted(s, w)) for s in stories] for w in grid}
    chosen = []
    for held in range(len(stories)):
        best = max(grid, key=lambda w: np.mean([v for k, v in enumerate(scores[w])
                                                if k != held]))
        chosen.append(scores[best][held])
    table["weights chosen on 3 stories (grid), held-out story"] = chosen

    print("| day ranking | " + " | ".join(names) + " | mean |")
    print("|---|" + "---|" * (len(names) + 1))
    for label, values in table.items():
        print(f"| {label} | " + " | ".join(f"{v:.3f}" for v in values)
              + f" | {np.mean(values):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
