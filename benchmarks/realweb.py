"""Cleaner and publication dater on real news pages (``../shared/data/realweb``).

Scores, one page at a time, the bag-of-words body precision / recall / F1 of the cleaned text
against the gold main text, and publication dates right / wrong / none against the human
annotation, for the pasted text and the saved HTML. trafilatura, jusText and keeping
everything are scored in the same run as reference points. ``--cv K`` scores the shipped
line model's method cross-validated by site (GroupKFold: no site in both the fitting and
the scoring fold), which is the figure to quote; without it the shipped model is used,
which has seen the dev pages.

    python benchmarks/realweb.py [DATA_DIR] [--cv 5] [--show] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from dateline.clean import clean_articles, linemodel
from dateline.dating.inference import infer_publication_dates
from dateline.dating.pubdate import date_articles
from dateline.eval import scoring
from dateline.model import Article

DEFAULT_DATA = Path(__file__).resolve().parent.parent / ".." / "shared" / "data" / "realweb"
_TOKEN_RE = re.compile(r"\w+")
DATE_CONFIDENCE = 0.5  # a date below this is not given: wrong is worse than none


def bag(text: str) -> Counter:
    return Counter(t.lower() for t in _TOKEN_RE.findall(text or ""))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 (multiset overlap)."""
    p, g = bag(predicted), bag(gold)
    overlap = sum((p & g).values())
    return scoring.prf(overlap, sum(p.values()), sum(g.values()))


def load_pages(data: Path) -> list[dict]:
    pages = []
    for gold_path in sorted((data / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold["pasted_path"] = str(data / "pasted" / f"{gold['id']}.txt")
        gold["html_path"] = str(data / "pages" / f"{gold['id']}.html")
        pages.append(gold)
    return pages


def dateline_pasted(page: dict, model: linemodel.LineModel | None) -> Article:
    text = Path(page["pasted_path"]).read_text(encoding="utf-8")
    article = Article(id=page["id"], path=page["pasted_path"], raw_text=text)
    _run(article, model)
    return article


def dateline_html(page: dict, model: linemodel.LineModel | None) -> Article | None:
    from dateline.ingest.readers import _read_html

    html = Path(page["html_path"]).read_text(encoding="utf-8")
    article = _read_html(page["html_path"], html, page["id"], [])
    if article is not None:
        _run(article, model)
    return article


def _run(article: Article, model: linemodel.LineModel | None) -> None:
    clean_articles([article], model)
    date_articles([article])
    infer_publication_dates([article])


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


def lines_as_html(text: str) -> str:
    from html import escape

    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><body>{body}</body></html>"


def justext_text(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _given(article: Article | None, threshold: float = DATE_CONFIDENCE) -> str | None:
    if article is None or article.published is None:
        return None
    if (article.published_confidence or 0.0) < threshold:
        return None
    return article.published.isoformat()


def score(pages: list[dict], systems: dict[str, Callable[[dict], str]]) -> dict[str, tuple]:
    out = {}
    for name, run in systems.items():
        rows = [prf(run(page), page["body"]) for page in pages]
        out[name] = tuple(sum(r[k] for r in rows) / len(rows) for k in range(3))
    return out


def date_counts(pages: list[dict], dated: dict[str, str | None], pasted: bool) -> dict:
    right = wrong = none = visible = visible_right = 0
    for page in pages:
        if page.get("published_source") != "human" or not page.get("published"):
            continue
        got = dated.get(page["id"])
        if got is None:
            none += 1
        elif got == page["published"]:
            right += 1
        else:
            wrong += 1
        if pasted and page.get("published_visible"):
            visible += 1
            visible_right += got == page["published"]
    return {"right": right, "wrong": wrong, "none": none, "visible": visible,
            "visible_right": visible_right}


def cv_models(pages: list[dict], folds: int) -> dict[str, linemodel.LineModel]:
    """Page id -> a line model fitted without that page's site."""
    from sklearn.model_selection import GroupKFold

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from train_linemodel import fit_pages

    bodied = [p for p in pages if p.get("body")]
    groups = [p["site"] for p in bodied]
    models: dict[str, linemodel.LineModel] = {}
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(bodied, groups=groups):
        model = fit_pages([bodied[i] for i in train_idx])
        for i in test_idx:
            models[bodied[i]["id"]] = model
    return models


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--cv", type=int, default=0, help="site-grouped folds (0: shipped model)")
    parser.add_argument("--show", action="store_true", help="per-page figures")
    parser.add_argument("--quick", action="store_true", help="skip the reference systems")
    parser.add_argument("--out", default=str(Path(__file__).with_name("RESULTS_realweb.md")))
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / "gold").is_dir():
        print(f"{data}: no gold/ directory (realweb data not found)", file=sys.stderr)
        return 2
    pages = load_pages(data)
    bodied = [p for p in pages if p.get("body")]
    models: dict[str, linemodel.LineModel] = cv_models(pages, args.cv) if args.cv else {}
    shipped = linemodel.load()

    rules_only = {p["id"]: dateline_pasted(p, None).text for p in bodied}
    started = time.perf_counter()
    pasted = {p["id"]: dateline_pasted(p, models.get(p["id"], shipped)) for p in pages}
    html = {p["id"]: dateline_html(p, models.get(p["id"], shipped)) for p in pages}
    elapsed = time.perf_counter() - started

    raw = {p["id"]: Path(p["pasted_path"]).read_text(encoding="utf-8") for p in bodied}
    page_html = {p["id"]: Path(p["html_path"]).read_text(encoding="utf-8") for p in bodied}
    pasted_systems = {
        "dateline": lambda p: pasted[p["id"]].text,
        "dateline, rules only (no line model)": lambda p: rules_only[p["id"]],
        "trafilatura (lines as <p>)": lambda p: trafilatura_text(lines_as_html(raw[p["id"]])),
        "jusText (lines as <p>)": lambda p: justext_text(lines_as_html(raw[p["id"]])),
        "keep everything": lambda p: raw[p["id"]],
    }
    html_systems = {
        "dateline": lambda p: html[p["id"]].text if html[p["id"]] else "",
        "trafilatura": lambda p: trafilatura_text(page_html[p["id"]]),
        "jusText": lambda p: justext_text(page_html[p["id"]]),
    }
    if args.quick:
        pasted_systems = dict(list(pasted_systems.items())[:1])
        html_systems = dict(list(html_systems.items())[:1])
    pasted_scores = score(bodied, pasted_systems)
    html_scores = score(bodied, html_systems)
    pasted_dates = date_counts(pages, {i: _given(a) for i, a in pasted.items()}, True)
    html_dates = date_counts(pages, {i: _given(a) for i, a in html.items()}, False)
    # What the output shows: every published date, whatever its confidence.
    pasted_shown = date_counts(pages, {i: _given(a, 0.0) for i, a in pasted.items()}, True)
    html_shown = date_counts(pages, {i: _given(a, 0.0) for i, a in html.items()}, False)

    if args.show:
        for p in pages:
            a, h = pasted[p["id"]], html[p["id"]]
            body = p.get("body")
            fig = " ".join(f"{x:.2f}" for x in prf(a.text, body)) if body else "-"
            hfig = " ".join(f"{x:.2f}" for x in prf(h.text if h else "", body)) if body else "-"
            print(f"{p['id'][:44]:44} pasted {fig:14} html {hfig:14} gold {p['published']} "
                  f"({p['published_source']}) pasted {_given(a)} html {_given(h)}")

    how = (f"cross-validated by site, GroupKFold k={args.cv}" if args.cv
           else "shipped model (fitted on these pages: optimistic)")
    lines = [
        "# Real news pages: body extraction and publication dates",
        "",
        f"`python benchmarks/realweb.py --cv {args.cv}` on {data.name}: {len(pages)} pages, "
        f"{len(bodied)} with a gold body, {len({p['site'] for p in pages})} sites; line model "
        f"{how}. Bag-of-words P/R/F1 (mean over pages) against the gold body.",
        "",
        "| input | system | precision | recall | F1 |",
        "|---|---|---|---|---|",
    ]
    for name, (pr, rc, f1) in pasted_scores.items():
        lines.append(f"| pasted text | {name} | {pr:.3f} | {rc:.3f} | {f1:.3f} |")
    for name, (pr, rc, f1) in html_scores.items():
        lines.append(f"| saved HTML | {name} | {pr:.3f} | {rc:.3f} | {f1:.3f} |")
    lines += [
        "",
        f"Publication dates on the {sum(1 for p in pages if p.get('published_source') == 'human')}"
        f" human-dated pages (a date counts only at confidence >= {DATE_CONFIDENCE}):",
        "",
        "| input | right | wrong | none | right where the date is visible |",
        "|---|---|---|---|---|",
        f"| pasted text | {pasted_dates['right']} | {pasted_dates['wrong']} | "
        f"{pasted_dates['none']} | {pasted_dates['visible_right']}/{pasted_dates['visible']} |",
        f"| saved HTML | {html_dates['right']} | {html_dates['wrong']} | {html_dates['none']} | |",
        "",
        "Every date the output shows, whatever its confidence (inferred dates included):",
        "",
        "| input | right | wrong | none | right where the date is visible |",
        "|---|---|---|---|---|",
        f"| pasted text | {pasted_shown['right']} | {pasted_shown['wrong']} | "
        f"{pasted_shown['none']} | {pasted_shown['visible_right']}/{pasted_shown['visible']} |",
        f"| saved HTML | {html_shown['right']} | {html_shown['wrong']} | {html_shown['none']} | |",
        "",
        f"dateline time for both inputs of all pages: {elapsed:.1f} s.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    Path(args.out).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
