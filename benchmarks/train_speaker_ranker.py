"""Train the he/she speaker ranker (dateline/events/speakers.py) on ../shared/data/quotes.

Every pronoun attribution dateline meets while reading the corpus gives a group of
candidates; a candidate is positive when it is the gold speaker of the quote (corpus
scoring rule). A logistic regression over the candidate features is trained pointwise.

The honest figure is leave-one-publisher-out: for each of the DEV publishers, weights
trained on the other publishers' groups attribute that publisher's quotes, scored with
the corpus rules; the shipped weights (``dateline/events/speakers.json``) are then
trained on all of them.

Usage: python benchmarks/train_speaker_ranker.py [--cache FILE] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quotes" / "quotes.jsonl"


def _reads(items: list[dict], cache: Path | None):
    from dateline.eval.quotes import _read_article

    if cache is not None and cache.exists():
        with open(cache, "rb") as handle:
            return pickle.load(handle)
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    result = ([], [])
    for item in items:
        read, entities = _read_article(item, nlp)
        result[0].append(read)
        result[1].append(entities)
    if cache is not None:
        with open(cache, "wb") as handle:
            pickle.dump(result, handle)
    return result


def _groups(items, reads, names, ranker) -> list[tuple[str, list, list[int]]]:
    """(outlet, candidate feature rows, labels) of each pronoun attribution met."""
    from dateline.eval.quotes import match_quotes, speaker_right, words
    from dateline.events import quotes as module
    from dateline.events.speakers import FEATURES, candidates

    log: list[tuple[str, str, list]] = []

    def pronoun(self, word: str, before: str) -> str | None:
        found = candidates(before, word, self.find, self.recent, self.spoken)
        log.append((self.article, self.current, found))
        return self.choose(found)

    original, original_ranker = module._People.pronoun, module.default_ranker
    module._People.pronoun = pronoun
    module.default_ranker = lambda: ranker
    try:
        for item, read in zip(items, reads, strict=True):
            module.find_quotes(read.sentences, item["id"], names,
                               paragraphs=read.paragraph_starts)
    finally:
        module._People.pronoun, module.default_ranker = original, original_ranker
    by_id = {item["id"]: item for item in items}
    groups = []
    for article, content, found in log:
        item = by_id[article]
        gold = [q for q in item["quotes"] if q.get("speaker")]
        if not found or not gold:
            continue
        match = match_quotes([words(content)], [words(q["text"]) for q in gold])
        if 0 not in match:
            continue
        quote = gold[match[0]]
        labels = [int(speaker_right(c.name, quote["speaker"], quote.get("speaker_aliases")
                                    or [])) for c in found]
        rows = [[c.features.get(k, 0.0) for k in FEATURES] for c in found]
        groups.append((item.get("outlet") or "?", rows, labels))
    return groups


def _fit(groups, strength: float = 10.0) -> dict[str, float]:
    """Weights of a conditional logit (softmax over each group's candidates), with an L2
    pull toward the hand-set weights: with a few hundred groups the data corrects the
    rule where it has evidence rather than relearning it from nothing."""
    import numpy as np
    from scipy.optimize import minimize

    from dateline.events.speakers import _DEFAULT, FEATURES

    prior = np.array([_DEFAULT.get(k, 0.0) for k in FEATURES])
    data = [(np.array(rows), np.array(labels, dtype=float)) for _, rows, labels in groups
            if any(labels)]

    def loss(w):
        total, grad = 0.0, np.zeros_like(w)
        for rows, labels in data:
            scores = rows @ w
            p = np.exp(scores - scores.max())
            p /= p.sum()
            target = labels / labels.sum()
            total -= float(target @ np.log(p + 1e-12))
            grad -= rows.T @ (target - p)
        delta = w - prior
        return total + strength * float(delta @ delta), grad + 2 * strength * delta

    weights = minimize(loss, prior.copy(), jac=True, method="L-BFGS-B").x
    return {k: round(float(w), 4) for k, w in zip(FEATURES, weights, strict=True)}


def _score(items, reads, names, ranker) -> dict:
    from dateline.eval.quotes import Tally, score_article
    from dateline.events import quotes as module

    original = module.default_ranker
    module.default_ranker = lambda: ranker
    try:
        by_outlet: dict[str, Tally] = defaultdict(Tally)
        for item, read in zip(items, reads, strict=True):
            by_outlet[item.get("outlet") or "?"].add(score_article(item, read, names))
    finally:
        module.default_ranker = original
    return {k: v.scores() for k, v in by_outlet.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="pickle of the spaCy reading, reused")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--threshold", type=float, default=0.3,
                        help="below this score the ranker names nobody (speaker null)")
    args = parser.parse_args()
    from dateline.eval.quotes import read_corpus
    from dateline.events.names import NameIndex
    from dateline.events.speakers import _DEFAULT, WEIGHTS_FILE, Ranker

    items = read_corpus(DATA)
    reads, entities = _reads(items, args.cache)
    names = NameIndex()
    for item, found in zip(items, entities, strict=True):
        names.learn_sentences(item.get("id", ""), found)
    rule = Ranker(_DEFAULT)
    # two rounds: the second records candidates with the speakers the first learned
    groups = _groups(items, reads, names, rule)
    weights = _fit(groups)
    groups = _groups(items, reads, names, Ranker(weights))
    outlets = sorted({outlet for outlet, _, _ in groups})
    print(f"{len(groups)} pronoun attributions, "
          f"{sum(1 for g in groups if any(g[2]))} with the speaker among the candidates")
    baseline = _score(items, reads, names, rule)
    header = f"{'held out':<12}{'named':>7}{'rule':>8}{'ranker':>8}{'rule|given':>12}" \
             f"{'ranker|given':>14}"
    print(header)
    total = defaultdict(int)
    for outlet in outlets:
        trained = _fit([g for g in groups if g[0] != outlet])
        held = [i for i, item in enumerate(items) if (item.get("outlet") or "?") == outlet]
        scores = _score([items[i] for i in held], [reads[i] for i in held], names,
                        Ranker(trained, args.threshold))[outlet]
        base = baseline[outlet]
        print(f"{outlet:<12}{scores['named']:>7}{base['attribution']:>8.3f}"
              f"{scores['attribution']:>8.3f}{base['right_when_given']:>12.3f}"
              f"{scores['right_when_given']:>14.3f}")
        for key, value in (("named", scores["named"]),
                           ("right", round(scores["attribution"] * scores["named"])),
                           ("given", scores["given"]),
                           ("right_given", round(scores["right_when_given"] * scores["given"])),
                           ("base_right", round(base["attribution"] * base["named"])),
                           ("base_given", base["given"]),
                           ("base_right_given",
                            round(base["right_when_given"] * base["given"]))):
            total[key] += value
    print(f"{'ALL':<12}{total['named']:>7}{total['base_right'] / total['named']:>8.3f}"
          f"{total['right'] / total['named']:>8.3f}"
          f"{total['base_right_given'] / total['base_given']:>12.3f}"
          f"{total['right_given'] / total['given']:>14.3f}")
    print("rule: hand-set weights (the old nearest-sentence rule); ranker: weights learned on "
          f"the other publishers (leave-one-publisher-out), naming nobody below "
          f"{args.threshold}")
    final = _fit(groups)
    print(json.dumps(final))
    if not args.no_write:
        WEIGHTS_FILE.write_text(json.dumps({"weights": final, "threshold": args.threshold,
                                            "trained_on": str(DATA.name),
                                            "groups": len(groups)}, indent=1) + "\n",
                                encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
