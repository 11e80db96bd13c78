"""The orchestrator: runs the stages in order over the shared document model.

Each stage is a plain function from ``dateline``'s sub-packages; this module only
sequences them, reports progress, and keeps one failing article from stopping the run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from dateline.clean import clean_articles
from dateline.clean.duplicates import mark_duplicates
from dateline.clean.sentences import split_sentences
from dateline.config import Config
from dateline.dating.inference import anchor_date, infer_publication_dates
from dateline.dating.pubdate import date_articles
from dateline.dating.timex import tag
from dateline.events.grouping import GroupingParams, group_mentions, place_undated
from dateline.events.mentions import UndatedItem, extract_mentions
from dateline.ingest import read_articles
from dateline.model import Article, Mention, Timeline, Warning_
from dateline.timeline.build import (
    default_max_events,
    describe_events,
    make_event,
    select_events,
)
from dateline.timeline.query import filter_events

T = TypeVar("T")


def _progress(items: Iterable[T], description: str, enabled: bool,
              total: int | None = None) -> Iterator[T]:
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=description, total=total, unit="article", leave=False)


def annotate_article(article: Article) -> None:
    """Split the cleaned body into sentences and attach the temporal expressions."""
    article.sentences = split_sentences(article.text)
    timexes = tag(article.text, anchor_date(article))
    position = 0
    for sentence in article.sentences:
        while position < len(timexes) and timexes[position].start < sentence.start:
            position += 1  # expressions straddling a sentence break are dropped
        while position < len(timexes) and timexes[position].end <= sentence.end:
            timex = timexes[position]
            timex.start -= sentence.start
            timex.end -= sentence.start
            sentence.timexes.append(timex)
            position += 1


def prepare_articles(articles: list[Article], config: Config) -> None:
    """Clean, date (stated, then inferred) and mark duplicates: everything per article
    that comes before sentences."""
    clean_articles(articles)
    date_articles(articles)
    infer_publication_dates(articles)
    mark_duplicates(articles, config.near_duplicate_threshold)


def extract_all(articles: list[Article], warnings: list[Warning_], progress: bool = False,
                nlp=None) -> tuple[list[Mention], list[UndatedItem]]:
    """Sentences, temporal expressions and event mentions of every article; one broken
    article is reported and skipped, never stops the rest. ``nlp`` (optional) parses
    sentences that give several dates, to keep the main clause's."""
    mentions: list[Mention] = []
    undated: list[UndatedItem] = []
    for article in _progress(articles, "dating", progress, len(articles)):
        try:
            annotate_article(article)
            if article.duplicate_of is None:
                found, unresolved = extract_mentions(article, nlp)
                mentions.extend(found)
                undated.extend(unresolved)
        except Exception as error:  # one broken article must not stop the run
            warnings.append(Warning_(article.path, f"skipped: internal error ({error!r})"))
            article.sentences = []
    return mentions, undated


def process_articles(articles: list[Article], config: Config,
                     warnings: list[Warning_] | None = None,
                     nlp_loader: Callable | None = None) -> Timeline:
    """Run every stage after ingestion and return the timeline."""
    warnings = warnings if warnings is not None else []
    prepare_articles(articles, config)
    nlp = None
    if config.use_ner:
        if nlp_loader is None:
            from dateline.nlp import load_pipeline as nlp_loader
        nlp = nlp_loader()
    mentions, undated = extract_all(articles, warnings, config.progress, nlp)

    params = GroupingParams(threshold=config.similarity_threshold,
                            tolerance_days=config.date_tolerance_days,
                            similarity=config.similarity)
    clusters = group_mentions(mentions, params)
    joined, undated = place_undated(clusters, undated, articles)
    mentions = mentions + joined
    events = [event for cluster in clusters if (event := make_event(cluster)) is not None]
    if config.query:
        events = filter_events(events, config.query)
    limit = config.max_events or default_max_events(len(articles))
    selected = select_events(events, limit)
    if selected:
        describe_events(selected, nlp, articles)

    return Timeline(articles=articles, events=selected,
                    undated=undated_records(articles, mentions, undated), warnings=warnings)


def undated_records(articles: list[Article], mentions: list[Mention],
                    undated: list[UndatedItem]) -> list[dict]:
    """What could not be dated: one entry per sentence (naming each unresolved
    expression), and one per article with neither a publication date nor a dated event."""
    records: list[dict] = []
    by_sentence: dict[tuple[str, str], dict] = {}
    for item in undated:
        key = (item.article_id, item.sentence)
        if key in by_sentence:
            by_sentence[key]["expression"] += f", {item.expression}"
        else:
            by_sentence[key] = item.to_dict()
            records.append(by_sentence[key])
    with_events = {m.article_id for m in mentions}
    for article in articles:
        if (article.published is None and article.duplicate_of is None
                and article.id not in with_events):
            records.append({"article": article.id, "sentence": None, "expression": None,
                            "reason": "no publication date and no dated event"})
    return records


def build_timeline(inputs: list[str], config: Config | None = None) -> Timeline:
    """Read ``inputs`` (files, directories, globs) and build their timeline."""
    config = config or Config()
    articles, warnings = read_articles(inputs, config)
    return process_articles(articles, config, warnings)
