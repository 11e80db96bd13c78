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
  the shipped ranking's ties by the gold (an oracle);
- Session 24 variants against the shipped count (``session24``): redundancy between chosen
  days (greedy selection discounting a day whose referring articles also refer to a chosen
  day nearby, a day next to a chosen one, a day whose reports are alike a chosen
  neighbour's; saturating per-article votes), independent sources (a wire agency's
  articles of one day, or articles with alike leads, vote once), event reports against
  passing mentions (the parse of the referring sentence: the date on the main verb, on a
  verb rather than a noun, on a past-tense main verb), and centrality (PageRank over the
  day-to-day reference graph); each grid also chosen on three stories for the fourth;
- Session 27 variants (``session27``): the quality of the references (each referring
  article's vote weighed by how much it is about the story, its whole text's or lead's
  TF-IDF cosine to the collection's centroid over the median article's, capped at 1 or
  not; the same for the referring sentence, or for a day's references together; one vote
  per group of near-copies, whole texts alike above a threshold, any days apart); where
  in the article the reference sits (discounts by sentence index, DCG or relative depth,
  and the reverse: background paragraphs over the lead); references corroborated by the
  day's own reports; and a neighbour of a chosen day keeping only the votes that do not
  retell the chosen day's sentences (an off-by-one retelling of the same event);
- how far the shipped ranking's figures move when a random tenth of the articles is left
  out (30 draws): the size of a difference the four stories can resolve.

Usage: python benchmarks/tls_dates.py [--cache FILE] [--data DIR]  (FILE keeps the per-day
counts so a second run skips the pipeline; DIR for a worktree outside the main checkout).
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
    for mention, when in counted_references(every, stated):
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
    leads = {a.id: " ".join(x.text for x in a.sentences[:LEAD]) for a in topic.articles
             if a.id in stated}
    exact = []
    for gold in topic.timelines:
        chosen = select_dated([replace(e) for e in events], len(gold), 1, references, first)
        exact.append((len({e.date.first_day for e in chosen}), min(len(gold), len(days))))
    return {"name": folder.name, "days": days, "X": np.array(rows, float),
            "D": np.array(datewise, float), "text": [" ".join(words[d]) for d in days],
            "gold": topic.timelines, "references": references, "named": named,
            "first": first, "busiest": [busiest_days(topic.articles, len(g))
                                        for g in topic.timelines], "exact": exact,
            "recall": recall, "stated": stated, "leads": leads,
            "clauses": reference_clauses(events, stated),
            "positions": reference_positions(every, stated, topic.articles),
            "texts": {a.id: " ".join(x.text for x in a.sentences) for a in topic.articles
                      if a.id in stated},
            "agreed": [(m.article_id, when, e.date.first_day) for e in events
                       if e.date.precision is Precision.DAY for m in e.mentions
                       if (when := stated.get(m.article_id)) is not None
                       and m.basis == "text" and m.date.precision is Precision.DAY]}


def counted_references(mentions: list, stated: dict):
    """(mention, its article's publication day) for each reference ``rank_days`` counts:
    a day-precise date of a sentence's text, once per sentence and date."""
    seen = set()
    for m in mentions:
        when = stated.get(m.article_id)
        key = (m.article_id, m.sentence_index, m.date)
        if (when is None or m.basis != "text" or key in seen
                or m.date.precision is not Precision.DAY):
            continue
        seen.add(key)
        yield m, when


def reference_positions(mentions: list, stated: dict, articles: list) -> list[tuple]:
    """(article, published, day, sentence index, sentences in the article, sentence) per
    reference ``references_from_mentions`` counts."""
    length = {a.id: len(a.sentences) for a in articles}
    found = []
    for m, when in counted_references(mentions, stated):
        found.append((m.article_id, when, m.date.first_day, m.sentence_index,
                      length.get(m.article_id, 1), m.sentence))
    return found


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


# Session 24: redundancy between chosen days, independent sources, event reports and
# centrality, each measured against the shipped count on the same pipeline output.

WIRE_CREDIT = re.compile(r"\(([A-Z][A-Za-z .&]{1,30})\)\s*[-—–]")  # "TRIPOLI (Reuters) -"
Votes = dict[dt.date, dict[str, float]]


def reference_clauses(events: list, stated: dict) -> list[tuple]:
    """(article, published, day, clause) per reference back (published a day or more
    after the day): clause is (date on the main verb, date on a noun, past-tense verb)
    from the parse of a sentence with a date of its own ("since the March 19 strikes"
    is a passing mention, "Troops on March 19 stormed ..." a report), None for a
    sentence that continues a dated one."""
    from dateline.events.mentions import _between_subject_and_verb, _date_attachment
    from dateline.nlp import load_pipeline

    refs, own = [], {}
    for event in events:
        for m in event.mentions:
            when = stated.get(m.article_id)
            if (when is None or m.basis != "text" or m.date.precision is not Precision.DAY
                    or (when - m.date.first_day).days < 1):
                continue
            key = None if m.supporting else (m.article_id, m.sentence_index, m.timex.start)
            refs.append((m.article_id, when, m.date.first_day, key))
            if key is not None:
                own[key] = m
    nlp = load_pipeline()
    keys = list(own)
    clause = {}
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        for key, doc in zip(keys, nlp.pipe([own[k].sentence for k in keys], batch_size=64),
                            strict=True):
            m = own[key]
            noun, verb = _date_attachment(doc, m.timex.start, m.timex.end)
            main = verb >= 0 and doc[verb].dep_ == "ROOT" and (
                not noun or _between_subject_and_verb(doc, m.timex.start, doc[verb]))
            clause[key] = (bool(main), bool(noun),
                           verb >= 0 and doc[verb].tag_ in ("VBD", "VBN"))
    return [(a, when, day, None if key is None else clause[key])
            for a, when, day, key in refs]


def votes(story: dict, key=None, references=None) -> Votes:
    """Day -> {voter: weight} as ``rank_days`` counts: a later article 1, a next-day one
    half; ``key(article, published)`` names the voter (default the article)."""
    later: dict = defaultdict(set)
    next_day: dict = defaultdict(set)
    for article, published, day in story["references"] if references is None else references:
        voter = article if key is None else key(article, published)
        gap = (published - day).days
        if gap > 1:
            later[day].add(voter)
        elif gap == 1:
            next_day[day].add(voter)
    found: Votes = defaultdict(dict)
    for day in set(later) | set(next_day):
        found[day] = dict.fromkeys(next_day[day] - later[day], NEXT_DAY_WEIGHT)
        found[day].update(dict.fromkeys(later[day], 1.0))
    return found


def background_day(story: dict, day: dt.date) -> bool:
    return day < story["first"] - dt.timedelta(days=BACKGROUND_DAYS)


def ranked(story: dict, score: dict[dt.date, float]) -> list[dt.date]:
    """Days by score, background last, earlier first on ties (as ``rank_days``)."""
    return sorted(story["days"], key=lambda d: (background_day(story, d), -score.get(d, 0), d))


def vote_totals(found: Votes, weight=None) -> dict[dt.date, float]:
    return {day: sum(w * (1 if weight is None else weight(a)) for a, w in voters.items())
            for day, voters in found.items()}


def greedy(story: dict, rescore, reach: int = 3) -> list[dt.date]:
    """Days chosen one at a time, each scored anew (``rescore(day, chosen, votes, base)``)
    once a day within ``reach`` days of it is chosen: a redundancy-aware selection."""
    found = votes(story)
    base = vote_totals(found)
    score = {d: base.get(d, 0.0) for d in story["days"]}
    remaining, chosen = set(story["days"]), []
    one = dt.timedelta(days=1)
    while remaining and len(chosen) < max(len(g) for g in story["gold"]):
        day = min(remaining, key=lambda d: (background_day(story, d), -score[d], d))
        chosen.append(day)
        remaining.discard(day)
        for k in range(-reach, reach + 1):
            if (near := day + k * one) in remaining:
                score[near] = rescore(near, set(chosen), found, base)
    return chosen


def near_chosen(day: dt.date, chosen: set, reach: int) -> list[dt.date]:
    one = dt.timedelta(days=1)
    return [day + k * one for k in range(-reach, reach + 1) if k and day + k * one in chosen]


def shared_referrers(lam: float, reach: int):
    """An article that also refers to a chosen day within ``reach`` days votes 1 - lam."""
    def rescore(day, chosen, found, base):
        near = near_chosen(day, chosen, reach)
        echo = set().union(*(found.get(c, {}).keys() for c in near)) if near else set()
        return sum(w * (1 - lam if a in echo else 1) for a, w in found.get(day, {}).items())
    return rescore


def adjacent_days(lam: float, reach: int):
    """A day within ``reach`` days of a chosen one keeps 1 - lam of its score."""
    def rescore(day, chosen, found, base):
        return base.get(day, 0.0) * (1 - lam if near_chosen(day, chosen, reach) else 1)
    return rescore


def alike_reports(story: dict, lam: float, reach: int):
    """A day whose reports are alike (TF-IDF cosine c) those of a chosen day within
    ``reach`` days keeps 1 - lam * c of its score."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        story["text"])
    row = {d: k for k, d in enumerate(story["days"])}

    def rescore(day, chosen, found, base):
        near = near_chosen(day, chosen, reach)
        if not near:
            return base.get(day, 0.0)
        alike = (matrix[[row[c] for c in near]] @ matrix[row[day]].T).toarray().max()
        return base.get(day, 0.0) * (1 - lam * float(alike))
    return rescore


def spent_votes(story: dict, gamma: float) -> list[dt.date]:
    """Saturating coverage: an article's vote is worth gamma ** (chosen days it already
    refers to), so one chronology cannot choose many days."""
    found = votes(story)
    days_of: dict[str, list[dt.date]] = defaultdict(list)
    for day, voters in found.items():
        for a in voters:
            days_of[a].append(day)
    used: Counter = Counter()
    score = {d: sum(found[d].values()) if d in found else 0.0 for d in story["days"]}
    remaining, chosen = set(story["days"]), []
    while remaining and len(chosen) < max(len(g) for g in story["gold"]):
        day = min(remaining, key=lambda d: (background_day(story, d), -score[d], d))
        chosen.append(day)
        remaining.discard(day)
        for a in found.get(day, {}):
            used[a] += 1
            for other in days_of[a]:
                if other in remaining:
                    score[other] = sum(w * gamma ** used[b] for b, w in found[other].items())
    return chosen


def wire(story: dict, article: str) -> str | None:
    """The agency of a wire credit in an article's lead ("TRIPOLI (Reuters) -")."""
    match = WIRE_CREDIT.search(story["leads"].get(article, "")[:400])
    return match.group(1).strip() if match else None


def alike_leads(story: dict, threshold: float, days: int) -> dict[str, int]:
    """Articles published within ``days`` of each other whose leads have TF-IDF cosine
    above ``threshold``, joined: one report told by several articles."""
    return similar_groups(story["leads"], threshold, lambda a, b: abs(
        (story["stated"][a] - story["stated"][b]).days) <= days)


def similar_groups(texts: dict[str, str], threshold: float, allowed=lambda a, b: True
                   ) -> dict[str, int]:
    """Ids whose texts have TF-IDF cosine above ``threshold`` (and ``allowed``), joined
    transitively: id -> group number."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from dateline.unionfind import UnionFind

    ids = sorted(texts)
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [texts[a] for a in ids])
    similar = (matrix @ matrix.T).tocoo()
    sets = UnionFind(len(ids))
    for i, j, value in zip(similar.row, similar.col, similar.data, strict=True):
        if i < j and value > threshold and allowed(ids[i], ids[j]):
            sets.union(int(i), int(j))
    return {a: sets.find(k) for k, a in enumerate(ids)}


def clause_weight(story: dict, test, other: float) -> list[dt.date]:
    """The count with an article's vote for a day worth its best reference there: 1 when
    ``test(main, noun, past)`` holds of the sentence, else ``other`` (also for a sentence
    continuing a dated one)."""
    best: dict[dt.date, dict[str, float]] = defaultdict(dict)
    for article, published, day, clause in story["clauses"]:
        w = (1.0 if (published - day).days > 1 else NEXT_DAY_WEIGHT) * (
            1.0 if clause is not None and test(*clause) else other)
        best[day][article] = max(best[day].get(article, 0.0), w)
    return ranked(story, vote_totals(best))


def pagerank(story: dict, damping: float = 0.85, teleport: str = "uniform"
             ) -> dict[dt.date, float]:
    """Centrality of days in the graph of references: an article published on day p that
    refers back to day d is an edge p -> d (weighted as ``votes``), so a day referred to
    from days that are themselves referred to ranks higher. Teleport uniform over days,
    or in proportion to the articles published each day."""
    import scipy.sparse as sp

    edges = [(story["stated"][a], day, w) for day, voters in votes(story).items()
             for a, w in voters.items()]
    nodes = sorted(set(story["days"]) | {p for p, _, _ in edges} | {d for _, d, _ in edges})
    at = {d: k for k, d in enumerate(nodes)}
    size = len(nodes)
    graph = sp.csr_matrix(([w for _, _, w in edges],
                           ([at[p] for p, _, _ in edges], [at[d] for _, d, _ in edges])),
                          shape=(size, size))
    out = np.asarray(graph.sum(axis=1)).ravel()
    if teleport == "uniform":
        jump = np.full(size, 1 / size)
    else:
        counts = Counter(p for p in story["stated"].values())
        jump = np.array([counts[d] + 1e-3 for d in nodes])
        jump /= jump.sum()
    rank = np.full(size, 1 / size)
    share = np.where(out > 0, 1 / np.maximum(out, 1e-12), 0.0)
    for _ in range(100):
        rank = damping * (graph.T @ (rank * share) + rank[out == 0].sum() * jump) + (
            1 - damping) * jump
    return {d: float(rank[at[d]]) for d in nodes}


def chosen_by_three(grid: dict[str, list[float]]) -> list[float]:
    """Leave-one-story-out: per held-out story, the grid point best on the other three."""
    found = []
    for held in range(len(next(iter(grid.values())))):
        best = max(grid, key=lambda k: np.mean([v for i, v in enumerate(grid[k]) if i != held]))
        found.append(grid[best][held])
    return found


def session24(stories: list[dict]) -> dict[str, list[float]]:
    """Mean date F1 per story of each Session 24 variant (grids: each point, and the
    point chosen on three stories for the fourth)."""
    table: dict[str, list[float]] = {}

    def each(label: str, rank) -> list[float]:
        table[label] = [mean_f1(s, rank(s)) for s in stories]
        return table[label]

    each("shipped: rank_days", lambda s: rank_days(s["days"], s["references"], s["first"]))
    families = {
        "an article also referring to a chosen day within 1-2 days votes 1 - l":
            lambda s, lam, reach: greedy(s, shared_referrers(lam, reach)),
        "a day within 1-2 days of a chosen day keeps 1 - l":
            lambda s, lam, reach: greedy(s, adjacent_days(lam, reach)),
        "a day keeps 1 - l x (TF-IDF cosine of its reports to a chosen day's within 1-2)":
            lambda s, lam, reach: greedy(s, alike_reports(s, lam, reach)),
    }
    for label, rank in families.items():
        grid = {f"l={lam}, {reach} d": each(
            f"{label}: l={lam}, within {reach} d",
            lambda s, rank=rank, lam=lam, reach=reach: rank(s, lam, reach))
                for lam in (0.25, 0.5, 1.0) for reach in (1, 2)}
        table[f"{label}: chosen on 3 stories, LOSO"] = chosen_by_three(grid)
    grid = {g: each(f"an article's vote x {g} per chosen day it already refers to",
                    lambda s, g=g: spent_votes(s, g)) for g in (0.25, 0.5, 0.75, 0.9)}
    table["the same, factor chosen on 3 stories, LOSO"] = chosen_by_three(grid)

    each("a wire agency's articles of one publication day vote once",
         lambda s: ranked(s, vote_totals(votes(
             s, lambda a, p, s=s: (wire(s, a), p) if wire(s, a) else a))))
    each("a wire agency votes once per day",
         lambda s: ranked(s, vote_totals(votes(s, lambda a, p, s=s: wire(s, a) or a))))
    for threshold in (0.3, 0.5):
        each(f"articles with alike leads (cosine > {threshold}, within a day) vote once",
             lambda s, t=threshold: one_vote_per_group(s, alike_leads(s, t, 1)))

    tests = {"the date on the main verb": lambda main, noun, past: main,
             "the date on a verb, not a noun": lambda main, noun, past: not noun,
             "the date on a past-tense main verb": lambda main, noun, past: main and past}
    for label, test in tests.items():
        grid = {o: each(f"references with {label} count 1, others {o}",
                        lambda s, test=test, o=o: clause_weight(s, test, o))
                for o in (0.0, 0.25, 0.5, 0.75)}
        table[f"references with {label}: weight chosen on 3 stories, LOSO"] = (
            chosen_by_three(grid))
    each("an article votes k (k = the days it refers back to: chronologies count more)",
         lambda s: ranked(s, vote_totals(votes(s), looking_back(s))))
    for share in (5, 25):
        each(f"articles in the story's least relevant {share}% (lead TF-IDF cosine to the "
             "collection's centroid) do not vote",
             lambda s, share=share: ranked(s, vote_totals(votes(s), on_topic(s, share))))
    each("a reference counts for its event's agreed date, not its own",
         lambda s: rank_days(s["days"], s["agreed"], s["first"]))

    for damping in (0.5, 0.85):
        for teleport in ("uniform", "publications"):
            each(f"PageRank of days over references (d = {damping}, teleport {teleport})",
                 lambda s, d=damping, t=teleport: ranked(s, pagerank(s, d, t)))
    each("shipped count, ties by PageRank (d = 0.85)", ties_by_pagerank)
    for alpha in (0.25, 1.0):
        each(f"a vote weighs (1 - a) + a x its publication day's count / mean, a = {alpha}",
             lambda s, alpha=alpha: ranked(s, katz(s, alpha)))
    return table


def looking_back(story: dict):
    """Article -> the number of days it refers back to."""
    count: Counter = Counter(a for voters in votes(story).values() for a in voters)
    return lambda article: count[article]


def on_topic(story: dict, share: float):
    """Article -> 0 for the ``share`` per cent least like the whole collection (TF-IDF
    cosine of its lead to the centroid of all leads: off-topic pages a keyword search
    brought in), else 1."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = sorted(story["leads"])
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(
        [story["leads"][a] for a in ids])
    centre = np.asarray(matrix.mean(axis=0)).ravel()
    relevance = matrix @ (centre / np.linalg.norm(centre))
    cut = np.percentile(relevance, share)
    weight = {a: float(r >= cut) for a, r in zip(ids, relevance, strict=True)}
    return lambda article: weight.get(article, 1.0)


def one_vote_per_group(story: dict, group: dict[str, int]) -> list[dt.date]:
    return ranked(story, vote_totals(votes(story, lambda a, p: group[a])))


def ties_by_pagerank(story: dict) -> list[dt.date]:
    count, centrality = vote_totals(votes(story)), pagerank(story)
    return sorted(story["days"], key=lambda d: (background_day(story, d), -count.get(d, 0),
                                                -centrality.get(d, 0), d))


def katz(story: dict, alpha: float) -> dict[dt.date, float]:
    """One step of importance flow: a vote from a day that is itself referred to weighs
    more."""
    found = votes(story)
    base = vote_totals(found)
    mean = float(np.mean(list(base.values())))
    return {d: sum(w * ((1 - alpha) + alpha * base.get(story["stated"][a], 0) / mean)
                   for a, w in voters.items()) for d, voters in found.items()}


# Session 27: the quality of the references (how much the referring article is about the
# story, one vote per group of near-copies), where in the article the reference sits, and
# references that retell a chosen neighbour day's event with an off-by-one date.

def position_votes(story: dict, weight=None, article_weight=None) -> dict[dt.date, float]:
    """The shipped count from the references with their sentence: an article's vote for a
    day is its best reference there, ``weight(index, sentences)`` (default 1) times 1 for
    a later article, ``NEXT_DAY_WEIGHT`` for a next-day one; times ``article_weight``."""
    best: dict[dt.date, dict[str, float]] = defaultdict(dict)
    for article, published, day, index, length, _ in story["positions"]:
        gap = (published - day).days
        if gap < 1:
            continue
        w = (1.0 if gap > 1 else NEXT_DAY_WEIGHT) * (
            1.0 if weight is None else weight(index, length))
        best[day][article] = max(best[day].get(article, 0.0), w)
    return vote_totals(best, article_weight)


def relevance(story: dict, part: str = "texts") -> dict[str, float]:
    """Article -> TF-IDF cosine of its text (or lead) to the centroid of the collection,
    divided by the median article's: how much it is about what the collection is about."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    source = story[part]
    ids = sorted(source)
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(
        [source[a] for a in ids])
    centre = np.asarray(matrix.mean(axis=0)).ravel()
    value = np.asarray(matrix @ (centre / np.linalg.norm(centre))).ravel()
    median = float(np.median(value)) or 1.0
    return {a: float(v) / median for a, v in zip(ids, value, strict=True)}


def sentence_relevance(story: dict) -> dict[str, float]:
    """Referring sentence -> TF-IDF cosine to the centroid of all referring sentences,
    divided by the median sentence's."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = sorted({r[5] for r in story["positions"]})
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(
        texts)
    centre = np.asarray(matrix.mean(axis=0)).ravel()
    value = np.asarray(matrix @ (centre / np.linalg.norm(centre))).ravel()
    median = float(np.median(value)) or 1.0
    return {t: float(v) / median for t, v in zip(texts, value, strict=True)}


def sentence_votes(story: dict, rel: dict[str, float]) -> dict[dt.date, float]:
    best: dict[dt.date, dict[str, float]] = defaultdict(dict)
    for article, published, day, _, _, sentence in story["positions"]:
        gap = (published - day).days
        if gap < 1:
            continue
        w = (1.0 if gap > 1 else NEXT_DAY_WEIGHT) * min(1.0, rel.get(sentence, 1.0))
        best[day][article] = max(best[day].get(article, 0.0), w)
    return vote_totals(best)


def copies(story: dict, threshold: float) -> dict[str, int]:
    """Articles whose whole texts have TF-IDF cosine above ``threshold`` (any days apart),
    joined: one report republished by several outlets or updated in place."""
    return similar_groups(story["texts"], threshold)


def group_votes(story: dict, group: dict[str, int]) -> dict[dt.date, float]:
    """One vote per group and day: the best of its articles' votes."""
    best: dict[dt.date, dict] = defaultdict(dict)
    for day, voters in votes(story).items():
        for a, w in voters.items():
            g = group.get(a, a)
            best[day][g] = max(best[day].get(g, 0.0), w)
    return vote_totals(best)


def retold(story: dict, threshold: float = 0.5) -> list[dt.date]:
    """Greedy choice: once a day is chosen, a neighbour's (one day off) vote from an
    article stands only if one of its referring sentences is not a retelling (TF-IDF
    cosine above ``threshold``) of a sentence referring to the chosen day."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    refs = [r for r in story["positions"] if (r[1] - r[2]).days >= 1]
    sentences = sorted({r[5] for r in refs})
    row = {t: k for k, t in enumerate(sentences)}
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sentences)
    of_day: dict[dt.date, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for article, _, day, _, _, sentence in refs:
        of_day[day][article].add(sentence)

    def kept(near: dt.date, day: dt.date, found: Votes) -> float:
        """``near``'s votes from articles not only retelling what refers to ``day``."""
        chosen_rows = matrix[[row[t] for t in sorted(
            {t for texts in of_day[day].values() for t in texts})]]
        total = 0.0
        for a, w in found.get(near, {}).items():
            mine = sorted(of_day[near][a])
            alike = (matrix[[row[t] for t in mine]] @ chosen_rows.T).toarray().max(axis=1)
            if (alike <= threshold).any():
                total += w
        return total

    def rescore(near: dt.date, chosen: set, found: Votes, base: dict) -> float:
        return min([base.get(near, 0.0)] + [kept(near, day, found) for day in chosen
                                            if abs((day - near).days) == 1 and of_day.get(day)])

    return greedy(story, rescore, reach=1)


def corroborated(story: dict, threshold: float) -> dict[dt.date, float]:
    """The count with a later reference standing only if its sentence is like (TF-IDF
    cosine above ``threshold``) one of the day's own reports (same-day or next-day
    references): a retelling of what the day's coverage said, not a date resolved to the
    wrong week. Days without coverage of their own keep every reference."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = sorted({r[5] for r in story["positions"]})
    row = {t: k for k, t in enumerate(texts)}
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    own: dict[dt.date, set[str]] = defaultdict(set)
    for _, published, day, _, _, sentence in story["positions"]:
        if (published - day).days in (0, 1):
            own[day].add(sentence)
    best: dict[dt.date, dict[str, float]] = defaultdict(dict)
    for article, published, day, _, _, sentence in story["positions"]:
        gap = (published - day).days
        if gap < 1:
            continue
        w = 1.0 if gap > 1 else NEXT_DAY_WEIGHT
        mine = own[day] - {sentence}
        if gap > 1 and mine:
            alike = (matrix[[row[t] for t in sorted(mine)]] @ matrix[row[sentence]].T).max()
            if alike <= threshold:
                w = 0.0
        best[day][article] = max(best[day].get(article, 0.0), w)
    return vote_totals(best)


def later_relevance_votes(story: dict, rel: dict[str, float], weight
                          ) -> dict[dt.date, float]:
    """The shipped count with only the later votes (not the next day's) times
    ``weight(relevance / median)`` of their article."""
    best: dict[dt.date, dict[str, float]] = defaultdict(dict)
    for article, published, day, _, _, _ in story["positions"]:
        gap = (published - day).days
        if gap < 1:
            continue
        w = weight(rel.get(article, 1.0)) if gap > 1 else NEXT_DAY_WEIGHT
        best[day][article] = max(best[day].get(article, 0.0), w)
    return vote_totals(best)


def day_relevance(story: dict) -> dict[dt.date, float]:
    """Day -> TF-IDF cosine of its later references' sentences, joined, to the centroid of
    every day's, divided by the median day's: a day another story's articles refer to (a
    quake in a collection on Syria) is less like the rest."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    told: dict[dt.date, list[str]] = defaultdict(list)
    for _, published, day, _, _, sentence in story["positions"]:
        if (published - day).days >= 1:
            told[day].append(sentence)
    days = sorted(told)
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(
        [" ".join(told[d]) for d in days])
    centre = np.asarray(matrix.mean(axis=0)).ravel()
    value = np.asarray(matrix @ (centre / np.linalg.norm(centre))).ravel()
    median = float(np.median(value)) or 1.0
    return {d: float(v) / median for d, v in zip(days, value, strict=True)}


def ties_by_relevance(story: dict, rel: dict[str, float]) -> list[dt.date]:
    """The shipped count, ties by the count with votes x min(1, relevance / median)."""
    base = vote_totals(votes(story))
    weighted = position_votes(story, article_weight=lambda a: min(1.0, rel.get(a, 1.0)))
    return sorted(story["days"], key=lambda d: (background_day(story, d), -base.get(d, 0),
                                                -weighted.get(d, 0), d))


EXPLICIT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
                      r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def vote_odds(story: dict, relevant: dict[str, float]) -> dict[str, dict[str, tuple]]:
    """Of the later votes (an article, a day of the story's own period), the share going
    to a gold day, by a property of the vote: (share, votes) per level."""
    gold = set().union(*story["gold"])
    refs: dict[tuple, list] = defaultdict(list)
    for article, published, day, index, _, sentence in story["positions"]:
        if (published - day).days > 1 and not background_day(story, day):
            refs[(article, day)].append((published, index, sentence))
    looking: Counter = Counter(a for a, _ in refs)
    found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for (article, day), told in refs.items():
        hit = day in gold
        gap = (told[0][0] - day).days
        k = looking[article]
        found["days looked back"][
            "2-3" if gap <= 3 else "4-7" if gap <= 7 else "8-30" if gap <= 30 else "31+"
        ].append(hit)
        found["days the article refers back to"][
            "1" if k == 1 else "2-3" if k <= 3 else "4-9" if k <= 9 else "10+"].append(hit)
        found["date written out"][
            "yes" if any(EXPLICIT.search(t) for _, _, t in told) else "no"].append(hit)
        found["voter's relevance"][
            "below median" if relevant.get(article, 1.0) < 1 else "median or above"
        ].append(hit)
        found["first reference in the lead"][
            "yes" if min(i for _, i, _ in told) < LEAD else "no"].append(hit)
    return {prop: {level: (float(np.mean(v)), len(v)) for level, v in levels.items()}
            for prop, levels in found.items()}


def session27(stories: list[dict]) -> dict[str, list[float]]:
    """Mean date F1 per story of each Session 27 variant."""
    table: dict[str, list[float]] = {}

    def each(label: str, rank) -> list[float]:
        table[label] = [mean_f1(s, rank(s)) for s in stories]
        return table[label]

    each("shipped: rank_days", lambda s: rank_days(s["days"], s["references"], s["first"]))
    each("the same from the references with their sentences (check)",
         lambda s: ranked(s, position_votes(s)))
    for part, name in (("texts", "whole text"), ("leads", "lead")):
        rel = {s["name"]: relevance(s, part) for s in stories}
        each(f"a vote x min(1, relevance / median) ({name} cosine to the centroid)",
             lambda s, rel=rel: ranked(s, position_votes(
                 s, article_weight=lambda a, r=rel[s["name"]]: min(1.0, r.get(a, 1.0)))))
        each(f"a vote x relevance / median ({name} cosine to the centroid)",
             lambda s, rel=rel: ranked(s, position_votes(
                 s, article_weight=lambda a, r=rel[s["name"]]: r.get(a, 1.0))))
    rel = {s["name"]: relevance(s) for s in stories}
    each("count, ties by the count with votes x min(1, relevance / median) (whole text)",
         lambda s: ties_by_relevance(s, rel[s["name"]]))
    later_weights = {"min(1, relevance / median)": lambda r: min(1.0, r),
                     "1/2 below the median relevance": lambda r: 1.0 if r >= 1 else 0.5,
                     "3/4 below the median relevance": lambda r: 1.0 if r >= 1 else 0.75,
                     "0 below half the median relevance": lambda r: float(r >= 0.5)}
    for label, weight in later_weights.items():
        each(f"later votes (not the next day's) x {label} (whole text)",
             lambda s, weight=weight: ranked(s, later_relevance_votes(s, rel[s["name"]],
                                                                      weight)))
    days_rel = {s["name"]: day_relevance(s) for s in stories}
    each("a day's count x min(1, its references' relevance / median day's)",
         lambda s: ranked(s, {d: v * min(1.0, days_rel[s["name"]].get(d, 1.0))
                              for d, v in vote_totals(votes(s)).items()}))
    each("days whose references' relevance is below half the median day's do not count",
         lambda s: ranked(s, {d: v * float(days_rel[s["name"]].get(d, 1.0) >= 0.5)
                              for d, v in vote_totals(votes(s)).items()}))
    sentence_rel = {s["name"]: sentence_relevance(s) for s in stories}
    each("a reference x min(1, relevance / median) (its sentence's cosine to the centroid)",
         lambda s: ranked(s, sentence_votes(s, sentence_rel[s["name"]])))
    grid = {t: each(f"near-copies (whole-text cosine > {t}, any days) vote once",
                    lambda s, t=t: ranked(s, group_votes(s, copies(s, t))))
            for t in (0.6, 0.8, 0.9)}
    table["near-copies: threshold chosen on 3 stories, LOSO"] = chosen_by_three(grid)
    each("a reference weighs 1 / log2(2 + sentence index) (DCG discount)",
         lambda s: ranked(s, position_votes(s, lambda i, n: 1 / np.log2(2 + max(i, 0)))))
    each("a reference weighs 1 - index / sentences (how far into the article)",
         lambda s: ranked(s, position_votes(s, lambda i, n: 1 - i / max(n, 1))))
    each("a reference weighs 1 / sqrt(1 + index)",
         lambda s: ranked(s, position_votes(s, lambda i, n: 1 / np.sqrt(1 + max(i, 0)))))
    each("only references outside the article's first five sentences (background)",
         lambda s: ranked(s, position_votes(s, lambda i, n: float(i >= LEAD))))
    each("references in the first five sentences weigh half (background full)",
         lambda s: ranked(s, position_votes(s, lambda i, n: 0.5 if i < LEAD else 1.0)))
    each("a reference weighs (1 + index) / sentences (deeper counts more)",
         lambda s: ranked(s, position_votes(s, lambda i, n: (1 + max(i, 0)) / max(n, 1))))
    each("a reference weighs 1/2 + index / sentences / 2",
         lambda s: ranked(s, position_votes(s, lambda i, n: 0.5 + max(i, 0) / max(n, 1) / 2)))
    grid = {t: each(f"a later reference counts only if like the day's own reports "
                    f"(cosine > {t})", lambda s, t=t: ranked(s, corroborated(s, t)))
            for t in (0.0, 0.1, 0.2)}
    table["the same, threshold chosen on 3 stories, LOSO"] = chosen_by_three(grid)
    for threshold in (0.5, 0.3):
        each(f"a neighbour of a chosen day keeps only votes not retelling it (cosine > "
             f"{threshold})", lambda s, t=threshold: retold(s, t))
    return table


def left_out(story: dict, kept: set[str]) -> dict:
    """The story with the references of ``kept`` articles only."""
    return {**story, **{k: [r for r in story[k] if r[0] in kept]
                        for k in ("references", "clauses", "agreed", "positions")}}


def subsample_spread(stories: list[dict], variants: dict, share: float = 0.1,
                     repeats: int = 30) -> dict[str, tuple[np.ndarray, np.ndarray, float]]:
    """How much of a difference the stories can resolve: per random draw leaving out
    ``share`` of the articles, the shipped ranking's date F1 per story (and the mean over
    stories, last), and each variant's difference to it on the same draw. Returns label
    -> (mean, standard deviation, share of draws where the mean over stories is higher)."""
    rng = np.random.default_rng(0)
    runs: dict[str, list[list[float]]] = defaultdict(list)
    for _ in range(repeats):
        rows: dict[str, list[float]] = defaultdict(list)
        for s in stories:
            part = left_out(s, {a for a in s["stated"] if rng.random() >= share})
            shipped = mean_f1(part, rank_days(part["days"], part["references"], part["first"]))
            rows["shipped"].append(shipped)
            for label, rank in variants.items():
                rows[label].append(mean_f1(part, rank(part)) - shipped)
        for label, row in rows.items():
            runs[label].append([*row, float(np.mean(row))])
    found = {}
    for label, values in runs.items():
        array = np.array(values)
        found[label] = (array.mean(axis=0), array.std(axis=0), float((array[:, -1] > 0).mean()))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="pickle of the per-day counts")
    parser.add_argument("--data", type=Path, default=DATA,
                        help="the Timeline17 stories (default ../shared/data/tls-t17)")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        stories = pickle.loads(args.cache.read_bytes())
    else:
        stories = [story_features(p) for p in sorted(args.data.iterdir()) if p.is_dir()]
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
    print()
    for session, variants in (("24", session24), ("27", session27)):
        print(f"Session {session} variants, against the shipped count:")
        print("| day ranking | " + " | ".join(names) + " | mean |")
        print("|---|" + "---|" * (len(names) + 1))
        for label, values in variants(stories).items():
            print(f"| {label} | " + " | ".join(f"{v:.3f}" for v in values)
                  + f" | {np.mean(values):.3f} |")
        print()
    print("Share of later votes going to a gold day, by a property of the vote "
          "(share, votes):")
    odds = {s["name"]: vote_odds(s, relevance(s)) for s in stories}
    props = list(odds[names[0]])
    print("| property | level | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for prop in props:
        levels = sorted({level for n in names for level in odds[n].get(prop, {})})
        for level in levels:
            cells = [odds[n].get(prop, {}).get(level) for n in names]
            print(f"| {prop} | {level} | " + " | ".join(
                f"{c[0]:.2f} ({c[1]})" if c else "-" for c in cells) + " |")
    print()
    print("A random tenth of the articles left out, 30 draws: the shipped ranking (mean +- "
          "sd), and each variant's difference to it on the same draw (share of draws where "
          "the mean over stories is higher):")
    print("| ranking | " + " | ".join(names) + " | mean | draws higher |")
    print("|---|" + "---|" * (len(names) + 2))
    relevant = {s["name"]: relevance(s) for s in stories}
    closest = {"a wire agency's articles of one publication day vote once": lambda s: ranked(
        s, vote_totals(votes(s, lambda a, p: (wire(s, a), p) if wire(s, a) else a))),
        "references with the date on a verb, not a noun count 1, others 0.5":
        lambda s: clause_weight(s, lambda main, noun, past: not noun, 0.5),
        "an article votes k (the days it refers back to)":
        lambda s: ranked(s, vote_totals(votes(s), looking_back(s))),
        "later votes from articles below half the median relevance do not count":
        lambda s: ranked(s, later_relevance_votes(s, relevant[s["name"]],
                                                  lambda r: float(r >= 0.5))),
        "later votes x min(1, relevance / median)":
        lambda s: ranked(s, later_relevance_votes(s, relevant[s["name"]],
                                                  lambda r: min(1.0, r)))}
    for label, (mean, spread, higher) in subsample_spread(stories, closest).items():
        print(f"| {label} | " + " | ".join(f"{m:+.3f} +- {d:.3f}" if label != "shipped"
                                           else f"{m:.3f} +- {d:.3f}"
                                           for m, d in zip(mean, spread, strict=True))
              + (" | |" if label == "shipped" else f" | {higher:.2f} |"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
