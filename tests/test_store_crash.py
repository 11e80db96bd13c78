"""Crash safety: a writer killed with SIGKILL at random moments loses no committed batch.

A subprocess adds 500 small articles, ten per transaction, printing a line after each
commit. It is killed several times; after every kill the store must hold every article
whose commit was reported, no article twice, and consistent events; restarting resumes
where the last commit left off.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from dateline.store import open_store, timeline
from dateline.store.check import verify
from dateline.store.query import list_articles

ARTICLES = 500
BATCH = 10
CHILD = f"""
import sys
from dateline.config import Config
from dateline.store import add, open_store

store = open_store(sys.argv[1])
def committed(ids):
    print("COMMITTED " + " ".join(ids), flush=True)
add(store, [sys.argv[2]], Config(use_ner=False, progress=False), batch_size={BATCH},
    on_commit=committed)
print("DONE", flush=True)
"""

PLACES = ["Aldport", "Brenmoor", "Calder", "Dunwick", "Elsford", "Farrow", "Gilden", "Harlow"]
THINGS = ["a new bridge", "the town library", "a solar farm", "the harbour wall",
          "a tram line", "the county hospital", "a school extension", "the flood defences"]
VERBS = ["opened", "closed", "approved", "rejected", "inaugurated", "suspended"]


def _write_corpus(folder: Path) -> None:
    rng = random.Random(7)
    folder.mkdir()
    for n in range(ARTICLES):
        place, thing, verb = rng.choice(PLACES), rng.choice(THINGS), rng.choice(VERBS)
        day = 1 + n % 28
        month = ["January", "February", "March", "April", "May", "June"][n % 6]
        (folder / f"a{n:03d}.txt").write_text(
            f"Officials in {place} {verb} {thing}\n{month} {day + 1 if day < 28 else day}, 2022"
            f"\n\nOfficials in {place} {verb} {thing} on {month} {day}, 2022, "
            f"the council said in statement number {n}.\n\n"
            f"Residents of {place} had waited {n % 9 + 2} years for the decision, "
            f"reference {n * 7919 % 100003}.\n", encoding="utf-8")


def _run(db: Path, corpus: Path, kill_at: tuple[int, float] | None
         ) -> tuple[list[str], bool]:
    """Run the writer; with ``kill_at=(n, delay)``, SIGKILL it ``delay`` s after commit n."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(corpus)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env=env)
    lines: list[str] = []
    try:
        if kill_at is not None:
            commits, delay = kill_at
            for line in process.stdout:
                lines.append(line)
                if line.startswith("COMMITTED ") and sum(
                        x.startswith("COMMITTED ") for x in lines) >= commits:
                    time.sleep(delay)  # lands anywhere inside the following batch
                    process.send_signal(signal.SIGKILL)
                    break
        out, _ = process.communicate(timeout=600)
    finally:
        if process.poll() is None:
            process.kill()
    lines.extend(out.splitlines())
    committed = []
    for line in lines:
        if line.startswith("COMMITTED "):
            committed.extend(line.split()[1:])
    return committed, any(line.strip() == "DONE" for line in lines)


def _check(db: Path, reported: set[str]) -> int:
    with open_store(db) as store:
        assert verify(store) == []
        total, records = list_articles(store, limit=ARTICLES + 10)
        ids = [r["id"] for r in records]
        assert len(ids) == len(set(ids)) == total
        missing = reported - set(ids)
        assert not missing, f"committed articles lost after SIGKILL: {sorted(missing)[:5]}"
        timeline(store)  # renders without error
        return total


def test_sigkill_loses_no_committed_batch(tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus)
    db = tmp_path / "crash.db"
    open_store(db).close()  # create the schema first so kills land in article batches
    rng = random.Random(2024)
    reported: set[str] = set()
    stored = 0
    interrupted = 0
    for _ in range(5):
        committed, done = _run(db, corpus, kill_at=(rng.randint(1, 8), rng.uniform(0, 0.25)))
        reported.update(committed)
        interrupted += bool(committed) and not done
        now = _check(db, reported)
        assert now >= stored  # nothing committed disappears
        stored = now
        if done:
            break
    assert interrupted >= 2, "the kills did not land in the middle of runs"
    committed, done = _run(db, corpus, kill_at=None)
    assert done
    reported.update(committed)
    assert _check(db, reported) == ARTICLES
    # A further run adds nothing.
    committed, done = _run(db, corpus, kill_at=None)
    assert done and committed == []
