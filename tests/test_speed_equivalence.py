"""The per-line speed-ups give the same answers as the straightforward code they replace.

The tense reader skips words that cannot be cues before reading them with their
neighbours, and caches per-word cue tests; the date-line test checks the line length
before scanning for dates. These tests pin that the shortcuts change no answer.
"""

from __future__ import annotations

import itertools
import re

import pytest

from dateline.dating.pubdate import find_dates, is_date_line
from dateline.dating.timex import context
from dateline.dating.timex.context import _group_cue, _may_cue, tense_near

SENTENCES = [
    "The talks, due in Geneva on Thursday, failed after the delegations walked out.",
    "Officials said on Friday it would reopen the border crossing next week.",
    "The ministers will meet on Wednesday to discuss the planned merger.",
    "The deal had been scheduled to expire Friday, but negotiators extended it.",
    "Shares were expected to rise on Monday as markets untouched by the crisis opened.",
    "She is to testify on March 4 before the committee, her lawyer has said.",
    "Ferry crews in Kestwick walked out on March 3, 2022 over pay, the union said.",
    "Gen. Powell arrived on Tuesday. He was set to meet the president at 4 a.m. EDT Thursday.",
    "The company plans to cut 300 jobs by June, and the union has promised a fight.",
    "A still unspecified date in May was chosen; the troubled region voted in April.",
    "The court adjourned until 9 a.m. Tuesday after the witnesses were questioned.",
    "Since March the city's budget has been frozen, officials who'll vote said.",
]


def _reference_nearest_cue(text: str, start: int, end: int, left: int, right: int,
                           strong_only: bool = False) -> str | None:
    """``_nearest_cue`` as it read before the pre-filter: every word goes through
    ``_group_cue`` (written out here so the test does not share the shortcut)."""
    matches = [m for m in context._WORD.finditer(text, left, right)
               if not start <= m.start() < end]
    words = [m.group() for m in matches]
    best = weak = None
    for index, match in enumerate(matches):
        group = _group_cue(words, index)
        if group is None:
            continue
        if match.group() in ("next", "set") and context._FALSE_FRIENDS.match(
                text, match.start()):
            follow = text[match.end():match.end() + 4].lower()
            if not (match.group() == "set" and follow.startswith(" to")):
                continue
        distance = start - match.end() if match.end() <= start else match.start() - end
        if match.end() <= start:
            distance = distance * 2 // 3
        direction, strong, weight = group
        distance = distance * weight // 3
        if strong and (best is None or distance < best[0]):
            best = (distance, direction)
        elif not strong and distance <= context._WEAK_REACH and (
                weak is None or distance < weak[0]):
            weak = (distance, direction)
    if best is not None:
        return best[1]
    return weak[1] if weak and not strong_only else None


@pytest.mark.parametrize("sentence", SENTENCES)
def test_nearest_cue_matches_the_unfiltered_reading(sentence: str) -> None:
    text = "Background paragraph first. " + sentence + " A closing sentence follows here."
    spans = [m.span() for m in re.finditer(r"[A-Za-z0-9]+", text)]
    for start, end in spans:
        for strong_only in (False, True):
            assert context._nearest_cue(text, start, end, 0, len(text), strong_only) == \
                _reference_nearest_cue(text, start, end, 0, len(text), strong_only)


def test_tense_of_news_sentences_is_read_as_before() -> None:
    """Whole-function check on the patterns the module docstring names."""
    cases = {
        "The ministers met on Wednesday in Vienna.": "past",
        "The ministers will meet on Wednesday in Vienna.": "future",
        "The deal had been scheduled to expire Friday.": "past",
        "She is to testify on Thursday.": "future",
    }
    for text, expected in cases.items():
        match = re.search(r"Wednesday|Friday|Thursday", text)
        assert match is not None
        assert tense_near(text, match.start(), match.end()) == expected


def test_words_the_filter_skips_never_give_a_cue() -> None:
    """A word ``_may_cue`` rejects gives no cue whatever its neighbours are."""
    vocabulary = sorted({w for s in SENTENCES for w in context._WORD.findall(s)}
                        | {"had", "been", "was", "were", "is", "to", "plans", "said",
                           "would", "the", "a", "be", "has"})
    skipped = [w for w in vocabulary if not _may_cue(w)]
    assert skipped and len(skipped) < len(vocabulary)
    neighbours = ["", "had", "been", "to", "the", "said", "was", "is", "be"]
    for word in skipped:
        for before2, before, after in itertools.product(neighbours, repeat=3):
            words = [w for w in (before2, before) if w] + [word] + ([after] if after else [])
            index = len([w for w in (before2, before) if w])
            assert _group_cue(words, index) is None, (words, index)


def test_date_line_length_check_before_the_scan() -> None:
    stamp = "Posted on March 3, 2019 | 2 pm"
    assert is_date_line(stamp)
    long_line = stamp + " " + "and the council met again to discuss the bridge" * 3
    assert len(long_line) > 140 and find_dates(long_line)
    assert not is_date_line(long_line)
    assert not is_date_line("No date at all in this short line")


def _reference_tense(text: str, start: int, end: int) -> str | None:
    """``tense_near`` as it read before the clause and the sentence shared one word
    scan: each reading scans its own range."""
    if context._SOON_BEFORE.search(text, max(0, start - 16), start):
        return context.FUTURE
    if context._SINCE_BEFORE.search(text, max(0, start - 20), start):
        return context.PAST
    if context._EFFECTIVE_BEFORE.search(text, max(0, start - 24), start):
        return context.FUTURE
    if context._AHEAD_BEFORE.search(text, max(0, start - 40), start):
        return context.FUTURE
    if context._POSTPONED_BEFORE.search(text, max(0, start - 90), start):
        return context.FUTURE
    left, right = context.sentence_bounds(text, start, end)
    clause_left = max(left, *(text.rfind(p, left, start) + 1 for p in ",;—"))
    clause_right = min([right] + [i for i in (text.find(p, end, right) for p in ",;—")
                                  if i != -1])
    inside = _reference_nearest_cue(text, start, end, clause_left, clause_right, True)
    if inside is not None:
        return inside
    return _reference_nearest_cue(text, start, end, left, right)


def test_tense_near_matches_separate_scans() -> None:
    extra = ["Talks—due Thursday—were held;the envoys met,then left on Friday.",
             "He said:don't expect a deal,officials'll meet Tuesday,and talked Monday."]
    text = " ".join(SENTENCES + extra)
    for match in re.finditer(r"[A-Za-z0-9]+(?: [0-9]+)?", text):
        assert tense_near(text, *match.span()) == _reference_tense(text, *match.span())
