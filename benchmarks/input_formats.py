"""The new input formats on real pages: a WARC of the realweb pages against the same pages
as HTML files, and PDF text recovery on the realweb gold bodies.

1. WARC vs HTML (baseline: the saved .html files, read as before). Every page of
   ``../shared/data/realweb/pages`` is written into one WARC.gz (warcio) as an HTTP
   response with its gold URL, crawled a day after its gold date; both inputs go through
   the whole pipeline. Reported: pages read, identical extracted bodies, identical
   publication dates, publication dates right against gold for each, and identical events.
2. PDF text layer (baseline: pypdf's lines as they come, and all lines joined into one
   paragraph). Each gold body of the ``sh-*`` pages is printed into a PDF (the test
   suite's minimal writer: Helvetica, wrapped at 90 characters, no blank lines between
   paragraphs, as most PDFs); dateline's PDF reader re-flows it. Scored: gold sentences
   (dateline's sentence splitter on the gold body) found exactly as sentences of the text
   read back, and gold paragraphs found exactly.

Usage: python benchmarks/input_formats.py [--limit N]   (prints a Markdown report)
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "realweb"
if not DATA.exists():
    DATA = ROOT / ".." / "shared" / "data" / "realweb"
sys.path.insert(0, str(ROOT / "tests"))

from inputs_helpers import pdf, signature, warc  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from dateline.clean.sentences import split_sentences  # noqa: E402
from dateline.config import Config  # noqa: E402
from dateline.ingest.pdf import read_pdf  # noqa: E402
from dateline.pipeline import build_timeline  # noqa: E402

CONFIG = Config(progress=False, use_ner=False, max_events=10**6)


def _gold(page: Path) -> dict:
    return json.loads((DATA / "gold" / f"{page.stem}.json").read_text(encoding="utf-8"))


def warc_vs_html(pages: list[Path], work: Path) -> str:
    records = []
    for page in pages:
        gold = _gold(page)
        day = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        crawled = (day + dt.timedelta(days=1)).isoformat() if day else "2024-01-01"
        records.append((gold.get("url") or f"https://{page.stem}.example/", page.read_bytes(),
                        crawled + "T12:00:00Z"))
    archive = work / "realweb.warc.gz"
    archive.write_bytes(warc(records, gzip=True))
    started = time.perf_counter()
    html = build_timeline([str(p) for p in pages], CONFIG)
    html_seconds = time.perf_counter() - started
    started = time.perf_counter()
    crawl = build_timeline(str(archive), CONFIG)
    warc_seconds = time.perf_counter() - started
    by_url = {a.url: a for a in crawl.articles}
    same_body = same_date = html_right = warc_right = dated = 0
    for page, article in zip(pages, html.articles, strict=False):
        gold = _gold(page)
        other = by_url.get(gold.get("url") or f"https://{page.stem}.example/")
        if other is None:
            continue
        same_body += article.text == other.text
        same_date += article.published == other.published
        if gold.get("published"):
            dated += 1
            html_right += str(article.published) == gold["published"]
            warc_right += str(other.published) == gold["published"]
    html_events, warc_events = set(signature(html)), set(signature(crawl))
    shared = len(html_events & warc_events)
    return "\n".join([
        "## WARC vs HTML on realweb pages",
        "",
        f"{len(pages)} pages; one WARC.gz of {archive.stat().st_size // 1024} KiB.",
        "",
        "| | HTML files (baseline) | WARC.gz |",
        "|---|---|---|",
        f"| articles read | {len(html.articles)} | {len(crawl.articles)} |",
        f"| extracted body identical to the HTML file's | - | {same_body}/{len(html.articles)} |",
        f"| publication date identical | - | {same_date}/{len(html.articles)} |",
        f"| publication date = gold ({dated} pages with one) | {html_right} | {warc_right} |",
        f"| events | {len(html_events)} | {len(warc_events)} |",
        f"| events identical (date, title, sources) | - | {shared} |",
        f"| seconds, whole pipeline | {html_seconds:.1f} | {warc_seconds:.1f} |",
        ""])


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in split_sentences(text) if s.text.strip()]


def pdf_recovery(pages: list[Path]) -> str:
    golds = [_gold(p) for p in pages]
    golds = [g for g in golds if g.get("body")]
    totals = {"reflow": [0, 0], "lines": [0, 0], "joined": [0, 0]}
    gold_sentences = gold_paragraphs = refused = 0
    for gold in golds:
        # The writer prints in WinAnsi; compare with the gold as it was printable.
        body = gold["body"].encode("cp1252", errors="replace").decode("cp1252")
        data = pdf(body, gold.get("title"))
        articles, warnings = read_pdf("x.pdf", data, "x")
        if not articles:
            refused += 1
            continue


        raw = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        variants = {"reflow": articles[0].raw_text, "lines": raw,
                    "joined": " ".join(raw.split())}
        wanted = set(_sentences(body))
        paragraphs = {" ".join(p.split()) for p in body.split("\n") if p.strip()}
        gold_sentences += len(wanted)
        gold_paragraphs += len(paragraphs)
        for name, text in variants.items():
            totals[name][0] += len(wanted & set(_sentences(text)))
            got = {" ".join(p.split()) for p in text.split("\n\n" if name == "reflow" else "\n")}
            totals[name][1] += len(paragraphs & got)
    rows = [f"| {label} | {totals[k][0] / gold_sentences:.3f} | "
            f"{totals[k][1] / gold_paragraphs:.3f} |"
            for k, label in (("lines", "pypdf lines as they come (baseline)"),
                             ("joined", "all lines joined (baseline)"),
                             ("reflow", "dateline's PDF reader (re-flowed)"))]
    return "\n".join([
        "## PDF text layer on realweb gold bodies",
        "",
        f"{len(golds)} gold bodies printed to PDF; {refused} refused as scans; "
        f"{gold_sentences} gold sentences, {gold_paragraphs} gold paragraphs.",
        "",
        "| reading | gold sentences recovered | gold paragraphs recovered |",
        "|---|---|---|",
        *rows, ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="use only the first N pages")
    args = parser.parse_args()
    if not (DATA / "pages").exists():
        sys.exit(f"no realweb data at {DATA}")
    pages = sorted((DATA / "pages").glob("*.html"))
    with_body = [p for p in pages if _gold(p).get("body")]
    with tempfile.TemporaryDirectory() as work:
        print("# Input formats on real pages\n")
        print("Reproduce: `python benchmarks/input_formats.py`\n")
        print(warc_vs_html(pages[:args.limit], Path(work)))
        print(pdf_recovery(with_body[:args.limit]))


if __name__ == "__main__":
    main()
