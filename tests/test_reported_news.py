"""How reported speech, leads and quotes become timeline entries (pipeline, no NER)."""

from dateline.clean.sentences import split_sentences
from dateline.config import Config
from dateline.events.quotes import find_quotes
from dateline.events.similarity import _stem
from dateline.model import Article
from dateline.pipeline import process_articles

CONFIG = Config(progress=False, use_ner=False, max_events=1000)

DELAY = "\n".join([
    "Corvane Air to be compensated for Halder H9 delays",
    "October 5, 2026",
    "",
    "Corvane Air says that it will be compensated by Halder for the additional delay in "
    "delivery of its new H9's. The aircraft's delivery, originally due later this year, "
    "will be delayed until October 2027.",
    "",
    'In a statement, Corvane chief executive Mira Olsen commented "The delays are '
    'disappointing, but the programme is sound."',
])

TANKER = "\n".join([
    "Pellam and Ostrava defeat Brightwing for tanker contract",
    "March 1, 2026",
    "",
    "Pellam and Ostrava have unexpectedly defeated Brightwing for a $40 billion contract "
    "to build refuelling tankers, the Air Ministry has announced.",
    "",
    'Brightwing chief executive Tomas Varga said in an interview "We are very '
    'disappointed and we will study the decision."',
    "",
    '"Today is a great day for the region," said Ostrava President and Chief Executive '
    "Officer, Lena Brandt.",
])


def _timeline(*texts):
    articles = [Article(id=f"a{k}", path=f"a{k}.txt", raw_text=text)
                for k, text in enumerate(texts)]
    return process_articles(articles, CONFIG)


def test_possessive_before_a_full_stop_ends_the_sentence():
    texts = [s.text for s in split_sentences("It flew the new H9's. The next day it landed. "
                                             "Mr. O'Neil and J. Smith stayed.")]
    assert texts == ["It flew the new H9's.", "The next day it landed.",
                     "Mr. O'Neil and J. Smith stayed."]


def test_lead_announcing_a_future_step_is_the_day_news():
    timeline = _timeline(DELAY)
    dates = {event.date.iso(): event for event in timeline.events}
    lead = dates["2026-10-05"]
    assert any("says that it will be compensated" in s.sentence for s in lead.sources)
    # "delayed until October 2027" dates the delivery, it does not only bound a state
    assert any("delayed until October 2027" in s.sentence for s in dates["2027-10"].sources)


def test_quote_in_an_undated_sentence_goes_to_the_article_lead_event():
    timeline = _timeline(DELAY, TANKER)
    by_date = {event.date.iso(): event for event in timeline.events}
    speakers = {q.speaker: q.text for q in by_date["2026-10-05"].quotes}
    assert speakers == {
        "Mira Olsen": "The delays are disappointing, but the programme is sound."}
    tanker = by_date["2026-03-01"]
    assert {q.speaker for q in tanker.quotes} == {"Tomas Varga", "Lena Brandt"}


def test_speakers_today_inside_a_quote_dates_nothing():
    timeline = _timeline(TANKER)
    assert [event.date.iso() for event in timeline.events] == ["2026-03-01"]


def test_attribution_forms_name_the_speaker():
    sentences = list(enumerate([
        'Union leader Ana Ruiz commented "This is only the beginning of the campaign."',
        'Secretary of the Interior Paul Kerr: "We will not give in to pressure."',
        'The minister defended the plan, saying "Nobody will lose a job over this."',
        '"The deal is done," said Harbour Group Chief Financial Officer, Ivo Marek.',
        '"We will be asking tough questions about the decision," releasing a statement.',
    ]))
    found = find_quotes(sentences, "x")
    assert [f.quote.speaker for f in found] == ["Ana Ruiz", "Paul Kerr", None, "Ivo Marek",
                                                None]


def test_inflections_share_one_stem():
    assert len({_stem(w) for w in ("delivery", "deliveries", "delivered", "delivering")}) == 1
    assert _stem("compensation") == _stem("compensated")
    assert _stem("meetings") == _stem("meeting")
    assert _stem("business") == "business" and _stem("process") == _stem("processes")


HARVEST = "\n".join([
    "Drought cuts Orvaland wheat planting",
    "April 9, 2026",
    "",
    "Orvaland's farm ministry said on Wednesday that the wheat area sown this spring has "
    "shrunk by 14 per cent compared with last year.",
    "",
    "Exports in the first quarter fell by a fifth compared to the same quarter of 2024.",
    "",
    "The last drought of this size, in 2019, halved the harvest.",
])


def test_a_comparison_yardstick_dates_no_event():
    """"compared with last year" is what a figure is measured against, not when something
    happened; a year the text says something happened in still dates its event."""
    dates = {event.date.iso() for event in _timeline(HARVEST).events}
    assert "2026-04-08" in dates  # the ministry's statement, on Wednesday
    assert "2019" in dates
    assert "2025" not in dates and "2024" not in dates
