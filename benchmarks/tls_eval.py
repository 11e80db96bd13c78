"""Timeline17 end to end: `dateline eval tls` on ../shared/data/tls-t17, with its runtime.

Runs exactly what ``dateline eval tls DIR`` runs (every story: reading, the pipeline up to
the events once, then dateline ``--dates T --per-date K``, ``--max-events T`` and the
busiest-days baseline for each gold timeline, scored with date F1 and ROUGE), prints the
table and the wall-clock and CPU time. Usage: python benchmarks/tls_eval.py [DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dateline.eval.tls import evaluate_tls, format_tls

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tls-t17"


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    wall, cpu = time.perf_counter(), time.process_time()
    scores, systems, problems = evaluate_tls(root)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(format_tls(scores, systems))
    articles = sum(1 for p in root.glob("*/articles/*") if p.is_file())
    print(f"\n{len(scores)} stories, {articles} article files: wall {wall:.0f} s, "
          f"CPU {cpu:.0f} s ({len(problems)} warnings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
