"""iCalendar (RFC 5545): every dated event as an all-day calendar entry.

An event spans the days its date covers (one day, or the whole month or year when that is
all the sources say), so a calendar never shows a precision the sources do not give.
Lines are folded at 75 octets and text is escaped as the RFC requires.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from dateline.export.formatting import display_date


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, continuations indented."""
    out, chunk, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(chunk)
            chunk, size = "", 0
        chunk += char
        size += width
    out.append(chunk)
    return "\r\n ".join(out)


def _span(event: dict) -> tuple[dt.date, dt.date]:
    """First day and the day after the last (DTEND is exclusive for all-day entries)."""
    parts = [int(p) for p in event["date"].split("-")]
    year = parts[0]
    if len(parts) == 3:
        start = dt.date(*parts)
        return start, start + dt.timedelta(days=1)
    if len(parts) == 2:
        month = parts[1]
        return dt.date(year, month, 1), dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)


def render_ics(record: dict, title: str = "Timeline") -> str:
    """The timeline record's events as an iCalendar file (text with CRLF line ends)."""
    articles = {a["id"]: a for a in record["articles"]}
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dateline//timeline export//EN",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_escape(title)}"]
    for event in record["events"]:
        start, end = _span(event)
        sources = []
        for source in event["sources"]:
            article = articles.get(source["article"], {})
            name = article.get("title") or article.get("url") or source["article"]
            sources.append(f"- {source['sentence']} ({name})")
        description = "\n".join(filter(None, [event.get("summary"),
                                              f"Date: {display_date(event)} "
                                              f"({event['precision']} precision)",
                                              "Sources:", *sources]))
        digest = hashlib.sha1(f"{event['id']}|{event['date']}|{event['title']}"
                              .encode()).hexdigest()[:16]
        lines += ["BEGIN:VEVENT", f"UID:{event['id']}-{digest}@dateline", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                  f"SUMMARY:{_escape(event['title'])}",
                  f"DESCRIPTION:{_escape(description)}"]
        if event.get("location"):
            lines.append(f"LOCATION:{_escape(event['location'])}")
        if event.get("participants"):
            lines.append(f"CATEGORIES:{','.join(_escape(p) for p in event['participants'])}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
