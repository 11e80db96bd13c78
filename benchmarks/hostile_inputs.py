"""Hostile inputs: time and peak memory of ``dateline build`` on files made to exhaust it.

The main case (issue 16, item 4) is one file just under the 20 MB input limit holding the
same few reports over and over, all on one day: every sentence is a mention of that day,
so clustering the busiest day must not build n x n matrices. It comes in two forms: a
pasted text page (``.txt``; the cleaner's line model now removes such a wall of
near-identical lines as page furniture, so only cleaning and dating are exercised) and one
JSONL record with the same text (records are not re-cleaned as pages, so every line
reaches grouping as a mention of the one day). Each case runs in a child
process with an address-space cap (``--memory-cap``, default 2 GB) and a time limit, so
the old code can be measured in the same run (``--baseline DIR``) without exhausting the
machine; a run that hits a cap is reported as such.

    python benchmarks/hostile_inputs.py --baseline /tmp/base
"""

from __future__ import annotations

import argparse
import json
import os
import re
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


def as_record(text_file: Path, path: Path) -> None:
    """The same digest as one JSONL record (title and text)."""
    title, _, body = text_file.read_text(encoding="utf-8").partition("\n\n")
    path.write_text(json.dumps({"title": title, "text": body}) + "\n", encoding="utf-8")


def run(checkout: Path, inputs: list[Path], output: Path, cap_bytes: int,
        timeout: float) -> dict:
    """One ``dateline build`` in a child with ``cap_bytes`` of address space; the child
    reports its own peak RSS on its last stderr line."""
    script = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({cap_bytes}, {cap_bytes}))\n"
        "from dateline.cli import main\n"
        "try:\n"
        "    code = main(sys.argv[1:])\n"
        "finally:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print(f'peak-kb {peak}', file=sys.stderr)\n"
        "sys.exit(code)\n")
    command = [sys.executable, "-c", script, "build", *map(str, inputs), "-o", str(output),
               "--no-entities", "-q"]
    began = time.perf_counter()
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = None
    try:
        done = subprocess.run(command, cwd=checkout, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(checkout)},
                              timeout=timeout)
        status = "ok" if done.returncode == 0 else (
            "out of memory" if "MemoryError" in done.stderr else f"exit {done.returncode}")
        found = re.findall(r"^peak-kb (\d+)$", done.stderr, re.M)
        peak = int(found[-1]) / 1024 if found else None
    except subprocess.TimeoutExpired:
        status = f"killed after {timeout:.0f} s"
    seconds = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    events = None
    if status == "ok":
        events = len(json.loads(output.read_text(encoding="utf-8"))["events"])
    return {"status": status, "seconds": seconds, "peak_mb": peak, "events": events,
            "cpu": after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=19.0)
    parser.add_argument("--memory-cap", type=float, default=2.0, help="GB per run")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    parser.add_argument("--baseline", metavar="DIR", help="an older checkout to compare")
    parser.add_argument("--record-first", action="store_true",
                        help="run the JSONL record before the text page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        source = Path(folder) / "repeated-reports.txt"
        repeated_reports(source, args.megabytes)
        record = Path(folder) / "repeated-reports.jsonl"
        as_record(source, record)
        runs = [("baseline", Path(args.baseline))] if args.baseline else []
        runs.append(("this", ROOT))
        for case in (source, record)[:: -1 if args.record_first else 1]:
            print(f"{case.name}: {case.stat().st_size / 1e6:.1f} MB, memory cap "
                  f"{args.memory_cap:g} GB, time limit {args.timeout:g} s", flush=True)
            for name, checkout in runs:
                result = run(checkout, [case], Path(folder) / f"{name}.json",
                             int(args.memory_cap * 2**30), args.timeout)
                peak = f"{result['peak_mb']:.0f} MB" if result["peak_mb"] else "n/a"
                print(f"  {name:9} {result['status']:22} {result['seconds']:7.1f} s wall "
                      f"{result['cpu']:7.1f} CPU-s  peak RSS {peak:>8}  "
                      f"events {result['events']}", flush=True)


if __name__ == "__main__":
    main()
