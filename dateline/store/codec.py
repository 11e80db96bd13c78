"""Rows to model records and back (JSON text for the nested parts)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping

from dateline.events import similarity
from dateline.events.quotes import Quote
from dateline.model import Article, Entity, Event, FuzzyDate, Mention, Precision, Source, Timex


def content_hash(raw_text: str) -> str:
    """Identity of an article in the store: SHA-256 of its raw text."""
    return hashlib.sha256(raw_text.encode("utf-8", "surrogatepass")).hexdigest()


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(value: str | None, default=None):
    if value is None:
        return default
    return json.loads(value)


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def article_row(article: Article, digest: str, batch: int) -> dict:
    return {
        "id": article.id, "content_hash": digest, "path": article.path,
        "title": article.title, "url": article.url, "site": article.site,
        "raw_text": article.raw_text, "text": article.text or "",
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "published_confidence": article.published_confidence,
        "published_evidence": dumps(article.published_evidence),
        "metadata_date": article.metadata_date, "captions": dumps(article.captions),
        "duplicate_of": article.duplicate_of, "batch": batch, "added_at": now_iso(),
    }


def article_from_row(row: Mapping) -> Article:
    published = row.get("published")
    return Article(
        id=row["id"], path=row["path"], raw_text=row.get("raw_text") or "",
        title=row.get("title"), url=row.get("url"), site=row.get("site"),
        text=row.get("text") or "",
        published=dt.date.fromisoformat(published) if published else None,
        published_source=row.get("published_source"),
        published_confidence=row.get("published_confidence"),
        published_evidence=loads(row.get("published_evidence"), []),
        metadata_date=row.get("metadata_date"), captions=loads(row.get("captions"), []),
        duplicate_of=row.get("duplicate_of"),
    )


def timex_record(timex: Timex) -> dict:
    record = timex.to_dict()
    if not timex.anchored:
        record["anchored"] = False
    return record


def timex_from_record(record: Mapping) -> Timex:
    return Timex(start=record["start"], end=record["end"], text=record["text"],
                 type=record["type"], value=record["value"], mod=record.get("mod"),
                 anchored=record.get("anchored", True), quant=record.get("quant"),
                 freq=record.get("freq"))


def date_columns(date: FuzzyDate) -> dict:
    return {"year": date.year, "month": date.month, "day": date.day,
            "precision": date.precision.value, "label": date.label,
            "first_day": date.first_day.toordinal(), "last_day": date.last_day.toordinal()}


def date_from_row(row: Mapping) -> FuzzyDate:
    return FuzzyDate(row["year"], row["month"], row["day"], Precision(row["precision"]),
                     row.get("label"))


def mention_row(mention: Mention, mention_id: int) -> dict:
    return {
        "id": mention_id, "article_id": mention.article_id,
        "sentence_index": mention.sentence_index, "sentence": mention.sentence,
        **date_columns(mention.date), "timex": dumps(timex_record(mention.timex)),
        "entities": dumps([[e.text, e.label] for e in mention.entities]),
        "future": bool(mention.future), "event_id": None,
        "context": mention.context or "", "continues": mention.continues,
        "bounding": bool(mention.bounding),
    }


def mention_from_row(row: Mapping) -> Mention:
    return Mention(
        article_id=row["article_id"], sentence_index=row["sentence_index"],
        sentence=row["sentence"], date=date_from_row(row),
        timex=timex_from_record(json.loads(row["timex"])),
        entities=[Entity(text, label) for text, label in json.loads(row["entities"])],
        future=bool(row["future"]), context=row.get("context") or "",
        continues=row.get("continues"), bounding=bool(row.get("bounding")),
    )


def _keys(values) -> str:
    """``|a|b|`` with each value once (case-insensitively), keeping its first spelling."""
    kept: dict[str, str] = {}
    for value in values:
        if value and value.strip():
            text = " ".join(value.replace("|", " ").split())
            kept.setdefault(text.lower(), text)
    return "|" + "|".join(sorted(kept.values(), key=str.lower)) + "|" if kept else "|"


def event_row(event: Event, event_id: str, sites: Mapping[str, str | None]) -> dict:
    """The stored form of an event; ``sites`` maps article ids to their outlet."""
    articles = {m.article_id for m in event.mentions}
    source_values = list(articles) + [sites.get(a) for a in articles]
    search = " ".join([event.title, event.summary, *(s.sentence for s in event.sources)])
    return {
        "id": event_id, **date_columns(event.date), "title": event.title,
        "summary": event.summary, "score": float(event.score),
        "participants": dumps(event.participants), "location": event.location,
        "date_conflicts": dumps(event.date_conflicts), "article_count": len(articles),
        "mention_count": len(event.mentions),
        "scheduled": bool(event.mentions) and all(m.future for m in event.mentions),
        "entity_keys": "|",  # unused since entity filters read described events (step 7)
        "source_keys": _keys(source_values), "search_text": search.lower(),
        "quotes": dumps([q.to_dict() for q in event.quotes]), "claims": dumps(event.claims),
    }


def event_from_row(row: Mapping, mentions: list[Mention]) -> Event:
    return Event(id=row["id"], date=date_from_row(row), title=row["title"],
                 summary=row["summary"], mentions=mentions, sources=Source.of_mentions(mentions),
                 participants=loads(row["participants"], []), location=row["location"],
                 score=row["score"], date_conflicts=loads(row["date_conflicts"], []),
                 quotes=[Quote(q["speaker"], q["text"], q["article"])
                         for q in loads(row.get("quotes"), [])],
                 claims=loads(row.get("claims"), []))


# --- word features: the grouping's terms of a mention, kept in its row --------------

_SEP = similarity.TERM_SEPARATOR


def terms_version() -> str:
    """Version of the grouping's word features that stored ``terms`` were made with."""
    return f"f{similarity.FEATURES_VERSION}"


def mention_terms(mention: Mention) -> str:
    """The ``terms`` column: the grouping's features of the sentence and of the story."""
    context = similarity.content_words(mention.context) if mention.context else []
    return (f"{terms_version()}\t{_SEP.join(similarity.mention_terms(mention))}"
            f"\t{_SEP.join(context)}")


def split_terms(value: str | None) -> tuple[list[str], str] | None:
    """(sentence words, context words still joined: ``words`` splits them, once per
    article) of a current ``terms`` value; None when missing or made by other grouping
    code."""
    if not value:
        return None
    version, _, rest = value.partition("\t")
    if version != terms_version():
        return None
    sentence, _, context = rest.partition("\t")
    return words(sentence), context


def words(value: str) -> list[str]:
    """The words of a joined part of a ``terms`` value."""
    return similarity.split_terms(value)
