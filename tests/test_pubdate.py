"""Publication dates: metadata first, then the article's own date line, never the traps."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.dating.pubdate import date_articles, find_dates, is_date_line, parse_date
from dateline.model import Article

D = dt.date


def _dated(raw: str, **fields) -> Article:
    art = Article(id="a", path="a.txt", raw_text=raw, **fields)
    date_articles([art])
    return art


@pytest.mark.parametrize(("text", "expected"), [
    ("February 26, 2019 2:36 pm", D(2019, 2, 26)),
    ("Posted on March 3, 2019", D(2019, 3, 3)),
    ("Friday, 13 September 2019 |", D(2019, 9, 13)),
    ("Published: 2019-03-03", D(2019, 3, 3)),
    ("By Jane Doe | March 3, 2019", D(2019, 3, 3)),
    ("03/03/2019", D(2019, 3, 3)),
    ("13/09/2019", D(2019, 9, 13)),
    ("3 Mar 2019", D(2019, 3, 3)),
    ("Mar. 3, 2019", D(2019, 3, 3)),
    ("Sept. 4th, 2019, 10:15 a.m. EDT", D(2019, 9, 4)),
])
def test_date_line_formats(text: str, expected: dt.date):
    assert is_date_line(text)
    assert [m.date for m in find_dates(text)] == [expected]


def test_sentences_with_dates_are_not_date_lines():
    assert not is_date_line("The council met on March 3, 2019 to discuss the new budget plan.")


@pytest.mark.parametrize("value", [
    "31 February 2019", "January 1, 99999", "99999-01-01", "2019-13-45", "soon", "", None,
    "0000-00-00", 10**20, "February 30, 2020",
])
def test_absurd_dates_never_raise(value):
    parsed, why = parse_date(value)
    assert parsed is None and why


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-03-04T10:00:00Z", D(2019, 3, 4)),
    ("Sun, 03 Mar 2019 10:00:00 GMT", D(2019, 3, 3)),
    ("20190303", D(2019, 3, 3)),
    (1551607200, D(2019, 3, 3)),
    ("1551607200000", D(2019, 3, 3)),
])
def test_metadata_formats(value, expected):
    assert parse_date(value) == (expected, None)


def test_metadata_wins_when_valid():
    art = _dated("Headline here\nMarch 1, 2019\n\nBody.", metadata_date="2019-03-04T10:00:00Z")
    assert art.published == D(2019, 3, 4)
    assert art.published_source == "metadata"
    assert art.published_evidence


def test_invalid_metadata_falls_back_to_the_date_line():
    art = _dated("Headline about the storm\nMarch 1, 2019\n\nBody text here.",
                 metadata_date="31 February 2019")
    assert art.published == D(2019, 3, 1)
    assert art.published_source == "text"
    assert any("ignored" in e for e in art.published_evidence)


def test_site_header_today_date_loses_to_the_real_date_line():
    raw = (
        "Thursday, November 12, 2026\n"
        "Home | World | Business\n\n"
        "Floods sweep through river towns\n"
        "By Sam Li | June 3, 2016\n\n"
        "Floodwaters swept through several river towns on Thursday, forcing thousands "
        "from their homes as the river rose to its highest level in a century.\n"
    )
    art = _dated(raw)
    assert art.published == D(2016, 6, 3)
    assert art.published_source == "text"
    assert "line 4" in art.published_evidence[0]


def test_updated_date_loses_to_the_original_publication_date():
    raw = ("Minister resigns over expenses\n"
           "Updated: March 9, 2019 11:02 am\n"
           "Published: March 2, 2019 7:45 am\n\n"
           "The minister resigned on Saturday after weeks of pressure over expense claims.\n")
    assert _dated(raw).published == D(2019, 3, 2)


def test_traps_copyright_captions_teasers_and_comments_give_no_date():
    raw = (
        "Council approves park plan\n\n"
        "The council approved the new park plan after a long debate on Tuesday evening, "
        "with work due to begin next spring if funding allows, officials said on Wednesday.\n"
        "Photo: The park site on March 2, 2019. (AP Photo/Jo Bell)\n"
        "FILE - In this Jan. 4, 2018 photo, the park site is seen from above.\n\n"
        "Related stories\n"
        "Park funding in doubt\n"
        "January 30, 2019\n\n"
        "Comments\n"
        "Bob · March 5, 2019 at 4:12 pm\n"
        "© 2019 Springfield Gazette\n"
    )
    art = _dated(raw)
    assert art.published is None and art.published_source is None


def test_a_date_inside_the_body_sentence_is_not_the_publication_date():
    raw = ("Court rules on land dispute\n\n"
           "The court on Tuesday upheld a ruling first issued on March 3, 2009, ending a "
           "decade-long dispute between two families over farmland in the valley below town.\n")
    assert _dated(raw).published is None


def test_date_line_above_headline_is_used_when_it_is_the_only_one():
    raw = ("November 14, 2006\nCity unveils new tram line\n\n"
           "The city unveiled its first new tram line in fifty years on Tuesday.\n")
    art = _dated(raw)
    assert art.published == D(2006, 11, 14)
    assert art.published_confidence is not None and art.published_confidence < 0.9
