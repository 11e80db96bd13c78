"""Turn a DATE/TIME timex value into a calendar date with an honest precision."""

from __future__ import annotations

import datetime as dt
import re

from dateline.model import FuzzyDate, Precision, Timex

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?\Z")
_MONTH = re.compile(r"(\d{4})-(\d{2})\Z")
_YEAR = re.compile(r"(\d{4})\Z")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-(?:\d|WE))?\Z")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)\Z")
_LABELS = {"Q1": "Q1", "Q2": "Q2", "Q3": "Q3", "Q4": "Q4", "H1": "first half",
           "H2": "second half", "SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_MOD_LABELS = {"START": "early", "MID": "mid", "END": "late"}


def to_fuzzy_date(timex: Timex) -> FuzzyDate | None:
    """Calendar date of a DATE/TIME timex: day, month or year precision, else None.

    Weeks become the month when the whole week lies in one month, else the year;
    seasons, quarters and halves keep year precision with a label; decades, centuries,
    ``*_REF`` and unanchored (``X``) values have no date.
    """
    if timex.type not in ("DATE", "TIME") or not timex.anchored:
        return None
    value = timex.value
    label = _MOD_LABELS.get(timex.mod or "")
    try:
        if match := _DAY.match(value):
            return FuzzyDate(int(match[1]), int(match[2]), int(match[3]), Precision.DAY)
        if match := _MONTH.match(value):
            dt.date(int(match[1]), int(match[2]), 1)
            return FuzzyDate(int(match[1]), int(match[2]), 1, Precision.MONTH, label)
        if match := _YEAR.match(value):
            if int(match[1]) < 1:
                return None
            return FuzzyDate(int(match[1]), 1, 1, Precision.YEAR, label)
        if match := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            sunday = monday + dt.timedelta(days=6)
            label = f"week of {monday.day} {monday:%B}"
            if monday.month == sunday.month:
                return FuzzyDate(monday.year, monday.month, 1, Precision.MONTH, label)
            return FuzzyDate(monday.year, 1, 1, Precision.YEAR, label)
        if match := _PART.match(value):
            return FuzzyDate(int(match[1]), 1, 1, Precision.YEAR, _LABELS[match[2]])
    except (ValueError, OverflowError):
        return None
    return None
