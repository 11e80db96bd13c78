"""The collection's document frequencies of the grouping's word features, kept current.

A build weighs a sentence's words by the IDF of the whole collection (every stated
mention is a document). A store re-groups a few events at a time; to compare their
sentences with the build's numbers it keeps, per version of the word features, how many
stated mentions use each term (``term_counts``; the empty term counts the stated
mentions), updated as mentions are written and deleted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from sqlalchemy import Connection, bindparam, delete, select, update

from dateline.events.similarity import TermWeights, mention_terms
from dateline.model import Mention
from dateline.store import codec
from dateline.store.rows import chunks
from dateline.store.schema import mentions, term_counts

DOCUMENTS = ""  # the term_counts row counting the documents (stated mentions) themselves


def sentence_terms(value: str | None, mention: Mention) -> list[str]:
    """The sentence features of a stored ``terms`` value (recomputed when it was made
    by other grouping code)."""
    split = codec.split_terms(value)
    return split[0] if split is not None else mention_terms(mention)


def changes(stated: Iterable[list[str]], sign: int = 1) -> Counter[str]:
    """Document counts of the terms of ``stated`` mentions (``sign`` -1: removed)."""
    found: Counter[str] = Counter()
    for terms in stated:
        found[DOCUMENTS] += sign
        for term in set(terms):
            found[term] += sign
    return found


def _stored(conn: Connection, version: str, terms: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunks(terms):
        found.update(conn.execute(select(term_counts.c.term, term_counts.c.documents).where(
            term_counts.c.version == version, term_counts.c.term.in_(chunk))).all())
    return found


def count(conn: Connection, delta: Counter[str]) -> None:
    """Add ``delta`` to the stored counts (counting every stored mention first when the
    store has none for the running features: a store made by older code). Call before
    writing new mentions or after deleting old ones."""
    version = codec.terms_version()
    if not _stored(conn, version, [DOCUMENTS]):
        recount(conn)
    delta = Counter({term: n for term, n in delta.items() if n})
    known = _stored(conn, version, sorted(delta))
    updates = [{"v": version, "t": term, "d": known[term] + n}
               for term, n in delta.items() if term in known]
    if updates:
        conn.execute(update(term_counts).where(term_counts.c.version == bindparam("v"),
                                               term_counts.c.term == bindparam("t"))
                     .values(documents=bindparam("d")), updates)
    inserts = [{"version": version, "term": term, "documents": n}
               for term, n in delta.items() if term not in known]
    if inserts:
        conn.execute(term_counts.insert(), inserts)


def recount(conn: Connection) -> None:
    """Count every stored stated mention's terms again (older stores, changed features)."""
    conn.execute(delete(term_counts))
    found = changes(sentence_terms(row["terms"], codec.mention_from_row(row))
                    for row in conn.execute(select(mentions).where(
                        mentions.c.continues.is_(None))).mappings())
    found[DOCUMENTS] += 0  # a store without mentions still has its count row
    conn.execute(term_counts.insert(), [
        {"version": codec.terms_version(), "term": term, "documents": n}
        for term, n in found.items()])


class StoredWeights(TermWeights):
    """The stored collection's document frequencies, read for the vocabulary asked."""

    def __init__(self, conn: Connection):
        self.conn = conn
        if not _stored(conn, codec.terms_version(), [DOCUMENTS]):
            recount(conn)
        super().__init__(_stored(conn, codec.terms_version(), [DOCUMENTS])[DOCUMENTS], {})

    def idf(self, vocabulary: list[str]) -> np.ndarray:
        found = _stored(self.conn, codec.terms_version(), [DOCUMENTS, *vocabulary])
        return TermWeights(found.pop(DOCUMENTS), found).idf(vocabulary)
