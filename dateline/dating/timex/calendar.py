"""Calendar arithmetic and TIMEX3 value formatting, independent of any text.

Dates are shifted with clamping (Jan 31 + 1 month = Feb 28) so that no input can make
normalization raise; values are formatted exactly as TIMEX3 writes them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from types import MappingProxyType

MIN_YEAR = 1
MAX_YEAR = 9999

# Syntactically valid TIMEX3 values (the subset this tagger can produce, plus TimeML forms).
VALUE_RE = re.compile(
    r"(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?"
    r"|-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI))?(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|MI|DT))?"
    r"|XXXX-WXX-\d(?:T(?:MO|AF|EV|NI|DT))?"
    r"|\d{2,3}X?"
    r"|P(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|C|Q|WE)"
    r"|PT(?:\d+(?:\.\d+)?|X)(?:H|M|S)"
    r"|P\d+Y\d+M|PT\d+H\d+M|PT\d+M\d+S|P\d+D(?:T\d+H)?)\Z"
)

SEASON_MONTH = MappingProxyType({"SP": 4, "SU": 7, "FA": 10, "WI": 1})


def valid_value(value: str) -> bool:
    """True when ``value`` is a TIMEX3 value this package accepts as well formed."""
    return bool(VALUE_RE.match(value))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 February, year 0 or 10000)."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def add_months(date: dt.date, months: int) -> dt.date:
    """Shift by whole months, clamping the day to the target month's length."""
    total = date.year * 12 + (date.month - 1) + months
    year, month = divmod(total, 12)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    day = min(date.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def add_days(date: dt.date, days: int) -> dt.date:
    """Shift by days, saturating at the ends of the representable calendar."""
    try:
        return date + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def shift(date: dt.date, unit: str, amount: int) -> dt.date:
    """Move ``date`` by ``amount`` units (D, W, M, Q, Y, DE, CE, H/MI/S count as days)."""
    if unit == "D":
        return add_days(date, amount)
    if unit in ("W", "WE"):
        return add_days(date, 7 * amount)
    if unit == "M":
        return add_months(date, amount)
    if unit == "Q":
        return add_months(date, 3 * amount)
    if unit == "Y":
        return add_months(date, 12 * amount)
    if unit == "DE":
        return add_months(date, 120 * amount)
    if unit == "CE":
        return add_months(date, 1200 * amount)
    return date


def fmt_day(date: dt.date) -> str:
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"


def fmt_month(date: dt.date) -> str:
    return f"{date.year:04d}-{date.month:02d}"


def fmt_week(date: dt.date) -> str:
    year, week, _ = date.isocalendar()
    return f"{year:04d}-W{week:02d}"


def fmt_year(date: dt.date) -> str:
    return f"{date.year:04d}"


def quarter_of(date: dt.date) -> int:
    return (date.month - 1) // 3 + 1


def fmt_at(date: dt.date, unit: str) -> str:
    """Format ``date`` at the granularity of ``unit`` (what "two weeks ago" denotes)."""
    if unit in ("D", "H", "MI", "S"):
        return fmt_day(date)
    if unit in ("W", "WE"):
        return fmt_week(date) + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return fmt_month(date)
    if unit == "Q":
        return f"{date.year:04d}-Q{quarter_of(date)}"
    if unit == "DE":
        return f"{date.year // 10:03d}"
    if unit == "CE":
        return f"{date.year // 100:02d}"
    return fmt_year(date)


# What a relative expression of each unit becomes when nothing anchors it.
UNRESOLVED = MappingProxyType({
    "D": "XXXX-XX-XX", "H": "XXXX-XX-XX", "MI": "XXXX-XX-XX", "S": "XXXX-XX-XX",
    "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
    "Y": "XXXX", "DE": "XXXX", "CE": "XXXX",
})
