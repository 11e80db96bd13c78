"""Counting claims: what sources say about how many times something has happened.

Reporters number recurring events: "the 11th meeting between the two", "their fourth
meeting this year", "the third round of talks", "for the second time in a month", "the
first strike since 2019". :func:`find_claims` finds such ordinal claims in a sentence;
:func:`document_claims` then counts how many events of the same kind between the same
participants the collection itself has, up to and including the event's date, so a
reader can compare "sources say 4th meeting" with "this collection documents 3".

Kinds are matched simply, by head noun, with one small synonym set per kind:

- talks, round, meeting, session, negotiations (and "met"): one kind, ``talks``;
- strike, walkout (and "walked out", "went on strike"): one kind, ``strike``;
- any other noun of :data:`KIND_NOUNS` (hearing, summit, vote, protest...) is its own kind.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.lexicon import MONTHS, ORDINAL_WORDS, alternation

if TYPE_CHECKING:
    from dateline.model import Event


# kind group -> nouns (singular and plural) and cue words that make an event that kind
_GROUPS = {
    "talks": ("talks", "round", "rounds", "meeting", "meetings", "session", "sessions",
              "negotiations"),
    "strike": ("strike", "strikes", "walkout", "walkouts"),
}
_OWN_KINDS = ("hearing", "summit", "vote", "referendum", "election", "protest", "blockade",
              "attack", "visit", "debate", "ceasefire", "trial", "raid", "march", "rally")
KIND_NOUNS = {noun: group for group, nouns in _GROUPS.items() for noun in nouns}
KIND_NOUNS.update({noun: noun for noun in _OWN_KINDS})
KIND_NOUNS.update({noun + "s": noun for noun in _OWN_KINDS if not noun.endswith("s")})
KIND_NOUNS.update({"marches": "march", "rallies": "rally", "attacks": "attack"})
_VERB_CUES = {
    "talks": r"\b(?:met|meet|meets|meeting)\b",
    "strike": r"\b(?:walk(?:s|ed)? out|went on strike|go(?:es)? on strike|struck work)\b",
    "vote": r"\bvot(?:ed|es)\b",
}

_NOT_MODIFIERS = ("of|and|or|the|a|an|in|on|at|to|by|since|for|from|with|time|that|this|"
                  "which|who|was|were|is|are|be|been|has|have|had|will|would")
_ORDINAL = (r"(?:" + alternation(ORDINAL_WORDS)
            + r"|\d{1,3}(?:st|nd|rd|th))")
_KIND = r"(?:" + "|".join(sorted(KIND_NOUNS, key=len, reverse=True)) + r")"
_CLAIM = re.compile(
    rf"\b(?:(?P<det>the|their|its|his|her|our|a)\s+)?(?P<ord>{_ORDINAL})\b(?![-‐–])"
    rf"(?P<mods>(?:\s+(?!(?:{_NOT_MODIFIERS})\b)(?!{_ORDINAL}\b)[\w’'-]+){{0,3}}?)"
    rf"\s+(?P<kind>{_KIND})\b",
    re.IGNORECASE)
_TIME = re.compile(rf"\bfor\s+(?:the|a)\s+(?P<ord>{_ORDINAL})\s+time\b", re.IGNORECASE)
_TAIL_STOPS = frozenset("on at in after before when which that and but as to since for "
                        "was were is are had has ended began opened".split())
# An ordinal before one of these counts something else: "first quarter", "second half".
_NOT_EVENTS = frozenset("quarter half century time place anniversary day week month year "
                        "hour minute floor degree generation person".split())


def ordinal_value(word: str) -> int | None:
    word = word.lower()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    match = re.fullmatch(r"(\d{1,3})(st|nd|rd|th)", word)
    return int(match.group(1)) if match else None


def kind_group(kind: str) -> str:
    """The group a claimed kind counts in ("round" and "meeting" both count as talks)."""
    return KIND_NOUNS.get(kind.lower(), kind.lower())


def _tail(after: str) -> str:
    """The phrase after the kind that says what is counted: "of talks", "of UN-mediated
    talks", "between the two", "this year", "in a month", "since 2019"; else empty."""
    words = after.split()[:5]
    if not words:
        return ""
    first = words[0].lower()
    if first == "of":  # "round of talks": up to the counted noun
        for k, word in enumerate(words[1:4], 1):
            if word.strip(",.;:!?)\"”’").lower() in KIND_NOUNS:
                return " ".join(words[:k + 1]).rstrip(",.;:!?)\"”’")
        return ""
    limit = {"this": 2, "since": 2, "in": 3, "between": 4}.get(first)
    if limit is None:
        return ""
    taken = [words[0]]
    for word in words[1:limit]:
        bare = word.strip(",.;:!?)\"”’")
        if bare.lower() in _TAIL_STOPS:
            break
        taken.append(bare)
        if bare != word:  # punctuation ends the phrase
            break
    return " ".join(taken) if len(taken) > 1 else ""


def _is_date(sentence: str, start: int, end: int) -> bool:
    before = sentence[:start].split()[-1:] if sentence[:start].strip() else []
    after = sentence[end:].split()[:2]
    if before and before[0].lower().strip(".,") in MONTHS:
        return True
    return len(after) == 2 and after[0].lower() == "of" and after[1].lower().strip(
        ".,") in MONTHS


def find_claims(sentence: str, article: str) -> list[dict]:
    """Ordinal claims in one sentence: ``{"text", "ordinal", "kind", "article"}``."""
    claims: list[dict] = []
    for match in _CLAIM.finditer(sentence):
        if _is_date(sentence, match.start("ord"), match.end("ord")):
            continue
        ordinal = ordinal_value(match.group("ord"))
        modifiers = match.group("mods").lower().split()
        if ordinal is None or (modifiers and modifiers[0] in _NOT_EVENTS):
            continue
        kind = match.group("kind").lower()
        tail = _tail(sentence[match.end():])
        text = match.group(0) + (" " + tail if tail else "")
        claims.append({"text": " ".join(text.split()), "ordinal": ordinal,
                       "kind": kind, "article": article})
    for match in _TIME.finditer(sentence):
        kind = _kind_in(sentence)
        ordinal = ordinal_value(match.group("ord"))
        if kind is None or ordinal is None or ordinal < 2:
            continue  # "for the first time" says something is new, it counts nothing
        tail = _tail(sentence[match.end():])
        text = match.group(0) + (" " + tail if tail else "")
        claims.append({"text": " ".join(text.split()), "ordinal": ordinal, "kind": kind,
                       "article": article})
    return claims


def _kind_in(sentence: str) -> str | None:
    """The kind of event a sentence reports, for "for the second time" claims."""
    noun = re.search(rf"\b{_KIND}\b", sentence, re.IGNORECASE)
    if noun:
        return noun.group(0).lower()
    for group, cue in _VERB_CUES.items():
        if re.search(cue, sentence, re.IGNORECASE):
            return {"talks": "meeting", "strike": "walkout"}.get(group, group)
    return None


def event_kinds(event: Event) -> set[str]:
    """The kind groups an event's summary describes it with (nouns and verb cues).

    Only the summary counts: other source sentences often mention earlier rounds or
    meetings in passing ("less than three hours into the second round").
    """
    kinds = {kind_group(noun) for noun in re.findall(rf"\b{_KIND}\b", event.summary,
                                                     re.IGNORECASE)}
    kinds.update(group for group, cue in _VERB_CUES.items()
                 if re.search(cue, event.summary, re.IGNORECASE))
    return kinds


def attach_claims(events: list[Event]) -> None:
    """Fill ``Event.claims`` from each event's source sentences, then count them."""
    for event in events:
        claims: list[dict] = []
        seen = set()
        for source in event.sources:
            for claim in find_claims(source.sentence, source.article):
                key = (claim["article"], claim["text"].lower())
                if key not in seen:
                    seen.add(key)
                    claims.append(claim)
        event.claims = claims
    document_claims(events)


def _happened(event: Event) -> bool:
    return not (event.mentions and all(m.future for m in event.mentions))


def document_claims(events: list[Event]) -> None:
    """Add ``documented`` (and ``between``, the participants counted on) to each claim.

    Counted: the event itself and every event whose summary names the claim's kind,
    that shares two of the event's participants (all of them when it has fewer), that
    happened (not only scheduled) and is dated up to and including the event's date.
    Events a day apart count once (one meeting reported on two days), and an event dated
    only to a month or year does not count when a counted day falls inside it.
    """
    kinds = {id(event): event_kinds(event) for event in events}
    for event in events:
        parties = set(event.participants)
        need = min(2, len(parties))
        for claim in event.claims:
            group = kind_group(claim["kind"])
            counted = [other for other in events
                       if other is event or (
                           group in kinds[id(other)] and _happened(other)
                           and other.date.first_day <= event.date.last_day
                           and len(parties & set(other.participants)) >= need)]
            claim["documented"] = _occasions(counted)
            claim["between"] = [p for p in event.participants
                                if all(p in other.participants for other in counted)][:4]


def _occasions(events: list[Event]) -> int:
    days = sorted({e.date.first_day for e in events if e.date.precision.value == "day"})
    occasions = sum(1 for k, day in enumerate(days)
                    if k == 0 or (day - days[k - 1]).days > 1)
    coarse = {e.date for e in events if e.date.precision.value != "day"}
    occasions += sum(1 for date in coarse
                     if not any(date.first_day <= day <= date.last_day for day in days))
    return occasions
