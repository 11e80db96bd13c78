"""Summaries and who/where for events, taken from what the sources actually say.

The summary is one source sentence, verbatim, so a reader can always find it in the
article; ``titles`` shortens it into the event's title.
"""

from __future__ import annotations

import re
from collections import Counter

from dateline.events.grouping import content_words
from dateline.model import Mention


def representative(mentions: list[Mention]) -> Mention:
    """The mention most like the others (shared content words), preferring precise
    dates, article leads and sentences of readable length."""
    if len(mentions) == 1:
        return mentions[0]
    words = [set(content_words(m.sentence)) for m in mentions]

    def score(k: int) -> float:
        mention = mentions[k]
        overlap = sum(len(words[k] & other) / (len(words[k] | other) or 1)
                      for j, other in enumerate(words) if j != k) / (len(mentions) - 1)
        return (overlap + 0.1 * (2 - mention.date.precision.rank)
                + (0.1 if mention.sentence_index < 3 else 0.0)
                - 0.002 * max(0, len(mention.sentence.split()) - 35))

    return mentions[max(range(len(mentions)), key=score)]


def participants_and_location(mentions: list[Mention]) -> tuple[list[str], str | None]:
    """Entities named by the event's sentences: who (most named first) and where.

    A place introduced by "in"/"at" is where the event happened; other places (the
    countries at the table) count among the participants.
    """
    who: Counter[str] = Counter()
    where: Counter[str] = Counter()
    for mention in mentions:
        for name, label in {(e.text, e.label) for e in mention.entities}:
            if label in ("GPE", "LOC", "FAC") and re.search(
                    rf"\b(?:in|at|near|outside)\s+(?:the\s+)?{re.escape(name)}", mention.sentence):
                where[name] += 1
            elif label in ("PERSON", "ORG", "NORP", "GPE"):
                who[name] += 1
    location = where.most_common(1)[0][0] if where else None
    participants = [name for name, _ in who.most_common() if name != location]
    return participants[:12], location
