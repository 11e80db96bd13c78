"""Reading a store: the timeline, filtered event lists, one event in full, articles."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, or_, select, true

from dateline.events.claims import document_claims
from dateline.events.names import NameIndex
from dateline.export.records import article_record, event_record
from dateline.model import HEADLINE, Event, Timeline
from dateline.store import codec
from dateline.store.db import Store
from dateline.store.rows import events_with_mentions
from dateline.store.schema import articles, events, mentions, sentences, undated
from dateline.timeline.build import default_max_events, select_events
from dateline.timeline.dates import references_from_mentions, select_dated
from dateline.timeline.query import filter_events

_ARTICLE_META = [c for c in articles.c if c.name not in ("raw_text", "text")]


@dataclass(frozen=True)
class EventQuery:
    """Filters on events; every given field must match (case-insensitive)."""

    text: str | None = None  # words in the title, summary or a source sentence
    # The entity query of ``dateline build --query`` (timeline.query): names with AND, OR,
    # NOT and parentheses, each matching any name the collection uses for the entity.
    entity: str | None = None
    source: str | None = None  # an article id or outlet, substring
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @classmethod
    def coerce(cls, value: EventQuery | str | None) -> EventQuery:
        """A query string is an entity query, as ``build --query`` reads it."""
        if isinstance(value, EventQuery):
            return value
        return cls(entity=value or None)


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(query: EventQuery) -> list:
    conditions = []
    if query.text:
        for word in query.text.lower().split():
            conditions.append(events.c.search_text.like(_like(word), escape="\\"))
    if query.source:
        conditions.append(func.lower(events.c.source_keys).like(
            _like(query.source.lower().strip()), escape="\\"))
    if query.date_from:
        conditions.append(events.c.last_day >= query.date_from.toordinal())
    if query.date_to:
        conditions.append(events.c.first_day <= query.date_to.toordinal())
    return conditions


def _matching(conn: Connection, query: EventQuery, ordering: list) -> list[Event]:
    """Every stored event the query keeps, in ``ordering``: SQL conditions first, then
    the entity query with the build's own filter over the described events (participants
    and quoted speakers count, as in ``build --query``; the names it knows are those of
    the events it reads, as in a build)."""
    rows = conn.execute(select(events).where(and_(true(), *_conditions(query)))
                        .order_by(*ordering, events.c.id)).mappings().all()
    found = events_with_mentions(conn, rows)
    if not query.entity:
        return found
    return filter_events(found, query.entity)


def _page(conn: Connection, query: EventQuery, ordering: list, limit: int,
          offset: int = 0) -> tuple[int, list[Event]]:
    """(how many stored events match, the ``limit`` of them from ``offset`` in
    ``ordering``): counted and paged in SQL, unless an entity query must read the
    described events (``_matching``)."""
    if query.entity:
        found = _matching(conn, query, ordering)
        return len(found), found[offset:offset + limit]
    where = and_(true(), *_conditions(query))
    total = conn.execute(select(func.count()).select_from(events).where(where)).scalar()
    rows = conn.execute(select(events).where(where).order_by(*ordering, events.c.id)
                        .limit(limit).offset(offset)).mappings().all()
    return total, events_with_mentions(conn, rows)


def article_count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(articles)).scalar() or 0


def _dated(store: Store, query: EventQuery, dates: int, per_date: int | None,
           number: bool) -> tuple[int, list[Event]]:
    """``dates`` distinct days chosen as a fresh build chooses them (timeline.dates), from
    every matching stored event; with the number of matching events."""
    with store.read() as conn:
        found = _matching(conn, query, [events.c.first_day])
        rows = conn.execute(select(articles.c.id, articles.c.published,
                                   articles.c.published_source, articles.c.duplicate_of)
                            ).mappings().all()
    originals = [r for r in rows if r["duplicate_of"] is None]
    # as choose_events: every original's date bounds the story, only stated dates refer back
    stated = {r["id"]: _as_date(r["published"]) for r in originals
              if r["published_source"] != "inferred"}
    references = references_from_mentions((m for e in found for m in e.mentions), stated)
    known = [d for d in (_as_date(r["published"]) for r in originals) if d is not None]
    chosen = select_dated(found, dates, per_date or 1, references,
                          min(known) if known else None, number=number)
    return len(found), chosen


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def timeline(store: Store, query: EventQuery | str | None = None,
             max_events: int | None = None, dates: int | None = None,
             per_date: int | None = None) -> Timeline:
    """The store's timeline, re-selected like a fresh build (events numbered e1, e2...):
    ``dates`` distinct days when given, else the best ``max_events``."""
    query = EventQuery.coerce(query)
    if dates:
        total, chosen = _dated(store, query, dates, per_date, number=True)
        document_claims(chosen)  # counted over the events shown, as a build counts them
        with store.read() as conn:
            article_rows = conn.execute(select(*_ARTICLE_META).order_by(
                articles.c.batch, articles.c.id)).mappings().all()
            undated_rows = conn.execute(select(undated).order_by(undated.c.id)
                                        ).mappings().all()
        return Timeline(
            articles=[codec.article_from_row(r) for r in article_rows], events=chosen,
            undated=[{"article": r["article_id"], "sentence": r["sentence"],
                      "expression": r["expression"], "reason": r["reason"]}
                     for r in undated_rows], total_events=total)
    with store.read() as conn:
        count = article_count(conn)
        limit = max_events or default_max_events(count)
        total, found = _page(conn, query, [events.c.score.desc(), events.c.first_day],
                             limit)
        article_rows = conn.execute(select(*_ARTICLE_META).order_by(articles.c.batch,
                                                                     articles.c.id)
                                    ).mappings().all()
        undated_rows = conn.execute(select(undated).order_by(undated.c.id)).mappings().all()
    selected = select_events(found, limit, per_date)
    document_claims(selected)  # counted over the events shown, as a build counts them
    return Timeline(
        articles=[codec.article_from_row(r) for r in article_rows], events=selected,
        undated=[{"article": r["article_id"], "sentence": r["sentence"],
                  "expression": r["expression"], "reason": r["reason"]} for r in undated_rows],
        total_events=total)


def list_events(store: Store, query: EventQuery | str | None = None, *, limit: int = 200,
                offset: int = 0, order: str = "date", dates: int | None = None,
                per_date: int | None = None) -> tuple[int, list[dict]]:
    """Matching events as JSON records with their stored ids, and the total match count;
    with ``dates``, only those of a timeline of that many distinct days (by date)."""
    query = EventQuery.coerce(query)
    if dates:
        total, chosen = _dated(store, query, dates, per_date, number=False)
        return total, [_event_json(event) for event in chosen[offset:offset + limit]]
    ordering = ([events.c.score.desc(), events.c.first_day] if order == "score"
                else [events.c.first_day, events.c.precision, events.c.score.desc()])
    with store.read() as conn:
        total, found = _page(conn, query, ordering, limit, offset)
    return total, [_event_json(event) for event in found]


def _event_json(event: Event) -> dict:
    record = event_record(event)
    record["first_day"] = event.date.first_day.isoformat()
    record["last_day"] = event.date.last_day.isoformat()
    record["score"] = event.score
    return record


def get_event(store: Store, event_id: str) -> dict | None:
    """One event in full: its record plus every supporting sentence with its date phrase."""
    with store.read() as conn:
        row = conn.execute(select(events).where(events.c.id == event_id)).mappings().first()
        if row is None:
            return None
        (event,) = events_with_mentions(conn, [row])
        ids = sorted({m.article_id for m in event.mentions})
        meta = {r["id"]: r for r in conn.execute(
            select(*_ARTICLE_META).where(articles.c.id.in_(ids))).mappings()}
    record = _event_json(event)
    record["mentions"] = [{
        "article": m.article_id, "sentence_index": m.sentence_index, "sentence": m.sentence,
        "date": m.date.iso(), "precision": m.date.precision.value,
        "timex": {"start": m.timex.start, "end": m.timex.end, "text": m.timex.text,
                  "value": m.timex.value, "type": m.timex.type},
        "entities": [{"text": e.text, "label": e.label} for e in m.entities],
        "future": m.future,
    } for m in event.mentions]
    record["articles"] = [article_record(codec.article_from_row(meta[i])) for i in ids
                          if i in meta]
    return record


def list_articles(store: Store, *, limit: int = 200, offset: int = 0,
                  source: str | None = None) -> tuple[int, list[dict]]:
    where = true()
    if source:
        pattern = _like(source.lower())
        where = or_(func.lower(articles.c.id).like(pattern, escape="\\"),
                    func.lower(func.coalesce(articles.c.site, "")).like(pattern, escape="\\"))
    with store.read() as conn:
        total = conn.execute(select(func.count()).select_from(articles).where(where)).scalar()
        rows = conn.execute(select(*_ARTICLE_META).where(where)
                            .order_by(articles.c.published.desc(), articles.c.id)
                            .limit(limit).offset(offset)).mappings().all()
        counts = dict(conn.execute(
            select(mentions.c.article_id, func.count()).where(
                mentions.c.article_id.in_([r["id"] for r in rows]))
            .group_by(mentions.c.article_id)).all())
    records = []
    for row in rows:
        record = article_record(codec.article_from_row(row))
        record["added_at"] = row["added_at"]
        record["mentions"] = counts.get(row["id"], 0)
        records.append(record)
    return total, records


def get_article(store: Store, article_id: str) -> dict | None:
    with store.read() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)
                           ).mappings().first()
        if row is None:
            return None
        sentence_rows = conn.execute(select(sentences).where(
            sentences.c.article_id == article_id).order_by(sentences.c.idx)).mappings().all()
    record = article_record(codec.article_from_row(row))
    record["text"] = row["text"]
    record["sentences"] = [{"index": s["idx"], "text": s["text"],
                            "timexes": json.loads(s["timexes"])} for s in sentence_rows]
    return record


FACET_EVENTS = 2000  # the best-supported events whose names the filter list offers
_FACET_KINDS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "LAW", "EVENT", "PRODUCT"})


def _merged_names(found: list[Event]) -> list[set[str]]:
    """Each event's names, merged over these events as a build merges them
    (``NameIndex``): a surname is the person's full name, an acronym its long form, a
    nationality its country, a title's owner ("Kastmark Water and" of a minister's
    title) the country. A name seen only in headlines (title-case words a tagger reads
    as names) is left out."""
    index = NameIndex.from_mentions(m for event in found for m in event.mentions)
    in_body: set[str] = set()
    per_event: list[set[str]] = []
    for event in found:
        names: set[str] = set()
        for mention in event.mentions:
            for name in index.names_in(mention):
                if name.kind in _FACET_KINDS:
                    names.add(name.text)
                    if mention.sentence_index != HEADLINE:
                        in_body.add(name.text)
        per_event.append(names)
    return [names & in_body for names in per_event]


def facets(store: Store, limit: int = 40) -> dict:
    """Counts for the filter controls: the entities of the best-supported events (one
    entry per merged name), sources and the date span."""
    with store.read() as conn:
        span = conn.execute(select(func.min(events.c.first_day),
                                   func.max(events.c.last_day))).one()
        total_events = conn.execute(select(func.count()).select_from(events)).scalar()
        total_articles = article_count(conn)
        rows = conn.execute(select(events).order_by(events.c.score.desc(), events.c.id)
                            .limit(FACET_EVENTS)).mappings().all()
        found = events_with_mentions(conn, rows)
        sites = dict(conn.execute(select(articles.c.id, articles.c.site)).all()) \
            if total_articles <= 5000 else {}
    entity_counts: Counter[str] = Counter()
    for names in _merged_names(found):
        entity_counts.update(names)
    source_counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for row in rows:
        for key in row["source_keys"].strip("|").split("|"):
            if key:
                spelling.setdefault(key.lower(), key)
                source_counts[key.lower()] = source_counts.get(key.lower(), 0) + 1
    top = sorted(entity_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    outlets = {s.lower() for s in sites.values() if s}
    # Outlets when the articles name them; otherwise article ids are the sources.
    source_items = [(k, n) for k, n in source_counts.items() if k in outlets] or list(
        source_counts.items())
    top_sources = sorted(source_items, key=lambda kv: (-kv[1], kv[0]))[:limit]
    first, last = span
    return {
        "events": total_events, "articles": total_articles,
        "date_min": dt.date.fromordinal(first).isoformat() if first else None,
        "date_max": dt.date.fromordinal(last).isoformat() if last else None,
        "entities": [{"name": name, "events": n} for name, n in top],
        "sources": [{"name": spelling[k], "events": n} for k, n in top_sources],
    }
