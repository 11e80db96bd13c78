import datetime as dt

from dateline.events.claims import attach_claims, find_claims, kind_group
from dateline.model import Event, FuzzyDate, Mention, Precision, Source, Timex


def claims(sentence):
    return [(c["text"], c["ordinal"], c["kind"]) for c in find_claims(sentence, "a")]


def test_ordinal_claims_about_recurring_events():
    assert claims("It was the 11th meeting between the two leaders since 2019.") == [
        ("the 11th meeting between the two leaders", 11, "meeting")]
    assert claims("Their fourth meeting this year ended without a deal.") == [
        ("Their fourth meeting this year", 4, "meeting")]
    assert claims("The third round of talks opened in Vienna on April 30.") == [
        ("The third round of talks", 3, "round")]
    assert claims("Dockers walked out for the second time in a month on Friday.") == [
        ("for the second time in a month", 2, "walkout")]
    assert claims("It was the first strike since 2019, the union said.") == [
        ("the first strike since 2019", 1, "strike")]
    assert claims("The committee opened its third public hearing on Tuesday.") == [
        ("its third public hearing", 3, "hearing")]


def test_ordinals_that_count_nothing_are_not_claims():
    assert claims("First-quarter profits rose 4 per cent, the company said.") == []
    assert claims("The first quarter results were published on March 3rd.") == []
    assert claims("The March 3rd meeting was cancelled.") == []
    assert claims("They meet again on the 21st of June.") == []
    assert claims("The 2nd of May session was postponed.") == []
    assert claims("The first of its six turbines was switched on last week.") == []
    assert claims("Veldora for the first time accepted the figures.") == []


def test_kind_groups_are_small_and_explainable():
    assert kind_group("round") == kind_group("meeting") == kind_group("talks") == "talks"
    assert kind_group("walkout") == kind_group("strike") == "strike"
    assert kind_group("hearing") == "hearing"


def event(day, summary, participants, future=False):
    date = FuzzyDate(2024, 4, day)
    mention = Mention("a", 0, summary, date, Timex(0, 1, "x", "DATE", "x"), future=future)
    return Event("", date, summary, summary, [mention], [Source(f"art{day}", summary)],
                 participants=participants)


def test_documented_counts_events_of_the_kind_between_the_same_parties():
    parties = ["Veldora", "Kastmark"]
    events = [
        event(9, "The first round of talks opened in Geneva on Tuesday.", parties),
        event(10, "Veldora and Kastmark talks ended in Geneva on Wednesday.", parties),
        event(12, "Farmers blocked the border crossing on Friday.", ["Veldora"]),
        event(15, "Norland and Sudovia met in Oslo on Monday.", ["Norland", "Sudovia"]),
        event(18, "The second round of talks collapsed on Thursday.", parties),
        event(30, "The fourth round of talks opened in Vienna on Tuesday.", parties),
        event(30, "A fifth meeting is planned in May.", parties, future=True),
    ]
    attach_claims(events)
    (claim,) = events[5].claims
    assert (claim["ordinal"], claim["kind"], claim["article"]) == (4, "round", "art30")
    # Geneva (one round reported on two days), the second round, and Vienna itself
    assert claim["documented"] == 3
    assert claim["between"] == parties
    assert events[2].claims == []


def test_a_month_event_counts_only_when_no_day_falls_inside_it():
    parties = ["A", "B"]
    coarse = event(1, "A and B held talks in April.", parties)
    coarse.date = FuzzyDate(2024, 4, 1, Precision.MONTH)
    events = [coarse, event(20, "A and B held their second round of talks.", parties)]
    attach_claims(events)
    assert events[1].claims[0]["documented"] == 1
    assert coarse.date.first_day == dt.date(2024, 4, 1)
