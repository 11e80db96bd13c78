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


# Newsroom forms, one paragraph per entry (sentences of a paragraph in one string).
WIRE = [
    "Opposition leader Marta Oyelaran and Prime Minister Tomas Brekke met voters in Arlund "
    "on Tuesday.",
    "\u201cWe will not accept a rigged count,\u201d Oyelaran \u2014 the opposition leader, "
    "who is standing for a third time \u2014 said on Tuesday.",
    "\u201cThe count will be fair,\u201d Brekke lawyer Ingrid Solvang said.",
    "\u201cFarmers have waited long enough,\u201d Brekke, speaking to growers in Nordby, said. "
    "\u201cThe subsidy comes this year.\u201d",
    "\u201cMarta Oyelaran will say anything to win,\u201d he added.",
    "Ana Ruiz, the visiting leader, arrived in Arlund on Wednesday.",
    "She toured the port.",
    "The visiting leader said, \u201cArlund and Sarvia will trade more grain.\u201d",
]


def wire_quotes():
    from dateline.clean.sentences import split_sentences
    from dateline.model import Article

    text = "\n\n".join(WIRE)
    article = Article("w", "w.txt", text, text=text, sentences=split_sentences(text))
    people = [("Marta Oyelaran", "PERSON"), ("Tomas Brekke", "PERSON"),
              ("Ingrid Solvang", "PERSON"), ("Ana Ruiz", "PERSON"), ("Arlund", "GPE"),
              ("Nordby", "GPE")]
    index = NameIndex()
    index.learn_sentences("w", [(s.text, [Entity(n, label) for n, label in people
                                          if n in s.text]) for s in article.sentences])
    from dateline.events.quotes import paragraph_openings

    found = find_quotes([(s.index, s.text) for s in article.sentences], "w", index,
                        paragraphs=paragraph_openings(article))
    return [(f.quote.speaker, f.quote.text[:24]) for f in found]


def test_appositive_title_word_and_aside_between_name_and_verb():
    found = wire_quotes()
    assert found[0] == ("Marta Oyelaran", "We will not accept a rig")
    # "Brekke lawyer Ingrid Solvang": the title's owner is not the speaker
    assert found[1] == ("Ingrid Solvang", "The count will be fair")
    # "Brekke, speaking to growers in Nordby, said": not the growers' town
    assert found[2] == ("Tomas Brekke", "Farmers have waited long")


def test_second_quote_pronouns_and_descriptions_resolve_to_the_speaker():
    found = wire_quotes()
    # the second quote of a paragraph goes on in the first one's voice
    assert found[3] == ("Tomas Brekke", "The subsidy comes this y")
    # "he added": the last speaker, not the name inside the quote before
    assert found[4] == ("Tomas Brekke", "Marta Oyelaran will say ")
    # "the visiting leader", named as such two sentences before
    assert found[5] == ("Ana Ruiz", "Arlund and Sarvia will t")


def test_quote_running_on_to_the_next_paragraph_ends_at_the_paragraph_break():
    text = "\u201cWe will build the bridge.\n\u201cAnd we will pay for it,\u201d she said."
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["\u201cWe will build the bridge.",
                                             "\u201cAnd we will pay for it,\u201d"]
