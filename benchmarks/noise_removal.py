"""Line-level noise removal and publication-date accuracy on the labelled noise corpus.

Compares dateline's cleaner with jusText and trafilatura on ``benchmarks/noise_corpus``
(invented pages copied as plain text; every line labelled body / title / dateline /
caption / noise / blank), checks dateline's publication dates against
``published.json``, and times dateline's clean + dating stages on the corpus repeated
to 10,000 articles. Prints one Markdown report and writes it to
``benchmarks/RESULTS_noise.md``.

Publication-date inference (``dateline.dating.inference``) is scored twice: on the
corpus's undated files (no gold date: an inferred date with confidence > 0.5 counts as
right only inside the window the file's own content allows, see ``UNDATED_WINDOWS``) and
blind, on the dated files with their labelled date line deleted (half of them at a time,
so the other half stays dated as collection evidence), against ``published.json``.

Usage: python benchmarks/noise_removal.py [--repeat-to N] [--no-baselines] [--examples K]

Kept lines: for dateline, a line is kept when it is a line of ``article.text`` (or is the
extracted ``article.title``); for jusText and trafilatura, when it is a line of their
output for the same text wrapped as minimal HTML (one ``<p>`` per non-blank line).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from dateline.eval import scoring

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "noise_corpus"
RESULTS = ROOT / "benchmarks" / "RESULTS_noise.md"
LABELS = {"body", "title", "dateline", "caption", "noise", "blank"}
CONFIDENT = 0.5  # inferred dates above this confidence must be right
# Undated files: the publication window their own content allows (first day, last day),
# read by hand: reported past events bound it below, reader comments and the page
# header's "today" bound it above. None: the content does not pin a window down.
UNDATED_WINDOWS: dict[str, tuple[str | None, str | None] | None] = {
    "riverbendnotes-01": ("2019-04-04", "2019-04-09"),  # meeting Thu April 4; comment Apr 9
    "riverbendnotes-02": (None, "2019-03-02"),  # first comment March 2, 2019
    "riverbendnotes-03": (None, "2019-10-22"),
    "riverbendnotes-04": (None, "2019-06-11"),
    "islandherald-04": (None, "2021-01-12"),  # header "today" and first comment
    "civicreport-03": ("2019-06-01", None),  # invoices approved "until at least June" 2019
    "lakeshoreweekly-04": None,
    "valleytimes-04": (None, "2022-11-12"),  # header "today"
}
_SPACE_RE = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


@dataclass
class Doc:
    name: str
    path: Path
    lines: list[str]
    labels: list[str]
    published: dt.date | None


def load_corpus(folder: Path = CORPUS) -> list[Doc]:
    """Every ``X.txt`` with its ``X.labels`` and gold date; raises on a malformed pair."""
    gold = json.loads((folder / "published.json").read_text(encoding="utf-8"))
    docs = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        labels = path.with_suffix(".labels").read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":  # trailing newline
            lines.pop()
        if labels and labels[-1] == "":
            labels.pop()
        if len(lines) != len(labels):
            raise ValueError(f"{path.name}: {len(lines)} lines but {len(labels)} labels")
        bad = set(labels) - LABELS
        if bad:
            raise ValueError(f"{path.name}: unknown labels {sorted(bad)}")
        value = gold[path.stem]
        docs.append(Doc(path.stem, path, lines, labels,
                        dt.date.fromisoformat(value) if value else None))
    return docs


# ---------------------------------------------------------------- systems

def run_dateline(docs: list[Doc]) -> tuple[dict[str, set[str]], dict[str, object], float]:
    """Kept lines per doc, the cleaned+dated ``Article`` per doc, and the seconds taken."""
    from dateline.clean import clean_articles
    from dateline.config import Config
    from dateline.dating.inference import infer_publication_dates
    from dateline.dating.pubdate import date_articles
    from dateline.ingest import read_articles

    articles, warnings = read_articles([str(CORPUS / "*.txt")], Config(progress=False))
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    start = time.perf_counter()
    clean_articles(articles)
    date_articles(articles)
    infer_publication_dates(articles)
    seconds = time.perf_counter() - start
    by_name = {Path(a.path).stem: a for a in articles}
    kept: dict[str, set[str]] = {}
    for doc in docs:
        art = by_name.get(doc.name)
        if art is None:
            kept[doc.name] = set()
            continue
        lines = {norm(x) for x in art.text.split("\n") if x.strip()}
        if art.title:
            lines.add(norm(art.title))
        kept[doc.name] = lines
    return kept, by_name, seconds


def as_html(doc: Doc) -> str:
    paras = "\n".join(f"<p>{html.escape(x)}</p>" for x in doc.lines if x.strip())
    return f"<html><body>\n{paras}\n</body></html>"


def run_justext(docs: list[Doc]) -> dict[str, set[str]]:
    import justext

    stoplist = justext.get_stoplist("English")
    kept = {}
    for doc in docs:
        paragraphs = justext.justext(as_html(doc).encode("utf-8"), stoplist)
        kept[doc.name] = {norm(p.text) for p in paragraphs if not p.is_boilerplate}
    return kept


def run_trafilatura(docs: list[Doc]) -> dict[str, set[str]]:
    import trafilatura

    kept = {}
    for doc in docs:
        text = trafilatura.extract(as_html(doc), include_comments=False,
                                   include_tables=False) or ""
        kept[doc.name] = {norm(x) for x in text.split("\n") if x.strip()}
    return kept


# ---------------------------------------------------------------- scoring

@dataclass
class Score:
    precision: float
    body_recall: float
    title_kept: float
    noise_removed: float
    caption_removed: float
    f1: float


def score(docs: list[Doc], kept: dict[str, set[str]]) -> Score:
    tp = kept_total = body = body_kept = titles = titles_kept = 0
    noise = noise_gone = caps = caps_gone = 0
    for doc in docs:
        keep = kept[doc.name]
        for line, label in zip(doc.lines, doc.labels, strict=True):
            if label == "blank":
                continue
            k = norm(line) in keep
            kept_total += k
            if label in ("body", "title"):
                tp += k
            if label == "body":
                body += 1
                body_kept += k
            elif label == "title":
                titles += 1
                titles_kept += k
            elif label == "noise":
                noise += 1
                noise_gone += not k
            elif label == "caption":
                caps += 1
                caps_gone += not k
    precision, recall, f1 = scoring.prf(tp, kept_total, body + titles)
    return Score(precision, body_kept / body, titles_kept / titles,
                 (noise_gone + caps_gone) / (noise + caps), caps_gone / caps if caps else 1.0,
                 f1)


def dateline_failures(docs: list[Doc], kept: dict[str, set[str]], limit: int) -> list[str]:
    """Examples of body lines dropped and noise lines kept by dateline's cleaner."""
    dropped, leaked = [], []
    for doc in docs:
        for line, label in zip(doc.lines, doc.labels, strict=True):
            if label == "blank":
                continue
            k = norm(line) in kept[doc.name]
            if label in ("body", "title") and not k:
                dropped.append(f"- `{doc.name}` ({label}): {line[:110]}")
            elif label in ("noise", "caption") and k:
                leaked.append(f"- `{doc.name}` ({label}): {line[:110]}")
    out = [f"Body/title lines dropped by dateline ({len(dropped)}, first {limit}):", ""]
    out += dropped[:limit] or ["- none"]
    out += ["", f"Noise/caption lines kept by dateline ({len(leaked)}, first {limit}):", ""]
    out += leaked[:limit] or ["- none"]
    return out


def dating_report(docs: list[Doc], articles: dict[str, object]) -> tuple[list[str], list[str]]:
    dated = [d for d in docs if d.published]
    undated = [d for d in docs if not d.published]
    right, wrong_dated, wrong_undated = 0, [], []
    for doc in dated:
        art = articles.get(doc.name)
        got = getattr(art, "published", None)
        if got == doc.published:
            right += 1
        else:
            conf = getattr(art, "published_confidence", None)
            wrong_dated.append(f"- `{doc.name}`: gold {doc.published}, got {got} "
                               f"(confidence {conf})")
    confident_wrong = 0
    for doc in undated:
        art = articles.get(doc.name)
        got = getattr(art, "published", None)
        conf = getattr(art, "published_confidence", None) or 0.0
        if got is not None and getattr(art, "published_source", None) != "inferred":
            wrong_undated.append(f"- `{doc.name}` (undated): got {got} (confidence {conf})")
            confident_wrong += conf > 0.5
    titles_right = sum(
        1 for doc in docs
        if norm(getattr(articles.get(doc.name), "title", None) or "")
        == norm(doc.lines[doc.labels.index("title")]))
    lines = [
        "| Publication date and headline (dateline) | Value |",
        "|---|---|",
        f"| Exact-date accuracy, files with a date line | {right}/{len(dated)} = "
        f"{right / len(dated):.3f} |",
        f"| Undated files given a date line date with confidence > 0.5 | "
        f"{confident_wrong}/{len(undated)} |",
        f"| Undated files given any date line date | {len(wrong_undated)}/{len(undated)} |",
        f"| Headline chosen as `article.title` is the labelled title | "
        f"{titles_right}/{len(docs)} |",
    ]
    return lines, wrong_dated + wrong_undated


def _in_window(got: dt.date, window: tuple[str | None, str | None] | None) -> bool:
    if window is None:
        return False
    lo, hi = window
    return (lo is None or got >= dt.date.fromisoformat(lo)) and \
        (hi is None or got <= dt.date.fromisoformat(hi))


def inference_report(docs: list[Doc], articles: dict[str, object]) -> list[str]:
    """Inferred dates on the undated files, and blind on the dated ones (date line removed)."""
    from dateline.clean import clean_articles
    from dateline.dating.inference import infer_publication_dates
    from dateline.dating.pubdate import date_articles
    from dateline.model import Article

    undated = [d for d in docs if not d.published]
    rows = []
    u_right = u_wrong = u_low = 0
    for doc in undated:
        art = articles.get(doc.name)
        if getattr(art, "published_source", None) != "inferred":
            rows.append(f"- `{doc.name}`: none")
            continue
        conf = art.published_confidence or 0.0
        window = UNDATED_WINDOWS.get(doc.name)
        inside = _in_window(art.published, window)
        if conf > CONFIDENT:
            u_right += inside
            u_wrong += not inside
        else:
            u_low += 1
        rows.append(f"- `{doc.name}`: {art.published} (confidence {conf}, "
                    f"{'inside' if inside else 'outside'} window {window}); "
                    + "; ".join(art.published_evidence[:2]))

    b_right = b_wrong = b_low_right = b_low_wrong = b_none = 0
    blind_rows = []
    dated_index = [k for k, d in enumerate(docs) if d.published]
    for parity in (0, 1):
        arts, hidden = [], {}
        for k, doc in enumerate(docs):
            lines = doc.lines
            if doc.published and dated_index.index(k) % 2 == parity:
                lines = [x for x, lab in zip(doc.lines, doc.labels, strict=True)
                         if lab != "dateline"]
                hidden[doc.name] = doc.published
            arts.append(Article(id=doc.name, path=str(doc.path), raw_text="\n".join(lines)))
        clean_articles(arts)
        date_articles(arts)
        infer_publication_dates(arts)
        for art in arts:
            if art.id not in hidden:
                continue
            gold, got = hidden[art.id], art.published
            conf = art.published_confidence or 0.0
            if got is None:
                b_none += 1
                continue
            right = got == gold
            if conf > CONFIDENT:
                b_right += right
                b_wrong += not right
            else:
                b_low_right += right
                b_low_wrong += not right
            if not right:
                blind_rows.append(f"- `{art.id}` (blind): gold {gold}, got {got} "
                                  f"({art.published_source}, confidence {conf})")
    n_blind = sum(1 for d in docs if d.published)
    return [
        "| Publication-date inference (dateline.dating.inference) | Value |",
        "|---|---|",
        f"| Undated files: inferred, confidence > {CONFIDENT}, wrong (outside window) | "
        f"{u_wrong}/{len(undated)} |",
        f"| Undated files: inferred, confidence > {CONFIDENT}, right (inside window) | "
        f"{u_right}/{len(undated)} |",
        f"| Undated files: inferred with low confidence | {u_low}/{len(undated)} |",
        f"| Blind (date line deleted): confidence > {CONFIDENT}, wrong / right | "
        f"{b_wrong} / {b_right} of {n_blind} |",
        f"| Blind: low confidence, wrong / right | {b_low_wrong} / {b_low_right} |",
        f"| Blind: left undated | {b_none} |",
        "",
        "Inferred dates on the undated files:",
        "",
        *rows,
        "",
        "Blind misses (a date other than the gold one):",
        "",
        *(blind_rows or ["- none"]),
    ]


def time_dateline(n_target: int) -> tuple[int, float, float]:
    """Wall and CPU seconds for clean + dating + inference of the corpus repeated to
    ``n_target`` articles (CPU time is the fair figure on a shared machine)."""
    from dateline.clean import clean_articles
    from dateline.config import Config
    from dateline.dating.inference import infer_publication_dates
    from dateline.dating.pubdate import date_articles
    from dateline.ingest import read_articles
    from dateline.model import Article

    base, _ = read_articles([str(CORPUS / "*.txt")], Config(progress=False))
    articles = []
    k = 0
    while len(articles) < n_target:
        for a in base:
            if len(articles) >= n_target:
                break
            articles.append(Article(id=f"{a.id}-r{k}", path=a.path, raw_text=a.raw_text))
        k += 1
    start, cpu = time.perf_counter(), time.process_time()
    clean_articles(articles)
    date_articles(articles)
    infer_publication_dates(articles)
    return len(articles), time.perf_counter() - start, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat-to", type=int, default=10_000)
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--examples", type=int, default=25)
    args = parser.parse_args(argv)

    docs = load_corpus()
    counts: dict[str, int] = {}
    for doc in docs:
        for label in doc.labels:
            counts[label] = counts.get(label, 0) + 1
    sites = {d.name.rsplit("-", 1)[0] for d in docs}

    kept_dl, articles, dl_seconds = run_dateline(docs)
    systems = {"dateline clean": kept_dl}
    if not args.no_baselines:
        systems["jusText (lines as <p>)"] = run_justext(docs)
        systems["trafilatura (lines as <p>)"] = run_trafilatura(docs)

    out = [
        "# Noise removal benchmark",
        "",
        f"Corpus: {len(docs)} files from {len(sites)} invented sites; non-blank lines: "
        + ", ".join(f"{k} {counts.get(k, 0)}" for k in ("body", "title", "dateline",
                                                        "caption", "noise")) + ".",
        "Keep = body + title lines (positive class). Precision = kept lines that are body/title; "
        "noise removed = share of noise + caption lines not kept.",
        "",
        "| System | Keep precision | Keep F1 | Body recall | Title kept | Noise+caption removed "
        "| Captions removed |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, kept in systems.items():
        s = score(docs, kept)
        out.append(f"| {name} | {s.precision:.3f} | {s.f1:.3f} | {s.body_recall:.3f} | "
                   f"{s.title_kept:.3f} | {s.noise_removed:.3f} | {s.caption_removed:.3f} |")
    date_lines, date_misses = dating_report(docs, articles)
    out += ["", *date_lines, "", *inference_report(docs, articles), ""]
    n, seconds, cpu_seconds = time_dateline(args.repeat_to)
    out += [
        "| Throughput (dateline clean + dating + inference, one process) | Value |",
        "|---|---|",
        f"| Corpus ({len(docs)} articles) | {len(docs) / dl_seconds:,.0f} articles/s |",
        f"| Corpus repeated to {n:,} articles, one collection | {n / seconds:,.0f} articles/s "
        f"({seconds:.1f} s) |",
        f"| Same, per CPU second (one core; wall time suffers on a shared machine) | "
        f"{n / cpu_seconds:,.0f} articles/s ({cpu_seconds:.1f} s CPU) |",
        "",
        "## Dating misses",
        "",
        *(date_misses or ["- none"]),
        "",
        "## dateline cleaner errors",
        "",
        *dateline_failures(docs, kept_dl, args.examples),
        "",
    ]
    report = "\n".join(out)
    print(report)
    RESULTS.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
