"""The stored mentions a batch of new ones may share an event with, found by date.

Every lookup is an indexed (precision, first_day) condition; which stored events the
new mentions actually reach is decided by wording in ``incremental``.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from sqlalchemy import Connection, func, or_, select

from dateline.model import Mention, Precision
from dateline.store.rows import chunks, current_terms
from dateline.store.schema import mentions

PERIOD_DAY_LIMIT = 2000  # a coarse mention looks for a finer event in periods this full
_CANDIDATE_COLUMNS = [mentions.c.id, mentions.c.event_id, mentions.c.article_id,
                      mentions.c.precision, mentions.c.first_day, mentions.c.last_day,
                      mentions.c.terms]


def stored_candidates(conn: Connection, new: list[Mention], tolerance: int, skip: set[int]
                      ) -> tuple[list, list[tuple[list[str], str]]]:
    """Stored mentions whose dates let them share an event with a new mention.

    A day mention meets the stored day mentions within the tolerance and the month and
    year mentions of its period (which may attach to it); a month or year mention meets
    the mentions of its own period, the month mentions of its year, and the finer ones
    inside its period when the period is not too crowded. Every clause is an indexed
    (precision, first_day) lookup; all of them go out in a few OR-ed queries. Word
    features made by other grouping code are computed once and kept. Returns the rows
    (``_CANDIDATE_COLUMNS``) and their (sentence, context) features; ``skip``: the
    rows of the new mentions themselves.
    """
    rows, seen = [], set(skip)
    for chunk in chunks(_date_lookups(conn, new, tolerance), 100):
        for row in conn.execute(select(*_CANDIDATE_COLUMNS).where(or_(*chunk))):
            if row.id not in seen:
                seen.add(row.id)
                rows.append(row)
    terms = current_terms(conn, {row.id: row.terms for row in rows})
    return rows, [terms[row.id] for row in rows]


def _date_lookups(conn: Connection, new: list[Mention], tolerance: int) -> list:
    """The indexed (precision, first_day) conditions that find every stored mention a
    new one may share an event with (see ``stored_candidates``)."""
    day, month, year = Precision.DAY.value, Precision.MONTH.value, Precision.YEAR.value
    day_ranges: list[tuple[int, int]] = []
    periods: set[tuple[str, int]] = set()  # (precision, first day of the period)
    finer: set[tuple[str, int, int]] = set()  # (precision, lo, hi) inside a coarse period
    for date in {m.date for m in new}:
        periods.add((year, dt.date(date.year, 1, 1).toordinal()))
        if date.precision is Precision.DAY:
            ordinal = date.first_day.toordinal()
            day_ranges.append((ordinal - tolerance, ordinal + tolerance))
            periods.add((month, dt.date(date.year, date.month, 1).toordinal()))
            continue
        lo, hi = date.first_day.toordinal(), date.last_day.toordinal()
        periods.add((date.precision.value, lo))
        finer.add((day, lo, hi))
        if date.precision is Precision.YEAR:
            finer.add((month, lo, hi))
    for precision, lo, hi in sorted(finer):
        crowd = conn.execute(select(func.count()).select_from(mentions).where(
            mentions.c.precision == precision, mentions.c.first_day.between(lo, hi))).scalar()
        if crowd <= PERIOD_DAY_LIMIT:  # a finer event it may join
            if precision == day:
                day_ranges.append((lo, hi))
            else:  # the months of a year
                start = dt.date.fromordinal(lo).year
                periods.update((month, dt.date(start, m, 1).toordinal()) for m in range(1, 13))
    conditions = [(mentions.c.precision == day) & mentions.c.first_day.between(lo, hi)
                  for lo, hi in _merge(day_ranges)]
    for precision, group in groupby(sorted(periods), key=lambda period: period[0]):
        for chunk in chunks([first for _, first in group], 200):
            conditions.append((mentions.c.precision == precision)
                              & mentions.c.first_day.in_(chunk))
    return conditions


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]
