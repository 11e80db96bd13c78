"""Scale: wall time, CPU time and peak memory of `dateline build` at 1k-50k articles.

The articles are real news: the Timeline17 stories and the news-silver newswire in
../shared/data, about 2,300 articles. Larger collections are made from them the way a
long-running feed grows: each further copy of a story is a later "year" of it (every
date in the text and the publication date moved on by whole years, so weekdays are
recomputed by the dater, not copied) with its paragraphs drawn from two different real
articles, so copies are neither exact nor near duplicates and grouping sees as many
distinct events as the collection has articles.

Usage: python benchmarks/scale.py --sizes 1000 10000 --workers 0 2 [--data DIR] [--write]
(workers 0 = the default single process; N = a local Dask cluster of N processes).
Appends a section to benchmarks/RESULTS_scale.md with --write.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "RESULTS_scale.md"
PER_FILE = 1000  # articles per JSONL file written for a run
YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def real_articles(data: Path = DATA) -> list[dict]:
    """Every real article of the shared data (``data``) with a publication date: text +
    date."""
    found = []
    for path in sorted(data.glob("tls-t17/*/articles/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if item.get("published") and item.get("text"):
                    found.append({"text": item["text"], "published": item["published"][:10]})
    for path in sorted(data.glob("news-silver/*.tml")):
        tml = path.read_text(encoding="utf-8")
        dct = re.search(r'value="(\d{4}-\d{2}-\d{2})', tml.split("</DCT>")[0])
        body = re.search(r"<TEXT>(.*?)</TEXT>", tml, re.S)
        if dct and body:
            text = unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
            found.append({"text": text, "published": dct.group(1)})
    return found


def grown(articles: list[dict], size: int, seed: int = 7) -> list[dict]:
    """``size`` articles: the real ones, then later "years" of them (see the module doc)."""
    if not articles:
        raise ValueError("no articles to grow a collection from")
    rng = random.Random(seed)
    result = list(articles[:size])
    generation = 0
    while len(result) < size:
        generation += 1
        for number, article in enumerate(articles):
            if len(result) >= size:
                break
            other = articles[rng.randrange(len(articles))]
            own = article["text"].split("\n")
            borrowed = other["text"].split("\n")
            half = max(1, len(own) // 2)
            text = "\n".join(own[:half] + borrowed[len(borrowed) // 2:])
            text = YEAR.sub(lambda m, g=generation: str(int(m.group(1)) + g * 20), text)
            published = dt.date.fromisoformat(article["published"])
            try:
                published = published.replace(year=published.year + generation * 20)
            except ValueError:  # 29 February
                published = published.replace(year=published.year + generation * 20, day=28)
            result.append({"id": f"g{generation}-{number}", "text": text,
                           "published": published.isoformat()})
    return result


def write_parts(items: list[dict], folder: Path, per_file: int = PER_FILE) -> None:
    """``items`` as JSONL files of ``per_file`` articles each: one file of 10,000 long
    articles would pass the reader's 20 MB limit for a single input."""
    folder.mkdir(parents=True)
    for start in range(0, len(items), per_file):
        with open(folder / f"part-{start // per_file:04d}.jsonl", "w", encoding="utf-8") as out:
            out.writelines(json.dumps(item) + "\n" for item in items[start:start + per_file])


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process so far (all its threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _task_seconds(stream: list[dict]) -> float:
    """Seconds the workers spent computing tasks (from Dask's task stream)."""
    return sum(part["stop"] - part["start"] for task in stream
               for part in task["startstops"] if part["action"] == "compute")


def run(size: int, workers: int, folder: Path) -> dict:
    from contextlib import nullcontext

    from dateline.config import Config
    from dateline.engine import open_engine
    from dateline.export import render
    from dateline.ingest import read_articles
    from dateline.pipeline import process_articles

    config = Config(progress=False, workers=workers)
    wall = time.perf_counter()
    cpu = _cpu()
    with open_engine(config.workers) as engine:
        # The serial fraction: CPU spent in this process (reading, the collection-wide
        # reduces, the in-process scheduler) against CPU spent on the workers.
        before = engine.client.run(_cpu) if engine.distributed else {}
        main_cpu = _cpu()
        if engine.distributed:
            from distributed import get_task_stream

            watch = get_task_stream(engine.client)
        else:
            watch = nullcontext([])
        with watch as stream:
            articles, warnings = read_articles([str(folder / str(size))], config)
            timeline = process_articles(articles, config, warnings, engine=engine)
        main_cpu = _cpu() - main_cpu
        tasks = _task_seconds(stream.data) if engine.distributed else 0.0
        worker_peaks = []
        worker_cpu = 0.0
        if engine.distributed:
            worker_peaks = list(engine.client.run(_worker_peak_mb).values())
            after = engine.client.run(_cpu)
            worker_cpu = sum(after[worker] - before[worker] for worker in after)
    wall = time.perf_counter() - wall
    return {"size": size, "workers": workers, "wall": wall,
            "cpu": _cpu() - cpu + worker_cpu, "main_cpu": main_cpu,
            "worker_cpu": worker_cpu, "task_s": tasks,
            "peak_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_worker": max(worker_peaks, default=0.0),
            "events": len(timeline.events), "articles": len(articles),
            "digest": hashlib.sha256(render(timeline, "json").encode()).hexdigest()[:12]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 2])
    parser.add_argument("--one", nargs=2, type=int, metavar=("SIZE", "WORKERS"),
                        help=argparse.SUPPRESS)  # one measurement in a fresh process
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, default=DATA,
                        help="the shared data folder (a worktree under /work/wt has none "
                             "next to it: pass /work/shared/data)")
    parser.add_argument("--write", action="store_true", help=f"append the table to {RESULTS.name}")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run(args.one[0], args.one[1], Path(args.folder))))
        return 0
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    import subprocess

    real = real_articles(args.data)
    if not real:
        print(f"no dated articles under {args.data}", file=sys.stderr)
        return 1
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            write_parts(grown(real, size), folder / str(size))
            for workers in args.workers:
                # Each measurement in a fresh process: peak memory is per run.
                done = subprocess.run([sys.executable, __file__, "--one", str(size),
                                       str(workers), "--folder", str(folder)],
                                      capture_output=True, text=True, check=False)
                if done.returncode:
                    print(done.stderr, file=sys.stderr)
                    return 1
                row = json.loads(done.stdout.strip().splitlines()[-1])
                if row["articles"] != size:  # a file refused (size limit) must not pass as fast
                    print(f"only {row['articles']} of {size} articles were read", file=sys.stderr)
                    return 1
                rows.append(row)
                print(f"{size} articles, {workers or 1} process(es): {row['wall']:.1f} s wall, "
                      f"{row['cpu']:.1f} CPU-s ({row['main_cpu']:.1f} main, "
                      f"{row['worker_cpu']:.1f} workers, {row['task_s']:.1f} s in tasks), "
                      f"{size / row['cpu']:.1f} articles/CPU-s, "
                      f"peak {row['peak_main']:.0f} MB main / {row['peak_worker']:.0f} MB "
                      f"worker, {row['events']} events, JSON {row['digest']}", flush=True)
    if args.write:
        load = os.getloadavg()[0]
        lines = ["", f"## Scale (benchmarks/scale.py), {dt.date.today().isoformat()}", "",
                 f"{len(real)} real articles (Timeline17 + news-silver), grown as the module "
                 "doc says; each row a fresh process. Load average at the end: "
                 f"{load:.1f} on {os.cpu_count()} cores. Main CPU-s: the calling process "
                 "(reads, collection-wide reduces, the local cluster's scheduler); "
                 "worker CPU-s: the workers during the build.", "",
                 "| articles | workers | wall s | CPU-s (all processes) | main CPU-s "
                 "| worker CPU-s | articles/CPU-s | peak MB main | peak MB per worker "
                 "| events | JSON sha256 |",
                 "|---|---|---|---|---|---|---|---|---|---|---|"]
        for row in rows:
            lines.append(f"| {row['size']} | {row['workers'] or 'none (one process)'} | "
                         f"{row['wall']:.1f} | {row['cpu']:.1f} | {row['main_cpu']:.1f} | "
                         f"{row['worker_cpu']:.1f} | {row['size'] / row['cpu']:.1f} "
                         f"| {row['peak_main']:.0f} | {row['peak_worker']:.0f} | "
                         f"{row['events']} | {row['digest']} |")
        with open(RESULTS, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
