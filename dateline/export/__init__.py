"""Export: the timeline as JSON (the contract), Markdown, HTML, CSV, TimelineJS or ICS."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.export.csv_out import render_csv
from dateline.export.html import render_html
from dateline.export.ics import render_ics
from dateline.export.markdown import render_markdown
from dateline.export.records import timeline_record
from dateline.export.timelinejs import GROUPINGS, timelinejs_record
from dateline.model import Timeline

FORMATS = ("json", "md", "html", "csv", "timelinejs", "ics")
__all__ = ["FORMATS", "GROUPINGS", "format_for_path", "render"]


def render(timeline: Timeline, fmt: str, title: str = "Timeline", group_by: str = "none") -> str:
    """The timeline as text in ``fmt`` (json, md, html, csv, timelinejs or ics);
    ``group_by`` sets TimelineJS rows (none, participant, location, site)."""
    record = timeline_record(timeline)
    if fmt == "timelinejs":
        doc = timelinejs_record(record, title, group_by)
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt == "ics":
        return render_ics(record, title)
    if fmt == "json":
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return render_markdown(record, title)
    if fmt == "html":
        return render_html(record, title)
    if fmt == "csv":
        return render_csv(record)
    raise ValueError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")


def format_for_path(path: str) -> str:
    """The output format named by a file's extension (``.markdown`` and ``.htm`` too)."""
    if path.lower().endswith(".timelinejs.json"):
        return "timelinejs"
    suffix = Path(path).suffix.lower().lstrip(".")
    aliases = {"markdown": "md", "htm": "html", "ical": "ics"}
    fmt = aliases.get(suffix, suffix)
    if fmt not in FORMATS or fmt == "timelinejs":
        raise ValueError(f"{path}: cannot tell the output format from the extension "
                         f"(use .json, .md, .html, .csv, .ics or .timelinejs.json)")
    return fmt
