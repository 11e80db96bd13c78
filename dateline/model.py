"""The shared document model: plain records passed from one pipeline stage to the next.

Every stage reads and returns these dataclasses; none keeps state of its own. The
records a build holds by the hundred thousand (dates, temporal expressions, sentences,
mentions, entities, sources) have slots: an unpickled instance (a worker's result) has
a dictionary of its own otherwise, about 100 bytes more each. Dates
that the pipeline decides are ``datetime.date`` plus a precision, never strings, so
that comparisons and arithmetic stay exact; the export layer turns them into text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Precision(str, Enum):
    """How precisely a date is known. Ordered from finest to coarsest."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    @property
    def rank(self) -> int:
        return {"day": 0, "month": 1, "year": 2}[self.value]


@dataclass(frozen=True, order=True, slots=True)
class FuzzyDate:
    """A calendar date known to a given precision (``2019-03`` is March 2019, any day).

    ``day`` and ``month`` are 1 when the precision does not reach them. ``label`` keeps a
    finer description than the precision can express ("autumn", "mid-September").
    """

    year: int
    month: int = 1
    day: int = 1
    precision: Precision = Precision.DAY
    label: str | None = field(default=None, compare=False)

    @classmethod
    def from_date(cls, value: dt.date) -> FuzzyDate:
        return cls(value.year, value.month, value.day, Precision.DAY)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, self.day)

    @property
    def last_day(self) -> dt.date:
        if self.precision is Precision.DAY:
            return self.first_day
        if self.precision is Precision.MONTH:
            nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as the precision allows."""
        if self.precision is Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def contains(self, other: FuzzyDate) -> bool:
        """True when every day of ``other`` falls inside this date's range."""
        return self.first_day <= other.first_day and other.last_day <= self.last_day

    def compatible(self, other: FuzzyDate, tolerance_days: int = 0) -> bool:
        """True when the two ranges overlap, allowing ``tolerance_days`` of slack."""
        slack = dt.timedelta(days=tolerance_days)
        return self.first_day - slack <= other.last_day and other.first_day - slack <= self.last_day

    def __str__(self) -> str:
        return self.iso()


@dataclass(slots=True)
class Timex:
    """A temporal expression as TimeML TIMEX3 describes it.

    ``start``/``end`` are character offsets into the text the tagger was given.
    ``value`` is the TIMEX3 value string (``2019-02-27``, ``P3M``, ``XXXX-WXX-1``...).
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None  # TimeML mod: START, MID, END, APPROX, BEFORE, AFTER, ...
    anchored: bool = True  # False when the value could not be tied to a reference date
    quant: str | None = None  # SET quantifier ("EACH", "EVERY") where it applies
    freq: str | None = None  # SET frequency ("2X") where it applies

    def to_dict(self) -> dict:
        """The ``dateline timex`` contract: start, end, text, type, value (+ optional keys)."""
        record = {"start": self.start, "end": self.end, "text": self.text,
                  "type": self.type, "value": self.value}
        for key in ("mod", "quant", "freq"):
            if getattr(self, key):
                record[key] = getattr(self, key)
        return record


@dataclass(slots=True)
class Sentence:
    """A sentence of an article's cleaned body, with its offsets into ``Article.text``."""

    index: int
    start: int
    end: int
    text: str
    timexes: list[Timex] = field(default_factory=list)  # offsets relative to the sentence


@dataclass
class Warning_:
    """A problem with one input, reported to the user as one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        # A file name may hold control characters (an escape sequence would drive the
        # terminal): they are shown escaped, as Python writes them.
        return f"{_printable(self.path)}: {_printable(self.reason)}"


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@dataclass
class Article:
    """One input article, from raw text to cleaned body and publication date."""

    id: str
    path: str
    raw_text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    text: str = ""  # cleaned body text; sentences index into it
    published: dt.date | None = None
    published_source: str | None = None  # "metadata" | "text" | "inferred"
    published_confidence: float | None = None
    published_evidence: list[str] = field(default_factory=list)
    metadata_date: str | None = None  # raw date string from metadata (HTML/JSONL), if any
    # How the body was obtained, when the path's extension does not tell: "extracted" (from
    # an HTML page, boilerplate removed), "record" (a JSONL/feed item's text), "text".
    form: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, why) dropped as noise
    sentences: list[Sentence] = field(default_factory=list)
    duplicate_of: str | None = None


@dataclass(slots=True)
class Entity:
    """A named entity mentioned in an event sentence (spaCy label: PERSON, ORG, GPE...)."""

    text: str
    label: str


HEADLINE = -1  # the sentence index of an article's title, as a mention's sentence


@dataclass(slots=True)
class Mention:
    """One sentence that reports something happening at a resolvable time."""

    article_id: str
    sentence_index: int
    sentence: str
    date: FuzzyDate
    timex: Timex
    entities: list[Entity] = field(default_factory=list)
    future: bool = False  # scheduled / announced rather than already happened
    context: str = ""  # the article's title and lead: which story the sentence belongs to
    continues: int | None = None  # no date of its own: index of the dated sentence it follows
    bounding: bool = False  # a coarse date after "since"/"until": a state's edge, not an event
    basis: str = "text"  # "text": the sentence dates it; "publication": an undated lead

    @property
    def inherited(self) -> bool:
        return self.continues is not None

    @property
    def supporting(self) -> bool:
        """Can add a source to an event, but never makes an event alone."""
        return self.inherited or self.bounding


@dataclass(slots=True)
class Source:
    article: str
    sentence: str

    @staticmethod
    def of_mentions(mentions: list[Mention]) -> list[Source]:
        """One source per distinct (article, sentence) of ``mentions``, in their order."""
        seen: set[tuple[str, str]] = set()
        sources = []
        for mention in mentions:
            key = (mention.article_id, mention.sentence)
            if key not in seen:
                seen.add(key)
                sources.append(Source(mention.article_id, mention.sentence))
        return sources


@dataclass
class Quote:
    """A direct quote, its speaker (None when the text does not say) and its article."""

    speaker: str | None
    text: str
    article: str

    def to_dict(self) -> dict:
        return {"speaker": self.speaker, "text": self.text, "article": self.article}


@dataclass
class Event:
    """One real-world event: the mentions that report it and their agreed date."""

    id: str
    date: FuzzyDate
    title: str
    summary: str
    mentions: list[Mention]
    sources: list[Source]
    participants: list[str] = field(default_factory=list)
    location: str | None = None
    score: float = 0.0
    date_conflicts: list[dict] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # direct quotes in its sources
    # ordinal claims ("the third round of talks"): text, ordinal, kind, article, documented
    claims: list[dict] = field(default_factory=list)


@dataclass
class Timeline:
    """The product: articles as read, dated events in order, and what could not be dated."""

    articles: list[Article]
    events: list[Event]
    undated: list[dict] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    total_events: int | None = None  # events found before selection, when known
