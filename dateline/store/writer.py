"""Adding articles to a store: each batch prepared outside any transaction, then written
in one.

Each batch is prepared (cleaned, dated, its mentions found) by the pipeline's own stages
outside any write transaction, then written in one short transaction under the store's
write lock: the articles, their sentences, mentions, duplicate links and the re-grouped
events (``incremental.regroup``) are committed together or not at all, so a run killed at
any moment keeps every batch it reported and a rerun skips them (an article's identity is
the SHA-256 of its raw text).

What a build prepares with the whole collection, the store prepares with everything
stored: a batch is cleaned with the line statistics of every stored page, the stored
pages whose reading of those statistics it changes are prepared again with it and
rewritten when they read otherwise (``store.lines``), and copies are found among every
stored article with the build's LSH bands (a copy of a stored copy joins its group).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, or_, select, update
from sqlalchemy.exc import DBAPIError

from dateline.clean.duplicates import band_keys, is_copy, jaccard, original_key, shingles
from dateline.clean.noise import PageLines, page_lines
from dateline.config import Config
from dateline.engine import LOCAL, Engine
from dateline.model import Article, Mention, Warning_
from dateline.nlp import process_pipeline
from dateline.store import codec
from dateline.store.db import Store, db_reason
from dateline.store.incremental import regroup
from dateline.store.lines import batch_stats, cleans_otherwise, stored_as_read
from dateline.store.rows import ARTICLE_COLUMNS as _ARTICLE_COLUMNS
from dateline.store.rows import chunks, next_id
from dateline.store.schema import (
    article_bands,
    article_lines,
    articles,
    line_rows,
    mentions,
    sentences,
    undated,
)
from dateline.store.terms import changes as term_changes
from dateline.store.terms import count as count_terms
from dateline.store.terms import sentence_terms

DEFAULT_BATCH = 100  # a batch's re-grouping cost is mostly its neighbourhood: amortize it

@dataclass
class AddResult:
    """What one ``add`` call did."""

    added: list[str] = field(default_factory=list)  # article ids committed
    already: list[str] = field(default_factory=list)  # paths whose text was already stored
    warnings: list[Warning_] = field(default_factory=list)
    batches: int = 0
    events_replaced: int = 0
    events_created: int = 0



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
        for chunk in chunks([d for _, d in pending]):
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
    superseded: dict[str, str] = field(default_factory=dict)  # stored original -> new one
    # stored articles the batch's line statistics make clean otherwise, prepared again
    again: list[Article] = field(default_factory=list)
    read: dict[int, dict] = field(default_factory=dict)  # id(article) -> title, form as read
    pages: dict[int, PageLines] = field(default_factory=dict)  # id(article) -> its lines


def _prepare_batch(store: Store, batch: list[tuple[Article, str]], config: Config,
                   result: AddResult, engine: Engine = LOCAL) -> _Batch:
    """Everything slow about a batch (cleaning, dating, tagging), done outside the write lock
    so that another writer waits at most for one commit; reads use a snapshot."""
    items = [a for a, _ in batch]
    with store.read() as conn:
        _unique_ids(conn, items)
        pages = {id(a): page_lines(a.raw_text) for a in items}
        # the whole store's line statistics
        stats, changed = batch_stats(conn, [pages[id(a)] for a in items])
        stale = [(article, row) for article, row in stored_as_read(conn, changed)
                 if cleans_otherwise(article, changed[article.id], row)]
    from dateline.pipeline import extract_all, prepare_articles

    read = {id(a): {"title": a.title, "form": a.form} for a in items + [a for a, _ in stale]}
    prepare_articles(items + [a for a, _ in stale], config, engine,
                     stats + [changed[a.id] for a, _ in stale])
    again = [article for article, row in stale if _prepared_otherwise(article, row)]
    stored_copies = {a.id for a, row in stale if row["duplicate_of"]} - {a.id for a in again}
    for article in items:  # the store's copy rule finds a stored copy's group instead
        if article.duplicate_of in stored_copies:
            article.duplicate_of = None
    bands = {a.id: band_keys(a.text) for a in items + again}
    with store.read() as conn:
        _stored_duplicates(conn, items + again, bands, config.near_duplicate_threshold,
                           {a.id for a in again})
    nlp = process_pipeline() if config.use_ner else None
    # Entities are found when the events are described (regroup), from the same parse
    # that gives titles and roles: one pass of the model per sentence, not two.
    new_mentions, undated_items = extract_all(items + again, result.warnings, nlp=nlp,
                                              engine=engine)
    return _Batch(list(batch), bands, new_mentions, undated_items, again=again, read=read,
                  pages=pages)


# What preparing an article decides (cleaning and dating), as stored in its row.
_PREPARED = ("text", "title", "captions", "published", "published_source",
             "published_confidence", "published_evidence")


def _prepared_otherwise(article: Article, row: dict) -> bool:
    """Whether a stored article prepared again reads otherwise than its stored row."""
    stored = codec.article_from_row(row)
    return any(getattr(article, name) != getattr(stored, name) for name in _PREPARED)


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
    for chunk in chunks(digests):
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
    originals = [a for a in items + work.again if a.duplicate_of is None]
    work.superseded = _stored_duplicates(conn, originals, work.bands,
                                         config.near_duplicate_threshold,
                                         {a.id for a in work.again})
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

    batch_number = next_id(conn, articles.c.batch)
    refused: set[str] = set()
    for article, digest in work.items:
        page = work.pages[id(article)]
        try:
            with conn.begin_nested():
                conn.execute(articles.insert(), [{
                    **codec.article_row(article, digest, batch_number),
                    "as_read": codec.dumps(work.read[id(article)]), "line_words": page.size}])
                _write_parts(conn, article, work.bands.get(article.id, []), page)
        except DBAPIError as error:
            refused.add(article.id)
            result.warnings.append(Warning_(article.path, "not stored: the database refused "
                                                          f"it ({db_reason(error)})"))
    _drop(work, refused)
    reopened, removed = _supersede(conn, work.superseded)
    found, gone = _forget(conn, [a.id for a in work.again])
    reopened, removed = reopened | found, removed + gone
    _rewrite(conn, work)
    items = [a for a, _ in work.items] + work.again
    new_mentions = work.mentions
    undated_rows = undated_records(items, new_mentions, work.undated)
    if undated_rows:
        first = next_id(conn, undated.c.id)
        conn.execute(undated.insert(), [
            {"id": first + k, "article_id": r["article"], "sentence": r["sentence"],
             "expression": r["expression"], "reason": r["reason"]}
            for k, r in enumerate(undated_rows)])
    if new_mentions or reopened:
        first = next_id(conn, mentions.c.id)
        ids = list(range(first, first + len(new_mentions)))
        terms = [codec.mention_terms(m) for m in new_mentions]
        if new_mentions:  # the collection's document frequencies count them first
            count_terms(conn, term_changes(codec.split_terms(t)[0] for m, t
                                           in zip(new_mentions, terms, strict=True)
                                           if not m.inherited))
            conn.execute(mentions.insert(), [
                {**codec.mention_row(m, i), "terms": t}
                for m, i, t in zip(new_mentions, ids, terms, strict=True)])
        replaced, created = regroup(conn, list(zip(ids, new_mentions, strict=True)), config,
                                    terms, {a.id: a for a in items}, reopened, removed)
        result.events_replaced += replaced
        result.events_created += created
    return [a.id for a, _ in work.items]


def _write_parts(conn: Connection, article: Article, bands: list[str], page: PageLines
                 ) -> None:
    """An article's sentences, copy bands and line index rows."""
    sentence_rows = [{"article_id": article.id, "idx": s.index, "start_offset": s.start,
                      "end_offset": s.end, "text": s.text,
                      "timexes": codec.dumps([codec.timex_record(t) for t in s.timexes])}
                     for s in article.sentences]
    if sentence_rows:
        conn.execute(sentences.insert(), sentence_rows)
    if bands:
        conn.execute(article_bands.insert(), [{"band_key": k, "article_id": article.id}
                                              for k in bands])
    rows = line_rows(article.id, page)
    if rows:
        conn.execute(article_lines.insert(), rows)


def _rewrite(conn: Connection, work: _Batch) -> None:
    """Store the articles prepared again in place of their old preparation (same id,
    batch and text identity); their stored copies follow them when they became copies."""
    for article in work.again:
        row = codec.article_row(article, "", 0)
        conn.execute(update(articles).where(articles.c.id == article.id)
                     .values({name: row[name] for name in (*_PREPARED, "duplicate_of")}))
        if article.duplicate_of is not None:
            conn.execute(update(articles).where(articles.c.duplicate_of == article.id)
                         .values(duplicate_of=article.duplicate_of))
        _write_parts(conn, article, work.bands.get(article.id, []),
                     page_lines(article.raw_text))


def _unique_ids(conn: Connection, batch: list[Article]) -> None:
    """Give clashing article ids (same file name as a stored article) a numeric suffix."""
    wanted = [a.id for a in batch]
    taken = set()
    for chunk in chunks(wanted):
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
                       threshold: float, again: set[str] = frozenset()) -> dict[str, str]:
    """Point batch originals that copy a stored article (the build's copy rule) at the
    stored original, or, when the batch's copy is the one a build keeps
    (``original_key``: earlier, or more complete), return it as the new original of
    that stored one: {stored original: batch original}. ``again``: stored articles of
    the batch prepared again, whose stored rows (and groups) are no candidates."""
    redirect: dict[str, str] = {}
    superseded: dict[str, str] = {}
    for article in batch:
        keys = bands[article.id]
        if article.duplicate_of is not None or not keys:
            continue
        candidates = set(conn.execute(select(article_bands.c.article_id).where(
            article_bands.c.band_key.in_(keys))).scalars())
        mine = shingles(article.text)
        best, best_score = None, -1.0
        for row in conn.execute(select(articles.c.id, articles.c.text, articles.c.duplicate_of)
                                .where(articles.c.id.in_(sorted(candidates)))).mappings():
            if again & {row["id"], row["duplicate_of"]}:
                continue
            other = shingles(row["text"])
            if is_copy(mine, other, threshold) and jaccard(mine, other) > best_score:
                best, best_score = row["duplicate_of"] or row["id"], jaccard(mine, other)
        if best is None:
            continue
        row = conn.execute(select(*_ARTICLE_COLUMNS).where(articles.c.id == best)
                           ).mappings().one()
        stored = codec.article_from_row(row)
        if (best not in superseded and original_key(article, len(mine))
                < original_key(stored, len(shingles(stored.text)))):
            superseded[best] = article.id
        else:
            redirect[article.id] = superseded.get(best, best)
    for article in batch:
        if article.id in redirect:
            article.duplicate_of = redirect[article.id]
        elif article.duplicate_of in redirect:
            article.duplicate_of = redirect[article.duplicate_of]
    return superseded


def _supersede(conn: Connection, superseded: dict[str, str]) -> tuple[set[str], list]:
    """Make stored originals copies of the batch's originals that supersede them: their
    group points at the new original, and their mentions and undated rows go (a copy
    reports nothing). Returns the events that held those mentions and the mentions."""
    for old, new in superseded.items():
        conn.execute(update(articles).where(or_(articles.c.id == old,
                                                articles.c.duplicate_of == old))
                     .values(duplicate_of=new))
    return _drop_mentions(conn, list(superseded))


def _drop_mentions(conn: Connection, ids: list[str]) -> tuple[set[str], list]:
    """Delete the mentions and undated rows of stored articles ``ids``; returns the
    events that held those mentions and the mentions."""
    reopened: set[str] = set()
    removed = []
    stated: list[list[str]] = []  # their word features leave the collection's counts
    for old in ids:
        for row in conn.execute(select(mentions).where(mentions.c.article_id == old)
                                ).mappings():
            if row["continues"] is None:
                stated.append(sentence_terms(row["terms"], codec.mention_from_row(row)))
            if row["event_id"] is not None:
                reopened.add(row["event_id"])
                removed.append(codec.mention_from_row(row))
        conn.execute(delete(mentions).where(mentions.c.article_id == old))
        conn.execute(delete(undated).where(undated.c.article_id == old))
    if stated:
        count_terms(conn, term_changes(stated, -1))
    return reopened, removed


def _forget(conn: Connection, ids: list[str]) -> tuple[set[str], list]:
    """Remove what the old preparation of stored articles ``ids`` gave (mentions,
    undated rows, sentences, copy bands, line index), before they are written again."""
    found = _drop_mentions(conn, ids)
    for chunk in chunks(ids):
        for table in (sentences, article_bands, article_lines):
            conn.execute(delete(table).where(table.c.article_id.in_(chunk)))
    return found
