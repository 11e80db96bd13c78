"""Throughput of ``dateline.dating.timex.tag`` on news-silver texts, single process.

Usage: python benchmarks/timex_speed.py [DIR] [--rounds N]; records into RESULTS_timex.md.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from dateline.dating.timex import tag
from dateline.eval.timeml import read_timeml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / ".." / "shared" / "data" / "news-silver"
RESULTS = ROOT / "benchmarks" / "RESULTS_timex.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    docs = [read_timeml(path) for path in sorted(args.dir.glob("*.tml"))]
    if not docs:
        print(f"no .tml files in {args.dir}")
        return 1
    words = sum(len(doc.text.split()) for doc in docs) / len(docs)
    best = best_cpu = float("inf")
    found = 0
    for _ in range(args.rounds):
        started, cpu = time.perf_counter(), time.process_time()
        found = sum(len(tag(doc.text, doc.dct)) for doc in docs)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    rate = len(docs) / best
    cpu_rate = len(docs) / best_cpu if best_cpu else float("inf")
    table = "\n".join([
        "## Timex tagger speed (news-silver)",
        "",
        "| docs | avg words/doc | timexes | seconds (best of "
        f"{args.rounds}) | docs/s wall | docs/s CPU time (1 core) |",
        "|---|---|---|---|---|---|",
        f"| {len(docs)} | {words:.0f} | {found} | {best:.3f} | {rate:.0f} | {cpu_rate:.0f} |",
        "",
        "Wall time depends on how busy the (shared) machine is; CPU time of the single",
        "process is the steadier measure of one core's throughput.",
        "",
    ])
    print(table)
    existing = RESULTS.read_text() if RESULTS.exists() else ""
    sections = [s for s in re.split(r"(?m)^(?=## )", existing)
                if s.strip() and not s.startswith("## Timex tagger speed")]
    RESULTS.write_text("".join([*sections, table + "\n"]).rstrip() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
