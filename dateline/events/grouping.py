"""Cross-document grouping: mentions of the same real-world event become one cluster.

Dates are a hard constraint and content a soft one. Two mentions can only share an
event when their dates are compatible (the same day, or a day apart when outlets
disagree and the wording is close); among those, average-link clustering over TF-IDF
similarity of the sentences (content words plus named entities) decides. Recurring
events of the same kind on different days therefore never collapse. Mentions known
only to the month or year join a finer event of that period when their wording
matches it closely, and otherwise stand as events of their own precision.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

import numpy as np
from scipy import sparse

from dateline.config import SIMILARITIES
from dateline.events.mentions import name_keys, what_happened
from dateline.events.similarity import (  # re-exported for callers of the grouping's API
    FEATURES_VERSION,
    STORY_BONUS,
    GroupingParams,
    MentionSimilarity,
    TermWeights,
    content_words,
    mention_terms,
    name_phrases,
    tfidf_vectors,
)
from dateline.lexicon import MONTH_NAMES, WEEKDAY_NAMES, alternation
from dateline.model import FuzzyDate, Mention, Precision, Timex

__all__ = [
    "FEATURES_VERSION", "SIMILARITIES", "STORY_BONUS",
    "GroupingParams", "MentionSimilarity", "content_words", "mention_terms", "name_phrases",
    "group_mentions", "place_undated", "resolve_date",
]

FORBIDDEN = -1.0e9
DAY_SHARE = 0.125  # a day block's clustering as a share of an article's work, for chunking
# Mentions clustered in one dense block: its matrices are n x n (1,000: 8 MB each);
# larger blocks are split by wording first (``_cluster_large``).
MAX_BLOCK = 1000
_ROW_CHUNK = 256  # rows of a cross-similarity computed at once
_CELL_BUDGET = _ROW_CHUNK * 8192  # at most this many cells (16 MB) of one at once


def _rows_per_chunk(columns: int) -> int:
    """Rows of a cross-similarity against ``columns`` columns computed at once: fewer
    than ``_ROW_CHUNK`` against a flood of columns, so memory stays bounded."""
    return max(1, min(_ROW_CHUNK, _CELL_BUDGET // max(1, columns)))


def _average_link(scores: np.ndarray, threshold: float,
                  sizes: np.ndarray | None = None,
                  linked: np.ndarray | None = None) -> list[list[int]]:
    """Agglomerative clustering with average linkage over a pairwise score matrix.

    ``FORBIDDEN`` scores mark pairs that must never share a cluster. With ``linked``
    (pairs that share some content), two clusters merge only when some pair across them
    is linked: a high average made of bonuses alone joins nothing. Each row keeps its
    best partner, so a merge updates two rows and the rows that pointed at them instead
    of rescanning the whole matrix. With ``sizes``, the items are clusters already and
    ``scores`` their average pairwise similarities.
    """
    size = scores.shape[0]
    forbidden = scores <= FORBIDDEN / 2
    sums = np.where(forbidden, 0.0, scores.astype(float))
    np.fill_diagonal(forbidden, True)
    unlinked = (~linked if linked is not None else np.zeros_like(forbidden)).copy()
    average = np.where(forbidden | unlinked, -np.inf, sums)
    counts = np.ones(size)
    if sizes is not None:
        counts = np.asarray(sizes, dtype=float).copy()
        sums *= np.outer(counts, counts)
    best = average.argmax(axis=1) if size else np.zeros(0, dtype=int)
    best_score = average[np.arange(size), best] if size else np.zeros(0)
    members: list[list[int] | None] = [[i] for i in range(size)]
    while size:
        i = int(np.argmax(best_score))
        if best_score[i] < threshold:
            break
        j = int(best[i])
        sums[i, :] += sums[j, :]
        sums[:, i] = sums[i, :]
        forbidden[i, :] |= forbidden[j, :]
        forbidden[:, i] = forbidden[i, :]
        unlinked[i, :] &= unlinked[j, :]
        unlinked[:, i] = unlinked[i, :]
        counts[i] += counts[j]
        members[i].extend(members[j])  # type: ignore[union-attr]
        members[j] = None
        row = np.where(forbidden[i] | unlinked[i], -np.inf, sums[i] / (counts[i] * counts))
        row[[m is None for m in members]] = -np.inf
        average[i, :] = row
        average[:, i] = row
        average[j, :] = -np.inf
        average[:, j] = -np.inf
        best_score[j] = -np.inf
        # Rows whose partner was merged look again, all at once (one numpy call, not one
        # per row: in a flood of alike reports every row points at the same partner).
        stale = np.append(np.flatnonzero((best == i) | (best == j)), i)
        best[stale] = average[stale].argmax(axis=1)
        best_score[stale] = average[stale, best[stale]]
        better = row > best_score
        best[better] = i
        best_score[better] = row[better]
    return [m for m in members if m is not None]


def _day_number(date: FuzzyDate) -> int:
    return date.first_day.toordinal()


def _pair_scores(indices: list[int], mentions: list[Mention], similarity: MentionSimilarity,
                 params: GroupingParams) -> np.ndarray:
    sub = similarity.block(indices)
    days = np.array([_day_number(mentions[i].date) for i in indices])
    gap = np.abs(days[:, None] - days[None, :])
    articles = np.array([mentions[i].article_id for i in indices], dtype=object)
    same_article = articles[:, None] == articles[None, :]
    sub -= params.day_penalty * gap
    sub += params.same_article_bonus * (same_article & (gap == 0))
    # One article giving two different dates is telling two different events.
    sub[(gap > params.tolerance_days) | (same_article & (gap > 0))] = FORBIDDEN
    return sub


def cluster_day_blocks(blocks: list[tuple[list[Mention], MentionSimilarity]],
                       params: GroupingParams) -> list[list[list[int]]]:
    """The clusters of each day block (its mentions and their similarity, numbered from
    0), as positions in the block: the map task of grouping on a cluster."""
    return [_cluster_block(list(range(len(block))), block, similarity, params)
            for block, similarity in blocks]


def _cluster_days(indices: list[int], mentions: list[Mention], similarity: MentionSimilarity,
                  params: GroupingParams, mapper: Any = None) -> list[list[int]]:
    """Day-dated mentions: clustered day by day, then the clusters of nearby days joined
    where outlets disagree by a day about one event.

    Blocks stay a day wide, so time and memory follow the busiest day, never a run of
    busy days: a month of daily news is thirty small problems, not one large one. The
    days are independent, so on a cluster (``mapper``, a ``dateline.engine.Engine``)
    they are clustered on the workers, each sent with its mentions and their rows of
    the fitted vectors (the same scores); the joins of nearby days follow here.
    """
    by_day: dict[int, list[int]] = defaultdict(list)
    for i in indices:
        by_day[_day_number(mentions[i].date)].append(i)
    days = sorted(by_day)
    if (getattr(mapper, "distributed", False) and type(similarity) is MentionSimilarity
            and similarity.sentences is not None):
        blocks = [([mentions[i] for i in by_day[day]], similarity.subset(by_day[day]))
                  for day in days]
        found = mapper.map_chunks(cluster_day_blocks, blocks, per_item=DAY_SHARE,
                                  params=params)
        clusters = {day: [[by_day[day][k] for k in cluster] for cluster in block]
                    for day, block in zip(days, found, strict=True)}
    else:
        clusters = {day: _cluster_block(by_day[day], mentions, similarity, params)
                    for day in days}
    for day in sorted(clusters):
        for gap in range(1, params.tolerance_days + 1):
            if day + gap in clusters:
                clusters[day], clusters[day + gap] = _join_nearby(
                    clusters[day], clusters[day + gap], mentions, similarity, params)
    return [cluster for day in sorted(clusters) for cluster in clusters[day]]


def _join_nearby(earlier: list[list[int]], later: list[list[int]], mentions: list[Mention],
                 similarity: MentionSimilarity, params: GroupingParams
                 ) -> tuple[list[list[int]], list[list[int]]]:
    """Join clusters of two nearby days that tell one event (best pairs first). A joined
    cluster moves to the later day; no cluster may span more than the tolerance."""
    if not earlier or not later:
        return earlier, later
    # Each cluster's interchangeable copies are scored once, weighted by their number.
    row_groups = [collapse_copies(cluster, mentions) for cluster in earlier]
    column_groups = [collapse_copies(cluster, mentions) for cluster in later]
    rows = [g[0] for groups in row_groups for g in groups]
    columns = [g[0] for groups in column_groups for g in groups]
    row_weight = np.array([len(g) for groups in row_groups for g in groups], dtype=float)
    column_weight = np.array([len(g) for groups in column_groups for g in groups],
                             dtype=float)
    days = np.array([_day_number(mentions[i].date) for i in rows + columns])
    row_of = np.repeat(np.arange(len(earlier)), [len(g) for g in row_groups])
    column_of = np.repeat(np.arange(len(later)), [len(g) for g in column_groups])
    totals = np.zeros((len(earlier), len(later)))
    step = _rows_per_chunk(len(columns))
    for start in range(0, len(rows), step):  # rows x columns never held at once
        stop = start + step
        gaps = np.abs(days[start:min(stop, len(rows)), None] - days[None, len(rows):])
        scores = similarity.cross(rows[start:stop], columns) - params.day_penalty * gaps
        scores *= np.outer(row_weight[start:stop], column_weight)
        np.add.at(totals, (row_of[start:stop, None], column_of[None, :]), scores)
    sizes = np.outer([len(c) for c in earlier], [len(c) for c in later])
    average = totals / sizes
    spans = [(min(_day_number(mentions[i].date) for i in c),
              max(_day_number(mentions[i].date) for i in c)) for c in earlier + later]
    articles = [{mentions[i].article_id for i in c} for c in earlier + later]
    taken_early: set[int] = set()
    taken_late: set[int] = set()
    for flat in np.argsort(-average, axis=None):
        a, b = divmod(int(flat), len(later))
        if average[a, b] < params.threshold:
            break
        if a in taken_early or b in taken_late:
            continue
        (low_a, high_a), (low_b, high_b) = spans[a], spans[len(earlier) + b]
        # One article giving two different dates is telling two different events.
        if (max(high_a, high_b) - min(low_a, low_b) > params.tolerance_days
                or articles[a] & articles[len(earlier) + b]):
            continue
        taken_early.add(a)
        taken_late.add(b)
        later[b] = earlier[a] + later[b]
    return [c for k, c in enumerate(earlier) if k not in taken_early], later


def _links(rows: list[int], columns: list[int], similarity: MentionSimilarity
           ) -> np.ndarray | None:
    """Pairs that share content (``MentionSimilarity.overlap``); None when the similarity
    cannot tell (embeddings: every pair is linked)."""
    overlap = getattr(similarity, "overlap", None)
    return overlap(rows, columns) if overlap is not None else None


def _cluster_block(indices: list[int], mentions: list[Mention],
                   similarity: MentionSimilarity, params: GroupingParams) -> list[list[int]]:
    if len(indices) > MAX_BLOCK:
        return _cluster_large(indices, mentions, similarity, params)
    scores = _pair_scores(indices, mentions, similarity, params)
    linked = _links(indices, indices, similarity)
    return [[indices[k] for k in cluster]
            for cluster in _average_link(scores, params.threshold, linked=linked)]


def _copy_key(mention: Mention) -> tuple:
    """What a mention's similarity to any other depends on: the article, the date, the
    sentence with its date's place in it, and the story context. Two mentions with one
    key are interchangeable in every score."""
    return (mention.article_id, mention.date, mention.sentence, mention.timex.start,
            mention.timex.end, mention.continues, mention.context)


def collapse_copies(indices: list[int], mentions: list[Mention]) -> list[list[int]]:
    """``indices`` grouped into runs of interchangeable mentions (``_copy_key``), in
    order of first appearance: one file repeating one report thousands of times is a
    handful of groups, not a flood."""
    groups: dict[tuple, list[int]] = {}
    for i in indices:
        groups.setdefault(_copy_key(mentions[i]), []).append(i)
    return list(groups.values())


def _cluster_copies(groups: list[list[int]], mentions: list[Mention],
                    similarity: MentionSimilarity, params: GroupingParams
                    ) -> list[list[int]]:
    """Average linkage over groups of interchangeable mentions, each weighted by its
    size: the same clusters as over every copy (copies score the highest similarity
    there is with each other, so average linkage joins them before anything else, and
    every pair across two groups scores alike), at the cost of the distinct mentions."""
    representatives = [group[0] for group in groups]
    scores = _pair_scores(representatives, mentions, similarity, params)
    sizes = np.array([len(group) for group in groups], dtype=float)
    linked = _links(representatives, representatives, similarity)
    return [[i for k in cluster for i in groups[k]]
            for cluster in _average_link(scores, params.threshold, sizes, linked)]


def _cluster_large(indices: list[int], mentions: list[Mention],
                   similarity: MentionSimilarity, params: GroupingParams) -> list[list[int]]:
    """A block too big for n x n matrices (a flood of reports on one day).

    Interchangeable copies are collapsed first (``collapse_copies``): when the distinct
    mentions fit in one block, that is exactly the average linkage of the whole flood.
    Otherwise the groups are clustered in slices of similar wording, then the slices'
    clusters merged by average linkage of their mean sentence vectors, which for a cosine
    is exactly the clusters' average pairwise similarity (the story and same-article
    bonuses are left out of this step). Memory stays within ``MAX_BLOCK`` squared
    whatever the flood."""
    groups = collapse_copies(indices, mentions)
    if len(groups) <= MAX_BLOCK:
        return _cluster_copies(groups, mentions, similarity, params)
    vectors = getattr(similarity, "sentences", None)
    if vectors is not None:
        top = np.asarray(vectors[[g[0] for g in groups]].argmax(axis=1)).ravel()
        groups = [groups[k] for k in np.lexsort((np.arange(len(groups)), top))]
    clusters: list[list[int]] = []
    for start in range(0, len(groups), MAX_BLOCK):
        clusters += _cluster_copies(groups[start:start + MAX_BLOCK], mentions, similarity,
                                    params)
    if vectors is None:
        return clusters
    while len(clusters) > 1:
        merged = _merge_clusters(clusters, vectors, params.threshold)
        if len(merged) == len(clusters):
            break
        clusters = merged
    return clusters


def _merge_clusters(clusters: list[list[int]], vectors, threshold: float) -> list[list[int]]:
    """One pass of cluster-level average linkage, ``MAX_BLOCK`` clusters at a time (those
    of similar wording together)."""
    sizes = np.array([len(c) for c in clusters], dtype=float)
    owner = np.repeat(np.arange(len(clusters)), sizes.astype(int))
    members = np.concatenate([np.asarray(c) for c in clusters])
    weights = sparse.csr_matrix((1.0 / sizes[owner], (owner, np.arange(len(members)))),
                                shape=(len(clusters), len(members)))
    centroids = weights @ vectors[members]
    top = np.asarray(centroids.argmax(axis=1)).ravel()
    order = np.lexsort((np.arange(len(clusters)), top))
    merged: list[list[int]] = []
    for start in range(0, len(order), MAX_BLOCK):
        part = order[start:start + MAX_BLOCK]
        scores = (centroids[part] @ centroids[part].T).toarray()
        for group in _average_link(scores, threshold, sizes[part]):
            merged.append([i for k in group for i in clusters[part[k]]])
    return merged


def group_mentions(mentions: list[Mention], params: GroupingParams | None = None,
                   encoder=None, weights: TermWeights | None = None,
                   terms: list[str] | None = None, mapper: Any = None) -> list[list[Mention]]:
    """Cluster mentions into events; every mention lands in exactly one cluster.

    Mentions that state a date are clustered; a mention that only continues a dated
    sentence follows that sentence into its cluster. ``params.similarity`` picks the
    content similarity; ``encoder`` (embeddings only) replaces the packaged model, with
    anything that has a sentence-transformers style ``encode(sentences)``; ``weights``
    (lexical only): the whole collection's term statistics when ``mentions`` are a
    part of it (a store re-grouping some events), so words weigh as in a build.
    ``terms``: each mention's ``joined_terms`` when the caller computed them (on the
    workers). ``mapper``: where day blocks are clustered (see ``_cluster_days``).
    """
    params = params or GroupingParams()
    stated = [m for m in mentions if not m.inherited]
    if params.similarity == "lexical":
        similarity = MentionSimilarity(stated, weights=weights, terms=None if terms is None else [
            t for m, t in zip(mentions, terms, strict=True) if not m.inherited])
    elif params.similarity == "embeddings":
        from dateline.events.embeddings import EmbeddingSimilarity, embedding_params

        params = embedding_params(params)
        similarity = EmbeddingSimilarity(stated, encoder=encoder)
    else:
        raise ValueError(f"unknown similarity {params.similarity!r}: "
                         f"expected one of {', '.join(SIMILARITIES)}")
    told: dict[tuple, list[str]] = defaultdict(list)
    for mention in mentions:
        if mention.inherited:
            told[_told_key(mention, mention.continues)].append(mention.sentence)
    clusters = _group_stated(stated, params, similarity, told, mapper)
    home = {(m.article_id, m.sentence_index, m.date): k
            for k, cluster in enumerate(clusters) for m in cluster}
    for mention in mentions:
        if mention.inherited:
            key = (mention.article_id, mention.continues, mention.date)
            if key in home:
                clusters[home[key]].append(mention)
    return clusters


def _group_stated(mentions: list[Mention], params: GroupingParams,
                  similarity: MentionSimilarity, told: dict[tuple, list[str]] | None = None,
                  mapper: Any = None) -> list[list[Mention]]:
    by_precision: dict[Precision, list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        by_precision[mention.date.precision].append(i)

    retold = _Retold(told) if told is not None else None
    clusters: list[list[int]] = []
    # Finer clusters by the periods that contain them: "2024" and "2024-03" for a day.
    within: dict[str, list[list[int]]] = defaultdict(list)
    for cluster in _cluster_days(by_precision[Precision.DAY], mentions, similarity, params,
                                 mapper):
        clusters.append(cluster)
        date = mentions[cluster[0]].date
        within[f"{date.year:04d}-{date.month:02d}"].append(cluster)
        within[f"{date.year:04d}"].append(cluster)
    for precision in (Precision.MONTH, Precision.YEAR):
        periods: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i in by_precision[precision]:
            periods[_period_key(mentions[i].date)].append(i)
        for (period, _), members in periods.items():
            scores = _PeriodScores.of(members, within[period], mentions, similarity)
            for cluster in _cluster_block(members, mentions, similarity, params):
                target = _finer_match(cluster, within[period], mentions, similarity, params,
                                      scores, retold)
                if target is None:
                    clusters.append(cluster)
                    if precision is Precision.MONTH:
                        within[period[:4]].append(cluster)
                else:
                    target.extend(cluster)
                    if scores is not None:
                        scores.joined(target, cluster, mentions)
    return [[mentions[i] for i in sorted(c)] for c in clusters]


def _period_key(date: FuzzyDate) -> tuple[str, str]:
    """The block a coarse mention is clustered in: its month or year, and its week when
    it names one ("last week"): two different weeks of a month are two periods."""
    week = date.label if date.label and date.label.startswith("week of") else ""
    return date.iso(), week


_PERIOD_CELLS = 2 * _CELL_BUDGET  # at most this many (32 MB) pair scores kept per period
_MARGIN = 1e-9  # far above the rounding of a mean of scores, far below any score's step


class _PeriodScores:
    """Every pair score a period's coarse clusters can ask ``_finer_match`` for, computed
    in one sparse product per row chunk instead of one per cluster (rows: the period's
    coarse mentions; columns: the finer clusters of the period and those mentions, which
    join finer clusters as they are placed). A score is the same float either way (each
    cell is one row's dot product with one column, whatever the other columns), so the
    result is too. Also keeps which candidates hold each article (see ``eligible``)."""

    def __init__(self, rows: list[int], columns: list[int], similarity: MentionSimilarity):
        self.row_at = {i: k for k, i in enumerate(rows)}
        self.column_at = {i: k for k, i in enumerate(columns)}
        self.matrix = np.empty((len(rows), len(columns)))
        step = _rows_per_chunk(len(columns))
        for start in range(0, len(rows), step):
            self.matrix[start:start + step] = similarity.cross(rows[start:start + step],
                                                               columns)
        self._holding: dict[str, set[int]] | None = None  # article -> candidate positions
        self._position: dict[int, int] = {}  # id of a candidate -> its position

    @classmethod
    def of(cls, members: list[int], candidates: list[list[int]], mentions: list[Mention],
           similarity: MentionSimilarity) -> _PeriodScores | None:
        """The scores of a period, or None when they would not fit ``_PERIOD_CELLS`` or
        the similarity is not the lexical one (whose cells do not depend on the block)."""
        if type(similarity) is not MentionSimilarity or similarity.sentences is None \
                or not candidates:
            return None
        columns = list(dict.fromkeys([i for c in candidates for i in c] + members))
        if len(members) * len(columns) > _PERIOD_CELLS:
            return None
        return cls(members, columns, similarity)

    def cross(self, rows: list[int], columns: list[int]) -> np.ndarray | None:
        """``similarity.cross(rows, columns)`` from the kept scores (None: not all kept)."""
        try:
            row_at = [self.row_at[i] for i in rows]
            column_at = [self.column_at[i] for i in columns]
        except KeyError:
            return None
        return self.matrix[np.ix_(row_at, column_at)]

    def eligible(self, candidates: list[list[int]], articles: set[str],
                 mentions: list[Mention]) -> list[list[int]]:
        """The ``candidates`` (the period's finer clusters, the same list at every call)
        holding none of ``articles``, in order: from an index of the candidates holding
        each article instead of one set intersection per candidate (10,000 articles:
        5.4 million, about a quarter of ``_finer_match``'s profiled time)."""
        if self._holding is None:
            self._holding = defaultdict(set)
            for position, candidate in enumerate(candidates):
                self._position[id(candidate)] = position
                for i in candidate:
                    self._holding[mentions[i].article_id].add(position)
        blocked = set().union(*(self._holding.get(article, ()) for article in articles))
        return [c for position, c in enumerate(candidates) if position not in blocked]

    def joined(self, candidate: list[int], cluster: list[int],
               mentions: list[Mention]) -> None:
        """``cluster`` joined ``candidate``: its articles are the candidate's now."""
        if self._holding is not None:
            position = self._position[id(candidate)]
            for i in cluster:
                self._holding[mentions[i].article_id].add(position)


def _finer_match(cluster: list[int], candidates: list[list[int]], mentions: list[Mention],
                 similarity: MentionSimilarity, params: GroupingParams,
                 scores: _PeriodScores | None = None,
                 retold: _Retold | None = None) -> list[int] | None:
    """The finer-dated cluster inside this cluster's period that it clearly retells
    (``scores``: the period's pair scores, when kept; ``retold``: see ``_retold_event``)."""
    articles = {mentions[i].article_id for i in cluster}
    # An article that dates the event precisely elsewhere would not also say "in March".
    if scores is not None:
        eligible = scores.eligible(candidates, articles, mentions)
    else:
        eligible = [c for c in candidates
                    if not articles & {mentions[i].article_id for i in c}]
    if not eligible:
        return None
    columns = [i for candidate in eligible for i in candidate]
    step = _rows_per_chunk(len(columns))
    parts = [scores.cross(cluster[start:start + step], columns) if scores is not None
             else None for start in range(0, len(cluster), step)]
    if any(part is None for part in parts):
        parts = [similarity.cross(cluster[start:start + step], columns)
                 for start in range(0, len(cluster), step)]
    block = sum(part.sum(axis=0) for part in parts) / len(cluster)
    lengths = [len(candidate) for candidate in eligible]
    offsets = np.cumsum([0, *lengths[:-1]])
    # A mean is at most its largest score: only candidates whose best pair could beat the
    # best mean so far are averaged (an exact maximum, unlike a segment sum).
    peaks = np.maximum.reduceat(block, offsets)
    best, best_score = None, params.attach_threshold
    for k in np.flatnonzero(peaks > best_score - _MARGIN):
        if peaks[k] <= best_score - _MARGIN:
            continue
        offset = offsets[k]
        score = float(block[offset:offset + lengths[k]].mean())
        if score > best_score:
            best, best_score = eligible[k], score
    if best is None and retold is not None and _retells_past(cluster, mentions):
        means = [float(block[offset:offset + length].mean())
                 for offset, length in zip(offsets, lengths, strict=True)]
        best = _retold_event(cluster, eligible, means, mentions, retold)
    return best


RETOLD_NAMES = 2  # name keys a month report shares with the day event it retells


_MONTH_NAME = re.compile(rf"\b(?:{alternation(MONTH_NAMES)})\b", re.IGNORECASE)


def _retells_past(cluster: list[int], mentions: list[Mention]) -> bool:
    """A month cluster that reports what happened in a month it names ("first flew in
    April 2005"): not a plan ("delayed until October", "due in March" say when something
    should happen, which the entity's timeline keeps as its own entry), nor a month told
    relative to the article ("later this month"), which is mostly what lies ahead."""
    return (mentions[cluster[0]].date.precision is Precision.MONTH
            and not any(mentions[i].future for i in cluster)
            and all(_MONTH_NAME.search(mentions[i].timex.text) for i in cluster))


def _described(sentences: list[str]) -> tuple[set[str], set[str]]:
    """The name keys and the words of what happened of some sentences, each sentence's
    names taken from itself ("Deliveries" opening one sentence is not a name of all)."""
    names: set[str] = set()
    words: set[str] = set()
    for sentence in sentences:
        keys, happened = _sentence_described(sentence)
        names |= keys
        words |= happened
    return names, words


@lru_cache(maxsize=1 << 14)  # a day event is a candidate of every month report of its month
def _sentence_described(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    keys = name_keys(sentence)
    return frozenset(keys), frozenset(what_happened(sentence, keys))


class _Retold:
    """What each candidate day event describes (``_described`` of its sentences and of
    those continuing its reports, ``told``), kept while the candidate is unchanged: a day
    event is a candidate of every month report of its month that retells the past, and
    was described again for each (10,000 articles: 248,788 ``_described`` calls, about a
    fifth of the calling process's grouping). Candidates only grow (a coarse cluster
    joining one), so an unchanged length is an unchanged candidate; made for one
    grouping, while every candidate it keys by ``id`` is alive."""

    def __init__(self, told: dict[tuple, list[str]]):
        self.told = told
        self._kept: dict[int, tuple[int, tuple[set[str], set[str]]]] = {}

    def described(self, candidate: list[int], mentions: list[Mention]
                  ) -> tuple[set[str], set[str]]:
        kept = self._kept.get(id(candidate))
        if kept is None or kept[0] != len(candidate):
            sentences = [mentions[i].sentence for i in candidate]
            for i in candidate:
                sentences.extend(self.told.get(
                    _told_key(mentions[i], mentions[i].sentence_index), ()))
            kept = (len(candidate), _described(sentences))
            self._kept[id(candidate)] = kept
        return kept[1]


def _retold_event(cluster: list[int], candidates: list[list[int]], scores: list[float],
                  mentions: list[Mention], retold: _Retold) -> list[int] | None:
    """The one day event of the month that a month report retells, where wording
    alone is too far apart.

    "whose A380 first flew in April 2005", an aside in a story about another aircraft,
    shares few words with the maiden flight's reports ("The aircraft flew into clear
    blue skies"), but it shares the participants and the word for what happened. The
    month cluster joins a candidate with which it shares ``RETOLD_NAMES`` name keys and
    a word of what happened (names and reporting words aside; the candidate's words
    include the sentences that continue its reports, ``told``); when several do, the
    closest by the grouping's similarity (``scores``) only if it leads the next by
    ``JOIN_MARGIN``.
    """
    my_names, my_words = _described([mentions[i].sentence for i in cluster])
    hits = []
    for candidate, score in zip(candidates, scores, strict=True):
        names, words = retold.described(candidate, mentions)
        if len(my_names & names) >= RETOLD_NAMES and my_words & words:
            hits.append((score, candidate))
    hits.sort(key=lambda hit: -hit[0])
    if not hits or (len(hits) > 1 and hits[1][0] > hits[0][0] - JOIN_MARGIN):
        return None
    return hits[0][1]


def _told_key(mention: Mention, sentence_index: int) -> tuple:
    """A dated sentence's key: its own (``sentence_index``), or the one an inherited
    mention continues."""
    return mention.article_id, sentence_index, mention.date


def resolve_date(mentions: list[Mention]) -> tuple[FuzzyDate, list[dict]]:
    """The best-supported date of an event, and the disagreements between its sources.

    The finest precision any source gives wins; among those dates, the one reported by
    the most distinct articles (ties: the earliest). Every other date some source gives
    at that precision is returned as a conflict, with the articles that say it.
    """
    finest = min(m.date.precision.rank for m in mentions)
    support: dict[FuzzyDate, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.date.precision.rank == finest:
            support[mention.date].add(mention.article_id)
    ranked = sorted(support, key=lambda d: (-len(support[d]), d))
    chosen = ranked[0]
    labels = Counter(m.date.label for m in mentions if m.date == chosen and m.date.label)
    if labels and chosen.label is None:
        chosen = FuzzyDate(chosen.year, chosen.month, chosen.day, chosen.precision,
                           labels.most_common(1)[0][0])
    conflicts = [{"date": d.iso(), "articles": sorted(support[d])} for d in ranked[1:]]
    if conflicts:
        conflicts.insert(0, {"date": chosen.iso(), "articles": sorted(support[ranked[0]])})
    return chosen, conflicts


_WEEKDAY_EXPRESSION = re.compile(
    rf"(?:(?:last|on|this|past)\s+)?({'|'.join(WEEKDAY_NAMES)})(?:\s+(?:morning|afternoon|"
    r"evening|night))?", re.IGNORECASE)
JOIN_SIMILARITY = 0.35  # sentence cosine an undated report needs with the event it joins
JOIN_MARGIN = 0.1  # ... and its lead over the next candidate event
WEEKDAY_CONFIDENCE = 0.4  # below the level at which a publication date anchors anything


def place_undated(clusters: list[list[Mention]], undated: list, articles: list
                  ) -> tuple[list[Mention], list]:
    """Undated reports that the collection dates: joined to the event they retell.

    A sentence whose weekday ("said on Tuesday") cannot be resolved because its article
    has no trusted publication date joins the one day-dated event, reported by other
    articles, that falls on that weekday and that it clearly retells (TF-IDF cosine of
    content words and names at least ``JOIN_SIMILARITY``, ahead of any other candidate
    by ``JOIN_MARGIN``). It becomes a supporting source of that event (``basis =
    "collection"``): it never dates an event alone. Its article records the evidence.
    Anything less clear stays undated: never a guess. Returns the new mentions and the
    items still undated.
    """
    by_id = {article.id: article for article in articles}
    candidates = [c for c in clusters if c and c[0].date.precision is Precision.DAY]
    placeable = []
    for item in undated:
        match = _WEEKDAY_EXPRESSION.fullmatch(item.expression.strip())
        if match and item.article_id in by_id:
            placeable.append((item, WEEKDAY_NAMES.index(match.group(1).lower())))
    if not placeable or not candidates:
        return [], undated
    texts = [" ".join(m.sentence for m in c if not m.inherited) for c in candidates]
    rows = tfidf_vectors([*texts, *(item.sentence for item, _ in placeable)],
                    lambda text: content_words(text) + [
                        "name:" + n.lower() for n in name_phrases(text)])
    if rows is None:
        return [], undated
    events = rows[:len(texts)].T
    # Candidates by weekday and their articles, once: not every candidate's every
    # mention for every undated item; scores one item's row at a time, never dense
    # items x events.
    on_weekday: dict[int, list[int]] = defaultdict(list)
    for j, c in enumerate(candidates):
        on_weekday[c[0].date.first_day.weekday()].append(j)
    reporters = [{m.article_id for m in c} for c in candidates]
    added: list[Mention] = []
    placed: set[int] = set()
    for k, (item, weekday) in enumerate(placeable):
        allowed = [j for j in on_weekday.get(weekday, [])
                   if item.article_id not in reporters[j]]
        if not allowed:
            continue
        score = (rows[len(texts) + k] @ events).toarray().ravel()
        ranked = sorted(allowed, key=lambda j: -score[j])
        if score[ranked[0]] < JOIN_SIMILARITY:
            continue
        if len(ranked) > 1 and score[ranked[1]] > score[ranked[0]] - JOIN_MARGIN:
            continue
        event = candidates[ranked[0]]
        article = by_id[item.article_id]
        index = next((s.index for s in article.sentences if s.text == item.sentence), None)
        if index is None:
            continue
        date = event[0].date
        mention = Mention(item.article_id, index, item.sentence, date,
                          Timex(0, 0, "", "DATE", date.iso()), context=event[0].context,
                          bounding=True, basis="collection")
        event.append(mention)
        reporters[ranked[0]].add(item.article_id)
        added.append(mention)
        placed.add(k)
        others = sorted({m.article_id for m in event if m.article_id != item.article_id})
        article.published_evidence.append(
            f"'{item.expression}' is {date.iso()}: it reports the event of that day that "
            f"{', '.join(others)} report (day precision); published on or after it")
        if article.published is None:
            # A weekday names a day of the week before publication: the date stands at
            # week precision, too loose to anchor other relative expressions.
            article.published, article.published_source = date.first_day, "inferred"
            article.published_confidence = WEEKDAY_CONFIDENCE
    kept = {id(item) for k, (item, _) in enumerate(placeable) if k in placed}
    return added, [item for item in undated if id(item) not in kept]
