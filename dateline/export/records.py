"""The JSON-ready form of a timeline: the output contract, shared by every exporter."""

from __future__ import annotations

from dateline.model import Article, Event, Timeline

FORMAT_VERSION = "1"


def article_record(article: Article) -> dict:
    record = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "duplicate_of": article.duplicate_of,
    }
    if article.published_confidence is not None:
        record["published_confidence"] = round(article.published_confidence, 2)
    if article.published_evidence:
        record["published_evidence"] = article.published_evidence
    if article.url:
        record["url"] = article.url
    if article.site:
        record["site"] = article.site
    return record


def event_record(event: Event) -> dict:
    record = {
        "id": event.id,
        "date": event.date.iso(),
        "precision": event.date.precision.value,
        "title": event.title,
        "summary": event.summary,
        "sources": [{"article": s.article, "sentence": s.sentence} for s in event.sources],
        "participants": event.participants,
        "location": event.location,
        "date_conflicts": event.date_conflicts,
        "quotes": [quote.to_dict() for quote in event.quotes],
        "claims": event.claims,
        "source_count": len({s.article for s in event.sources}),
    }
    if event.date.label:
        record["date_label"] = event.date.label
    if event.mentions and all(m.future for m in event.mentions):
        record["scheduled"] = True
    stating = [m for m in event.mentions if not m.supporting and m.date == event.date]
    if stating and all(m.basis == "publication" for m in stating):
        # No source states the date: the sources' lead reports it as news on this day.
        record["date_basis"] = "publication"
    return record


def timeline_record(timeline: Timeline) -> dict:
    """The whole timeline as the documented JSON contract (``"dateline": "1"``)."""
    return {
        "dateline": FORMAT_VERSION,
        "articles": [article_record(a) for a in timeline.articles],
        "events": [event_record(e) for e in timeline.events],
        "undated": timeline.undated,
        "warnings": [str(w) for w in timeline.warnings],
    }
