"""English word lists that several stages share: one home for each.

Month and weekday names, ordinals, reporting verbs, stop words, corporate suffixes, the
headings that open page furniture (teasers of other stories, reader comments), comment
signatures and the words of date stamps (time zones, "last updated") were
written again in the cleaner, the publication dater, the timex tagger, event grouping,
quotes, titles and the evaluators, and the copies had drifted. Modules take their lists
from here and only add what is truly their own (a tagger's cue words, a scorer's
domain filler); :func:`alternation` turns a list into a regex alternation.

This module sits at the bottom of the package: it imports nothing from ``dateline``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import MappingProxyType

__all__ = [
    "MONTH_NAMES", "MONTH_ABBREVIATIONS", "MONTHS", "WEEKDAY_NAMES", "WEEKDAY_ABBREVIATIONS",
    "WEEKDAYS", "ORDINALS", "ORDINAL_WORDS", "REPORTING_VERBS", "reporting_forms",
    "STOP_WORDS", "CORPORATE_SUFFIXES", "DESCRIPTION_HEADS", "COMPANY_WORDS", "CARRIER_WORDS",
    "BRAND_HEADS", "GENERIC_FIRST_WORDS", "NAME_PARTICLES", "TEASER_HEADING_RE",
    "COMMENT_HEADING_RE", "COMMENT_SIGNATURE_RE", "is_furniture_heading", "DATELINE_PREFIX_RE",
    "WIRE_AGENCY_DASH_RE", "ENTRY_STAMP_RE", "TIME_ZONES", "STAMP_LABELS", "STAMP_WORDS",
    "VIDEO_TEASER_RE", "PHOTO_AGENCIES", "PHOTO_CREDIT_RE", "alternation",
]


def alternation(words: Iterable[str], escape: bool = True) -> str:
    """``a|b|c`` with the longest words first, so a regex prefers "Sept" to "Sep"."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) if escape else w for w in unique)


# ---------------------------------------------------------------------------
# Calendar words

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
MONTH_ABBREVIATIONS = MappingProxyType({
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
})
# Every lower-case month word (full name or abbreviation) -> month number.
MONTHS = MappingProxyType({**{name: i for i, name in enumerate(MONTH_NAMES, 1)},
                           **MONTH_ABBREVIATIONS})

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
                         "sun")
# ISO weekday numbers: Monday is 1.
WEEKDAYS = MappingProxyType({name: i for i, name in enumerate(WEEKDAY_NAMES, 1)})

ORDINAL_WORDS = MappingProxyType({
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
})


def _numeral(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# Ordinal words and numerals ("third", "3rd") -> number.
ORDINALS = MappingProxyType({**ORDINAL_WORDS, **{_numeral(n): n for n in range(1, 22)}})

# ---------------------------------------------------------------------------
# Reporting verbs: lemma -> its forms (base, third person, past, gerund).

REPORTING_VERBS = MappingProxyType({
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("add", "adds", "added", "adding"),
    "ask": ("ask", "asks", "asked", "asking"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "state": ("state", "states", "stated", "stating"),
    "report": ("report", "reports", "reported", "reporting"),
    "reveal": ("reveal", "reveals", "revealed", "revealing"),
    "disclose": ("disclose", "discloses", "disclosed", "disclosing"),
    "warn": ("warn", "warns", "warned", "warning"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "promise": ("promise", "promises", "promised", "promising"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "reply": ("reply", "replies", "replied", "replying"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "write": ("write", "writes", "wrote", "writing"),
    "note": ("note", "notes", "noted", "noting"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "respond": ("respond", "responds", "responded", "responding"),
    "remark": ("remark", "remarks", "remarked", "remarking"),
    "urge": ("urge", "urges", "urged", "urging"),
    "continue": ("continue", "continues", "continued", "continuing"),
    "caution": ("caution", "cautions", "cautioned", "cautioning"),
    "complain": ("complain", "complains", "complained", "complaining"),
    "counter": ("counter", "counters", "countered", "countering"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "comment": ("comment", "comments", "commented", "commenting"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "enthuse": ("enthuse", "enthuses", "enthused", "enthusing"),
})
_FORM_INDEX = {"base": 0, "present": 1, "past": 2, "gerund": 3}


def reporting_forms(*lemmas: str, forms: Iterable[str] = ("base", "present", "past",
                                                           "gerund")) -> frozenset[str]:
    """The chosen forms ("base", "present", "past", "gerund") of reporting verbs.

    With no lemma, every verb of :data:`REPORTING_VERBS`. A module asks for the verbs
    its rule is about (a title cuts "..., officials said"; a quote is attributed by any
    of them) and for the forms that cannot be read as nouns in its context.
    """
    chosen = lemmas or tuple(REPORTING_VERBS)
    index = [_FORM_INDEX[f] for f in forms]
    return frozenset(REPORTING_VERBS[lemma][i] for lemma in chosen for i in index)


# ---------------------------------------------------------------------------
# Stop words: English function words plus the reporting words every news text repeats.
# The line model (clean/linemodel.json) was fitted with this list as a feature.

STOP_WORDS = frozenset(
    "a about above after again against all also am an and any are as at be because been "
    "before being below between both but by can could did do does doing down during each few "
    "for from further had has have having he her here hers herself him himself his how i if "
    "in into is it its itself just last me more most my myself no nor not now of off on "
    "once only or other our ours out over own same she should since so some such than that "
    "the their theirs them then there these they this those through to too under until up "
    "very was we were what when where which while who whom why will with would you your "
    "said says told".split())

# Words that end a company's name without naming it ("Airbus SE", "Acme Corp.").
CORPORATE_SUFFIXES = ("inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
                      "limited", "plc", "llc", "ag", "sa", "se", "nv", "n.v", "gmbh", "group",
                      "holdings")

# Head nouns of names that reporting shortens to their first word: an index ("the Dow"
# for the Dow Jones Industrial Average, "the Nasdaq" for the NASDAQ Composite) or an
# exchange. A product ("Boeing 787 Dreamliner") or a company named after a place
# ("Singapore Airlines") is never its first word alone. After a name they only say what
# it is ("the S&P 500 Index").
SHORTENED_HEADS = frozenset("average composite index exchange".split())

# Determiners and possessives by which a sentence refers back to something already known
# ("his resignation", "the contract", "its launch"); a possessive name ("Jobs' medical
# leave") does the same.
DEFINITE_WORDS = frozenset("the this that these those his her its their".split())

# Head nouns of definite descriptions that news text uses for a thing it has just named
# ("Boeing 787 Dreamliners ... The first jets"; "China Eastern Airlines ... The airline"):
# what kind of name each stands for. PRODUCT: a named model or product; ORG: a company;
# INDEX: a market index ("the Dow Jones Industrial Average ... the index").
DESCRIPTION_HEADS = MappingProxyType({
    **dict.fromkeys("""aircraft airliner airliners airplane airplanes plane planes jet jets
        jetliner jetliners superjumbo superjumbos car cars vehicle vehicles model models
        truck trucks device devices phone phones handset handsets smartphone smartphones
        computer computers laptop laptops tablet tablets console consoles ship ships vessel
        vessels satellite satellites rocket rockets drug drugs""".split(), "PRODUCT"),
    **dict.fromkeys("""company firm manufacturer maker carmaker automaker airframer carrier
        airline bank lender insurer retailer group conglomerate""".split(), "ORG"),
    **dict.fromkeys("index indexes indices average benchmark gauge".split(), "INDEX"),
})

# Last words of a name that make it a company's ("Halvik Motors", "Orvik Bank", "Acme
# Corp."), with CORPORATE_SUFFIXES; CARRIER_WORDS: an airline's ("Veldora Airways").
COMPANY_WORDS = frozenset("""bank airplanes aerospace aviation systems technologies motor
    motors electronics industries""".split())
CARRIER_WORDS = frozenset("airlines airline airways air".split())
# Words a maker's name adds to its brand, which reporting drops ("Toyota Motor" is
# "Toyota"), and first words too generic to stand for the maker ("General Motors" is
# never "General").
BRAND_HEADS = frozenset("motor motors electronics industries".split())
GENERIC_FIRST_WORDS = frozenset("""general american united national international british
    european first new great royal standard universal""".split())

# Lower-case words inside a name that are not part of its identity ("Bank of England").
NAME_PARTICLES = frozenset("of the and for de du la le des von van der".split())

# ---------------------------------------------------------------------------
# Page furniture: headings under which a page lists other stories or reader comments.
# The cleaner drops the blocks they open; the publication dater stops reading there.

TEASER_HEADING_RE = re.compile(
    r"^\W*(?:related(?:\s\w+){0,2}|more\s(?:stories|news|headlines|coverage|articles|videos|"
    r"to\sread|like\sthis|on\s[\w .'’&-]{1,40}|from\s[\w .'’&-]{1,40}|"
    r"in\s[\w .'&-]{1,30})|"
    r"read\s(?:more|next|also)|also\sread|you\s(?:may|might)\s(?:also\s)?(?:like|enjoy|be\s"
    r"interested\sin)|recommended(?:\sfor\syou|\sstories|\sreading)?|most\s(?:read|popular|"
    r"viewed|shared|watched)|trending(?:\snow|\sstories)?|top\s(?:stories|news|headlines)|"
    r"latest(?:\s(?:news|stories|headlines|videos))?|see\salso|editor'?s'?\s(?:picks?|choice)|"
    r"further\sreading|what\sto\sread\snext|popular\s(?:now|stories|on\s\w+)|don'?t\smiss|"
    r"in\sother\snews|around\sthe\sweb|from\saround\sthe\sweb|elsewhere\son\s\w+|"
    r"promoted\sstories|more\sfrom\s(?:the\s)?\w+|sponsored\sstories|you\smight\shave\smissed|"
    r"before\syou\sgo|up\snext|watch\snext|keep\sreading|stories\syou\smay\slike|"
    r"recommended\svideos|also\s(?:in|on|from|at)\s[\w .'’&-]{1,40}|more\sin\s[\w .'’&-]{1,30}|"
    r"explore\sfurther|recent\s(?:posts|stories|articles|news)|trending\sin\s[\w .'’&-]{1,30}|"
    r"other\s(?:stories|items|articles|news)\b.{0,40}|(?:previous|next)\s(?:article|post|"
    r"story)|(?:read|more)\s\w+\s(?:explainers|stories|features|analysis))\W*$",
    re.IGNORECASE,
)
COMMENT_HEADING_RE = re.compile(
    r"^\W*(?:comments?(?:\s\(\d+\))?|\d+\scomments?|(?:leave|post|add)\sa\s(?:comment|reply)|"
    r"join\sthe\s(?:discussion|conversation|debate)|reader\scomments|what\sdo\syou\sthink\??|"
    r"discussion|conversation|responses?|\d+\sresponses?|have\syour\ssay|"
    r"comments?\s(?:are|is)\s(?:closed|disabled)|\d+\s(?:thoughts?|responses?|replies|"
    r"comments?)\s(?:on|to)\s.{1,160})\W*$",
    re.IGNORECASE,
)


# A reader comment's signature inside running text, where a crawl glued the thread into
# lines: "... China!!! Posted by: knjincvc | February 2, 2009 3:35 PM | Report abuse The
# currently ...". The colon and the bar, or a comment action, tell it from a post's own
# byline ("Posted by Jane Roe on March 3, 2019").
COMMENT_SIGNATURE_RE = re.compile(
    r"\bPosted by:\s*[^|\n]{1,60}?\s*\|\s*[^|\n]{0,30}?\b(?:19|20)\d\d\b"
    r"|\|\s*(?:Report abuse|Report this comment|Flag as inappropriate)\b")


# A video player's teaser glued into a crawled page's text: the clip's headline, its running
# time in brackets, the day it was posted and a dash before its blurb ("Clinton warns of
# Libya civil war (1:23) Mar 1 - Secretary of State Hillary Clinton is warning ..."). The
# running time and the posting day together are the player's; no sentence writes them so.
VIDEO_TEASER_RE = re.compile(
    r"\(\d{1,2}:\d{2}\)\s+(?i:" + alternation((*MONTH_NAMES, *MONTH_ABBREVIATIONS))
    + r")\.?\s+\d{1,2}\s*(?:--|[-–—])\s")

# Who a photo credit names as its source when it carries no "By"/"Photo" label: "(Evan
# Vucci - AP)", "(Daniel Acker - Bloomberg News)". A bracketed "(Name - X)" with another X
# may be a sentence's aside.
PHOTO_AGENCIES = ("AP", "AFP", "Reuters", "EPA", "Getty Images", "Associated Press",
                  "Bloomberg", "Bloomberg News", "Pool", "The Washington Post",
                  "The New York Times", "Xinhua", "UPI")
# A photo credit in brackets, wherever a crawl glued it into the text: the photographer and
# the source, "(By Jason Reed -- Reuters)", "(Photos By Melina Mara -- The Washington
# Post)", "(By Joel Salcido For The Washington Post)", "(Photo: Ana Ruiz / AP)", "(AP
# Photo/Evan Vucci)" (a crawl may escape the slash, "AP Photo\\/Evan Vucci"), "(Evan Vucci
# - AP)". The photographer's name has two to four capitalised words.
_CREDITED = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}"
PHOTO_CREDIT_RE = re.compile(
    r"\(\s*(?:"
    r"(?i:(?:photos?|photograph)\s+by|by|photos?:|photograph:)\s+" + _CREDITED
    + r"\s+(?:--|—|–|-|/|(?i:for))\s+[A-Z][^()]{1,40}"
    r"|(?:AP|AFP|EPA|Reuters)\s+(?i:photos?)\s*\\?/\s*" + _CREDITED + r"(?:,\s*Pool)?"
    r"|" + _CREDITED + r"\s+(?:--|—|–|-|/)\s+(?:" + alternation(PHOTO_AGENCIES) + r")"
    r")\s*\)")


def is_furniture_heading(line: str) -> bool:
    """A heading below which a page lists other stories or reader comments."""
    return bool(TEASER_HEADING_RE.match(line) or COMMENT_HEADING_RE.match(line))


# ---------------------------------------------------------------------------
# Where a story starts: the wire dateline and a live blog's entry stamp. Their place,
# agency and times are not what a sentence reports, nor a title's words.

# "KESTWICK (AP) - ", "WASHINGTON, March 3 (Reuters) — ": the place in capitals, maybe
# the day and the agency, a dash, at the start of a line.
DATELINE_PREFIX_RE = re.compile(
    r"^\s*[A-Z][A-Z .,'\-]{2,40}(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
    r"(?:\([A-Za-z .&]+\))?\s*[\-—–:]+\s*")
# The agency in brackets and a dash, wherever a copied page put it: "Benghazi, Libya (CNN)
# -- Even as ...", "... 3:51 pm IST TRIPOLI (Reuters) - Libya's ...". The first sentence
# starts after it.
WIRE_AGENCY_DASH_RE = re.compile(
    r"\((?:[A-Z][A-Za-z.&]*)(?: [A-Z][A-Za-z.&]*){0,3}\)\s*(?:--|—|–|-)\s+(?=[A-Z\"“])")
# A live blog's entry stamp: "(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET): ",
# "1:49 a.m. local: ", "08:50 UK ". Its day may date the entry.
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?i:[ap]\.m\.|[ap]m)?"
ENTRY_STAMP_RE = re.compile(
    rf"^\s*(?:\(?\s*(?i:updated:?\s*)?{_CLOCK}(?:[^()\n:]|:(?=\d)){{0,60}}?(?:\)\s*:?|:(?!\d))"
    rf"|{_CLOCK}(?:\s*(?:[A-Z]{{2,4}}|local))?(?=\s+[A-Z][a-z]))\s*")


# ---------------------------------------------------------------------------
# Date stamps: the words a page sets around a date on its date line ("Last updated
# 3:40 pm GMT", "Posted on March 3 by ..."), which make no sentence of it. The cleaner
# strips stamps and tells them from comment headers; the publication dater reads them.

TIME_ZONES = frozenset("""gmt utc bst est edt cst cdt pst pdt cet cest ist jst msk aest aedt
    et ct pt""".split())
# The label that says what the date is, "first published", "last updated".
STAMP_LABELS = frozenset("posted published updated update modified edited first last".split())
STAMP_WORDS = STAMP_LABELS | frozenset("on at by of the am pm date dated time".split())
