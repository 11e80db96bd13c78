"""Export: the timeline as JSON (the contract), Markdown, HTML or CSV."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.export.csv_out import render_csv
from dateline.export.html import render_html
from dateline.export.markdown import render_markdown
from dateline.export.records import timeline_record
from dateline.model import Timeline

FORMATS = ("json", "md", "html", "csv")


def render(timeline: Timeline, fmt: str, title: str = "Timeline") -> str:
    """The timeline as text in ``fmt`` (json, md, html or csv)."""
    record = timeline_record(timeline)
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
    suffix = Path(path).suffix.lower().lstrip(".")
    aliases = {"markdown": "md", "htm": "html"}
    fmt = aliases.get(suffix, suffix)
    if fmt not in FORMATS:
        raise ValueError(f"{path}: cannot tell the output format from the extension "
                         f"(use .json, .md, .html or .csv)")
    return fmt
