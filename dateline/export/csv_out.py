"""CSV: one row per (event, source), for spreadsheets."""

from __future__ import annotations

import csv
import io

COLUMNS = ["event_id", "date", "precision", "title", "article", "published", "sentence"]


def render_csv(record: dict) -> str:
    published = {a["id"]: a["published"] for a in record["articles"]}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for event in record["events"]:
        for source in event["sources"]:
            writer.writerow([event["id"], event["date"], event["precision"], event["title"],
                             source["article"], published.get(source["article"]) or "",
                             source["sentence"]])
    for item in record["undated"]:
        writer.writerow(["", "", "undated", "", item["article"],
                         published.get(item["article"]) or "", item.get("sentence") or ""])
    return buffer.getvalue()
