"""Tense cues around an expression: decides whether "Friday" is the past or coming one.

No POS tagger: the nearest auxiliary, scheduling word, irregular past form or "-ed"
verb in the same sentence wins, which is right for the common news patterns
("met on Wednesday", "will meet on Wednesday", "said on Friday it would ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import FUTURE_CUES, NOT_PAST_ED, PAST_IRREGULAR, WEAK_FUTURE_CUES

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_SENT_END = re.compile(r"[.!?]\s+(?=[\"'`(\[]*[A-Z])|\n\s*\n")
_WINDOW = 140

PAST = "past"
FUTURE = "future"


@lru_cache(maxsize=65536)
def _cue(word: str) -> tuple[str, bool] | None:
    """(direction, strong) for a cue word, None when the word says nothing about tense.

    Cached: it depends on the word alone, and the tense of every date in a long text
    reads the same few hundred words over and over.
    """
    lower = word.lower()
    if lower in FUTURE_CUES:
        return FUTURE, lower not in WEAK_FUTURE_CUES
    if lower.endswith("'ll"):
        return FUTURE, True
    if lower in PAST_IRREGULAR:
        return PAST, True
    if (len(lower) >= 5 and lower.endswith("ed") and not lower.endswith("eed")
            and word[0].islower() and lower not in NOT_PAST_ED):
        return PAST, True
    if lower in ("has", "have") :
        return PAST, False
    return None


# A period after these does not end a sentence when a capitalized word follows: titles
# before names ("Gen. Powell"), "vs. Wade", initials ("U.S. Trust", "George W. Bush"),
# and a.m./p.m. before a zone or a day ("4 a.m. EDT Thursday"). Company suffixes and
# state abbreviations are left out: "... Inc. The company" usually does end a sentence.
_NO_BREAK_AFTER = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "rev",
    "prof", "st", "vs", "mt", "ft", "adm", "cmdr", "maj", "pres", "messrs", "no",
})
_TOKEN_BEFORE = re.compile(r"([A-Za-z]+)\.?\Z")
_ZONE_OR_DAY = re.compile(r"(?:[ECMP][SD]T|GMT|UTC|Mon|Tue|Wed|Thu|Fri|Sat|Sun)", re.I)


def _is_break(text: str, match: re.Match[str]) -> bool:
    """False for a period that closes an abbreviation rather than a sentence."""
    if text[match.start()] != ".":
        return True
    token = _TOKEN_BEFORE.search(text, max(0, match.start() - 12), match.start())
    if token is None:
        return True
    word = token.group(1)
    if len(word) == 1 and word.isupper():
        return False  # an initial: "U.S. Trust", "W. Bush"
    lower = word.lower()
    if lower in _NO_BREAK_AFTER:
        return False
    if lower == "m" and text[max(0, match.start() - 3):match.start() - 1].lower() in (
            "a.", "p."):
        return not _ZONE_OR_DAY.match(text, match.end())
    return True


def sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The range ``sentence_bounds`` looks in: the sentence never reaches beyond it, and
    its edges fall after whitespace or on the window's, so text that is not in
    ``text[lo:hi]`` is not in the sentence either."""
    return max(0, start - _WINDOW), min(len(text), end + _WINDOW)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Approximate sentence around [start, end), limited to a window for bounded cost."""
    lo, hi = sentence_window(text, start, end)
    left = lo
    # Only the last true break before the span counts: test the candidates from the end.
    for match in reversed(list(_SENT_END.finditer(text, lo, start))):
        if _is_break(text, match):
            left = match.end()
            break
    right = hi
    for match in _SENT_END.finditer(text, end, hi):
        if _is_break(text, match):
            right = match.start() + 1
            break
    return left, right


_SOON_BEFORE = re.compile(r"(?i)\bas\s+(?:soon|early)\s+as\s+\Z")
_FALSE_FRIENDS = re.compile(r"(?i)(?:next|set)\s+(?:to|aside|up|off|out)\b|set\b")


_BE_PASSIVE = frozenset({"be", "been", "being", "is", "are", "am", "'s"})
_PERFECT = frozenset({"has", "have", "had"})
# Past auxiliaries that only report a plan ("was expected to", "were planning"): the
# following word decides, so the auxiliary itself is no cue.
_PLAN_WORDS = frozenset({"expected", "scheduled", "due", "set", "going", "planning",
                         "slated", "supposed", "planned", "poised", "to"})
_PAST_AUX = frozenset({"was", "were"})
_PRESENT_AUX = frozenset({"is", "are", "am"})
_WEAK_REACH = 50
_PLAN_NOUNS = frozenset({"plan", "plans"})
# After these an "-ed" word is an adjective, not a past verb.
_ADJ_BEFORE = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "this",
                         "that", "these", "those", "still", "very", "more", "most", "less",
                         "newly", "recently", "so-called", "long"})


@lru_cache(maxsize=65536)
def _may_cue(word: str) -> bool:
    """Whether ``_group_cue`` can return anything for this word, whatever its neighbours:
    it is a cue itself, or an auxiliary or scheduling word read with the next words."""
    lower = word.lower()
    return _cue(word) is not None or lower in _PLAN_WORDS or lower in _PRESENT_AUX


def _group_cue(words: list[str], index: int) -> tuple[str, bool, int] | None:
    """(direction, strong, weight) of word ``index`` read with its neighbours.

    A light verb-group reading instead of a POS tagger: passive and perfect participles
    defer to their auxiliary ("would be paid" is future, "is being traded" present),
    "was expected to" / "is to" announce a future, "plans" counts only as "plans to",
    and bare "-ed" forms weigh less than auxiliaries (they are often adjectives:
    "markets untouched by", "the planned merger").
    """
    word = words[index]
    lower = word.lower()
    prev = words[index - 1].lower() if index else ""
    nxt = words[index + 1].lower() if index + 1 < len(words) else ""
    if lower in _PLAN_WORDS and prev == "been" and nxt == "to" and index >= 2 \
            and words[index - 2].lower() == "had":
        # "had been scheduled to expire Friday": a plan already overtaken (it was
        # changed, or its time has passed), so the time it names lies behind us.
        return PAST, True, 3
    if lower in _PAST_AUX and nxt in _PLAN_WORDS:
        return None  # "was expected to": the scheduling word decides
    if lower in _PRESENT_AUX and nxt == "to":
        return FUTURE, True, 3
    if lower in _PLAN_NOUNS and nxt != "to":
        return None
    cue = _cue(word)
    if cue is None:
        return None
    direction, strong = cue
    if direction == PAST and prev in _BE_PASSIVE and lower not in ("been", "being"):
        return None  # a passive participle: the auxiliary before it carries the tense
    if direction == PAST and prev in _ADJ_BEFORE and lower.endswith("ed") \
            and lower not in PAST_IRREGULAR:
        return None  # "a still unspecified date", "the troubled region": an adjective
    if direction == PAST and lower.endswith("ed") and lower not in PAST_IRREGULAR:
        return direction, strong, 3 if prev in _PERFECT else 4
    if lower == "would" and prev == "said":
        return direction, strong, 3
    return direction, strong, 3


_AHEAD_BEFORE = re.compile(
    r"(?i)\b(?:ahead\s+of|(?:in\s+)?the\s+run-?up\s+to|in\s+advance\s+of"
    r"|in\s+preparation\s+for|in\s+time\s+for)\s+(?:the\s+|this\s+)?\Z")
_EFFECTIVE_BEFORE = re.compile(r"(?i)\b(?:effective|takes?\s+effect)\s+(?:on\s+)?\Z")
# A deadline moved by a past-tense verb lies ahead: "extended its deadline until 9 a.m.
# Tuesday", "postponed until Tuesday morning", "gave Merieux until mid-November".
_POSTPONED_BEFORE = re.compile(
    r"(?i)\b(?:extend(?:s|ed|ing)?|postpon(?:e|es|ed|ing)|delay(?:s|ed|ing)?|defer(?:s|red)?"
    r"|adjourn(?:s|ed)?|recess(?:ed)?|put\s+off|pushed\s+back|gave|given|giving"
    r"|reschedul(?:e|es|ed))\b[^.;:!?]{0,60}?\b(?:until|till|through|to)\s+(?:at\s+)?"
    r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?|noon|midnight)\s+(?:[ECMP][SD]T\s+)?)?\Z")
_SINCE_BEFORE = re.compile(r"(?i)\b(?:since|ever\s+since)\s+(?:(?:early|late|mid)[\s-]+)?\Z")


def _cue_before(text: str, start: int) -> str | None:
    """PAST or FUTURE when the words right before the span settle its tense, else None."""
    if _SOON_BEFORE.search(text, max(0, start - 16), start):
        return FUTURE  # "as soon as Tuesday"
    if _SINCE_BEFORE.search(text, max(0, start - 20), start):
        return PAST  # "since March": a time before the clause's reference point
    if _EFFECTIVE_BEFORE.search(text, max(0, start - 24), start):
        return FUTURE  # "a pact effective June 1": the date it takes effect
    if _AHEAD_BEFORE.search(text, max(0, start - 40), start):
        return FUTURE  # "in the run-up to Sunday's elections", "ahead of the weekend"
    if _POSTPONED_BEFORE.search(text, max(0, start - 90), start):
        return FUTURE  # "postponed until Tuesday", "extended the offer until Nov. 9"
    return None


@lru_cache(maxsize=65536)
def _may_cue_future(word: str) -> bool:
    """Whether ``_group_cue`` can read this word as FUTURE, whatever its neighbours: a
    future cue itself, or "is"/"are"/"am" (read as future before "to")."""
    cue = _cue(word)
    return (cue is not None and cue[0] == FUTURE) or word.lower() in _PRESENT_AUX


def reads_future(text: str, start: int, end: int) -> bool:
    """Whether ``tense_near`` reads the span as FUTURE. Cheaper on most sentences: one
    with no word that can give a future cue is never read word by word."""
    before = _cue_before(text, start)
    if before is not None:
        return before == FUTURE
    if not any(_may_cue_future(word) for word in _WORD.findall(text, *sentence_window(
            text, start, end))):
        return False  # no such word in the window, so none in the sentence
    left, right = sentence_bounds(text, start, end)
    if not any(_may_cue_future(word) for word in _WORD.findall(text, left, right)):
        return False
    return _tense_in(text, start, end, left, right) == FUTURE


def tense_near(text: str, start: int, end: int) -> str | None:
    """PAST, FUTURE or None from the cue word nearest to the span within its sentence."""
    before = _cue_before(text, start)
    if before is not None:
        return before
    left, right = sentence_bounds(text, start, end)
    return _tense_in(text, start, end, left, right)


def _tense_in(text: str, start: int, end: int, left: int, right: int) -> str | None:
    """The nearest cue's reading within the sentence [left, right) around the span."""
    # A cue inside the expression's own clause ("talks, due in Geneva on Thursday,
    # failed") speaks for it before any cue elsewhere in the sentence.
    clause_left = max(left, *(text.rfind(p, left, start) + 1 for p in ",;—"))
    clause_right = min([right] + [i for i in (text.find(p, end, right) for p in ",;—")
                                  if i != -1])
    # One scan of the sentence serves both readings: no word contains a clause
    # delimiter, so the clause's words are exactly the sentence's words between them.
    matches = [m for m in _WORD.finditer(text, left, right)
               if not start <= m.start() < end]
    clause = [m for m in matches if m.start() >= clause_left and m.end() <= clause_right]
    inside = _nearest_in(text, start, end, clause, strong_only=True)
    if inside is not None:
        return inside
    return _nearest_in(text, start, end, matches)


def _nearest_cue(text: str, start: int, end: int, left: int, right: int,
                 strong_only: bool = False) -> str | None:
    """The direction of the nearest cue among the words of [left, right) outside the span."""
    matches = [m for m in _WORD.finditer(text, left, right)
               if not start <= m.start() < end]
    return _nearest_in(text, start, end, matches, strong_only)


def _nearest_in(text: str, start: int, end: int, matches: list[re.Match[str]],
                strong_only: bool = False) -> str | None:
    words = [m.group() for m in matches]
    best: tuple[int, str] | None = None
    weak: tuple[int, str] | None = None
    for index, match in enumerate(matches):
        if not _may_cue(words[index]):
            continue  # most words: _group_cue would say None (cheap pre-filter)
        group = _group_cue(words, index)
        if group is None:
            continue
        if match.group() in ("next", "set") and _FALSE_FRIENDS.match(text, match.start()):
            follow = text[match.end():match.end() + 4].lower()
            if not (match.group() == "set" and follow.startswith(" to")):
                continue
        distance = start - match.end() if match.end() <= start else match.start() - end
        # Cues before the expression are the verb it usually modifies; weigh them closer.
        if match.end() <= start:
            distance = distance * 2 // 3
        direction, strong, weight = group
        distance = distance * weight // 3
        if strong and (best is None or distance < best[0]):
            best = (distance, direction)
        elif not strong and distance <= _WEAK_REACH and (weak is None or distance < weak[0]):
            weak = (distance, direction)
    if best is not None:
        return best[1]
    return weak[1] if weak and not strong_only else None
