"""Summaries and who/where for events, taken from what the sources actually say.

The summary is one source sentence, verbatim, so a reader can always find it in the
article; ``titles`` shortens it into the event's title.
"""

from __future__ import annotations

import re
from collections import Counter

from dateline.events.names import NameIndex, clean_name
from dateline.events.similarity import content_words
from dateline.model import Mention

PEERS = 200


def representative(mentions: list[Mention]) -> Mention:
    """The mention most like the others (shared content words), preferring precise
    dates, article leads and sentences of readable length."""
    if len(mentions) == 1:
        return mentions[0]
    words_of: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.sentence not in words_of:
            words_of[mention.sentence] = set(content_words(mention.sentence))
    words = [words_of[m.sentence] for m in mentions]
    # Likeness to the others is measured against at most PEERS of them, evenly spread, so
    # an event of a hundred thousand repeated reports costs linear, not quadratic, time;
    # and once per sentence (or per peer, which leaves itself out), so repeated reports
    # of one sentence are compared once.
    peers = list(range(0, len(mentions), max(1, len(mentions) // PEERS)))
    peer_set = set(peers)
    overlaps: dict[tuple[str, int], float] = {}

    def overlap(k: int) -> float:
        key = (mentions[k].sentence, k if k in peer_set else -1)
        if key not in overlaps:
            others = [j for j in peers if j != k]
            overlaps[key] = sum(len(words[k] & words[j]) / (len(words[k] | words[j]) or 1)
                                for j in others) / len(others)
        return overlaps[key]

    def score(k: int) -> float:
        mention = mentions[k]
        return (overlap(k) + 0.1 * (2 - mention.date.precision.rank)
                + (0.1 if mention.sentence_index < 3 else 0.0)
                - 0.002 * max(0, len(mention.sentence.split()) - 35))

    return mentions[max(range(len(mentions)), key=score)]


def participants_and_location(mentions: list[Mention], names: NameIndex | None = None
                              ) -> tuple[list[str], str | None]:
    """Entities named by the event's sentences: who (most named first) and where.

    Names are normalized with ``names`` (built over the whole collection; over these
    mentions alone when not given): "Merkel" counts for "Angela Merkel", and "the German
    chancellor" too when the article says who that is. Each sentence names someone once.
    A place introduced by "in", "at" or "near" is where the event happened; other places
    (the countries at the table) count among the participants, and the location never.
    """
    names = names or NameIndex.from_mentions(mentions)
    who: Counter[str] = Counter()
    where: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    # in reading order, not the grouping's: ties rank alike however the event was made
    # (a store re-describes events it loads from rows)
    for mention in sorted(mentions, key=lambda m: (m.article_id, m.sentence_index)):
        key = (mention.article_id, mention.sentence)
        if key in seen:
            continue
        seen.add(key)
        places = {clean_name(e.text) for e in mention.entities if e.label in _PLACES}
        for name in names.names_in(mention):
            if name.kind in _PLACES and _introduced_as_place(name.text, places, mention.sentence):
                where[name.text] += 1
            elif name.kind in _WHO:
                who[name.text] += 1
    location = where.most_common(1)[0][0] if where else None
    participants = [name for name, _ in who.most_common() if name != location]
    return participants[:12], location


_PLACES = frozenset({"GPE", "LOC", "FAC"})
_WHO = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _introduced_as_place(name: str, written: set[str], sentence: str) -> bool:
    forms = {name} | {w for w in written if w.endswith(name) or name.endswith(w)}
    return any(re.search(rf"\b(?:in|at|near|outside)\s+(?:the\s+)?{re.escape(form)}\b",
                         sentence) for form in forms if form)
