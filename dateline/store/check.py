"""Consistency checks of a store (used by the tests; cheap enough to run after a crash)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, Table, func, select

from dateline.store.db import Store
from dateline.store.schema import articles, events, mentions, sentences


def verify(store: Store) -> list[str]:
    """Problems found in the store, one line each; an empty list means consistent."""
    problems: list[str] = []
    with store.read() as conn:
        hashes = conn.execute(select(articles.c.content_hash, func.count())
                              .group_by(articles.c.content_hash)
                              .having(func.count() > 1)).all()
        problems += [f"content hash {h[:12]} stored {n} times" for h, n in hashes]
        # Supporting mentions (a carried date, a "since"/"until" edge) wait for an event.
        orphans = _count(conn, mentions, mentions.c.event_id.is_(None),
                         mentions.c.continues.is_(None), mentions.c.bounding.is_not(True))
        if orphans:
            problems.append(f"{orphans} stated mention(s) belong to no event")
        dangling = _count(conn, mentions, mentions.c.event_id.not_in(select(events.c.id)))
        if dangling:
            problems.append(f"{dangling} mention(s) point at a missing event")
        counts = dict(conn.execute(select(mentions.c.event_id, func.count())
                                   .group_by(mentions.c.event_id)).all())
        for event_id, stored in conn.execute(select(events.c.id, events.c.mention_count)):
            if counts.get(event_id, 0) != stored:
                problems.append(f"event {event_id} lists {stored} mention(s), "
                                f"holds {counts.get(event_id, 0)}")
        for table, what in ((mentions, "mention"), (sentences, "sentence")):
            lost = _count(conn, table, table.c.article_id.not_in(select(articles.c.id)))
            if lost:
                problems.append(f"{lost} {what}(s) of articles not in the store")
    return problems


def _count(conn: Connection, table: Table, *where: ColumnElement[bool]) -> int:
    """Rows of ``table`` matching every condition of ``where``."""
    return conn.execute(select(func.count()).select_from(table).where(*where)).scalar() or 0
