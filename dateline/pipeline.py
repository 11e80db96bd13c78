"""The orchestrator: runs the stages in order over the shared document model.

Each stage is a plain function from ``dateline``'s sub-packages; this module only
sequences them, reports progress, and keeps one failing article from stopping the run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial

from dateline.clean.duplicates import Fingerprint, fingerprint, mark_duplicates
from dateline.clean.linemodel import LineModel
from dateline.clean.linemodel import load as load_line_model
from dateline.clean.noise import (
    ArticleLineStats,
    clean_article,
    clear_line_caches,
    collection_stats,
)
from dateline.clean.sentences import split_sentences
from dateline.config import Config
from dateline.dating.inference import (
    Tagging,
    anchor_date,
    infer_publication_dates,
    tag_for_inference,
)
from dateline.dating.pubdate import date_article, site_date_orders
from dateline.dating.timex import tag
from dateline.engine import LOCAL, Engine, open_engine
from dateline.events.grouping import group_mentions, place_undated
from dateline.events.mentions import (
    ReportPlan,
    SentenceParses,
    UndatedItem,
    extract_mentions,
    parses_wanted,
    plan_reports,
)
from dateline.events.similarity import GroupingParams, joined_terms
from dateline.ingest import read_articles, read_records
from dateline.model import Article, Event, Mention, Sentence, Timeline, Timex, Warning_
from dateline.timeline.build import (
    default_max_events,
    describe_events,
    event_of,
    select_events,
    sketch_events,
)
from dateline.timeline.dates import references_from_mentions, select_dated
from dateline.timeline.query import filter_events

StageReporter = Callable[[str, int], None]  # (stage, how many items it works on)
CLUSTER_SHARE = 0.125  # making one event as a share of an article's work, for chunking


@contextmanager
def _progress_bar(total: int, description: str, enabled: bool
                  ) -> Iterator[Callable[[int], None]]:
    """A callback that advances a progress bar by n articles (a no-op off a terminal)."""
    if not enabled or not sys.stderr.isatty():
        yield lambda n: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=description, unit="article", leave=False) as bar:
        yield bar.update


def annotate_article(article: Article, tagged: tuple[str, list[Timex]] | None = None
                     ) -> None:
    """Split the cleaned body into sentences and attach the temporal expressions.

    ``tagged``: a text and its expressions tagged without an anchor date (as date
    inference tags an undated article); they are used instead of tagging the text again
    when that text is the article's and the article still has no anchor date, and are
    consumed (offsets moved).
    """
    article.sentences = split_sentences(article.text)
    anchor = anchor_date(article)
    if tagged is not None and anchor is None and tagged[0] == article.text:
        timexes = tagged[1]
    else:
        timexes = tag(article.text, anchor)
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


Tagged = dict[str, tuple[str, list[Timex]]]  # article id -> (text, its expressions)


# What cleaning and stated dating set on an article: all a worker sends back of it.
PREPARED_FIELDS = ("text", "title", "captions", "removed", "published", "published_source",
                   "published_confidence", "published_evidence")


def prepare_chunk(items: list[tuple[Article, ArticleLineStats, str | None]],
                  line_model: LineModel | None = None
                  ) -> list[tuple[tuple, Fingerprint, Tagging | None]]:
    """Clean and date (stated dates) each article of a chunk, given its share of the
    collection's line statistics and its site's date order; return only the fields
    these steps set (body, title, captions, removed lines, publication date and its
    provenance), the cleaned text's duplicate fingerprint and, for an article without a
    stated date, its text tagged for inference: the map task of preparing articles."""
    results: list[tuple[tuple, Fingerprint, Tagging | None]] = []
    for article, line_stats, order in items:
        clean_article(article, 0, line_stats, line_model)
        date_article(article, order)
        results.append((tuple(getattr(article, name) for name in PREPARED_FIELDS),
                        fingerprint(article.text), tag_for_inference(article)))
    return results


def prepare_articles(articles: list[Article], config: Config, engine: Engine = LOCAL,
                     line_stats: list[ArticleLineStats] | None = None) -> Tagged:
    """Clean, date (stated, then inferred) and mark duplicates: everything per article
    that comes before sentences. The collection-wide steps (line statistics, site date
    orders, inference, the duplicates' LSH) run here; cleaning, dating and the
    duplicate fingerprint of each article run where ``engine`` says. Returns the
    expressions date inference tagged in undated articles' texts, for ``extract_all``
    to reuse. ``line_stats``: each article's share of the line statistics of a larger
    collection the articles belong to (a store's), instead of theirs alone."""
    if line_stats is None:
        stats = collection_stats(articles)
        line_stats = [stats.of_article(index, article.raw_text)
                      for index, article in enumerate(articles)]
        del stats
    orders = site_date_orders(articles)
    items = list(zip(articles, line_stats, orders, strict=True))
    results = engine.map_chunks(prepare_chunk, items, line_model=load_line_model())
    clear_line_caches()  # what they share between pages would live through every later stage
    for article, (fields, _, _) in zip(articles, results, strict=True):
        for name, value in zip(PREPARED_FIELDS, fields, strict=True):
            setattr(article, name, value)
    # changes dates only, never a text
    tagged = infer_publication_dates(articles, [tagging for _, _, tagging in results])
    mark_duplicates(articles, config.near_duplicate_threshold,
                    [print_ for _, print_, _ in results])
    return tagged


def _planned(article: Article, tagged: tuple[str, list[Timex]] | None
             ) -> ReportPlan | None | Exception:
    """An article's sentences and temporal expressions (``tagged`` as for
    ``annotate_article``) and its explicit mentions by sentence, or None for a duplicate
    (it gets its sentences but reports nothing: its original does), or the error that
    stopped them."""
    try:
        annotate_article(article, tagged)
        return None if article.duplicate_of is not None else plan_reports(article)
    except Exception as error:  # one broken article must not stop the run
        return error


# sentences, mentions, undated items, the error (or None), and each mention's grouping
# terms (``joined_terms``) when they were asked for (else an empty list)
ExtractResult = tuple[list[Sentence], list[Mention], list[UndatedItem], str | None,
                      list[str]]


def extract_chunk(articles: list[Article], nlp=None, load_model: bool = False,
                  tagged: Tagged | None = None, with_terms: bool = False
                  ) -> list[ExtractResult]:
    """Sentences, temporal expressions and event mentions of a chunk of articles,
    returning only what later stages read (the
    sentences, mentions and undated items, or the error), never the articles themselves:
    this is the map task a Dask worker runs. A worker loads the spaCy model once itself
    (``load_model``) instead of receiving it with every task. ``tagged``: expressions
    already tagged, by article id (see ``prepare_articles``). ``with_terms``: each
    mention's ``joined_terms`` too, so grouping's analyzer runs here, per article, and
    the collection-wide step only counts them."""
    if load_model:
        from dateline.nlp import process_pipeline

        nlp = process_pipeline()
    # The sentences the chunk's articles parse are parsed in one batch, before any is
    # read: the model costs about twice as much run on one sentence at a time.
    plans = [_planned(article, (tagged or {}).get(article.id)) for article in articles]
    parses = SentenceParses(nlp) if nlp is not None else None
    if parses is not None:
        parses.prefetch(text for article, plan in zip(articles, plans, strict=True)
                        if isinstance(plan, ReportPlan)
                        for text in parses_wanted(article, plan))
    results: list[ExtractResult] = []
    for article, plan in zip(articles, plans, strict=True):
        try:
            if isinstance(plan, Exception):
                raise plan
            found, unresolved = (extract_mentions(article, nlp, parses, plan)
                                 if plan is not None else ([], []))
            terms = [joined_terms(m) for m in found] if with_terms else []
            results.append((article.sentences, found, unresolved, None, terms))
        except Exception as error:  # one broken article must not stop the run
            results.append(([], [], [], repr(error), []))
    return results


def _for_extraction(article: Article) -> Article:
    """What a worker reads of an article to extract its mentions: its cleaned body, title
    and publication date, without the raw page and its removed lines, which would be
    shipped (and held by the local scheduler until the task runs) for nothing."""
    return replace(article, raw_text="", removed=[], captions=[], published_evidence=[],
                   sentences=[])


def extract_all(articles: list[Article], warnings: list[Warning_], progress: bool = False,
                nlp=None, engine: Engine = LOCAL, tagged: Tagged | None = None,
                terms: list[str] | None = None
                ) -> tuple[list[Mention], list[UndatedItem]]:
    """Sentences, temporal expressions and event mentions of every article; one broken
    article is reported and skipped, never stops the rest. ``nlp`` (optional) parses
    sentences that give several dates, to keep the main clause's; ``engine`` says where
    the work runs; ``tagged`` (from ``prepare_articles``) spares tagging those texts
    again in this process (workers of a cluster tag them themselves: the expressions
    are not shipped with the tasks). ``terms``: a list to receive each returned
    mention's grouping terms (``joined_terms``), computed where the mentions are."""
    with_terms = terms is not None
    if engine.distributed:
        task = partial(extract_chunk, load_model=nlp is not None, with_terms=with_terms)
        sent = [_for_extraction(article) for article in articles]
    else:
        task = partial(extract_chunk, nlp=nlp, tagged=tagged, with_terms=with_terms)
        sent = articles
    mentions: list[Mention] = []
    undated: list[UndatedItem] = []
    with _progress_bar(len(articles), "dating", progress) as advance:
        results = engine.map_chunks(task, sent, advance)
    del sent
    for article, (sentences, found, unresolved, error, found_terms) in zip(
            articles, results, strict=True):
        article.sentences = sentences
        if error is not None:
            warnings.append(Warning_(article.path, f"skipped: internal error ({error})"))
            continue
        mentions.extend(found)
        undated.extend(unresolved)
        if terms is not None:
            terms.extend(found_terms)
    return mentions, undated


def load_nlp(config: Config, nlp_loader: Callable | None = None):
    """The spaCy pipeline when the configuration uses it, else None."""
    if not config.use_ner:
        return None
    if nlp_loader is None:
        from dateline.nlp import load_pipeline as nlp_loader
    return nlp_loader()


def collect_events(articles: list[Article], config: Config,
                   warnings: list[Warning_] | None = None,
                   on_stage: StageReporter | None = None, nlp=None,
                   engine: Engine = LOCAL
                   ) -> tuple[list[Event], list[Mention], list[UndatedItem]]:
    """Every event of the collection, before the query filter and any selection;
    ``on_stage`` is told when each stage (cleaning, dating, grouping) starts; ``nlp``
    (optional) parses sentences that give several dates, to keep the main clause's."""
    warnings = warnings if warnings is not None else []
    report = on_stage or (lambda stage, count: None)
    report("cleaning", len(articles))
    tagged = prepare_articles(articles, config, engine)
    report("dating", len(articles))
    params = GroupingParams(threshold=config.similarity_threshold,
                            tolerance_days=config.date_tolerance_days,
                            similarity=config.similarity)
    terms: list[str] | None = [] if params.similarity == "lexical" else None
    mentions, undated = extract_all(articles, warnings, config.progress, nlp, engine, tagged,
                                    terms)
    report("grouping", len(mentions))
    clusters = group_mentions(mentions, params, terms=terms, mapper=engine)
    del terms  # counted into the fitted vectors
    joined, undated = place_undated(clusters, undated, articles)
    mentions = mentions + joined
    sketches = engine.map_chunks(sketch_events, clusters, per_item=CLUSTER_SHARE)
    events = [event for cluster, sketch in zip(clusters, sketches, strict=True)
              if (event := event_of(cluster, sketch)) is not None]
    return events, mentions, undated


def choose_events(events: list[Event], articles: list[Article], config: Config) -> list[Event]:
    """The events a reader sees: ``dates`` distinct days (``per_date`` events each) when
    asked, else the best-supported ``max_events`` (at most ``per_date`` a day if set)."""
    if config.dates:
        published = [a.published for a in articles
                     if a.published is not None and a.duplicate_of is None]
        stated = {a.id: a.published for a in articles
                  if a.duplicate_of is None and a.published_source != "inferred"}
        references = references_from_mentions((m for e in events for m in e.mentions), stated)
        return select_dated(events, config.dates, config.per_date or 1, references,
                            min(published) if published else None)
    limit = config.max_events or default_max_events(len(articles))
    return select_events(events, limit, config.per_date)


def process_articles(articles: list[Article], config: Config,
                     warnings: list[Warning_] | None = None,
                     nlp_loader: Callable | None = None,
                     on_stage: StageReporter | None = None, engine: Engine = LOCAL
                     ) -> Timeline:
    """Run every stage after ingestion and return the timeline; ``on_stage`` is told
    when each stage (cleaning, dating, grouping, describing) starts; ``engine`` says
    where the per-article work runs (this process by default)."""
    warnings = warnings if warnings is not None else []
    report = on_stage or (lambda stage, count: None)
    nlp = load_nlp(config, nlp_loader)
    events, mentions, undated = collect_events(articles, config, warnings, on_stage, nlp,
                                               engine)
    if config.query:
        # The query reads described events (an entity counts when it is a participant or
        # a quoted speaker, as in the store), so every event is described first, with
        # the names and quote placement of the whole collection, as the store has them.
        report("describing", len(events))
        describe_events(events, nlp, articles, engine=engine)
        events = filter_events(events, config.query)
        selected = choose_events(events, articles, config)
    else:
        selected = choose_events(events, articles, config)
        if selected:
            report("describing", len(selected))
            describe_events(selected, nlp, articles, engine=engine)

    return Timeline(articles=articles, events=selected,
                    undated=undated_records(articles, mentions, undated), warnings=warnings,
                    total_events=len(events))


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


def build_timeline(inputs: str | os.PathLike | list, config: Config | None = None) -> Timeline:
    """Read ``inputs`` (a path or a list of files, folders, globs, http(s) URLs) and build
    their timeline. A single string is one input, never a sequence of characters."""
    config = config or Config()
    articles, warnings = read_articles(inputs, config)
    with open_engine(config.workers, config.scheduler) as engine:
        return process_articles(articles, config, warnings, engine=engine)


def build_timeline_from_records(records: list[dict], config: Config | None = None) -> Timeline:
    """The timeline of in-memory articles: dicts with ``text`` and optionally ``title``,
    ``published``, ``url``, ``source`` and ``id`` (the fields of a JSONL input line)."""
    config = config or Config()
    articles, warnings = read_records(records, config)
    with open_engine(config.workers, config.scheduler) as engine:
        return process_articles(articles, config, warnings, engine=engine)
