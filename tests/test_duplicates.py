"""Duplicates: syndicated copies point at the original; same-story rewrites stay apart."""

from __future__ import annotations

import datetime as dt

from dateline.clean import clean_articles, mark_duplicates
from dateline.clean.duplicates import jaccard, shingles
from dateline.model import Article

WIRE = (
    "Rescue teams pulled three more survivors from the rubble of a collapsed apartment block "
    "on Friday, two days after a powerful earthquake struck the coastal province.\n\n"
    "The death toll rose to 41, the interior ministry said, with more than 300 people injured "
    "and hundreds more left homeless as aftershocks continued to rattle the region.\n\n"
    '"We are still hearing voices under the concrete," said rescue coordinator Elena Marsh, '
    "whose team has worked in shifts around the clock since the disaster.\n\n"
    "The government declared three days of national mourning and promised emergency funds "
    "to rebuild schools and hospitals damaged in the quake."
)
REWRITE = (
    "Three people were rescued alive on Friday from a flattened apartment building in the "
    "coastal province hit by Wednesday's earthquake, officials said.\n\n"
    "According to the interior ministry, 41 people have died and over 300 were hurt. "
    "Aftershocks kept shaking the area, and hundreds of families have nowhere to live.\n\n"
    '"We are still hearing voices under the concrete," rescue coordinator Elena Marsh told '
    "reporters at the site.\n\n"
    "Three days of national mourning were declared, and the government pledged money to "
    "rebuild damaged schools and hospitals."
)


def _article(aid: str, raw: str, published: dt.date | None = None) -> Article:
    return Article(id=aid, path=f"{aid}.txt", raw_text=raw, published=published)


def test_syndicated_copy_with_different_furniture_points_at_earliest_original():
    original = _article("wire", f"Quake survivors found in rubble\n\n{WIRE}\n",
                        dt.date(2019, 3, 1))
    repost = _article("repost", (
        "Home | World | Asia\n\nQuake: three more survivors pulled from rubble\n\n"
        f"{WIRE}\n\nShare on Facebook\nSubscribe to our newsletter for daily updates.\n"
        "Related stories\nFloods hit the north\n"), dt.date(2019, 3, 2))
    undated = _article("blog", f"Quake survivors found\n\n{WIRE}\n")
    articles = [repost, undated, original]
    clean_articles(articles)
    mark_duplicates(articles, threshold=0.8)
    assert original.duplicate_of is None
    assert repost.duplicate_of == "wire"
    assert undated.duplicate_of == "wire"


def test_exact_copies_keep_the_first_read_when_undated():
    a, b = _article("a", WIRE), _article("b", WIRE)
    for art in (a, b):
        art.text = art.raw_text
    mark_duplicates([a, b], threshold=0.8)
    assert (a.duplicate_of, b.duplicate_of) == (None, "a")


def test_truncated_copy_points_at_the_complete_one():
    full = _article("full", WIRE)
    short = _article("short", WIRE.rsplit("\n\n", 1)[0])
    for art in (full, short):
        art.text = art.raw_text
    mark_duplicates([short, full], threshold=0.8)
    assert short.duplicate_of == "full" and full.duplicate_of is None


def test_two_articles_on_the_same_story_are_not_merged():
    a, b = _article("a", WIRE), _article("b", REWRITE)
    for art in (a, b):
        art.text = art.raw_text
    assert jaccard(shingles(WIRE), shingles(REWRITE)) < 0.2
    mark_duplicates([a, b], threshold=0.8)
    assert a.duplicate_of is None and b.duplicate_of is None


def test_empty_texts_are_ignored():
    a, b = _article("a", ""), _article("b", "")
    mark_duplicates([a, b], threshold=0.8)
    assert a.duplicate_of is None and b.duplicate_of is None
