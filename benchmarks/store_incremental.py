"""Benchmark: add 10 articles to a store that already holds 10,000.

The 10,000 articles are built from the TempEval-3 silver newswire in
``../shared/data/news-silver`` (TimeML: tags stripped, rewritten as
"Title\\nMonth D, YYYY\\n\\nbody"). Each synthetic article mixes the paragraphs of three
source documents, so the store holds 10,000 distinct articles rather than copies.

    python benchmarks/store_incremental.py [--articles 10000] [--batch 200] [--db build/bench.db]

The bulk load runs without named-entity recognition (to keep it to minutes); the timed
step is the incremental one: ``add`` of 10 new articles with the default configuration
(entities on): 10 articles on new stories, then twice 10 new reports of stored stories.
The one-time spaCy model load is timed on its own, before them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SILVER = ROOT.parent / "shared" / "data" / "news-silver"
if not SILVER.is_dir():
    SILVER = Path("/work/shared/data/news-silver")

_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*>|value="(\d{4}-\d{2}-\d{2})"'
                  r'[^>]*functionInDocument="CREATION_TIME"')
_VALUE = re.compile(r'<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})"[^>]*CREATION_TIME')
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def parse_timeml(path: Path) -> tuple[str, dt.date, list[str]] | None:
    raw = path.read_text(encoding="utf-8", errors="replace")
    title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
    text = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    dct = _VALUE.search(raw) or re.search(r'value="(\d{4}-\d{2}-\d{2})"', raw)
    if not text or not dct:
        return None
    body = html.unescape(_TAG.sub("", text.group(1)))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    heading = html.unescape(_TAG.sub("", title.group(1))).strip() if title else paragraphs[0][:80]
    return " ".join(heading.split()), dt.date.fromisoformat(dct.group(1)), paragraphs


def load_sources() -> list[tuple[str, dt.date, list[str]]]:
    docs = [parse_timeml(p) for p in sorted(SILVER.glob("*.tml"))]
    return [d for d in docs if d and d[2]]


def synthetic(docs, number: int, salt: int = 0) -> str:
    """Article ``number``: paragraphs of three source documents, dated after the first.

    A non-zero ``salt`` makes another report of the same story on the same day (same lead
    document and date, other paragraphs mixed in), like a follow-up from another outlet.
    """
    rng = random.Random(number * 1009 + salt)
    count = len(docs)
    variant = number // count
    first = docs[number % count]
    others = [docs[(number * 7 + variant * 13 + k * 101 + salt * 53) % count] for k in (1, 2)]
    keep = max(2, round(len(first[2]) * 0.7))
    paragraphs = first[2][:2] + rng.sample(first[2][2:], max(0, min(keep, len(first[2])) - 2))
    for other in others:
        paragraphs.extend(rng.sample(other[2], min(len(other[2]), rng.randint(1, 3))))
    head, tail = paragraphs[:2], paragraphs[2:]
    rng.shuffle(tail)
    # Variants move through time (a month apart), so the store spans years of news at a
    # realistic daily density instead of piling 10,000 articles onto a few days.
    date = first[1] + dt.timedelta(days=30 * variant + number % 7)
    title = f"{first[0]} (report {number})"
    dateline = f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
    return f"{title}\n{dateline}\n\n" + "\n\n".join(head + tail) + "\n"


def write_articles(docs, numbers, folder: Path, salt: int = 0) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in numbers:
        path = folder / f"silver-{number:05d}-{salt}.txt"
        path.write_text(synthetic(docs, number, salt), encoding="utf-8")
        paths.append(str(path))
    return paths


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--batch", type=int, default=200,
                        help="articles per transaction while building the store")
    parser.add_argument("--db", default=str(ROOT / "build" / "bench-store.db"))
    parser.add_argument("--rebuild", action="store_true", help="start from an empty store")
    args = parser.parse_args(argv)

    from dateline.config import Config
    from dateline.store import add, open_store, timeline
    from dateline.store.query import article_count

    if not SILVER.is_dir():
        print(f"no news-silver data at {SILVER}", file=sys.stderr)
        return 1
    docs = load_sources()
    db = Path(args.db)
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    store = open_store(db)
    with store.read() as conn:
        have = article_count(conn)
    with tempfile.TemporaryDirectory() as tmp:
        if have < args.articles:
            print(f"building the store: {have} -> {args.articles} articles "
                  f"(entities off, {args.batch} per transaction), load {_load()}",
                  file=sys.stderr)
            start = time.perf_counter()
            chunk = 1000
            for first in range(have, args.articles, chunk):
                numbers = range(first, min(first + chunk, args.articles))
                paths = write_articles(docs, numbers, Path(tmp) / f"bulk{first}")
                began = time.perf_counter()
                add(store, paths, Config(use_ner=False, progress=False),
                    batch_size=args.batch)
                print(f"  {numbers.stop} articles, {time.perf_counter() - start:.0f} s "
                      f"({len(numbers) / (time.perf_counter() - began):.1f} articles/s), "
                      f"load {_load()}", file=sys.stderr)
            print(f"bulk load: {time.perf_counter() - start:.1f} s", file=sys.stderr)
        with store.read() as conn:
            base = article_count(conn)
        from dateline.nlp import process_pipeline
        from dateline.store.rows import refresh_terms

        start = time.perf_counter()
        refreshed = refresh_terms(store)  # only after the grouping's features changed
        if refreshed:
            print(f"word features of {refreshed} stored mentions recomputed (grouping code "
                  f"changed): {time.perf_counter() - start:.1f} s")

        start = time.perf_counter()
        process_pipeline()  # the one-time spaCy model load, timed on its own
        print(f"spaCy model load (once per process): {time.perf_counter() - start:.2f} s")
        steps = [
            # Articles of a later month (the next variant of the sources): new stories,
            # dates no stored event has.
            ("new stories", range(base + 1000, base + 1000 + args.new), 0),
            # New reports of stories spread over the stored period (same lead story and
            # date, other paragraphs): they meet existing events, the work an
            # incremental update has to do.
            ("new reports of stored stories",
             [(k * 997 + 31) % base for k in range(args.new)], base + 1),
            ("new reports of stored stories (again)",
             [(k * 997 + 62) % base for k in range(args.new)], base + 2),
        ]  # (the salt follows the store size, so that a rerun adds other reports)
        for label, numbers, salt in steps:
            paths = write_articles(docs, numbers, Path(tmp) / f"new{salt}", salt=salt)
            with store.read() as conn:
                size = article_count(conn)
            start, cpu = time.perf_counter(), time.process_time()
            result = add(store, paths, Config(progress=False))
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"add {len(result.added)} articles to {size} ({label}): "
                  f"{elapsed:.2f} s, {cpu:.2f} CPU-s; events replaced {result.events_replaced}, "
                  f"written {result.events_created}; load {_load()}")
        start = time.perf_counter()
        rendered = timeline(store)
        print(f"timeline of {len(rendered.articles)} articles -> {len(rendered.events)} events: "
              f"{time.perf_counter() - start:.2f} s")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
