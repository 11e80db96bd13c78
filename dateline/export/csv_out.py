"""CSV: one row per (event, source), for spreadsheets."""

from __future__ import annotations

import csv
import io

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = ["event_id", "date", "precision", "title", "article", "published", "sentence"]


def _cell(value: object) -> object:
    """A text cell a spreadsheet will not run: one starting like a formula gets a leading
    apostrophe (the spreadsheets' own mark for 'this is text')."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(record: dict) -> str:
    published = {a["id"]: a["published"] for a in record["articles"]}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for event in record["events"]:
        for source in event["sources"]:
            row = [event["id"], event["date"], event["precision"], event["title"],
                   source["article"], published.get(source["article"]) or "",
                   source["sentence"]]
            writer.writerow([_cell(v) for v in row])
    for item in record["undated"]:
        writer.writerow([_cell(v) for v in ["", "", "undated", "", item["article"],
                         published.get(item["article"]) or "", item.get("sentence") or ""]])
    return buffer.getvalue()
