"""Human-readable dates for the Markdown and HTML exports."""

from __future__ import annotations

import datetime as dt


def display_date(event: dict) -> str:
    """"Wed 13 March 2024", "March 2024", "autumn 2023", "week of 8 April 2024", "2019"."""
    value, precision, label = event["date"], event["precision"], event.get("date_label")
    if precision == "day":
        day = dt.date.fromisoformat(value)
        return f"{day:%a} {day.day} {day:%B %Y}"
    if precision == "month":
        month = dt.date.fromisoformat(value + "-01")
        text = f"{month:%B %Y}"
    else:
        text = value
    if label and label.startswith("week of"):  # "week of 8 April" already names the month
        return f"{label} {value[:4]}"
    return f"{label} {text}" if label else text


def year_of(event: dict) -> str:
    return event["date"][:4]
