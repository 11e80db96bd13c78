from dateline.events.names import NameIndex
from dateline.events.quotes import attach_quotes, find_quotes, quote_spans
from dateline.model import Entity, Event, FuzzyDate, Mention, Source, Timex

DAY = FuzzyDate(2024, 4, 18)


def mention(index, sentence, *entities, article="wire", continues=None):
    return Mention(article, index, sentence, DAY, Timex(0, 1, "x", "DATE", "x"),
                   entities=[Entity(t, label) for t, label in entities], continues=continues)


ARTICLE = [
    (0, "Talks between Veldora and Kastmark collapsed in Geneva on Thursday."),
    (1, "\u201cThree months is a harvest,\u201d Veldoran negotiator Ilse Marrack told "
        "journalists outside the Palais des Nations."),
    (2, "\u201cThey are offering us a committee."),
    (3, "We asked for water.\u201d"),
    (4, "Kastmark Water and Energy Minister Rasmus Holt, speaking an hour later, called "
        "the walkout \u201ctheatre\u201d and said his country had kept the treaty."),
    (5, '"We were ready to stay all night.'),
    (6, 'The door is open," he said.'),
    (7, 'Holt said: "Every cubic metre we owe Veldora has been delivered."'),
    (8, '"The accord is interim, and the thirst is permanent," read a banner in Halvik.'),
    (9, '"A diplomat\'s good mood does not irrigate anything," said Mr. Redd.'),
]


def names():
    return NameIndex.from_mentions([
        mention(1, ARTICLE[1][1], ("Veldoran", "NORP"), ("Ilse Marrack", "PERSON")),
        mention(4, ARTICLE[4][1], ("Kastmark Water and", "ORG"), ("Rasmus Holt", "PERSON")),
        mention(0, "Jonas Redd led the blockade on Saturday.", ("Jonas Redd", "PERSON"),
                article="ledger"),
    ])


def quotes():
    return [(f.quote.speaker, f.quote.text, f.sentences)
            for f in find_quotes(ARTICLE, "wire", names())]


def test_speakers_in_every_attribution_form():
    found = quotes()
    assert found[0] == ("Ilse Marrack", "Three months is a harvest", (1,))
    # a quote over two sentences, continuing the attributed one before it
    assert found[1] == ("Ilse Marrack", "They are offering us a committee. We asked for "
                                        "water.", (2, 3))
    # "he" is the last person named before the quote; straight quotes work too
    assert found[2] == ("Rasmus Holt", "We were ready to stay all night. The door is open",
                        (5, 6))
    assert found[3] == ("Rasmus Holt",
                        "Every cubic metre we owe Veldora has been delivered.", (7,))
    # "said Mr. Redd": the surname is the collection's one Redd
    assert found[5] == ("Jonas Redd", "A diplomat's good mood does not irrigate anything",
                        (9,))


def test_unattributed_quotes_keep_no_speaker_and_scare_quotes_are_not_quotes():
    found = quotes()
    assert found[4][:2] == (None, "The accord is interim, and the thirst is permanent")
    assert all(text != "theatre" for _, text, _ in found)
    assert len(found) == 6


def test_quote_marks_pair_by_their_neighbours():
    text = 'He called it "fair". "We agree," she said, "mostly."'
    assert [text[a:b] for a, b in quote_spans(text)] == ['"fair"', '"We agree,"',
                                                         '"mostly."']
    assert quote_spans("She said \u201cyes\u201d and \u201cno.\u201d") == [(9, 14), (19, 24)]


def test_events_get_the_quotes_of_their_sources_and_continuations():
    mentions = [mention(5, ARTICLE[5][1]), mention(6, ARTICLE[6][1], continues=5)]
    other = [mention(8, ARTICLE[8][1])]
    events = [Event("e1", DAY, "t", "s", mentions, [Source("wire", m.sentence)
                                                    for m in mentions]),
              Event("e2", DAY, "t", "s", other, [Source("wire", ARTICLE[8][1])])]
    attach_quotes(events, names())
    assert [q.to_dict() for q in events[0].quotes] == [{
        "speaker": None,  # without the article, "he" has no one before it to name
        "text": "We were ready to stay all night. The door is open", "article": "wire"}]
    assert [q.speaker for q in events[1].quotes] == [None]
