"""Wire and news-site stamps on real articles: a stamp dates the article or nothing; it is
never body, never an event, never a title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.config import Config
from dateline.pipeline import build_timeline

TLS = Path(__file__).resolve().parent.parent / ".." / "shared" / "data" / "tls-t17"

# What a stamp looks like: a clock time with a zone, the BBC's "Page last updated",
# an "(Update ...)" note, a fact box field, a "PLACE | Weekday Mon D, YYYY" wire header.
STAMP = re.compile(
    r"\b\d{1,2}:\d{2}\s*(?:am|pm)?\s*(?:GMT|EDT|EST|BST|UTC|ET)\b"
    r"|page last updated|\(update\b|^\s*(?:born|also known as)\s*:"
    r"|\|\s*(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,? \w+\.? \d{1,2},? \d{4}",
    re.IGNORECASE | re.MULTILINE)


def _stamped_articles(limit: int = 26) -> list[str]:
    """Sorted article files of every story whose text holds a stamp, up to ``limit``."""
    picked: list[str] = []
    for story in sorted(p for p in TLS.iterdir() if (p / "articles").is_dir()):
        files = sorted((story / "articles").glob("*.jsonl"))
        mine = [f for f in files if STAMP.search(f.read_text(encoding="utf-8"))]
        picked.extend(str(f) for f in mine[: limit // 4 + 1])
    return picked[:limit]


@pytest.mark.shared_data
@pytest.mark.skipif(not TLS.is_dir(), reason="tls-t17 data absent")
def test_no_stamp_becomes_an_event_or_a_title():
    paths = _stamped_articles()
    assert len(paths) >= 20
    timeline = build_timeline(paths, Config(use_ner=False))
    assert timeline.events
    for article in timeline.articles:
        assert not (article.title and STAMP.search(article.title)), article.title
        for line in article.text.splitlines():
            assert not STAMP.search(line), (article.path, line)
    for event in timeline.events:
        assert not STAMP.search(event.title), event.title
        for source in event.sources:
            assert not STAMP.search(source.sentence), source.sentence
