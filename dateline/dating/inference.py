"""Publication dates for articles that state none, inferred from their own content.

An article without a date line still carries evidence of when it was written:

* absolute dates it mentions ("on January 14, 2019"): a report is published on or after
  the latest event it describes as past, and before the events it announces;
* weekday + date without a year ("on Thursday, April 4"): only some years put April 4
  on a Thursday, and other evidence (years mentioned, the copyright line, the dated
  articles of the collection) says which of them is meant;
* comment timestamps and a "today" header above the headline: the page existed then,
  so it was published on or before them (upper bounds only, never the date itself);
* other articles of the collection: an undated article telling the same story in nearly
  the same words (or with the same long quotes) as a dated one appeared around its date.

Each inferred date comes with a calibrated confidence. Only a near-copy of a dated
article (0.55-0.75: copies can run a day later) or a latest-event date pinned down by a
tight window gets above 0.5; nothing inferred reaches 0.8, the level at which a date
anchors relative expressions. The latest event alone is a guess (reports often run a
day or more after it) and stays below 0.5, and when the evidence is only a month, a
year or contradicts itself the date stays None.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dateline.dating.pubdate import find_dates
from dateline.lexicon import STOP_WORDS, WEEKDAY_NAMES, alternation
from dateline.model import Article, FuzzyDate, Precision, Timex

__all__ = ["infer_publication_dates", "infer_publication_date", "tag_for_inference"]

_WEEKDAYS = {name[:3]: i for i, name in enumerate(WEEKDAY_NAMES)}  # Monday is 0, as in date
_WEEKDAY_RE = re.compile(r"\b(" + alternation(_WEEKDAYS) + r")[a-z]*\.?,?\s", re.IGNORECASE)
_UNANCHORED_DAY = re.compile(r"XXXX-(\d{2})-(\d{2})\Z")
_UNANCHORED_MONTH = re.compile(r"XXXX-(\d{2})\Z")
_COPYRIGHT_YEAR_RE = re.compile(r"(?:©|\bcopyright\b|\(c\))[^\n]{0,60}?\b((?:19|20)\d\d)\b",
                                re.IGNORECASE)
_FUTURE_CUE_RE = re.compile(
    r"\b(?:will|would|shall|going to|plans?|planned|planning|scheduled|expected|due|set to|"
    r"next|upcoming|coming|is to|are to|to be held|later this)\b|'ll\b", re.IGNORECASE)
_QUOTE_RE = re.compile(r"[\"“]([^\"“”]{20,400})[\"”]")
_TOKEN_RE = re.compile(r"[a-z][a-z'’-]+")
# News filler on top of the function words: too common to single out a copy.
_STOP = STOP_WORDS | frozenset("new one two three year years first may".split())

_MAX_POSTINGS = 150  # terms in more dated articles than this cannot single out a copy
_QUERY_TERMS = 30
_CANDIDATES = 20
NEAR_COPY = 0.6  # TF-IDF cosine above which two texts tell one story in the same words
SAME_STORY = 0.35  # cosine above which shared long quotes mark the same story


@dataclass
class _Evidence:
    lower: list[tuple[dt.date, Precision, str]] = field(default_factory=list)
    upper: list[tuple[dt.date, str]] = field(default_factory=list)
    later_vague: list[str] = field(default_factory=list)  # past months after the last day date
    copies: list[tuple[float, dt.date, str, float]] = field(default_factory=list)


# ---------------------------------------------------------------- text evidence

def _sentence(text: str, start: int, end: int) -> str:
    from dateline.dating.timex.context import sentence_bounds

    left, right = sentence_bounds(text, start, end)
    return text[left:right]


def _announced(text: str, start: int, end: int) -> bool:
    """Whether the date at [start, end) is announced as coming: the tagger's tense reading
    says future and an explicit future cue stands in its sentence ("until at least June"
    in a past-tense sentence is no announcement).

    The cue is looked for first: most sentences have none, and then the tense reading,
    the costlier test, cannot make the date future.
    """
    from dateline.dating.timex.context import reads_future, sentence_window

    lo, hi = sentence_window(text, start, end)
    if not _FUTURE_CUE_RE.search(text[lo:hi]):
        return False  # no cue in the window the sentence lies in: none in the sentence
    if not _FUTURE_CUE_RE.search(_sentence(text, start, end)):
        return False
    return reads_future(text, start, end)


def _reference_years(article: Article, dated_years: Counter[int],
                     event_years: list[int]) -> range | None:
    """The years the article was probably written in, for dates given without a year.

    The page's copyright line and reader comments are at or after publication: up to two
    years before them. Else the years of the day- or month-precise dates the text reports
    (years beyond the collection's dated range are plans and ignored): the latest or the
    next. Else the collection's most common publication year, give or take one. A bare
    year the text mentions ("since 2000", "the 2016 election") is background, not the
    story's time, and no evidence of the year.
    """
    page = [int(y) for y in _COPYRIGHT_YEAR_RE.findall(article.raw_text)]
    page += [d.date.year for d in _removed_dates(article, "comments")]
    if page:
        return range(min(page) - 2, min(page) + 1)
    ceiling = max(dated_years) + 1 if dated_years else None
    event_years = [y for y in event_years if ceiling is None or y <= ceiling]
    if event_years:
        return range(max(event_years), max(event_years) + 2)
    if dated_years:
        common = dated_years.most_common(1)[0][0]
        return range(common - 1, common + 2)
    return None


def _weekday_year(month: int, day: int, weekday: int, years: range | None) -> int | None:
    """The one year in ``years`` in which ``month/day`` falls on ``weekday``, else None."""
    if years is None:
        return None
    candidates = []
    for year in years:
        try:
            if dt.date(year, month, day).weekday() == weekday:
                candidates.append(year)
        except ValueError:
            continue
    return candidates[0] if len(candidates) == 1 else None


def _removed_dates(article: Article, why: str) -> list:
    """The dates on the lines cleaning removed for one reason ("comments", "page header")."""
    return [found for line, reason in article.removed if reason == why
            for found in find_dates(line)]


Tagging = tuple[list[Timex] | None]  # (the expressions, or None when tagging failed,)


def tag_for_inference(article: Article) -> Tagging | None:
    """The temporal expressions of an article's text tagged without an anchor date, as
    inference reads them, when the article will be inferred (None otherwise): the part
    of inference that needs no other article, run where the article is cleaned."""
    if article.published is not None or article.published_source == "metadata":
        return None
    return _tag(_body(article))


def _tag(text: str) -> Tagging:
    from dateline.dating.timex import tag

    try:
        return (tag(text, dct=None),)
    except Exception:  # the tagger is a colleague's work in progress: no evidence then
        return (None,)


def _text_evidence(article: Article, text: str, dated_years: Counter[int],
                   evidence: _Evidence, tagging: Tagging | None = None
                   ) -> list[Timex] | None:
    """Fill ``evidence`` from the dates ``text`` gives; returns the temporal expressions
    tagged in it (no anchor date), which a later stage can reuse (None if tagging failed).
    ``tagging``: ``text`` already tagged (``tag_for_inference``)."""
    from dateline.dating.timex import to_fuzzy_date

    tagged: list[Timex] | None = (tagging if tagging is not None else _tag(text))[0]
    timexes = tagged if tagged is not None else []
    # Each anchored expression's date, read once for both uses below.
    anchored = [to_fuzzy_date(tx) if tx.anchored else None for tx in timexes]
    event_years = [f.year for f in anchored
                   if f is not None and f.precision is not Precision.YEAR]
    ref_years = _reference_years(article, dated_years, event_years)
    vague: list[tuple[int, int | None, str]] = []  # (month, day, snippet) without a year
    for tx, anchored_date in zip(timexes, anchored, strict=True):
        if tx.type not in ("DATE", "TIME"):
            continue
        snippet = tx.text.strip()
        if tx.anchored:
            fuzzy = anchored_date
        else:
            fuzzy = None
            m_day = _UNANCHORED_DAY.match(tx.value)
            m_weekday = _WEEKDAY_RE.match(tx.text.strip())
            if m_day and m_weekday:
                month, day = int(m_day[1]), int(m_day[2])
                year = _weekday_year(month, day, _WEEKDAYS[m_weekday[1][:3].lower()],
                                     ref_years)
                if year is not None:
                    fuzzy = FuzzyDate(year, month, day, Precision.DAY)
                    snippet += f" (a {m_weekday[1][:3].title()} in {year})"
            elif m_day:
                vague.append((int(m_day[1]), int(m_day[2]), snippet))
            elif m_month := _UNANCHORED_MONTH.match(tx.value):
                vague.append((int(m_month[1]), None, snippet))
        if fuzzy is None:
            continue
        if _announced(text, tx.start, tx.end):
            evidence.upper.append((fuzzy.first_day, f"announces {snippet!r} as coming"))
        elif fuzzy.precision is Precision.DAY or fuzzy.precision is Precision.MONTH:
            evidence.lower.append((fuzzy.first_day, fuzzy.precision, snippet))
        else:
            day = fuzzy.first_day
            if fuzzy.label == "autumn":
                day = dt.date(fuzzy.year, 9, 1)
            evidence.lower.append((day, Precision.YEAR, snippet))
    # Months and days named without a year, read in the year of the latest dated event:
    # a past one after it means the story reaches beyond that event.
    day_lowers = [d for d, p, _ in evidence.lower if p is Precision.DAY]
    if day_lowers:
        latest = max(day_lowers)
        for month, day, snippet in vague:
            start = text.find(snippet)
            if start < 0 or _FUTURE_CUE_RE.search(_sentence(text, start, start + len(snippet))):
                continue  # "will close from June through August": plans, not the past
            try:
                when = dt.date(latest.year, month, day or 1)
            except ValueError:
                continue
            if (when.year, when.month) > (latest.year, latest.month) or (
                    day and when > latest):
                evidence.later_vague.append(snippet)
    for match in _removed_dates(article, "comments"):
        evidence.upper.append((match.date, "a reader comment is dated "
                               f"{match.date.isoformat()}"))
    for match in _removed_dates(article, "page header"):
        evidence.upper.append((match.date, "the page header shows "
                               f"{match.date.isoformat()}"))
    return tagged


# ---------------------------------------------------------------- collection evidence

def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN_RE.findall(text.lower()) if t not in _STOP and len(t) > 2]


def _quotes(text: str) -> set[str]:
    found = set()
    for m in _QUOTE_RE.finditer(text):
        words = _TOKEN_RE.findall(m[1].lower())
        if len(words) >= 8:
            found.add(" ".join(words))
    return found


class _Similarity:
    """TF-IDF cosine of undated articles against the dated ones, via an inverted index."""

    def __init__(self, articles: list[Article], dated: list[Article]) -> None:
        tokens = {a.id: Counter(_tokens(_body(a))) for a in articles}
        df: Counter[str] = Counter()
        for counts in tokens.values():
            df.update(counts.keys())
        n = max(1, len(articles))
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self.vectors = {aid: self._vector(c) for aid, c in tokens.items()}
        self.index: dict[str, list[tuple[Article, float]]] = defaultdict(list)
        for art in dated:
            for term, weight in self.vectors[art.id].items():
                self.index[term].append((art, weight))
        self.quote_index: dict[str, list[Article]] = defaultdict(list)
        for art in dated:
            for quote in _quotes(_body(art)):
                self.quote_index[quote].append(art)

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        vec = {t: (1 + math.log(c)) * self.idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def matches(self, article: Article) -> list[tuple[float, int, Article]]:
        """(cosine, shared long quotes, dated article), best first.

        Candidates come from the query's rarest terms (short posting lists), so the cost
        stays flat on large collections; their cosine is then computed in full.
        """
        vector = self.vectors.get(article.id, {})
        # the index holds dated articles only, so the (undated) query is never in it
        shared = [t for t in vector if 1 <= len(self.index.get(t, ())) <= _MAX_POSTINGS]
        rare = sorted(shared, key=lambda t: -self.idf[t])[:_QUERY_TERMS]
        hits: Counter[str] = Counter()
        by_id: dict[str, Article] = {}
        for term in rare:
            for other, _ in self.index.get(term, ()):
                hits[other.id] += 1
                by_id[other.id] = other
        scores: dict[str, float] = {}
        for aid, _ in hits.most_common(_CANDIDATES):
            other_vec = self.vectors[aid]
            scores[aid] = sum(w * other_vec.get(t, 0.0) for t, w in vector.items())
        by_id = {aid: by_id[aid] for aid in scores}
        shared: Counter[str] = Counter()
        for quote in _quotes(_body(article)):
            for other in self.quote_index.get(quote, ()):
                shared[other.id] += 1
                by_id[other.id] = other
        out = [(scores.get(aid, 0.0), shared.get(aid, 0), art) for aid, art in by_id.items()
               if art.id != article.id]
        out.sort(key=lambda x: (-x[0], -x[1]))
        return out


def _body(article: Article) -> str:
    return article.text or article.raw_text


# ---------------------------------------------------------------- decision

def _decide(evidence: _Evidence) -> tuple[dt.date, float, list[str]] | None:
    notes: list[str] = []
    lower_day = max((d for d, p, _ in evidence.lower if p is Precision.DAY), default=None)
    lower_any = max((d for d, _, _ in evidence.lower), default=None)
    upper = min((d for d, _ in evidence.upper), default=None)
    if lower_any and upper and upper < lower_any:
        upper = None  # contradictory bounds: trust the content, drop the bound
    copies = [c for c in evidence.copies
              if (lower_any is None or c[1] >= lower_any) and (upper is None or c[1] <= upper)]
    for _, _, why, _ in evidence.copies:
        if not any(why == c[2] for c in copies):
            notes.append(f"ignored: {why} (outside the article's own bounds)")
    if copies:
        cosine, when, why, source_confidence = max(copies)
        # Syndicated copies run the same day or a day later: never quite certain.
        confidence = 0.55 + 0.2 * min(1.0, (cosine - NEAR_COPY) / (1 - NEAR_COPY))
        others = {c[1] for c in copies if c[1] != when}
        if others:
            when = min(others | {when})  # the earliest telling bounds the story's first run
            confidence -= 0.15
            notes.append("copies are dated " + ", ".join(
                sorted(d.isoformat() for d in others | {when})))
        notes.insert(0, why)
        if lower_day:
            notes.append(f"latest event it reports: {lower_day.isoformat()}")
        return when, round(min(confidence, 0.75, source_confidence), 2), notes
    if lower_day is None:
        return None
    snippet = next(s for d, p, s in evidence.lower if d == lower_day and p is Precision.DAY)
    if lower_any and lower_any > lower_day:
        return None  # a later month or year is mentioned: the day is not the latest event
    if evidence.later_vague:
        return None  # "until at least June" after "January 14": the story runs later
    # Reports usually run the day of the latest event or the day after: alone, that
    # event is a guess; an upper bound (a comment, an announced date) narrows it.
    guessed_year = "(a " in snippet  # the year came from the weekday, not the text
    confidence = 0.35 if guessed_year else 0.4
    notes.append(f"latest event it reports: {snippet!r} = {lower_day.isoformat()}")
    if upper is not None:
        gap = (upper - lower_day).days
        notes.append(f"published by {upper.isoformat()} at the latest")
        if gap <= 0:
            confidence = 0.7
        elif gap == 1:
            confidence = 0.55
        elif gap <= 3:
            confidence = 0.45
        if guessed_year:
            confidence -= 0.05
    return lower_day, round(confidence, 2), notes


def infer_publication_date(article: Article, similarity: _Similarity | None = None,
                           dated_years: Counter[int] | None = None,
                           tagging: Tagging | None = None) -> list[Timex] | None:
    """Infer one article's date in place (see :func:`infer_publication_dates`); returns
    the temporal expressions of ``article.text`` tagged without an anchor date on the
    way, or None when its text was not tagged."""
    if article.published is not None or article.published_source == "metadata":
        return None
    evidence = _Evidence()
    timexes = _text_evidence(article, _body(article), dated_years or Counter(), evidence,
                             tagging)
    timexes = timexes if article.text else None  # the raw text was read instead
    if similarity is not None:
        for cosine, quotes, other in similarity.matches(article)[:5]:
            if other.published is None:
                continue
            if cosine >= NEAR_COPY:
                evidence.copies.append((cosine, other.published,
                                        f"same story in nearly the same words as {other.id} "
                                        f"(cosine {cosine:.2f}, dated "
                                        f"{other.published.isoformat()})",
                                        other.published_confidence or 0.5))
            elif quotes >= 1 and cosine >= SAME_STORY:
                evidence.copies.append((NEAR_COPY + 0.02 * min(quotes, 5), other.published,
                                        f"shares {quotes} long quote(s) with {other.id} "
                                        f"(cosine {cosine:.2f}, dated "
                                        f"{other.published.isoformat()})",
                                        other.published_confidence or 0.5))
    decided = _decide(evidence)
    if decided is not None:
        article.published, article.published_confidence, notes = decided
        article.published_source = "inferred"
        article.published_evidence = [*article.published_evidence, *notes]
    return timexes


def infer_publication_dates(articles: list[Article],
                            taggings: list[Tagging | None] | None = None
                            ) -> dict[str, tuple[str, list[Timex]]]:
    """Give undated articles an inferred publication date where their content supports one.

    Run after :func:`dateline.dating.pubdate.date_articles` (and the clean stage, whose
    ``removed`` lines supply comment and header dates). Articles with a date, or whose
    metadata gave one, are left alone; so are those whose evidence is too weak: they
    keep ``published = None``. Inferred dates get ``published_source = "inferred"``, a
    confidence (> 0.5 only for strong, consistent evidence) and readable evidence.

    Returns, by article id, the text of each inferred article and its temporal
    expressions, tagged without an anchor date: the sentence stage reads the same text
    with the same (absent) anchor and can take them instead of tagging it a second time.
    ``taggings``: each article's ``tag_for_inference``, when computed with its cleaning.
    """
    pretagged = {id(a): t for a, t in zip(articles, taggings, strict=True)} \
        if taggings is not None else {}
    undated = [a for a in articles
               if a.published is None and a.published_source != "metadata"]
    if not undated:
        return {}
    dated = [a for a in articles if a.published is not None and a.published_source != "inferred"]
    dated_years: Counter[int] = Counter(a.published.year for a in dated)
    similarity = _Similarity(articles, dated) if dated else None
    tagged: dict[str, tuple[str, list[Timex]]] = {}
    for article in undated:
        timexes = infer_publication_date(article, similarity, dated_years,
                                         pretagged.get(id(article)))
        if timexes is not None:
            tagged[article.id] = (article.text, timexes)
    return tagged


# An inferred publication date below this confidence dates the article in the output but
# is not firm enough to turn "on Wednesday" into a calendar day.
ANCHOR_CONFIDENCE = 0.8


def anchor_date(article: Article) -> dt.date | None:
    """The date the article's relative expressions resolve against, if any: its stated
    publication date, or an inferred one only when the inference is firm."""
    if article.published_source == "inferred" and (
            article.published_confidence or 0.0) < ANCHOR_CONFIDENCE:
        return None
    return article.published
