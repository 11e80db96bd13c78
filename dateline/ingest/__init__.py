"""ingest stage: read article inputs (text, HTML, JSON/JSONL, feeds, WARC, PDF, URLs)
into ``Article`` records, with per-file metadata from a manifest or ``--published``."""

from dateline.ingest.readers import read_articles, read_records

__all__ = ["read_articles", "read_records"]
