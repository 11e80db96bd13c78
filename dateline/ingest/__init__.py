"""ingest stage: read text, HTML and JSONL article files into ``Article`` records."""

from dateline.ingest.readers import read_articles

__all__ = ["read_articles"]
