"""Explicit configuration for a pipeline run: every knob in one place, no globals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    max_events: int | None = None  # None: scale with the corpus size
    dates: int | None = None  # a timeline of this many distinct days (timeline.dates)
    per_date: int | None = None  # events per day: with ``dates`` (default 1) or as a cap
    query: str | None = None  # keep only events involving these entities (see timeline.query)
    max_file_bytes: int = 20_000_000  # larger inputs are skipped with a warning
    near_duplicate_threshold: float = 0.8  # MinHash Jaccard estimate for near-duplicates
    date_tolerance_days: int = 1  # outlets may disagree by this much on the same event
    similarity_threshold: float = 0.15  # content similarity needed to merge two mentions
    similarity: str = "lexical"  # "lexical" (TF-IDF) or "embeddings" (needs [embeddings])
    use_ner: bool = True  # spaCy entities for grouping and participants
    progress: bool = True  # progress bar on a terminal
    # Inputs: per-file metadata and URL fetching (see dateline.ingest).
    published: str | None = None  # YYYY-MM-DD for every article that carries no date of its own
    manifest: str | None = None  # CSV/JSONL of path, published, title, url, source
    cache_dir: str | None = None  # fetched pages (default: ~/.cache/dateline/pages)
    fetch_delay: float = 1.0  # seconds between two requests to the same host
    allow_private_hosts: bool = False  # fetch URLs on loopback/private addresses (tests)
