import pickle

from dateline.events.names import NameIndex, clean_name
from dateline.model import Entity, FuzzyDate, Mention, Timex
from dateline.timeline.summaries import participants_and_location

DAY = FuzzyDate(2024, 3, 6)


def mention(article, index, sentence, *entities):
    return Mention(article, index, sentence, DAY, Timex(0, 1, "x", "DATE", "2024-03-06"),
                   entities=[Entity(text, label) for text, label in entities])


def test_titles_possessives_and_the_are_stripped():
    assert clean_name("Deputy Foreign Minister Ilse Marrack's", "PERSON") == "Ilse Marrack"
    assert clean_name("Mr. Holt", "PERSON") == "Holt"
    assert clean_name("the United Nations", "ORG") == "United Nations"
    assert clean_name("General Motors", "ORG") == "General Motors"


def test_surname_resolves_within_the_article_then_the_collection():
    mentions = [
        mention("a", 0, "German Chancellor Angela Merkel arrived in Paris on Monday.",
                ("German", "NORP"), ("Angela Merkel", "PERSON"), ("Paris", "GPE")),
        mention("a", 1, "Merkel met Emmanuel Macron at the Elysee on Monday.",
                ("Merkel", "PERSON"), ("Emmanuel Macron", "PERSON")),
        mention("b", 0, "Macron's office said the talks went well.", ("Macron's", "ORG")),
        mention("b", 1, "The chancellor left on Tuesday.", ),
    ]
    names = NameIndex.from_mentions(mentions)
    assert [n.text for n in names.names_in(mentions[1])] == ["Angela Merkel",
                                                            "Emmanuel Macron"]
    # another article: the one full name the collection has with that surname
    assert names.resolve("Merkel", "PERSON", "b").text == "Angela Merkel"
    # a wrong label on a surname is only trusted with the same article's full name
    assert names.resolve("Macron's", "ORG", "b").text == "Macron"
    assert names.resolve("Macron", "ORG", "a").text == "Emmanuel Macron"


def test_descriptions_map_to_the_person_the_article_equates():
    mentions = [
        mention("a", 0, "Angela Merkel, the German chancellor, flew to Paris on Monday.",
                ("Angela Merkel", "PERSON"), ("Paris", "GPE")),
        mention("a", 3, "The chancellor signed the treaty on Tuesday."),
        mention("b", 3, "The chancellor signed the treaty on Tuesday."),
    ]
    names = NameIndex.from_mentions(mentions)
    assert names.role_holder("the German chancellor", "a") == "Angela Merkel"
    assert [n.text for n in names.names_in(mentions[1])] == ["Angela Merkel"]
    assert names.names_in(mentions[2]) == []  # article b never says who that is
    titled = [mention("c", 0, "UN envoy Helena Barros met both delegations on Monday.",
                      ("UN", "ORG"), ("Helena Barros", "PERSON")),
              mention("c", 1, "The envoy said on Monday that talks would resume.")]
    names = NameIndex.from_mentions(titled)
    assert [n.text for n in names.names_in(titled[1])] == ["Helena Barros"]


def test_acronyms_nationalities_and_title_fragments_are_one_name():
    mentions = [
        mention("a", 0, "The United Nations hosted Veldora and Kastmark in Geneva on Monday.",
                ("The United Nations", "ORG"), ("Veldora", "GPE"), ("Kastmark", "GPE"),
                ("Geneva", "GPE")),
        mention("a", 1, "The UN said the Veldoran delegation walked out on Monday.",
                ("UN", "ORG"), ("Veldoran", "NORP")),
        mention("a", 2, "Kastmark Water and Energy Minister Rasmus Holt spoke on Monday.",
                ("Kastmark Water and", "ORG"), ("Rasmus Holt", "PERSON")),
    ]
    names = NameIndex.from_mentions(mentions)
    assert [n.text for n in names.names_in(mentions[1])] == ["United Nations", "Veldora"]
    assert [n.text for n in names.names_in(mentions[2])] == ["Kastmark", "Rasmus Holt"]


def test_participants_ranked_and_location_never_a_participant():
    mentions = [
        mention("a", 0, "Veldora and Kastmark met in Geneva on Monday.",
                ("Veldora", "GPE"), ("Kastmark", "GPE"), ("Geneva", "GPE")),
        mention("b", 0, "Ilse Marrack led Veldora's delegation in Geneva on Monday.",
                ("Ilse Marrack", "PERSON"), ("Veldora", "GPE"), ("Geneva", "GPE")),
        mention("b", 1, "Ms Marrack said Geneva had been a fair host.",
                ("Marrack", "PERSON"), ("Geneva", "GPE")),
    ]
    participants, location = participants_and_location(mentions)
    assert location == "Geneva"
    assert participants == ["Veldora", "Ilse Marrack", "Kastmark"]


def test_the_index_a_cluster_worker_receives_resolves_as_the_one_built():
    mentions = [
        mention("a", 0, "Finance Minister Rasmus Holt of Veldora resigned on Monday.",
                ("Rasmus Holt", "PERSON"), ("Veldora", "GPE")),
        mention("a", 1, "The minister said Holt's successor would be named on Friday.",
                ("Holt", "PERSON")),
        mention("b", 0, "Holt left the Veldoran cabinet after the budget vote.",
                ("Holt", "ORG"), ("Veldoran", "NORP")),
    ]
    names = NameIndex.from_mentions(mentions)
    received = pickle.loads(pickle.dumps(names))
    for one in mentions:
        assert received.names_in(one) == names.names_in(one)
    assert received.people_forms("b") == names.people_forms("b") == {
        "Rasmus Holt": "Rasmus Holt", "Holt": "Rasmus Holt"}
    assert received.resolve("Veldoran", "NORP", "b").text == "Veldora"
