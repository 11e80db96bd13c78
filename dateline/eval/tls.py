"""Timeline summarization on real stories, scored as the literature scores it.

Timeline17 (and the news-tls JSONL layout of it) gives per story a pile of dated
articles and one or more timelines that journalists wrote. The system receives the
articles and T, the number of dates of a gold timeline, and returns T dates with about as
many sentences per date as the gold has. Scores (tilse, news-tls):

- date F1: the system's dates against the gold dates, same day only;
- concat ROUGE-1/2 F1: all summaries of a timeline joined into one text;
- align+ m:1 ROUGE-1/2 F1: each system date is aligned to the gold date that costs least
  (closest in time, most alike in content); n-gram matches of a pair count
  ``1 / (days apart + 1)``, precision over all system n-grams, recall over all gold ones.

ROUGE is stemmed with stop words removed (rouge-score's tokenizer and Porter stemmer).
Every run also scores the trivial baseline "the T busiest publication days, each
summarised by the first sentence of one article published that day", so a figure is
never read without its reference point. Scores average over a topic's timelines, then
over topics.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.config import Config
from dateline.eval.scoring import prf
from dateline.model import Article, Warning_

DatedSummaries = dict[dt.date, list[str]]


@dataclass
class Topic:
    """One story: its articles (as read) and its gold timelines."""

    name: str
    articles: list[Article]
    timelines: list[DatedSummaries]
    warnings: list[Warning_] = field(default_factory=list)


# --------------------------------------------------------------------------- reading


def _parse_day(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_gold(path: Path) -> list[DatedSummaries]:
    """Gold timelines, one JSON line each: ``[[date, [sentence, ...]], ...]``."""
    timelines: list[DatedSummaries] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                entries = json.loads(line)
                timeline: DatedSummaries = {}
                for date, sentences in entries:
                    day = _parse_day(date)
                    if day is None:
                        raise ValueError(f"not a date: {date!r}")
                    timeline.setdefault(day, []).extend(str(s) for s in sentences)
            except (ValueError, TypeError) as error:
                raise ValueError(f"{path}: line {number}: {error}") from None
            timelines.append(timeline)
    return timelines


def _news_tls_articles(path: Path) -> list[Article]:
    """news-tls ``articles.jsonl(.gz)``: ``{"id", "time", "text" | "sentences"}`` per line."""
    opener = gzip.open if path.suffix == ".gz" else open
    articles: list[Article] = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text")
            if not text and record.get("sentences"):
                text = "\n".join(s.get("raw", "") if isinstance(s, dict) else str(s)
                                 for s in record["sentences"])
            article = Article(id=str(record.get("id", number)), path=f"{path}:{number}",
                              raw_text=text or "", title=record.get("title"))
            published = record.get("time") or record.get("published")
            article.metadata_date = published[:10] if isinstance(published, str) else None
            articles.append(article)
    return articles


def read_topic(folder: Path, config: Config) -> Topic:
    """A story in the tls-t17 layout (``articles/*.jsonl`` + ``gold/timelines.jsonl``) or
    the news-tls layout (``articles.jsonl[.gz]`` + ``timelines.jsonl``)."""
    from dateline.ingest import read_articles

    gold = next((p for p in (folder / "gold" / "timelines.jsonl", folder / "timelines.jsonl")
                 if p.exists()), None)
    if gold is None:
        raise ValueError(f"{folder}: no gold/timelines.jsonl and no timelines.jsonl")
    timelines = read_gold(gold)  # first: a broken gold fails before the articles are read
    warnings: list[Warning_] = []
    if (folder / "articles").is_dir():
        articles, warnings = read_articles([str(folder / "articles")], config)
    else:
        source = next((folder / name for name in ("articles.jsonl", "articles.jsonl.gz")
                       if (folder / name).exists()), None)
        if source is None:
            raise ValueError(f"{folder}: no articles/ folder and no articles.jsonl")
        articles = _news_tls_articles(source)
    return Topic(folder.name, articles, timelines, warnings)


def topic_folders(root: Path) -> list[Path]:
    """The story folders under ``root`` (or ``root`` itself when it is one story)."""
    def is_topic(path: Path) -> bool:
        return ((path / "gold" / "timelines.jsonl").exists()
                or (path / "timelines.jsonl").exists())

    if is_topic(root):
        return [root]
    return sorted(p for p in root.iterdir() if p.is_dir() and is_topic(p))


# --------------------------------------------------------------------------- scoring


class Rouge:
    """Stemmed, stop-word-free n-gram counts, as tilse and news-tls score timelines."""

    def __init__(self) -> None:
        from rouge_score.tokenizers import DefaultTokenizer
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        self._tokenizer = DefaultTokenizer(use_stemmer=True)
        self._stop = ENGLISH_STOP_WORDS
        self._cache: dict[str, list[str]] = {}

    def tokens(self, text: str) -> list[str]:
        if text not in self._cache:
            words = [w for w in text.lower().split() if w.strip(".,;:!?\"'()") not in self._stop]
            self._cache[text] = self._tokenizer.tokenize(" ".join(words))
        return self._cache[text]

    def ngrams(self, sentences: list[str], n: int) -> Counter:
        counts: Counter = Counter()
        for sentence in sentences:
            words = self.tokens(sentence)
            counts.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
        return counts


def date_f1(system: DatedSummaries, gold: DatedSummaries) -> float:
    """F1 of the system's dates against the gold dates, same day only."""
    hits = len(set(system) & set(gold))
    return prf(hits, len(system), len(gold))[2]


def concat_rouge(system: DatedSummaries, gold: DatedSummaries, rouge: Rouge, n: int) -> float:
    """ROUGE-n F1 of all system summaries joined against all gold summaries joined."""
    ours = rouge.ngrams([s for d in sorted(system) for s in system[d]], n)
    theirs = rouge.ngrams([s for d in sorted(gold) for s in gold[d]], n)
    return prf(sum((ours & theirs).values()), sum(ours.values()), sum(theirs.values()))[2]


def align_rouge(system: DatedSummaries, gold: DatedSummaries, rouge: Rouge, n: int) -> float:
    """align+ m:1 ROUGE-n F1: each system date matched to its least costly gold date.

    The cost of a pair grows with the days between them and falls with their unigram
    overlap (``(1 - overlap) * (1 - 1 / (days + 1))``-like, as tilse's date-content cost);
    matched n-grams count ``1 / (days + 1)``. Many system dates may share a gold date.
    """
    if not system or not gold:
        return 0.0
    gold_days = sorted(gold)
    gold_grams = {d: rouge.ngrams(gold[d], n) for d in gold_days}
    gold_words = {d: rouge.ngrams(gold[d], 1) for d in gold_days}
    match = 0.0
    system_total = 0
    for day in sorted(system):
        grams = rouge.ngrams(system[day], n)
        words = rouge.ngrams(system[day], 1)
        system_total += sum(grams.values())

        def cost(other: dt.date, day: dt.date = day, words: Counter = words) -> float:
            weight = 1.0 / (abs((day - other).days) + 1)
            overlap = prf(sum((words & gold_words[other]).values()), sum(words.values()),
                          sum(gold_words[other].values()))[2]
            return 1.0 - weight * (0.5 + 0.5 * overlap)

        best = min(gold_days, key=cost)
        weight = 1.0 / (abs((day - best).days) + 1)
        match += weight * sum((grams & gold_grams[best]).values())
    gold_total = sum(sum(g.values()) for g in gold_grams.values())
    return prf(match, system_total, gold_total)[2]


METRICS = ("date_f1", "concat_r1", "concat_r2", "align_r1", "align_r2")


def score_timeline(system: DatedSummaries, gold: DatedSummaries, rouge: Rouge
                   ) -> dict[str, float]:
    return {"date_f1": date_f1(system, gold),
            "concat_r1": concat_rouge(system, gold, rouge, 1),
            "concat_r2": concat_rouge(system, gold, rouge, 2),
            "align_r1": align_rouge(system, gold, rouge, 1),
            "align_r2": align_rouge(system, gold, rouge, 2)}


# --------------------------------------------------------------------------- systems


def busiest_days(articles: list[Article], dates: int) -> DatedSummaries:
    """The baseline: the ``dates`` days with most articles published, each summarised by
    the first sentence of the first such article (in reading order; a wire dateline,
    "ATHENS, March 11 (Reuters) -", is not a sentence)."""
    from dateline.clean.sentences import is_wire_dateline, split_sentences

    by_day: dict[dt.date, list[Article]] = defaultdict(list)
    for article in articles:
        if article.published is not None:
            by_day[article.published].append(article)
    ranked = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:dates]
    timeline: DatedSummaries = {}
    for day in ranked:
        first = by_day[day][0]
        sentences = [s for s in first.sentences or split_sentences(first.text or first.raw_text)
                     if not is_wire_dateline(s.text)]
        timeline[day] = [sentences[0].text] if sentences else []
    return timeline


def sentences_per_date(gold: DatedSummaries) -> int:
    """How many sentences the system may give each date: the gold's mean, rounded."""
    return max(1, round(sum(len(s) for s in gold.values()) / max(1, len(gold))))


System = Callable[[Topic, int, int], DatedSummaries]


@dataclass
class TopicScores:
    name: str
    timelines: list[dict[str, dict[str, float]]]  # per timeline: system -> metric -> value

    def mean(self, system: str) -> dict[str, float]:
        return {m: sum(t[system][m] for t in self.timelines) / len(self.timelines)
                for m in METRICS}


def evaluate_topic(topic: Topic, systems: dict[str, System], rouge: Rouge) -> TopicScores:
    """Every system on every gold timeline of one story."""
    rows = []
    for gold in topic.timelines:
        dates, per_date = len(gold), sentences_per_date(gold)
        rows.append({name: score_timeline(run(topic, dates, per_date), gold, rouge)
                     for name, run in systems.items()})
    return TopicScores(topic.name, rows)


def mean_over_topics(scores: list[TopicScores], system: str) -> dict[str, float]:
    means = [s.mean(system) for s in scores]
    return {m: sum(x[m] for x in means) / len(means) for m in METRICS} if means else {}


def format_tls(scores: list[TopicScores], systems: list[str]) -> str:
    """Per timeline, per topic and the mean over topics; one row per system."""
    header = f"{'':22} {'date F1':>8} {'cR1':>7} {'cR2':>7} {'aR1':>7} {'aR2':>7}"
    lines = [header]

    def row(label: str, values: dict[str, float]) -> str:
        return f"{label:22} " + " ".join(
            f"{values[m]:{8 if m == 'date_f1' else 7}.3f}" for m in METRICS)

    for topic in scores:
        for number, timeline in enumerate(topic.timelines, 1):
            for system in systems:
                lines.append(row(f"{topic.name}#{number} {system}"[:22], timeline[system]))
        for system in systems:
            lines.append(row(f"{topic.name} mean {system}"[:22], topic.mean(system)))
    lines.append("mean over topics (each topic's timelines averaged first)")
    means = {system: mean_over_topics(scores, system) for system in systems}
    for system in systems:
        lines.append(row(f"ALL {system}"[:22], means[system]))
    if "baseline" in systems:
        for system in systems:
            if system == "baseline":
                continue
            ratios = ", ".join(
                f"{m} {means[system][m] / means['baseline'][m]:.2f}x"
                for m in METRICS if means["baseline"][m] > 0)
            lines.append(f"{system} / baseline: {ratios}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the run


def _by_day(events: list) -> DatedSummaries:
    timeline: DatedSummaries = {}
    for event in events:
        timeline.setdefault(event.date.first_day, []).append(event.summary)
    return timeline


def dateline_systems(topic: Topic) -> dict[str, System]:
    """dateline on one story, the stages before selection run once for all timelines:
    ``dateline`` asks for T dates and K sentences a date (``--dates T --per-date K``),
    ``max-events`` for T events (``--max-events T``, the closest option before)."""
    from dataclasses import replace

    from dateline.pipeline import choose_events, collect_events
    from dateline.timeline.build import select_events

    config = Config(max_events=10**9, use_ner=False, progress=False)
    events, _, _ = collect_events(topic.articles, config, topic.warnings)

    def fresh() -> list:  # selection rewrites summaries and ids: each run gets copies
        return [replace(event) for event in events]

    def by_dates(_: Topic, dates: int, per_date: int) -> DatedSummaries:
        chosen = choose_events(fresh(), topic.articles,
                               Config(dates=dates, per_date=per_date))
        return _by_day(chosen)

    def by_count(_: Topic, dates: int, per_date: int) -> DatedSummaries:
        return _by_day(select_events(fresh(), dates))

    def baseline(_: Topic, dates: int, per_date: int) -> DatedSummaries:
        return busiest_days(topic.articles, dates)

    return {"dateline": by_dates, "baseline": baseline, "max-events": by_count}


def evaluate_tls(root: Path) -> tuple[list[TopicScores], list[str], list[str]]:
    """Every story under ``root``: scores per story, the systems' names, and one line per
    story that could not be read (the others still run)."""
    rouge = Rouge()
    scores: list[TopicScores] = []
    problems: list[str] = []
    names: list[str] = []
    for folder in topic_folders(root):
        try:
            topic = read_topic(folder, Config(progress=False))
        except (OSError, ValueError) as error:
            problems.append(f"{folder}: skipped ({error})")
            continue
        if not topic.articles or not topic.timelines:
            problems.append(f"{folder}: skipped (no articles or no gold timeline)")
            continue
        systems = dateline_systems(topic)
        names = list(systems)
        problems.extend(str(w) for w in topic.warnings)
        scores.append(evaluate_topic(topic, systems, rouge))
    return scores, names, problems


def scores_json(scores: list[TopicScores], systems: list[str]) -> dict:
    return {"topics": {s.name: {"timelines": s.timelines,
                                "mean": {n: s.mean(n) for n in systems}} for s in scores},
            "mean": {n: mean_over_topics(scores, n) for n in systems}}
