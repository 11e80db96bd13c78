"""Who is who: named entities normalized across one collection of articles.

spaCy gives each event sentence a list of entities as written: "Merkel", "Angela
Merkel", "Chancellor Angela Merkel's", "the United Nations", "UN". A reader wants one
name per person or body. :class:`NameIndex` learns, from the entity lists alone (pure
Python, no model), which written forms are the same thing:

- titles ("Mr", "Deputy Foreign Minister"), a leading "the" and a possessive 's are
  stripped;
- a surname alone is the full name the same article uses with that surname, else the one
  full name the whole collection uses with it (when there is exactly one);
- an acronym is the long name whose initials it spells, when the collection has it;
- a nationality ("Veldoran") is the country it names ("Veldora"), when the collection has
  that country;
- a description ("the German chancellor", "the envoy") is a person when the same article
  equates them: by apposition ("Angela Merkel, the German chancellor,") or by a title
  before the name ("German Chancellor Angela Merkel");
- a definite description of a thing ("the airline", "the first jets") is the nearest
  name of its kind the article gave just before (:meth:`NameIndex.antecedent`): a
  company for "the airline", a named model for "the jets".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dateline.lexicon import (
    BRAND_HEADS,
    CARRIER_WORDS,
    COMPANY_WORDS,
    CORPORATE_SUFFIXES,
    DESCRIPTION_HEADS,
    GENERIC_FIRST_WORDS,
    NAME_PARTICLES,
    SHORTENED_HEADS,
    STOP_WORDS,
)
from dateline.model import Mention

PERSON, ORG, PLACE, GROUP = "PERSON", "ORG", "GPE", "NORP"

# Words that make up a title or role in front of a name. A description's head (its last
# word) must be one of ROLE_NOUNS for the description to stand for a person.
ROLE_NOUNS = frozenset("""
ambassador chairman chairwoman chair chancellor chief commander commissioner director
envoy governor head judge king leader mayor mediator minister negotiator premier
president prosecutor queen secretary secretary-general senator spokesman spokeswoman
spokesperson general prince princess pope sheikh emir ceo official
""".split())
_TITLE_WORDS = ROLE_NOUNS | frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. sen sen. rep rep.
gen. col. capt. deputy vice prime foreign finance defence defense interior trade energy
water economy justice health environment agriculture and executive special senior
former acting chief state general un u.n. eu
""".split())
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame".split())
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPACES = re.compile(r"\s+")
_CUT_WORDS = frozenset("who which that whose of for at in with from on since".split())
_APPOSITION_AFTER = r",\s+(?:the|a|an)\s+((?:[\w.’'-]+\s+){0,5}?[\w.-]+)\s*(?=[,.;)]|$)"
_APPOSITION_BEFORE = r"\b(?:the|a|an)\s+((?:[\w.’'-]+\s+){0,5}?[\w.-]+),\s+$"


def clean_name(text: str, label: str = "") -> str:
    """The name as it should be displayed: spaces collapsed, "the", possessive and (for a
    person) titles removed. "Deputy Foreign Minister Ilse Marrack's" -> "Ilse Marrack"."""
    name = _SPACES.sub(" ", text).strip(" ,;:\"“”'‘’()")
    name = _POSSESSIVE.sub("", name).strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if label == PERSON:
        words = name.split()
        last_title = max((i for i, w in enumerate(words[:-1]) if w.lower() in _TITLE_WORDS),
                         default=-1)
        name = " ".join(words[last_title + 1:])
    return name


def acronym(name: str) -> str:
    """The initials of a name's capitalized words: "United Nations" -> "UN"."""
    return "".join(w[0] for w in name.replace("-", " ").split()
                   if w[:1].isupper() and w.lower() not in NAME_PARTICLES)


_NUMBER = re.compile(r"\d[\d,.]*")


# A model designation: "A380", "777-200LR", "KC-45", "the 787" (a bare four-digit number
# is a year, not a model). The one definition for names and the entity query.
MODEL_TOKEN = r"(?:[A-Z]{1,3}-?\d{2,}[\w\-]*|\d{3}(?:-[\w\-]+)?)"
_RUN_WORD = rf"(?:[A-Z][\w&'’.\-]*|{MODEL_TOKEN})"
_NAME_RUN = re.compile(rf"(?<![\w\-,.$£€]){_RUN_WORD}(?: {_RUN_WORD})*(?![\w\-])")
_BARE_NUMBER = re.compile(r"\d{3}(?:-[\w\-]+)?")
IS_MODEL = re.compile(rf"{MODEL_TOKEN}s?")
_COMPANY_WORDS = COMPANY_WORDS | frozenset(CORPORATE_SUFFIXES)
ANTECEDENT_WINDOW = 3  # sentences back in which a description's name is looked for


def _name_runs(text: str) -> list[str]:
    """Capitalized word runs with model numbers ("Boeing 787 Dreamliners", "A380"),
    without a leading function word ("The A380" -> "A380"), in reading order."""
    runs = []
    for match in _NAME_RUN.finditer(text):
        words = match.group().split()
        while words and words[0].lower() in STOP_WORDS:
            words = words[1:]
        # a bare number names a model only next to a name ("Boeing 787") or as "the
        # 787"; "the new 290-seat jet" and "5,000 guests" are counts
        if (len(words) == 1 and _BARE_NUMBER.fullmatch(words[0])
                and not text[:match.start()].endswith(("the ", "The "))):
            continue
        if words:
            runs.append(" ".join(words))
    return runs


def _initials(words: list[str]) -> str:
    """Initials keeping an ampersand: "Standard & Poor's" -> "S&P"."""
    return "".join(w if w == "&" else w[0] for w in words
                   if w == "&" or (w[:1].isupper() and w.lower() not in NAME_PARTICLES))


def same_entity(one: str, other: str) -> bool:
    """True when two names written in a collection name one entity.

    A name ending with the other's words ("Merkel", "Angela Merkel"); the initials of the
    other ("GM", "General Motors"; "S&P 500", "Standard & Poor's 500", with the same
    number); the first word(s) of an index or exchange name ("the Dow", "Dow Jones
    Industrial Average"; "Nasdaq", "NASDAQ Composite"); a maker's brand ("Toyota",
    "Toyota Motor"); or one model number with and without its letter prefix ("Airbus
    380", "Airbus A380").
    """
    one_words, other_words = one.split(), other.split()
    shorter, longer = sorted((one_words, other_words), key=len)
    if not shorter:
        return False
    low_short, low_long = [w.lower() for w in shorter], [w.lower() for w in longer]
    if low_long[-len(shorter):] == low_short:
        return True
    if (low_long[-1] in SHORTENED_HEADS and len(shorter) < len(longer)
            and low_long[:len(shorter)] == low_short
            and not any(_NUMBER.fullmatch(w) for w in shorter)):
        return True
    # a maker's brand: "Toyota", "Toyota Motor"; never a generic first word ("General")
    if (low_long[-1] in BRAND_HEADS and len(shorter) == 1 < len(longer)
            and low_long[0] == low_short[0] and low_short[0] not in GENERIC_FIRST_WORDS
            and all(w in BRAND_HEADS for w in low_long[1:])):
        return True
    if len(shorter) == len(longer) > 1 and all(
            a == b or _same_model(a, b) for a, b in zip(low_short, low_long, strict=True)):
        return True  # "Airbus 380", "Airbus A380"
    numbers_short = [w for w in shorter if _NUMBER.fullmatch(w)]
    numbers_long = [w for w in longer if _NUMBER.fullmatch(w)]
    if numbers_short != numbers_long:
        return False
    short_name = [w for w in shorter if not _NUMBER.fullmatch(w)]
    long_name = [w for w in longer if not _NUMBER.fullmatch(w)]
    if len(short_name) != 1 or len(long_name) < 2:
        return False
    initials = _initials(long_name)
    return len(initials.replace("&", "")) >= 2 and short_name[0].upper() == initials.upper()


def _same_model(one: str, other: str) -> bool:
    """One model number with and without its maker's letter prefix: "a380", "380"."""
    short, long = sorted((one, other), key=len)
    return (short.isdigit() and len(short) >= 3 and long.endswith(short)
            and long[:-len(short)].rstrip("-").isalpha() and len(long) - len(short) <= 3)


def _is_acronym(name: str) -> bool:
    bare = name.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


@dataclass(frozen=True)
class Name:
    """One normalized name: what to display and what kind of thing it is."""

    text: str
    kind: str  # a spaCy label: PERSON, ORG, GPE, LOC, FAC, NORP (a group, no country)


def _counters() -> defaultdict[str, Counter[str]]:
    return defaultdict(Counter)


def _dicts() -> defaultdict[str, dict]:
    return defaultdict(dict)


class NameIndex:
    """Written forms of names in one collection, resolved to one name each.

    Build it with :meth:`from_mentions` over every mention whose entities are known;
    then :meth:`names_in` gives the names one mention's sentence mentions. It pickles
    (no lambdas inside), so a cluster's workers can read the one index of a build.
    """

    def __init__(self) -> None:
        self._full: dict[str, dict[str, Counter[str]]] = defaultdict(
            _counters)  # article -> surname -> full names
        self._full_anywhere: dict[str, Counter[str]] = defaultdict(Counter)
        self._labels: dict[str, Counter[str]] = defaultdict(Counter)  # name -> labels
        self._long_forms: dict[str, set[str]] = defaultdict(set)  # acronym -> names
        self._countries: set[str] = set()
        self._countries_by_start: dict[str, set[str]] = defaultdict(set)  # first 4 letters
        self._first_seen: dict[tuple[str, str], int] = {}  # (article, full name) -> sentence
        # Derived lookups, computed once per collection and dropped when it learns a name.
        self._country_memo: dict[str, str | None] = {}
        self._collection_forms: dict[str, str] | None = None
        self._collection_people: dict[str, str] | None = None  # people_forms() itself
        # article -> description head -> {person: description words}
        self._roles: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(_dicts)
        self._texts: dict[str, list[str]] = {}  # article -> its sentences in reading order

    # -- building ---------------------------------------------------------------------
    @classmethod
    def from_mentions(cls, mentions: Iterable[Mention],
                      texts: Mapping[str, Iterable[str]] | None = None,
                      collection: Mapping[tuple[str, str], int] | None = None) -> NameIndex:
        """Learn the names of ``mentions`` (their entities and sentences).

        ``texts`` optionally gives more sentences per article (the whole article) in
        which to look for descriptions equated with a person. ``collection``: the
        entities (text, label) of every mention of the collection with their counts,
        when ``mentions`` are only some of it (a store describes a few events at a
        time): what the collection says comes from it, what an article says from
        ``mentions``.
        """
        index = cls()
        mentions = list(mentions)
        for mention in mentions:
            for entity in mention.entities:
                index._learn(mention.article_id, entity.text, entity.label,
                             collection is None, mention.sentence_index)
        for (text, label), count in sorted((collection or {}).items()):
            index._learn_collection(clean_name(text, label), label, count)
        sentences: dict[str, set[str]] = defaultdict(set)
        for mention in mentions:
            sentences[mention.article_id].add(mention.sentence)
        # a mention's story context opens with its article's headline, whichever of the
        # article's events are described
        titles = {m.article_id: m.context.partition("\n")[0] for m in mentions
                  if m.context.partition("\n")[0].strip()}
        for article, extra in (texts or {}).items():
            extra = list(extra)
            # the headline comes first: what "the aircraft" of the opening lines refers to
            index._texts[article] = ([titles[article]] if article in titles else []) + extra
            sentences[article].update(extra)
        for article, found in sentences.items():
            people = index._people_of(article)  # the same for each of its sentences
            if people:
                for sentence in found:
                    index._learn_roles(article, sentence, people)
        return index

    def learn_sentences(self, article: str, sentences: Iterable[tuple[str, Iterable]]) -> None:
        """Learn one article's names from (sentence, entities) pairs, for readers that
        have sentences and entities but no dated mentions (the quote evaluation)."""
        sentences = list(sentences)
        for position, (_, entities) in enumerate(sentences):
            for entity in entities:
                self._learn(article, entity.text, entity.label, position=position)
        for sentence, _ in sentences:
            self._learn_roles(article, sentence)

    def _learn(self, article: str, text: str, label: str, collection: bool = True,
               position: int = 0) -> None:
        """Learn one entity of ``article`` (at sentence ``position``); ``collection``:
        for the collection's statistics too."""
        name = clean_name(text, label)
        if not name:
            return
        if label == PERSON and len(name.split()) > 1:
            self._full[article][name.split()[-1]][name] += 1
            first = self._first_seen.setdefault((article, name), position)
            self._first_seen[(article, name)] = min(first, position)
        if collection:
            self._learn_collection(name, label)

    def _learn_collection(self, name: str, label: str, count: int = 1) -> None:
        if not name:
            return
        self._country_memo.clear()
        self._collection_forms = self._collection_people = None
        self._labels[name][label] += count
        if label == PERSON and len(name.split()) > 1:
            self._full_anywhere[name.split()[-1]][name] += count
        if label in (ORG, "GPE") and not _is_acronym(name) and len(name.split()) > 1:
            self._long_forms[acronym(name)].add(name)
        if label == "GPE":
            self._countries.add(name)
            self._countries_by_start[name[:4]].add(name)

    def _learn_roles(self, article: str, sentence: str,
                     people: set[str] | None = None) -> None:
        """The roles ``sentence`` gives the article's people (``people``: them, when the
        caller reads many sentences of the article)."""
        for person in self._people_of(article) if people is None else people:
            if person not in sentence:  # the common case, without a regex scan
                continue
            for match in re.finditer(re.escape(person), sentence):
                before, after = sentence[:match.start()], sentence[match.end():]
                for words in (_role_after(after), _role_before(before),
                              _title_before(before)):
                    if words and words[-1] in ROLE_NOUNS:
                        self._roles[article][words[-1]][person] = set(words)

    def _people_of(self, article: str) -> set[str]:
        return {name for names in self._full[article].values() for name in names}

    # -- resolving --------------------------------------------------------------------
    def resolve(self, text: str, label: str, article: str) -> Name | None:
        """The normalized name for an entity as written in ``article`` (None if empty)."""
        name = clean_name(text, label)
        if not name:
            return None
        words = name.split()
        if len(words) == 1:
            # Another label on a surname is a tagging slip only when the same article
            # spells the person out; a person's surname alone may use the whole collection.
            full = self._full_name(name, article, local_only=label != PERSON)
            if full is not None:
                return Name(full, PERSON)
        if len(words) == 1 and name not in self._countries:
            country = self._country_for(name)  # "Veldoran" -> "Veldora"
            if country is not None:
                return Name(country, "GPE")
        if label == PERSON:
            if len(words) == 1 and self._labels[name].get("GPE"):
                return Name(name, "GPE")  # a lone word also tagged a place: a country
            return Name(name, PERSON)
        if _is_acronym(name):
            long_forms = self._long_forms.get(name.replace(".", ""), set())
            if len(long_forms) == 1:
                long_name = next(iter(long_forms))
                return Name(long_name, self._kind_of(long_name, label))
        if name.isupper() and len(name) > 6:  # a dateline's "ODEGARD"
            name = name.title()
        owner, _, rest = name.partition("'s ")
        if rest and label == ORG and self._labels.get(rest):
            name = rest  # "Veldora's National Assembly" is the "National Assembly"
        return Name(name, self._kind_of(name, label))

    def antecedent(self, head: str, sentence: str, offset: int, article: str) -> str | None:
        """The name a definite description ("the airline", "the jets": ``head`` at
        ``offset`` in ``sentence``) stands for: the nearest name of its kind before it in
        the same sentence or the ``ANTECEDENT_WINDOW`` sentences before (a named model for
        a product word, a company for a company word); None when the article has none."""
        kind = DESCRIPTION_HEADS.get(head.lower())
        texts = self._texts.get(article)
        if kind is None or not texts or sentence not in texts:
            return None
        position = texts.index(sentence)
        earlier = [sentence[:offset], *reversed(texts[max(0, position - ANTECEDENT_WINDOW):
                                                       position])]
        runs = [run for text in earlier for run in reversed(_name_runs(text))]
        fits = self._fits(kind, head.lower())
        return next((run for run in runs if fits(run)), None)

    @staticmethod
    def _fits(kind: str, head: str):
        """The test a name must pass to be what a description stands for: a named model
        for a product word; an index's name for "the index"; for a company word a name
        that says it is one ("Veldora Airways", "Halvik Motors", "Orvik Bank", "Acme
        Corp."), only a carrier's for "the airline". It reads the name alone, so a
        description means the same whichever events are described."""
        if kind == "PRODUCT":
            return lambda run: any(IS_MODEL.fullmatch(w) for w in run.split())
        if kind == "INDEX":  # "Dow Jones Industrial Average", "Nasdaq Composite", "FTSE 100"
            return lambda run: len(run.split()) > 1 and (
                run.split()[-1].lower() in SHORTENED_HEADS or run.split()[-1].isdigit())
        words = CARRIER_WORDS if head in ("airline", "carrier") else (
            _COMPANY_WORDS | CARRIER_WORDS)
        return lambda run: len(run.split()) > 1 and run.split()[-1].lower().rstrip(".") in words

    def _full_name(self, surname: str, article: str, local_only: bool = False) -> str | None:
        local = self._full.get(article, {}).get(surname)
        if local:
            return self._first_full_name(article, local)
        if local_only:
            return None
        anywhere = self._full_anywhere.get(surname)
        if anywhere and len(anywhere) == 1:
            return next(iter(anywhere))
        return None

    def _first_full_name(self, article: str, names: Counter[str]) -> str:
        """The full name an article uses most with a surname, on a tie the one it
        names first (in reading order, whatever order its events were read in)."""
        return min(names, key=lambda n: (-names[n], self._first_seen.get((article, n), 0), n))

    def _kind_of(self, name: str, label: str) -> str:
        """The label the collection gives a name most often (its own label on a tie)."""
        labels = self._labels.get(name)
        if not labels:
            return label
        best = max(labels.values())
        return label if labels[label] == best else _most(labels)

    def _country_for(self, group: str) -> str | None:
        if group not in self._country_memo:
            self._country_memo[group] = self._find_country(group)
        return self._country_memo[group]

    def _find_country(self, group: str) -> str | None:
        # every rule below needs both names to share their first four letters
        matches = [c for c in self._countries_by_start.get(group[:4], ())
                   if min(len(c), len(group)) >= 4
                   and (group.startswith(c) or c.startswith(group)
                        or (group[:len(c) - 1] == c[:-1] and len(c) >= 5))]
        return matches[0] if len(matches) == 1 else None

    def role_holder(self, description: str, article: str) -> str | None:
        """The person ``article`` equates with a description ("the German chancellor",
        "the chancellor"), if exactly one person there holds that role."""
        words = [w.lower() for w in description.split() if w.lower() not in ("the", "a", "an")]
        if not words:
            return None
        holders = self._roles.get(article, {}).get(words[-1], {})
        fitting = [person for person, role in holders.items() if set(words) <= role]
        return fitting[0] if len(fitting) == 1 else None

    def described_in(self, sentence: str, article: str) -> list[str]:
        """People a sentence of ``article`` names by description only ("the envoy")."""
        found = []
        for head in self._roles.get(article, {}):
            pattern = rf"\b[Tt]he\s+((?:[\w-]+\s+){{0,3}}?){re.escape(head)}\b"
            for match in re.finditer(pattern, sentence, re.IGNORECASE):
                person = self.role_holder(match.group(0), article)
                if person is not None and person not in found:
                    found.append(person)
        return found

    def people_forms(self, article: str | None = None) -> dict[str, str]:
        """Every written form of a person's name (full and surname) -> the full name;
        for ``article`` its own full names win over the collection's."""
        if self._collection_forms is None:
            # The collection's forms do not depend on the article; resolved once, not
            # once per article (which cost a quarter of a build's time).
            forms: dict[str, str] = {}
            for name, labels in self._labels.items():
                if labels and _most(labels) == PERSON:  # (a looked-up name)
                    full = self.resolve(name, PERSON, "")
                    if full is not None:
                        forms[name] = full.text
            for surname, names in self._full_anywhere.items():
                if len(names) == 1:
                    forms.setdefault(surname, next(iter(names)))
            self._collection_forms = forms
        if self._collection_people is None:
            self._collection_people = {
                form: full for form, full in self._collection_forms.items()
                if self._person_form(form, full, local=False)}
        forms = dict(self._collection_people)
        for surname, names in self._full.get(article, {}).items() if article else ():
            full = self._first_full_name(article, names)
            if self._person_form(surname, full, local=True):
                forms[surname] = full
            else:
                forms.pop(surname, None)
        return forms

    def _person_form(self, form: str, full: str, local: bool) -> bool:
        """Whether ``form`` stands for ``full``: a word the collection mostly tags as a
        place or body is not a surname, unless the article itself (``local``) names the
        person in full and the word is no place: the small model tags "Trump" and
        "Fiorina" as organisations more often than as people. One word with no full
        name anywhere is too weak a clue: the small model tags some countries as
        people."""
        return len(full.split()) > 1 and (form == full or self._mostly_person(form) or (
            local and not self._mostly_place(form)))

    def _mostly_place(self, name: str) -> bool:
        labels = self._labels.get(name)
        return bool(labels) and _most(labels) in ("GPE", "LOC", "FAC", GROUP)

    def _mostly_person(self, name: str) -> bool:
        labels = self._labels.get(name)
        return not labels or _most(labels) == PERSON

    def names_in(self, mention: Mention) -> list[Name]:
        """The normalized names a mention's sentence mentions, once each, in order."""
        seen: dict[str, Name] = {}
        for entity in mention.entities:
            text = title_owner(entity.text, entity.label, mention.sentence)
            name = self.resolve(text, entity.label, mention.article_id)
            if name is not None and name.text not in seen:
                seen[name.text] = name
        for person in self.described_in(mention.sentence, mention.article_id):
            seen.setdefault(person, Name(person, PERSON))
        return list(seen.values())


def changed_readings(before: Mapping[tuple[str, str], int],
                     after: Mapping[tuple[str, str], int]) -> set[str]:
    """The names (as an article may write them) that the collection reads otherwise
    after a change of its entities (``(text, label) -> count``, see
    ``NameIndex.from_mentions``): a surname that now has one full name, or two; a
    word now mostly tagged a place; an adjective whose country arrived; a person's
    written form for quotes. Only what the collection says counts (an article's own
    full names win over it and do not change with it)."""
    old, new = (NameIndex.from_mentions([], None, counts) for counts in (before, after))
    keys = set(before) | set(after)
    keys |= {(text.split()[0], label) for text, label in keys if len(text.split()) > 1}
    changed = {clean_name(text, label) for text, label in keys
               if old.resolve(text, label, "") != new.resolve(text, label, "")}
    # a full name that is its own form, new or gone, reads as before wherever it is
    # written (what it names is known by the resolution above)
    old_forms, new_forms = old.people_forms(), new.people_forms()
    changed |= {form for form in old_forms.keys() | new_forms.keys()
                if old_forms.get(form, form) != new_forms.get(form, form)}
    return {name for name in changed if name}


def _most(counts: Counter[str]) -> str:
    """The most frequent key, ties to the first in alphabetical order: what the
    collection says, whatever order it was read in (a build reads it event by event, a
    store batch by batch)."""
    return max(sorted(counts), key=counts.__getitem__)


def title_owner(text: str, label: str, sentence: str) -> str:
    """An entity that is the front of a person's title names the title's owner, not a
    body: "Kastmark's Water and Energy" of "Kastmark's Water and Energy Minister Rasmus
    Holt" is Kastmark (as "UN" of "UN envoy")."""
    if label == PERSON or not _in_title(text, sentence):
        return text
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _TITLE_WORDS:
        words.pop()
    return " ".join(words)


def _in_title(text: str, sentence: str) -> bool:
    """True when an entity is the front of a title: "Kastmark Water and" in "Kastmark
    Water and Energy Minister Rasmus Holt" (a role noun follows within three words)."""
    if text.rstrip().lower().endswith((" and", " of")):
        return True
    match = re.search(re.escape(text) + r"((?:\s+[\w-]+){1,4})", sentence)
    if not match:
        return False
    following = [w.lower() for w in match.group(1).split()]
    return any(w in ROLE_NOUNS for w in following[:4] if w != following[-1] or
               len(following) < 4) and following[0] in _TITLE_WORDS


def _words(text: str) -> list[str]:
    return [w.strip(".,’'").lower() for w in text.split() if w.strip(".,’'")]


def _cut(words: list[str]) -> list[str]:
    for i, word in enumerate(words):
        if word in _CUT_WORDS:
            return words[:i]
    return words


def _role_after(after: str) -> list[str]:
    """"..., the German chancellor," right after the name."""
    match = re.match(_APPOSITION_AFTER, after)
    return _cut(_words(match.group(1))) if match else []


def _role_before(before: str) -> list[str]:
    """"the German chancellor, " right before the name."""
    match = re.search(_APPOSITION_BEFORE, before)
    return _cut(_words(match.group(1))) if match else []


def _title_before(before: str) -> list[str]:
    """"German Chancellor " or "UN envoy " right before the name: title words, plus one
    capitalized word in front of them (a nationality or an organization)."""
    words = before.split()
    taken: list[str] = []
    for word in reversed(words[-6:]):
        bare = word.strip(",").lower()
        if word.endswith(",") or bare not in _TITLE_WORDS:
            if taken and word[:1].isupper() and not word.endswith(","):
                taken.append(bare)
            break
        taken.append(bare)
    taken.reverse()
    if not taken or all(w in _HONORIFICS for w in taken):
        return []
    return [w.strip(".’'") for w in taken]
