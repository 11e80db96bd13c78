"""Hostile inputs: time and peak memory of ``dateline build`` on files made to exhaust it.

The main case (issue 16, item 4) is one file just under the 20 MB input limit holding the
same few reports over and over, all on one day: every sentence is a mention of that day,
so clustering the busiest day must not build n x n matrices. Each case runs in a child
process with an address-space cap (``--memory-cap``, default 2 GB) and a time limit, so
the old code can be measured in the same run (``--baseline DIR``) without exhausting the
machine; a run that hits a cap is reported as such.

    python benchmarks/hostile_inputs.py --baseline /tmp/base
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = [
    "Ferry crews in Kestwick walked out on March 3, 2022 over pay, the union said.",
    "The harbour office in Kestwick was shut on March 3, 2022 as ferry crews went on strike.",
    "On March 3, 2022 the Kestwick ferry service stopped when its crews walked out.",
    "Marlow council voted on March 3, 2022 to close the old bridge for repairs.",
]


def repeated_reports(path: Path, megabytes: float) -> None:
    """Reports of one day repeated (numbered, so no two lines are byte-identical)."""
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as out:
        out.write("Kestwick news digest\n\n")
        written, n = 0, 0
        while written < target:
            line = f"{REPORTS[n % len(REPORTS)]} Update {n}.\n"
            out.write(line)
            written += len(line)
            n += 1


def run(checkout: Path, inputs: list[Path], output: Path, cap_bytes: int,
        timeout: float) -> dict:
    """One ``dateline build`` in a child with ``cap_bytes`` of address space."""
    script = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({cap_bytes}, {cap_bytes}))\n"
        "from dateline.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n")
    command = [sys.executable, "-c", script, "build", *map(str, inputs), "-o", str(output),
               "--no-entities", "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=checkout, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(checkout)},
                              timeout=timeout)
        status = "ok" if done.returncode == 0 else (
            "out of memory" if "MemoryError" in done.stderr else f"exit {done.returncode}")
    except subprocess.TimeoutExpired:
        status = f"killed after {timeout:.0f} s"
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    events = None
    if status == "ok":
        events = len(json.loads(output.read_text(encoding="utf-8"))["events"])
    # ru_maxrss of children is the largest child so far: report it only when it grew.
    return {"status": status, "seconds": seconds,
            "peak_mb": peak / 1024 if peak > before else None, "events": events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=19.0)
    parser.add_argument("--memory-cap", type=float, default=2.0, help="GB per run")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    parser.add_argument("--baseline", metavar="DIR", help="an older checkout to compare")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        source = Path(folder) / "repeated-reports.txt"
        repeated_reports(source, args.megabytes)
        print(f"{source.name}: {source.stat().st_size / 1e6:.1f} MB, memory cap "
              f"{args.memory_cap:g} GB, time limit {args.timeout:g} s")
        runs = [("baseline", Path(args.baseline))] if args.baseline else []
        runs.append(("this", ROOT))
        for name, checkout in runs:
            result = run(checkout, [source], Path(folder) / f"{name}.json",
                         int(args.memory_cap * 2**30), args.timeout)
            peak = f"{result['peak_mb']:.0f} MB" if result["peak_mb"] else "n/a"
            print(f"{name:9} {result['status']:22} {result['seconds']:7.1f} s  "
                  f"peak RSS {peak:>8}  events {result['events']}")


if __name__ == "__main__":
    main()
