"""Which stored events a batch of new mentions touches, and re-grouping just those.

Re-grouping is local. A new day-precision mention meets the stored day mentions within
the date tolerance and the month and year mentions of its period; a new month or year
mention meets the stored mentions of its own period and, when the period is not too
crowded, the finer ones inside it (those lookups: ``candidates``). Of those, the events
the new mention is on average close to (the grouping's own similarity, from word
features stored with each mention) are loaded whole, re-grouped together with the new
mentions by the build's grouping and replaced when their membership changed, then
described by the build's description; all other events stay as they are. New mentions
that cannot meet, directly or through a shared event, are re-grouped apart. An event
keeps its id (``ev`` + its earliest mention's number) as long as that mention stays in
it, so a new report of a known event attaches to the same id.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sqlalchemy import Connection, bindparam, delete, select, update

from dateline.config import Config
from dateline.events import similarity
from dateline.events.grouping import group_mentions
from dateline.model import Article, Event, Mention, Precision
from dateline.nlp import process_pipeline
from dateline.store import codec
from dateline.store.candidates import stored_candidates
from dateline.store.rows import chunks, describe_written, numbered_mentions, sites_of
from dateline.store.schema import events, mentions
from dateline.store.terms import StoredWeights
from dateline.timeline.build import make_event
from dateline.unionfind import UnionFind

CANDIDATE_SIMILARITY = 0.1  # wording this close to a new mention re-groups an event
ATTACH_CANDIDATE_SIMILARITY = 0.3  # ... and this close for a coarse one joining a finer event
# ... but a month report and a day event of its month only need to share a word: the
# grouping may join them by shared participants and happening (``grouping._retold_event``).
RETOLD_CANDIDATE_SIMILARITY = 1e-9
WHOLE = 3000  # stated mentions: a collection this small is re-grouped whole, as a build does
PACK = 300  # independent parts of a re-grouping are clustered together up to this size
_BLOCK_COLUMNS = 4096
_ALONE = "m"  # prefix of a stored mention in no event, as a group of its own (``_group_of``)


def _group_of(row) -> str:
    """The stored group a candidate belongs to: its event, or itself when it is in none
    (a supporting sentence waiting for an event it may join, as in a build)."""
    return row.event_id or f"{_ALONE}{row.id}"


@dataclass
class _Reach:
    """Which stored events, and which other new mentions, each new mention may meet."""

    events: list[set[str]]  # per new mention: ids of stored events it may join or change
    peers: list[tuple[int, int]]  # pairs of new mentions that may share an event

    @property
    def touched(self) -> set[str]:
        return set().union(*self.events) if self.events else set()


def _date_pairs(first_a, last_a, day_a, first_b, last_b, day_b, tolerance: int):
    """Pairs of dates that may share an event: two days within the tolerance, or one
    date inside the other (a month or year mention and what it may attach to)."""
    both_days = day_a & day_b
    near = both_days & (np.abs(first_a - first_b) <= tolerance)
    nested = ~both_days & (((first_a <= first_b) & (last_b <= last_a))
                           | ((first_b <= first_a) & (last_a <= last_b)))
    return near | nested


def _reach(conn: Connection, numbered: list[tuple[int, Mention]], config: Config,
           terms: list[str] | None = None, weights: similarity.TermWeights | None = None
           ) -> _Reach:
    """The stored events (and new mentions) each new mention may meet.

    Candidates are the stored mentions whose dates are compatible with a new mention
    (two day mentions within the tolerance, or one date inside the other), found by
    indexed date lookups. Closeness is the grouping's own similarity
    (``MentionSimilarity.cross``: TF-IDF cosine of the sentences, fitted on the new and
    candidate mentions together, plus the same-story bonus), computed from the stored
    word features rather than by re-tokenizing the candidates. A new mention meets a
    stored event when its average similarity to the event's date-compatible members is
    at least ``CANDIDATE_SIMILARITY`` (well under the merge threshold), or
    ``ATTACH_CANDIDATE_SIMILARITY`` towards members of another precision (a year
    mention and a finer event; a month mention and a day event need only share a word,
    ``RETOLD_CANDIDATE_SIMILARITY``); two new mentions meet when their pair does.
    ``terms`` are the new mentions' features (computed when not given).
    """
    new = [m for _, m in numbered]  # (row number, mention)
    count = len(new)
    tolerance = config.date_tolerance_days
    found, found_terms = stored_candidates(conn, new, tolerance, {n for n, _ in numbered})
    contexts: dict[str, list[str]] = {}  # article id -> story words
    for row, (_, context) in zip(found, found_terms, strict=True):
        if row.article_id not in contexts:
            contexts[row.article_id] = codec.words(context)
    terms = terms if terms is not None else [codec.mention_terms(m) for m in new]
    new_sentences, joined = map(list, zip(*map(codec.split_terms, terms), strict=True))
    new_contexts = [codec.words(context) for context in joined]
    vectors = similarity.tfidf_vectors(new_sentences + [t for t, _ in found_terms], list,
                            weights=weights)
    if vectors is None:  # no word anywhere: nothing is similar, keep the batch together
        return _Reach([set() for _ in new], [(0, k) for k in range(1, count)])
    new_rows, old_rows = vectors[:count], vectors[count:]
    bonus = similarity.STORY_BONUS
    stored_contexts = list(contexts.values())
    story = None
    if bonus and any(stored_contexts + new_contexts):
        context_vectors = similarity.tfidf_vectors(stored_contexts + new_contexts, list,
                                                   use_idf=False)
        if context_vectors is not None:
            mine = context_vectors[len(stored_contexts):]
            cosine = (mine @ context_vectors.T).toarray()
            story = similarity.story_bonus(cosine, bonus)
    index = {a: k for k, a in enumerate(contexts)}
    old_columns = np.array([index[row.article_id] for row in found], dtype=int)
    new_columns = np.arange(len(stored_contexts), len(stored_contexts) + count)

    # the closeness needed by a pair of the same precision / a month and a day / others
    needed = np.array([min(CANDIDATE_SIMILARITY, config.similarity_threshold),
                       RETOLD_CANDIDATE_SIMILARITY, ATTACH_CANDIDATE_SIMILARITY])
    new_day = np.array([m.date.precision is Precision.DAY for m in new])
    new_rank = np.array([m.date.precision.rank for m in new])
    new_first = np.array([m.date.first_day.toordinal() for m in new])
    new_last = np.array([m.date.last_day.toordinal() for m in new])

    def meets(block, columns, first, last, day, rank):
        if story is not None:
            block = block + story[:, columns]
        dates = _date_pairs(new_first[:, None], new_last[:, None], new_day[:, None],
                            first[None, :], last[None, :], day[None, :], tolerance)
        # A month or year mention only joins a finer event it retells closely.
        return dates & (block >= needed[_pairing(new_rank[:, None], rank[None, :])])

    peers = meets((new_rows @ new_rows.T).toarray(), new_columns, new_first, new_last,
                  new_day, new_rank)
    rows, cols = np.nonzero(np.triu(peers, 1))
    pairs = list(zip(rows.tolist(), cols.tolist(), strict=True))
    # Stored side: a new mention meets an event when its average similarity to the
    # event's members it may share an event with clears the floor, as average linkage
    # (and the finer-date attachment, a mean too) would need; one close sentence in a
    # large event does not reopen it.
    day = Precision.DAY.value
    event_index: dict[str, int] = {}
    event_of = np.array([event_index.setdefault(e, len(event_index))
                         for e in map(_group_of, found)], dtype=int)
    shape = (count, len(event_index))
    totals = [sparse.csr_matrix(shape) for _ in range(3)]
    counts = [sparse.csr_matrix(shape) for _ in range(3)]
    old_day = np.array([row.precision == day for row in found], dtype=bool)
    old_rank = np.array([Precision(row.precision).rank for row in found], dtype=int)
    old_first = np.array([row.first_day for row in found], dtype=int)
    old_last = np.array([row.last_day for row in found], dtype=int)
    for start in range(0, len(found), _BLOCK_COLUMNS):
        part = slice(start, min(start + _BLOCK_COLUMNS, len(found)))
        width = part.stop - part.start
        block = (new_rows @ old_rows[part].T).toarray()
        if story is not None:
            block += story[:, old_columns[part]]
        dates = _date_pairs(new_first[:, None], new_last[:, None], new_day[:, None],
                            old_first[None, part], old_last[None, part], old_day[None, part],
                            tolerance)
        pairing = _pairing(new_rank[:, None], old_rank[None, part])
        members = sparse.csr_matrix((np.ones(width), (np.arange(width), event_of[part])),
                                    shape=(width, shape[1]))
        for k in range(3):
            mask = dates & (pairing == k)
            if mask.any():
                totals[k] = totals[k] + sparse.csr_matrix(np.where(mask, block, 0.0)) @ members
                counts[k] = counts[k] + sparse.csr_matrix(mask.astype(float)) @ members
    names = list(event_index)
    events: list[set[str]] = [set() for _ in new]
    for k in range(3):
        average = totals[k].multiply(counts[k].power(-1)).tocoo()
        for i, e, value in zip(average.row.tolist(), average.col.tolist(),
                               average.data.tolist(), strict=True):
            if value >= needed[k]:
                events[i].add(names[e])
    return _Reach(events, pairs)


def _pairing(rank_a: np.ndarray, rank_b: np.ndarray) -> np.ndarray:
    """0 for a pair of ranks of one precision, 1 for a month and a day, 2 otherwise."""
    month_and_day = ((np.minimum(rank_a, rank_b) == Precision.DAY.rank)
                     & (np.maximum(rank_a, rank_b) == Precision.MONTH.rank))
    return np.where(rank_a == rank_b, 0, np.where(month_and_day, 1, 2))


def _components(new: list[tuple[int, Mention]], reach: _Reach) -> list[tuple[list[int],
                                                                             set[str]]]:
    """Split the new mentions and the events they reach into independent parts:
    (new mention positions, stored event ids), in order of their first new mention."""
    sets = UnionFind(len(new))
    root, join = sets.find, sets.union
    for a, b in reach.peers:
        join(a, b)
    owner: dict[str, int] = {}
    for k, event_ids in enumerate(reach.events):
        for event_id in event_ids:
            if event_id in owner:
                join(owner[event_id], k)
            else:
                owner[event_id] = k
    # A sentence continuing a dated one goes where that sentence goes.
    stated = {(m.article_id, m.sentence_index, m.date): k
              for k, (_, m) in enumerate(new) if not m.inherited}
    for k, (_, m) in enumerate(new):
        if m.inherited and (m.article_id, m.continues, m.date) in stated:
            join(stated[(m.article_id, m.continues, m.date)], k)
    parts: dict[int, tuple[list[int], set[str]]] = {}
    for k in range(len(new)):
        positions, event_ids = parts.setdefault(root(k), ([], set()))
        positions.append(k)
        event_ids.update(reach.events[k])
    return list(parts.values())


def regroup(conn: Connection, new: list[tuple[int, Mention]], config: Config,
            terms: list[str] | None = None,
            batch_articles: dict[str, Article] | None = None,
            reopened: set[str] = frozenset(), removed: list[Mention] = ()
            ) -> tuple[int, int]:
    """Re-group the new mentions with the events they touch, and the ``reopened``
    events (which lost the ``removed`` mentions); returns (replaced, created).

    New mentions that cannot meet (no compatible date and close wording between them,
    directly or through a stored event they both reach) are re-grouped apart, each
    part with the stored events it reaches, so that the clustering's cost follows the
    parts rather than the whole batch's neighbourhood. Small parts are grouped together
    up to ``PACK`` mentions, to keep the number of clustering calls low. Only clusters
    that changed are written: a touched event that comes out with exactly its old
    mentions keeps its row (its id and content are a function of its mentions), so it
    counts neither as replaced nor as created; one that lost mentions (``reopened`` by
    the caller) is always written again.
    """
    weights = StoredWeights(conn)  # words weigh as in a build of the whole collection
    lost = set(reopened)  # their stored rows describe mentions that are gone
    if weights.documents <= WHOLE:  # every stored group, as one part: the build's grouping
        mine = {number for number, _ in new}
        groups = {_group_of(row) for row in conn.execute(select(mentions.c.id,
                                                                mentions.c.event_id))
                  if row.id not in mine}
        reach = _Reach([groups] * len(new), [(0, k) for k in range(1, len(new))])
        reopened = reopened | groups
    else:
        reach = _reach(conn, new, config, terms, weights) if new else _Reach([], [])
    touched = sorted(reach.touched | reopened)
    loaded = numbered_mentions(conn, [e for e in touched if not e.startswith(_ALONE)],
                               [int(e[len(_ALONE):]) for e in touched if e.startswith(_ALONE)])
    loaded.update({f"{_ALONE}{pair[0]}": [pair] for pair in loaded.pop(None, [])})
    changed, kept = _regroup_parts(new, reach, loaded, config, weights,
                                   reopened - reach.touched, lost)
    dropped = [e for e in touched if e not in kept and not e.startswith(_ALONE)]
    for chunk in chunks(dropped):
        conn.execute(delete(events).where(events.c.id.in_(chunk)))
    links, written, numbered = [], [], {}  # numbered: id(mention) -> its row number
    for cluster, numbers in changed:
        numbered.update((id(m), n) for m, n in zip(cluster, numbers, strict=True))
        event = make_event(cluster)  # None: supporting sentences only, in no event yet
        event_id = f"ev{min(numbers)}" if event is not None else None
        links.extend({"mention_id": n, "new_event": event_id} for n in numbers)
        if event is not None:
            event.id = event_id
            written.append(event)
    again: list[Event] = []
    if written or dropped:
        nlp = process_pipeline() if config.use_ner else None
        gone = {e: [m for _, m in loaded.get(e, [])] for e in dropped}
        again = describe_written(conn, written, new, numbered, gone, nlp,
                                 batch_articles or {}, list(removed),
                                 requote=weights.documents <= WHOLE)
    if written or again:
        sites = sites_of(conn, {m.article_id for e in written + again for m in e.mentions})
        conn.execute(events.insert(), [codec.event_row(e, e.id, sites)
                                       for e in written + again])
    if links:
        conn.execute(update(mentions).where(mentions.c.id == bindparam("mention_id"))
                     .values(event_id=bindparam("new_event")), links)
    return len(dropped), len(written)  # described again: not new


def _regroup_parts(new: list[tuple[int, Mention]], reach: _Reach,
                   loaded: dict[str, list[tuple[int, Mention]]], config: Config,
                   weights: similarity.TermWeights, alone: set[str] = frozenset(),
                   lost: set[str] = frozenset()
                   ) -> tuple[list[tuple[list[Mention], list[int]]], set[str]]:
    """The build's grouping over each pack of independent parts: the clusters that
    changed (mentions, row numbers) and the ids of touched events that came out as
    they were. ``alone``: events re-grouped though no new mention reaches them;
    ``lost``: events that lost mentions, never as they were."""
    params = similarity.GroupingParams(threshold=config.similarity_threshold,
                            tolerance_days=config.date_tolerance_days,
                            similarity=config.similarity)  # as the build's grouping
    packs: list[tuple[list[int], set[str]]] = []
    size = 0
    parts = _components(new, reach) + ([([], set(alone))] if alone else [])
    for positions, event_ids in parts:
        weight = len(positions) + sum(len(loaded.get(e, ())) for e in event_ids)
        if not packs or size + weight > PACK:
            packs.append(([], set()))
            size = 0
        packs[-1][0].extend(positions)
        packs[-1][1].update(event_ids)
        size += weight
    changed: list[tuple[list[Mention], list[int]]] = []
    kept: set[str] = set()
    for positions, event_ids in packs:
        members = {e: {number for number, _ in loaded.get(e, ())} for e in event_ids}
        # In a build's order (article by article, each in reading order) whatever order
        # the batches came in: ties in the clustering and in the date and summary of
        # an event are broken alike.
        everything = sorted([pair for e in event_ids for pair in loaded.get(e, ())]
                            + [new[k] for k in positions],
                            key=lambda pair: (pair[1].article_id, pair[0]))
        number_of = {id(m): i for i, m in everything}
        for cluster in group_mentions([m for _, m in everything], params, weights=weights):
            numbers = [number_of[id(m)] for m in cluster]
            event_id = f"ev{min(numbers)}"
            if event_id not in lost and members.get(event_id) == set(numbers):
                kept.add(event_id)  # the same mentions: the stored row is right
            else:
                changed.append((cluster, numbers))
    return changed, kept
