"""Entity queries: keep the events that involve an entity, under any of its names.

A query is a boolean expression of names or phrases: ``"General Motors"``,
``Merkel AND Obama``, ``(GM OR Opel) AND strike``. A name matches an event when a
sentence reporting it (see :func:`_own_sentences`), its title, a participant or a quoted
speaker says it or a variant the collection uses for the same entity: the
full name for a surname ("Merkel" finds "Angela Merkel"), the name without corporate
suffixes ("General Motors Corp."), acronyms ("GM" for "General Motors") and a model
designation ("787" for "Boeing 787 Dreamliner").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.events.names import IS_MODEL, MODEL_TOKEN, acronym, same_entity
from dateline.events.similarity import name_phrases
from dateline.lexicon import (
    CORPORATE_SUFFIXES,
    NAME_PARTICLES,
    SHORTENED_HEADS,
    STOP_WORDS,
    alternation,
)
from dateline.model import HEADLINE, Event

_TOKEN = re.compile(r'\s*(?:(\()|(\))|"([^"]*)"|(AND|OR|NOT)\b|([^\s()"]+))')
_SUFFIXES = re.compile(r"[,\s]+(?:" + alternation(CORPORATE_SUFFIXES) + r")\.?$", re.IGNORECASE)


# A model designation right after a name makes the name a product's ("Airbus A320",
# "Boeing 787s"); years ("Boeing 2008") and amounts are not designations.
_DESIGNATION = re.compile(rf"[ \t]+{MODEL_TOKEN}s?(?![\w\-])")
# A name inside a hyphenated modifier qualifies a noun: "an all-Airbus fleet",
# "A380-ready terminals", "Halder-built jets".
_HYPHEN_BEFORE = re.compile(r"\b[a-z]+-$")
_HYPHEN_AFTER = re.compile(r"-[a-z]")


class QueryError(ValueError):
    """The query text cannot be parsed."""


@dataclass(frozen=True)
class Term:
    text: str


@dataclass(frozen=True)
class Operation:
    operator: str  # AND, OR, NOT
    operands: tuple


def parse_query(text: str) -> Term | Operation:
    """Parse ``text``; adjacent bare words form one phrase, AND binds tighter than OR."""
    tokens: list[tuple[str, str]] = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise QueryError(f"cannot read the query near {text[position:]!r}")
        position = match.end()
        opening, closing, quoted, operator, word = match.groups()
        if opening:
            tokens.append(("(", "("))
        elif closing:
            tokens.append((")", ")"))
        elif operator:
            tokens.append(("op", operator))
        elif quoted is not None:
            tokens.append(("quoted", quoted))
        elif tokens and tokens[-1][0] == "term":
            tokens[-1] = ("term", tokens[-1][1] + " " + word)
        else:
            tokens.append(("term", word))
    if not tokens:
        raise QueryError("the query is empty")
    node, rest = _parse_or(tokens)
    if rest:
        raise QueryError(f"unexpected {rest[0][1]!r} in the query")
    return node


def _parse_or(tokens):
    left, tokens = _parse_and(tokens)
    operands = [left]
    while tokens and tokens[0] == ("op", "OR"):
        right, tokens = _parse_and(tokens[1:])
        operands.append(right)
    return (operands[0] if len(operands) == 1 else Operation("OR", tuple(operands))), tokens


def _parse_and(tokens):
    left, tokens = _parse_not(tokens)
    operands = [left]
    while tokens and (tokens[0] == ("op", "AND") or tokens[0][0] in ("term", "quoted", "(")
                      or tokens[0] == ("op", "NOT")):
        if tokens[0] == ("op", "AND"):
            tokens = tokens[1:]
        right, tokens = _parse_not(tokens)
        operands.append(right)
    return (operands[0] if len(operands) == 1 else Operation("AND", tuple(operands))), tokens


def _parse_not(tokens):
    if tokens and tokens[0] == ("op", "NOT"):
        operand, rest = _parse_not(tokens[1:])
        return Operation("NOT", (operand,)), rest
    return _parse_atom(tokens)


def _parse_atom(tokens):
    if not tokens:
        raise QueryError("the query ends too early")
    kind, value = tokens[0]
    if kind in ("term", "quoted"):
        return Term(value.strip()), tokens[1:]
    if kind == "(":
        node, rest = _parse_or(tokens[1:])
        if not rest or rest[0][0] != ")":
            raise QueryError("a parenthesis is not closed")
        return node, rest[1:]
    raise QueryError(f"unexpected {value!r} in the query")


def _acronym(name: str) -> str:
    """The initials of a name of two capitalized words or more ("" for one word, and for
    a product: "Airbus A380" is never "AA", the initials of another carrier)."""
    if any(ch.isdigit() for ch in name):
        return ""
    initials = acronym(name)
    return initials if len(initials) >= 2 else ""


def _same_entity(one: str, other: str) -> bool:
    """Names of one entity (``dateline.events.names.same_entity``): "Merkel" and "Angela
    Merkel", "GM" and "General Motors", "the Dow" and the "Dow Jones Industrial Average"."""
    return same_entity(one, other)


def name_variants(term: str, known_names: Iterable[str]) -> set[str]:
    """Every name the collection uses that refers to the same entity as ``term``."""
    base = _SUFFIXES.sub("", term).strip()
    variants = {term, base}
    for name in known_names:
        stripped = _SUFFIXES.sub("", name).strip()
        if stripped and _same_entity(base, stripped):
            variants.update({name, stripped})
    if acronym := _acronym(base):
        variants.add(acronym)
    words = base.split()
    if len(words) >= 2:
        # A model designation names the product alone: "the 787", "A380s".
        variants.update(w for w in words if IS_MODEL.fullmatch(w))
    return {v for v in variants if v}


def _matcher(variants: set[str]) -> re.Pattern:
    ordered = sorted(variants, key=len, reverse=True)
    # Acronyms must match their case ("GM", not "gm"); names may differ in case.
    exact = [re.escape(v) for v in ordered if v.isupper() and len(v) <= 5]
    loose = [re.escape(v) for v in ordered if not (v.isupper() and len(v) <= 5)]
    pieces = []
    if loose:
        pieces.append(rf"(?i:\b(?:{'|'.join(loose)})\b)")
    if exact:
        pieces.append(rf"\b(?:{'|'.join(exact)})\b")
    return re.compile("|".join(pieces))


def _explained(word: str, term: str) -> bool:
    """Whether a word next to the term's name in a longer name is still the term's: one
    of its own words (or their plural), its initials ("U.S." for "United States"), a
    function word, a corporate suffix or a class word ("the S&P 500 Index")."""
    bare = word.strip(".,'’").lower()
    words = [w.lower() for w in term.split()]
    initials = {acronym(" ".join(term.split()[i:j])).lower()
                for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return (not bare or bare in words or bare.rstrip("s") in words
            or bare.replace(".", "") in initials or bare in STOP_WORDS
            or bare in NAME_PARTICLES or bare in CORPORATE_SUFFIXES or bare in SHORTENED_HEADS)


def other_names(term: str, pattern: re.Pattern, known: Iterable[str]) -> list[str]:
    """Names the collection uses that hold the term's name next to words the term does
    not explain: another entity ("Royal Air Force" is not the "Air Force" of the United
    States, "Boeing Commercial Airplanes" and "Airbus A320" are not Boeing and Airbus)."""
    found = []
    for name in known:
        for match in pattern.finditer(name):
            if match.group(0).lower() == name.lower():
                break
            extra = (name[:match.start()] + " " + name[match.end():]).split()
            # only whole words count: "A380-800", "EADS-led" and a "Boeing-Air Force"
            # contract are the term's
            before, after = name[match.start() - 1:match.start()], name[match.end():][:1]
            if any(c.isalnum() or c == "-" for c in before + after):
                continue
            if any(word[:1].isupper() or word[:1].isdigit() for word in extra
                   if not _explained(word, term)):
                found.append(name)
                break
    return sorted(found, key=len, reverse=True)


def _names(pattern: re.Pattern, text: str, others: re.Pattern | None = None) -> bool:
    """Whether ``text`` names the entity itself: in "a score of Airbus A320 jets" the
    maker only qualifies the product ("Airbus" is the A320's maker, not a party to what
    the sentence reports), so a name followed by a model designation, inside a hyphenated
    modifier, or inside another entity's name (``others``, from :func:`other_names`),
    does not count."""
    covered = [other.span() for other in others.finditer(text)] if others else []
    return any(not _DESIGNATION.match(text, match.end())
               and not _HYPHEN_BEFORE.search(text, 0, match.start())
               and not _HYPHEN_AFTER.match(text, match.end())
               and not any(a <= match.start() and match.end() <= b and (a, b) != match.span()
                           for a, b in covered)
               for match in pattern.finditer(text))


def filter_events(events: list[Event], query: str) -> list[Event]:
    """The events that satisfy the query, in their original order."""
    tree = parse_query(query)
    known = {name for event in events for source in event.sources
             for name in name_phrases(source.sentence)}
    known.update(e.text for event in events for m in event.mentions for e in m.entities)
    patterns: dict[str, tuple[re.Pattern, re.Pattern | None]] = {}

    def holds(node, text: str) -> bool:
        if isinstance(node, Term):
            if node.text not in patterns:
                pattern = _matcher(name_variants(node.text, known))
                others = other_names(node.text, pattern, known)
                patterns[node.text] = (pattern, _matcher(set(others)) if others else None)
            pattern, others = patterns[node.text]
            return _names(pattern, text, others)
        results = (holds(operand, text) for operand in node.operands)
        if node.operator == "AND":
            return all(results)
        if node.operator == "OR":
            return any(results)
        return not next(results)

    kept = []
    for event in events:
        text = "\n".join([event.title, *_own_sentences(event), *event.participants,
                          *(q.speaker for q in event.quotes if q.speaker)])
        if holds(tree, text):
            kept.append(event)
    return kept


def _own_sentences(event: Event) -> list[str]:
    """The sentences that report the event themselves: a sentence that only continues
    the one before it ("The union, which ..., met again.") is weak evidence of who took
    part, so a name there does not make the event the entity's. The headline counts."""
    if not event.mentions:
        return [source.sentence for source in event.sources]
    return list(dict.fromkeys(m.sentence for m in event.mentions
                              if not m.inherited or m.sentence_index == HEADLINE))
