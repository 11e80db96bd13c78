"""Read API under load: concurrent ``GET /api/events?limit=50`` on a 1,000-article store.

Builds (once, cached) a store of real articles from ``../shared/data/tls-t17``, starts
``dateline serve`` on 127.0.0.1 from this checkout and, with ``--baseline DIR``, from an
older checkout in the same run, then fires ``--concurrency`` requests at once (several
rounds) and reports p50/p99 latency and errors per server. Nothing leaves the machine.

    python benchmarks/api_load.py --baseline /tmp/base
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tls-t17"
if not DATA.exists():
    DATA = ROOT / ".." / "shared" / "data" / "tls-t17"


def build_store(path: Path, count: int) -> None:
    """A store of ``count`` real articles (the first files of each Timeline17 story)."""
    if path.exists():
        return
    files = []
    stories = sorted(p for p in DATA.iterdir() if (p / "articles").is_dir())
    per_story = -(-count // len(stories))
    for story in stories:
        files += sorted((story / "articles").glob("*.jsonl"))[:per_story]
    files = files[:count]
    listing = Path(tempfile.mkdtemp(prefix="api-load-")) / "files"
    listing.mkdir()
    for n, source in enumerate(files):  # symlinks: distinct names across stories
        (listing / f"{source.parent.parent.name}-{n:04d}.jsonl").symlink_to(source.resolve())
    partial = path.with_suffix(".partial")
    subprocess.run([sys.executable, "-m", "dateline.cli", "add", str(listing), "--db",
                    str(partial), "--no-entities", "-q"], check=True, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    shutil.rmtree(listing.parent)
    partial.rename(path)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(checkout: Path, store: Path, port: int, workers: int | None) -> subprocess.Popen:
    command = [sys.executable, "-m", "dateline.cli", "serve", "--db", str(store),
               "--port", str(port)]
    if workers is not None:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, cwd=checkout, env={**os.environ,
                                                           "PYTHONPATH": str(checkout)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/facets", timeout=5).read()
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode()[-2000:]) from None
            time.sleep(0.5)
    process.kill()
    raise RuntimeError("server did not start in 120 s")


def burst(port: int, concurrency: int, path: str) -> tuple[list[float], int]:
    """``concurrency`` requests released together; their latencies and the error count."""
    barrier = threading.Barrier(concurrency)
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def one() -> None:
        barrier.wait()
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as r:
                r.read()
                ok = r.status == 200
        except OSError:
            ok = False
        with lock:
            times.append(time.perf_counter() - began)
            errors[0] += not ok

    threads = [threading.Thread(target=one) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors[0]


def measure(name: str, checkout: Path, store: Path, args) -> None:
    port = free_port()
    process = start(checkout, store, port, args.workers if name == "this" else None)
    try:
        times: list[float] = []
        errors = 0
        for round_number in range(args.rounds):
            # each round asks a different page, so the first answer is never pre-cached
            path = f"/api/events?limit=50&offset={50 * round_number}"
            got, failed = burst(port, args.concurrency, path)
            times += got
            errors += failed
        times.sort()
        p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
        print(f"{name:9} {len(times):6} requests  p50 {statistics.median(times):6.2f} s  "
              f"p99 {p99:6.2f} s  max {times[-1]:6.2f} s  errors {errors}")
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None,
                        help="server processes for this checkout (default: serve's own)")
    parser.add_argument("--store", default=str(Path(tempfile.gettempdir()) /
                                               "dateline-api-load-1000.db"))
    parser.add_argument("--baseline", metavar="DIR", help="an older checkout to compare")
    args = parser.parse_args()
    store = Path(args.store)
    began = time.perf_counter()
    build_store(store, args.articles)
    print(f"store {store} ready ({time.perf_counter() - began:.0f} s); "
          f"{args.concurrency} concurrent GET /api/events?limit=50, {args.rounds} rounds, "
          f"{os.cpu_count()} CPUs")
    if args.baseline:
        measure("baseline", Path(args.baseline), store, args)
    measure("this", ROOT, store, args)


if __name__ == "__main__":
    main()
