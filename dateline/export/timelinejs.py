"""TimelineJS JSON: the timeline as Knight Lab's TimelineJS page reads it.

Each event's ``start_date`` carries exactly the precision dateline knows (a month-precise
event has no day), its headline is the event title, and its text is the summary plus
every source sentence, escaped, since TimelineJS renders that text as HTML. Events can be
grouped into TimelineJS rows by their first participant, their location or the site of
their first source.
"""

from __future__ import annotations

from html import escape

from dateline.export.formatting import display_date

GROUPINGS = ("none", "participant", "location", "site")


def _start_date(event: dict) -> dict:
    parts = event["date"].split("-")
    date: dict = {"year": int(parts[0])}
    if len(parts) > 1:
        date["month"] = int(parts[1])
    if len(parts) > 2:
        date["day"] = int(parts[2])
    date["display_date"] = display_date(event)
    return date


def _text(event: dict, articles: dict[str, dict]) -> str:
    html = [f"<p>{escape(event['summary'])}</p>"] if event.get("summary") else []
    items = []
    for source in event["sources"]:
        article = articles.get(source["article"], {})
        name = article.get("title") or article.get("site") or source["article"]
        url = article.get("url")
        label = (f'<a href="{escape(url)}">{escape(name)}</a>' if url and
                 url.startswith(("http://", "https://")) else escape(name))
        items.append(f"<li>{escape(source['sentence'])} <cite>({label})</cite></li>")
    if items:
        html.append("<ul>" + "".join(items) + "</ul>")
    return "".join(html)


def _group(event: dict, articles: dict[str, dict], group_by: str) -> str | None:
    if group_by == "participant":
        return (event.get("participants") or [None])[0]
    if group_by == "location":
        return event.get("location")
    if group_by == "site":
        for source in event["sources"]:
            site = articles.get(source["article"], {}).get("site")
            if site:
                return site
    return None


def timelinejs_record(record: dict, title: str = "Timeline", group_by: str = "none") -> dict:
    """The TimelineJS document of a timeline record (the JSON output contract)."""
    if group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {group_by!r} (choose from {', '.join(GROUPINGS)})")
    articles = {a["id"]: a for a in record["articles"]}
    events = []
    for event in record["events"]:
        item = {"unique_id": event["id"], "start_date": _start_date(event),
                "text": {"headline": escape(event["title"]), "text": _text(event, articles)}}
        group = _group(event, articles, group_by)
        if group_by != "none":
            item["group"] = group or "other"
        events.append(item)
    count = len(record["articles"])
    duplicates = sum(1 for a in record["articles"] if a.get("duplicate_of"))
    summary = f"{len(events)} events from {count} articles ({duplicates} duplicates)"
    return {"title": {"text": {"headline": escape(title), "text": f"<p>{summary}</p>"}},
            "events": events}
