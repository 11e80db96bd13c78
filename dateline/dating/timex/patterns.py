"""Compiled regular expressions for every family of temporal expression.

Built once from :mod:`lexicon` at import time. Every pattern is linear: alternations of
literal words and bounded repetitions only, so matching costs bounded time per character.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from dateline.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    alternation,
)

from .lexicon import ORDINALS

_FULL_MONTHS = [m.capitalize() for m in MONTH_NAMES]
_ABBR_MONTHS = [m.capitalize() for m in MONTH_ABBREVIATIONS]
MON = ("(?:" + alternation(_FULL_MONTHS + [m.upper() for m in _FULL_MONTHS]) + "|(?:"
       + alternation(_ABBR_MONTHS + [m.upper() for m in _ABBR_MONTHS]) + r")\.?)(?![A-Za-z])")
_DAYS = [d.capitalize() for d in WEEKDAY_NAMES]
WD = "(?:" + alternation(_DAYS + [d.upper() for d in _DAYS]) + ")"
WD_ABBR = "(?:" + alternation(d.capitalize() for d in WEEKDAY_ABBREVIATIONS) + r")\."

_NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
         r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
         r"|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and\s+\w+)?"
         r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
         r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a\s+dozen|dozen"
         r"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|several|few|some|many|a\s+number\s+of"
         r"|half\s+a|an|a)")
NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d{1,6}(?:\.\d+)?(?:\s+1/2)?|" + _NUMW
       + r"(?:\s+and\s+(?:a\s+)?half)?)")
UNIT = (r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|years?"
        r"|decades?|centuries|century|quarters?)")
ORD = alternation(list(ORDINALS))
SEASON = r"(?:spring|summer|fall|autumn|winter)"

FLAGS = re.IGNORECASE

_RULES_TABLE: dict[str, re.Pattern[str]] = {
    "iso": re.compile(
        r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
        r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?(?![\w-])"),
    "slash": re.compile(
        r"(?<![\w./-])(?P<m>\d{1,2})(?P<sep>[/.-])(?P<d>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
        r"(?![\w/-]|\.\d)"),
    "compact": re.compile(
        r"(?<![\w.$-])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\w.-])"),
    "monthdate": re.compile(
        rf"(?<!\w)(?:(?P<wd>{WD}|{WD_ABBR}),?\s+)?"
        r"(?:(?P<mrel>(?i:last|this|next|this\s+past|this\s+coming|past|coming))\s+)?"
        rf"(?:(?:(?i:the)\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?)?"
        rf"(?P<mon>{MON})"
        r"(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?![.,]\d))?"
        r"(?:,?\s+(?:(?i:of)\s+)?(?P<yr>\d{4}|'\d{2})(?![\w%])(?!,\d)"
        r"|\s+(?P<ry>(?i:this|last|next))\s+(?i:year)\b)?"),
    "year": re.compile(
        r"(?<![\w$£€#.,/:])(?<!\d-)(?P<yr>1\d\d\d|20\d\d)(?![\w%/:]|,\d|\.\d|-\d\d\d)"),
    "decade": re.compile(
        r"(?<![\w-])(?:(?P<the>[Tt]he)\s+)?(?:(?P<dm>early|mid|late|Early|Mid|Late)[- ]?)?"
        r"(?:(?P<c>1\d|20)(?P<d>\d)0'?s|'(?P<d2>\d)0'?s"
        r"|(?P<dw>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))"
        r"(?!\w)"),
    "century": re.compile(
        rf"\b(?:the\s+)?(?:(?P<dm>early|mid|late)[- ])?(?P<ord>{ORD})[- ]century\b", FLAGS),
    "fiscal": re.compile(
        r"\b(?:fiscal(?:\s+year)?\s+(?P<yr>\d{4}|'\d{2})|FY\s?(?P<yr2>\d{4}|\d{2}))(?![\w-])",
        FLAGS),
    "quarter": re.compile(
        r"\b(?:the\s+|(?P<ryq>this|last|next)\s+year's\s+)?(?:(?P<y1>\d{4})\s+)?"
        r"(?:fiscal[\s-]+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:(?:fiscal|calendar)[- ])?"
        r"quarter(?!s)(?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?"
        r"(?:(?P<y2>\d{4})|(?P<rel>this|last|next|the\s+previous|the\s+current)"
        r"\s+(?:fiscal\s+)?year))?\b"
        r"|\b(?P<qq>Q[1-4])(?:\s+(?P<y3>\d{4}))?\b", FLAGS),
    "thequarter": re.compile(
        r"\b(?:the|this|that)\s+(?:(?P<adj>latest|most\s+recent|recent|current|same|just-ended"
        r"|past|previous|prior|last|latest\s+fiscal|comparable)\s+)?quarter\b"
        r"|\b(?:the|that)\s+(?P<padj>latest|same|comparable|just-ended)\s+period\b", FLAGS),
    "half": re.compile(
        r"\b(?:the\s+)?(?P<ord>first|second|1st|2nd|last|latter)(?P<hy>[- ])half"
        r"(?:\s+of\s+(?:the\s+)?(?:(?:fiscal\s+)?(?P<y>\d{4})|(?P<rel>this|last|next)\s+year"
        r"|(?P<ty>the\s+year)))?\b", FLAGS),
    "season": re.compile(
        rf"\b(?:(?P<rel>last|this|next|past|coming|the|this\s+past|this\s+coming)\s+)?"
        rf"(?P<s>{SEASON})"
        r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b", FLAGS),
    "rel": re.compile(
        r"\b(?:(?P<pre>earlier|later|early|late)(?:\s+in)?\s+)?(?:(?P<the>the)\s+)?"
        r"(?P<rel>last|this|next|past|coming|previous|following|current|preceding|same"
        r"|upcoming|prior)\s+(?P<u>week|weekend|month|year|quarter|decade|century|day|night"
        r"|morning|afternoon|evening|fiscal\s+year)\b", FLAGS),
    "theyear": re.compile(r"\b(?:(?P<pre>earlier|later)\s+in\s+)?the\s+(?:(?P<adj>full|fiscal)\s+)?"
                          r"(?P<u>year)\b(?!-)", FLAGS),
    "ago": re.compile(
        rf"\b(?:(?P<num>{NUM})[\s-]+)?(?P<u>{UNIT})(?P<orso>\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|later|from\s+now|hence|previously|back)\b", FLAGS),
    "duration": re.compile(
        r"\b(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|first|final|previous|coming"
        r"|following|latest|remaining|initial|ensuing|preceding|other|entire|whole|full|same"
        rf"|recent|succeeding)\s+)?(?P<num>{NUM})[\s-]+"
        r"(?:(?:more|further|additional|full|straight|consecutive|long|short|extra|trading"
        r"|business|working|school|calendar)[\s-]+)?"
        rf"(?P<u>{UNIT})(?P<andhalf>\s+and\s+a\s+half\b)?(?P<adj>[- ](?:long|old))?\b",
        FLAGS),
    "recent": re.compile(
        r"\b(?:(?P<the>the)\s+)?(?:most\s+)?(?P<rel>recent|coming|past|next|last|previous|ensuing)"
        r"\s+(?P<u>years|months|weeks|days|decades|hours|quarters)\b", FLAGS),
    "plural": re.compile(r"\b(?P<u>years|months|weeks|days|decades|hours|minutes|centuries)\b",
                         FLAGS),
    "weekday": re.compile(
        r"(?<!\w)(?:(?P<rel>(?i:last|this|next|coming|past|the\s+previous|the\s+following"
        r"|this\s+coming|this\s+past))\s+)?" + rf"(?P<wd>{WD})(?P<pl>s)?"
        r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night|overnight))(?P<pods>s)?)?(?!\w)"),
    "deictic": re.compile(
        r"\b(?P<w>today|tonight|yesterday|tomorrow|now|nowadays|currently|presently|recently"
        r"|lately|these\s+days|right\s+now|current|recent"
        r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?\b(?!-)", FLAGS),
    # "by mid afternoon", "at mid-afternoon yesterday": a stretch of the DCT's day (or
    # of the day named right after it).
    "podmod": re.compile(
        r"(?<![\w-])(?P<m>early|mid|late)[- ]?(?P<pod>morning|afternoon|evening)"
        r"(?:\s+(?P<day>yesterday|today|tomorrow))?\b(?!-)", FLAGS),
    "ref": re.compile(
        r"\b(?P<the>the)\s+(?:(?P<adj>near|distant|recent|immediate|foreseeable|not-too-distant"
        r"|indefinite|very\s+recent)\s+)?(?P<w>past|future)\b(?!\s+(?:tense|perfect))", FLAGS),
    "clock": re.compile(
        r"(?<![\w:.$])(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*"
        r"(?P<ap>[ap]\.\s?m\.|[ap]\.m\b|[ap]m\b|[AP]M\b|[AP]\.M\.)"
        r"|(?P<h2>\d{1,2}):(?P<mi2>\d{2})(?![\d:]|\.\d)|(?P<noon>noon|midnight))"
        r"(?:\s+(?P<tz>(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST))\b)?", FLAGS),
    "set": re.compile(
        rf"\b(?:(?P<q>every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{NUM})\s+)?"
        rf"(?P<u>{UNIT}|{SEASON}|morning|afternoon|evening|night|{alternation(WEEKDAY_NAMES)})s?"
        r"|(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly)"
        rf"|(?P<times>once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|each|every)\s+"
        rf"(?P<u2>{UNIT}))\b", FLAGS),
    "yearearlier": re.compile(
        r"\b(?:the\s+)?(?:comparable\s+|same\s+)?year-(?:earlier|ago)"
        r"(?:\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?P<q>quarter|period))?\b", FLAGS),
    "spelled": re.compile(
        rf"\b(?:(?P<yr>the\s+year)\s+|(?P<mon>{alternation(_FULL_MONTHS)})\s+|(?:the\s+)?(?P<s>spring|summer"
        r"|fall|autumn|winter)\s+of\s+)?(?:nineteen[\s-]+(?P<t>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-]+(?P<o>one|two|three|four|five|six|seven|eight|nine))?\b"
        r"|\b(?P<tt>two\s+thousand)(?:\s+and)?(?:\s+(?P<o2>one|two|three|four|five|six|seven"
        r"|eight|nine|ten))?\b)", FLAGS),
    "holiday": re.compile(
        r"\b(?:(?P<rel>last|this|next)\s+)?(?P<h>Christmas\s+Eve|Christmas(?:\s+Day)?"
        r"|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|Halloween|Valentine's\s+Day"
        r"|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Veterans\s+Day"
        r"|Boxing\s+Day)(?!\w)"),
    "yearend": re.compile(r"\b(?:year[- ]end|year's\s+end)\b", FLAGS),
    "weekend": re.compile(r"\b(?:the|that)\s+weekend\b", FLAGS),
    # Anaphoric "that day", "later that year", "earlier that month": the last date named.
    "thatunit": re.compile(
        r"\b(?:(?P<pre>earlier|later|early|late)\s+(?:in\s+)?)?that\s+(?P<u>day|week|month|year)\b"
        r"(?!-|\s+(?:of|when|after|before|which|that)\b)", FLAGS),
    "term": re.compile(r"\bthe\s+(?P<w>near|short|long)\s+term\b"
                       r"(?=\s*[,.;:)!?'\"`]|\s*\Z|\s+(?:and|but|or|as|because|if|while|to|in|at"
                       r"|for|with|than|when|until|though|although)\b)", FLAGS),
    "weekof": re.compile(rf"\b(?:the\s+)?week\s+of\s+(?P<mon>{MON})\s+(?P<d>\d{{1,2}})"
                         r"(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<yr>\d{4})(?!\d))?", FLAGS),
    # Earnings comparisons: "the 1988 quarter", "last year's quarter", "the same period
    # last year", "the quarter a year ago": the reported quarter, shifted to that year.
    "yearquarter": re.compile(
        r"\b(?:the\s+(?P<y>(?:19|20)\d\d)\s+(?:(?:fiscal\s+)?(?P<q>quarter|period))"
        r"|(?P<ly>last|this|next)\s+year's\s+(?:(?:third|fourth|first|second)\s+)?"
        r"(?:comparable\s+|same\s+|corresponding\s+)?(?P<q2>quarter|period)"
        r"|the\s+(?:same\s+|corresponding\s+|comparable\s+)?(?P<q3>quarter|period)\s+"
        r"(?:of\s+|in\s+)?(?:(?P<ly2>last)\s+year|a\s+year\s+(?:ago|earlier)))\b", FLAGS),
}

# Modifier words that extend a span to the left, and the TimeML mod they carry.
PREFIX = re.compile(
    r"(?:(?<![\w-])(?P<w>early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|close|turn)\s+of"
    r"|about|around|approximately|roughly|some|nearly|almost|more\s+than|over|less\s+than"
    r"|under|at\s+least|up\s+to|no\s+more\s+than|no\s+less\s+than|within|fewer\s+than"
    r"|just\s+over|just\s+under|well\s+over|as\s+(?:many|much|long)\s+as)(?:\s+|-))\Z", FLAGS)
_PREFIX_MOD_TABLE = {
    "early": "START", "late": "END", "mid": "MID", "earlier": "START", "later": "END",
    "the end of": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID",
    "the close of": "END", "the turn of": "START", "about": "APPROX", "around": "APPROX",
    "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "no less than": "EQUAL_OR_MORE", "within": "EQUAL_OR_LESS", "fewer than": "LESS_THAN",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "well over": "MORE_THAN",
    "as many as": "EQUAL_OR_LESS", "as much as": "EQUAL_OR_LESS",
    "as long as": "EQUAL_OR_LESS",
}
POINT_PREFIXES = frozenset({"early", "late", "mid", "earlier", "later", "the end of",
                            "the beginning of",
                            "the start of", "the middle of", "the close of", "the turn of"})
NUMERIC_ONLY_PREFIXES = frozenset({"some", "over", "under", "within", "just over",
                                   "just under", "well over", "as many as", "as much as",
                                   "as long as", "up to"})
NUMBER_START = re.compile(rf"(?:{NUM})\b", FLAGS)
# The word before a position, matched at the start of the reversed text before it (as
# ``([A-Za-z]+)[\s,]*\Z`` would be found by a search, which tries every start position).
WORD_BEFORE_REVERSED = re.compile(r"[\s,]*([A-Za-z]+)")
WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")

# Rules whose matches always contain a cheap trigger: they only run in a window around
# each trigger (chars before, chars after), which keeps tagging fast on long texts.
# Triggers are lower-case patterns run over the lower-cased text (no IGNORECASE cost).
_UNIT_TRIGGER = (r"\b(?:second|minute|hour|day|week|fortnight|month|year|decade|centur"
                 r"|quarter)")
_MONTH_TRIGGER = r"\b(?:" + alternation(m[:3] for m in MONTH_NAMES) + ")"
_TRIGGER_SOURCES_TABLE: dict[str, tuple[str, int, int]] = {
    "ago": (r"\b(?:ago|earlier|later|from\s+now|hence|back|previously)\b", 90, 2),
    "duration": (_UNIT_TRIGGER, 60, 16),
    "set": (r"\b(?:every|each|per|daily|weekly|monthly|yearly|hourly|nightly|biweekly|once"
            r"|twice|thrice|times)\b", 40, 60),
    "decade": (r"0'?s\b|ties\b", 20, 5),
    "century": (r"centur", 40, 10),
    "quarter": (r"quarter|\bq[1-4]\b", 40, 40),
    "rel": (r"\b(?:second|minute|hour|day|week|fortnight|month|year|decade|centur|quarter"
            r"|morning|afternoon|evening|night)", 40, 20),
    "recent": (r"\b(?:years|months|weeks|days|decades|hours|quarters)\b", 30, 1),
    "season": (r"spring|summer|fall|autumn|winter", 20, 20),
    "half": (r"half", 20, 40),
    "monthdate": (_MONTH_TRIGGER, 40, 24),
    "weekday": (r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", 30, 24),
    "theyear": (r"\byear\b", 20, 2),
}
_TRIGGERS_TABLE: dict[str, tuple[re.Pattern[str], int, int]] = {
    name: (re.compile(source), before, after)
    for name, (source, before, after) in _TRIGGER_SOURCES_TABLE.items()
}
_TRIGGERS_ANYCASE_TABLE: dict[str, tuple[re.Pattern[str], int, int]] = {
    name: (re.compile(source, re.IGNORECASE), before, after)
    for name, (source, before, after) in _TRIGGER_SOURCES_TABLE.items()
}

_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year",
               "decade", "centur", "quarter")
_PLURALS = ("years", "months", "weeks", "days", "decades", "hours", "minutes", "centuries")
# A rule can only match if one of these substrings occurs in the lower-cased text; the
# check is a C-level substring search, far cheaper than scanning with the rule itself.
_GATES_TABLE: dict[str, tuple[str, ...]] = {
    "fiscal": ("fiscal", "fy"),
    "century": ("centur",),
    "decade": ("0s", "0's", "ties"),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "thequarter": ("quarter", "period"),
    "half": ("half",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "theyear": ("year",),
    "ago": ("ago", "earlier", "later", "now", "hence", "back", "previously"),
    "recent": _PLURALS + ("quarters",),
    "plural": _PLURALS,
    "ref": ("past", "future"),
    "set": ("every", "each", "per", "daily", "weekly", "monthly", "yearly", "hourly",
            "nightly", "once", "twice", "thrice", "times"),
    "yearearlier": ("year-",),
    "yearend": ("year",),
    "weekend": ("weekend",),
    "spelled": ("nineteen", "thousand"),
    "thatunit": ("that day", "that week", "that month", "that year"),
    "term": (" term",),
    "weekof": ("week of",),
    "yearquarter": ("quarter", "period"),
    "holiday": ("christmas", "year's", "independence", "halloween", "valentine",
                "thanksgiving", "labor", "memorial", "veterans", "boxing"),
    "deictic": ("today", "tonight", "yesterday", "tomorrow", "now", "current", "presently",
                "recent", "lately", "these"),
    "weekday": ("day",),
    "podmod": ("morning", "afternoon", "evening"),
    "duration": _UNIT_WORDS,
    "rel": _UNIT_WORDS + ("morning", "afternoon", "evening", "night"),
    "clock": (":", "m.", "am", "pm", "noon", "midnight", "a.m", "p.m"),
    "iso": ("-",),
}

# Read-only views: the tables are constants shared by every call.
RULES: Mapping = MappingProxyType(_RULES_TABLE)
PREFIX_MOD: Mapping = MappingProxyType(_PREFIX_MOD_TABLE)
TRIGGER_SOURCES: Mapping = MappingProxyType(_TRIGGER_SOURCES_TABLE)
TRIGGERS: Mapping = MappingProxyType(_TRIGGERS_TABLE)
TRIGGERS_ANYCASE: Mapping = MappingProxyType(_TRIGGERS_ANYCASE_TABLE)
GATES: Mapping = MappingProxyType(_GATES_TABLE)
