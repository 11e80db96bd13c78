"""Word tables for the timex tagger: number, unit and cue words.

Month, weekday and ordinal words are shared with the rest of the package and live in
:mod:`dateline.lexicon`; they are re-exported here for the tagger's modules.

Kept as immutable mappings so the tagger has no global mutable state; the regex
alternations in :mod:`patterns` are built from these tables once, at import time.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from dateline.lexicon import MONTHS, ORDINALS, WEEKDAYS

__all__ = ["MONTHS", "ORDINALS", "WEEKDAYS"]  # the shared tables, re-exported

# Month names that are also common words; accepted alone only after a temporal cue.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jun", "jan", "dec", "sep", "aug"})

SEASONS = MappingProxyType({
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
})

PARTS_OF_DAY = MappingProxyType({
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
})

UNITS = MappingProxyType({
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "2W",
    "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q",
    "weekend": "WE", "night": "D", "semester": "6M",
})
TIME_UNITS = frozenset({"second", "minute", "hour"})

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
NUMBER_WORDS = MappingProxyType({**_ONES, **_TENS, "a": 1, "an": 1, "a single": 1,
                                 "a dozen": 12, "dozen": 12, "a hundred": 100,
                                 "hundred": 100, "a couple of": 2, "couple of": 2,
                                 "a couple": 2, "a pair of": 2, "half a": 0.5})
VAGUE_NUMBERS = frozenset({"several", "few", "a few", "some", "many", "a number of",
                           "numerous", "a few more", "the few"})

DECADE_WORDS = MappingProxyType({
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
})

# Verbs and auxiliaries that place a clause in the future (or schedule it).
FUTURE_CUES = frozenset({
    "will", "'ll", "shall", "going", "scheduled", "expected", "expects", "expect", "plans",
    "plan", "planning", "due", "set", "upcoming", "coming", "next", "would",
    "intends", "hopes", "aims", "later", "slated", "tomorrow", "until", "till", "to",
    "won't", "wo", "begins", "starts", "opens", "ends", "resumes",
} | {"meet", "meets", "visits", "arrives", "convenes", "votes", "hosts", "faces",
     "travels", "leaves", "returns"})
# Future cues that only count when the sentence has no stronger evidence.
WEAK_FUTURE_CUES = frozenset({"to", "until", "till", "begins", "starts", "opens",
                              "ends", "resumes", "later",
                              # Present tense of a scheduling verb next to a weekday:
                              # "Arafat and Netanyahu meet separately Monday".
                              "meet", "meets", "visits", "arrives", "convenes", "votes",
                              "hosts", "faces", "travels", "leaves", "returns"})
PAST_IRREGULAR = frozenset({
    "said", "was", "were", "had", "did", "met", "made", "took", "told", "went", "came",
    "gave", "began", "found", "left", "held", "saw", "got", "won", "lost", "sent", "fell",
    "rose", "paid", "sold", "led", "ran", "hit", "kept", "brought", "thought", "bought",
    "spoke", "wrote", "struck", "broke", "chose", "drove", "flew", "knew", "grew", "threw",
    "became", "stood", "sat", "spent", "built", "felt", "heard", "meant", "shot", "fought",
    "ago", "earlier", "last", "yesterday", "quit", "cut", "shut", "hurt", "fled", "slid",
    "caught", "taught", "sought", "forgot", "rang", "sang", "swore", "tore", "wore", "woke",
    "withdrew", "overtook", "undertook", "arose", "bore", "dealt", "dug", "fed", "forgave",
    "froze", "hung", "laid", "lay", "lent", "lit", "oversaw", "rode", "sank", "shook",
    "slept", "sprang", "stole", "stuck", "swept", "swung", "understood", "upheld", "wept",
    "wound", "previously", "already", "been",
    # "-eed" past forms (the "-ed" rule skips "-eed" words such as "need", "exceed")
    "agreed", "disagreed", "freed", "guaranteed", "decreed",
})
NOT_PAST_ED = frozenset({
    "need", "red", "bed", "hundred", "indeed", "united", "limited", "based", "related",
    "proposed", "expected", "scheduled", "planned", "speed", "seed", "feed", "breed",
    "proceed", "exceed", "succeed", "alleged", "so-called", "advanced", "detailed",
    "supposed", "concerned", "interested", "experienced", "combined",
    "hundreds",
    "increased", "reduced", "armed", "embed", "shed", "wed", "fled",
})

FUTURE_DIRECTION = frozenset({"next", "coming", "upcoming", "following"})
PAST_DIRECTION = frozenset({"last", "past", "previous", "preceding", "recent", "latest"})

_NUM_SPLIT = re.compile(r"[\s-]+")


def parse_number(text: str) -> float | None:
    """Value of a number phrase ("twenty-four", "2 1/2", "two and a half"), None if vague."""
    words = text.lower().replace(",", "").strip()
    if words in VAGUE_NUMBERS:
        return None
    half = 0.0
    for suffix in (" and a half", " 1/2", "-and-a-half", " and one half", "1/2"):
        if words.endswith(suffix) and words != suffix.strip():
            words = words[: -len(suffix)].strip()
            half = 0.5
            break
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words] + half
    try:
        return float(words) + half
    except ValueError:
        pass
    total = 0.0
    current = 0.0
    for word in _NUM_SPLIT.split(words):
        if word in ("and", ""):
            continue
        if word in _ONES:
            current += _ONES[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif word in ("a", "an"):
            current += 1
        else:
            return None
    return total + current + half
