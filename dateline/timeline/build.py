"""From clusters of mentions to the ranked, dated list of events a reader sees."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import partial
from typing import Any, Protocol

from dateline.events.claims import attach_claims
from dateline.events.grouping import resolve_date
from dateline.events.mentions import attach_entities, entities_of
from dateline.events.names import NameIndex
from dateline.events.quotes import find_quotes_of, place_quotes, quote_sources
from dateline.events.roles import event_roles, parse_sentences
from dateline.model import Article, Entity, Event, FuzzyDate, Mention, Source
from dateline.nlp import entities_only
from dateline.timeline.summaries import participants_and_location, representative
from dateline.timeline.titles import attribute_quoted, title_by_patterns, title_from_parse


def default_max_events(article_count: int) -> int:
    """Small piles keep every event; large ones keep a readable number, growing slowly."""
    return max(40, round(12 * math.sqrt(article_count)))


# date, date conflicts, title, summary, score
EventSketch = tuple[FuzzyDate, list[dict], str, str, float]


def sketch_events(clusters: list[list[Mention]]) -> list[EventSketch | None]:
    """What ``make_event`` decides of each cluster (date, conflicts, title, summary,
    score), without the mentions: the map task that makes events."""
    sketches: list[EventSketch | None] = []
    for mentions in clusters:
        stated = [m for m in mentions if not m.supporting]
        if not stated:
            sketches.append(None)
            continue
        date, conflicts = resolve_date(stated)
        # Summaries come from sources that state the chosen date, so text and date agree.
        agreeing = [m for m in stated if m.date == date] or stated
        best = representative(agreeing)
        articles = {m.article_id for m in mentions}
        score = (len(articles) + 0.1 * len(stated)
                 + 0.3 * any(m.sentence_index < 3 for m in stated)
                 + 0.2 * (2 - date.precision.rank))
        sketches.append((date, conflicts, title_by_patterns(best), best.sentence,
                         round(score, 3)))
    return sketches


def event_of(mentions: list[Mention], sketch: EventSketch | None) -> Event | None:
    """The event of a cluster from its sketch (None: no event, see ``make_event``)."""
    if sketch is None:
        return None
    date, conflicts, title, summary, score = sketch
    return Event(id="", date=date, title=title, summary=summary, mentions=mentions,
                 sources=Source.of_mentions(mentions), score=score, date_conflicts=conflicts)


def make_event(mentions: list[Mention]) -> Event | None:
    """One event from a cluster: date by majority, summary and title from a source.

    None when no sentence of the cluster reports the event with a date of its own:
    supporting sentences (continuations of a dated sentence, "since last autumn") add
    sources to an event but never make one alone.
    """
    return event_of(mentions, sketch_events([mentions])[0])


def select_events(events: list[Event], max_events: int, per_date: int | None = None
                  ) -> list[Event]:
    """Keep the best-supported events (at most ``per_date`` on one date when given), then
    order them by date and number them."""
    ranked = sorted(events, key=lambda e: -e.score)
    if per_date:
        on_date: Counter = Counter()
        capped = []
        for event in ranked:
            on_date[event.date] += 1
            if on_date[event.date] <= per_date:
                capped.append(event)
        ranked = capped
    kept = ranked[:max_events]
    kept.sort(key=lambda e: (e.date.first_day, e.date.precision.rank, -e.score))
    for number, event in enumerate(kept, 1):
        event.id = f"e{number}"
    return kept


PARSED_PER_EVENT = 10  # sentences per event whose parse gives who and where


def sentences_to_parse(events: list[Event]) -> list[str]:
    """Each event's summary and its first sentences: a day with hundreds of reports names
    its participants in the first few dozen as well as in all of them, and the parse is
    the slowest step (the other sentences get entities only)."""
    chosen: list[str] = []
    for event in events:
        # stated sentences first, each article's in reading order: the same choice however
        # the event's mentions were put together (a store reads them back from rows)
        ordered = sorted(event.mentions, key=lambda m: (m.inherited, m.article_id,
                                                        m.sentence_index))
        own = dict.fromkeys([event.summary] + [m.sentence for m in ordered])
        chosen.extend(list(own)[:PARSED_PER_EVENT])
    return chosen


def parse_for_description(events: list[Event], new: list[Mention], nlp
                          ) -> dict[str, object]:
    """The parses ``describe_events`` reads when most mentions already carry their
    entities (a store keeps them), with at most one pass of the model per sentence; the
    ``new`` mentions get their entities here.

    A new sentence is parsed in full (its entities come with the parse; a new sentence
    not parsed gets them from the recognizer alone). A known sentence keeps its entities:
    it is parsed without the recognizer (about half of the model's time) and its
    entities are set on the parse, and when it names no one it is parsed only if it is
    an event's summary (for the title), since roles come from entities alone.
    """
    fresh_texts = {m.sentence for m in new}
    known: dict[str, list] = {}
    for event in events:
        for mention in event.mentions:
            if mention.sentence not in fresh_texts:
                known[mention.sentence] = mention.entities or known.get(mention.sentence, [])
    summaries = {event.summary for event in events}
    wanted = list(dict.fromkeys(sentences_to_parse(events)))
    docs: dict[str, object] = {}
    stored = [t for t in wanted if t in known and (known[t] or t in summaries)]
    if stored and "ner" in nlp.pipe_names:
        with nlp.select_pipes(disable=["ner"]):
            for text, doc in zip(stored, nlp.pipe(stored, batch_size=32), strict=True):
                if (spans := _entity_spans(doc, text, known[text])) is not None:
                    doc.ents = spans
                    docs[text] = doc
    rest = [t for t in wanted if t not in docs and (t not in known or t in stored)]
    docs.update(zip(rest, nlp.pipe(rest, batch_size=32), strict=True))
    for mention in new:
        if mention.sentence in docs:
            mention.entities = entities_of(docs[mention.sentence])
    attach_entities([m for m in new if m.sentence not in docs], nlp)
    return docs


def _entity_spans(doc, text: str, entities: list) -> list | None:
    """``entities`` as spans of ``doc``, or None when one is not on the parse's tokens."""
    spans, position = [], 0
    for entity in entities:
        start = text.find(entity.text, position)
        span = (doc.char_span(start, start + len(entity.text), label=entity.label)
                if start >= 0 else None)
        if span is None:
            return None
        spans.append(span)
        position = start + len(entity.text)
    return spans


class ChunkMapper(Protocol):
    """Where describing's per-sentence and per-article work runs: ``dateline.engine``'s
    ``Engine`` (this process, or a Dask cluster whose workers load their own model)."""

    @property
    def distributed(self) -> bool: ...

    def map_chunks(self, function: Callable[..., list], items: Sequence,
                   on_chunk: Callable[[int], None] | None = None, per_item: float = 1.0,
                   **shared: Any) -> list: ...


SENTENCE_SHARE = 0.25  # a sentence's parse as a share of an article's work, for chunking
SentenceResult = tuple[list[Entity], Any]  # entities, and the parse when one was asked for


# What roles and titles read of a parse (with the words and spaces): a worker sends these
# arrays, which rebuild the same Doc here twenty times faster than spaCy's serialisation.
PARSE_ATTRS = ["HEAD", "DEP", "POS", "TAG", "ENT_IOB", "ENT_TYPE"]


def analyse_sentences(items: list[tuple[str, bool]], nlp=None, packed: bool = False
                      ) -> list[SentenceResult]:
    """The entities of each (sentence, parse it?) item and, when asked, its full parse:
    the map task of describing. A worker loads its own model (``nlp`` None) and sends
    parses back ``packed`` (words, spaces, ``PARSE_ATTRS`` array), never spaCy objects
    with their vocabulary."""
    if nlp is None:
        from dateline.nlp import process_pipeline

        nlp = process_pipeline()
    parsed = parse_sentences([text for text, parse in items if parse], nlp, batch_size=64)
    rest = [text for text, parse in items if not parse]
    with entities_only(nlp):
        # only the entities are kept of these: each doc is let go as soon as it is read
        recognised = {text: entities_of(doc)
                      for text, doc in zip(rest, nlp.pipe(rest, batch_size=64), strict=True)}
    results: list[SentenceResult] = []
    for text, parse in items:
        if not parse:
            results.append((recognised[text], None))
            continue
        doc = kept = parsed[text]
        if packed:
            kept = ([t.text for t in doc], [bool(t.whitespace_) for t in doc],
                    doc.to_array(PARSE_ATTRS))
        results.append((entities_of(doc), kept))
    return results


def _unpack(packed: tuple, nlp):
    from spacy.tokens import Doc

    words, spaces, array = packed
    return Doc(nlp.vocab, words=words, spaces=spaces).from_array(PARSE_ATTRS, array)


def _map(engine: ChunkMapper | None, function: Callable[..., list], items: list,
         **shared: Any) -> list:
    return engine.map_chunks(function, items, **shared) if engine is not None else \
        function(items, **shared)


def analyse_mentions(events: list[Event], nlp, docs: dict[str, object] | None = None,
                     entities_known: bool = False, engine: ChunkMapper | None = None
                     ) -> dict[str, object]:
    """Parse the sentences describing reads (unless ``docs`` are given) and set every
    mention's entities (unless ``entities_known``), each distinct sentence once; the
    parses read, by sentence. The model runs where ``engine`` says."""
    work: dict[str, bool] = {}
    if docs is None:
        work.update(dict.fromkeys(sentences_to_parse(events), True))
    known = dict(docs or {})
    mentions = [m for event in events for m in event.mentions]
    if not entities_known:
        work.update((m.sentence, False) for m in mentions
                    if m.sentence not in work and m.sentence not in known)
    items = list(work.items())
    if engine is not None and engine.distributed:
        results = [(found, doc if doc is None else _unpack(doc, nlp))
                   for found, doc in engine.map_chunks(
                       partial(analyse_sentences, packed=True), items,
                       per_item=SENTENCE_SHARE)]
    else:
        # In this process the model runs over every sentence in one call: chunks of 32
        # sentences would cap spaCy's batches below the size that amortises its
        # per-batch work (about 10% of the model's CPU here, the same parses).
        results = analyse_sentences(items, nlp=nlp)
    entities: dict[str, list[Entity]] = {}
    for (text, _), (found, doc) in zip(items, results, strict=True):
        entities[text] = found
        if doc is not None:
            known[text] = doc
    if not entities_known:
        for mention in mentions:
            if mention.sentence not in entities:
                entities[mention.sentence] = entities_of(known[mention.sentence])
            mention.entities = entities[mention.sentence]
    return known


def read_quotes(events: list[Event], articles: list[Article] | None, names: NameIndex,
                taken: Collection[tuple[str, int]] = (),
                engine: ChunkMapper | None = None) -> None:
    """Set each event's quotes, read in its articles with the collection's ``names``
    (``taken``: see ``attach_quotes``); a store checks with it which stored events a
    change of names gives other quotes."""
    sources = quote_sources(events, articles)
    found = _map(engine, find_quotes_of, sources, names=names)
    place_quotes(events, {source[0]: quotes for source, quotes in zip(sources, found,
                                                                      strict=True)}, taken)


def describe_events(events: list[Event], nlp, articles: Iterable[Article] | None = None,
                    entities_known: bool = False, docs: dict[str, object] | None = None,
                    more_names: Iterable[Mention] = (),
                    taken: Collection[tuple[str, int]] = (),
                    collection: Mapping[tuple[str, str], int] | None = None,
                    engine: ChunkMapper | None = None) -> None:
    """Who, where, quotes, counting claims and a parsed title for the events a reader sees.

    Entity recognition and parsing are the slowest steps per sentence, so they run on
    the kept events only: entities over all their sentences, the parse over summaries.
    Names are normalized over the whole collection (``NameIndex``); quotes are read in
    the events' articles (whole articles when ``articles`` is given). Without a model
    (``nlp`` None) quotes and claims are still found; who, where and parsed titles not.
    ``entities_known``: the caller has set every mention's entities with the same model
    (a store keeps them), so the recognizer is not run again. ``docs``: the parses to
    read (sentence -> doc) when the caller made them; none is made here then.
    ``more_names``: other mentions of the collection to learn names from (a store
    describes a few events at a time; a build learns from every event it shows).
    ``taken``: (article, sentence index) of sentences reporting events not described now,
    whose quotes stay theirs (see ``attach_quotes``). ``collection``: the entities of
    the whole collection with their counts, when the events are only part of it (see
    ``NameIndex.from_mentions``). ``engine``: where the model and quote finding run, as
    maps over sentences and articles (this process, in one go, when None); names, roles
    and quote placement are collection-wide and run here.
    """
    mentions = [m for event in events for m in event.mentions]
    # With a model, who and where come from the parse of each sentence (the event's verb
    # and its arguments); without, from the names the sentences mention. The full parse
    # carries the entities too: one pass of the model per sentence, not two.
    if nlp is not None:
        docs = analyse_mentions(events, nlp, docs, entities_known, engine)
    docs = docs or {}
    articles = list(articles) if articles is not None else None
    texts = ({a.id: [s.text for s in a.sentences] for a in articles}
             if articles is not None else None)
    names = NameIndex.from_mentions([*mentions, *more_names], texts, collection)
    for event in events:
        if docs:
            # Only the event's own parsed sentences: a sentence parsed for another event
            # described in the same call would make its roles depend on what else is
            # described (a store describes a few events at a time, a build all).
            own = {text: docs[text] for text in sentences_to_parse([event]) if text in docs}
            event.participants, event.location = event_roles(event.mentions, own, names)
        else:
            event.participants, event.location = participants_and_location(
                event.mentions, names)
    read_quotes(events, articles, names, taken, engine)
    attach_claims(events)
    if nlp is None:
        return
    chosen = []
    for event in events:
        mention = next((m for m in event.mentions
                        if m.sentence == event.summary and m.date == event.date), None)
        if mention is not None:
            chosen.append((event, mention))
    for event, mention in chosen:
        doc = docs[mention.sentence]
        title = title_from_parse(doc, mention.timex.start, mention.timex.end)
        if title:
            event.title = attribute_quoted(title, event.quotes)
