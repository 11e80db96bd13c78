"""Who, where and who said it, measured on real annotations next to baselines of the same run.

- Quotes: ``../shared/data/quotes`` (hand-annotated direct quotes and speakers in US
  political news; per publisher and pooled) against the nearest-PERSON baseline.
- Participants and location: MEANTIME airbus + apple (HAS_PARTICIPANT links, Argm-LOC
  roles) against every named entity of the event's sentences, and against dateline's
  name rule without a parse.

Writes benchmarks/RESULTS_who_where_quotes.md. One part is fitted to the quotes data:
the he/she speaker ranker (dateline/events/speakers.json), trained on these four DEV
publishers by benchmarks/train_speaker_ranker.py, whose leave-one-publisher-out table is
the honest figure for it; the rules' per-publisher rows show how they carry over.

Usage: python benchmarks/who_where_quotes.py [--no-write]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUTPUT = ROOT / "benchmarks" / "RESULTS_who_where_quotes.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from dateline.config import Config
    from dateline.eval.participants import evaluate_participants, format_participants
    from dateline.eval.quotes import evaluate_quotes, format_quotes

    started = time.perf_counter()
    quotes = evaluate_quotes(DATA / "quotes")
    people = evaluate_participants(DATA / "meantime", Config(max_events=10**9))
    seconds = time.perf_counter() - started
    q = quotes["all"]
    p = people["all"]["dateline"]
    lines = [
        "# Who, where and who said it", "",
        "Command: `python benchmarks/who_where_quotes.py` (same as `dateline eval quotes "
        "../shared/data/quotes` and `dateline eval participants ../shared/data/meantime`); "
        f"{seconds:.0f} s.", "",
        "## Quotes (`../shared/data/quotes`, DEV publishers)", "",
        "```", format_quotes(quotes), "```", "",
        f"Detection F1 {q['f1']:.3f}; attribution {q['attribution']:.3f} against the "
        f"nearest-person baseline's {q['baseline']:.3f} on the same quotes; right when a "
        f"speaker is given {q['right_when_given']:.3f}. The he/she ranker is trained on these "
        "publishers: see `benchmarks/train_speaker_ranker.py` for its leave-one-publisher-out "
        "figures.", "",
        "## Participants and location (MEANTIME airbus + apple)", "",
        "```", format_participants(people), "```", "",
        f"Participants P {p['precision']:.3f} / R {p['recall']:.3f}; location right on "
        f"{p['location_right']} of {p['with_location']} matched events with a gold place "
        f"({p['location_accuracy']:.3f}); no location on {p['no_location_rate']:.3f} of "
        "those without.", ""]
    report = "\n".join(lines)
    print(report)
    if not args.no_write:
        OUTPUT.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
