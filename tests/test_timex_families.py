"""Tests for the timex families added for TimeBank/AQUAINT conventions (with negatives)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.dating.timex import tag
from dateline.dating.timex.context import FUTURE, PAST, tense_near

DCT = dt.date(2019, 3, 6)  # a Wednesday
WSJ_DCT = dt.date(1989, 10, 26)  # a Thursday


def values(text: str, dct: dt.date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def _tense(text: str, target: str) -> str | None:
    start = text.index(target)
    return tense_near(text, start, start + len(target))


# --------------------------------------------------------------------------- tense cues

@pytest.mark.parametrize(("text", "target", "expected"), [
    # auxiliary + participle: the auxiliary decides, not the "-ed" form
    ("The split would be paid on a date in January to holders.", "January", FUTURE),
    ("Shares are to resume trading in Paris Tuesday.", "Tuesday", FUTURE),
    ("The fund has fluctuated, rising to a high in June.", "June", PAST),
    # "since" always looks back
    ("The carrier has been on patrol since March and was scheduled to return.", "March",
     PAST),
    # reported plan: "was expected to" is a future, not a past
    ("He was expected to sign the deal on Friday.", "Friday", FUTURE),
    # plain past stays past
    ("The company said Tuesday it had sold the unit.", "Tuesday", PAST),
])
def test_verb_group_tense(text: str, target: str, expected: str) -> None:
    assert _tense(text, target) == expected


def test_plans_as_a_noun_is_no_future_cue() -> None:
    text = "On Friday, when Albright set aside vacation plans, the department lifted a ban."
    assert _tense(text, "Friday") == PAST


def test_weekday_with_auxiliary_future() -> None:
    found = values("Protesters were planning a rally on Saturday.", DCT)
    assert found == [("Saturday", "DATE", "2019-03-09")]


# --------------------------------------------------------------------------- anaphora

def test_that_year_and_day_follow_the_last_date() -> None:
    text = "He fled to Florida in June 1998 and returned to Cuba later that year."
    assert values(text)[-1] == ("later that year", "DATE", "1998")
    text = "He was shot on Oct. 23, 1998. Earlier that day, police were warned."
    assert values(text)[-1] == ("Earlier that day", "DATE", "1998-10-23")


def test_that_day_without_anchor_is_not_tagged() -> None:
    assert values("Nobody knew what would happen that day.") == []


def test_that_unit_needs_a_plain_reading() -> None:
    # "that year of ..." / "that day when": not a reference to the last date
    assert all(t[0] != "that year" for t in values("In 1990 sales rose. That year of growth "
                                                    "ended."))


# --------------------------------------------------------------------------- references

@pytest.mark.parametrize(("text", "span", "value"), [
    ("We don't minimize the challenges of the near term.", "the near term", "FUTURE_REF"),
    ("It may placate holders in the short term.", "the short term", "FUTURE_REF"),
])
def test_future_references(text: str, span: str, value: str) -> None:
    assert (span, "DATE", value) in values(text)


@pytest.mark.parametrize("text", [
    "Rates on short-term debt fell.",
    "The short term debt market was calm.",
    "Investors in the long term did well.",
    "The short-term outlook is poor.",
    "Over the near term outlook, analysts differ.",
])
def test_future_reference_negatives(text: str) -> None:
    assert all(value != "FUTURE_REF" for _, _, value in values(text))


# --------------------------------------------------------------------------- years, weeks

def test_full_and_fiscal_year() -> None:
    assert values("It forecast an increase for the full year.", WSJ_DCT) == [
        ("the full year", "DATE", "1989")]
    assert values("Profit should rise throughout the fiscal year.", WSJ_DCT) == [
        ("the fiscal year", "DURATION", "P1Y")]
    found = values("In the fiscal year ended Jan. 31, sales rose.", WSJ_DCT)
    assert found[0] == ("the fiscal year", "DURATION", "P1Y")


def test_week_of_a_date() -> None:
    assert values("A hearing is set for the week of March 6.", dt.date(2000, 2, 24)) == [
        ("the week of March 6", "DATE", "2000-W10")]
    # a month name alone after "week of" is not a week-of-date expression
    assert all(t[0] != "the week of March" for t in values("In the week of March madness."))


@pytest.mark.parametrize(("text", "span", "value"), [
    ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven",
     "1997-01"),
    ("Prices we saw in the winter of nineteen ninety-four.",
     "the winter of nineteen ninety-four", "1994-WI"),
    ("He promised to halve it by the year two thousand.", "the year two thousand", "2000"),
])
def test_spelled_years_with_month_season_or_year(text: str, span: str, value: str) -> None:
    assert (span, "DATE", value) in values(text)


def test_spelled_two_thousand_needs_a_cue() -> None:
    assert values("He paid two thousand dollars.") == []


# --------------------------------------------------------------------------- earnings

def test_year_quarter_comparisons_follow_the_reported_quarter() -> None:
    text = ("Net income rose in the third quarter. In the 1988 quarter, it earned $2 million. "
            "That compares with last year's quarter and the corresponding period last year.")
    found = values(text, WSJ_DCT)
    assert ("the 1988 quarter", "DATE", "1988-Q3") in found
    assert ("last year's quarter", "DATE", "1988-Q3") in found
    assert ("the corresponding period last year", "DATE", "1988-Q3") in found


def test_year_quarter_without_quarter_context_is_the_year() -> None:
    assert ("the 1988 period", "DATE", "1988") in values("Sales fell from the 1988 period.",
                                                         WSJ_DCT)


def test_year_period_of_is_not_a_quarter() -> None:
    found = values("The third quarter was weak. The 1988 period of growth ended.", WSJ_DCT)
    assert all(not t[0].startswith("the 1988 period") for t in found)


# --------------------------------------------------------------------------- trailing modifiers

def test_or_so_joins_the_expression_as_approx() -> None:
    found = tag("The plant will be closed over the next year or so.", WSJ_DCT)
    assert [(t.text, t.value, t.mod) for t in found] == [("the next year or so", "1990",
                                                          "APPROX")]


def test_or_so_inside_ago() -> None:
    found = tag("He left a week or so ago.", dt.date(1991, 2, 25))
    assert [(t.text, t.type, t.mod) for t in found] == [("a week or so ago", "DATE", "APPROX")]


@pytest.mark.parametrize(("text", "span"), [
    ("The shares can be redeemed in 1994 or later.", "1994 or later"),
    ("It plans for 1990 and beyond.", "1990 and beyond"),
])
def test_open_ended_year_is_on_or_after(text: str, span: str) -> None:
    found = tag(text, WSJ_DCT)
    assert [(t.text, t.mod) for t in found] == [(span, "ON_OR_AFTER")]


def test_trailing_words_without_the_modifier_stay_outside() -> None:
    found = tag("Sales in 1994 or in 1995 rose; 1990 and its aftermath.", WSJ_DCT)
    assert [t.text for t in found] == ["1994", "1995", "1990"]
    assert all(t.mod is None for t in found)


def test_or_later_does_not_extend_a_duration() -> None:
    found = tag("It takes three years or later than that.", WSJ_DCT)
    assert [t.text for t in found] == ["three years"]


# --------------------------------------------------------------------------- tense cues

def test_present_tense_scheduling_verb_points_forward() -> None:
    text = "He and Arafat meet separately Monday with Albright."
    start = text.index("Monday")
    assert tense_near(text, start, start + 6) == FUTURE
    # a Friday DCT: the coming Monday
    assert ("Monday", "DATE", "1998-05-04") in values(text, dt.date(1998, 5, 1))


def test_past_tense_still_wins_over_scheduling_verb() -> None:
    text = "The leaders met Monday and the envoy returns later."
    start = text.index("Monday")
    assert tense_near(text, start, start + 6) == PAST
    assert ("Monday", "DATE", "1998-04-27") in values(text, dt.date(1998, 5, 1))


def test_agreed_is_a_past_cue() -> None:
    text = "The bank agreed in June to buy Trustcorp."
    start = text.index("June")
    assert tense_near(text, start, start + 4) == PAST
    assert ("June", "DATE", "1989-06") in values(text, dt.date(1989, 10, 30))


def test_need_is_not_a_past_cue() -> None:
    text = "They need it in June."
    start = text.index("June")
    assert tense_near(text, start, start + 4) is None


def test_a_cue_in_the_expressions_own_clause_wins():
    # Published on a Sunday: the talks "due on Thursday" are the coming Thursday, even
    # though the sentence's main clause is in the past.
    text = ("Mr Redd said the association would come back if the second round of talks, "
            "due in Geneva on Thursday, failed to deliver.")
    [thursday] = tag(text, dt.date(2024, 4, 14))
    assert (thursday.text, thursday.value) == ("Thursday", "2024-04-18")
    [monday] = tag("The court heard on Monday, the clerk said, that it lied.",
                   dt.date(2024, 4, 14))
    assert monday.value == "2024-04-08"
