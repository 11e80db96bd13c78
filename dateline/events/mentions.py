"""Event mentions: sentences that report something happening at a resolvable time.

A sentence becomes a mention for each date it anchors an event to. Dates that only
bound an interval ("since March", "until Friday") or describe a duration do not anchor
an event; a sentence whose only date cannot be resolved (no publication date to anchor
"on Wednesday") becomes an undated item instead of a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.dating.timex import to_fuzzy_date
from dateline.model import Article, Entity, Mention, Sentence, Timex
from dateline.nlp import entities_only

# A date right after one of these words bounds a period instead of dating an event.
_BOUNDING_WORDS = re.compile(
    r"\b(?:since|until|till|through|throughout|by|from|as of|before|ever since|up to)\s*$",
    re.IGNORECASE,
)
_FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|is to|are to|is due to|are due to|scheduled|expected to|plans? to|"
    r"planned|set to|is going to|are going to|upcoming|next)\b",
    re.IGNORECASE,
)
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_MIN_WORDS = 5
# Lines without closing punctuation are headings, teasers or captions, not reports;
# a long one is more likely a sentence whose full stop the copy lost.
_HEADLINE_MAX_WORDS = 15
_CLOSING = ('.', '!', '?', '"', "'", '”', '’', '…', ':')
_LEAD_SENTENCES = 6


@dataclass
class UndatedItem:
    """A sentence that reports something but whose date could not be resolved."""

    article_id: str
    sentence: str
    expression: str
    reason: str

    def to_dict(self) -> dict:
        return {"article": self.article_id, "sentence": self.sentence,
                "expression": self.expression, "reason": self.reason}


def _anchors_event(sentence: Sentence, timex: Timex) -> bool:
    if timex.type not in ("DATE", "TIME"):
        return False
    return not _BOUNDING_WORDS.search(sentence.text[: timex.start])


def _reads_as_report(text: str) -> bool:
    words = len(text.split())
    if words < _MIN_WORDS:
        return False
    return text.rstrip().endswith(_CLOSING) or words > _HEADLINE_MAX_WORDS


def _is_future(sentence: str) -> bool:
    return bool(_FUTURE_CUES.search(sentence))


def extract_mentions(article: Article) -> tuple[list[Mention], list[UndatedItem]]:
    """Turn an article's dated sentences into mentions (entities are added later)."""
    mentions: list[Mention] = []
    undated: list[UndatedItem] = []
    lead = " ".join(s.text for s in article.sentences[:_LEAD_SENTENCES])
    context = f"{article.title or ''}\n{lead}"
    for sentence in article.sentences:
        if not _reads_as_report(sentence.text):
            continue
        seen_dates = set()
        for timex in sentence.timexes:
            if not _anchors_event(sentence, timex):
                continue
            date = to_fuzzy_date(timex) if timex.anchored else None
            if date is None:
                if not timex.anchored:
                    undated.append(UndatedItem(
                        article.id, sentence.text, timex.text,
                        "relative date in an article whose publication date is unknown"))
                continue
            if date in seen_dates:
                continue
            seen_dates.add(date)
            mentions.append(Mention(article.id, sentence.index, sentence.text, date, timex,
                                    future=_is_future(sentence.text), context=context))
    return mentions, undated


def attach_entities(mentions: list[Mention], nlp, batch_size: int = 64) -> None:
    """Fill ``Mention.entities`` with spaCy entities, running the model once per sentence."""
    unique: dict[str, list[Mention]] = {}
    for mention in mentions:
        unique.setdefault(mention.sentence, []).append(mention)
    texts = list(unique)
    with entities_only(nlp):
        docs = nlp.pipe(texts, batch_size=batch_size)
        for text, doc in zip(texts, docs, strict=True):
            entities = [Entity(ent.text, ent.label_) for ent in doc.ents
                        if ent.label_ in _ENTITY_LABELS]
            for mention in unique[text]:
                mention.entities = entities
