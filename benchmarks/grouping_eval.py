"""Cross-document grouping (MEANTIME) and entity-timeline dating (SemEval-2015 Task 4).

Runs both evaluations of ``dateline.eval`` on the corpora in ../shared/data, prints one
Markdown report and writes it to benchmarks/RESULTS_grouping.md. The pipeline keeps every
event (``max_events`` lifted) so that grouping is measured rather than event selection;
``--default-limit`` measures the product's default selection instead.

Usage: python benchmarks/grouping_eval.py [--default-limit] [--no-write] [--examples]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUTPUT = ROOT / "benchmarks" / "RESULTS_grouping.md"


def _examples(meantime: dict, semeval: dict) -> str:
    lines = ["## Examples of lost points", ""]
    for topic, block in meantime["topics"].items():
        for split in block["examples"]["split"][:3]:
            lines.append(f"- {topic}, gold event `{split['instance']}` split:")
            for item in split["sentences"]:
                events = ", ".join(item["events"]) or "no event"
                lines.append(f"  - [{item['doc'].split('_')[0]}; {events}] {item['text'][:160]}")
        for merged in block["examples"]["merged"][:2]:
            lines.append(f"- {topic}, dateline event {merged['event']} merges different "
                         "gold events:")
            for item in merged["sentences"]:
                lines.append(f"  - [{item['doc'].split('_')[0]}] {item['text'][:160]}")
    lines.append("")
    for entity, detail in semeval["details"].items():
        lines.append(f"- {entity}: missed {', '.join(detail['missed']) or '-'}; "
                     f"spurious {', '.join(detail['spurious'][:8]) or '-'}"
                     + (" ..." if len(detail["spurious"]) > 8 else ""))
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--default-limit", action="store_true",
                        help="keep the product's default event limit")
    parser.add_argument("--no-write", action="store_true", help="do not write the results file")
    parser.add_argument("--examples", action="store_true", help="append error examples")
    args = parser.parse_args()
    if not (DATA / "meantime").is_dir() or not (DATA / "semeval2015-timeline").is_dir():
        print(f"no evaluation data under {DATA}", file=sys.stderr)
        return 1
    from dateline.config import Config
    from dateline.eval.cross_document import evaluate_meantime, format_meantime
    from dateline.eval.entity_timelines import evaluate_semeval, format_semeval

    config = Config(progress=False, max_events=None if args.default_limit else 100_000)
    started = time.perf_counter()
    meantime = evaluate_meantime(DATA / "meantime", config)
    semeval = evaluate_semeval(DATA / "semeval2015-timeline", config)
    elapsed = time.perf_counter() - started
    limit = "default event limit" if args.default_limit else "every event kept"
    report = (f"# dateline grouping and entity-timeline evaluation\n\n"
              f"Pipeline settings: {limit}, NER {'on' if config.use_ner else 'off'}, "
              f"similarity threshold {config.similarity_threshold}, date tolerance "
              f"{config.date_tolerance_days} day(s). Run time {elapsed:.0f} s.\n\n"
              + format_meantime(meantime) + "\n" + format_semeval(semeval))
    if args.examples:
        report += "\n" + _examples(meantime, semeval)
    print(report)
    if not args.no_write:
        OUTPUT.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
