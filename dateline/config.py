"""Explicit configuration for a pipeline run: every knob in one place, no globals."""

from __future__ import annotations

from dataclasses import dataclass

SIMILARITIES = ("lexical", "embeddings")


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
    # Where per-article work runs (see dateline.engine).
    workers: int = 0  # >0: run per-article work on a local Dask cluster of this many processes
    scheduler: str | None = None  # "tcp://host:port": run it on an existing Dask cluster

    def __post_init__(self) -> None:
        problems = []
        if self.max_events is not None and self.max_events <= 0:
            problems.append(f"max_events must be positive or None, not {self.max_events!r}")
        if self.similarity not in SIMILARITIES:
            problems.append(f"similarity must be one of {', '.join(SIMILARITIES)}, "
                            f"not {self.similarity!r}")
        if not 0.0 <= self.near_duplicate_threshold <= 1.0:
            problems.append("near_duplicate_threshold must be between 0 and 1")
        if not 0.0 <= self.similarity_threshold <= 1.0:
            problems.append("similarity_threshold must be between 0 and 1")
        if self.date_tolerance_days < 0:
            problems.append("date_tolerance_days must not be negative")
        if self.max_file_bytes <= 0:
            problems.append("max_file_bytes must be positive")
        if self.workers < 0:
            problems.append(f"workers must be 0 (this process) or more, not {self.workers!r}")
        if self.scheduler is not None and not self.scheduler.startswith(
                ("tcp://", "tls://", "inproc://", "ucx://")):
            problems.append(f"scheduler must be an address such as tcp://host:8786, "
                            f"not {self.scheduler!r}")
        if problems:
            raise ValueError("invalid configuration: " + "; ".join(problems))
