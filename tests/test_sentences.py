from dateline.clean.sentences import is_wire_dateline, split_sentences


def texts(text):
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    return [s.text for s in sentences]


def test_abbreviations_initials_and_decimals_do_not_split():
    text = ("Mr. Haldane met Gen. Ortiz in Washington on Jan. 5. John F. Kennedy Airport "
            "was closed. The deal is worth $3.5 billion, the U.S. Treasury said.")
    assert texts(text) == [
        "Mr. Haldane met Gen. Ortiz in Washington on Jan. 5.",
        "John F. Kennedy Airport was closed.",
        "The deal is worth $3.5 billion, the U.S. Treasury said.",
    ]


def test_quotes_and_line_breaks_end_sentences():
    text = '"We are not there yet." She left.\nA one-line paragraph\n\n"Why now?" he asked.'
    assert texts(text) == ['"We are not there yet."', "She left.", "A one-line paragraph",
                           '"Why now?" he asked.']


def test_lowercase_after_period_continues_sentence():
    assert texts("It rose 2.5 pct. in March and fell. Then it rose.") == [
        "It rose 2.5 pct. in March and fell.", "Then it rose."]


def test_indices_are_consecutive_and_empty_text_gives_nothing():
    assert split_sentences("") == []
    assert [s.index for s in split_sentences("One two. Three four. Five six.")] == [0, 1, 2]


def test_sentences_glued_without_a_space_are_split():
    text = ("Troops were deployed in the capital.The minister had spoken to reporters on "
            "Monday. Mr.Smith and the U.S.Army stayed silent.")
    assert [s.text for s in split_sentences(text)] == [
        "Troops were deployed in the capital.",
        "The minister had spoken to reporters on Monday.",
        "Mr.Smith and the U.S.Army stayed silent.",
    ]


def test_a_wire_dateline_is_cut_off_the_first_sentence():
    # A copied page often glues a headline and a timestamp before the dateline too.
    text = ("Gaddafi son warns of civil war TRIPOLI | Mon Feb 21, 2011 3:51 pm IST TRIPOLI "
            "(Reuters) - Libya's Muammar Gaddafi will fight on. Benghazi, Libya (CNN) -- "
            "Even as the army cracked down, protesters held the city.")
    assert texts(text) == [
        "Gaddafi son warns of civil war TRIPOLI | Mon Feb 21, 2011 3:51 pm IST TRIPOLI "
        "(Reuters) -",
        "Libya's Muammar Gaddafi will fight on.",
        "Benghazi, Libya (CNN) --",
        "Even as the army cracked down, protesters held the city.",
    ]
    assert is_wire_dateline("Benghazi, Libya (CNN) --")


def test_a_bracket_and_a_dash_inside_a_sentence_do_not_split_it():
    assert texts("He said (in private) - Nothing new - that the deal was off.") == [
        "He said (in private) - Nothing new - that the deal was off."]
