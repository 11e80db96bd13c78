"""What event grouping and the embedding similarity share: terms, TF-IDF, the story bonus.

A mention is compared by its sentence's content words, the words next to its date and
the names it carries (:func:`mention_terms`); two mentions' articles tell the same story
when their titles and leads share many words (:class:`StoryBonus`). The lexical
:class:`MentionSimilarity` and ``embeddings.EmbeddingSimilarity`` both add that bonus,
and both read the thresholds of :class:`GroupingParams`; grouping only clusters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    CountVectorizer,
    TfidfTransformer,
)

from dateline.lexicon import MONTH_NAMES, WEEKDAY_NAMES, reporting_forms
from dateline.model import Mention

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_TEMPORAL_WORDS = frozenset(
    """today yesterday tomorrow
    week weeks month months year years day days morning afternoon evening night tonight
    last next earlier later ago recent recently spring summer autumn fall winter weekend
    according""".split()
) | frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES) | reporting_forms(
    "say", forms=("present", "past")) | reporting_forms("tell", "add", forms=("past",))
# (stored terms depend on this list: changing it means bumping FEATURES_VERSION)
_STOP = ENGLISH_STOP_WORDS | _TEMPORAL_WORDS
NEAR_DATE_WORDS = 4
# Title-and-lead cosines: unrelated news articles rarely pass the low mark, articles of
# one story usually pass the high one.
STORY_LOW, STORY_HIGH = 0.08, 0.25
STORY_BONUS = 0.15
# Bump when mention_terms or the story context words change: stores keep them per mention.
FEATURES_VERSION = "1"


@dataclass(frozen=True)
class GroupingParams:
    """Thresholds of the clustering; see ``Config`` for the user-facing knobs."""

    threshold: float = 0.15  # average similarity needed to merge two clusters
    tolerance_days: int = 1  # largest date disagreement inside one event
    day_penalty: float = 0.15  # similarity removed per day of disagreement
    same_article_bonus: float = 0.15  # one article retelling its own event on the same date
    attach_threshold: float = 0.35  # a month/year mention joining a finer event
    # "lexical": TF-IDF (``MentionSimilarity``); "embeddings": sentence embeddings
    # (``dateline.events.embeddings``; the thresholds above are then read on the lexical
    # scale and translated, see ``embeddings.embedding_params``).
    similarity: str = "lexical"


@lru_cache(maxsize=1 << 15)  # a pure function of the word, called for every word read
def _stem(word: str) -> str:
    """A light suffix stripper that maps a word's common inflections and derivations to
    one key: delivery, deliveries, delivered -> "deliver"; compensation, compensated ->
    "compensat"; announcement, announced -> "announc"."""
    if word.endswith("ies") and len(word) >= 6:
        word = word[:-3] + "y"
    for _ in range(2):  # meetings -> meeting -> meet
        suffix = next((s for s in ("ion", "ment", "ing", "ed", "es", "s")
                       if word.endswith(s) and len(word) - len(s) >= 4
                       and not word.endswith("ss")), None)
        if suffix is None:
            break
        word = word[: -len(suffix)]
    if word.endswith(("y", "e")) and len(word) >= 5:
        word = word[:-1]
    return word


def content_words(text: str) -> list[str]:
    return list(_content_words(text))


@lru_cache(maxsize=32768)
def _content_words(text: str) -> tuple[str, ...]:
    """Cached: a story context is read once per mention of its article, a sentence by
    the grouping and again by the event's summary choice; reports repeat."""
    return tuple(_stem(w) for w in (m.lower() for m in _WORD.findall(text))
                 if w not in _STOP and len(w) > 2)


_NAME_WORD = r"(?:[A-Z][\w'’\-]*[a-z0-9][\w'’\-]*|[A-Z]{2,})"
_NAME = re.compile(rf"\b{_NAME_WORD}(?: {_NAME_WORD})*")


def name_phrases(sentence: str) -> list[str]:
    """Capitalized word runs ("Ilse Marrack", "National Assembly", "UN"): cheap stand-ins
    for named entities, good enough to tell which sentences talk about the same actors."""
    names = []
    for match in _NAME.finditer(sentence):
        words = [re.sub(r"['’]s$", "", w) for w in match.group().split()
                 if w.lower() not in _STOP]
        if words:
            names.append(" ".join(words))
    return names


def near_date_words(mention: Mention, window: int = NEAR_DATE_WORDS) -> list[str]:
    """Content words next to the date: what the date is the date of ("Tuesday's talks",
    "talks in Geneva on Tuesday"); none for a sentence that does not state its date."""
    text = mention.sentence
    start, end = mention.timex.start, mention.timex.end
    if mention.inherited or text[start:end] != mention.timex.text:
        return []
    before = _WORD.findall(text[:start])[-window:]
    after = _WORD.findall(text[end:])[:window]
    return content_words(" ".join(before + after))


def _near_date(mention: Mention) -> list[str]:
    """The words next to the date, weighted beyond the rest of the sentence."""
    return ["near:" + w for w in near_date_words(mention)]


def mention_terms(mention: Mention) -> list[str]:
    """The words a mention is compared by: content words, words near the date, names."""
    tokens = content_words(mention.sentence) + _near_date(mention)
    for name in name_phrases(mention.sentence):
        key = "name:" + name.lower()
        tokens.extend((key, key))
    return tokens


TERM_SEPARATOR = "\x1f"  # never inside a word or name phrase (letters, digits, ' ’ - and spaces)


def joined_terms(mention: Mention) -> str:
    """``mention_terms`` as one string: what a worker sends back (one object a mention,
    not one a word, in the process that counts them)."""
    return TERM_SEPARATOR.join(mention_terms(mention))


def split_terms(joined: str) -> list[str]:
    """The terms of a ``joined_terms`` string."""
    return joined.split(TERM_SEPARATOR) if joined else []


class TermWeights:
    """Document frequencies of a whole collection: how many of its ``documents`` (stated
    mentions) use each term. Given to ``tfidf_vectors``, part of a collection is weighted
    as the whole collection weighs it (the IDF a build of every article fits), so a
    store re-grouping a few events compares sentences with the build's numbers."""

    def __init__(self, documents: int, counts: Mapping[str, int]):
        self.documents = documents
        self.counts = counts

    def idf(self, vocabulary: list[str]) -> np.ndarray:
        """scikit-learn's smoothed IDF, ln((1 + n) / (1 + df)) + 1, of each term."""
        df = np.array([self.counts.get(term, 0) for term in vocabulary], dtype=np.float64)
        return np.log((self.documents + 1) / (df + 1)) + 1


def tfidf_vectors(items: list, analyzer, use_idf: bool = True,
                  weights: TermWeights | None = None):
    """L2-normalized TF-IDF rows of ``items`` (None when there is no word at all); with
    ``weights``, the IDF is the collection's instead of one fitted on ``items``. Each
    row's terms are in vocabulary (alphabetical) order, so a row computed within part of
    a collection sums its products in the same order as within the whole: with the
    collection's ``weights``, the same floats."""
    counter = CountVectorizer(analyzer=analyzer)
    try:
        counts = counter.fit_transform(items)
    except ValueError:
        return None
    counts.sort_indices()
    transformer = TfidfTransformer(sublinear_tf=True, use_idf=use_idf).fit(counts)
    if weights is not None and use_idf:
        transformer.idf_ = weights.idf(counter.get_feature_names_out().tolist())
    return transformer.transform(counts, copy=False)


def story_bonus(cosine: np.ndarray, weight: float = STORY_BONUS, in_place: bool = False
                ) -> np.ndarray:
    """``weight`` times how clearly title-and-lead cosines say "the same story": 0 below
    ``STORY_LOW``, the full weight from ``STORY_HIGH``, linear between. ``in_place``:
    computed in ``cosine``'s own array (the same floats, without a block-sized
    temporary a step: grouping's blocks are up to 16 MB each)."""
    if not in_place:
        return weight * np.clip((cosine - STORY_LOW) / (STORY_HIGH - STORY_LOW), 0, 1)
    cosine -= STORY_LOW
    cosine /= STORY_HIGH - STORY_LOW
    np.clip(cosine, 0, 1, out=cosine)
    cosine *= weight
    return cosine


class StoryBonus:
    """The same-story part of every similarity: ``weight`` times how clearly two
    mentions' articles tell the same story (title-and-lead term cosine between
    ``STORY_LOW`` and ``STORY_HIGH``, clipped to 0..1). Shared by the lexical and the
    embedding similarities.

    Each distinct context (one an article: all its mentions share it) is one row of
    ``vectors``, ``rows`` giving each mention's: 10,000 articles have about 240,000
    mentions, whose rows were one copy a mention. The rows are the same floats either
    way (plain term frequencies, no IDF: a row depends on its own text only, and the
    vocabulary, all the contexts' words, is the same).
    """

    def __init__(self, mentions: list[Mention], weight: float = STORY_BONUS):
        self.weight = weight
        self.vectors = None
        self.rows = np.zeros(0, dtype=np.intp)
        if weight and any(m.context for m in mentions):
            distinct: dict[str, int] = {}
            self.rows = np.array([distinct.setdefault(m.context, len(distinct))
                                  for m in mentions], dtype=np.intp)
            self.vectors = tfidf_vectors(list(distinct), content_words, use_idf=False)

    def subset(self, indices: list[int]) -> StoryBonus:
        """The bonus of the mentions at ``indices`` (numbered 0..n-1), with only their
        contexts' rows: the same scores, small enough to send with a day block."""
        part = object.__new__(StoryBonus)
        part.weight = self.weight
        part.vectors, part.rows = None, np.zeros(0, dtype=np.intp)
        if self.vectors is not None:
            used, part.rows = np.unique(self.rows[np.asarray(indices, dtype=np.intp)],
                                        return_inverse=True)
            part.vectors = self.vectors[used]
        return part

    def add_to(self, block: np.ndarray, rows: list[int], columns: list[int]) -> np.ndarray:
        if self.vectors is not None:
            left = self.vectors[self.rows[np.asarray(rows, dtype=np.intp)]]
            right = self.vectors[self.rows[np.asarray(columns, dtype=np.intp)]]
            block += story_bonus((left @ right.T).toarray(), self.weight, in_place=True)
        return block


class MentionSimilarity:
    """Pairwise similarity of mentions, computed block by block on demand.

    Similarity is the TF-IDF cosine of the sentences (content words and names) plus a
    bonus when their articles tell the same story. Two articles tell the same story when
    their titles and leads share many words (plain term cosine: in a one-story collection
    every article shares the story's words, and that sharing is what counts). Dates gate
    every merge, so the bonus only says that two reports of the same day in the same
    story are probably reports of the same event. Vectors are fitted once; only the
    blocks that clustering compares are multiplied, so memory grows with the largest
    block, not with the square of the collection.
    """

    def __init__(self, mentions: list[Mention], story_bonus: float = STORY_BONUS,
                 weights: TermWeights | None = None, terms: list[str] | None = None):
        """``weights``: the collection's term statistics (see ``TermWeights``); ``terms``:
        each mention's ``joined_terms``, when already computed."""
        self.size = len(mentions)
        if not mentions:
            self.sentences = None
        elif terms is not None:
            self.sentences = tfidf_vectors(terms, split_terms, weights=weights)
        else:
            self.sentences = tfidf_vectors(mentions, mention_terms, weights=weights)
        self.story_bonus = story_bonus
        self.story = StoryBonus(mentions, story_bonus)

    def subset(self, indices: list[int]) -> MentionSimilarity:
        """The similarity of the mentions at ``indices`` (numbered 0..n-1 in that order),
        from the rows already fitted: the same scores as this one's for them, small
        enough to send to a worker with its block."""
        part = object.__new__(MentionSimilarity)
        part.size = len(indices)
        part.sentences = self.sentences[indices] if self.sentences is not None else None
        part.story_bonus = self.story_bonus
        part.story = self.story.subset(indices)
        return part

    def cross(self, rows: list[int], columns: list[int]) -> np.ndarray:
        if self.sentences is None:
            return np.equal.outer(np.array(rows), np.array(columns)).astype(float)
        block = (self.sentences[rows] @ self.sentences[columns].T).toarray()
        return self.story.add_to(block, rows, columns)

    def block(self, indices: list[int]) -> np.ndarray:
        """``cross(indices, indices)``; its overlap is kept for the ``overlap`` call that
        follows it in clustering (the same sentence product, not computed twice)."""
        if self.sentences is None:
            return self.cross(indices, indices)
        block = (self.sentences[indices] @ self.sentences[indices].T).toarray()
        self._overlap = (list(indices), block > 0)
        return self.story.add_to(block, indices, indices)

    _overlap: tuple[list[int], np.ndarray] | None = None

    def overlap(self, rows: list[int], columns: list[int]) -> np.ndarray:
        """Which pairs share a word or a name at all (sentence cosine above zero): the
        story bonus strengthens such overlap but never stands in for it."""
        if self.sentences is None:
            return np.ones((len(rows), len(columns)), dtype=bool)
        kept, self._overlap = self._overlap, None
        if kept is not None and rows == columns == kept[0]:
            return kept[1]
        return (self.sentences[rows] @ self.sentences[columns].T).toarray() > 0
