"""The labelled noise corpus (benchmarks/noise_corpus) is well-formed, and the cleaner's
line-level quality on it (see benchmarks/noise_removal.py for the full comparison)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "noise_corpus"
LABELS = {"body", "title", "dateline", "caption", "noise", "blank"}


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _texts() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "noise_removal_benchmark", ROOT / "benchmarks" / "noise_removal.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_corpus_size_and_sites():
    texts = _texts()
    assert len(texts) >= 64
    sites = {p.stem.rsplit("-", 1)[0] for p in texts}
    assert len(sites) >= 16
    for path in texts:
        site, number = path.stem.rsplit("-", 1)
        assert site and number.isdigit() and len(number) == 2, path.name


def test_every_text_has_matching_labels():
    for path in _texts():
        labels_path = path.with_suffix(".labels")
        assert labels_path.exists(), f"{path.name} has no .labels file"
        lines, labels = _lines(path), _lines(labels_path)
        assert len(lines) == len(labels), f"{path.name}: {len(lines)} lines, {len(labels)} labels"
        assert set(labels) <= LABELS, f"{path.name}: {set(labels) - LABELS}"
        for number, (line, label) in enumerate(zip(lines, labels, strict=True), start=1):
            assert (label == "blank") == (line.strip() == ""), f"{path.name}:{number}"
        assert labels.count("title") == 1, path.name
        assert labels.count("dateline") <= 1, path.name
        assert "body" in labels, path.name


def test_no_stray_label_files():
    stems = {p.stem for p in _texts()}
    assert {p.stem for p in CORPUS.glob("*.labels")} == stems


def test_published_json_covers_all_files():
    gold = json.loads((CORPUS / "published.json").read_text(encoding="utf-8"))
    stems = {p.stem for p in _texts()}
    assert set(gold) == stems
    undated = 0
    for stem, value in gold.items():
        has_dateline = "dateline" in _lines(CORPUS / f"{stem}.labels")
        if value is None:
            undated += 1
            assert not has_dateline, f"{stem}: dateline labelled but no gold date"
        else:
            dt.date.fromisoformat(value)
            assert has_dateline, f"{stem}: gold date but no dateline label"
    assert undated >= 6


def test_dateline_cleaner_quality_on_corpus():
    bench = _benchmark()
    docs = bench.load_corpus(CORPUS)
    kept, _, _ = bench.run_dateline(docs)
    result = bench.score(docs, kept)
    assert result.body_recall >= 0.98, result
    assert result.noise_removed >= 0.90, result


def test_dateline_dates_and_headlines_on_corpus():
    bench = _benchmark()
    docs = bench.load_corpus(CORPUS)
    _, articles, _ = bench.run_dateline(docs)
    dated = [d for d in docs if d.published]
    right = sum(articles[d.name].published == d.published for d in dated)
    assert right >= 0.97 * len(dated)
    for doc in docs:
        art = articles[doc.name]
        if doc.published is None and art.published is not None:
            assert (art.published_confidence or 0.0) <= 0.5, (doc.name, art.published)
    titles = sum(bench.norm(articles[d.name].title or "")
                 == bench.norm(d.lines[d.labels.index("title")]) for d in docs)
    assert titles >= 0.9 * len(docs)
