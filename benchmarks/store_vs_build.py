"""Benchmark: does the store (``add`` in batches, then ``timeline``) give the build's events?

For each corpus (the demo in ``examples/`` and the acceptance corpora in
``tests/corpora``), ``dateline build`` runs once with every event kept; then, for several
random orders, the articles are added to a fresh store in random batches (1 to 4
articles each) and the store's timeline is read with every event kept. An event of the
store equals one of the build when it has the same date and the same sources (article
and sentence); of those, the script counts the ones whose title, participants (and
location), quotes and claims are equal too. Ids are not compared (they differ by design).

    python benchmarks/store_vs_build.py [--orders 3] [--no-entities] [--seed 13]
        [--tls libya:200]

``--tls TOPIC:N`` adds the first N articles of a Timeline17 topic
(``../shared/data/tls-t17/TOPIC/articles``).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "examples", *sorted(p for p in (ROOT / "tests" / "corpora").iterdir()
                                      if p.is_dir())]
KEEP_ALL = 100_000
TLS = ROOT.parent / "shared" / "data" / "tls-t17"
if not TLS.is_dir():  # a git worktree of the project sits one level deeper
    TLS = Path("/work/shared/data/tls-t17")


def event_key(event) -> tuple:
    """What makes two events the same event: the date and the sources."""
    return (event.date.iso(), event.date.precision.value,
            frozenset((s.article, s.sentence) for s in event.sources))


def description(event) -> dict:
    return {
        "title": event.title,
        "participants": (list(event.participants), event.location),
        "quotes": sorted((q.speaker or "", q.text) for q in event.quotes),
        "claims": sorted(repr(sorted(c.items())) for c in event.claims),
    }


def compare(built: list, stored: list) -> dict:
    """Counts of equal events and, among them, of equal descriptions."""
    by_key = {event_key(e): e for e in built}
    counts = {"build": len(built), "store": len(stored), "same events": 0,
              "title": 0, "participants": 0, "quotes": 0, "claims": 0, "all": 0}
    for event in stored:
        twin = by_key.get(event_key(event))
        if twin is None:
            continue
        counts["same events"] += 1
        mine, theirs = description(event), description(twin)
        equal = [field for field in mine if mine[field] == theirs[field]]
        for field in equal:
            counts[field] += 1
        counts["all"] += len(equal) == len(mine)
    return counts


def stored_events(folder: Path | list[str], config, seed: int) -> list:
    from dateline.ingest import read_articles
    from dateline.store import open_store, timeline
    from dateline.store.writer import add_articles

    inputs = folder if isinstance(folder, list) else [str(folder)]
    articles, warnings = read_articles(inputs, config)
    rng = random.Random(seed)
    rng.shuffle(articles)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store.db")
        try:
            position = 0
            while position < len(articles):
                size = rng.randint(1, 4)
                add_articles(store, articles[position:position + size], config)
                position += size
            return timeline(store, max_events=KEEP_ALL).events
        finally:
            store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=3, help="random batch orders per corpus")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-entities", action="store_true", help="run without spaCy NER")
    parser.add_argument("--tls", action="append", default=[], metavar="TOPIC:N",
                        help="also the first N articles of a tls-t17 topic")
    args = parser.parse_args(argv)

    from dateline.config import Config
    from dateline.pipeline import build_timeline

    config = Config(use_ner=not args.no_entities, progress=False, max_events=KEEP_ALL)
    fields = ["same events", "title", "participants", "quotes", "claims", "all"]
    totals = dict.fromkeys(["build", "store", *fields], 0)
    print("| corpus | order | build events | store events | " + " | ".join(fields) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(fields))
    corpora: list[tuple[str, Path | list[str]]] = [
        (folder.name, folder) for folder in CORPORA
        if any(folder.glob("*.txt")) or any(folder.glob("*.html"))]
    for value in args.tls:
        topic, _, count = value.partition(":")
        files = sorted((TLS / topic / "articles").glob("*.jsonl"))[:int(count or 200)]
        corpora.append((f"tls-t17/{topic}[:{len(files)}]", [str(f) for f in files]))
    for name, folder in corpora:
        built = build_timeline(folder if isinstance(folder, list) else str(folder),
                               config).events
        for order in range(args.orders):
            start = time.perf_counter()
            counts = compare(built, stored_events(folder, config, args.seed + order))
            for field in totals:
                totals[field] += counts[field]
            print(f"| {name} | {order + 1} | {counts['build']} | {counts['store']} | "
                  + " | ".join(str(counts[f]) for f in fields)
                  + f" |  <!-- {time.perf_counter() - start:.1f} s -->", flush=True)
    print(f"| **all** | | {totals['build']} | {totals['store']} | "
          + " | ".join(f"**{totals[f]}**" for f in fields) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
