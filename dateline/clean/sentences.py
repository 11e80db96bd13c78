"""Rule-based sentence splitting for news prose.

A statistical parser would be several times slower than the whole rest of the pipeline;
news sentences end in a handful of predictable ways, and the traps (abbreviations,
initials, decimals, quotes) are few enough to list.
"""

from __future__ import annotations

import re

from dateline.lexicon import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS, WIRE_AGENCY_DASH_RE
from dateline.model import Sentence

# Words that end with a period without ending the sentence when a capital follows.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon
    pres supt insp det cpl pvt maj brig no nos vol vs etc inc ltd co corp bros
    dept univ approx est fig al ave blvd rd a.m p.m u.s u.k u.n e.u d.c n.y l.a i.e e.g""".split()
) | frozenset(MONTH_ABBREVIATIONS) | frozenset(WEEKDAY_ABBREVIATIONS)

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"""([.!?…]+)(["'”’)\]]*)(\s+)""")
# The word before a period, matched at the start of the reversed chunk (a search for a
# run anchored at the end would try every start position of the chunk). An apostrophe
# belongs to the word: "A380's." ends a sentence, "s." would not.
_WORD_CHARS = re.compile(r"[\w.\-'’]+")
_DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]")
# "in the capital.The minister": a full stop glued to the next sentence by a lost space
# or line break. Two lower-case letters before it rule out initials and "U.S.".
_GLUED = re.compile(r"(?<=[a-z][a-z])([.!?])(?=[A-Z][a-z])")


def _ends_with_abbreviation(chunk: str) -> bool:
    """Whether the word that ends ``chunk`` (a text ending with its period) is an
    abbreviation or an initial, after which a period does not end the sentence."""
    match = _WORD_CHARS.match(chunk[::-1])
    if not match:
        return False
    word = chunk[len(chunk) - match.end():].lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # Single initials ("John F. Kennedy") and dotted acronyms ("U.S.") keep going.
    return len(word) == 1 and word.isalpha() or bool(_DOTTED_ACRONYM.fullmatch(word))


def _split_paragraph(text: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end(2)
        following = text[match.end():match.end() + 1]
        if not following:
            continue
        # A new sentence starts with a capital, a digit or an opening quote/bracket.
        if not (following.isupper() or following.isdigit() or following in "\"'“‘([—-"):
            continue
        if match.group(1) == "." and _ends_with_abbreviation(text[start:match.start()] + "."):
            # "Mr. Smith" never ends a sentence; "in the U.S. The" usually does, but the
            # cost of a missed split (one longer sentence) is lower than a wrong one.
            continue
        spans.append((offset + start, offset + end))
        start = match.end()
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return [piece for span in spans for piece in _split_glued(text, offset, span)]


def _split_glued(text: str, offset: int, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    pieces = []
    for match in _GLUED.finditer(text, start - offset, end - offset):
        if _ends_with_abbreviation(text[start - offset:match.start()] + "."):
            continue
        pieces.append((start, offset + match.end()))
        start = offset + match.end()
    pieces.append((start, end))
    return [piece for span in pieces for piece in _split_dateline(text, offset, span)]


def is_wire_dateline(sentence: str) -> bool:
    """The piece ``split_sentences`` cuts off before a story's first sentence
    ("ATHENS, March 11 (Reuters) -"): a place and an agency, no sentence."""
    match = WIRE_AGENCY_DASH_RE.search(sentence + " A")
    return match is not None and match.end() == len(sentence) + 1


def _split_dateline(text: str, offset: int, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` cut after a wire dateline inside it (the dateline keeps its dash)."""
    start, end = span
    match = WIRE_AGENCY_DASH_RE.search(text, start - offset, end - offset)
    if match is None or offset + match.end() >= end:
        return [span]
    dash_end = offset + match.start() + len(match.group().rstrip())
    return [(start, dash_end), (offset + match.end(), end)]


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets slice ``text`` exactly.

    Paragraph breaks and single line breaks (lines of copied web text) always end a
    sentence; inside a line, terminal punctuation followed by a capital does.
    """
    sentences: list[Sentence] = []
    for line_match in re.finditer(r"[^\n]+", text):
        line = line_match.group()
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        for start, end in _split_paragraph(line[lead:], line_match.start() + lead):
            chunk = text[start:end]
            if chunk.strip():
                sentences.append(Sentence(len(sentences), start, end, chunk))
    return sentences
