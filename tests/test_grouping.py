import datetime as dt

from dateline.events.grouping import group_mentions, resolve_date
from dateline.model import Entity, FuzzyDate, Mention, Precision, Timex


def mention(article, sentence, date, precision=Precision.DAY, index=0, entities=()):
    day = date if isinstance(date, dt.date) else dt.date.fromisoformat(date)
    fuzzy = FuzzyDate(day.year, day.month, day.day if precision is Precision.DAY else 1,
                      precision)
    return Mention(article, index, sentence, fuzzy, Timex(0, 1, "x", "DATE", fuzzy.iso()),
                   entities=[Entity(*e) for e in entities])


PARTIES = [("Norland", "GPE"), ("Sudovia", "GPE")]


def clusters_as_sets(clusters):
    return sorted(sorted(m.article_id + ":" + m.date.iso() for m in c) for c in clusters)


def test_recurring_meetings_between_same_parties_stay_separate():
    mentions = [
        mention("a", "Negotiators from Norland and Sudovia met in Vienna for talks on the "
                     "water treaty.", "2024-03-06", entities=PARTIES),
        mention("b", "Norland and Sudovia held talks on the water treaty in Vienna.",
                "2024-03-06", entities=PARTIES),
        mention("c", "Norland and Sudovia met again in Vienna for a second round of talks on "
                     "the water treaty.", "2024-03-20", entities=PARTIES),
        mention("d", "A second round of water treaty talks between Norland and Sudovia ended "
                     "in Vienna.", "2024-03-20", entities=PARTIES),
        mention("e", "Norland and Sudovia talks on the water treaty resumed in Vienna.",
                "2024-04-03", entities=PARTIES),
    ]
    groups = clusters_as_sets(group_mentions(mentions))
    assert groups == [["a:2024-03-06", "b:2024-03-06"], ["c:2024-03-20", "d:2024-03-20"],
                      ["e:2024-04-03"]]


def test_unrelated_events_on_the_same_day_stay_separate():
    mentions = [
        mention("a", "Norland and Sudovia resumed talks on the water treaty in Vienna.",
                "2024-03-06", entities=PARTIES),
        mention("b", "A storm flooded the harbour district of Marrack, closing the port.",
                "2024-03-06", entities=[("Marrack", "GPE")]),
    ]
    assert len(group_mentions(mentions)) == 2


def test_one_day_disagreement_merges_only_when_wording_is_close():
    close = [
        mention("a", "Norland and Sudovia signed the water treaty framework in Vienna.",
                "2024-03-06", entities=PARTIES),
        mention("b", "Norland and Sudovia signed a framework for the water treaty in Vienna.",
                "2024-03-07", entities=PARTIES),
    ]
    assert len(group_mentions(close)) == 1
    far = [close[0], mention("c", "Prices of grain rose sharply in Marrack markets.",
                             "2024-03-07")]
    assert len(group_mentions(far)) == 2


def test_same_article_with_two_dates_tells_two_events():
    mentions = [
        mention("a", "Norland and Sudovia met in Vienna for talks.", "2024-03-06",
                entities=PARTIES),
        mention("a", "Norland and Sudovia met in Vienna for talks.", "2024-03-07",
                index=4, entities=PARTIES),
    ]
    assert len(group_mentions(mentions)) == 2


def test_month_mention_joins_a_matching_day_event_from_another_article():
    mentions = [
        mention("a", "Foreign ministers of Norland and Sudovia spoke briefly in Geneva about "
                     "the dam dispute.", "2024-03-12", entities=PARTIES + [("Geneva", "GPE")]),
        mention("b", "In March the foreign ministers of Norland and Sudovia spoke briefly in "
                     "Geneva about the dam dispute.", "2024-03-01", precision=Precision.MONTH,
                entities=PARTIES + [("Geneva", "GPE")]),
        mention("c", "In March, grain prices climbed across the region.", "2024-03-01",
                precision=Precision.MONTH),
    ]
    groups = group_mentions(mentions)
    assert len(groups) == 2
    merged = next(g for g in groups if len(g) == 2)
    date, conflicts = resolve_date(merged)
    assert date.iso() == "2024-03-12" and date.precision is Precision.DAY
    assert conflicts == []


def test_resolve_date_prefers_majority_and_reports_conflict():
    mentions = [mention("a", "x", "2024-03-06"), mention("b", "x", "2024-03-06"),
                mention("c", "x", "2024-03-07")]
    date, conflicts = resolve_date(mentions)
    assert date.iso() == "2024-03-06"
    assert conflicts == [{"date": "2024-03-06", "articles": ["a", "b"]},
                         {"date": "2024-03-07", "articles": ["c"]}]


def test_one_story_alone_does_not_join_sentences_without_a_word_in_common():
    # Two outlets of one story (same title and lead), one day: the market move and the
    # resignation share no word, so the story does not make them one event; the
    # resignation the second outlet tells a day earlier still joins the first outlet's.
    story = ("Halvik chief Ora Lind resigns\nHalvik chief executive Ora Lind resigned on "
             "Wednesday after a year of losses at the carmaker.")

    def told(article, sentence, date, index):
        found = mention(article, sentence, date, index=index)
        found.context = story
        return found

    mentions = [
        told("a", "Shares of the carmaker rose 2% after Wednesday's close.", "2024-03-06", 5),
        told("b", "On Wednesday, Lind resigned as chief executive.", "2024-03-06", 0),
        told("a", "Lind resigned as chief executive, Halvik said.", "2024-03-07", 0),
        told("c", "Traffic on the coast road was slowed by roadworks.", "2024-03-06", 0),
    ]
    groups = clusters_as_sets(group_mentions(mentions))
    assert ["a:2024-03-06"] in groups
    assert ["a:2024-03-07", "b:2024-03-06"] in groups


def test_a_retold_candidate_is_described_again_once_it_grows():
    """A day event's description is kept for every month report asking, and read again
    when a coarse cluster joins it (its new sentences may bring the shared names)."""
    from dateline.events.grouping import _described, _Retold, _told_key

    mentions = [
        mention("a", "The Vantor Aero Kestrel flew for the first time on Tuesday.",
                "2024-03-12", index=0),
        mention("b", "Orlan Aviation and Nordair flew the RJ-70 jet in March.", "2024-03-01",
                precision=Precision.MONTH, index=0),
    ]
    told = {_told_key(mentions[0], 0): ["The Kestrel landed at Halden before noon."]}
    retold = _Retold(told)
    candidate = [0]
    first = retold.described(candidate, mentions)
    assert first == _described([mentions[0].sentence, *told[_told_key(mentions[0], 0)]])
    assert retold.described(candidate, mentions) is first  # kept, not described again
    candidate.append(1)
    grown = retold.described(candidate, mentions)
    assert grown == _described([mentions[0].sentence, *told[_told_key(mentions[0], 0)],
                                mentions[1].sentence])
    assert grown != first


def test_a_period_blocks_the_candidates_holding_an_article_and_those_joined_by_one():
    """``_PeriodScores.eligible`` answers as one intersection per candidate, also after
    a coarse cluster brings a candidate new articles."""
    from dateline.events.grouping import _PeriodScores

    mentions = [mention(article, f"Sentence {n}.", "2024-03-12", index=n)
                for n, article in enumerate("aabcdde")]
    candidates = [[0, 1], [2], [3], [4, 5]]  # articles {a}, {b}, {c}, {d}
    scores = _PeriodScores.__new__(_PeriodScores)
    scores._holding, scores._position = None, {}

    def brute(articles):
        return [c for c in candidates if not articles & {mentions[i].article_id for i in c}]

    for articles in ({"a"}, {"b", "d"}, {"e"}, set()):
        assert scores.eligible(candidates, articles, mentions) == brute(articles)
    candidates[1].append(6)  # article e joins the candidate of b
    scores.joined(candidates[1], [6], mentions)
    for articles in ({"e"}, {"a", "e"}, {"c"}):
        assert scores.eligible(candidates, articles, mentions) == brute(articles)
