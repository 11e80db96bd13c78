"""A learned line classifier for copied pages: is this line part of the article body?

Rules written for a handful of site styles do not carry over to sites nobody here has
seen; shallow text features do (boilerpipe's word counts, jusText's stop-word and link
densities, position, the neighbours). The model is two stacked logistic regressions:
the first scores each line from its own and its neighbours' features, the second
re-scores it from the first stage's scores around it (a body is a run of lines, a
teaser rail is a run of headlines). It is fitted on real pages by
``benchmarks/train_linemodel.py`` and shipped as a small JSON of coefficients, read
without pickle.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from dateline.lexicon import MONTH_NAMES, STOP_WORDS, alternation

__all__ = ["LineModel", "line_features", "load", "FEATURES"]

MODEL_PATH = Path(__file__).with_name("linemodel.json")

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")
_LINKISH_RE = re.compile(r"https?://|www\.|\.com\b|@\w{2,}|#\w{3,}", re.IGNORECASE)
_SEPARATOR_RE = re.compile(r"[|»›•·©]|\s/\s")
_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")
_MONTH_PREFIX = "(?:" + alternation(m[:3] for m in MONTH_NAMES) + ")"
_MONTH_RE = re.compile(
    rf"\b{_MONTH_PREFIX}[a-z]*\.?\s+\d{{1,2}}\b|"
    rf"\b\d{{1,2}}\s+{_MONTH_PREFIX}[a-z]*\b|"
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d+\s+(?:min|minutes?|hours?|days?)\s+ago\b",
    re.IGNORECASE)
_QUOTE_RE = re.compile(r"[\"“”]")

_OWN = ("log_words", "log_chars", "stop_ratio", "cap_ratio", "digit_ratio", "ends_sentence",
        "ends_colon", "quote", "linkish", "separator", "position", "prose_before",
        "prose_after", "repeated", "dated", "upper_ratio", "short", "comma_rate", "prose",
        "mean_word_len", "punct_ratio")
_CONTEXT = ("prose_m2", "prose_m1", "prose_p1", "prose_p2", "words_m1", "words_p1",
            "prose_win5", "prose_win12", "log_dist_prose", "short_win5", "dated_win3",
            "density3_rel", "density8_rel", "density20_rel")
FEATURES = _OWN + _CONTEXT
_STAGE2_OFFSETS = (-3, -2, -1, 1, 2, 3)
_STAGE2_WIDTH = 1 + len(_STAGE2_OFFSETS) + 2 + 2  # score, neighbours, two means, two maxima
_BLOCK = 4096  # rows scored at a time


@dataclass
class _Stage:
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float

    def score(self, row: list[float]) -> float:
        z = self.intercept
        for x, m, s, c in zip(row, self.mean, self.scale, self.coef, strict=True):
            z += c * (x - m) / s
        return _sigmoid(z)

    def score_rows(self, rows: np.ndarray) -> list[float]:
        """``score`` of every row of ``rows`` (lines x features), to the last bit."""
        return self.score_blocks(rows[lo:lo + _BLOCK] for lo in range(0, len(rows), _BLOCK))

    def score_blocks(self, blocks: Iterable[np.ndarray]) -> list[float]:
        """``score`` of every row of consecutive blocks of rows. A block at a time: the
        arithmetic makes several temporaries the size of the rows, which for a page of
        200,000 lines were 60 MB each."""
        return [p for block in blocks for p in self._score_block(block)]

    def _score_block(self, rows: np.ndarray) -> list[float]:
        """The terms are summed left to right as ``score`` does, not pairwise."""
        if not len(rows):
            return []
        terms = np.empty((rows.shape[0], rows.shape[1] + 1))
        terms[:, 0] = self.intercept
        terms[:, 1:] = np.asarray(self.coef) * (rows - np.asarray(self.mean)) \
            / np.asarray(self.scale)
        z = np.add.accumulate(terms, axis=1)[:, -1]
        return [_sigmoid(v) for v in z.tolist()]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass
class LineModel:
    """Two fitted stages and the probability above which a line is kept as body."""

    first: _Stage
    second: _Stage
    threshold: float = 0.5

    def probabilities(self, lines: list[str]) -> list[float]:
        # Rows go straight into arrays, never a list of lists of floats: on a page of
        # 200,000 lines those lists alone took several hundred MB.
        rows = _filled(_feature_rows(lines), len(lines), len(FEATURES))
        first = self.first.score_rows(rows)
        context = _filled(_stage2_rows(first), len(lines), _STAGE2_WIDTH)
        return self.second.score_blocks(
            np.hstack([rows[lo:lo + _BLOCK], context[lo:lo + _BLOCK]])
            for lo in range(0, len(lines), _BLOCK))

    def to_json(self) -> dict:
        return {"features": list(FEATURES), "threshold": self.threshold,
                "stages": [vars(self.first), vars(self.second)]}

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        if list(data.get("features", [])) != list(FEATURES):
            raise ValueError("line model was fitted on other features; retrain it")
        first, second = (_Stage(**stage) for stage in data["stages"])
        return cls(first, second, float(data.get("threshold", 0.5)))


def _filled(rows: Iterator[list[float]], count: int, width: int) -> np.ndarray:
    """``count`` rows of ``width`` floats as one array, filled row by row."""
    out = np.empty((count, width), dtype=float)
    for i, row in enumerate(rows):
        out[i] = row
    return out


def stage2_contexts(first: list[float]) -> list[list[float]]:
    """The first-stage scores around each line: its neighbours, the window means and
    the best score before and after it (running maxima, computed once)."""
    return list(_stage2_rows(first))


def _stage2_rows(first: list[float]) -> Iterator[list[float]]:
    n = len(first)
    before_max = [0.0] * n  # max of first[:i]
    after_max = [0.0] * n  # max of first[i + 1:]
    for i in range(1, n):
        before_max[i] = first[i - 1] if i == 1 else max(before_max[i - 1], first[i - 1])
    for i in range(n - 2, -1, -1):
        after_max[i] = first[i + 1] if i == n - 2 else max(after_max[i + 1], first[i + 1])
    for i in range(n):
        row = [first[i]]
        for off in _STAGE2_OFFSETS:
            j = i + off
            row.append(first[j] if 0 <= j < n else 0.0)
        for width in (6, 15):
            window = first[max(0, i - width): i + width + 1]
            row.append(sum(window) / len(window))
        row.append(after_max[i])
        row.append(before_max[i])
        yield row


@lru_cache(maxsize=65536)  # menus and footers repeat across a site's pages
def _own_cached(text: str) -> tuple[float, ...]:
    return tuple(_own(text))


def clear_cache() -> None:
    """Forget the features cached by line text (at the end of a collection)."""
    _own_cached.cache_clear()


def _own(text: str) -> list[float]:
    words = _WORD_RE.findall(text)
    n = len(words)
    lower = [w.lower() for w in words]
    # lexicon.STOP_WORDS is a feature of the fitted model: changing it means refitting
    stop = sum(w in STOP_WORDS for w in lower) / n if n else 0.0
    caps = sum(w[:1].isupper() for w in words) / n if n else 0.0
    digits = sum(w.isdigit() for w in words) / n if n else 0.0
    upper = sum(w.isupper() and len(w) > 1 for w in words) / n if n else 0.0
    chars = len(text)
    letters = sum(ch.isalnum() or ch.isspace() for ch in text)
    ends = 1.0 if _END_RE.search(text) else 0.0
    prose = 1.0 if n >= 12 and stop >= 0.2 and ends else 0.0
    return [
        math.log1p(n), math.log1p(chars), stop, caps, digits, ends,
        1.0 if text.endswith(":") else 0.0,
        1.0 if _QUOTE_RE.search(text) else 0.0,
        1.0 if _LINKISH_RE.search(text) else 0.0,
        1.0 if _SEPARATOR_RE.search(text) else 0.0,
        0.0, 0.0, 0.0, 0.0,  # position, prose before / after, repeated: filled per page
        1.0 if _MONTH_RE.search(text) else 0.0,
        upper, 1.0 if n <= 3 else 0.0,
        text.count(",") / n if n else 0.0,
        prose,
        sum(len(w) for w in words) / n if n else 0.0,
        1.0 - letters / chars if chars else 0.0,
    ]


_I_WORDS, _I_POS, _I_BEFORE, _I_AFTER, _I_REP, _I_DATED, _I_SHORT, _I_PROSE = (
    _OWN.index(k) for k in ("log_words", "position", "prose_before", "prose_after",
                            "repeated", "dated", "short", "prose"))


def line_features(lines: list[str]) -> list[list[float]]:
    """One feature row per line (non-blank lines of one page, in order)."""
    return list(_feature_rows(lines))


def _feature_rows(lines: list[str]) -> Iterator[list[float]]:
    n = len(lines)
    # one array, not a list of float lists per line: on a page of 200,000 lines those
    # lists and their float objects took about 150 MB
    rows = np.empty((n, len(_OWN)), dtype=float)
    for i, text in enumerate(lines):
        rows[i] = _own_cached(text)
    counts = Counter(text.strip().lower() for text in lines)
    prose = rows[:, _I_PROSE].tolist()
    prose_chars = [len(text) if flag else 0 for text, flag in zip(lines, prose, strict=True)]
    any_prose = sum(prose_chars) > 0
    total = sum(prose_chars) or 1
    seen = 0
    prose_at = [i for i, flag in enumerate(prose) if flag]
    for i in range(n):
        rows[i, _I_POS] = i / n
        rows[i, _I_BEFORE] = seen / total
        seen += prose_chars[i]
        rows[i, _I_AFTER] = (total - seen) / total if any_prose else 0.0
        rows[i, _I_REP] = 1.0 if counts[lines[i].strip().lower()] > 1 else 0.0
    del counts
    short = rows[:, _I_SHORT].tolist()
    dated = rows[:, _I_DATED].tolist()
    words = rows[:, _I_WORDS].tolist()
    nearest = _nearest_distances(prose_at, n)
    densities = [_relative_density(prose_chars, width) for width in (3, 8, 20)]
    prose5, prose12 = _flag_means(prose, 5), _flag_means(prose, 12)
    short5, dated3 = _flag_means(short, 5), _flag_means(dated, 3)
    for i in range(n):
        yield rows[i].tolist() + [
            _at(prose, i - 2), _at(prose, i - 1), _at(prose, i + 1), _at(prose, i + 2),
            _at(words, i - 1), _at(words, i + 1),
            prose5[i], prose12[i], math.log1p(nearest[i]),
            short5[i], dated3[i],
            densities[0][i], densities[1][i], densities[2][i],
        ]


def _at(values: list[float], j: int) -> float:
    return values[j] if 0 <= j < len(values) else 0.0


def _mean(values: list[float], i: int, width: int) -> float:
    window = values[max(0, i - width): i + width + 1]
    return sum(window) / len(window)


def _flag_means(flags: list[float], width: int) -> list[float]:
    """``_mean(flags, i, width)`` for every line via prefix sums; exact, since the flags
    are 0.0 / 1.0 and their window sums are small whole numbers."""
    prefix = [0.0]
    for value in flags:
        prefix.append(prefix[-1] + value)
    n = len(flags)
    out = []
    for i in range(n):
        lo, hi = max(0, i - width), min(n, i + width + 1)
        out.append((prefix[hi] - prefix[lo]) / (hi - lo))
    return out


def _relative_density(prose_chars: list[int], width: int) -> list[float]:
    """Prose characters within ``width`` lines, as a share of the page's densest window:
    the article is where the prose is densest, whatever else the page holds."""
    prefix = [0]
    for value in prose_chars:
        prefix.append(prefix[-1] + value)
    n = len(prose_chars)
    local = [prefix[min(n, i + width + 1)] - prefix[max(0, i - width)] for i in range(n)]
    top = max(local, default=0) or 1
    return [v / top for v in local]


def _nearest_distances(marks: list[int], n: int) -> list[float]:
    """Distance in lines from each line to the nearest marked one (n when none)."""
    if not marks:
        return [float(n)] * n
    out = []
    k = 0
    for i in range(n):
        while k + 1 < len(marks) and abs(marks[k + 1] - i) <= abs(marks[k] - i):
            k += 1
        out.append(float(abs(marks[k] - i)))
    return out


@lru_cache(maxsize=1)
def load() -> LineModel | None:
    """The shipped model, or None when the package holds none (rules only then)."""
    if not MODEL_PATH.exists():
        return None
    return LineModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
