"""Merge threshold of the grouping, chosen by leave-one-corpus-out on MEANTIME.

The threshold (average similarity two clusters need to merge) is the one learned knob of
the grouping. For each MEANTIME corpus, the threshold is picked on the other corpora
(best B-cubed F1 over all gold items) and scored on the held-out one, next to the current
default measured in the same run. SemEval-2015 corpus_1 entity timelines are scored at
every threshold too, as a check on a third, unrelated collection (never used to pick).

    PYTHONPATH=. python benchmarks/grouping_threshold_cv.py [--out benchmarks/RESULTS_threshold.md]

Reads ../shared/data (never copied into the repository).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dateline.config import Config
from dateline.eval.cross_document import evaluate_meantime
from dateline.eval.entity_timelines import evaluate_semeval

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
THRESHOLDS = (0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40)


def _scores(threshold: float) -> dict:
    config = Config(max_events=10**9, similarity_threshold=threshold)
    meantime = evaluate_meantime(DATA / "meantime", config)
    per_corpus = {name: {"all": block["bcubed"], "multi": block["multi_doc"]["bcubed"]}
                  for name, block in meantime["topics"].items()}
    semeval = evaluate_semeval(DATA / "semeval2015-timeline", config)["system"]["macro"]
    return {"corpora": per_corpus, "semeval": semeval}


def _fmt(block: dict) -> str:
    return f"{block['precision']:.3f} / {block['recall']:.3f} / {block['f1']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the Markdown report here too")
    args = parser.parse_args()
    started = time.perf_counter()
    default = Config().similarity_threshold
    results = {t: _scores(t) for t in sorted(set(THRESHOLDS) | {default})}
    corpora = list(next(iter(results.values()))["corpora"])
    lines = ["# Grouping merge threshold, leave-one-corpus-out (MEANTIME)", "",
             f"Default threshold {default}. B-cubed P / R / F1; 'all' = every gold item, "
             "'multi' = items of events reported by >= 2 documents. Run time "
             f"{time.perf_counter() - started:.0f} s.", "",
             "| threshold | " + " | ".join(f"{c} all | {c} multi" for c in corpora)
             + " | SemEval corpus_1 macro P / R / F1 |",
             "|---" * (2 * len(corpora) + 2) + "|"]
    for threshold, block in results.items():
        cells = " | ".join(f"{_fmt(block['corpora'][c]['all'])} | "
                           f"{_fmt(block['corpora'][c]['multi'])}" for c in corpora)
        lines.append(f"| {threshold:.2f} | {cells} | {_fmt(block['semeval'])} |")
    lines += ["", "| held-out corpus | threshold picked on the others | held-out all F1 "
              "| held-out multi F1 | default all F1 | default multi F1 |",
              "|---|---|---|---|---|---|"]
    for held in corpora:
        others = [c for c in corpora if c != held]
        picked = max(results, key=lambda t: (
            sum(results[t]["corpora"][c]["all"]["f1"] for c in others), -t))
        chosen, base = results[picked]["corpora"][held], results[default]["corpora"][held]
        lines.append(f"| {held} | {picked:.2f} | {chosen['all']['f1']:.3f} "
                     f"| {chosen['multi']['f1']:.3f} | {base['all']['f1']:.3f} "
                     f"| {base['multi']['f1']:.3f} |")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
