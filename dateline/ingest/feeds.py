"""RSS and Atom feeds: each item an article, its title, link and date kept as metadata.

Item bodies are HTML fragments; they become plain paragraphs here so that markup never
reaches the text the dating and event stages read.
"""

from __future__ import annotations

import re
import time

from dateline.model import Warning_

_FEED_HEAD = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "tr", "section", "article", "pre", "ul", "ol", "table", "figure"}


def looks_like_feed(text: str) -> bool:
    """An RSS, RDF or Atom root element near the start of an XML text."""
    head = text[:2000].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return False
    return bool(_FEED_HEAD.search(head))


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - broken markup falls back to dropping tags
        return re.sub(r"<[^>]+>", " ", html).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node) -> None:
        if node.tag in _BLOCKS:
            parts.append("\n\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)
        if node.tag in _BLOCKS:
            parts.append("\n\n")

    walk(root)
    text = "".join(parts)
    paragraphs = [re.sub(r"[ \t\r\n]+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry) -> str | None:
    """The item's publication date. Atom's ``updated`` is the last edit, which may be
    years after publication, so it is not used: an item without ``published`` is dated
    from its text like any undated article."""
    for key in ("published_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    for key in ("published", "created"):
        if entry.get(key):
            return str(entry[key])
    return None


def _entry_body(entry) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return fragment_text(best if len(best) >= len(summary) else summary)


def read_feed(path: str, data: bytes, base_id: str) -> tuple[list[dict], list[Warning_]]:
    """The items of an RSS/Atom feed as article records (``text``, ``title``, ``url``,
    ``published``, ``source``), or a refusal naming what is wrong."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)()
        why = why or str(parsed.get("bozo_exception") or "no items")
        return [], [Warning_(path, f"feed without readable items ({why})")]
    source = (parsed.feed.get("title") or "").strip() or None
    records: list[dict] = []
    warnings: list[Warning_] = []
    for number, entry in enumerate(parsed.entries, start=1):
        body = _entry_body(entry)
        if not body:
            warnings.append(Warning_(f"{path}#{number}", "feed item without text, skipped"))
            continue
        records.append({"id": f"{base_id}#{number}", "where": f"{path}#{number}",
                        "text": body, "title": entry.get("title"), "url": entry.get("link"),
                        "published": _entry_date(entry), "source": source})
    return records, warnings
