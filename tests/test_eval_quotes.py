"""The quote scorer's conventions, on a small article written for the test."""

import json

from dateline.eval.participants import GoldSentence, names_match, score_event
from dateline.eval.quotes import match_quotes, nearest_person, read_corpus, speaker_right, words


def test_speaker_matching_follows_the_corpus_rule():
    assert speaker_right("Clinton", "Hillary Clinton")
    assert speaker_right("Donald J. Trump", "Donald Trump")
    assert speaker_right("Mr. Sanders's", "Bernie Sanders")
    assert not speaker_right("Bill Clinton", "Hillary Clinton")
    assert not speaker_right(None, "Hillary Clinton")
    assert speaker_right("Sec. Kerry", "John Kerry", ["Sec. Kerry"])


def test_quotes_match_one_to_one_by_shared_words():
    system = [words("We will win this state"), words("Thank you all")]
    gold = [words("\u201cThank you all for coming\u201d"), words("We will win this state, "
                                                             "and then the next one")]
    assert match_quotes(system, gold) == {0: 1, 1: 0}
    assert match_quotes([words("entirely different words here")], gold) == {}


def test_baseline_takes_the_nearest_person_in_the_paragraph_outside_the_quote():
    text = "Ann Lee spoke.\n\u201cWe won,\u201d said Bo Park, not Cy Dunn."
    start = text.index("\u201c")
    end = text.index("\u201d") + 1
    people = [(0, 7, "Ann Lee"), (text.index("Bo"), text.index("Bo") + 7, "Bo Park"),
              (text.index("Cy"), text.index("Cy") + 7, "Cy Dunn")]
    assert nearest_person(text, start, end, people) == "Bo Park"


def test_a_bad_line_is_reported_with_the_file_and_skipped(tmp_path):
    path = tmp_path / "quotes.jsonl"
    good = {"id": "a", "text": "T\n\nBody.", "quotes": []}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "b"}) + "\n")
    warnings = []
    assert [item["id"] for item in read_corpus(path, warnings)] == ["a"]
    assert len(warnings) == 2 and all(str(path) in w and "line" in w for w in warnings)


def test_participants_are_judged_against_the_gold_of_the_event_sentences():
    gold = GoldSentence(participants=[{"Airbus"}, {"Lufthansa AG", "Lufthansa"}],
                        places=[{"Hamburg"}], words={"airbus", "lufthansa", "hamburg", "ag"})
    tally = score_event(["Airbus", "Hamburg", "Boeing"], "Hamburg", [gold])
    # Boeing is named in no annotated sentence: not judged; Hamburg is the place
    assert (tally.system, tally.system_right) == (2, 1)
    assert (tally.gold, tally.gold_found) == (2, 1)
    assert (tally.with_place, tally.place_right) == (1, 1)
    assert names_match("Lufthansa", {"Lufthansa AG"}) and not names_match("Air", {"Airbus"})
