"""Separate an article's body from page furniture, captions and other stories' teasers.

Text copied from web pages mixes the story with menus, share widgets, paywall pleas,
cookie notices, "more stories" blocks, comment threads, bios and photo captions. Each
line is classified from cheap features (length, punctuation, stopwords, call-to-action
vocabulary, position, repetition across the collection, word overlap with the story) and
whole blocks are dropped after headings that announce other stories or comments.

The headline is the best-scoring headline-like line of the page header: a statement of
several words, right above the date line or byline, not repeated in the headers of the
collection's other pages (mastheads, taglines, menus and section labels are). Everything
above it is page header; short labels between it and the story's first paragraph (section,
author name, reading time) are article meta. Below the story, paragraphs made of a short
heading and short headline-like lines that share few words with the story are teaser
lists whatever the heading says, and a commenter's name or "name + timestamp" line opens
a comment thread that runs to the end.

Losing a real body line is worse than keeping a borderline one, so single weak signals
never remove a line; only definitive phrases, block membership or several signals do.
Date lines and bylines are always dropped from ``text`` (the dating stage reads them from
``raw_text``); the headline goes to ``title``; captions go to ``captions``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from dateline.clean import linemodel
from dateline.clean.sentences import split_sentences
from dateline.dating.pubdate import find_dates, is_date_line
from dateline.lexicon import (
    COMMENT_HEADING_RE,
    COMMENT_SIGNATURE_RE,
    DATELINE_PREFIX_RE,
    PHOTO_CREDIT_RE,
    STAMP_LABELS,
    STAMP_WORDS,
    STOP_WORDS,
    TEASER_HEADING_RE,
    TIME_ZONES,
    VIDEO_TEASER_RE,
    alternation,
    reporting_forms,
)
from dateline.model import Article

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_NUM_RE = re.compile(r"\d+")
_SPACE_RE = re.compile(r"\s+")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_QUOTE_RE = re.compile(r"[\"“”]")
_REPORTED_RE = re.compile(
    r"\b(?:" + alternation(reporting_forms("say", "tell", "add", forms=("present", "past")))
    + r"|according to)\b")
_LINKISH_RE = re.compile(r"https?://|www\.|\.com\b|\.co\.uk\b|@\w{2,}|#\w{3,}", re.IGNORECASE)
_SEPARATORS_RE = re.compile(r"\s[|»›>•·/]\s|\s[|»›>•·]$|^[|»›>•·]\s")
_RELATIVE_TIME_RE = re.compile(
    r"^\W*(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\W*$"
    r"|^\W*\d+\s*(?:min|minute)s?\s+read\W*$|^\W*(?:yesterday|today|just now)\W*$",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^\W*(?i:by|written by|words by|reporting by|edited by|story by)\s+[A-Z][\w.'’-]*"
    r"(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin))*"
    r"(?:\s+(?i:staff|staff writers?|reporters?|correspondents?|news service|wire))?"
    r"(?:\s*[,|/–—-]\s*.{0,60})?$"
)

# Definitive phrases: a short line carrying one of these is furniture, whatever else it has.
_STRONG: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("cookie notice", r"\bwe use cookies\b|\buses cookies\b|\buse of cookies\b|"
         r"\bcookies help us\b|\bcookie (?:policy|settings|"
         r"preferences|consent)\b|\baccept (?:all )?cookies\b|\bprivacy (?:policy|notice|"
         r"settings)\b|\bterms of (?:use|service)\b|\bby continuing to "
         r"(?:use|browse)\b|\bmanage (?:your )?(?:cookies|consent|preferences)\b"),
        ("newsletter plug", r"\bnewsletters?\b.*\b(?:sign ?up|subscribe|inbox|get|delivered|"
         r"free)\b|\b(?:sign ?up|subscribe)\b.*\bnewsletters?\b|\bto your inbox\b|\bin your "
         r"inbox\b|^\W*(?:get|sign up for|receive) (?:our|the) (?:free )?(?:daily|weekly|morning|"
         r"evening) (?:briefing|digest|email|bulletin|newsletter)\b"),
        ("subscription plea", r"\bsubscribe (?:now|today|here|to|for)\b|\balready (?:a|an) "
         r"(?:subscriber|member)\b|\bbecome (?:a|an) (?:subscriber|member|supporter|patron)\b|"
         r"\bunlimited (?:digital )?access\b|\bsubscribers? only\b|\bsubscriber[- ]exclusive\b|"
         r"\bfree (?:articles?|stories) (?:left|remaining)\b|\byou(?:'ve| have) (?:reached|read)"
         r" (?:your|all|the)\b|\bstart (?:your )?(?:free )?trial\b|\b(?:log|sign) ?in to "
         r"(?:continue|read|comment)\b|\bcreate (?:a free|an) account\b|\bsubscription "
         r"(?:required|offer|plans?)\b|\bthis (?:article|content) is (?:for|available to) "
         r"(?:subscribers|members)\b|\bpaywall\b"),
        ("donation plea", r"\bdonate (?:now|today|here)\b|\bsupport (?:our|independent|"
         r"quality|local|trusted) (?:journalism|reporting|newsroom)\b|\bmake a (?:one-off )?"
         r"(?:donation|contribution)\b|\bplease (?:consider )?(?:support(?:ing)?|donat(?:e|ing)"
         r"|contribut(?:e|ing))\b|\b(?:contribute|support us) (?:now|today|from)\b|\bhelp us "
         r"(?:keep|continue|fund)\b|\bevery (?:contribution|donation)\b"),
        ("social widget", r"\bfollow us on\b|\bshare (?:this|on|via) (?:article|story|post|"
         r"facebook|twitter|x|whatsapp|linkedin|email)\b|\bshare this\W*$|\blike us on "
         r"facebook\b|\bjoin us on (?:telegram|whatsapp|facebook)\b|\bcopy link\b|"
         r"\bclick to share\b|\bopens in (?:a )?new window\b"),
        ("advertisement", r"^\W*(?:advertisement|advertising|sponsored(?: content| post)?|"
         r"promoted(?: content)?|paid (?:post|content|partner)|ad|ads by \w+|adchoices|"
         r"story continues below(?: advertisement)?|article continues below(?: advertisement)?"
         r"|continue reading (?:the main story )?below|scroll to continue(?: with content)?)"
         r"\W*$|\breport this ad\b"),
        ("navigation", r"^\W*(?:skip to (?:main )?(?:content|navigation)|toggle navigation|"
         r"main menu|menu|search|home|sign in|log ?in|register|close|back to top|jump to|"
         r"sections|open menu|close menu|more|next|previous|prev|next article|previous "
         r"article|print|e-?mail|share|tweet|reply|report|flag|show more|load more|see all|"
         r"view all|latest|watch|listen|subscribe|sign up|log out|my account|edition)\W*$"),
        ("call to action", r"^\W*(?:click here|tap here|read (?:the )?(?:full|more)|continue "
         r"reading|read more|see more|download (?:the|our) app|get the app|watch(?: now| live|"
         r" the video| video)?:|listen(?: now)?:|read next:?|read also:?|also read:?|more:|"
         r"related:|see also:|recommended:|don'?t miss:?)"
         r"|\bclick here\b|\btap here\b|\bdownload (?:the|our) (?:free )?app\b"),
        ("copyright", r"^\W*(?:©|copyright\b|\(c\)\s*(?:19|20)\d\d)|\ball rights reserved\b|"
         r"\bmay not be (?:published|reproduced|redistributed)\b|\bthis material may not be\b|"
         r"\bsubject to copyright\b|\bno part (?:of this \w+ )?may be reproduced\b|"
         r"\breproduction without permission\b"),
        ("republishing", r"\brepublish (?:this|our) (?:stories|story|articles?|posts?)\b|"
         r"\bcreative commons licen[cs]e\b|^\W*republish\W*$"),
        ("citation", r"^\W*(?:citation|cite this(?: article)?)\s*:|"
         r"\((?:19|20)\d\d, [A-Z][a-z]+ \d{1,2}\) retrieved\b"),
        ("tags", r"^\W*(?:filed under|posted in|tags?|tagged|topics?|categories|category|"
         r"more about|more on)\s*:"),
        ("update notice", r"^\W*this (?:article|story|post|piece|report) (?:was|has been) "
         r"(?:updated|corrected|amended|changed)\b|\ban earlier version of this (?:article|"
         r"story|post|report)\b"),
        ("account plea", r"^\W*(?:sign|log) ?in (?:to|or)\b|\bcreate (?:a|an|your)(?: free)?"
         r" [\w ]{0,25}account\b|\b(?:save|gift|email|print|share) this (?:story|article|"
         r"page|post)\b|\blisten to this (?:article|story)\b|^\W*click to (?:share|email|"
         r"print|tweet|post)\b|^\W*like this\W*$|^\W*like loading\b|\bpowered by "
         r"wordpress\b|\bfeedback to (?:the )?editors?\b"),
        ("comments", r"\byour email address will not be published\b|\brequired fields are "
         r"marked\b|^\W*\d+\s+(?:thoughts?|responses?|replies|comments?)\s+(?:on|to)\b|"
         r"\bcomments? (?:are|is) (?:closed|disabled)\b|\b(?:leave|post|add|write)"
         r" (?:a|your) (?:comment|reply)\b|\b(?:view|show|hide|load) (?:all )?\d* ?comments\b|"
         r"\bcommenting (?:is|has been) (?:closed|disabled)\b|^\W*\d+\s+(?:comments?|replies|"
         r"likes?)\W*$|\bcommunity guidelines\b"),
    )
)
# Substrings one of which every match of a pattern contains: a cheap test skips the regex.
_STRONG_KEYS: dict[str, tuple[str, ...]] = {
    "cookie notice": ("cookie", "privacy", "terms of", "by continuing", "manage"),
    "newsletter plug": ("newsletter", "inbox", "briefing", "digest", "email", "bulletin"),
    "subscription plea": ("subscri", "already a", "become a", "unlimited", "free article",
                          "free stor", "you've", "you have", "trial", "log", "sign",
                          "create a", "this article", "this content", "paywall"),
    "donation plea": ("donat", "support", "contribut", "help us"),
    "social widget": ("follow ", "share", "like us", "join us", "copy link", "new window"),
    "copyright": ("©", "copyright", "(c)", "rights reserved", "may not be", "may be reproduced",
                  "reproduction without"),
    "account plea": ("sign", "log", "account", " this ", "click to", "like", "powered by",
                     "feedback"),
    "comments": ("email address", "required fields", "thought", "respons", "repl", "comment",
                 "like", "community guidelines"),
    "call to action": ("click here", "tap here", "read", "continue", "see ", "download",
                       "get the app", "watch", "listen", "more:", "related:", "recommended:",
                       "don"),
    "republishing": ("republish", "creative commons"),
}
# The same keys by key: one pass over the keys tells which reasons' patterns can match.
_KEY_REASONS: dict[str, tuple[str, ...]] = {
    key: tuple(reason for reason, keys in _STRONG_KEYS.items() if key in keys)
    for key in dict.fromkeys(key for keys in _STRONG_KEYS.values() for key in keys)
}


def _strong_candidates(lowered: str) -> list[tuple[str, re.Pattern[str]]]:
    """The strong-furniture patterns that can match a lower-cased line: those whose key
    words it holds, and those without keys. A pattern cannot match without one of its
    keys, so one pass over the keys spares most of the searches."""
    keyed = {reason for key, reasons in _KEY_REASONS.items() if key in lowered
             for reason in reasons}
    return [(reason, pattern) for reason, pattern in _STRONG
            if reason in keyed or not _STRONG_KEYS.get(reason)]


_SOCIAL_TEXT = (
    "share shares tweet email e-mail print pin save facebook twitter x whatsapp linkedin "
    "reddit pinterest telegram flipboard messenger copy link comment comments sms more "
    "mail instagram tiktok youtube threads bluesky rss"
)
_SOCIAL_WORDS = frozenset(_SOCIAL_TEXT.split())
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
_ASIDE = r"(?: \([^)]{1,40}\))?"  # "Jane Roe (@janeroe) covers ..."
_BIO_RE = re.compile(
    r"(?i:^\W*about the authors?\b|\bfollow (?:him|her|them|me) on\b|\bcan be reached "
    r"(?:at|by)\b|\b(?:contact|email|e-mail|reach) (?:him|her|them|the (?:author|reporter|"
    r"writer)) at\b)|"
    rf"^\W*{_NAME}{_ASIDE} (?:is|was) (?:an?|the|{_NAME}['’]s?) (?:[\w'’-]+ ){{0,4}}(?:reporter|"
    r"writer|correspondent|journalist|editor|columnist|contributor|freelancer|producer|"
    r"photographer)\b.*\b(?:for|at|with|based|covers?|covering|joined|writes)\b|"
    rf"^\W*{_NAME}{_ASIDE} (?:writes|reports|covers|has covered|has written) (?:about |on |for )?"
    r"[\w ,'’&-]{3,80}\b(?:for|at) (?:the )?[A-Z]",
)
_CAPTION_RES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\W*(?:photo|photograph|photos|image|picture|pictured|credit|photo credit|"
        r"file photo|source|video)\s*[:|]",
        r"^\W*(?:image caption|media caption|video caption|image copyright|image source|"
        r"caption|getty images|photo illustration)\b",
        r"^\W*file\s*[-–—]\s",
        r"^\W*in this (?:\w+ )?(?:\d{1,2}, )?(?:\d{4} )?(?:file )?(?:photo|image|picture)",
        r"\((?:ap|afp|reuters|epa|getty|xinhua|bloomberg|upi|pa|ians|anadolu)[^)]{0,60}"
        r"(?:photo|images?|pool|via)[^)]*\)",
        r"[/|]\s*(?:reuters|afp|ap|getty images|epa(?:-efe)?|bloomberg|xinhua|anadolu|"
        r"shutterstock|alamy|pa|ap photo)\s*\W*$",
        r"\b(?:reuters|afp|epa|ap)/[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*\W*$",
        r"\((?:photo|photograph|picture|image)(?: by| credit)?:? [^)]*\)\W*$",
        r"\bphotograph: [^.]{0,80}$",
        r"\b(?:getty images|shutterstock|istock(?:photo)?|alamy)\W*$",
    )
) + (
    # "... Photo: Alpine Record / Beat Walser": a credit closing the line, after the caption.
    re.compile(r"[.!?)]\s+(?i:photos?|photograph|picture|image|credits?|photo credit)\s*:"
               r"\s*[A-Z][\w.'’&-]*(?:\s+(?:[/|,&]\s*)?[A-Z][\w.'’&-]*){0,6}\s*$"),
)
# A character each caption pattern's match contains ("" when none is certain): a line
# without it is not searched with that (costly, unanchored) pattern.
_CAPTION_NEEDS = ("", "", "", "", "", "", "/", "", ": ", "", ":")
_HEAD_DEPTH = 20  # non-blank lines searched for the headline
# A record's text (JSONL, a feed) may still open with what its crawler kept of the page: a
# teaser of another story, a newsletter plea. A short line among the first ones that three
# or more unrelated articles of the collection also carry is that page's furniture, not a
# lead ("U.S. Northeast digs out from blizzard, tornado strikes in South.": 25 of one
# story's Reuters pages).
_RECORD_HEAD_LINES = 2
_RECORD_HEAD_WORDS = 20
_RECORD_HEAD_REPEATS = 3
# The most repeats any test here tells apart (none, one, two, three or more): a store
# re-cleans a page only when a new batch changes its counts up to this (``reading``).
REPEATS_READ = _RECORD_HEAD_REPEATS
_BY_START_RE = re.compile(r"^\W*(?i:by)\s+[A-Z]")
_BODY_LINE_WORDS = 10  # the words of a line that can be the story's (its first: more)
# A post's closing byline stamp ends it only below this many such lines: a stamp over
# the story is its byline.
_POST_BODY_LINES = 3
_CTA_WORDS = frozenset(
    "menu search subscribe subscribers login log sign register live scores account alerts "
    "edition e-edition paper newsletter newsletters donate home sections weather podcasts "
    "video videos watch listen advertise contact about classifieds obituaries puzzles "
    "games shop jobs today today's".split()
)
_WIDE_GAP_RE = re.compile(r"[^\s.,;:!?]\s{2,}(?=\S)")
_INNER_SENTENCE_RE = re.compile(r"\w[a-z)]\.\s+[A-Z]")
_NAME_LINE_RE = re.compile(r"^[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|al|bin)){1,3}$")
_COMMENT_AUTHOR_RE = re.compile(r"^(\S.{0,50}?)\s(?:" + alternation(reporting_forms(
    "say", "write", "reply", forms=("present", "past"))) + r"):\s*$")
_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_ITEM_MARK_RE = re.compile(r"^(?:[-–—•·*>»›]+\s*|\d{1,2}[.)]\s+)")
_STAMP_FILLER_RE = re.compile(
    r"\b(?:" + alternation({"at", "on", "am", "pm"} | TIME_ZONES) + r")\b|\b[ap]\.m\.|"
    r"[|,.:;()\-–—/·•]", re.IGNORECASE)
KIN_HOLDERS = 20  # a line on more pages than this is furniture, never a sign of copying
_STORY_WORDS_MIN = 3  # content words a line needs before its story overlap means anything


@dataclass(slots=True)
class _Line:
    """One non-blank line of a page. A pasted page can hold 200,000 lines, all alive
    while its article is classified: slots and shared word strings keep each small."""

    text: str
    para: int
    words: tuple[str, ...]
    norm: str
    keep: bool = True
    caption: bool = False
    reason: str | None = None
    # per-line results of the costly tests (None: not computed yet)
    date: bool | None = None
    captioned: bool | None = None
    strong: str | None | bool = False  # False: not computed yet (None is a result)


@dataclass
class _CollectionStats:
    """Which normalised lines appear in which articles, and which articles are copies."""

    # a line in one article only keeps a 1-tuple (a set per line would be 200 bytes more
    # per distinct line); only the count of its holders matters then
    where: dict[str, set[int] | tuple[int]] = field(default_factory=dict)
    kin: dict[int, set[int]] = field(default_factory=dict)
    head: dict[str, set[int]] = field(default_factory=dict)  # lines seen in page headers

    def head_repeats(self, index: int, norm: str) -> int:
        """Other unrelated articles whose page header (above the story) carries this line."""
        return self._unrelated(index, self.head.get(norm, set()))

    def repeats(self, index: int, norm: str) -> int:
        """Other unrelated articles carrying this line (copies of the same story excluded)."""
        return self._unrelated(index, self.where.get(norm, set()))

    def _unrelated(self, index: int, others: set[int] | tuple[int]) -> int:
        if len(others) <= 1:
            return 0
        kin = self.kin.get(index, set())
        unrelated = len(others.difference(kin))
        return unrelated - 1 if index in others and index not in kin else unrelated

    def of_article(self, index: int, raw_text: str) -> ArticleLineStats:
        """What cleaning article ``index`` reads of these statistics, for its own lines
        only: a few counts a worker can be sent instead of the collection's index."""
        return self.of_lines(index, {_normalise_cached(raw) for raw in raw_text.splitlines()})

    def of_lines(self, index: int, norms: Iterable[str]) -> ArticleLineStats:
        """``of_article`` from the article's normalised lines."""
        counts = {norm: (self.repeats(index, norm), self.head_repeats(index, norm))
                  for norm in norms if norm}
        return ArticleLineStats({norm: pair for norm, pair in counts.items() if any(pair)})


@dataclass(frozen=True)
class ArticleLineStats:
    """One article's share of ``_CollectionStats``: its lines' (repeats, head repeats)
    counts (lines absent: no repeats). Answers as the collection's statistics do."""

    counts: dict[str, tuple[int, int]]

    def repeats(self, index: int, norm: str) -> int:
        return self.counts.get(norm, (0, 0))[0]

    def head_repeats(self, index: int, norm: str) -> int:
        return self.counts.get(norm, (0, 0))[1]

    def reading(self) -> dict[str, tuple[int, int]]:
        """The counts as cleaning reads them (repeats up to ``REPEATS_READ``; head
        repeats: none, some): stats with the same reading clean an article alike, so a
        store re-cleans an article only when a new batch changes its reading."""
        return {norm: (min(r, REPEATS_READ), min(h, 1)) for norm, (r, h) in self.counts.items()}


LineStats = _CollectionStats | ArticleLineStats


def normalise(line: str) -> str:
    """Case-, digit- and space-insensitive key, so "3 hours ago" matches "5 hours ago"."""
    return _NUM_RE.sub("0", _SPACE_RE.sub(" ", line.strip().lower()))


def _content_words(words: tuple[str, ...] | list[str]) -> frozenset[str]:
    return _content_words_of(tuple(words))


@lru_cache(maxsize=65536)  # lines repeat across a site's pages
def _content_words_of(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for w in (x.lower() for x in words) if len(w) > 2 and w not in STOP_WORDS)


@lru_cache(maxsize=65536)
def _normalise_cached(line: str) -> str:
    return normalise(line)


def _split_lines(text: str) -> list[_Line]:
    lines = []
    para = 0
    previous_blank = False
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            previous_blank = True
            continue
        if previous_blank and lines:
            para += 1
        previous_blank = False
        # interned: the words of a page repeat from line to line, so each line keeps
        # pointers to shared strings rather than its own copies
        lines.append(_Line(stripped, para, tuple(map(sys.intern, _WORD_RE.findall(stripped))),
                           _normalise_cached(stripped)))
    return lines


def _header_norms(raw_lines: list[str]) -> set[str]:
    """Normalised lines of the page header: the lines above the first body-like paragraph."""
    found: set[str] = set()
    seen = 0
    for raw in raw_lines:
        stripped = raw.strip()
        if not stripped:
            continue
        seen += 1
        if seen > _HEAD_DEPTH or (len(stripped.split()) >= 15
                                   and _SENTENCE_END_RE.search(stripped)):
            break
        found.add(_normalise_cached(stripped))
    return found


def _add_holder(where: dict[str, set[int] | tuple[int]], norm: str, index: int) -> None:
    """Record that article ``index`` holds the line ``norm`` (once per article)."""
    holders = where.get(norm)
    if holders is None:
        where[norm] = (index,)
    elif isinstance(holders, tuple):
        where[norm] = {holders[0], index}
    else:
        holders.add(index)


@dataclass(frozen=True)
class PageLines:
    """What the collection's line statistics read of one page: its distinct normalised
    lines, those of its header, and its size in words (a store keeps them per article)."""

    norms: frozenset[str]
    head: frozenset[str]
    size: int


def page_lines(raw_text: str) -> PageLines:
    raw_lines = raw_text.splitlines()
    norms = frozenset(_normalise_cached(raw) for raw in raw_lines) - {""}
    return PageLines(norms, frozenset(_header_norms(raw_lines)),
                     sum(len(n.split()) for n in norms))


def collection_stats(articles: list[Article]) -> _CollectionStats:
    """Index line repetition across the collection, discounting syndicated copies."""
    stats = _CollectionStats()
    sizes: dict[int, int] = {}
    for index, art in enumerate(articles):
        page = page_lines(art.raw_text)
        sizes[index] = page.size
        for norm in page.norms:
            _add_holder(stats.where, norm, index)
        for norm in page.head:
            stats.head.setdefault(norm, set()).add(index)
    stats.kin = kinship(stats.where, sizes)
    return stats


@lru_cache(maxsize=65536)
def copy_words(norm: str) -> int:
    """The words a line two pages share counts towards their being copies: 0 for a
    shared cookie notice or copyright line, which is not a shared story."""
    words = len(norm.split())
    if words >= 12 and any(pattern.search(norm) for _, pattern in _strong_candidates(norm)):
        return 0
    return words


def line_stats(where: dict[str, set[int]], head: dict[str, set[int]],
               sizes: dict[int, int], of: set[int], words_of: Mapping[str, int]
               ) -> _CollectionStats:
    """The statistics of ``collection_stats`` from an index of line holders (a store's),
    for the articles ``of``: exact for one whose every line is in ``where`` with all
    its holders."""
    return _CollectionStats(where=dict(where), head=dict(head),
                            kin=kinship(where, sizes, of, words_of))


def kinship(where: dict[str, set[int] | tuple[int]], sizes: dict[int, int],
            of: set[int] | None = None, words_of: Mapping[str, int] | None = None
            ) -> dict[int, set[int]]:
    """Which articles are copies of one story, by the lines they share (``of``: only
    the pairs with one of these articles, when only their kin is read; ``words_of``:
    each line's ``copy_words`` when known, as a store keeps them).

    Two articles sharing two long lines, or most of their words, are copies of one story;
    their shared lines are body text, not site boilerplate (which is short and sparse).
    """
    kin: dict[int, set[int]] = {}
    shared_long: Counter[tuple[int, int]] = Counter()
    shared_words: Counter[tuple[int, int]] = Counter()
    for norm, holders in where.items():
        if not 2 <= len(holders) <= KIN_HOLDERS:
            continue  # lines on every page of a site say nothing about copying
        words = copy_words(norm) if words_of is None else words_of[norm]
        if not words:
            continue
        ordered = sorted(holders)
        for a_pos, a in enumerate(ordered):
            for b in ordered[a_pos + 1 :]:
                if of is not None and a not in of and b not in of:
                    continue
                shared_words[(a, b)] += words
                if words >= 12:
                    shared_long[(a, b)] += 1
    for (a, b), count in shared_words.items():
        if shared_long[(a, b)] >= 2 or count >= 0.6 * min(sizes[a], sizes[b]):
            kin.setdefault(a, set()).add(b)
            kin.setdefault(b, set()).add(a)
    return kin


def is_caption(line: str) -> bool:
    """Photo captions and credits: they describe pictures, not the story's events."""
    return any(p.search(line) for p, needs in zip(_CAPTION_RES, _CAPTION_NEEDS, strict=True)
               if needs in line)


# Where someone stands in the picture, right after their name: "Moammar Gadhafi, left,
# and President Obama meet ...", "Drew Fox (left) and ...". A sentence saying so describes
# a photograph, often an old one, wherever the page glued it. ("(R)" is left out: it is
# also a party, "Kristi Noem (R) is defending ...".)
_PICTURE_POSITION = re.compile(
    r"[A-Z][\w.'’-]*(?:,\s+(?:(?:second|third|far)\s+(?:from\s+)?)?"
    r"(?:left|right|center|centre|top|bottom)(?:\s+to\s+right)?\s*,"
    r"|\s+\((?:left|right|center|centre)\))")


def is_caption_sentence(sentence: str) -> bool:
    """A sentence that places people in a picture: a caption, even inside a paragraph."""
    return ("," in sentence or "(" in sentence) and bool(_PICTURE_POSITION.search(sentence))


# The per-line tests below depend on the line's text alone, and menus, footers and
# pleas repeat across a site's pages: they are cached by text across articles too.
_TEXT_CACHE = 65536


def _once(line: _Line, key: str, test: Callable[[str], bool]) -> bool:
    """``test`` of a line's text, computed once per line (and cached across lines);
    ``key`` names the line's slot that keeps it."""
    value = getattr(line, key)
    if value is None:
        value = test(line.text)
        setattr(line, key, value)
    return value


def _dated(line: _Line) -> bool:
    """``is_date_line`` for a line, computed once."""
    return _once(line, "date", _is_date_line_cached)


@lru_cache(maxsize=_TEXT_CACHE)
def _is_date_line_cached(text: str) -> bool:
    return is_date_line(text)


def _captioned(line: _Line) -> bool:
    """``is_caption`` for a line, computed once."""
    return _once(line, "captioned", _is_caption_cached)


@lru_cache(maxsize=_TEXT_CACHE)
def _is_caption_cached(text: str) -> bool:
    return is_caption(text)


def _strong_reason(line: _Line) -> str | None:
    if line.strong is False:
        line.strong = _strong_reason_of(line.text, line.words)
    return line.strong


@lru_cache(maxsize=_TEXT_CACHE)
def _strong_reason_of(text: str, line_words: tuple[str, ...]) -> str | None:
    words = len(line_words)
    reported = words > 20 and (_QUOTE_RE.search(text) or _REPORTED_RE.search(text))
    if words <= 40 and not reported:
        for reason, pattern in _strong_candidates(text.lower()):
            if pattern.search(text):
                return reason
    lowered = [w.lower() for w in line_words]
    if 0 < words <= 12 and all(w in _SOCIAL_WORDS for w in lowered):
        return "social widget"
    return None


def _looks_like_headline(line: _Line) -> bool:
    n = len(line.words)
    if not 2 <= n <= 30 or len(line.text) > 250:
        return False
    if line.text.endswith((".", ":", ",", ";")) and not line.text.endswith("..."):
        return False
    if _dated(line) or _captioned(line) or _strong_reason(line):
        return False
    if _SEPARATORS_RE.search(line.text) and n <= 8:
        return False
    if _RELATIVE_TIME_RE.match(line.text) or _BYLINE_RE.match(line.text):
        return False
    return not (line.text.isupper() and n <= 4)


def _is_bodylike(line: _Line, story: set[str]) -> bool:
    """A line that reads like a paragraph of this story (ends a teaser/comment block)."""
    if len(line.words) < 18 or not _SENTENCE_END_RE.search(line.text):
        return False
    words = _content_words(line.words)
    overlap = len(words & story) / max(1, len(words))
    return overlap >= 0.2


def _weak_score(line: _Line, index: int, position: float, stats: LineStats,
                story: set[str]) -> tuple[float, str]:
    """Noise evidence from several weak features; the reason names the strongest one."""
    text = line.text
    n = len(line.words)
    evidence: list[tuple[float, str]] = []
    repeats = stats.repeats(index, line.norm)
    if repeats >= 2:
        evidence.append((1.2, "repeated boilerplate"))
    elif repeats == 1:
        evidence.append((0.6, "repeated boilerplate"))
    if _LINKISH_RE.search(text):
        evidence.append((0.7, "link"))
    gaps = len(_WIDE_GAP_RE.findall(text))
    if (len(_SEPARATORS_RE.findall(text)) >= 2 or gaps >= 2) and n <= 20:
        evidence.append((1.6 if gaps >= 3 else 1.1, "navigation"))
    if text.isupper() and n <= 6 and not DATELINE_PREFIX_RE.match(text):
        evidence.append((0.5, "menu heading"))
    if n <= 3 and not _SENTENCE_END_RE.search(text):
        evidence.append((0.4, "fragment"))
    if _RELATIVE_TIME_RE.match(text):
        evidence.append((1.2, "timestamp"))
    if n <= 20 and not _SENTENCE_END_RE.search(text) and find_dates(text):
        evidence.append((1.0, "teaser"))  # a dated headline: another story's teaser
    if position > 0.6 and _BIO_RE.search(text) and n <= 60:
        evidence.append((1.5, "author bio"))
    score = sum(w for w, _ in evidence)
    if not evidence:
        return 0.0, ""
    lowered = [w.lower() for w in line.words]
    if _SENTENCE_END_RE.search(text):
        score -= 0.5
    if n >= 8 and sum(w in STOP_WORDS for w in lowered) / n >= 0.3:
        score -= 0.4
    if _QUOTE_RE.search(text):
        score -= 0.3
    if n >= 25:
        score -= 0.5
    words = _content_words(line.words)
    if len(words) >= _STORY_WORDS_MIN and len(words & story) / len(words) >= 0.3:
        score -= 0.6
    return score, max(evidence)[1]


def _story_words(lines: list[_Line], title: str | None) -> set[str]:
    """Content words of the headline and the first long paragraphs: what the story is about."""
    words = set(_content_words(_WORD_RE.findall(title or "")))
    long_seen = 0
    for line in lines:
        if long_seen >= 3:
            break
        if len(line.words) >= 20 and _strong_reason(line) is None and not _captioned(line):
            words |= _content_words(line.words)
            long_seen += 1
    return words


def _title_score(lines: list[_Line], i: int, index: int, stats: LineStats,
                 body_start: int | None = None) -> float:
    """How much a headline-like line looks like *this* story's headline, not site furniture.

    Headlines are statements of several words, sit right above the date line or byline,
    and are not repeated in the headers of the site's other pages (mastheads, taglines,
    menus and section labels are).
    """
    line = lines[i]
    n = len(line.words)
    score = 1.0 if n >= 4 else (0.2 if n == 3 else -0.8)
    if n >= 6:
        score += 0.3  # taglines and labels are short; headlines say something
    if stats.head_repeats(index, line.norm) >= 1 or stats.repeats(index, line.norm) >= 2:
        score -= 3.0
    lowered = [w.lower() for w in line.words]
    cta = sum(w in _CTA_WORDS for w in lowered)
    if cta and cta * 3 >= n:
        score -= 1.5
    if line.text.isupper():
        score -= 1.0
    if line.text[:1].islower():
        score -= 0.5
    if _SEPARATORS_RE.search(line.text):
        score -= 0.5
    if i > 0 and len(lines[i - 1].words) >= 4 and not lines[i - 1].text.isupper() and \
            lines[i - 1].para == line.para and _looks_like_headline(lines[i - 1]):
        score -= 0.4  # right under another headline-like line: the standfirst
    if len(_WIDE_GAP_RE.findall(line.text)) >= 2:
        score -= 1.5  # "News  Sports  Business": a menu bar copied with its spacing
    if _INNER_SENTENCE_RE.search(line.text):
        score -= 1.0  # two sentences: a notice or a blurb, not a headline
    decks = 0
    for j in range(i + 1, min(i + 5, len(lines))):
        below = lines[j]
        if _dated(below) or (_BYLINE_RE.match(below.text) and len(below.words) <= 14):
            score += 1.5 - 0.3 * decks
            break
        if _NAME_LINE_RE.match(below.text) and j == i + 1 + decks and n >= 5 and \
                len(below.words) <= 3:
            score += 0.8 - 0.3 * decks  # the author's name right under the headline
            break
        if len(below.words) >= 4 and _looks_like_headline(below):
            decks += 1  # a standfirst may sit between headline and byline, but only one
            if decks > 1:
                break
    if i + 1 < len(lines) and len(_SEPARATORS_RE.findall(lines[i + 1].text)) >= 2:
        score -= 0.7  # right above the menu bar: the masthead's tagline
    if body_start is not None and 0 < body_start - i <= 5:
        score += 0.5  # headlines sit just above the story, past the menus
    return score - 0.03 * i


def _find_title(lines: list[_Line], search_depth: int, index: int,
                stats: LineStats) -> int | None:
    """Best headline candidate above the first body paragraph, or None."""
    candidates = []
    body_start = None
    for i, line in enumerate(lines[:search_depth]):
        if not _looks_like_headline(line):
            if len(line.words) >= 15 and _strong_reason(line) is None:
                body_start = i
                break
            continue
        candidates.append(i)
    best, best_score = None, -0.5
    for i in candidates:
        score = _title_score(lines, i, index, stats, body_start)
        if score > best_score:
            best, best_score = i, score
    return best


def _is_body_start(line: _Line) -> bool:
    return (len(line.words) >= _BODY_LINE_WORDS and bool(_SENTENCE_END_RE.search(line.text))
            and _strong_reason(line) is None and not _captioned(line)
            and not _dated(line))


def _is_meta(line: _Line) -> bool:
    """Short label between headline and story: section, author name, reading time, buttons."""
    if _SENTENCE_END_RE.search(line.text) and not _NAME_LINE_RE.match(line.text):
        return False
    return len(line.words) <= 4 or bool(_NAME_LINE_RE.match(line.text))


def _teaser_item(line: _Line, story: set[str]) -> bool:
    """A short headline of another story: capitalised, no full stop, off the story's topic."""
    text = _ITEM_MARK_RE.sub("", line.text)
    n = len(line.words)
    if not 3 <= n <= 18 or not text[:1].isupper() and not text[:1].isdigit():
        return False
    if text.endswith((",", ";", ":")) or (_SENTENCE_END_RE.search(text)
                                          and not text.endswith("?")):
        return False
    if _QUOTE_RE.match(text) or _BYLINE_RE.match(text):
        return False
    words = _content_words(line.words)
    return len(words) < _STORY_WORDS_MIN or len(words & story) / len(words) < 0.5


def _teaser_blocks(lines: list[_Line], start: int, story: set[str]) -> set[int]:
    """Paragraphs made of a short heading and short headline-like lines: teaser lists.

    ``start`` is where the story begins (its first paragraph, or the headline).
    """
    found: set[int] = set()
    i = start + 1
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].para == lines[i].para:
            j += 1
        block = range(i, j)
        items = fillers = 0
        for k in block:
            line = lines[k]
            if (not line.keep or _dated(line) or _RELATIVE_TIME_RE.match(line.text)
                    or _strong_reason(line)):
                fillers += 1
            elif _teaser_item(line, story):
                items += 1
            elif k == i and len(line.words) <= 8 and (
                    not _SENTENCE_END_RE.search(line.text) or line.text.endswith(":")):
                fillers += 1  # the block's heading
            else:
                break
        else:
            headed = items < len(block)
            if items >= 2 and len(block) >= 3 and (headed or items >= 3):
                found.update(block)
        i = j
    return found


def _comment_stamp(text: str) -> bool:
    """"kirsty_m 12/01/2021 15:11", "Nell F. — April 9, 2019 at 12:20 pm": who and when."""
    if len(text) > 90 or not _CLOCK_RE.search(text):
        return False
    dates = find_dates(text)
    if not dates:
        return False
    who = text[: dates[0].start]  # the commenter's name or handle comes first
    if _CLOCK_RE.search(who) or who.rstrip().endswith(":"):
        return False
    if text[dates[-1].end :].strip(" .,:;-–—|·•") and not _CLOCK_RE.search(
            text[dates[-1].end :]):
        return False
    words = _CLOCK_RE.sub(" ", _STAMP_FILLER_RE.sub(" ", who)).split()
    return 1 <= len(words) <= 4 and all(_handle_like(w) for w in words)


def _handle_like(word: str) -> bool:
    """A word of a commenter's name or handle: capitalised, or a handle with _ or digits."""
    if word.lower() in STAMP_LABELS or word.lower() in STOP_WORDS:
        return False
    return word[:1].isupper() or any(ch.isdigit() or ch == "_" for ch in word) or (
        word.isalpha() and word.islower() and len(word) >= 3 and len(word) <= 20)


def _comment_author(text: str) -> bool:
    """"Linda Shaw says:", "kirsty_m wrote:": a commenter's name over their comment."""
    m = _COMMENT_AUTHOR_RE.match(text)
    if not m:
        return False
    words = m[1].split()
    return 1 <= len(words) <= 4 and all(_handle_like(w) for w in words) and \
        not (len(words) > 1 and all(w.islower() for w in words))


def _comment_thread_start(lines: list[_Line], start: int) -> int:
    """Where a reader-comment thread glued into the text begins (``len(lines)``: none).

    The first comment ends at the first signature ("Posted by: knjincvc | February 2,
    2009 3:35 PM | Report abuse"); it begins after the post's own closing byline stamp
    ("By Dan Froomkin | February 2, 2009; 1:40 PM ET We can recoup ...") when one stands
    before it below some body, else the signature's line is the first one known to be
    thread. Everything after is comments: a thread has no heading in a crawled record.
    """
    first = next((i for i in range(start + 1, len(lines))
                  if COMMENT_SIGNATURE_RE.search(lines[i].text)), len(lines))
    if first == len(lines):
        return first
    body = [i for i in range(start, first) if len(lines[i].words) >= _BODY_LINE_WORDS]
    if len(body) < _POST_BODY_LINES:
        return first
    for i in range(first, body[_POST_BODY_LINES - 1], -1):
        if _BY_START_RE.match(lines[i].text) and _lead_stamp_end(lines[i].text):
            return i
    return first


def _author_names(lines: list[_Line], start: int, body_start: int) -> list[str]:
    """Names from the byline or from a bare name line under the headline."""
    names = []
    for line in lines[start + 1 : body_start]:
        text = line.text
        m = _BYLINE_RE.match(text)
        if m:
            text = re.sub(r"^\W*(?i:by|written by|words by|reporting by|story by)\s+", "", text)
            text = re.split(r"\s*[,|/–—]\s*|\s+and\s+", text)[0]
        elif _dated(line):
            text = re.split(r"\s[|•·—–/,]\s|,\s", text)[0]
        if _NAME_LINE_RE.match(text) and len(text.split()) >= 2:
            names.append(text)
    return names


def clean_article(article: Article, index: int, stats: LineStats,
                  model: linemodel.LineModel | None) -> None:
    """Classify one article's lines (``model``: the line model that re-decides the rules'
    doubtful calls, or None); fill ``text``, ``title``, ``captions`` and ``removed``."""
    forms = {"extracted": ".html", "record": ".jsonl", "text": ".txt"}
    ext = forms.get(article.form or "", Path(article.path).suffix.lower())
    extracted = ext in {".html", ".htm", ".xhtml"}  # boilerplate already removed upstream
    record = ext in {".jsonl", ".ndjson"}  # a crawler's text: no page layout to read
    lines = _split_lines(article.raw_text)
    article.captions = []
    article.removed = []
    if not lines:
        article.text = ""
        return

    # Headline: given by metadata, or the best headline-like line of a copied page.
    start = 0
    has_title_line = False
    if article.title:
        wanted = normalise(article.title)
        for i, line in enumerate(lines[:8]):
            if line.norm == wanted:
                line.keep, line.reason = False, "title"
                has_title_line = True
                if not extracted and ext in {".txt", ".text", ".md"}:
                    start = i
                break
    else:
        depth = _HEAD_DEPTH if not extracted and not record else 1
        found = _find_title(lines, depth, index, stats)
        if found is not None and (depth > 1 or len(lines) > 1):
            article.title = lines[found].text
            lines[found].keep, lines[found].reason = False, "title"
            has_title_line = True
            start = found
    for line in lines[:start]:  # above the headline: site header, menus, "today" date
        line.keep, line.reason = False, "page header"
    if record:
        for line in lines[start:start + _RECORD_HEAD_LINES]:
            if line.keep and len(line.words) <= _RECORD_HEAD_WORDS and stats.repeats(
                    index, line.norm) >= _RECORD_HEAD_REPEATS:
                line.keep, line.reason = False, "page header"

    copied_page = not extracted and not record
    body_start = len(lines)
    for i in range(start + (1 if has_title_line else 0), len(lines)):
        if _is_body_start(lines[i]):
            body_start = i
            break
    if copied_page and has_title_line:
        for line in lines[start + 1 : min(body_start, start + 12)]:
            if line.keep and _is_meta(line) and not _captioned(line):
                line.keep, line.reason = False, "article meta"
    authors = _author_names(lines, start, body_start) if copied_page else []

    thread = _comment_thread_start(lines, start)
    story = _story_words(lines[start:thread], article.title)
    first_story = body_start - 1 if body_start < len(lines) else start
    teasers = _teaser_blocks(lines, first_story, story) if copied_page else set()
    total = len(lines)
    zone: str | None = None
    strong_zone = False
    for i, line in enumerate(lines):
        if not line.keep and line.reason in {"title", "page header", "article meta"}:
            continue
        text = line.text
        if zone == "related stories" and _is_bodylike(line, story) and \
                not TEASER_HEADING_RE.match(text):
            zone = None
        if zone == "comments" and not strong_zone and _is_bodylike(line, story):
            zone = None
        if i == thread:
            zone, strong_zone = "comments", True
        elif COMMENT_HEADING_RE.match(text) and i > start:
            zone = "comments"
            strong_zone = bool(re.match(r"^\W*\d+ ", text))
        elif TEASER_HEADING_RE.match(text) and i > start:
            zone, strong_zone = "related stories", False
        elif copied_page and i > body_start and i / total > 0.4 and (
                _comment_author(text) or _comment_stamp(text)):
            zone, strong_zone = "comments", True
        if _captioned(line):
            line.keep, line.caption = False, True
            continue
        if zone:
            line.keep, line.reason = False, _strong_reason(line) or zone
            continue
        if i in teasers:
            line.keep, line.reason = False, _strong_reason(line) or "related stories"
            continue
        if _dated(line):
            line.keep, line.reason = False, "date line"
            continue
        if _BYLINE_RE.match(text) and len(line.words) <= 14:
            line.keep, line.reason = False, "byline"
            continue
        reason = _strong_reason(line)
        if reason:
            line.keep, line.reason = False, reason
            continue
        if extracted:
            continue
        if i > body_start and i / total > 0.5 and len(line.words) <= 80 and (
                any(text.lstrip("—–-• ").startswith(name + " ") for name in authors)
                or (i / total > 0.6 and _BIO_RE.search(text))):
            line.keep, line.reason = False, "author bio"
            continue
        score, why = _weak_score(line, index, i / total, stats, story)
        if score >= 1.0:
            line.keep, line.reason = False, why

    if model is not None and copied_page and len(lines) >= _MODEL_MIN_LINES:
        _apply_model(lines, model)
    _photo_credits(lines)

    for line in lines:
        if line.keep:
            _strip_stamps(line)

    for line in lines:
        if line.caption:
            article.captions.append(line.text)
        elif not line.keep and line.reason != "title":
            article.removed.append((line.text, line.reason or "noise"))
    article.text = _join([ln for ln in lines if ln.keep], per_line_paragraphs=extracted)


def _photo_credits(lines: list[_Line]) -> None:
    """Where photo credits say what is caption: a newspaper page sets the caption above
    the credit and the story after it. A gallery of captions, each with its credit a line
    or two apart ("(AP Photo/Evan Vucci) (Evan Vucci - AP) President Bush pauses ..."),
    is all caption, but after its last credit the story starts ("... (Sang Tan - AP)
    LONDON, Feb. 26 -- The Royal Bank ...").
    """
    credited = [i for i, line in enumerate(lines)
                if "(" in line.text and PHOTO_CREDIT_RE.search(line.text)]
    if not credited:
        return
    # Runs of credits a few lines apart in one paragraph: a gallery.
    runs: list[list[int]] = []
    for i in credited:
        if runs and i - runs[-1][-1] <= _GALLERY_GAP and (
                lines[i].para == lines[runs[-1][-1]].para):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        for line in lines[run[0]:run[-1]]:
            line.keep, line.caption = False, True
        line = lines[run[-1]]
        if line.caption and not line.keep:
            tail = line.text[_after_credits(line.text):]
            if len(_WORD_RE.findall(tail)) >= _STORY_TAIL_WORDS and not is_caption(tail):
                line.keep, line.caption = True, False


def _after_credits(text: str) -> int:
    """Where a line's story goes on after its last photo credit (0: no credit): what
    stands before a credit is the photo's caption."""
    end = 0
    for match in PHOTO_CREDIT_RE.finditer(text):
        end = match.end()
    return end


_STORY_TAIL_WORDS = 8
_GALLERY_GAP = 3  # lines from one credit to the next in a gallery: a caption takes one or two


# Rule removals measured on the realweb dev pages (share of removed lines that are body):
# comments 0.8%, page header 0%, social/cookie/pleas 0%, related stories 2.2%,
# navigation 7%, teaser 37%. The learned model re-decides only the last three, and every
# line the rules kept; the precise rules stay final.
_RULE_FINAL = frozenset({"title", "date line", "byline", "article meta"})
_MODEL_DECIDES = frozenset({"related stories", "navigation", "teaser"})
_MODEL_MIN_LINES = 20  # fitted on whole copied pages; a pasted snippet is left to the rules
_RESTORE = 0.6  # a line the rules removed comes back only when the model is sure
_DROP = 0.25  # a line the rules kept goes only when the model is sure it is furniture


def _apply_model(lines: list[_Line], model: linemodel.LineModel) -> None:
    """Let the learned line model decide body vs furniture where the rules are unsure."""
    probs = model.probabilities([ln.text for ln in lines])
    total = len(lines)
    for i, (line, prob) in enumerate(zip(lines, probs, strict=True)):
        if line.caption or line.reason in _RULE_FINAL:
            continue
        if not line.keep and i / total > 0.5 and _BIO_RE.search(line.text):
            continue  # "Jane Doe is a staff writer covering ...": prose, but not the story
        if not line.keep and line.reason not in _MODEL_DECIDES:
            continue
        body = prob >= (_RESTORE if not line.keep else _DROP)
        if body and not line.keep:
            line.keep, line.reason = True, None
        elif not body and line.keep:
            line.keep, line.reason = False, "furniture (line model)"


_CLOCK_ZONE_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:" + alternation(TIME_ZONES) + r")\b",
    re.IGNORECASE)
# "TRIPOLI | Mon Feb 21, 2011 5:07am EST": a weekday, a full date, a clock and its zone.
_WIRE_HEADER_RE = re.compile(
    r"(?:\b[A-Z][A-Z .'-]{1,30}\s*\|\s*)?\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
    r"[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\s*,?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?-i:[A-Z]{2,5})\b)?", re.IGNORECASE)
_STAMP_WORDS = STAMP_WORDS | TIME_ZONES | {"page", "a.m", "p.m"}
_UPDATE_NOTE_RE = re.compile(r"\(\s*(?:update|updated|corrected|correction)\b[^()]{0,100}\)\s*",
                             re.IGNORECASE)
_FACT_BOX_RE = re.compile(
    r"^(?:born|died|also known as|nationality|occupation|spouse|children|education|"
    r"political party|alma mater)\s*:", re.IGNORECASE)


_CLOCK_DIGITS_RE = re.compile(r"\d[:.]\d\d")  # in every clock the stamp patterns read
_STAMP_SEPARATORS = "|;–—-:"  # what follows the date of a stamp without a clock


def _lead_stamp_end(text: str) -> int:
    """Where a stamp glued before the lead ends ("TOKYO | Tue Mar 15, 2011 11:40 pm GMT
    TOKYO (Reuters) - ...", "By Jane Roe | February 2, 2009; 1:40 PM ET We ..."), else 0.

    Most lines have neither a clock (which the wire header and the zoned clock need) nor
    a stamp separator (which a stamp without a clock needs): two cheap tests skip the
    costlier regexes and the date scan for them.
    """
    timed = _CLOCK_DIGITS_RE.search(text, 0, 400) is not None
    wire = _WIRE_HEADER_RE.search(text[:400]) if timed else None
    if wire:
        return wire.end()  # what precedes a full wire header is a repeated headline/credit
    head = text[:140]
    clock = _CLOCK_ZONE_RE.search(head) if timed else None
    if clock:
        cut = clock.end()
        following = find_dates(text[cut:cut + 40])
        if following and not text[cut:cut + following[0].start].strip(" ,;|-–—"):
            cut += following[0].end  # "7:01 pm ET February 11, 2013"
        if len(text[:clock.start()].split()) <= 2:
            return cut  # a handle or a place before the clock: all stamp
    else:
        if not any(mark in head for mark in _STAMP_SEPARATORS):
            return 0  # no separator can follow the date
        dates = [d for d in find_dates(head[:90]) if d.start <= 45]
        if not dates:
            return 0
        after = head[dates[0].end:].lstrip()
        if not after[:1] or after[0] not in _STAMP_SEPARATORS:
            return 0
        cut = len(head) - len(after) + 1
    prefix = text[:cut]
    words = [w for w in _WORD_RE.findall(prefix) if not w[:1].isdigit()]
    if any(w.islower() and w.lower() not in _STAMP_WORDS for w in words) or len(words) > 14:
        return 0  # a sentence that starts with a date, not a stamp
    return cut


def _strip_stamps(line: _Line) -> None:
    """Cut wire stamps, update notes, a leading photo credit and fact-box fields out of a
    kept line: a stamp dates the article (the dater reads the raw text) but is never body,
    event or title."""
    text = line.text
    reason = "stamp"
    if "(" in text:
        text = _UPDATE_NOTE_RE.sub("", text)
        # What a line holds before a photo credit is the photo's caption ("Sen. Hale meets
        # voters in Columbia, Mo. (By Ricky Carioti -- The Washington Post) BELTON, Mo.,
        # Oct. 20 -- ..."); the story goes on after the last credit.
        credited = _after_credits(text)
        if credited:
            text, reason = text[credited:], "caption"
        teaser = VIDEO_TEASER_RE.search(text)
        if teaser:
            # The teaser's headline is the last sentence before its running time; the
            # sentences before it, if any, are the story's.
            before = split_sentences(text[:teaser.start()])
            text, reason = text[:before[-2].end] if len(before) > 1 else "", "video teaser"
    cut = _lead_stamp_end(text)
    if cut:
        text = text[cut:].lstrip(" |;,:–—-")
    text = text.strip()
    if not text or _FACT_BOX_RE.match(text) or (
            text != line.text.strip() and len(_WORD_RE.findall(text)) < 3):
        line.keep, line.reason = False, reason
        return
    line.text = text


def _join(lines: list[_Line], per_line_paragraphs: bool) -> str:
    """Kept lines joined with "\\n" inside a paragraph and "\\n\\n" between paragraphs."""
    if per_line_paragraphs:
        return "\n\n".join(ln.text for ln in lines)
    parts: list[str] = []
    previous = None
    for line in lines:
        if previous is not None:
            parts.append("\n" if line.para == previous else "\n\n")
        parts.append(line.text)
        previous = line.para
    return "".join(parts)


def clean_articles(articles: list[Article],
                   line_model: linemodel.LineModel | None | Literal["shipped"] = "shipped"
                   ) -> None:
    """Clean every article in place; repetition is judged across the whole collection.
    ``line_model``: the shipped line model, another one (cross-validation), or None for
    the rules alone."""
    model = linemodel.load() if line_model == "shipped" else line_model
    stats = collection_stats(articles)
    for index, article in enumerate(articles):
        clean_article(article, index, stats, model)
    clear_line_caches()


def clear_line_caches() -> None:
    """Forget the per-line results cached by text. They share work between a collection's
    pages; kept, they would hold up to 65,536 of its lines (with their words, keys and
    features) through every later stage of the run."""
    for cached in (_content_words_of, _normalise_cached, _is_date_line_cached,
                   _is_caption_cached, _strong_reason_of, copy_words):
        cached.cache_clear()
    linemodel.clear_cache()
