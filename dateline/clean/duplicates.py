"""Find syndicated copies and re-posts so each story is counted once downstream.

Candidates come from MinHash LSH over 5-word shingles of the cleaned text (cheap on large
piles); every candidate pair is then confirmed with the exact shingle Jaccard, so two
different articles about the same story (shared names and quotes, different wording) are
not merged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from functools import lru_cache
from hashlib import sha1
from itertools import islice

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from dateline.model import Article
from dateline.unionfind import UnionFind

SHINGLE_WORDS = 5
NUM_PERM = 128
CANDIDATE_THRESHOLD = 0.45  # LSH recall floor: truncated copies share ~half the shingles
CONTAINMENT = 0.9  # a shorter text this much inside a longer one is a truncated copy
MIN_SIZE_RATIO = 0.5  # ...as long as it keeps at least half of the longer text
_WORD_RE = re.compile(r"\w+")
_SCHEME = MinHash(num_perm=1).scheme  # the scheme datasketch sketches with by default


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word n-grams; short texts yield one shingle of all their words."""
    return {shingle for run in _shingle_runs(text, size) for shingle in run}


def _shingle_runs(text: str, size: int = SHINGLE_WORDS, run: int = 20000
                  ) -> Iterator[list[str]]:
    """The shingles of ``text`` (as ``shingles`` gives them, repeats included) in runs
    of about ``run``, reading its words as they come: a very long text never holds all its
    words or shingle strings at once (19 MB of text are about 3 million words)."""
    words = (match.group(0) for match in _WORD_RE.finditer(text.lower()))
    window = list(islice(words, run + size))  # one word more: is the text longer?
    if not window:
        return
    if len(window) <= size:
        yield [" ".join(window)]
        return
    while True:
        count = len(window) - size + 1
        yield [" ".join(window[i : i + size]) for i in range(count)]
        more = list(islice(words, run))
        if not more:
            return
        window = window[count:] + more


Fingerprint = tuple[np.ndarray, np.ndarray | None]
"""A text's shingle set as sorted unique 64-bit hashes, and its MinHash values (None for
a text without words): what duplicate marking reads of an article."""


def fingerprint(text: str) -> Fingerprint:
    """``text``'s ``Fingerprint``: 8 bytes a shingle instead of a string each (a pile's
    sets are held until the last article is compared), hashed with SHA-1 so a worker
    process computes the same values as any other (Python's ``hash`` of a string differs
    between processes). One digest a distinct shingle gives both: its first 4 bytes are
    the 32-bit hash MinHash applies its permutations to (datasketch's ``sha1_hash32``),
    its first 8 the shingle's set member."""
    members: list[np.ndarray] = []
    sketch = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_identity)
    for items in _shingle_runs(text):
        # Repeats change neither the sketch nor the set: each distinct shingle of a run is
        # hashed once. The sketch takes each run on its own (a minimum of minima is the
        # minimum; one batch of every shingle would hold 128 permuted values of each).
        table = np.frombuffer(b"".join(sha1(s.encode("utf-8")).digest()
                                       for s in dict.fromkeys(items)),
                              dtype=np.uint8).reshape(-1, 20)
        members.append(np.unique(np.ascontiguousarray(table[:, :8]).view("<i8").ravel()))
        sketch.update_batch(np.ascontiguousarray(table[:, :4]).view("<u4").ravel().tolist())
    if not members:
        return np.zeros(0, dtype=np.int64), None
    return np.unique(np.concatenate(members)).astype(np.int64, copy=False), sketch.hashvalues


def _identity(value: int) -> int:
    return value


def _sketch(values: np.ndarray) -> LeanMinHash:
    """The LSH's view of a fingerprint's MinHash values (no permutations carried)."""
    return LeanMinHash(seed=1, hashvalues=values, scheme=_SCHEME)


def _fingerprint(text: str) -> tuple[np.ndarray, MinHash | None]:
    """``fingerprint`` with its sketch as a MinHash (None for a text without words)."""
    members, values = fingerprint(text)
    if values is None:
        return members, None
    return members, MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=_SCHEME)


def _fingerprint_copy(a: np.ndarray, b: np.ndarray, threshold: float) -> bool:
    """``is_copy`` on two fingerprints (sorted unique hashes)."""
    if not len(a) or not len(b):
        return False
    return _copy_by_counts(len(a), len(b), len(np.intersect1d(a, b, assume_unique=True)),
                           threshold)


def _copy_by_counts(size_a: int, size_b: int, common: int, threshold: float) -> bool:
    """The copy rule on two non-empty shingle sets' sizes and shared count: near-identical
    (Jaccard at least ``threshold``), or the smaller one a truncated re-post contained in
    the larger."""
    if common / (size_a + size_b - common) >= threshold:
        return True
    small, large = sorted((size_a, size_b))
    return small >= MIN_SIZE_RATIO * large and common / small >= CONTAINMENT


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def is_copy(a: set[str], b: set[str], threshold: float) -> bool:
    """Near-identical texts, or one a truncated re-post of the other (exact set checks)."""
    if not a or not b:
        return False
    return _copy_by_counts(len(a), len(b), len(a & b), threshold)


@lru_cache(maxsize=1)
def _lsh_shape() -> tuple[int, int]:
    """(bands, rows) of the LSH ``mark_duplicates`` builds: ``band_keys`` must pair
    exactly what it pairs."""
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(text: str) -> list[str]:
    """Locality-sensitive keys of a text's MinHash: two texts share a key exactly when
    ``mark_duplicates``' LSH takes them for copy candidates (the same bands of the same
    sketch), to be verified exactly. A store indexes them to find the stored copies of a
    new article without reading every text, and pairs what a build pairs."""
    values = fingerprint(text)[1]
    if values is None:
        return []
    bands, rows = _lsh_shape()
    chunks = (values[band * rows:(band + 1) * rows].tobytes() for band in range(bands))
    return [f"{band}:{hashlib.sha1(chunk).hexdigest()[:24]}"
            for band, chunk in enumerate(chunks)]


def original_key(article: Article, size: int) -> tuple:
    """Which copy of a group is the original: the earliest published, then the more
    complete (``size``: its shingle count); a store adding copies in any order keeps
    the same original by it."""
    return (article.published or dt.date.max, -size)


def _original_key(article: Article, order: int, size: int) -> tuple:
    """``original_key``, then the first read."""
    return (*original_key(article, size), order)


def mark_duplicates(articles: list[Article], threshold: float,
                    fingerprints: list[Fingerprint] | None = None) -> None:
    """Point each copy's ``duplicate_of`` at the group's original (exact and near copies).

    Pairs count as copies when the exact Jaccard of their shingle sets reaches
    ``threshold``, or when one text is almost wholly contained in a longer one (truncated
    re-posts). Groups are closed transitively; all members point straight at the one
    original, so there are no chains. ``fingerprints``: each article's ``fingerprint``
    of its text when the caller computed them (a map on the workers); only the LSH and
    the exact checks, which compare articles, run here then.
    """
    sets_of = UnionFind(len(articles))
    union = sets_of.union
    exact: dict[str, int] = {}
    sets: list[np.ndarray] = []
    # A low LSH threshold only widens the candidate list; every pair is verified exactly.
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    for i, article in enumerate(articles):
        items, values = fingerprints[i] if fingerprints is not None else \
            fingerprint(article.text)
        sets.append(items)
        if values is None:
            continue
        digest = hashlib.sha1(items.tobytes()).hexdigest()
        if digest in exact:
            union(exact[digest], i)
            continue
        exact[digest] = i
        sketch = _sketch(values)
        for key in lsh.query(sketch):
            j = int(key)
            if _fingerprint_copy(items, sets[j], threshold):
                union(i, j)
        lsh.insert(str(i), sketch)

    groups = sets_of.groups([i for i in range(len(articles)) if len(sets[i])])
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda k: _original_key(articles[k], k, len(sets[k])))
        for k in members:
            articles[k].duplicate_of = None if k == original else articles[original].id
