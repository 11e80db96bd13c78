"""Adding articles to a store and updating only the events their mentions touch.

Each batch is prepared (cleaned, dated, its mentions found) outside any write
transaction, then written in one short transaction under the store's write lock: the articles, their
sentences, mentions, duplicate links and the re-grouped events are committed together
or not at all, so a run killed at any moment keeps every batch it reported and a rerun
skips them (an article's identity is the SHA-256 of its raw text).

Re-grouping is local. A new day-precision mention meets the stored day mentions within
the date tolerance and the month and year mentions of its period; a new month or year
mention meets the stored mentions of its own period and, when the period is not too
crowded, the finer ones inside it. Of those, the events the new mention is on average
close to (the grouping's own similarity, from word features stored with each mention)
are loaded whole, re-grouped together with the new mentions and replaced when their
membership changed; all other events stay as they are. New mentions that cannot meet,
directly or through a shared event, are re-grouped apart. An event keeps its id (``ev``
+ its earliest mention's number) as long as that mention stays in it, so a new report
of a known event attaches to the same id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from scipy import sparse
from sqlalchemy import Connection, bindparam, delete, func, or_, select, update
from sqlalchemy.exc import DBAPIError

from dateline.clean.duplicates import NUM_PERM, jaccard, shingles
from dateline.config import Config
from dateline.engine import LOCAL, Engine
from dateline.events import similarity
from dateline.events.grouping import group_mentions
from dateline.events.mentions import attach_entities, entities_of
from dateline.events.similarity import (
    FEATURES_VERSION,
    STORY_BONUS,
    GroupingParams,
    content_words,
    story_bonus,
    tfidf_vectors,
)
from dateline.model import HEADLINE, Article, Event, Mention, Precision, Sentence, Warning_
from dateline.store import codec
from dateline.store.db import Store, db_reason
from dateline.store.schema import article_bands, articles, events, mentions, sentences, undated
from dateline.timeline.build import describe_events, make_event, sentences_to_parse
from dateline.unionfind import UnionFind

BANDS, ROWS = 32, 4  # 32 bands of 4 MinHash rows: pairs at Jaccard 0.68 meet with p > 0.99
DEFAULT_BATCH = 100  # a batch's re-grouping cost is mostly its neighbourhood: amortize it
PERIOD_DAY_LIMIT = 2000  # a coarse mention looks for a finer event in periods this full
CANDIDATE_SIMILARITY = 0.1  # wording this close to a new mention re-groups an event
ATTACH_CANDIDATE_SIMILARITY = 0.3  # ... and this close for a coarse one joining a finer event
PACK = 300  # independent parts of a re-grouping are clustered together up to this size
_IN_CHUNK = 500


@dataclass
class AddResult:
    """What one ``add`` call did."""

    added: list[str] = field(default_factory=list)  # article ids committed
    already: list[str] = field(default_factory=list)  # paths whose text was already stored
    warnings: list[Warning_] = field(default_factory=list)
    batches: int = 0
    events_replaced: int = 0
    events_created: int = 0


@lru_cache(maxsize=1)
def _entity_pipeline():
    from dateline.nlp import load_pipeline

    return load_pipeline()


def _chunks(items: list, size: int = _IN_CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def band_keys(text: str) -> list[str]:
    items = shingles(text)
    if not items:
        return []
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([s.encode("utf-8") for s in items])
    values = sketch.hashvalues
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS:(band + 1) * ROWS].tobytes()
        keys.append(f"{band}:{hashlib.sha1(chunk).hexdigest()[:24]}")
    return keys


def add(store: Store, paths: list[str], config: Config | None = None, *,
        batch_size: int = DEFAULT_BATCH,
        on_commit: Callable[[list[str]], None] | None = None) -> AddResult:
    """Read ``paths`` (files, directories, globs) and add the new articles to ``store``;
    the per-article work runs where ``config.workers``/``config.scheduler`` say."""
    from dateline.engine import open_engine
    from dateline.ingest import read_articles

    config = config or Config()
    found, warnings = read_articles(list(paths), config)
    with open_engine(config.workers, config.scheduler) as engine:
        return add_articles(store, found, config, warnings=warnings, batch_size=batch_size,
                            on_commit=on_commit, engine=engine)


def add_articles(store: Store, found: list[Article], config: Config | None = None, *,
                 warnings: list[Warning_] | None = None, batch_size: int = DEFAULT_BATCH,
                 on_commit: Callable[[list[str]], None] | None = None,
                 engine: Engine = LOCAL) -> AddResult:
    """Add already-read ``Article`` records (raw text set) to ``store`` in batches."""
    config = config or Config()
    result = AddResult(warnings=list(warnings or []))
    pending: list[tuple[Article, str]] = []
    seen: set[str] = set()
    for article in found:
        _strip_nul(article, result.warnings)
        digest = codec.content_hash(article.raw_text)
        if digest in seen:
            result.already.append(article.path)
            continue
        seen.add(digest)
        pending.append((article, digest))
    with store.read() as conn:
        stored = set()
        for chunk in _chunks([d for _, d in pending]):
            stored.update(conn.execute(select(articles.c.content_hash).where(
                articles.c.content_hash.in_(chunk))).scalars())
    for article, digest in pending:
        if digest in stored:
            result.already.append(article.path)
    pending = [(a, d) for a, d in pending if d not in stored]
    for start in range(0, len(pending), max(1, batch_size)):
        batch = pending[start:start + batch_size]
        work = _prepare_batch(store, batch, config, result, engine)
        with store.write() as conn:
            added = _write_batch(conn, work, config, result)
        result.batches += 1
        result.added.extend(added)
        if on_commit is not None:
            on_commit(added)
    return result


def _strip_nul(article: Article, warnings: list[Warning_]) -> None:
    """Remove NUL characters, which PostgreSQL text cannot hold, and say so per article."""
    found = False
    for name in ("raw_text", "title", "url", "site", "metadata_date"):
        value = getattr(article, name)
        if isinstance(value, str) and "\x00" in value:
            setattr(article, name, value.replace("\x00", ""))
            found = True
    if found:
        warnings.append(Warning_(article.path, "NUL characters removed from the text"))


@dataclass
class _Batch:
    """A batch whose NLP work is done, ready for a short write transaction."""

    items: list[tuple[Article, str]]
    bands: dict[str, list[str]]
    mentions: list[Mention]
    undated: list


def _prepare_batch(store: Store, batch: list[tuple[Article, str]], config: Config,
                   result: AddResult, engine: Engine = LOCAL) -> _Batch:
    """Everything slow about a batch (cleaning, dating, tagging), done outside the write lock
    so that another writer waits at most for one commit; reads use a snapshot."""
    items = [a for a, _ in batch]
    with store.read() as conn:
        _unique_ids(conn, items)
    from dateline.pipeline import extract_all, prepare_articles

    prepare_articles(items, config, engine)
    bands = {a.id: band_keys(a.text) for a in items}
    with store.read() as conn:
        _stored_duplicates(conn, items, bands, config.near_duplicate_threshold)
    nlp = _entity_pipeline() if config.use_ner else None
    # Entities are found when the events are described (regroup), from the same parse
    # that gives titles and roles: one pass of the model per sentence, not two.
    new_mentions, undated_items = extract_all(items, result.warnings, nlp=nlp, engine=engine)
    return _Batch(list(batch), bands, new_mentions, undated_items)


def _rename(work: _Batch, old: str, new: str) -> None:
    for article, _ in work.items:
        if article.id == old:
            article.id = new
        if article.duplicate_of == old:
            article.duplicate_of = new
    for item in [*work.mentions, *work.undated]:
        if item.article_id == old:
            item.article_id = new
    work.bands[new] = work.bands.pop(old)


def _recheck(conn: Connection, work: _Batch, config: Config, result: AddResult) -> None:
    """Catch up with writers that committed while the batch was prepared: texts they
    stored, ids they took and originals they added (rare races, settled here cheaply)."""
    digests = [d for _, d in work.items]
    stored = set()
    for chunk in _chunks(digests):
        stored.update(conn.execute(select(articles.c.content_hash).where(
            articles.c.content_hash.in_(chunk))).scalars())
    gone = {a.id for a, d in work.items if d in stored}
    for article, digest in work.items:
        if digest in stored:
            result.already.append(article.path)
    _drop(work, gone)
    items = [a for a, _ in work.items]
    before = [a.id for a in items]
    _unique_ids(conn, items)
    for article, old in zip(items, before, strict=True):
        if article.id != old:
            new, article.id = article.id, old
            _rename(work, old, new)
    originals = [a for a in items if a.duplicate_of is None]
    _stored_duplicates(conn, originals, work.bands, config.near_duplicate_threshold)
    copied = {a.id for a in originals if a.duplicate_of is not None}
    work.mentions = [m for m in work.mentions if m.article_id not in copied]
    work.undated = [u for u in work.undated if u.article_id not in copied]


def _drop(work: _Batch, ids: set[str]) -> None:
    if not ids:
        return
    work.items = [(a, d) for a, d in work.items if a.id not in ids]
    work.mentions = [m for m in work.mentions if m.article_id not in ids]
    work.undated = [u for u in work.undated if u.article_id not in ids]


def _write_batch(conn: Connection, work: _Batch, config: Config,
                 result: AddResult) -> list[str]:
    """Store a prepared batch; an article the database refuses is reported and left out,
    and never takes the rest of the batch with it (one savepoint per article)."""
    _recheck(conn, work, config, result)
    if not work.items:
        return []
    from dateline.pipeline import undated_records

    batch_number = _next_id(conn, articles.c.batch)
    refused: set[str] = set()
    for article, digest in work.items:
        sentence_rows = [{"article_id": article.id, "idx": s.index, "start_offset": s.start,
                          "end_offset": s.end, "text": s.text,
                          "timexes": codec.dumps([codec.timex_record(t) for t in s.timexes])}
                         for s in article.sentences]
        band_rows = ([{"band_key": k, "article_id": article.id}
                      for k in work.bands.get(article.id, [])]
                     if article.duplicate_of is None else [])
        try:
            with conn.begin_nested():
                conn.execute(articles.insert(), [codec.article_row(article, digest,
                                                                   batch_number)])
                if sentence_rows:
                    conn.execute(sentences.insert(), sentence_rows)
                if band_rows:
                    conn.execute(article_bands.insert(), band_rows)
        except DBAPIError as error:
            refused.add(article.id)
            result.warnings.append(Warning_(article.path, "not stored: the database refused "
                                                          f"it ({db_reason(error)})"))
    _drop(work, refused)
    items = [a for a, _ in work.items]
    new_mentions = work.mentions
    undated_rows = undated_records(items, new_mentions, work.undated)
    if undated_rows:
        first = _next_id(conn, undated.c.id)
        conn.execute(undated.insert(), [
            {"id": first + k, "article_id": r["article"], "sentence": r["sentence"],
             "expression": r["expression"], "reason": r["reason"]}
            for k, r in enumerate(undated_rows)])
    if new_mentions:
        first = _next_id(conn, mentions.c.id)
        ids = list(range(first, first + len(new_mentions)))
        terms = [mention_terms(m) for m in new_mentions]
        conn.execute(mentions.insert(), [
            {**codec.mention_row(m, i), "terms": t}
            for m, i, t in zip(new_mentions, ids, terms, strict=True)])
        replaced, created = regroup(conn, list(zip(ids, new_mentions, strict=True)), config,
                                    terms, {a.id: a for a in items})
        result.events_replaced += replaced
        result.events_created += created
    return [a.id for a in items]


_ARTICLE_COLUMNS = [c for c in articles.c if c.name != "raw_text"]


def _other_mentions(conn: Connection, described: list[Event],
                    in_memory: dict[int, Mention], redescribed: set[str], gone: set[str]
                    ) -> tuple[list[Mention], set[tuple[str, int]]]:
    """The other mentions of the described events' articles, whose names a build would
    know too (it learns names from every event it shows); mentions in memory are newer
    than their rows, and those of ``redescribed`` stored events are described already.
    Also the sentences of the stored events not described now (nor ``gone``), whose
    quotes are theirs."""
    wanted = sorted({m.article_id for event in described for m in event.mentions})
    own = {id(m) for event in described for m in event.mentions}
    found: list[Mention] = []
    taken: set[tuple[str, int]] = set()
    for chunk in _chunks(wanted):
        for row in conn.execute(select(mentions).where(mentions.c.article_id.in_(chunk))
                                .order_by(mentions.c.id)).mappings():
            if row["id"] in in_memory:
                if id(in_memory[row["id"]]) not in own:
                    found.append(in_memory[row["id"]])
            elif row["event_id"] not in redescribed:
                found.append(codec.mention_from_row(row))
                if row["event_id"] is not None and row["event_id"] not in gone:
                    taken.add((row["article_id"], row["sentence_index"]))
    return found, taken


def _neighbours(conn: Connection, article_ids: list[str], skip: set[str]) -> list[Event]:
    """The stored events (other than ``skip``) that ``article_ids`` lead with (their
    headline joined them): a quote in no dated sentence goes to the event the article
    leads with, so a changed event of the article (which may now hold such a quote, or
    give one up) changes that event's quotes, and it is described again. An article's
    other events keep theirs (a quote in their own sentences is theirs whatever changes)."""
    ids: set[str] = set()
    for chunk in _chunks(article_ids):
        ids.update(e for (e,) in conn.execute(
            select(mentions.c.event_id).distinct().where(mentions.c.article_id.in_(chunk))
            .where(mentions.c.sentence_index == HEADLINE)
            .where(mentions.c.event_id.is_not(None))).all())
    wanted = sorted(ids - skip)
    rows = []
    for chunk in _chunks(wanted):
        rows.extend(conn.execute(select(events).where(events.c.id.in_(chunk))).mappings().all())
    by_event: dict[str, list[Mention]] = {row["id"]: [] for row in rows}
    for chunk in _chunks(list(by_event)):
        for row in conn.execute(select(mentions).where(mentions.c.event_id.in_(chunk))
                                .order_by(mentions.c.id)).mappings():
            by_event[row["event_id"]].append(codec.mention_from_row(row))
    return [codec.event_from_row(row, by_event[row["id"]]) for row in rows]


def _parse_for_description(described: list[Event], new: list[Mention], nlp
                           ) -> dict[str, object]:
    """The parses ``describe_events`` reads, and the entities of the new mentions, with
    at most one pass of the model per sentence.

    A new sentence is parsed in full (its entities come with the parse; a new sentence
    not parsed gets them from the recognizer alone). A stored sentence keeps the
    entities it was stored with: it is parsed without the recognizer (about half of the
    model's time) and its entities are set on the parse, and when it names no one it is
    parsed only if it is an event's summary (for the title), since roles come from
    entities alone.
    """
    fresh_texts = {m.sentence for m in new}
    known: dict[str, list] = {}
    for event in described:
        for mention in event.mentions:
            if mention.sentence not in fresh_texts:
                known[mention.sentence] = mention.entities or known.get(mention.sentence, [])
    summaries = {event.summary for event in described}
    wanted = list(dict.fromkeys(sentences_to_parse(described)))
    docs: dict[str, object] = {}
    stored = [t for t in wanted if t in known and (known[t] or t in summaries)]
    if stored and "ner" in nlp.pipe_names:
        with nlp.select_pipes(disable=["ner"]):
            for text, doc in zip(stored, nlp.pipe(stored, batch_size=32), strict=True):
                spans, position = [], 0
                for entity in known[text]:
                    start = text.find(entity.text, position)
                    span = (doc.char_span(start, start + len(entity.text),
                                          label=entity.label) if start >= 0 else None)
                    if span is None:
                        break  # not on the same tokens: parsed in full below
                    spans.append(span)
                    position = start + len(entity.text)
                else:
                    doc.ents = spans
                    docs[text] = doc
    rest = [t for t in wanted if t not in docs and (t not in known or t in stored)]
    docs.update(zip(rest, nlp.pipe(rest, batch_size=32), strict=True))
    for mention in new:
        if mention.sentence in docs:
            mention.entities = entities_of(docs[mention.sentence])
    attach_entities([m for m in new if m.sentence not in docs], nlp)
    return docs


def _articles_of(conn: Connection, described: list[Event],
                 known: dict[str, Article]) -> list[Article]:
    """The articles of ``described`` events with their sentences, as a build has them
    (quotes are read in whole articles): the batch's from memory, the others stored."""
    wanted = sorted({m.article_id for event in described for m in event.mentions})
    found = {a: known[a] for a in wanted if a in known}
    missing = [a for a in wanted if a not in found]
    for chunk in _chunks(missing):
        for row in conn.execute(select(*_ARTICLE_COLUMNS).where(articles.c.id.in_(chunk))
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


def _unique_ids(conn: Connection, batch: list[Article]) -> None:
    """Give clashing article ids (same file name as a stored article) a numeric suffix."""
    wanted = [a.id for a in batch]
    taken = set()
    for chunk in _chunks(wanted):
        taken.update(conn.execute(select(articles.c.id).where(articles.c.id.in_(chunk)))
                     .scalars())
    used: set[str] = set()
    for article in batch:
        base, candidate, number = article.id, article.id, 1
        while candidate in used or candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
            if candidate not in used and conn.execute(
                    select(articles.c.id).where(articles.c.id == candidate)).first():
                taken.add(candidate)
        article.id = candidate
        used.add(candidate)


def _stored_duplicates(conn: Connection, batch: list[Article], bands: dict[str, list[str]],
                       threshold: float) -> None:
    """Point batch originals that copy a stored article at the stored original."""
    redirect: dict[str, str] = {}
    for article in batch:
        keys = bands[article.id]
        if article.duplicate_of is not None or not keys:
            continue
        candidates = set(conn.execute(select(article_bands.c.article_id).where(
            article_bands.c.band_key.in_(keys))).scalars())
        if not candidates:
            continue
        mine = shingles(article.text)
        best, best_score = None, threshold
        for row in conn.execute(select(articles.c.id, articles.c.text, articles.c.duplicate_of)
                                .where(articles.c.id.in_(sorted(candidates)))).mappings():
            score = jaccard(mine, shingles(row["text"]))
            if score >= best_score:
                best, best_score = row["duplicate_of"] or row["id"], score
        if best is not None:
            redirect[article.id] = best
    for article in batch:
        if article.id in redirect:
            article.duplicate_of = redirect[article.id]
        elif article.duplicate_of in redirect:
            article.duplicate_of = redirect[article.duplicate_of]


def _next_id(conn: Connection, column) -> int:
    return (conn.execute(select(func.max(column))).scalar() or 0) + 1


def _period_range(precision: Precision, year: int, month: int) -> tuple[int, int]:
    if precision is Precision.MONTH:
        first = dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return first.toordinal(), nxt.toordinal() - 1
    return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


# --- word features -------------------------------------------------------------------

def terms_version() -> str:
    """Version of the grouping's word features that stored ``terms`` were made with."""
    return f"f{FEATURES_VERSION}"


def refresh_terms(store: Store, chunk: int = 2000) -> int:
    """Recompute the stored word features made by other grouping code (each add does it
    for the mentions it meets; this does all at once, e.g. after an upgrade)."""
    version = terms_version()
    done = 0
    while True:
        with store.write() as conn:
            rows = conn.execute(select(mentions).where(or_(
                mentions.c.terms.is_(None), ~mentions.c.terms.startswith(version + "\t")))
                .limit(chunk)).mappings().all()
            if not rows:
                return done
            conn.execute(update(mentions).where(mentions.c.id == bindparam("mention_id"))
                         .values(terms=bindparam("new_terms")),
                         [{"mention_id": r["id"],
                           "new_terms": mention_terms(codec.mention_from_row(r))}
                          for r in rows])
            done += len(rows)


def mention_terms(mention: Mention) -> str:
    """The ``terms`` column: the grouping's features of the sentence and of the story."""
    context = content_words(mention.context) if mention.context else []
    return (f"{terms_version()}\t{_SEP.join(similarity.mention_terms(mention))}"
            f"\t{_SEP.join(context)}")


_SEP = "\x1f"  # never inside a word or name phrase (letters, digits, ' ’ - and spaces)


def _words(value: str) -> list[str]:
    return value.split(_SEP) if value else []


def _split_terms(value: str | None) -> tuple[str, str] | None:
    """(sentence words, context words), still joined, of a current ``terms`` value."""
    if not value:
        return None
    version, _, rest = value.partition("\t")
    if version != terms_version():
        return None
    sentence, _, context = rest.partition("\t")
    return sentence, context


def _same(tokens):
    return tokens


_CANDIDATE_COLUMNS = [mentions.c.id, mentions.c.event_id, mentions.c.article_id,
                      mentions.c.precision, mentions.c.first_day, mentions.c.last_day,
                      mentions.c.terms]


@dataclass
class _Candidates:
    """Stored mentions (in events) whose dates let them share an event with a new one."""

    event_ids: list[str] = field(default_factory=list)
    precisions: list[str] = field(default_factory=list)
    first_days: list[int] = field(default_factory=list)
    last_days: list[int] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    sentence_terms: list[list[str]] = field(default_factory=list)
    contexts: dict[str, list[str]] = field(default_factory=dict)  # article id -> terms

    def __len__(self) -> int:
        return len(self.event_ids)


def _candidates(conn: Connection, new: list[Mention], tolerance: int) -> _Candidates:
    """Stored mentions whose dates let them share an event with a new mention.

    A day mention meets the stored day mentions within the tolerance and the month and
    year mentions of its period (which may attach to it); a month or year mention meets
    the mentions of its own period, the month mentions of its year, and the finer ones
    inside its period when the period is not too crowded. Every clause is an indexed
    (precision, first_day) lookup; all of them go out in a few OR-ed queries.
    """
    day, month, year = Precision.DAY.value, Precision.MONTH.value, Precision.YEAR.value
    day_ranges: list[tuple[int, int]] = []
    periods: set[tuple[str, int]] = set()  # (precision, first day of the period)
    finer: set[tuple[str, int, int]] = set()  # (precision, lo, hi) inside a coarse period
    for mention in new:
        date = mention.date
        year_start = dt.date(date.year, 1, 1).toordinal()
        periods.add((year, year_start))
        if date.precision is Precision.DAY:
            ordinal = date.first_day.toordinal()
            day_ranges.append((ordinal - tolerance, ordinal + tolerance))
            periods.add((month, dt.date(date.year, date.month, 1).toordinal()))
            continue
        lo, hi = _period_range(date.precision, date.year, date.month)
        periods.add((date.precision.value, lo))
        finer.add((day, lo, hi))
        if date.precision is Precision.YEAR:
            finer.add((month, lo, hi))
    for precision, lo, hi in sorted(finer):
        crowd = conn.execute(select(func.count()).select_from(mentions).where(
            mentions.c.precision == precision, mentions.c.first_day.between(lo, hi))).scalar()
        if crowd <= PERIOD_DAY_LIMIT:  # a finer event it may join
            if precision == day:
                day_ranges.append((lo, hi))
            else:
                periods.update((month, m) for m in _month_starts(lo, hi))
    conditions = [(mentions.c.precision == day) & mentions.c.first_day.between(lo, hi)
                  for lo, hi in _merge(day_ranges)]
    by_precision: dict[str, list[int]] = {}
    for precision, first in sorted(periods):
        by_precision.setdefault(precision, []).append(first)
    for precision, firsts in by_precision.items():
        for chunk in _chunks(firsts, 200):
            conditions.append((mentions.c.precision == precision)
                              & mentions.c.first_day.in_(chunk))
    found = _Candidates()
    stale: list[int] = []
    positions: dict[int, int] = {}
    for chunk in _chunks(conditions, 100):
        for row in conn.execute(select(*_CANDIDATE_COLUMNS).where(
                mentions.c.event_id.is_not(None), or_(*chunk))):
            if row.id in positions:
                continue
            positions[row.id] = len(found)
            found.event_ids.append(row.event_id)
            found.precisions.append(row.precision)
            found.first_days.append(row.first_day)
            found.last_days.append(row.last_day)
            found.articles.append(row.article_id)
            parts = _split_terms(row.terms)
            if parts is None:
                stale.append(row.id)
                found.sentence_terms.append([])
                continue
            found.sentence_terms.append(_words(parts[0]))
            if row.article_id not in found.contexts:
                found.contexts[row.article_id] = _words(parts[1])
    if stale:  # made by older code: compute the features once and keep them
        updates = []
        for chunk in _chunks(stale):
            for row in conn.execute(select(mentions).where(mentions.c.id.in_(chunk))
                                    ).mappings():
                value = mention_terms(codec.mention_from_row(row))
                updates.append({"mention_id": row["id"], "new_terms": value})
                sentence, context = _split_terms(value)
                found.sentence_terms[positions[row["id"]]] = _words(sentence)
                found.contexts.setdefault(row["article_id"], _words(context))
        conn.execute(update(mentions).where(mentions.c.id == bindparam("mention_id"))
                     .values(terms=bindparam("new_terms")), updates)
    return found


def _month_starts(lo: int, hi: int) -> list[int]:
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    starts, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        starts.append(dt.date(year, month, 1).toordinal())
        year, month = year + (month == 12), month % 12 + 1
    return starts


def _vectors(documents: list[list[str]], use_idf: bool = True):
    """The grouping's TF-IDF rows of word lists already analysed (the ``terms`` column)."""
    return tfidf_vectors(documents, _same, use_idf)


_BLOCK_COLUMNS = 4096


@dataclass
class _Reach:
    """Which stored events, and which other new mentions, each new mention may meet."""

    events: list[set[str]]  # per new mention: ids of stored events it may join or change
    peers: list[tuple[int, int]]  # pairs of new mentions that may share an event

    @property
    def touched(self) -> set[str]:
        return set().union(*self.events) if self.events else set()


def _date_pairs(first_a, last_a, day_a, first_b, last_b, day_b, tolerance: int):
    """Pairs of dates that may share an event: two days within the tolerance, or one
    date inside the other (a month or year mention and what it may attach to)."""
    both_days = day_a & day_b
    near = both_days & (np.abs(first_a - first_b) <= tolerance)
    nested = ~both_days & (((first_a <= first_b) & (last_b <= last_a))
                           | ((first_b <= first_a) & (last_a <= last_b)))
    return near | nested


def _reach(conn: Connection, new: list[Mention], config: Config,
           terms: list[str] | None = None) -> _Reach:
    """The stored events (and new mentions) each new mention may meet.

    Candidates are the stored mentions whose dates are compatible with a new mention
    (two day mentions within the tolerance, or one date inside the other), found by
    indexed date lookups. Closeness is the grouping's own similarity
    (``MentionSimilarity.cross``: TF-IDF cosine of the sentences, fitted on the new and
    candidate mentions together, plus the same-story bonus), computed from the stored
    word features rather than by re-tokenizing the candidates. A new mention meets a
    stored event when its average similarity to the event's date-compatible members is
    at least ``CANDIDATE_SIMILARITY`` (well under the merge threshold), or
    ``ATTACH_CANDIDATE_SIMILARITY`` towards members of another precision (a month or
    year mention and a finer event); two new mentions meet when their pair does.
    ``terms`` are the new mentions' features (computed when not given).
    """
    count = len(new)
    tolerance = config.date_tolerance_days
    found = _candidates(conn, new, tolerance)
    terms = terms if terms is not None else [mention_terms(m) for m in new]
    new_sentences, new_contexts = [], []
    for value in terms:
        sentence, context = _split_terms(value)
        new_sentences.append(_words(sentence))
        new_contexts.append(_words(context))
    vectors = _vectors(new_sentences + found.sentence_terms)
    if vectors is None:  # no word anywhere: nothing is similar, keep the batch together
        return _Reach([set() for _ in new], [(0, k) for k in range(1, count)])
    new_rows, old_rows = vectors[:count], vectors[count:]
    bonus = STORY_BONUS
    stored_contexts = list(found.contexts.values())
    story = None
    if bonus and any(stored_contexts + new_contexts):
        context_vectors = _vectors(stored_contexts + new_contexts, use_idf=False)
        if context_vectors is not None:
            mine = context_vectors[len(stored_contexts):]
            cosine = (mine @ context_vectors.T).toarray()
            story = story_bonus(cosine, bonus)
    index = {a: k for k, a in enumerate(found.contexts)}
    old_columns = np.array([index[a] for a in found.articles], dtype=int)
    new_columns = np.arange(len(stored_contexts), len(stored_contexts) + count)

    floor = min(CANDIDATE_SIMILARITY, config.similarity_threshold)
    new_day = np.array([m.date.precision is Precision.DAY for m in new])
    new_rank = np.array([m.date.precision.rank for m in new])
    new_first = np.array([m.date.first_day.toordinal() for m in new])
    new_last = np.array([m.date.last_day.toordinal() for m in new])

    def meets(block, columns, first, last, day, rank):
        if story is not None:
            block = block + story[:, columns]
        dates = _date_pairs(new_first[:, None], new_last[:, None], new_day[:, None],
                            first[None, :], last[None, :], day[None, :], tolerance)
        # A month or year mention only joins a finer event it retells closely.
        needed = np.where(new_rank[:, None] == rank[None, :], floor,
                          ATTACH_CANDIDATE_SIMILARITY)
        return dates & (block >= needed)

    peers = meets((new_rows @ new_rows.T).toarray(), new_columns, new_first, new_last,
                  new_day, new_rank)
    rows, cols = np.nonzero(np.triu(peers, 1))
    pairs = list(zip(rows.tolist(), cols.tolist(), strict=True))
    # Stored side: a new mention meets an event when its average similarity to the
    # event's members it may share an event with clears the floor, as average linkage
    # (and the finer-date attachment, a mean too) would need; one close sentence in a
    # large event does not reopen it.
    day = Precision.DAY.value
    event_index: dict[str, int] = {}
    event_of = np.array([event_index.setdefault(e, len(event_index))
                         for e in found.event_ids], dtype=int)
    shape = (count, len(event_index))
    totals = [sparse.csr_matrix(shape), sparse.csr_matrix(shape)]  # same / other precision
    counts = [sparse.csr_matrix(shape), sparse.csr_matrix(shape)]
    old_day = np.array([p == day for p in found.precisions], dtype=bool)
    old_rank = np.array([Precision(p).rank for p in found.precisions], dtype=int)
    old_first = np.array(found.first_days, dtype=int)
    old_last = np.array(found.last_days, dtype=int)
    for start in range(0, len(found), _BLOCK_COLUMNS):
        part = slice(start, min(start + _BLOCK_COLUMNS, len(found)))
        width = part.stop - part.start
        block = (new_rows @ old_rows[part].T).toarray()
        if story is not None:
            block += story[:, old_columns[part]]
        dates = _date_pairs(new_first[:, None], new_last[:, None], new_day[:, None],
                            old_first[None, part], old_last[None, part], old_day[None, part],
                            tolerance)
        same = new_rank[:, None] == old_rank[None, part]
        members = sparse.csr_matrix((np.ones(width), (np.arange(width), event_of[part])),
                                    shape=(width, shape[1]))
        for k, mask in enumerate((dates & same, dates & ~same)):
            if mask.any():
                totals[k] = totals[k] + sparse.csr_matrix(np.where(mask, block, 0.0)) @ members
                counts[k] = counts[k] + sparse.csr_matrix(mask.astype(float)) @ members
    names = list(event_index)
    events: list[set[str]] = [set() for _ in new]
    for k, needed in enumerate((floor, ATTACH_CANDIDATE_SIMILARITY)):
        average = totals[k].multiply(counts[k].power(-1)).tocoo()
        for i, e, value in zip(average.row.tolist(), average.col.tolist(),
                               average.data.tolist(), strict=True):
            if value >= needed:
                events[i].add(names[e])
    return _Reach(events, pairs)


def affected_events(conn: Connection, new: list[Mention], config: Config,
                    terms: list[str] | None = None) -> set[str]:
    """Ids of the stored events a batch of new mentions may change (see ``_reach``)."""
    return _reach(conn, new, config, terms).touched


def _components(new: list[tuple[int, Mention]], reach: _Reach) -> list[tuple[list[int],
                                                                             set[str]]]:
    """Split the new mentions and the events they reach into independent parts:
    (new mention positions, stored event ids), in order of their first new mention."""
    sets = UnionFind(len(new))
    root, join = sets.find, sets.union
    for a, b in reach.peers:
        join(a, b)
    owner: dict[str, int] = {}
    for k, event_ids in enumerate(reach.events):
        for event_id in event_ids:
            if event_id in owner:
                join(owner[event_id], k)
            else:
                owner[event_id] = k
    # A sentence continuing a dated one goes where that sentence goes.
    stated = {(m.article_id, m.sentence_index, m.date): k
              for k, (_, m) in enumerate(new) if not m.inherited}
    for k, (_, m) in enumerate(new):
        if m.inherited and (m.article_id, m.continues, m.date) in stated:
            join(stated[(m.article_id, m.continues, m.date)], k)
    parts: dict[int, tuple[list[int], set[str]]] = {}
    for k in range(len(new)):
        positions, event_ids = parts.setdefault(root(k), ([], set()))
        positions.append(k)
        event_ids.update(reach.events[k])
    return list(parts.values())


def regroup(conn: Connection, new: list[tuple[int, Mention]], config: Config,
            terms: list[str] | None = None,
            batch_articles: dict[str, Article] | None = None) -> tuple[int, int]:
    """Re-group the new mentions with the events they touch; returns (replaced, created).

    New mentions that cannot meet (no compatible date and close wording between them,
    directly or through a stored event they both reach) are re-grouped apart, each
    part with the stored events it reaches, so that the clustering's cost follows the
    parts rather than the whole batch's neighbourhood. Small parts are grouped together
    up to ``PACK`` mentions, to keep the number of clustering calls low. Only clusters
    that changed are written: a touched event that comes out with exactly its old
    mentions keeps its row (its id and content are a function of its mentions), so it
    counts neither as replaced nor as created.
    """
    reach = _reach(conn, [m for _, m in new], config, terms)
    touched = sorted(reach.touched)
    loaded: dict[str, list[tuple[int, Mention]]] = {}
    for chunk in _chunks(touched):
        for row in conn.execute(select(mentions).where(mentions.c.event_id.in_(chunk))
                                .order_by(mentions.c.id)).mappings():
            loaded.setdefault(row["event_id"], []).append(
                (row["id"], codec.mention_from_row(row)))
    params = GroupingParams(threshold=config.similarity_threshold,
                            tolerance_days=config.date_tolerance_days,
                            similarity=config.similarity)  # as the build's grouping
    packs: list[tuple[list[int], set[str]]] = []
    size = 0
    for positions, event_ids in _components(new, reach):
        weight = len(positions) + sum(len(loaded.get(e, ())) for e in event_ids)
        if not packs or size + weight > PACK:
            packs.append(([], set()))
            size = 0
        packs[-1][0].extend(positions)
        packs[-1][1].update(event_ids)
        size += weight
    changed: list[tuple[list[Mention], list[int]]] = []
    kept: set[str] = set()
    for positions, event_ids in packs:
        members = {e: {number for number, _ in loaded.get(e, ())} for e in event_ids}
        # In a build's order (article by article, each in reading order) whatever order
        # the batches came in: ties in the clustering and in the date and summary of
        # an event are broken alike.
        everything = sorted([pair for e in event_ids for pair in loaded.get(e, ())]
                            + [new[k] for k in positions],
                            key=lambda pair: (pair[1].article_id, pair[0]))
        number_of = {id(m): i for i, m in everything}
        for cluster in group_mentions([m for _, m in everything], params):
            numbers = [number_of[id(m)] for m in cluster]
            event_id = f"ev{min(numbers)}"
            if members.get(event_id) == set(numbers):
                kept.add(event_id)  # the same mentions: the stored row is still right
            else:
                changed.append((cluster, numbers))
    article_ids = sorted({m.article_id for cluster, _ in changed for m in cluster})
    sites: dict[str, str | None] = {}
    for chunk in _chunks(article_ids):
        sites.update(conn.execute(select(articles.c.id, articles.c.site)
                                  .where(articles.c.id.in_(chunk))).all())
    dropped = [event_id for event_id in touched if event_id not in kept]
    for chunk in _chunks(dropped):
        conn.execute(delete(events).where(events.c.id.in_(chunk)))
    event_rows, links = [], []
    written: list[tuple[Event, str]] = []
    neighbours: list[Event] = []
    numbered: dict[int, int] = {}  # id(mention) -> its number, for mentions written
    for cluster, numbers in changed:
        numbered.update((id(m), n) for m, n in zip(cluster, numbers, strict=True))
        event = make_event(cluster)
        if event is None:  # supporting sentences only: kept, in no event until one comes
            links.extend({"mention_id": n, "new_event": None} for n in numbers)
            continue
        event_id = f"ev{min(numbers)}"
        written.append((event, event_id))
        links.extend({"mention_id": n, "new_event": event_id} for n in numbers)
    if written:
        written_ids = {event_id for _, event_id in written}
        changed_articles = sorted({m.article_id for event, _ in written for m in event.mentions})
        neighbours = _neighbours(conn, changed_articles, set(dropped) | written_ids)
        for chunk in _chunks(sorted({m.article_id for event in neighbours
                                     for m in event.mentions} - set(sites))):
            sites.update(conn.execute(select(articles.c.id, articles.c.site)
                                      .where(articles.c.id.in_(chunk))).all())
        conn.execute(delete(events).where(events.c.id.in_([e.id for e in neighbours])))
        written.extend((event, event.id) for event in neighbours)
        described = [event for event, _ in written]
        nlp = _entity_pipeline() if config.use_ner else None
        # Stored mentions keep the entities they were stored with; the new ones get
        # theirs now (from the parse when it reads their sentence), and are stored.
        described_mentions = [m for event in described for m in event.mentions]
        without = list({id(m): m for m in [*described_mentions, *(m for _, m in new)]
                        if not m.entities}.values())
        docs = (_parse_for_description(described, [m for _, m in new], nlp)
                if nlp is not None else None)
        in_memory = {numbered[id(m)]: m for m in described_mentions if id(m) in numbered}
        in_memory.update(new)
        others, taken = _other_mentions(conn, described, in_memory,
                                        {e.id for e in neighbours}, set(dropped))
        describe_events(described, nlp, _articles_of(conn, described, batch_articles or {}),
                        entities_known=True, docs=docs, more_names=others, taken=taken)
        # Entities found now (the new mentions', and any the parse gave a stored mention
        # that had none) are stored with their mentions.
        found = [{"mention_id": numbered[id(m)], "new_entities": codec.dumps(
                    [[e.text, e.label] for e in m.entities])}
                 for m in without if m.entities and id(m) in numbered]
        if found:
            conn.execute(update(mentions).where(mentions.c.id == bindparam("mention_id"))
                         .values(entities=bindparam("new_entities")), found)
        event_rows = [codec.event_row(event, event_id, sites) for event, event_id in written]
    if event_rows:
        conn.execute(events.insert(), event_rows)
    if links:
        conn.execute(update(mentions).where(mentions.c.id == bindparam("mention_id"))
                     .values(event_id=bindparam("new_event")), links)
    return len(dropped), len(event_rows) - len(neighbours)  # described again: not new
