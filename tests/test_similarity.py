"""What grouping and the embedding similarity share (events/similarity.py)."""

from __future__ import annotations

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
