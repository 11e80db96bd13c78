"""Who took part in an event and where it happened, from the dependency parse.

A sentence names many things; only some take part in what it reports. The parse of the
shipped spaCy model says which: the event is the verb that governs the sentence's date
("...signed the deal on Monday"), and its participants are the names in its arguments
(subject, object, the object of a preposition attached to it: "with Boeing", "to the
EU"), reached through compounds, appositions, possessives and coordination. A name
inside a clause of its own (a relative clause, a quote's reported content, an adverbial
clause) belongs to another event.

The place is a GPE/LOC/FAC name that a locative preposition ("in", "at", "near") attaches
to the event's verb or to one of its arguments, or the subject/location of "take place"
/ "be held"; a place is never also a participant. When the parse shows no place, there
is none: a country the sentence talks about is not where the event happened.
Nationality adjectives ("the French minister") describe someone and are not
participants.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.events.names import NameIndex, title_owner
from dateline.lexicon import DESCRIPTION_HEADS
from dateline.model import Mention

# Arcs from a verb to its arguments, and within a noun phrase.
_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "iobj", "dative", "agent",
                       "attr", "oprd", "pobj", "prep", "csubj"})
_INSIDE = frozenset({"compound", "appos", "conj", "poss", "nmod", "npadvmod", "cc", "amod",
                     "det", "case"})
# A name inside another clause belongs to another event; a participle modifying an
# argument ("the jet built for AirTran") still describes this one.
_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "parataxis", "csubj"})
_MODIFIERS = frozenset({"acl", "xcomp", "pcomp", "advmod", "prt"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout",
                       "aboard", "on", "into", "within"})
# Prepositions after which a country is a party, not a place or a direction ("talks between
# Veldora and Kastmark", "a deal with France", "approved by Germany")
_COUNTERPART = frozenset({"with", "between", "against", "among", "versus", "by"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_WHO = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_HELD = ("took", "take", "held", "hold", "host", "stag", "conven")


@dataclass
class Roles:
    """Participants (in order of first mention) and the place of one sentence's event."""

    participants: list[str]
    places: list[str]


def _event_verb(doc, start: int, end: int):
    """The verb the date attaches to (``start``/``end``: the date's characters), else the
    sentence's root."""
    tokens = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    for token in tokens:
        head = token
        for _ in range(8):
            if head.pos_ in ("VERB", "AUX") and head.i != token.i:
                return head
            if head.head.i == head.i:
                break
            head = head.head
    roots = [t for t in doc if t.head.i == t.i]
    return roots[0] if roots else None


def _set_in(ent) -> bool:
    """A place after a locative preposition ("in Long Beach, California")."""
    head = ent.root
    while head.dep_ in ("appos", "conj", "compound") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE


def _own_preposition(token):
    """The preposition whose object the name is ("at Suvarnabhumi Airport"), if any."""
    head = token
    while head.dep_ in ("appos", "conj", "compound") and head.head.i != head.i:
        head = head.head
    return head.head if head.dep_ == "pobj" else None


def _path_to(token, verb) -> list | None:
    """The arcs from ``token`` up to ``verb`` (None when ``verb`` is not above it)."""
    arcs = []
    current = token
    for _ in range(12):
        if current.i == verb.i:
            return arcs
        if current.head.i == current.i:
            return None
        arcs.append(current)
        current = current.head
    return None


def sentence_roles(doc, start: int, end: int, names: NameIndex | None, article: str
                   ) -> Roles:
    """The event's participants and places in one parsed sentence (see module doc)."""
    verb = _event_verb(doc, start, end)
    # "Kastmark began building the dam in 2019", "signed and ratified it on Monday": the
    # subject sits on the verb the dated one completes or is coordinated with
    while verb is not None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    participants: list[str] = []
    places: list[str] = []
    if verb is None:
        return Roles(participants, places)
    antecedent = _antecedent(verb)
    for ent in doc.ents:
        if ent.label_ not in _WHO | _PLACES:
            continue
        path = _path_to(ent.root, verb)
        if path is None and antecedent is not None and ent.start <= antecedent.i < ent.end:
            path = []  # "Airbus, which has out-sold Boeing since 2003": Airbus out-sold
        deps = [t.dep_ for t in path] if path is not None else []
        if path is None or any(d in _CLAUSES for d in deps):
            # outside the event's clause: only a place the sentence sets it in counts
            if ent.label_ in _PLACES and _set_in(ent):
                name = names.resolve(ent.text, ent.label_, article) if names else None
                if name is not None and name.kind in _PLACES and name.text not in places:
                    places.append(name.text)
            continue
        argument = all(d in _ARGUMENT | _INSIDE | _MODIFIERS for d in deps)
        text = title_owner(ent.text, ent.label_, doc.text)
        resolved = names.resolve(text, ent.label_, article) if names is not None else None
        name = resolved.text if resolved is not None else text
        kind = resolved.kind if resolved is not None else ent.label_
        if not name:
            continue
        # the preposition nearest the verb says how the phrase attaches: "took place in
        # the seaside resort town of Sochi" is "in", not "of"
        preposition = next((t for t in reversed(path) if t.dep_ == "prep"), None)
        locative = preposition is not None and preposition.lower_ in _LOCATIVE
        # "delayed after an accident at Suvarnabhumi Airport": a facility or region with
        # a locative preposition of its own is where the event's noun happened
        own = _own_preposition(ent.root)
        locative = locative or (kind in ("FAC", "LOC") and own is not None
                                and own.lower_ in ("at", "in", "near", "outside", "inside"))
        # "will fly out of London Heathrow": where the flights leave from
        locative = locative or (kind in _PLACES and own is not None and own.lower_ == "of"
                                and own.head.lower_ == "out")
        held = verb.lower_.startswith(_HELD) and ent.root.dep_ in ("nsubj", "nsubjpass")
        if kind in _PLACES and (locative or (held and kind != "GPE")):
            if name not in places:
                places.append(name)
            continue
        if not argument or deps.count("prep") > 2:
            continue
        if (kind in _PLACES and preposition is not None
                and preposition.lower_ not in _COUNTERPART):
            continue  # "flights from London", "sales in the United States": a place

        if kind == "NORP" and ent.root.dep_ in ("amod", "compound"):
            continue  # "the French minister": describes someone
        if ent.label_ == "NORP" and ent.root.dep_ == "amod":
            continue
        if kind in _WHO and name not in participants:
            participants.append(name)
    if names is not None:
        for name in _described(doc, verb, names, article):
            if name not in participants:
                participants.append(name)
    return Roles(participants, places)


def _described(doc, verb, names: NameIndex, article: str) -> list[str]:
    """Names the event's arguments give only as a definite description ("The airline
    signed the agreement", "The first jets will be delivered", "receive their first
    aircraft", "the aircraft they intend to launch"): each resolved to the name the
    article gave just before (``NameIndex.antecedent``)."""
    found = []
    relativized = _relativized(verb)
    for token in doc:
        if token.lower_ not in DESCRIPTION_HEADS or token.pos_ not in ("NOUN", "PROPN"):
            continue
        children = list(token.children)
        if not any(c.lower_ in _DEFINITE and c.dep_ in ("det", "poss") for c in children):
            continue
        if any((c.dep_ in ("compound", "poss") and c.lower_ not in _DEFINITE)
               or c.pos_ == "PROPN" or c.ent_type_ in _WHO | _PLACES for c in children):
            continue  # "the Airbus factory", "Boeing's jets": named in the phrase itself
        if relativized is None or token.i != relativized.i:
            path = _path_to(token, verb)
            deps = [t.dep_ for t in path] if path is not None else []
            if path is None or not all(d in _ARGUMENT | _INSIDE | _MODIFIERS for d in deps):
                continue
        name = names.antecedent(token.lower_, doc.text, token.idx, article)
        if name is not None:
            found.append(name)
    return found


# Determiners of a description that refers back: "the jets", "its new airliner".
_DEFINITE = frozenset("the its their".split())


def _relativized(verb):
    """The noun a relative clause holding the event's verb is about ("the aircraft [they
    intend to launch in November]": the aircraft is what is launched), else None."""
    current = verb
    for _ in range(4):
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return None
        current = current.head
    return None


def _antecedent(verb):
    """The noun a relative clause holding the event's verb refers to through its relative
    pronoun as subject or object ("Airbus, which [has out-sold Boeing since 2003]"), else
    None; "where"/"when" clauses say where or when, not who."""
    head = _relativized(verb)
    if head is None:
        return None
    clause = verb
    while clause.dep_ != "relcl":
        clause = clause.head
    pronoun = any(c.tag_ in ("WDT", "WP") and c.dep_ in ("nsubj", "nsubjpass", "dobj")
                  for c in clause.children)
    return head if pronoun else None


def event_roles(mentions: list[Mention], docs: dict[str, object],
                names: NameIndex | None) -> tuple[list[str], str | None]:
    """Participants (most named first) and location for an event from its mentions'
    parses (``docs``: sentence text -> parsed doc); supporting sentences add names but
    the place comes from sentences that state the event."""
    who: Counter[str] = Counter()
    where: Counter[str] = Counter()  # weighted counts
    seen: set[tuple[str, str]] = set()
    # in reading order, not the grouping's: ties rank alike however the event was made
    # (a store re-describes events it loads from rows)
    for mention in sorted(mentions, key=lambda m: (m.article_id, m.sentence_index)):
        key = (mention.article_id, mention.sentence)
        doc = docs.get(mention.sentence)
        if key in seen or doc is None:
            continue
        seen.add(key)
        start, end = (mention.timex.start, mention.timex.end) if not mention.inherited else (
            0, 0)
        roles = sentence_roles(doc, start, end, names, mention.article_id)
        who.update(roles.participants)
        # a sentence that states the event outweighs one that goes on about it
        # (only the sentence right after it: further on, the story has moved elsewhere)
        if mention.supporting and not (mention.continues is not None
                                       and mention.sentence_index - mention.continues == 1):
            continue
        for place in roles.places:
            where[place] += 0.5 if mention.supporting else 1.0
    location = where.most_common(1)[0][0] if where else None
    participants = [name for name, _ in who.most_common() if name not in where]
    return participants[:12], location


def parse_sentences(texts: Iterable[str], nlp, batch_size: int = 32) -> dict[str, object]:
    """Parse each distinct sentence once."""
    unique = list(dict.fromkeys(texts))
    return dict(zip(unique, nlp.pipe(unique, batch_size=batch_size), strict=True))
