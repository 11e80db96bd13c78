"""Cleaning's collection-wide line statistics in a store: which stored pages hold each line.

A build cleans every article with the line statistics of the whole collection (a line
repeated across unrelated pages is furniture; copies of one story do not count,
``clean.noise.collection_stats``). A store keeps each article's distinct normalised
lines (``article_lines``) and its size in words, so a new batch is cleaned with the
statistics of everything stored, and the stored articles whose reading of those
statistics the batch changes (a line now repeated on a second unrelated page, a header
line now shared) are found and prepared again (``writer``). The statistics themselves
are the pipeline's (``noise.line_stats``), over the holders of the lines concerned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import Connection, select

from dateline.clean.linemodel import load as load_line_model
from dateline.clean.noise import (
    KIN_HOLDERS,
    REPEATS_READ,
    ArticleLineStats,
    PageLines,
    clean_article,
    copy_words,
    line_stats,
)
from dateline.model import Article
from dateline.store import codec
from dateline.store.rows import chunks
from dateline.store.schema import article_lines, articles, line_key

# A stored page's reading of a line the batch adds to can change while the line is on at
# most this many stored pages: past it, every holder already sees as many unrelated
# others as cleaning tells apart (unless twenty of them are its own copies), and the
# line has left the copy evidence.
REREAD_HOLDERS = KIN_HOLDERS + REPEATS_READ


def _holders(conn: Connection, norms: Iterable[str], words: dict[str, int]
             ) -> dict[str, dict[str, bool]]:
    """Stored holders of each line: {norm: {article id: in its page header}}; each
    line's copy evidence goes into ``words``."""
    found: dict[str, dict[str, bool]] = {}
    for chunk in chunks(sorted(map(line_key, norms))):
        for row in conn.execute(select(article_lines.c.norm, article_lines.c.article_id,
                                       article_lines.c.head, article_lines.c.copy_words)
                                .where(article_lines.c.line_key.in_(chunk))):
            found.setdefault(row.norm, {})[row.article_id] = bool(row.head)
            words[row.norm] = row.copy_words
    return found


def _lines_of(conn: Connection, ids: Iterable[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for chunk in chunks(sorted(ids)):
        for row in conn.execute(select(article_lines.c.article_id, article_lines.c.norm)
                                .where(article_lines.c.article_id.in_(chunk))):
            found.setdefault(row.article_id, set()).add(row.norm)
    return found


def _sizes(conn: Connection, ids: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunks(sorted(ids)):
        found.update((row.id, row.line_words or 0) for row in conn.execute(
            select(articles.c.id, articles.c.line_words).where(articles.c.id.in_(chunk))))
    return found


def batch_stats(conn: Connection, pages: list[PageLines]
                ) -> tuple[list[ArticleLineStats], dict[str, ArticleLineStats]]:
    """The line statistics of each batch article (by its ``page_lines``) in the store's
    collection (the batch included), and the stored articles whose reading of their
    statistics the batch changes, with their new statistics: {article id: statistics}."""
    mine = set().union(*(page.norms for page in pages)) if pages else set()
    words: dict[str, int] = {}
    holders = _holders(conn, mine, words)
    touched = {aid for found in holders.values() if len(found) <= REREAD_HOLDERS
               for aid in found}
    theirs = _lines_of(conn, touched)
    holders.update(_holders(conn, set().union(*theirs.values()) - mine if theirs else (),
                            words))
    stored = sorted({aid for found in holders.values() for aid in found})
    index = {aid: len(pages) + k for k, aid in enumerate(stored)}
    sizes = {index[aid]: size for aid, size in _sizes(conn, stored).items()}
    sizes.update((k, page.size) for k, page in enumerate(pages))
    before_where = {norm: {index[a] for a in found} for norm, found in holders.items()}
    before_head = {norm: {index[a] for a, head in found.items() if head}
                   for norm, found in holders.items()}
    where = {norm: set(found) for norm, found in before_where.items()}
    head = {norm: set(found) for norm, found in before_head.items()}
    for k, page in enumerate(pages):
        for norm in page.norms:
            where.setdefault(norm, set()).add(k)
            if norm not in words:
                words[norm] = copy_words(norm)
        for norm in page.head:
            head.setdefault(norm, set()).add(k)
    wanted = set(range(len(pages))) | {index[aid] for aid in theirs}
    after = line_stats(where, head, sizes, wanted, words)
    before = line_stats(before_where, before_head, sizes, wanted, words)
    new = [after.of_lines(k, page.norms) for k, page in enumerate(pages)]
    changed = {}
    for aid, norms in theirs.items():
        now = after.of_lines(index[aid], norms)
        if now.reading() != before.of_lines(index[aid], norms).reading():
            changed[aid] = now
    return new, changed


def stored_as_read(conn: Connection, ids: Iterable[str]) -> list[tuple[Article, dict]]:
    """Stored articles as they were read (raw text, given title and form), to be
    prepared again, each with its stored row; articles of a store older than the line
    index (no record of how they were read) are left as they are."""
    found = []
    for chunk in chunks(sorted(ids)):
        for row in conn.execute(select(articles).where(articles.c.id.in_(chunk))
                                ).mappings():
            read = codec.loads(row["as_read"], None)
            if read is None:
                continue
            article = codec.article_from_row(row)
            article.title, article.form = read["title"], read["form"]
            article.text, article.captions, article.duplicate_of = "", [], None
            found.append((article, dict(row)))
    return found


def cleans_otherwise(article: Article, stats: ArticleLineStats, row: dict) -> bool:
    """Whether a stored article as read (``stored_as_read``) cleans otherwise than its
    stored row with its new statistics: only those are prepared again (a new reading
    mostly leaves the page's text as it was)."""
    probe = replace(article, captions=[], removed=[])
    clean_article(probe, 0, stats, load_line_model())
    return (probe.text, probe.title, probe.captions) != (
        row["text"] or "", row["title"], codec.loads(row["captions"], []))
