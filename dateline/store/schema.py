"""Tables of the store and the ordered migration steps that create and evolve them.

The schema is written with SQLAlchemy Core types only, so the same definitions serve
SQLite and PostgreSQL. ``schema_version`` holds one row per applied step; opening a store
applies the missing steps in order, each in its own transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    inspect,
    select,
    text,
)

from dateline.clean.duplicates import band_keys
from dateline.clean.noise import PageLines, copy_words, page_lines

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("path", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("site", Text),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("published", String(10)),
    Column("published_source", String(16)),
    Column("published_confidence", Float),
    Column("published_evidence", Text),  # JSON list
    Column("metadata_date", Text),
    Column("captions", Text),  # JSON list
    Column("duplicate_of", String(200)),
    Column("batch", Integer, nullable=False),
    Column("added_at", String(32), nullable=False),
    # Step 9: how the article was read (JSON: its given title and form, before
    # cleaning), so a later batch can prepare it again; and the words of its distinct
    # lines (the line statistics' page size).
    Column("as_read", Text),
    Column("line_words", Integer),
)

sentences = Table(
    "sentences", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("timexes", Text, nullable=False),  # JSON list of Timex records
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("article_id", String(200), nullable=False, index=True),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("month", Integer, nullable=False),
    Column("day", Integer, nullable=False),
    Column("precision", String(5), nullable=False),
    Column("label", Text),
    Column("first_day", Integer, nullable=False),  # proleptic ordinal, for range queries
    Column("last_day", Integer, nullable=False),
    Column("timex", Text, nullable=False),  # JSON Timex record (+ anchored flag)
    Column("entities", Text, nullable=False),  # JSON list of [text, label]
    Column("future", Boolean, nullable=False),
    Column("event_id", String(40), index=True),
    Column("context", Text),  # step 4: the article's title and lead (story similarity)
    Column("continues", Integer),  # step 5: a sentence continuing a dated one (its index)
    Column("bounding", Boolean),  # step 5: a coarse "since"/"until" date
    # Step 6: the grouping's word features of the sentence and of the story context,
    # "<version>\t<sentence words>\t<context words>" (words joined by \x1f), so that
    # finding the events a new mention may join does not re-tokenize thousands of stored
    # sentences. A version other than the running grouping code's is recomputed (and
    # rewritten).
    Column("terms", Text),
    Index("ix_mentions_precision_day", "precision", "first_day"),
)

events = Table(
    "events", metadata,
    Column("id", String(40), primary_key=True),
    Column("year", Integer, nullable=False),
    Column("month", Integer, nullable=False),
    Column("day", Integer, nullable=False),
    Column("precision", String(5), nullable=False),
    Column("label", Text),
    Column("first_day", Integer, nullable=False, index=True),
    Column("last_day", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("score", Float, nullable=False, index=True),
    Column("participants", Text, nullable=False),  # JSON list
    Column("location", Text),
    Column("date_conflicts", Text, nullable=False),  # JSON list
    Column("article_count", Integer, nullable=False),
    Column("mention_count", Integer, nullable=False),
    Column("scheduled", Boolean, nullable=False),
    # Lower-cased "|a|b|" keys for portable LIKE filters on sources. (entity_keys: read
    # by no query since the entity filter became the build's query language; kept empty
    # so that stores of every version share one table.)
    Column("entity_keys", Text, nullable=False),
    Column("source_keys", Text, nullable=False),
    Column("search_text", Text, nullable=False),
    # Step 7: the description a build gives an event (JSON lists of quote and claim
    # records), so a stored timeline carries them too.
    Column("quotes", Text),
    Column("claims", Text),
    Index("ix_events_period", "precision", "year", "month"),
)

# Step 2: locality-sensitive hashing bands of each article's MinHash, so a new article
# finds its near-duplicate candidates with an indexed lookup instead of a full scan.
article_bands = Table(
    "article_bands", metadata,
    Column("band_key", String(40), nullable=False, index=True),
    Column("article_id", String(200), nullable=False, index=True),
)

# Step 9: each article's distinct normalised lines, and whether its page header holds
# them: the collection's line statistics that cleaning reads (``store.lines``). Lines
# are looked up by a digest (a page line can be longer than an index entry may be).
article_lines = Table(
    "article_lines", metadata,
    Column("article_id", String(200), nullable=False, index=True),
    Column("line_key", String(24), nullable=False, index=True),  # a digest of the line
    Column("norm", Text, nullable=False),
    Column("head", Boolean, nullable=False),
    Column("copy_words", Integer, nullable=False),  # ``noise.copy_words`` of the line
)

# Step 3: sentences whose date could not be resolved, and articles with no date at all.
undated = Table(
    "undated", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("article_id", String(200), nullable=False, index=True),
    Column("sentence", Text),
    Column("expression", Text),
    Column("reason", Text, nullable=False),
)

# Step 8: how many stated mentions (those with a date of their own) use each word feature
# of a sentence, per version of the features; the empty term counts the stated mentions.
# The whole collection's document frequencies: a re-grouping weighs words with the IDF a
# build of every stored article fits, not one fitted on the events it re-groups.
term_counts = Table(
    "term_counts", metadata,
    Column("version", String(16), primary_key=True),
    Column("term", Text, primary_key=True),
    Column("documents", Integer, nullable=False),
)


def _create(*tables: Table) -> Callable[[Connection], None]:
    def step(conn: Connection) -> None:
        for table in tables:
            table.create(conn, checkfirst=True)
    return step


def _add_columns(table: str, *declarations: str) -> Callable[[Connection], None]:
    """A step adding columns to ``table`` that stores made by step 1 do not have yet
    (a new store's step 1 already creates the table with every column)."""
    def step(conn: Connection) -> None:
        columns = {c["name"] for c in inspect(conn).get_columns(table)}
        for declaration in declarations:
            if declaration.split()[0] not in columns:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {declaration}"))
    return step


def _add_mention_columns(*declarations: str) -> Callable[[Connection], None]:
    return _add_columns("mentions", *declarations)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "articles, sentences, mentions and events", _create(articles, sentences, mentions,
                                                            events)),
    (2, "near-duplicate LSH bands", _create(article_bands)),
    (3, "undated items", _create(undated)),
    (4, "story context of mentions", _add_mention_columns("context TEXT")),
    (5, "supporting mentions", _add_mention_columns("continues INTEGER", "bounding BOOLEAN")),
    (6, "word features of mentions", _add_mention_columns("terms TEXT")),
    (7, "quotes and claims of events", _add_columns("events", "quotes TEXT", "claims TEXT")),
    (8, "document frequencies of word features", _create(term_counts)),
]


def line_key(norm: str) -> str:
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:24]


def line_rows(article_id: str, page: PageLines) -> list[dict]:
    """The ``article_lines`` rows of one article."""
    return [{"article_id": article_id, "line_key": line_key(norm), "norm": norm,
             "head": norm in page.head, "copy_words": copy_words(norm)}
            for norm in sorted(page.norms)]


def _prepare_collection(conn: Connection, chunk: int = 200) -> None:
    """Step 9: the line index of every stored article, and every article's copy bands
    with the build's LSH shape (copies included: a build pairs a new copy with any
    member of a group)."""
    _add_columns("articles", "as_read TEXT", "line_words INTEGER")(conn)
    article_lines.create(conn, checkfirst=True)
    conn.execute(article_bands.delete())
    ids = list(conn.execute(select(articles.c.id)).scalars())
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        lines, bands = [], []
        for row in conn.execute(select(articles.c.id, articles.c.raw_text, articles.c.text)
                                .where(articles.c.id.in_(part))):
            page = page_lines(row.raw_text)
            lines.extend(line_rows(row.id, page))
            bands.extend({"band_key": key, "article_id": row.id}
                         for key in band_keys(row.text))
            conn.execute(articles.update().where(articles.c.id == row.id)
                         .values(line_words=page.size))
        for table, rows in ((article_lines, lines), (article_bands, bands)):
            if rows:
                conn.execute(table.insert(), rows)


MIGRATIONS.append((9, "line index and the build's copy bands", _prepare_collection))
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(select(func.max(schema_version.c.version))).scalar() or 0


def migrate(conn: Connection, target: int | None = None) -> list[int]:
    """Apply the missing steps up to ``target`` (default: all) on a locked connection."""
    target = LATEST if target is None else target
    schema_version.create(conn, checkfirst=True)
    done = current_version(conn)
    applied = []
    for version, description, step in MIGRATIONS:
        if done < version <= target:
            step(conn)
            conn.execute(schema_version.insert().values(
                version=version, description=description,
                applied_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
            applied.append(version)
    return applied
