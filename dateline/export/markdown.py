"""Markdown: a readable chronology with every source as a footnote."""

from __future__ import annotations

from dateline.export.formatting import display_date, year_of


def _text(text: str | None) -> str:
    """Article-derived text made inert: Markdown renderers pass raw HTML through, so a
    page's ``<script>`` or ``<img onerror>`` must arrive as characters, not markup."""
    value = " ".join((text or "").split())
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quote(text: str) -> str:
    return _text(text).replace("[", "\\[").replace("]", "\\]")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def render_markdown(record: dict, title: str = "Timeline") -> str:
    articles = {a["id"]: a for a in record["articles"]}
    events = record["events"]
    independent = [a for a in record["articles"] if not a["duplicate_of"]]
    copies = len(record["articles"]) - len(independent)
    summary = f"{_count(len(events), 'event')} from {_count(len(independent), 'article')}"
    if copies:
        summary += f" ({_count(copies, 'duplicate')} set aside)"
    lines = [f"# {_text(title)}", "", summary + ".", ""]
    footnotes: list[str] = []
    year = None
    for event in events:
        if year_of(event) != year:
            year = year_of(event)
            lines += [f"## {year}", ""]
        lines += [f"### {display_date(event)} — {_quote(event['title'])}", ""]
        marks = []
        for source in event["sources"]:
            footnotes.append(_footnote(len(footnotes) + 1, source, articles))
            marks.append(f"[^{len(footnotes)}]")
        lines += [_quote(event["summary"]) + "".join(marks), ""]
        details = []
        if event.get("participants"):
            details.append("**Who:** " + ", ".join(_quote(p) for p in event["participants"][:6]))
        if event.get("location"):
            details.append(f"**Where:** {_quote(event['location'])}")
        count = event["source_count"]
        details.append(f"{count} source{'s' if count != 1 else ''}")
        if event.get("scheduled"):
            details.append("*scheduled*")
        if event.get("date_basis") == "publication":
            details.append("*dated by the report*")
        lines += [" · ".join(details), ""]
        for quote in event.get("quotes", []):
            who = quote["speaker"] or "unattributed"
            lines.append(f"> “{_quote(quote['text'])}” — {_quote(who)} "
                         f"({_quote(quote['article'])})")
        if event.get("quotes"):
            lines.append("")
        if event.get("claims"):
            lines += ["**Sources count:** " + "; ".join(_claim(c) for c in event["claims"]), ""]
        if event.get("date_conflicts"):
            readings = "; ".join(f"{c['date']} ({_quote(', '.join(c['articles']))})"
                                 for c in event["date_conflicts"])
            lines += [f"> **Sources disagree on the date:** {readings}", ""]
    if record["undated"]:
        lines += ["## Undated", ""]
        for item in record["undated"]:
            text = _quote(item["sentence"]) if item.get("sentence") else item["reason"]
            lines.append(f"- **{_quote(item['article'])}**: {text}")
        lines.append("")
    if footnotes:
        lines += ["## Sources", ""] + footnotes + [""]
    return "\n".join(lines)


def _claim(claim: dict) -> str:
    """"the third round of talks" (ledger) — this collection documents 3."""
    text = f"“{_quote(claim['text'])}” ({_quote(claim['article'])})"
    if "documented" in claim:
        text += f" — this collection documents {claim['documented']}"
    return text


def _footnote(number: int, source: dict, articles: dict) -> str:
    article = articles.get(source["article"], {})
    where = _quote(", ".join(x for x in (article.get("title"), article.get("published")) if x))
    label = f"**{_quote(source['article'])}**" + (f" ({where})" if where else "")
    return f'[^{number}]: {label}: "{_quote(source["sentence"])}"'
