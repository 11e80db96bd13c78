"""Reading the stored rows an update works on: events with their mentions, the other
mentions and the whole articles an event is described from, and keeping word features
current."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import Connection, bindparam, delete, func, or_, select, update

from dateline.events.names import NameIndex, changed_readings
from dateline.model import HEADLINE, Article, Event, Mention, Sentence
from dateline.store import codec
from dateline.store.db import Store
from dateline.store.schema import articles, events, mentions, sentences
from dateline.timeline.build import describe_events, parse_for_description, read_quotes

IN_CHUNK = 500  # values per SQL ``IN (...)``
ARTICLE_COLUMNS = [c for c in articles.c if c.name != "raw_text"]


def chunks(items: list, size: int = IN_CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def next_id(conn: Connection, column) -> int:
    return (conn.execute(select(func.max(column))).scalar() or 0) + 1


def events_with_mentions(conn: Connection, rows: list) -> list[Event]:
    """Events of stored ``rows``, each with its mentions in a build's order (article by
    article, each in reading order): which sentences are parsed to describe an event
    follows that order."""
    by_event: dict[str, list] = {row["id"]: [] for row in rows}
    for chunk in chunks(list(by_event)):
        for row in conn.execute(select(mentions).where(mentions.c.event_id.in_(chunk))
                                .order_by(mentions.c.article_id, mentions.c.id)).mappings():
            by_event[row["event_id"]].append(codec.mention_from_row(row))
    return [codec.event_from_row(row, by_event[row["id"]]) for row in rows]


def numbered_mentions(conn: Connection, event_ids: list[str], alone: list[int] = ()
                      ) -> dict[str | None, list[tuple[int, Mention]]]:
    """The stored mentions of ``event_ids`` with their row numbers, per event, and the
    mentions numbered ``alone`` (in no event: under None)."""
    loaded: dict[str | None, list[tuple[int, Mention]]] = {}
    wanted = [mentions.c.event_id.in_(c) for c in chunks(event_ids)]
    wanted += [mentions.c.id.in_(c) & mentions.c.event_id.is_(None) for c in chunks(alone)]
    for condition in wanted:
        for row in conn.execute(select(mentions).where(condition)
                                .order_by(mentions.c.id)).mappings():
            loaded.setdefault(row["event_id"], []).append(
                (row["id"], codec.mention_from_row(row)))
    return loaded


def sites_of(conn: Connection, article_ids: Iterable[str]) -> dict[str, str | None]:
    """Each article's outlet."""
    found: dict[str, str | None] = {}
    for chunk in chunks(sorted(set(article_ids))):
        found.update(conn.execute(select(articles.c.id, articles.c.site)
                                  .where(articles.c.id.in_(chunk))).all())
    return found


def lead_events(conn: Connection, article_ids: list[str], skip: set[str]) -> list[Event]:
    """The stored events (other than ``skip``) that ``article_ids`` lead with (their
    headline joined them): a quote in no dated sentence goes to the event the article
    leads with, so a changed event of the article (which may now hold such a quote, or
    give one up) changes that event's quotes, and it is described again. An article's
    other events keep theirs (a quote in their own sentences is theirs whatever changes)."""
    ids: set[str] = set()
    for chunk in chunks(article_ids):
        ids.update(e for (e,) in conn.execute(
            select(mentions.c.event_id).distinct().where(mentions.c.article_id.in_(chunk))
            .where(mentions.c.sentence_index == HEADLINE)
            .where(mentions.c.event_id.is_not(None))).all())
    rows = []
    for chunk in chunks(sorted(ids - skip)):
        rows.extend(conn.execute(select(events).where(events.c.id.in_(chunk))).mappings().all())
    return events_with_mentions(conn, rows)


def other_mentions(conn: Connection, described: list[Event], in_events: dict[int, Mention],
                   regrouped: set[int], redescribed: set[str], gone: set[str]
                   ) -> tuple[list[Mention], set[tuple[str, int]]]:
    """The other mentions in events of the described events' articles, whose names a
    build would know too (it learns names from every event's mentions); ``in_events``:
    the re-grouped mentions (``regrouped``: their row numbers) that are in an event now,
    newer than their rows; those of ``redescribed`` stored events are described already.
    Also the sentences of the stored events not described now (nor ``gone``), whose
    quotes are theirs."""
    wanted = sorted({m.article_id for event in described for m in event.mentions})
    own = {id(m) for event in described for m in event.mentions}
    found: list[Mention] = []
    taken: set[tuple[str, int]] = set()
    for chunk in chunks(wanted):
        for row in conn.execute(select(mentions).where(mentions.c.article_id.in_(chunk))
                                .order_by(mentions.c.id)).mappings():
            if row["id"] in regrouped:
                if row["id"] in in_events and id(in_events[row["id"]]) not in own:
                    found.append(in_events[row["id"]])
            elif row["event_id"] is not None and row["event_id"] not in redescribed:
                found.append(codec.mention_from_row(row))
                if row["event_id"] not in gone:
                    taken.add((row["article_id"], row["sentence_index"]))
    return found, taken


def articles_of(conn: Connection, described: list[Event],
                known: dict[str, Article]) -> list[Article]:
    """The articles of ``described`` events with their sentences, as a build has them
    (quotes are read in whole articles): the batch's from memory, the others stored."""
    wanted = sorted({m.article_id for event in described for m in event.mentions})
    found = {a: known[a] for a in wanted if a in known}
    for chunk in chunks([a for a in wanted if a not in found]):
        for row in conn.execute(select(*ARTICLE_COLUMNS).where(articles.c.id.in_(chunk))
                                ).mappings():
            found[row["id"]] = codec.article_from_row(row)
        for row in conn.execute(select(sentences.c.article_id, sentences.c.idx,
                                       sentences.c.start_offset, sentences.c.end_offset,
                                       sentences.c.text).where(
                sentences.c.article_id.in_(chunk)).order_by(sentences.c.article_id,
                                                            sentences.c.idx)).mappings():
            if row["article_id"] in found:
                found[row["article_id"]].sentences.append(Sentence(
                    row["idx"], row["start_offset"], row["end_offset"], row["text"]))
    return [found[a] for a in wanted if a in found]


def collection_entities(conn: Connection) -> Counter[tuple[str, str]]:
    """The entities (text, label) of every stored mention in an event, with counts: the
    names a build of the whole collection learns from."""
    counts: Counter[tuple[str, str]] = Counter()
    for value, count in conn.execute(
            select(mentions.c.entities, func.count()).where(mentions.c.event_id.is_not(None))
            .group_by(mentions.c.entities)):
        for text, label in codec.loads(value, []):
            counts[(text, label)] += count
    return counts


def entity_counts(found: Iterable[Mention]) -> Counter[tuple[str, str]]:
    return Counter((e.text, e.label) for m in found for e in m.entities)


def events_naming(conn: Connection, names: set[str], skip: set[str]) -> list[Event]:
    """The stored events (other than ``skip``) with a mention whose entities write one
    of ``names``, or a quote whose speaker is written so ("Ms Idowu said ..." in an
    event whose sentences name no one, once another article gives "Grace Idowu")."""
    found: set[str] = set()
    for chunk in chunks(sorted(names), 50):
        condition = or_(*(mentions.c.entities.contains(name, autoescape=True)
                          for name in chunk))
        found.update(conn.execute(select(mentions.c.event_id).distinct().where(
            mentions.c.event_id.is_not(None), condition)).scalars())
        speakers = or_(*(events.c.quotes.contains('"speaker":' + codec.dumps(name),
                                                  autoescape=True) for name in chunk))
        found.update(conn.execute(select(events.c.id).where(speakers)).scalars())
    return _events_by_id(conn, found - skip)


def _events_by_id(conn: Connection, ids: set[str]) -> list[Event]:
    rows = []
    for chunk in chunks(sorted(ids)):
        rows.extend(conn.execute(select(events).where(events.c.id.in_(chunk))).mappings().all())
    return events_with_mentions(conn, rows)


def events_requoted(conn: Connection, names: set[str], skip: set[str],
                    described: list[Event], collection: Counter[tuple[str, str]],
                    known: dict[str, Article]) -> list[Event]:
    """The stored events (other than ``skip``) whose quotes ``names``, now read
    otherwise, change although no entity or speaker of theirs writes them: quotes are
    read in whole articles, so a speaker named only in a sentence no event reports (a
    "she said" after it, a role word before a name) follows the collection's names.
    The events of articles writing such a name are read again with the pipeline's quote
    reading and kept when their quotes differ (those of articles the ``described``
    events share are described again as they are). Each new name reaches every article
    writing it: a store re-grouped whole (``incremental.WHOLE``) does it; a larger one
    keeps the speakers its quotes were given (measured: 2.5x the CPU of an add of 10
    articles to a 1,030-article store)."""
    found: set[str] = set()
    for chunk in chunks(sorted(names), 50):
        written = select(sentences.c.article_id).distinct().where(
            or_(*(sentences.c.text.contains(name, autoescape=True) for name in chunk)))
        found.update(conn.execute(select(mentions.c.event_id).distinct().where(
            mentions.c.event_id.is_not(None), mentions.c.article_id.in_(written))).scalars())
    candidates = _events_by_id(conn, found - skip)
    busy = {m.article_id for event in described for m in event.mentions}
    shared = [e for e in candidates if busy & {m.article_id for m in e.mentions}]
    alone = [e for e in candidates if not busy & {m.article_id for m in e.mentions}]
    if not alone:
        return shared
    others, taken = other_mentions(conn, alone, {}, set(), {e.id for e in alone}, set())
    texts = articles_of(conn, alone, known)
    names_now = NameIndex.from_mentions(
        [*(m for event in alone for m in event.mentions), *others],
        {a.id: [s.text for s in a.sentences] for a in texts}, collection)
    fresh = [replace(event, quotes=[]) for event in alone]
    read_quotes(fresh, texts, names_now, taken)
    return shared + [event for event, again in zip(alone, fresh, strict=True)
                     if [q.to_dict() for q in event.quotes] != [q.to_dict() for q in again.quotes]]


def refresh_terms(store: Store, chunk: int = 2000) -> int:
    """Recompute the stored word features made by other grouping code (each add does it
    for the mentions it meets; this does all at once, e.g. after an upgrade)."""
    version = codec.terms_version()
    done = 0
    while True:
        with store.write() as conn:
            rows = conn.execute(select(mentions).where(or_(
                mentions.c.terms.is_(None), ~mentions.c.terms.startswith(version + "\t")))
                .limit(chunk)).mappings().all()
            if not rows:
                return done
            set_terms(conn, {r["id"]: codec.mention_terms(codec.mention_from_row(r))
                             for r in rows})
            done += len(rows)


def current_terms(conn: Connection, stored: dict[int, str | None]
                  ) -> dict[int, tuple[list[str], str]]:
    """The split word features of stored mentions (row number -> ``terms`` value),
    recomputed and rewritten for those made by other grouping code."""
    terms = {number: codec.split_terms(value) for number, value in stored.items()}
    fresh: dict[int, str] = {}
    for chunk in chunks([number for number, value in terms.items() if value is None]):
        for row in conn.execute(select(mentions).where(mentions.c.id.in_(chunk))).mappings():
            fresh[row["id"]] = codec.mention_terms(codec.mention_from_row(row))
    terms.update((number, codec.split_terms(value)) for number, value in fresh.items())
    set_terms(conn, fresh)
    return terms


def set_terms(conn: Connection, terms: dict[int, str]) -> None:
    """Store recomputed word features (mention id -> ``terms`` value)."""
    if terms:
        conn.execute(update(mentions).where(mentions.c.id == bindparam("mention_id"))
                     .values(terms=bindparam("new_terms")),
                     [{"mention_id": k, "new_terms": v} for k, v in terms.items()])


def describe_written(conn: Connection, written: list[Event], new: list[tuple[int, Mention]],
                     numbered: dict[int, int], gone: dict[str, list[Mention]], nlp,
                     batch_articles: dict[str, Article], removed: list[Mention] = (),
                     requote: bool = True) -> list[Event]:
    """Describe the written events as a build of the whole collection does
    (``describe_events``), and the stored events whose description that changes:
    those their articles lead with, and those whose mentions name someone the
    collection now reads otherwise, or whose quotes give such a speaker, or whose
    articles write such a name anywhere in their text (their participants, places,
    titles, claims and speakers). Returns the stored events described
    again (their rows deleted: they are written again) and stores the entities found
    for the new mentions. ``numbered``: id(mention) -> row number, of the mentions
    written; ``gone``: the mentions of the event rows deleted, by event id;
    ``removed``: mentions deleted with their rows (an original that became a copy);
    ``requote``: also the events whose quotes a name read otherwise changes though only
    their articles' text writes it (``events_requoted``)."""
    skip = set(gone) | {e.id for e in written}
    again = lead_events(conn, sorted({m.article_id for e in written for m in e.mentions}),
                        skip)
    # Stored mentions keep the entities they were stored with; the new ones get theirs
    # now (from the parse when it reads their sentence), and are stored.
    without = [m for m in {id(m): m for m in [*(m for e in written + again for m in e.mentions),
                                            *(m for _, m in new)]}.values()
               if not m.entities]
    docs = (parse_for_description(written + again, [m for _, m in new], nlp)
            if nlp is not None else None)
    stored = collection_entities(conn)
    before = stored + entity_counts(removed)
    after = (stored - entity_counts(m for found in gone.values() for m in found)
             + entity_counts(m for e in written for m in e.mentions))
    changed = changed_readings(before, after)
    renamed = events_naming(conn, changed, skip | {e.id for e in again})
    if requote:  # (past ``incremental.WHOLE`` it costs too much: see ``events_requoted``)
        renamed += events_requoted(conn, changed, skip | {e.id for e in again + renamed},
                                   written + again + renamed, after, batch_articles)
    if renamed and docs is not None:
        docs.update(parse_for_description(renamed, [], nlp))
    again += renamed
    conn.execute(delete(events).where(events.c.id.in_([e.id for e in again])))
    described = written + again
    in_events = {numbered[id(m)]: m for e in written for m in e.mentions if id(m) in numbered}
    others, taken = other_mentions(conn, described, in_events, set(numbered.values()),
                                   {e.id for e in again}, set(gone))
    describe_events(described, nlp, articles_of(conn, described, batch_articles),
                    entities_known=True, docs=docs, more_names=others, taken=taken,
                    collection=after)
    found = [{"mention_id": numbered[id(m)], "new_entities": codec.dumps(
                [[e.text, e.label] for e in m.entities])}
             for m in without if m.entities and id(m) in numbered]
    if found:
        conn.execute(update(mentions).where(mentions.c.id == bindparam("mention_id"))
                     .values(entities=bindparam("new_entities")), found)
    return again
