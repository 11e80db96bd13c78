"""Near-duplicate detection: syndicated copies caught, different articles never merged.

Copies: every article of the labelled noise corpus (benchmarks/noise_corpus) is
republished by another site: its headline, date and body lines (as labelled) wrapped in
the other site's furniture (that site's noise lines above and below), and every third
copy also loses its last body paragraph (a truncated re-post). Distinct articles: the
64 originals plus the test corpora and the demo (tests/corpora, examples), many of them
different articles about the same story, which must stay apart. The only true
duplicate among those is the demo's wire copy (alpine-observer-wire-talks-collapse).

Reports recall (copies linked to their original) and false merges (any other link),
and writes benchmarks/RESULTS_duplicates.md. Usage: python benchmarks/duplicates.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from noise_removal import load_corpus  # noqa: E402

from dateline.clean import clean_articles, mark_duplicates  # noqa: E402
from dateline.config import Config  # noqa: E402
from dateline.dating.pubdate import date_articles  # noqa: E402
from dateline.ingest import read_articles  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS_duplicates.md"
KNOWN_DUPLICATES = {("alpine-observer-wire-talks-collapse", "gws-wire-teral")}


def site_of(name: str) -> str:
    return name.rsplit("-", 1)[0]


def make_copies(docs, folder: Path) -> dict[str, str]:
    """Write the republished copies; returns copy file stem -> original stem."""
    sites = sorted({site_of(d.name) for d in docs})
    furniture = {}
    for doc in docs:
        head, tail, seen_story = [], [], False
        for line, label in zip(doc.lines, doc.labels, strict=True):
            if label in ("title", "dateline", "body"):
                seen_story = True
            elif label == "noise":
                (tail if seen_story else head).append(line)
        furniture.setdefault(site_of(doc.name), (head, tail))
    copies = {}
    for number, doc in enumerate(docs):
        host = sites[(sites.index(site_of(doc.name)) + 1 + number % 3) % len(sites)]
        head, tail = furniture[host]
        story = [line for line, label in zip(doc.lines, doc.labels, strict=True)
                 if label in ("title", "dateline", "body", "blank")]
        if number % 3 == 0:  # truncated re-post: the last body paragraph is gone
            last = max(i for i, label in enumerate(doc.labels) if label == "body")
            story = [line for line in story if line != doc.lines[last]]
        name = f"copy-{host}-{doc.name}"
        (folder / f"{name}.txt").write_text("\n".join(head + [""] + story + [""] + tail),
                                            encoding="utf-8")
        copies[name] = doc.name
    return copies


def main() -> int:
    docs = load_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for doc in docs:
            shutil.copy(doc.path, folder / doc.path.name)
        distinct = [p for p in sorted((ROOT / "tests" / "corpora").glob("*/*.txt"))]
        distinct += [p for p in sorted((ROOT / "examples").iterdir())
                     if p.suffix in (".txt", ".html", ".jsonl")]
        for path in distinct:
            shutil.copy(path, folder / path.name)
        copies = make_copies(docs, folder)
        articles, _ = read_articles([str(folder)], Config(progress=False))
        started = time.perf_counter()
        clean_articles(articles)
        date_articles(articles)
        mark_duplicates(articles, Config().near_duplicate_threshold)
        elapsed = time.perf_counter() - started
    stem = {a.id: Path(a.path).stem for a in articles}
    links = {(stem[a.id], stem[a.duplicate_of]) for a in articles if a.duplicate_of}
    caught = sum(1 for copy, original in copies.items()
                 if (copy, original) in links or (original, copy) in links)
    expected = {(c, o) for c, o in copies.items()} | KNOWN_DUPLICATES
    false_merges = sorted(link for link in links
                          if link not in expected and link[::-1] not in expected)
    total = len(articles)
    lines = [
        "## Near-duplicate detection",
        "",
        "| articles | syndicated copies | caught | recall | false merges | seconds |",
        "|---|---|---|---|---|---|",
        f"| {total} | {len(copies)} | {caught} | {caught / len(copies):.3f} | "
        f"{len(false_merges)} | {elapsed:.1f} |",
        "",
        "Seconds: cleaning, dating and duplicate marking of the whole collection.",
    ]
    lines += [f"- false merge: {a} -> {b}" for a, b in false_merges]
    missed = [c for c, o in copies.items() if (c, o) not in links and (o, c) not in links]
    lines += [f"- missed: {c}" for c in missed[:10]]
    report = "\n".join(lines) + "\n"
    print(report)
    RESULTS.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
