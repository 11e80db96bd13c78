"""Fit the cleaner's line model on the realweb dev pages and write it into the package.

Labels come from aligning each pasted line with the gold main text: a line whose words
appear, in order, in the gold body is body; short lines (a subheading, a one-word line)
count only when a long body line stands within two lines of them, since a short phrase
can appear in the gold text by chance. Deterministic: fixed seed, sorted pages.

    python benchmarks/train_linemodel.py [DATA_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from dateline.clean.linemodel import (
    FEATURES,
    MODEL_PATH,
    LineModel,
    _Stage,
    line_features,
    stage2_contexts,
)
from dateline.clean.noise import _split_lines

SEED = 13
DEFAULT_DATA = Path(__file__).resolve().parent.parent / ".." / "shared" / "data" / "realweb"
_TOKEN_RE = re.compile(r"\w+")
_SHORT = 5
THRESHOLD = 0.35  # chosen on site-CV: recall matters more than the last bit of precision


def page_lines(raw_text: str) -> list[str]:
    """The lines the cleaner classifies, in order."""
    return [line.text for line in _split_lines(raw_text)]


def label_lines(lines: list[str], gold: str) -> list[int]:
    """1 for a line whose words appear in order in the gold body, else 0."""
    gold_tokens = " " + " ".join(t.lower() for t in _TOKEN_RE.findall(gold)) + " "
    found = []
    for text in lines:
        tokens = [t.lower() for t in _TOKEN_RE.findall(text)]
        found.append(bool(tokens) and f" {' '.join(tokens)} " in gold_tokens)
    sizes = [len(_TOKEN_RE.findall(text)) for text in lines]
    labels = []
    for i, hit in enumerate(found):
        if hit and sizes[i] < _SHORT:
            near = range(max(0, i - 2), min(len(lines), i + 3))
            hit = any(found[j] and sizes[j] >= _SHORT for j in near if j != i)
        labels.append(int(hit))
    return labels


def _scaled(rows: list[list[float]]) -> tuple[list[float], list[float]]:
    import numpy as np

    matrix = np.asarray(rows, dtype=float)
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean.tolist(), scale.tolist()


def _fit_stage(rows: list[list[float]], labels: list[int]) -> _Stage:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    mean, scale = _scaled(rows)
    x = (np.asarray(rows) - np.asarray(mean)) / np.asarray(scale)
    clf = LogisticRegression(C=1.0, max_iter=2000, random_state=SEED, class_weight=None)
    clf.fit(x, labels)
    return _Stage(mean=[round(v, 6) for v in mean], scale=[round(v, 6) for v in scale],
                  coef=[round(float(v), 6) for v in clf.coef_[0]],
                  intercept=round(float(clf.intercept_[0]), 6))


def fit_pages(pages: list[dict], threshold: float = THRESHOLD) -> LineModel:
    """Fit both stages on pages with a gold body; stage two sees out-of-fold stage-one
    scores (grouped by site) so that it learns from scores like those of unseen pages."""
    from sklearn.model_selection import GroupKFold

    pages = sorted((p for p in pages if p.get("body")), key=lambda p: p["id"])
    per_page = []
    for page in pages:
        lines = page_lines(Path(page["pasted_path"]).read_text(encoding="utf-8"))
        if lines:
            per_page.append((page["site"], line_features(lines), label_lines(lines,
                                                                             page["body"])))
    all_rows = [r for _, rows, _ in per_page for r in rows]
    all_labels = [y for _, _, labels in per_page for y in labels]
    first = _fit_stage(all_rows, all_labels)

    oof: list[list[float] | None] = [None] * len(per_page)
    groups = [site for site, _, _ in per_page]
    folds = min(4, len(set(groups)))
    for train, test in GroupKFold(n_splits=folds).split(per_page, groups=groups):
        stage = _fit_stage([r for i in train for r in per_page[i][1]],
                           [y for i in train for y in per_page[i][2]])
        for i in test:
            oof[i] = [stage.score(r) for r in per_page[i][1]]
    rows2, labels2 = [], []
    for (_, rows, labels), scores in zip(per_page, oof, strict=True):
        for row, context, label in zip(rows, stage2_contexts(scores), labels, strict=True):
            rows2.append(row + context)
            labels2.append(label)
    second = _fit_stage(rows2, labels2)
    return LineModel(first, second, threshold)


def main(argv: list[str] | None = None) -> int:
    data = Path((argv or sys.argv[1:] or [str(DEFAULT_DATA)])[0])
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from realweb import load_pages

    if not (data / "gold").is_dir():
        print(f"{data}: no gold/ directory (realweb data not found)", file=sys.stderr)
        return 2
    model = fit_pages(load_pages(data))
    MODEL_PATH.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({len(FEATURES)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
