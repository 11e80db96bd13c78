"""Titles and summaries for events, taken from what the sources actually say.

The summary is one source sentence, verbatim, so a reader can always find it in the
article. The title is that sentence shortened: dateline prefixes, the date phrase and
trailing attributions go, and it is cut at a clause boundary.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from dateline.model import Mention

_DATELINE_PREFIX = re.compile(
    r"^\s*[A-Z][A-Z .,'\-]{2,40}(?:\([A-Za-z .]+\))?\s*[\-—–:]+\s*")
_ATTRIBUTION = re.compile(
    r",?\s*(?:according to [^,.]+|(?:an? |the )?[\w\s.'\-]{0,50}?\b(?:said|says|told [\w\s]+|"
    r"reported|announced|confirmed))\s*[.!]?\s*$",
    re.IGNORECASE,
)
_DATE_PREPOSITION = re.compile(r"\b(?:on|in|at|during|earlier|late|early)\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",|;|\s[—–-]\s|\bwhich\b|\bwhere\b|\bafter\b|\bbecause\b")
MAX_TITLE_WORDS = 14


def representative(mentions: list[Mention], similarity: np.ndarray,
                   lead_bonus: dict[int, float] | None = None) -> Mention:
    """The mention most like the others, preferring precise dates and article leads."""
    if len(mentions) == 1:
        return mentions[0]
    centrality = similarity.mean(axis=1)
    best_score, best = -1.0, mentions[0]
    for k, mention in enumerate(mentions):
        score = centrality[k]
        score += 0.1 * (2 - mention.date.precision.rank)
        score += 0.1 if mention.sentence_index < 3 else 0.0
        score -= 0.002 * max(0, len(mention.sentence.split()) - 35)
        if score > best_score:
            best_score, best = score, mention
    return best


def make_title(mention: Mention) -> str:
    """A short headline-like title from the mention's sentence."""
    text = mention.sentence
    start, end = mention.timex.start, mention.timex.end
    if 0 <= start < end <= len(text) and text[start:end] == mention.timex.text:
        before = _DATE_PREPOSITION.sub("", text[:start]).rstrip(" ,")
        text = before + " " + text[end:].lstrip(" ,")
    text = _DATELINE_PREFIX.sub("", text)
    text = text.strip().strip('"“”')
    shortened = _ATTRIBUTION.sub("", text)
    if len(shortened.split()) >= 4:
        text = shortened
    text = re.sub(r"\s+", " ", text).strip(" ,;:.")
    words = text.split()
    if len(words) > MAX_TITLE_WORDS:
        cut = None
        for match in _CLAUSE_BREAK.finditer(text):
            if 5 <= len(text[: match.start()].split()) <= MAX_TITLE_WORDS:
                cut = match.start()
        text = text[:cut] if cut else " ".join(words[:MAX_TITLE_WORDS]) + "…"
    text = text.strip(" ,;:")
    return text[:1].upper() + text[1:] if text else mention.sentence[:80]


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
