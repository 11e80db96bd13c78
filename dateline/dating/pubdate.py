"""Publication dates: from trusted metadata when valid, else from the article's own date line.

Web text puts many dates near the top of a page: a site header showing *today*, the real
date line under the headline, "Updated" stamps, teaser dates, caption dates, comment
timestamps and copyright years. Candidates are scored by where they sit (just below the
headline is best) and what surrounds them, so the traps lose to the real date line.

The date line is detected on ``raw_text`` so noise-removal mistakes cannot hide it; the
clean stage drops date lines from ``Article.text`` (see :func:`is_date_line`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.lexicon import (
    CORPORATE_SUFFIXES,
    MONTHS,
    STAMP_WORDS,
    TIME_ZONES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    alternation,
    is_furniture_heading,
)
from dateline.model import Article
from dateline.unionfind import UnionFind

MIN_YEAR = 1800  # older "publication dates" are data errors, not news
MAX_YEAR = 2100

_MONTH = "(?P<{0}>" + alternation(MONTHS) + r")\.?"
_WEEKDAY = "(?:(?:" + alternation(WEEKDAY_NAMES + WEEKDAY_ABBREVIATIONS) + r")\.?,?\s+)"
_ORD = r"(?:st|nd|rd|th)?"

# One alternation so a line is scanned once; group names tell which form matched.
_DATE_RE = re.compile(
    r"(?<![\w/.-])(?:"
    + rf"{_WEEKDAY}?{_MONTH.format('m1')}\s+(?P<d1>\d{{1,2}}){_ORD},?\s+(?P<y1>\d{{4,5}})"
    + rf"|{_WEEKDAY}?(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH.format('m2')},?"
    + r"\s+(?P<y2>\d{4,5})"
    + r"|(?P<y3>\d{4,5})-(?P<mo3>\d{1,2})-(?P<d3>\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?"
    + r"|(?P<y4>\d{4})/(?P<mo4>\d{1,2})/(?P<d4>\d{1,2})"
    + r"|(?P<a5>\d{1,2})(?P<sep5>[/.-])(?P<b5>\d{1,2})(?P=sep5)(?P<y5>\d{4}|\d{2})"
    + r")(?![\w/-])",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(r"\d")
_READ_TIME_RE = re.compile(r"\b\d+\s*(?:min|minute)s?\.?\s+read\b", re.IGNORECASE)
_NAME_SEPARATOR_RE = re.compile(r"\s[|•·—–/]\s")
_SENTENCE_RE = re.compile(r"\w[.!?][\"'”’)]*\s*$")  # ends like a sentence
_RFC_RE = re.compile(r"^\s*(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})", re.IGNORECASE)
_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T.*)?\s*$")
_EPOCH_RE = re.compile(r"^\s*\d{9,13}(?:\.\d+)?\s*$")

# Words that may surround a date on a date line without making it a sentence.
_DATE_LINE_FILLER = re.compile(
    r"\b(?:" + alternation(STAMP_WORDS | TIME_ZONES | {"hr", "hrs", "min", "mins", "minute",
                                                       "minutes", "read", "and"})
    + r")\b|\b[ap]\.m\.|\d{1,2}[:.]\d{2}(?::\d{2})?|[|,.:;()\-–—/·•]",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(r"^\s*(?:by|from|written by|words by)\s+\S", re.IGNORECASE)
_UPDATED_RE = re.compile(r"\b(?:updated?|modified|last edited|edited)\b", re.IGNORECASE)
_PUBLISHED_RE = re.compile(
    r"\b(?:posted|published|first published|released|dated|issued)\b", re.IGNORECASE
)
_COPYRIGHT_RE = re.compile(r"©|\bcopyright\b|\(c\)\s*\d{4}|all rights reserved", re.IGNORECASE)
_CAPTION_HINT_RE = re.compile(
    r"\bphoto\b|\bphotograph\b|\bimage\b|\bpictured\b|\bcaption\b|\bfile\s*[-–—]\s|"
    r"\bgetty images\b|/\s*(?:reuters|afp|ap)\b|\bcredit:",
    re.IGNORECASE,
)
_TODAY_RE = re.compile(
    r"\btoday(?:'s|’s)? (?:paper|edition|issue|date|is)\b|\be-?(?:paper|edition)\b|"
    r"\bprint edition\b|\bweather\b|°[CF]?\b", re.IGNORECASE)
_RELATIVE_TIME_RE = re.compile(r"\b\d+\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago\b", re.I)
_COMMENT_STAMP_RE = re.compile(r"\breply\b|\bsays:?\s*$|\bwrote:?\s*$", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z0-9']+")


@dataclass(frozen=True)
class DateMatch:
    """A calendar date found in a line, with its character span."""

    date: dt.date
    start: int
    end: int
    ambiguous: bool = False  # numeric day/month order was guessed


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # two-digit years: pivot so "19" is 2019 and "97" is 1997
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int, day: int) -> dt.date | None:
    """A valid date in the accepted range, or None; never raises on absurd values."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str], order: str | None = None) -> tuple[dt.date | None, bool]:
    g = m.groupdict()
    if g["m1"]:
        return _make(int(g["y1"]), _month(g["m1"]), int(g["d1"])), False
    if g["m2"]:
        return _make(int(g["y2"]), _month(g["m2"]), int(g["d2"])), False
    if g["y3"]:
        return _make(int(g["y3"]), int(g["mo3"]), int(g["d3"])), False
    if g["y4"]:
        return _make(int(g["y4"]), int(g["mo4"]), int(g["d4"])), False
    first, second, year = int(g["a5"]), int(g["b5"]), _year(g["y5"])
    if order and first <= 12 and second <= 12 and g["sep5"] != ".":
        # the site's (or article's) own unambiguous dates settle the order
        if order == "dmy":
            return _make(year, second, first), False
        return _make(year, first, second), False
    if g["sep5"] == "." or first > 12:  # dotted dates and day>12 are day-first
        return _make(year, second, first), first <= 12 and second <= 12 and g["sep5"] != "."
    return _make(year, first, second), second <= 12 and first != second


def find_dates(line: str, order: str | None = None) -> list[DateMatch]:
    """All valid calendar dates (day precision) written in ``line``.

    ``order`` ("dmy" or "mdy") resolves numeric dates such as 04/06/2019 whose day and
    month could be swapped; without it they are read month-first and marked ambiguous.
    """
    found: list[DateMatch] = []
    if not _DIGIT_RE.search(line):
        return found  # every written form has a day or a year in digits
    for m in _DATE_RE.finditer(line):
        value, ambiguous = _from_match(m, order)
        if value is not None:
            found.append(DateMatch(value, m.start(), m.end(), ambiguous))
    return found


def parse_date(value: object) -> tuple[dt.date | None, str | None]:
    """Parse a metadata date (string or epoch number) into ``(date, None)`` or ``(None, why)``.

    Metadata comes from feeds and page headers in many shapes (ISO stamps, RFC 2822,
    "3 March 2019", epoch seconds); impossible or out-of-range dates are rejected with a
    reason instead of raising, so one bad record cannot stop a run.
    """
    if isinstance(value, bool) or value is None:
        return None, "no date"
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        return None, f"date of unsupported type {type(value).__name__}"
    text = value.strip()
    if not text:
        return None, "empty date"
    if _EPOCH_RE.match(text):
        seconds = float(text)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        try:
            stamp = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None, f"absurd epoch date {text!r}"
        return (stamp, None) if MIN_YEAR <= stamp.year <= MAX_YEAR else (None, "date out of range")
    compact = _COMPACT_RE.match(text)
    if compact:
        parsed = _make(int(compact[1]), int(compact[2]), int(compact[3]))
        return (parsed, None) if parsed else (None, f"impossible date {text!r}")
    m = _DATE_RE.search(text)
    if m:
        parsed, _ = _from_match(m)
        return (parsed, None) if parsed else (None, f"impossible date {text!r}")
    rfc = _RFC_RE.match(text)
    if rfc and rfc[2][:3].lower() in MONTHS:
        parsed = _make(int(rfc[3]), _month(rfc[2]), int(rfc[1]))
        return (parsed, None) if parsed else (None, f"impossible date {text!r}")
    return None, f"unparseable date {text[:60]!r}"


def is_date_line(line: str) -> bool:
    """True for a line that is essentially a date stamp ("Posted on March 3, 2019 | 2 pm").

    Bylines carrying a date ("By Jane Doe | March 3, 2019") count too: both are page
    furniture, not body text.
    """
    if len(line) > 140:
        return False  # checked first: most body lines are longer, no date scan needed
    dates = find_dates(line)
    if not dates:
        return False
    rest = line
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    if _BYLINE_RE.match(line):
        return len(rest.split()) <= 12
    if _kept_words(rest) > 4:
        return False  # more words than a date line has survive any filler removal
    rest = _DATE_LINE_FILLER.sub(" ", _READ_TIME_RE.sub(" ", rest))
    words = _WORD_RE.findall(rest)
    if len(words) <= 2:
        return True
    # "Jane Roe • March 3, 2019": an author's name set off from the date by a separator
    return (len(words) <= 4 and _NAME_SEPARATOR_RE.search(line) is not None
            and all(w[:1].isupper() for w in words))


def _kept_words(text: str) -> int:
    """How many words of ``text`` no filler removal can touch: letters only, three or
    more, and not a filler word. A word of ASCII letters is removed only as a whole
    filler word (the clock, "a.m." and punctuation forms hold digits, single letters or
    no letters), so these words are a lower bound on what the removal leaves."""
    return sum(1 for word in _WORD_RE.findall(text)
               if len(word) >= 3 and word.isalpha() and not _is_filler(word))


@lru_cache(maxsize=4096)
def _is_filler(word: str) -> bool:
    return _DATE_LINE_FILLER.fullmatch(word) is not None


@dataclass
class _Candidate:
    date: dt.date
    score: float
    line_no: int
    evidence: str
    updated: bool = False  # an "Updated ..." stamp: a proxy for the publication date
    ambiguous: bool = False  # numeric day/month order guessed


def _title_index(lines: list[str], title: str | None, depth: int = 60) -> int | None:
    """Index of the headline among the first lines, by exact text or as first real line."""
    if title:
        wanted = title.strip().lower()
        for i, line in enumerate(lines[:depth]):
            if line.strip().lower() == wanted:
                return i
    return None


def _label_before(line: str, match: DateMatch) -> str | None:
    """"published" or "updated": the stamp label nearest before the date, if any."""
    before = line[: match.start]
    labels = [(m.start(), "published") for m in _PUBLISHED_RE.finditer(before)]
    labels += [(m.start(), "updated") for m in _UPDATED_RE.finditer(before)]
    return max(labels)[1] if labels else None


def _score_line(line: str, line_no: int, title_idx: int | None, match: DateMatch) -> float | None:
    """How much a date found on this line looks like the publication date (None: a trap)."""
    if _COPYRIGHT_RE.search(line) or _CAPTION_HINT_RE.search(line):
        return None
    if _COMMENT_STAMP_RE.search(line):
        return None
    date_line = is_date_line(line)
    if not date_line and (len(_WORD_RE.findall(line)) > 15 or _SENTENCE_RE.search(line)):
        return None  # a date inside a body sentence is an event date, not the byline
    score = 3.0 if date_line else 0.0
    if _TODAY_RE.search(line):
        return None  # "Today's paper | Saturday, ...": the day the page was fetched
    nearest = _label_before(line, match)
    if nearest == "published":
        score += 1.0  # "Published Jan. 22 | Updated Jan. 23": the label right before counts
    elif nearest == "updated":
        score -= 1.5
    elif _UPDATED_RE.search(line):
        score -= 1.0
    if title_idx is not None:
        distance = line_no - title_idx
        if 0 < distance <= 4:
            score += 2.0
        elif distance > 4:
            score += max(0.0, 1.5 - 0.15 * distance)
        elif distance == -1:
            score -= 0.5  # a kicker date right above the headline
        else:
            score -= 2.0  # higher up: the site header's "today" or a navigation date
    else:
        score += max(0.0, 1.5 - 0.1 * line_no)
    if match.ambiguous:
        score -= 1.0  # month-first was only a guess
    return score


def body_start_index(raw_text: str, body: str) -> int | None:
    """Index, among the page's non-blank lines, of the cleaned body's first line."""
    first = next((" ".join(ln.split()) for ln in body.splitlines() if ln.strip()), "")
    if not first:
        return None
    prefix = first[:60]
    for i, line in enumerate(ln.strip() for ln in raw_text.splitlines() if ln.strip()):
        if line == first or (len(prefix) >= 30 and " ".join(line.split()).startswith(prefix)):
            return i
    return None


_GLUED_MONTH_RE = re.compile(
    r"(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)")
_MAX_DATES_PER_LINE = 3  # also keeps the scan linear in the length of a line
_ABOVE_BODY = 30  # lines above the body start searched for its date line
_BELOW_BODY = 12


def text_date_candidates(raw_text: str, title: str | None,
                         order: str | None = None,
                         body_start: int | None = None) -> list[_Candidate]:
    """Score every date near the top of the story, stopping at teaser/comment blocks.

    With ``body_start`` (where the cleaner found the body) only the lines around the
    headline and the body's start are read: on a copied page the story may begin two
    hundred lines down, under menus and a masthead "today" widget.
    """
    lines = [ln.strip() for ln in raw_text.splitlines()]
    nonblank = [(i, ln) for i, ln in enumerate(lines) if ln]
    compact = [ln for _, ln in nonblank]
    if body_start is not None:
        return _anchored_candidates(compact, title, order, body_start)
    title_idx = _title_index(compact, title)
    if title_idx is None:
        # The headline is the first line that is not a date, short menu item or caption.
        for i, ln in enumerate(compact[:15]):
            if len(ln.split()) >= 3 and not find_dates(ln) and not _CAPTION_HINT_RE.search(ln):
                title_idx = i
                break
    candidates: list[_Candidate] = []
    body_lines = 0
    for no, line in enumerate(compact):
        if is_furniture_heading(line):
            break  # everything below belongs to other stories or commenters
        if len(_WORD_RE.findall(line)) >= 15 and (title_idx is None or no > title_idx):
            body_lines += 1
            if body_lines > 8:
                break
        if no > 80:
            break
        if _RELATIVE_TIME_RE.search(line):
            continue
        matches = find_dates(line, order)
        if len(matches) > _MAX_DATES_PER_LINE:
            continue  # a list of dates (archive, teasers) dates no one story
        for match in matches:
            score = _score_line(line, no, title_idx, match)
            if score is not None and body_lines >= 2:
                score -= 2.5  # below the story's first paragraphs: comments, teasers, notes
            if score is not None:
                snippet = line if len(line) <= 80 else line[:77] + "..."
                candidates.append(_Candidate(match.date, score, no, snippet,
                                             _label_before(line, match) == "updated",
                                             match.ambiguous))
    return _demote_header_dates(candidates, title_idx)


def _anchored_candidates(compact: list[str], title: str | None, order: str | None,
                         body_start: int) -> list[_Candidate]:
    """Date lines between the headline (or a window above the body) and the body start."""
    title_idx = _title_index(compact[max(0, body_start - _ABOVE_BODY): body_start + 1],
                             title, len(compact))
    if title_idx is not None:
        title_idx += max(0, body_start - _ABOVE_BODY)
    first = title_idx if title_idx is not None else max(0, body_start - _ABOVE_BODY)
    candidates: list[_Candidate] = []
    body_lines = 0
    for no in range(max(0, first - 2), min(len(compact), body_start + _BELOW_BODY)):
        line = compact[no]
        if no > body_start and is_furniture_heading(line):
            break
        if no >= body_start and len(_WORD_RE.findall(line)) >= 15:
            body_lines += 1
        if _RELATIVE_TIME_RE.search(line):
            continue
        line = _GLUED_MONTH_RE.sub(" ", line)  # "Jane RoeNovember 6, 2023"
        matches = find_dates(line, order)
        if len(matches) > _MAX_DATES_PER_LINE:
            continue  # a list of dates (archive, teasers) dates no one story
        for match in matches:
            score = _score_line(line, no, title_idx, match)
            if score is None:
                continue
            score += max(0.0, 1.5 - 0.1 * abs(body_start - no))  # the date line nearest the body
            if body_lines >= 2:
                score -= 2.5
            snippet = line if len(line) <= 80 else line[:77] + "..."
            candidates.append(_Candidate(match.date, score, no, snippet,
                                         _label_before(line, match) == "updated",
                                         match.ambiguous))
    if len({c.date for c in candidates}) >= 3:
        # A list of dates above the story is a teaser rail: only the stamp at the body's
        # start or right under the headline still speaks for this article.
        candidates = [c for c in candidates if abs(c.line_no - body_start) <= 3
                      or (title_idx is not None and 0 < c.line_no - title_idx <= 3)]
    for c in candidates:
        # A later date farther from the body than another date line is a masthead
        # "today" widget or a crawl stamp: the page was seen then, not written then.
        if any(d.date < c.date and d.score >= 2.5
               and abs(d.line_no - body_start) < abs(c.line_no - body_start)
               for d in candidates):
            c.score -= 3.0
    return _demote_header_dates(candidates, title_idx)


def _demote_header_dates(cands: list[_Candidate], title_idx: int | None) -> list[_Candidate]:
    """A date above the headline that is later than a date line below it is "today"."""
    if title_idx is None:
        return cands
    below = [c for c in cands if c.line_no > title_idx and c.score >= 2.5]
    if not below:
        return cands
    earliest_below = min(c.date for c in below)
    for c in cands:
        if c.line_no < title_idx and c.date > earliest_below:
            c.score -= 3.0
    return cands


def date_from_text(raw_text: str, title: str | None, order: str | None = None,
                   body_start: int | None = None) -> tuple[dt.date, float, list[str]] | None:
    """The best-scoring date line as ``(date, confidence, evidence)``, or None."""
    cands = [c for c in text_date_candidates(raw_text, title, order, body_start)
             if c.score > 1.0]
    if not cands:
        return None
    cands.sort(key=lambda c: (-c.score, c.line_no))
    best = cands[0]
    confidence = min(0.95, 0.35 + 0.1 * best.score)
    rivals = [c for c in cands[1:] if c.date != best.date and c.score > best.score - 1.0]
    if rivals:
        confidence -= 0.2
    if best.updated:
        confidence = min(confidence, 0.5)  # first publication may be days earlier
    if best.ambiguous:
        confidence = min(confidence, 0.6)  # 04/06 read month-first without evidence
    evidence = [f"text line {best.line_no + 1}: {best.evidence}"]
    evidence += [f"rejected {c.date.isoformat()} (line {c.line_no + 1})" for c in cands[1:3]
                 if c.date != best.date]
    return best.date, round(max(confidence, 0.1), 2), evidence


def date_article(article: Article, order: str | None = None) -> None:
    """Set the publication fields of one article (metadata first, then its date line).

    ``order`` ("dmy"/"mdy") is the numeric date order the article's site was seen to use.
    """
    article.published = None
    article.published_source = None
    article.published_confidence = None
    article.published_evidence = []
    if article.metadata_date:
        value, why = parse_date(article.metadata_date)
        if value is not None:
            article.published = value
            article.published_source = "metadata"
            article.published_confidence = 0.9
            article.published_evidence = [f"metadata date {article.metadata_date!r}"]
            return
        article.published_evidence.append(f"metadata date ignored: {why}")
    start = body_start_index(article.raw_text, article.text) if article.text else None
    found = date_from_text(article.raw_text, article.title, order, start)
    if found is None:
        return
    article.published, article.published_confidence, evidence = found
    article.published_source = "text"
    article.published_evidence.extend(evidence)


_NUMERIC_RE = re.compile(r"(?<![\w/.-])(\d{1,2})([/-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\w/-])")
_COPYRIGHT_WORDS = (frozenset("c copyright all rights reserved the".split())
                    | frozenset(CORPORATE_SUFFIXES))
_MASTHEAD_SMALL = frozenset("of the and for in on a & de la le".split())


def numeric_order_votes(text: str) -> tuple[int, int]:
    """(day-first, month-first) counts of numeric dates that only one order can read."""
    dmy = mdy = 0
    for m in _NUMERIC_RE.finditer(text):
        first, second = int(m[1]), int(m[3])
        if 12 < first <= 31 and 1 <= second <= 12:
            dmy += 1
        elif 12 < second <= 31 and 1 <= first <= 12:
            mdy += 1
    return dmy, mdy


def _site_keys(article: Article) -> list[str]:
    """What ties articles to one site: URL host, site name, masthead, copyright owner."""
    keys = []
    if article.url:
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", article.url.lower()).split("/")[0]
        if host:
            keys.append("host:" + host)
    if article.site:
        keys.append("site:" + article.site.strip().lower())
    seen = 0
    for raw in article.raw_text.splitlines():
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > 6:
            break
        words = line.split()
        if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in line):
            continue
        if any(not (w[:1].isupper() or w.lower() in _MASTHEAD_SMALL) for w in words):
            continue
        if re.search(r"[|·•/›»:;,.!?☰]", line) or len(line) < 5:
            continue
        keys.append("mast:" + " ".join(words).lower())
        break
    for raw in article.raw_text.splitlines()[-12:]:
        if _COPYRIGHT_RE.search(raw):  # "© 2019 Lakeshore Weekly | Website by ...": the owner
            owner = re.sub(r"[^a-z ]+", " ", raw.lower())
            owner = " ".join(w for w in owner.split() if w not in _COPYRIGHT_WORDS)
            if len(owner) >= 6:
                keys.append("copy:" + owner)
    return keys


def site_date_orders(articles: list[Article]) -> list[str | None]:
    """Numeric date order per article: its own unambiguous dates, else its site's.

    Articles sharing a URL host, site name or masthead are one site; a site that writes
    21/08/2019 also means 4 June by 04/06/2019. None when nothing decides.
    """
    sites = UnionFind(len(articles))
    find = sites.find
    owner: dict[str, int] = {}
    votes = []
    for i, article in enumerate(articles):
        votes.append(numeric_order_votes(article.raw_text))
        for key in _site_keys(article):
            if key in owner:
                sites.union(i, owner[key])
            else:
                owner[key] = i
    totals: dict[int, list[int]] = {}
    for i, (dmy, mdy) in enumerate(votes):
        total = totals.setdefault(find(i), [0, 0])
        total[0] += dmy
        total[1] += mdy
    orders: list[str | None] = []
    for i, (dmy, mdy) in enumerate(votes):
        if dmy != mdy and (dmy == 0 or mdy == 0):
            orders.append("dmy" if dmy else "mdy")
            continue
        site_dmy, site_mdy = totals[find(i)]
        if site_dmy > 2 * site_mdy:
            orders.append("dmy")
        elif site_mdy > 2 * site_dmy:
            orders.append("mdy")
        else:
            orders.append(None)
    return orders


def date_articles(articles: list[Article]) -> None:
    """Set ``published`` and its provenance on every article; None when no date is found."""
    orders = site_date_orders(articles)
    for article, order in zip(articles, orders, strict=True):
        date_article(article, order)
