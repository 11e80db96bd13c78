"""What grouping and the embedding similarity share (events/similarity.py)."""

from __future__ import annotations

from collections import Counter

import numpy as np

from dateline.events import embeddings, grouping, similarity
from dateline.events.similarity import STORY_BONUS, STORY_HIGH, STORY_LOW, story_bonus


def test_story_bonus_ramps_between_the_marks():
    cosines = np.array([0.0, STORY_LOW, (STORY_LOW + STORY_HIGH) / 2, STORY_HIGH, 0.9])
    assert np.allclose(story_bonus(cosines), [0, 0, STORY_BONUS / 2, STORY_BONUS, STORY_BONUS])
    assert np.allclose(story_bonus(cosines, 0.4)[-1], 0.4)


def test_grouping_and_embeddings_share_one_implementation():
    assert grouping.MentionSimilarity is similarity.MentionSimilarity
    assert embeddings.StoryBonus is similarity.StoryBonus
    assert embeddings.GroupingParams is grouping.GroupingParams is similarity.GroupingParams


def test_content_words_drop_calendar_and_reporting_words():
    words = similarity.content_words("Negotiators said on Tuesday that the dam talks resumed")
    assert "tuesday" not in words and "said" not in words
    assert {"negotiator", "talk", "resum"} <= set(words)


def test_part_of_a_collection_weighted_with_its_counts_compares_as_the_whole():
    """A store re-groups a few events: given the collection's document frequencies, the
    sentences of that part get exactly the similarities the whole collection's fit
    gives them (bit for bit), not those of an IDF fitted on the part alone."""
    sentences = [
        "Dock workers in Halvern walked out on Monday over the new shift rota",
        "The Halvern dock strike spread to the grain terminal on Monday",
        "Port managers in Halvern said the walkout had halted grain exports",
        "The city council of Brennick approved the tram extension budget",
        "Brennick council members voted for the tram budget after a long debate",
        "Grain prices rose in Brennick as exports from Halvern stopped",
    ]
    terms = [similarity.content_words(s) for s in sentences]
    whole = similarity.tfidf_vectors(terms, lambda words: words)
    counts = Counter(term for words in terms for term in set(words))
    weights = similarity.TermWeights(len(terms), counts)
    part = [0, 1, 5]
    weighted = similarity.tfidf_vectors([terms[k] for k in part], lambda words: words,
                                        weights=weights)
    alone = similarity.tfidf_vectors([terms[k] for k in part], lambda words: words)
    expected = (whole[part] @ whole[part].T).toarray()
    assert np.array_equal((weighted @ weighted.T).toarray(), expected)
    assert not np.allclose((alone @ alone.T).toarray(), expected)
