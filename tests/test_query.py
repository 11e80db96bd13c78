import datetime as dt

import pytest

from dateline.model import Entity, Event, FuzzyDate, Mention, Source, Timex
from dateline.timeline.query import Operation, QueryError, Term, filter_events, parse_query


def event(sentence, entities=()):
    date = FuzzyDate.from_date(dt.date(2024, 3, 6))
    mention = Mention("a", 0, sentence, date, Timex(0, 1, "x", "DATE", date.iso()),
                      entities=[Entity(text, label) for text, label in entities])
    return Event("e", date, sentence[:20], sentence, [mention], [Source("a", sentence)])


def test_parse_phrases_and_precedence():
    assert parse_query("General Motors") == Term("General Motors")
    assert parse_query('"General Motors" AND (Opel OR Vauxhall)') == Operation(
        "AND", (Term("General Motors"), Operation("OR", (Term("Opel"), Term("Vauxhall")))))
    assert parse_query("a OR b AND c") == Operation(
        "OR", (Term("a"), Operation("AND", (Term("b"), Term("c")))))
    assert parse_query("NOT strike") == Operation("NOT", (Term("strike"),))
    for bad in ["", "(GM", "GM AND", ")"]:
        with pytest.raises(QueryError):
            parse_query(bad)


def test_short_and_alternative_names_match():
    events = [
        event("Angela Merkel met union leaders in Berlin.", [("Angela Merkel", "PERSON")]),
        event("Merkel said the plan would go ahead.", [("Merkel", "PERSON")]),
        event("General Motors Corp. cut 2,000 jobs at its Opel plant.",
              [("General Motors Corp.", "ORG")]),
        event("GM shares fell after the announcement.", [("GM", "ORG")]),
        event("The weather stayed mild all week."),
    ]
    assert [e.summary[:6] for e in filter_events(events, "Angela Merkel")] == ["Angela", "Merkel"]
    assert [e.summary[:6] for e in filter_events(events, "Merkel")] == ["Angela", "Merkel"]
    assert [e.summary[:4] for e in filter_events(events, "General Motors")] == ["Gene", "GM s"]
    assert filter_events(events, "GM AND Opel") == [events[2]]
    assert filter_events(events, "Merkel OR weather") == [events[0], events[1], events[4]]
    assert filter_events(events, "gm") == [events[2], events[3]]  # lower case: the name


def test_model_numbers_quoted_speakers_and_continuations():
    from dateline.events.quotes import Quote

    rollout = event("Halder rolled out the first H-900 at its Tolbeck plant.")
    delivery = event("The first Halder H-900 went to Corvane Air.")
    reaction = event("Brightwing cut its forecast for the year.")
    reaction.quotes = [Quote("Mira Olsen", "We saw this coming.", "a")]
    follow = event("Shares rose on the news.")
    carried = Mention("a", 1, "Corvane Air, which ordered ten, declined to comment.",
                      follow.date, follow.mentions[0].timex, continues=0)
    follow.mentions.append(carried)
    follow.sources.append(Source("a", carried.sentence))
    events = [rollout, delivery, reaction, follow]
    assert filter_events(events, '"Halder H-900"') == [rollout, delivery]
    assert filter_events(events, '"Mira Olsen"') == [reaction]
    # named only in a sentence that continues the event's report: not the entity's event
    assert filter_events(events, '"Corvane Air"') == [delivery]


def test_market_short_forms_name_the_index_but_a_maker_is_not_its_product():
    events = [
        event("The Dow fell 3% on Monday as factory data disappointed."),
        event("The Dow Jones Industrial Average recovered half of the loss on Tuesday."),
        event("The Nasdaq slipped 1.2% as technology shares lagged."),
        event("The NASDAQ Composite ended the week higher."),
        event("The S&P 500 closed at a record."),
        event("The Standard & Poor's 400 index of midsize companies was flat."),
        event("Boeing said deliveries would resume next month."),
        event("The Boeing 787 Dreamliner made its first flight."),
    ]
    assert filter_events(events, '"Dow Jones Industrial Average"') == events[:2]
    assert filter_events(events, '"NASDAQ Composite"') == events[2:4]
    assert filter_events(events, '"Standard & Poor\'s 500"') == [events[4]]
    assert filter_events(events, '"Boeing 787 Dreamliner"') == [events[7]]


def test_a_makers_brand_and_a_model_without_its_letter_match():
    events = [
        event("Toyota said on Monday that it would recall 400,000 cars."),
        event("Toyota Motor Corp. raised its profit forecast."),
        event("General Electric won a turbine order."),
        event("It is expected that the Airbus 380 will arrive on November 11.",
              [("Airbus 380", "PRODUCT")]),
        event("The Airbus A320 order was confirmed."),
    ]
    assert filter_events(events, '"Toyota Motor Corporation"') == events[:2]
    assert filter_events(events, '"General Motors"') == []
    assert filter_events(events, '"Airbus A380"') == [events[3]]


def test_a_maker_named_before_its_model_is_not_the_events_party():
    order = event("Corvane Air agreed on Tuesday to buy twenty Halder H-900 jets.")
    own = event("Halder said on Friday that it would build a second plant.")
    model = event("The Halder 740 made its first flight on Monday.")
    year = event("Halder 2025 results beat forecasts, the company said.")
    events = [order, own, model, year]
    # the maker's own news, and the year after its name is no model
    assert filter_events(events, "Halder") == [own, year]
    # the product and its buyer still find it
    assert filter_events(events, '"Halder H-900"') == [order]
    assert filter_events(events, '"Halder 740"') == [model]
    assert filter_events(events, '"Corvane Air"') == [order]


def test_a_longer_name_of_another_entity_is_not_the_terms():
    home = event("The Kastmark Air Force grounded its tanker fleet on Monday.",
                 [("Kastmark Air Force", "ORG")])
    abroad = event("Veldora's Royal Air Force signed a tanker contract on Tuesday.",
                   [("Royal Air Force", "ORG")])
    unit = event("Halder Commercial Jets delivered its last freighter on Friday.",
                 [("Halder Commercial Jets", "ORG")])
    unit.title = "Halder Commercial Jets delivered its last freighter"
    own = event("Halder said on Friday that it would build a second plant.",
                [("Halder", "ORG")])
    short = event("The K. Air Force said the grounding would last a week.")
    events = [home, abroad, unit, own, short]
    # the same force under its initials counts; another country's does not
    assert filter_events(events, '"Kastmark Air Force"') == [home, short]
    assert filter_events(events[:4], '"Royal Air Force"') == [abroad]
    # a unit with a name of its own is not its parent
    assert filter_events(events, "Halder") == [own]
    assert filter_events(events, '"Halder Commercial Jets"') == [unit]


def test_a_persons_title_before_the_name_keeps_the_person():
    said = event("Halder Aerospace CEO Mira Olsen said on Monday that orders had doubled.",
                 [("Halder Aerospace", "ORG"), ("Mira Olsen", "PERSON")])
    met = event("Mira Olsen met union leaders on Tuesday.", [("Mira Olsen", "PERSON")])
    assert filter_events([said, met], '"Mira Olsen"') == [said, met]


def test_a_name_in_a_hyphenated_modifier_qualifies_a_noun():
    fleet = event("Nordair already flies an all-Halder fleet of thirty jets.")
    ready = event("All three terminals are H-900-ready, the airport said on Monday.")
    joint = event("Talks on a Halder-Nordair venture resumed on Tuesday.")
    events = [fleet, ready, joint]
    assert filter_events(events, "Halder") == [joint]
    assert filter_events(events, '"Halder H-900"') == []
    assert filter_events(events, "Nordair") == [fleet, joint]


def test_a_product_has_no_initials():
    jet = event("The first Halder K400 was delivered on Monday.")
    other = event("HK Express cut its fares on Tuesday.")
    assert filter_events([jet, other], '"Halder K400"') == [jet]


def test_an_index_named_with_its_class_word_is_the_index():
    events = [
        event("The S&P 500 Index rose 1.2% on Monday.", [("S&P 500 Index", "ORG")]),
        event("The Nasdaq Composite Index slipped 0.4% on Tuesday.",
              [("Nasdaq Composite Index", "ORG")]),
        event("Dow Jones Newswires reported the figures on Wednesday.",
              [("Dow Jones Newswires", "ORG")]),
    ]
    assert filter_events(events, '"S&P 500"') == [events[0]]
    assert filter_events(events, '"NASDAQ Composite"') == [events[1]]
    # a news service named after the index is not the index
    assert filter_events(events, '"Dow Jones Industrial Average"') == []
