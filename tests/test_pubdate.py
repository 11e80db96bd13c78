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


def test_published_and_updated_on_one_line_prefers_published():
    art = _dated("Senate deal collapses\n\nBy Ann Lee\n"
                 "Published Jan. 22, 2019 9:41 p.m. ET | Updated Jan. 23, 2019 7:02 a.m. ET\n\n"
                 "The deal fell apart late on Tuesday after leaders refused to accept changes.\n",
                 title="Senate deal collapses")
    assert art.published == D(2019, 1, 22)
    assert art.published_confidence > 0.8


def test_updated_stamp_alone_is_a_weak_date():
    art = _dated("Pier reopens\n\nLast updated on 21/08/2019\n\nThe pier reopened.\n",
                 title="Pier reopens")
    assert art.published == D(2019, 8, 21)
    assert art.published_confidence <= 0.5


def _lakeside(headline: str, stamp: str) -> Article:
    raw = (f"Lakeside Echo\nHome / News\n\n{headline}\n\nLast updated on {stamp}\n\n"
           "By Neil Amberley\n\nThe parish council met on Monday to discuss the plans for "
           "the new car park behind the village hall.\n")
    return Article(id=headline, path=f"{headline}.txt", raw_text=raw)


def test_numeric_day_month_order_is_learnt_per_site():
    arts = [_lakeside("Regatta cancelled over algae", "21/08/2019"),
            _lakeside("School gets new classrooms", "04/06/2019"),
            _lakeside("Pub keeps its beer garden", "12/03/2019")]
    date_articles(arts)
    assert [a.published for a in arts] == [D(2019, 8, 21), D(2019, 6, 4), D(2019, 3, 12)]


def test_numeric_order_from_the_article_itself():
    raw = ("Ferry cancelled again\n\n05/03/2019\n\nThe morning ferry was cancelled.\n\n"
           "Have your say\nislander 19/03/2019 17:37\nNot again.\n")
    art = _dated(raw)
    assert art.published == D(2019, 3, 5)


def test_ambiguous_numeric_date_without_evidence_is_month_first_and_less_sure():
    art = _dated("Storms strip sand\n\nBy Ana Ruiz | 04/06/2019\n\nStorms stripped the sand.\n")
    assert art.published == D(2019, 4, 6)
    assert art.published_confidence <= 0.6


def test_today_header_and_comment_stamps_do_not_date_an_undated_page():
    raw = ("Today's paper | Saturday, November 12, 2022\nValley Times\nSign in\n\n"
           "Sheriff asks for patience as dispatch system is replaced\n\nBy Ruben Ochoa\n\n"
           "The county sheriff's office is replacing its 20-year-old emergency dispatch "
           "system and warned residents that there could be short delays.\n\n"
           "Whitlock said they would, after an upgrade planned for next spring, "
           "once the board has approved the money for it.\n\n"
           "Have your say\nkirsty_m 12/01/2023 15:11\nTypical.\n")
    art = _dated(raw, title="Sheriff asks for patience as dispatch system is replaced")
    assert art.published is None or art.published_confidence <= 0.5
    assert art.published != D(2023, 1, 12)


def test_header_date_far_above_the_headline_is_not_trusted():
    raw = ("Tuesday 12 January 2021\nISLAND HERALD\n☰ Menu  Search\n\n"
           "Gales leave island without power for two days\n\n"
           "Much of the island was left without electricity for almost two days after gales "
           "brought down power lines across the north end.\n")
    art = _dated(raw, title="Gales leave island without power for two days")
    assert art.published is None or art.published_confidence <= 0.5


@pytest.mark.parametrize("text", [
    "Jane Roe • March 3, 2019 • 4 min read",
    "Published Jan. 22, 2019 9:41 p.m. ET | Updated Jan. 23, 2019 7:02 a.m. ET",
])
def test_more_date_line_shapes(text: str):
    assert is_date_line(text)


def test_a_dated_sentence_near_the_headline_is_not_the_date_line():
    art = _dated("Council approves harbour plan\n\n"
                 "Construction will start on 1 June 2020.\n\n"
                 "The council approved the plan after a long debate about its cost.\n")
    assert art.published is None
