"""Separate an article's body from page furniture, captions and other stories' teasers.

Text copied from web pages mixes the story with menus, share widgets, paywall pleas,
cookie notices, "more stories" blocks, comment threads, bios and photo captions. Each
line is classified from cheap features (length, punctuation, stopwords, call-to-action
vocabulary, position, repetition across the collection, word overlap with the story) and
whole blocks are dropped after headings that announce other stories or comments.

Losing a real body line is worse than keeping a borderline one, so single weak signals
never remove a line; only definitive phrases, block membership or several signals do.
Date lines and bylines are always dropped from ``text`` (the dating stage reads them from
``raw_text``); the headline goes to ``title``; captions go to ``captions``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dateline.dating.pubdate import find_dates, is_date_line
from dateline.model import Article

_STOPWORD_TEXT = (
    "a about after against all also an and any are as at be been before being but by can "
    "could did do does during for from had has have he her hers him his how i if in into is "
    "it its just more most no not of on once only or other our out over said says she so "
    "some than that the their them then there these they this those through to too under "
    "until up was we were what when where which while who whom why will with would you your "
    "yet told because according"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_NUM_RE = re.compile(r"\d+")
_SPACE_RE = re.compile(r"\s+")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_QUOTE_RE = re.compile(r"[\"“”]")
_REPORTED_RE = re.compile(r"\b(?:said|says|told|according to|added)\b")
_LINKISH_RE = re.compile(r"https?://|www\.|\.com\b|\.co\.uk\b|@\w{2,}|#\w{3,}", re.IGNORECASE)
_SEPARATORS_RE = re.compile(r"\s[|»›>•·/]\s|\s[|»›>•·]$|^[|»›>•·]\s")
_DATELINE_PREFIX_RE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z .]+\))?\s*[-–—:]")
_RELATIVE_TIME_RE = re.compile(
    r"^\W*(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\W*$"
    r"|^\W*\d+\s*(?:min|minute)s?\s+read\W*$|^\W*(?:yesterday|today|just now)\W*$",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^\W*(?i:by|written by|words by|reporting by|edited by|story by)\s+[A-Z][\w.'’-]*"
    r"(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin))*(?:\s*[,|/–—-]\s*.{0,60})?$"
)

# Definitive phrases: a short line carrying one of these is furniture, whatever else it has.
_STRONG: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("cookie notice", r"\bwe use cookies\b|\buses cookies\b|\bcookie (?:policy|settings|"
         r"preferences|consent)\b|\baccept (?:all )?cookies\b|\bprivacy (?:policy|notice|"
         r"settings)\b|\bterms of (?:use|service)\b|\bby continuing to "
         r"(?:use|browse)\b|\bmanage (?:your )?(?:cookies|consent|preferences)\b"),
        ("newsletter plug", r"\bnewsletters?\b.*\b(?:sign ?up|subscribe|inbox|get|delivered|"
         r"free)\b|\b(?:sign ?up|subscribe)\b.*\bnewsletters?\b|\bto your inbox\b|\bin your "
         r"inbox\b"),
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
         r"\bmay not be (?:published|reproduced|redistributed)\b|\bthis material may not be\b"),
        ("comments", r"\bcomments? (?:are|is) (?:closed|disabled)\b|\b(?:leave|post|add|write)"
         r" (?:a|your) (?:comment|reply)\b|\b(?:view|show|hide|load) (?:all )?\d* ?comments\b|"
         r"\bcommenting (?:is|has been) (?:closed|disabled)\b|^\W*\d+\s+(?:comments?|replies|"
         r"likes?)\W*$|\bcommunity guidelines\b"),
    )
)
_SOCIAL_TEXT = (
    "share shares tweet email e-mail print pin save facebook twitter x whatsapp linkedin "
    "reddit pinterest telegram flipboard messenger copy link comment comments sms more "
    "mail instagram tiktok youtube threads bluesky rss"
)
_SOCIAL_WORDS = frozenset(_SOCIAL_TEXT.split())
_BIO_RE = re.compile(
    r"^\W*about the authors?\b|\bfollow (?:him|her|them|me) on\b|\bcan be reached (?:at|by)\b|"
    r"\b(?:contact|email|e-mail|reach) (?:him|her|them|the (?:author|reporter|writer)) at\b|"
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:is|was) an? (?:[\w-]+ ){0,4}(?:reporter|"
    r"writer|correspondent|journalist|editor|columnist|contributor|freelancer|producer|"
    r"photographer)\b.*\b(?:for|at|with|based|covers?|covering|joined)\b",
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
)
_TEASER_HEADING_RE = re.compile(
    r"^\W*(?:related(?: \w+){0,2}|more (?:stories|news|headlines|coverage|articles|videos|"
    r"to read|like this|on this (?:story|topic)|from [\w .'’&-]{1,40}|in [\w .'&-]{1,30})|"
    r"read (?:more|next|also)|also read|you (?:may|might) (?:also )?(?:like|enjoy|be "
    r"interested in)|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|"
    r"shared|watched)|trending(?: now| stories)?|top (?:stories|news|headlines)|"
    r"latest (?:news|stories|headlines|videos)|see also|editor'?s'? (?:picks?|choice)|"
    r"further reading|what to read next|popular (?:now|stories|on \w+)|don'?t miss|"
    r"in other news|around the web|from around the web|elsewhere on \w+|promoted stories|"
    r"more from (?:the )?\w+|sponsored stories|you might have missed|before you go|"
    r"up next|watch next|keep reading|stories you may like|recommended videos|"
    r"also (?:in|on|from|at) [\w .'’&-]{1,40}|more in [\w .'’&-]{1,30})\W*$",
    re.IGNORECASE,
)
_COMMENT_HEADING_RE = re.compile(
    r"^\W*(?:comments?(?: \(\d+\))?|\d+ comments?|(?:leave|post|add) a (?:comment|reply)|"
    r"join the (?:discussion|conversation|debate)|reader comments|what do you think\??|"
    r"discussion|conversation|responses?|\d+ responses?|have your say|"
    r"comments? (?:are|is) (?:closed|disabled))\W*$",
    re.IGNORECASE,
)
_STORY_WORDS_MIN = 3  # content words a line needs before its story overlap means anything


@dataclass
class _Line:
    text: str
    para: int
    words: list[str]
    norm: str
    keep: bool = True
    caption: bool = False
    reason: str | None = None


@dataclass
class _CollectionStats:
    """Which normalised lines appear in which articles, and which articles are copies."""

    where: dict[str, set[int]] = field(default_factory=dict)
    kin: dict[int, set[int]] = field(default_factory=dict)

    def repeats(self, index: int, norm: str) -> int:
        """Other unrelated articles carrying this line (copies of the same story excluded)."""
        others = self.where.get(norm, set())
        if len(others) <= 1:
            return 0
        kin = self.kin.get(index, set())
        return sum(1 for j in others if j != index and j not in kin)


def normalise(line: str) -> str:
    """Case-, digit- and space-insensitive key, so "3 hours ago" matches "5 hours ago"."""
    return _NUM_RE.sub("0", _SPACE_RE.sub(" ", line.strip().lower()))


def _content_words(words: list[str]) -> set[str]:
    return {w for w in (x.lower() for x in words) if len(w) > 2 and w not in STOPWORDS}


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
        lines.append(_Line(stripped, para, _WORD_RE.findall(stripped), normalise(stripped)))
    return lines


def collection_stats(articles: list[Article]) -> _CollectionStats:
    """Index line repetition across the collection, discounting syndicated copies.

    Two articles sharing two long lines, or most of their words, are copies of one story;
    their shared lines are body text, not site boilerplate (which is short and sparse).
    """
    stats = _CollectionStats()
    sizes: list[int] = []
    for index, art in enumerate(articles):
        norms = {normalise(raw) for raw in art.raw_text.splitlines()} - {""}
        sizes.append(sum(len(n.split()) for n in norms))
        for norm in norms:
            stats.where.setdefault(norm, set()).add(index)
    shared_long: Counter[tuple[int, int]] = Counter()
    shared_words: Counter[tuple[int, int]] = Counter()
    for norm, holders in stats.where.items():
        if not 2 <= len(holders) <= 20:
            continue  # lines on every page of a site say nothing about copying
        words = len(norm.split())
        ordered = sorted(holders)
        for a_pos, a in enumerate(ordered):
            for b in ordered[a_pos + 1 :]:
                shared_words[(a, b)] += words
                if words >= 12:
                    shared_long[(a, b)] += 1
    for (a, b), count in shared_words.items():
        if shared_long[(a, b)] >= 2 or count >= 0.6 * min(sizes[a], sizes[b]):
            stats.kin.setdefault(a, set()).add(b)
            stats.kin.setdefault(b, set()).add(a)
    return stats


def is_caption(line: str) -> bool:
    """Photo captions and credits: they describe pictures, not the story's events."""
    return any(p.search(line) for p in _CAPTION_RES)


def _strong_reason(line: _Line) -> str | None:
    words = len(line.words)
    reported = words > 20 and (_QUOTE_RE.search(line.text) or _REPORTED_RE.search(line.text))
    if words <= 40 and not reported:
        for reason, pattern in _STRONG:
            if pattern.search(line.text):
                return reason
    lowered = [w.lower() for w in line.words]
    if 0 < words <= 12 and all(w in _SOCIAL_WORDS for w in lowered):
        return "social widget"
    return None


def _looks_like_headline(line: _Line) -> bool:
    n = len(line.words)
    if not 2 <= n <= 30 or len(line.text) > 250:
        return False
    if line.text.endswith((".", ":", ",", ";")) and not line.text.endswith("..."):
        return False
    if is_date_line(line.text) or is_caption(line.text) or _strong_reason(line):
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


def _weak_score(line: _Line, index: int, position: float, stats: _CollectionStats,
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
    if len(_SEPARATORS_RE.findall(text)) >= 2 and n <= 20:
        evidence.append((1.1, "navigation"))
    if text.isupper() and n <= 6 and not _DATELINE_PREFIX_RE.match(text):
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
    if n >= 8 and sum(w in STOPWORDS for w in lowered) / n >= 0.3:
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
    words = _content_words(_WORD_RE.findall(title or ""))
    long_seen = 0
    for line in lines:
        if long_seen >= 3:
            break
        if len(line.words) >= 20 and _strong_reason(line) is None and not is_caption(line.text):
            words |= _content_words(line.words)
            long_seen += 1
    return words


def _find_title(lines: list[_Line], search_depth: int) -> int | None:
    """First headline-like line; none once a body paragraph has started."""
    for i, line in enumerate(lines[:search_depth]):
        if _looks_like_headline(line):
            return i
        if len(line.words) >= 15 and _strong_reason(line) is None:
            return None
    return None


def clean_article(article: Article, index: int, stats: _CollectionStats) -> None:
    """Classify one article's lines; fill ``text``, ``title``, ``captions`` and ``removed``."""
    ext = Path(article.path).suffix.lower()
    extracted = ext in {".html", ".htm", ".xhtml"}  # boilerplate already removed upstream
    lines = _split_lines(article.raw_text)
    article.captions = []
    article.removed = []
    if not lines:
        article.text = ""
        return

    # Headline: given by metadata, or the first headline-like line of a copied page.
    start = 0
    if article.title:
        wanted = normalise(article.title)
        for i, line in enumerate(lines[:8]):
            if line.norm == wanted:
                line.keep, line.reason = False, "title"
                if not extracted and ext in {".txt", ".text", ".md"}:
                    start = i
                break
    else:
        depth = 15 if not extracted and ext not in {".jsonl", ".ndjson"} else 1
        found = _find_title(lines, depth)
        if found is not None and (depth > 1 or len(lines) > 1):
            article.title = lines[found].text
            lines[found].keep, lines[found].reason = False, "title"
            start = found
    for line in lines[:start]:  # above the headline: site header, menus, "today" date
        line.keep, line.reason = False, "page header"

    story = _story_words(lines[start:], article.title)
    total = len(lines)
    zone: str | None = None
    for i, line in enumerate(lines):
        if not line.keep and line.reason in {"title", "page header"}:
            continue
        text = line.text
        if zone == "related stories" and _is_bodylike(line, story) and \
                not _TEASER_HEADING_RE.match(text):
            zone = None
        if _COMMENT_HEADING_RE.match(text) and i > start:
            zone = "comments"
        elif _TEASER_HEADING_RE.match(text) and i > start:
            zone = "related stories"
        if is_caption(text):
            line.keep, line.caption = False, True
            continue
        if zone:
            line.keep, line.reason = False, _strong_reason(line) or zone
            continue
        if is_date_line(text):
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
        score, why = _weak_score(line, index, i / total, stats, story)
        if score >= 1.0:
            line.keep, line.reason = False, why

    for line in lines:
        if line.caption:
            article.captions.append(line.text)
        elif not line.keep and line.reason != "title":
            article.removed.append((line.text, line.reason or "noise"))
    article.text = _join([ln for ln in lines if ln.keep], per_line_paragraphs=extracted)


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


def clean_articles(articles: list[Article]) -> None:
    """Clean every article in place; repetition is judged across the whole collection."""
    stats = collection_stats(articles)
    for index, article in enumerate(articles):
        clean_article(article, index, stats)
