"""Speaker attribution forms from political reporting (issue 17), on paragraphs written
for these tests: each case failed with the attribution rules before the fix."""

from dateline.clean.sentences import split_sentences
from dateline.events.names import NameIndex
from dateline.events.quotes import find_quotes, paragraph_openings
from dateline.events.speakers import FEATURES, Candidate, Ranker, candidates
from dateline.model import Article, Entity


def speakers(paragraphs: list[str], people: list[tuple[str, str]],
             elsewhere: list[tuple[str, str, str]] = ()) -> list[tuple[str | None, str]]:
    """(speaker, first words) of each quote; ``people`` are the entities the model
    tags in this article (tagged wherever their text occurs), ``elsewhere`` (article,
    text, label) what it tags in other articles of the collection."""
    text = "\n\n".join(paragraphs)
    article = Article("a", "a.txt", text, text=text, sentences=split_sentences(text))
    index = NameIndex()
    for other, name, label in elsewhere:
        index.learn_sentences(other, [(name, [Entity(name, label)])])
    index.learn_sentences("a", [(s.text, [Entity(n, label) for n, label in people
                                          if n in s.text]) for s in article.sentences])
    found = find_quotes([(s.index, s.text) for s in article.sentences], "a", index,
                        paragraphs=paragraph_openings(article))
    return [(f.quote.speaker, " ".join(f.quote.text.split()[:3])) for f in found]


def test_a_surname_the_model_mostly_tags_as_a_company_is_still_the_speaker():
    # "Halvorsen Group", "Halvorsen Tower": across the collection the small model reads
    # the surname as an organisation, but this article names the man in full
    elsewhere = [(f"x{k}", "Halvorsen", "ORG") for k in range(5)]
    found = speakers([
        "Businessman Erik Halvorsen opened his campaign in Tromsdal on Monday.",
        "\u201cWe are going to win this state, and we are going to win it big,\u201d "
        "Halvorsen said.",
        "Halvorsen took aim at his rival, telling the crowd, \u201cShe has been in "
        "office for thirty years and fixed nothing.\u201d",
    ], [("Erik Halvorsen", "PERSON"), ("Tromsdal", "GPE")], elsewhere)
    assert found == [("Erik Halvorsen", "We are going"), ("Erik Halvorsen", "She has been")]


def test_title_words_and_a_first_name_shared_with_another_person():
    found = speakers([
        "Union leaders met the candidate on Thursday.",
        "\u201cWe had to acknowledge that we had a big issue with the trade part of her "
        "plan,\u201d said Harbour Workers Secretary-Treasurer Anders Pike.",
        "\u201cThis is a waste of time and it is destroying this committee,\u201d said "
        "Del. Ruth Okonjo of the Virgin Islands.",
        "As the Halvik Courier\u2019s Mats Ekdahl wrote, \u201cthe vote was never close "
        "in the port towns.\u201d",
    ], [("Ruth Okonjo", "PERSON"), ("Mats Ekdahl", "PERSON")],
        # "Anders" is the surname of a man named in another article
        [("b", "Lena Anders", "PERSON"), ("b", "Anders", "PERSON")])
    assert found == [("Anders Pike", "We had to"), ("Ruth Okonjo", "This is a"),
                     ("Mats Ekdahl", "the vote was")]


def test_aside_after_the_name_and_the_main_clause_subject():
    found = speakers([
        "The media are shaping this campaign, Gilmore said. Fiorina, speaking to "
        "Iowans, said, \u201cLast time I looked, you hadn't started voting yet.\u201d",
        "After former governor Jerry Lamm criticized Bill Norland during a debate, "
        "Hilde Norland shot back, \u201cI suppose I could have stayed home and baked "
        "cookies.\u201d",
    ], [("Gilmore", "PERSON"),
        ("Jerry Lamm", "PERSON"), ("Bill Norland", "PERSON"), ("Hilde Norland", "PERSON"),
        ("Iowans", "NORP")])
    assert found == [("Fiorina", "Last time I"), ("Hilde Norland", "I suppose I")]


def test_a_colon_closing_the_paragraph_before_introduces_the_quote():
    found = speakers([
        "CNN reported the attack live that evening.",
        "Reporter Jomana Keller says:",
        "\u201cAccording to the eyewitness up to about an hour ago the gate was forced "
        "open by the group.\u201d",
    ], [("Jomana Keller", "PERSON"), ("CNN", "ORG")])
    assert found == [("Jomana Keller", "According to the")]


def candidate(name: str, **features: float) -> Candidate:
    values = dict.fromkeys(FEATURES, 0.0)
    values.update(bias=1.0, **features)
    return Candidate(name, values)


def test_pronoun_candidates_describe_how_each_person_is_named():
    people = {"Pia Lund": "Pia Lund", "Lund": "Pia Lund", "Karl Wendt": "Karl Wendt",
              "Wendt": "Karl Wendt"}

    def find(text):
        import re
        pattern = re.compile("|".join(sorted(people, key=len, reverse=True)))
        return [(m.start(), m.end(), people[m.group(0)]) for m in pattern.finditer(text)]

    before = ("Karl Wendt has led the finance ministry since his election. "
              "\u201cPia Lund is wrong about Wendt,\u201d he said.\nPia Lund said she would "
              "put her questions herself. Asked about the budget by Lund, he replied, ")
    found = {c.name: c.features for c in candidates(before, "he", find,
                                                    spoken=["Karl Wendt"])}
    assert set(found) == {"Pia Lund", "Karl Wendt"}
    lund, wendt = found["Pia Lund"], found["Karl Wendt"]
    assert lund["dist0"] == 1 and lund["after_preposition"] == 1
    assert lund["same_paragraph"] == 1 and wendt["same_paragraph"] == 0
    assert wendt["dist3plus"] == 1 and wendt["first_in_sentence"] == 1
    assert wendt["is_last_speaker"] == 1 and lund["is_last_speaker"] == 0
    # the article's own pronouns: "his" with Wendt alone, "she ... her" with Lund alone
    assert wendt["gender_agrees"] > 0 and lund["gender_clashes"] > 0.5
    # a name inside quotation marks is what a speaker talked about: not a mention
    assert wendt["mentions_log"] < lund["mentions_log"]


def test_ranker_picks_the_best_scored_candidate_and_abstains_below_its_threshold():
    weights = {"bias": -1.0, "dist0": 2.0, "after_preposition": -2.0}
    near = candidate("Near", dist0=1.0)
    object_ = candidate("Object", dist0=1.0, after_preposition=1.0)
    assert Ranker(weights).choose([object_, near]) == "Near"
    assert Ranker(weights, threshold=0.9).choose([object_, near]) is None
    assert Ranker(weights).choose([]) is None


def test_the_shipped_weights_cover_every_feature_and_a_missing_file_falls_back(tmp_path):
    from dateline.events.speakers import _DEFAULT, WEIGHTS_FILE

    shipped = Ranker.load(WEIGHTS_FILE)
    assert set(shipped.weights) == set(FEATURES)
    assert 0.0 <= shipped.threshold < 1.0
    # a reporter-verb subject in the quote's own sentence beats a preposition's object
    subject = candidate("Subject", dist0=1.0, first_in_sentence=1.0, verb_after=1.0)
    object_ = candidate("Object", dist0=1.0, after_preposition=1.0)
    assert shipped.choose([object_, subject]) == "Subject"
    assert Ranker.load(tmp_path / "absent.json").weights == _DEFAULT
