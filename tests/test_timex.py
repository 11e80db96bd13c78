"""Unit, property and evaluation tests for the temporal expression tagger."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.dating.timex import tag, to_fuzzy_date
from dateline.dating.timex.calendar import valid_value
from dateline.model import FuzzyDate, Precision, Timex

DCT = dt.date(2019, 3, 6)  # a Wednesday
DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def one(text: str, dct: dt.date | None = DCT) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


def values(text: str, dct: dt.date | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


# --------------------------------------------------------------------------- absolute dates

@pytest.mark.parametrize(("text", "span", "value"), [
    ("It happened on March 3, 2019.", "March 3, 2019", "2019-03-03"),
    ("It happened on 3 March 2019.", "3 March 2019", "2019-03-03"),
    ("Filed 2019-03-03 in court.", "2019-03-03", "2019-03-03"),
    ("Filed 03/03/2019 in court.", "03/03/2019", "2019-03-03"),
    ("Prices rose in August 1998.", "August 1998", "1998-08"),
    ("He was born in 1950.", "1950", "1950"),
    ("Growth in the 1990s was fast.", "the 1990s", "199"),
    ("Results for fiscal 2019 were weak.", "fiscal 2019", "2019"),
    ("Profit fell in the first quarter of 2018.", "the first quarter of 2018", "2018-Q1"),
    ("The second half of 2017 was better.", "The second half of 2017", "2017-H2"),
    ("We met in the spring of 2018.", "the spring of 2018", "2018-SP"),
    ("It rained on Sept. 30, 1989.", "Sept. 30, 1989", "1989-09-30"),
    ("Art of the 19th century.", "the 19th century", "18"),
])
def test_absolute_dates(text: str, span: str, value: str) -> None:
    timex = one(text)
    assert (timex.text, timex.value, timex.type) == (span, value, "DATE")
    assert text[timex.start:timex.end] == span


def test_absolute_dates_without_dct_are_still_normalized() -> None:
    timex = one("It happened on March 3, 2019.", None)
    assert timex.value == "2019-03-03" and timex.anchored


# --------------------------------------------------------------------------- relative dates

@pytest.mark.parametrize(("text", "span", "value"), [
    ("He left yesterday.", "yesterday", "2019-03-05"),
    ("She arrives tomorrow.", "tomorrow", "2019-03-07"),
    ("It is cold today.", "today", "2019-03-06"),
    ("They met last week.", "last week", "2019-W09"),
    ("They meet this week.", "this week", "2019-W10"),
    ("Sales fell last year.", "last year", "2018"),
    ("Sales will rise next month.", "next month", "2019-04"),
    ("It happened three years ago.", "three years ago", "2016"),
    ("It happened three months ago.", "three months ago", "2018-12"),
    ("It was warm last autumn.", "last autumn", "2018-FA"),
    ("Prices rose in late 2015.", "late 2015", "2015"),
    ("Work starts in mid-September.", "mid-September", "2019-09"),
])
def test_relative_dates(text: str, span: str, value: str) -> None:
    timex = one(text)
    assert (timex.text, timex.value) == (span, value)


def test_modifiers_are_in_span_with_mod() -> None:
    assert one("Prices rose in late 2015.").mod == "END"
    assert one("Work starts in mid-September.").mod == "MID"
    timex = one("It started early this month.")
    assert timex.text == "early this month" and timex.mod == "START"
    timex = one("It lasted more than two years.")
    assert (timex.text, timex.value, timex.mod) == ("more than two years", "P2Y", "MORE_THAN")
    timex = one("It ends at the end of 2019.")
    assert (timex.text, timex.mod) == ("the end of 2019", "END")


@pytest.mark.parametrize(("text", "value"), [
    ("Prices rose in the past several months.", "PAST_REF"),
    ("Prices rose in the last few years.", "PAST_REF"),
    ("It is now clear.", "PRESENT_REF"),
    ("It is currently closed.", "PRESENT_REF"),
    ("He recently resigned.", "PAST_REF"),
    ("In the past, it was closed.", "PAST_REF"),
    ("In the future, it will open.", "FUTURE_REF"),
])
def test_reference_points(text: str, value: str) -> None:
    assert one(text).value == value


def test_times_of_day() -> None:
    timex = one("He spoke on Tuesday morning.")
    assert (timex.type, timex.value) == ("TIME", "2019-03-05TMO")
    timex = one("The vote is tonight.")
    assert (timex.type, timex.value) == ("TIME", "2019-03-06TNI")
    timex = one("Markets closed at 4:30 p.m. EST.")
    assert (timex.type, timex.value) == ("TIME", "2019-03-06T16:30")


# --------------------------------------------------------------------------- durations, sets

@pytest.mark.parametrize(("text", "span", "value"), [
    ("It took three months.", "three months", "P3M"),
    ("The flight lasted two hours.", "two hours", "PT2H"),
    ("A five-year plan.", "five-year", "P5Y"),
    ("Talks may last the next few days.", "the next few days", "PXD"),
    ("It took a decade.", "a decade", "P10Y"),
    ("In the last two years, it doubled.", "the last two years", "P2Y"),
    ("It has been closed for years.", "years", "PXY"),
    ("Wait 2 1/2 years.", "2 1/2 years", "P2Y6M"),
])
def test_durations(text: str, span: str, value: str) -> None:
    timex = one(text)
    assert (timex.text, timex.type, timex.value) == (span, "DURATION", value)


def test_sets() -> None:
    timex = one("The paper is published daily.")
    assert (timex.type, timex.value) == ("SET", "P1D")
    timex = one("They meet every Monday.")
    assert (timex.type, timex.value, timex.quant) == ("SET", "XXXX-WXX-1", "EVERY")
    timex = one("He jogs twice a week.")
    assert (timex.type, timex.value, timex.freq) == ("SET", "P1W", "2X")


# --------------------------------------------------------------------------- negatives

@pytest.mark.parametrize("text", [
    "It was the 13th time he tried.",
    "About 2,000 people marched.",
    "The Boeing 777 landed safely.",
    "He paid $1999 for it.",
    "They may come back.",
    "The march on Washington began.",
    "He read the Sunday Times.",
    "Room 1999 was empty.",
    "She scored 2000 points.",
])
def test_non_timexes(text: str) -> None:
    assert tag(text, DCT) == []


# --------------------------------------------------------------------------- direction, anchoring

def test_weekday_direction_from_tense() -> None:
    assert one("The committee will meet on Friday.").value == "2019-03-08"
    assert one("The committee met on Friday.").value == "2019-03-01"
    assert one("Officials said on Friday the plan failed.").value == "2019-03-01"
    assert one("The talks are scheduled for Monday.").value == "2019-03-11"
    assert one("It is expected to close on Thursday.").value == "2019-03-07"
    assert one("Next Monday is a holiday.").value == "2019-03-11"
    assert one("He left last Monday.").value == "2019-03-04"
    assert one("He left Wednesday.").value == "2019-03-06"


def test_month_direction_from_tense() -> None:
    jan = dt.date(2019, 1, 15)
    assert one("The company was founded in November.", jan).value == "2018-11"
    assert one("The vote will be held in March.", jan).value == "2019-03"
    assert one("Elections are due in December.", dt.date(2019, 2, 1)).value == "2019-12"


def test_anchoring_to_document_date() -> None:
    found = tag("On March 3, 2010 the strike began. Two days later, talks failed. "
                "The following day, it ended.", DCT)
    assert [t.value for t in found] == ["2010-03-03", "2010-03-05", "2010-03-06"]


def test_unanchored_without_dct() -> None:
    timex = one("He left yesterday.", None)
    assert timex.value == "XXXX-XX-XX" and not timex.anchored
    assert one("They met last week.", None).value == "XXXX-WXX"
    assert one("He left on Friday.", None).value == "XXXX-WXX-5"
    assert one("It opened in March.", None).value == "XXXX-03"


def test_invalid_dates_never_raise() -> None:
    for text in ("on 31 February 2019", "on February 30", "in year 99999", "on 13/45/2019",
                 "2019-02-31", "20191340", "on 0/0/0000"):
        for timex in tag(text, DCT):
            assert valid_value(timex.value)


# --------------------------------------------------------------------------- fuzzy dates

def test_to_fuzzy_date() -> None:
    def fuzzy(value: str, type_: str = "DATE", mod: str | None = None) -> FuzzyDate | None:
        return to_fuzzy_date(Timex(0, 1, "x", type_, value, mod=mod))

    assert fuzzy("2019-02-27") == FuzzyDate(2019, 2, 27, Precision.DAY)
    assert fuzzy("2019-02-27T14:30", "TIME") == FuzzyDate(2019, 2, 27, Precision.DAY)
    assert fuzzy("2019-02") == FuzzyDate(2019, 2, 1, Precision.MONTH)
    assert fuzzy("2019-W10").precision is Precision.MONTH  # Mar 4-10
    assert fuzzy("2019-W09").precision is Precision.YEAR  # Feb 25 - Mar 3
    summer = fuzzy("2019-SU")
    assert summer is not None and summer.precision is Precision.YEAR
    assert summer.label == "summer"
    assert fuzzy("2019-Q1").label == "Q1"  # type: ignore[union-attr]
    assert fuzzy("2019-H1").label == "first half"  # type: ignore[union-attr]
    late = fuzzy("2019-09", mod="END")
    assert late is not None and late.precision is Precision.MONTH and late.label == "late"
    for value in ("199", "19", "PRESENT_REF", "XXXX-XX-XX", "P3M"):
        assert fuzzy(value) is None
    assert to_fuzzy_date(Timex(0, 1, "x", "DATE", "2019", anchored=False)) is None


# --------------------------------------------------------------------------- properties

TIMEX_VALUE = re.compile(
    r"(?:PRESENT_REF|PAST_REF|FUTURE_REF|\d{2,3}|(?:\d{4}|XXXX)"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?|-(?:Q[1-4X]|H[12X]"
    r"|SP|SU|FA|WI))?(?:T[\w:]+)?|XXXX-WXX-\d(?:T\w+)?|P[\dX.]+[A-Z]+(?:\d+[A-Z])?"
    r"|PT[\dX.]+[HMS](?:\d+M)?)\Z")

_WORDS = st.sampled_from([
    "March", "May", "Friday", "yesterday", "2019", "1999", "the", "last", "next", "week",
    "years", "ago", "early", "mid-", "3", "31", "February", "2,000", "a", "of", "1990s",
    "quarter", "third", "p.m.", "5", "every", "Monday", "said", "will", "now", "Sept.", ",",
    "/", "-", "99999", "12/31/1999", "é", "日本", "\n", "  ", "'90s", "twenty-four", "hours",
])


def check(found: list[Timex], text: str) -> None:
    last_end = -1
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        assert timex.start >= last_end
        last_end = timex.end
        assert TIMEX_VALUE.match(timex.value), timex.value
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.none() | st.dates())
def test_any_text_yields_clean_offsets(text: str, dct: dt.date | None) -> None:
    check(tag(text, dct), text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=60).map(" ".join), st.none() | st.dates())
def test_wordy_text_yields_clean_offsets(text: str, dct: dt.date | None) -> None:
    check(tag(text, dct), text)


@settings(max_examples=6, deadline=None)
@given(st.sampled_from(["9", "March ", "May 3, ", "the past ", "12/", "a few ", "-", " ", "'",
                        "1,000", "every ", "mid-"]),
       st.integers(min_value=1000, max_value=6000))
def test_adversarial_inputs_complete(unit: str, repeat: int) -> None:
    """Long runs of digits, month names, numbers: linear work, so this simply completes."""
    text = unit * repeat
    check(tag(text, DCT), text)


def test_extreme_dcts_do_not_raise() -> None:
    text = "Last year, next month, three centuries ago, yesterday and in 20 years, on Friday."
    for dct in (dt.date.min, dt.date.max, dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        check(tag(text, dct), text)


# --------------------------------------------------------------------------- evaluation

def _timeml_dir() -> Path:
    path = DATA / "timeml" / "timebank"
    if not path.is_dir():
        pytest.skip("../shared/data is not available")
    return path


@pytest.mark.shared_data
def test_read_timeml_offsets_match_text() -> None:
    from dateline.eval.timeml import read_timeml

    for path in sorted(_timeml_dir().glob("*.tml"))[:20]:
        doc = read_timeml(path)
        assert doc.dct is not None
        for gold in doc.gold:
            assert doc.text[gold.start:gold.end] == gold.text
            assert "<" not in gold.text and "&amp;" not in gold.text


@pytest.mark.shared_data
def test_evaluate_scores_a_sample() -> None:
    from dateline.eval.timex import evaluate, format_report

    files = sorted(_timeml_dir().glob("*.tml"))[:25]
    scores = evaluate(files)
    assert scores.docs == 25 and scores.gold > 0
    assert scores.prf("relaxed")[2] > 0.8
    assert scores.prf("strict")[2] <= scores.prf("relaxed")[2]
    report = format_report(scores, errors=True)
    assert "strict" in report and "value" in report


def test_evaluate_counts_are_tempeval_style() -> None:
    from dateline.eval.timex import TimexScores, score_doc

    gold = [Timex(0, 5, "today", "DATE", "2019-03-06"), Timex(10, 20, "last month", "DATE",
                                                                  "2019-02")]
    system = [Timex(0, 5, "today", "DATE", "2019-03-06"), Timex(15, 20, "month", "DATE",
                                                                "2019-01"),
              Timex(30, 33, "now", "DATE", "PRESENT_REF")]
    scores = TimexScores()
    score_doc("d", gold, system, scores)
    assert [scores.correct[m] for m in ("strict", "relaxed", "value", "type")] == [1, 2, 1, 2]
    assert {e.kind for e in scores.errors} == {"value", "spurious"}


def test_anaphoric_month_and_quarter_context() -> None:
    found = tag("The plant closed in April 2010. The following month, it reopened.", DCT)
    assert [t.value for t in found] == ["2010-04", "2010-05"]
    found = tag("Third-quarter profit rose 5%. A year ago, it fell.", dt.date(1989, 10, 26))
    assert [t.value for t in found] == ["1989-Q3", "1988-Q3"]


@pytest.mark.shared_data
def test_read_timeml_dct_inside_text() -> None:
    from dateline.eval.timeml import read_timeml

    folder = DATA / "news-silver"
    if not folder.is_dir():
        pytest.skip("../shared/data is not available")
    doc = read_timeml(sorted(folder.glob("*.tml"))[0])
    assert doc.dct is not None and doc.text.strip()
    assert all(doc.text[g.start:g.end] == g.text for g in doc.gold)
