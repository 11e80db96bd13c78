"""A timeline of a chosen size: which days a story's timeline shows, and what it says of each.

Journalists' timelines keep the days the coverage keeps coming back to. The strongest
single signal the timeline-summarization literature found (Tran et al. 2013; Gholipour
Ghalandari and Ifrim 2020) is how often articles published *later* refer back to a day,
counted here once per article so one long chronology cannot outvote the collection. A
reference is a sentence that reports something on that day (an event mention), not a date
named in passing ("deposits made before March 1"): on Timeline17 that gave mean date F1
0.440 against 0.431 counting every date named.
Measured on Timeline17 with leave-one-story-out (``benchmarks/tls_dates.py``), learned
rankers over this count plus same-day reports, publication bursts, sentence counts, the
news-tls DATEWISE features, a pairwise ranker and a model of the words of a day's reports
all ranked worse on the held-out story than the count alone, so the count ranks days and
the story's own period comes before background: days well before the collection's first
article (precedents, earlier crises) stay available but rank after every day of the
story. Ties go to the earlier day, the story's beginnings. Choosing days greedily with a
discount for redundancy with days already chosen (shared referring articles, adjacency,
alike reports), counting wire agencies or event reports rather than articles, and
PageRank over the day-to-day reference graph ranked worse or traded one story for
another (mean 0.31-0.44 against 0.440): gold days come in runs, so the day after a
chosen one is as often gold as an echo. Weighing a vote by how much the referring article
(or sentence) is about the story, by where in the article the reference sits, or one vote
per group of near-copies also ranked worse (0.37-0.44): a vote is about as likely to be
for a gold day whatever the voter's relevance or the reference's position.

Per date, the events shown are the ones most central among that day's reports: their
sentences closest to the TF-IDF centroid of every sentence dated that day, never page
furniture, and never a repeat of a summary already chosen (cosine above ``REDUNDANT``).
A graded redundancy penalty (maximal marginal relevance) cost ROUGE on Timeline17
(concat R2 0.097 against 0.112 with the repeat filter), so only repeats are refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from dateline.model import Event, Mention, Precision
from dateline.timeline.titles import title_by_patterns

# Days more than this before the first article are background to the story.
BACKGROUND_DAYS = 14
# A report the next day ("yesterday") is the day's own coverage more than a look back.
NEXT_DAY_WEIGHT = 0.5
REDUNDANT = 0.5  # TF-IDF cosine to a summary already chosen that makes a sentence a repeat
VOICE_PENALTY = 0.1  # a quoted or first-person sentence gives way to a plain report
SUPPORT_WEIGHT = 0.01  # a small nudge toward events more articles report


def references_from_mentions(mentions: Iterable[Mention],
                             published: dict[str, dt.date | None]
                             ) -> list[tuple[str, dt.date, dt.date]]:
    """(article, published, day referred to) for every day a sentence reports something
    on, read from its event mentions: a date named in passing (after "before", "by",
    "from", a range's end, a speaker's "today") refers back to nothing. ``published``
    holds the articles that count, each with its stated publication date (leave out
    duplicates, and dates inferred from the text's own dates: those cannot say whether
    the text looks back). A fresh build and a stored timeline count the same way."""
    found = []
    for mention in mentions:
        when = published.get(mention.article_id)
        if (when is not None and mention.basis == "text"
                and mention.date.precision is Precision.DAY):
            found.append((mention.article_id, when, mention.date.first_day))
    return found


def rank_days(days: Iterable[dt.date], references: list[tuple[str, dt.date, dt.date]],
              first_published: dt.date | None,
              support: dict[dt.date, int] | None = None) -> list[dt.date]:
    """``days`` best first: referred back to by more later articles (an article of the
    next day counts half), the story's own period before background, earlier first on
    ties. Without any reference (no article has a publication date), ``support`` (how
    many articles report each day) ranks instead."""
    later: dict[dt.date, set[str]] = defaultdict(set)
    next_day: dict[dt.date, set[str]] = defaultdict(set)
    for article, published, day in references:
        gap = (published - day).days
        if gap > 1:
            later[day].add(article)
        elif gap == 1:
            next_day[day].add(article)
    start = (first_published - dt.timedelta(days=BACKGROUND_DAYS)
             if first_published is not None else None)

    def key(day: dt.date) -> tuple:
        background = start is not None and day < start
        back = len(later.get(day, ()))
        back += NEXT_DAY_WEIGHT * len(next_day.get(day, set()) - later.get(day, set()))
        fallback = 0 if references or support is None else -support.get(day, 0)
        return (background, -back, fallback, day)

    return sorted(set(days), key=key)


def _is_furniture(sentence: str) -> bool:
    """Lines a page carries around the story: bylines, stamps, boxes, bare fragments."""
    words = sentence.split()
    if not 6 <= len(words) <= 60 or "|" in sentence or "http" in sentence:
        return True
    letters = [c for c in sentence if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return True
    return not sentence[0].isupper() and not sentence[0].isdigit()


_VOICE = re.compile(r"^\W*[\"“‘']|\b(?:I|we|We|my|our|Our|you|You)\b|\?\s*$")


def _voiced(sentence: str) -> bool:
    """Someone speaking (a quote, first or second person, a question): a timeline entry
    reports what happened, in the third person."""
    return bool(_VOICE.search(sentence))


def _sentence_choices(event: Event) -> list[Mention]:
    stated = ([m for m in event.mentions if not m.supporting and m.date == event.date]
              or [m for m in event.mentions if not m.supporting] or event.mentions)
    usable = [m for m in stated if not _is_furniture(m.sentence)]
    return usable or stated


def select_dated(events: list[Event], dates: int, per_date: int = 1,
                 references: list[tuple[str, dt.date, dt.date]] | None = None,
                 first_published: dt.date | None = None, number: bool = True) -> list[Event]:
    """``dates`` distinct days with up to ``per_date`` events each, ordered by date.

    Only day-precise events take part: a timeline of N dates has exactly N distinct
    days whenever the events cover N days. ``references`` are (article, published, day
    referred to), from ``references_from_mentions``.
    Each kept event's summary becomes its sentence most central among the day's reports
    (and not a repeat of one already chosen), so the summary reads as that day's news.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    by_day: dict[dt.date, list[Event]] = defaultdict(list)
    for event in events:
        if event.date.precision is Precision.DAY:
            by_day[event.date.first_day].append(event)
    support = {day: len({m.article_id for e in found for m in e.mentions})
               for day, found in by_day.items()}
    chosen_days = rank_days(by_day, references or [], first_published, support)[:dates]
    if not chosen_days:
        return []
    choices = {id(e): _sentence_choices(e) for d in chosen_days for e in by_day[d]}
    texts = sorted({m.sentence for options in choices.values() for m in options})
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # nothing but stop words
        matrix = None
    row = {text: k for k, text in enumerate(texts)}
    kept: list[Event] = []
    said = None  # vectors of the summaries chosen so far
    for day in sorted(chosen_days):
        candidates = [(e, m) for e in by_day[day] for m in choices[id(e)]]
        if matrix is None:
            picks = sorted(by_day[day], key=lambda e: -e.score)[:per_date]
            kept.extend(picks)
            continue
        rows = matrix[[row[m.sentence] for _, m in candidates]]
        centroid = rows.mean(axis=0).A1
        central = rows @ centroid
        taken: set[int] = set()
        for pick in range(per_date):
            best, best_value = None, None
            for k, (event, _mention) in enumerate(candidates):
                if id(event) in taken:
                    continue
                redundancy = (rows[k] @ said.T).max() if said is not None else 0.0
                support = len({m.article_id for m in event.mentions})
                value = central[k] + SUPPORT_WEIGHT * min(support, 10)
                if _voiced(candidates[k][1].sentence):
                    value -= VOICE_PENALTY
                if redundancy > REDUNDANT:  # a repeat: only when the day has nothing else
                    value -= 10
                if best_value is None or value > best_value:
                    best, best_value = k, value
            if best is None or (pick and best_value < -5):  # nothing new left to say
                break
            event, mention = candidates[best]
            taken.add(id(event))
            event.summary = mention.sentence
            event.title = title_by_patterns(mention)
            kept.append(event)
            said = rows[best] if said is None else _stack(said, rows[best])
    kept.sort(key=lambda e: (e.date.first_day, -e.score))
    if number:  # a stored timeline keeps the store's ids
        for position, event in enumerate(kept, 1):
            event.id = f"e{position}"
    return kept


def _stack(top, bottom):
    from scipy.sparse import vstack

    return vstack([top, bottom]).tocsr()
