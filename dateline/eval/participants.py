"""Who took part and where: event participants and locations scored on MEANTIME.

Gold standard (NewsReader MEANTIME, airbus + apple, CAT XML): an ``EVENT_MENTION`` is
linked by ``HAS_PARTICIPANT`` relations to ``ENTITY_MENTION`` s, each with a PropBank role.
A role ``Argm-LOC`` gives the event's place; the other roles (Arg0..Arg4, Argm-OTHER) its
participants. An entity mention counts when its entity is *named* somewhere in the
document (a ``NAM`` mention: a pronoun "it" for Airbus counts as Airbus); the gold forms of
an entity are its named mentions and its ``TAG_DESCRIPTOR``.

Matching dateline's events to gold
----------------------------------
Each source sentence of a dateline event is located in the gold document (as in
:mod:`dateline.eval.cross_document`). The event's gold participants are those of the gold
event mentions in its source sentences; an event is *matched* when at least one source
sentence carries a gold event mention with a named participant or place.

* participant precision: system participants that name one of the event's gold
  participants (token subset either way, case-insensitive), over the system participants
  of matched events that the annotated sentences name (a name found only in sentences
  without gold events cannot be judged); a gold place listed as a participant is wrong;
* participant recall: gold participants named by some system participant, over the
  gold participants of matched events;
* location accuracy: over matched events with a gold location, the share whose location
  names one of them; "no location" rate: over matched events without, the share given none.

The baseline in the same run lists every named entity of the source sentences as a
participant and the most frequent place among them as the location; "name-rule" is what
dateline does without a parse (:func:`dateline.timeline.summaries.participants_and_location`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.eval import scoring
from dateline.eval.cross_document import SentenceLocator, make_articles, read_meantime_doc
from dateline.lexicon import CORPORATE_SUFFIXES

TOPICS = ("airbus", "apple")
_LOCATION_ROLE = "argm-loc"
_STOP = frozenset("the of and a an 's".split()) | frozenset(CORPORATE_SUFFIXES)


@dataclass
class GoldSentence:
    """The named participants and places of the gold events of one sentence."""

    participants: list[set[str]] = field(default_factory=list)  # one set of forms per entity
    places: list[set[str]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)  # the sentence's words, lowercase


def _tokens(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def names_match(system: str, forms: set[str]) -> bool:
    """A system name names a gold entity when one's words are a subset of the other's."""
    said = _tokens(system)
    if not said:
        return False
    return any((gold := _tokens(form)) and (said <= gold or gold <= said) for form in forms)


def read_gold(path: Path) -> dict[int, GoldSentence]:
    """Sentence number -> the named participants and places of its gold events."""
    root = ET.parse(path).getroot()
    token_text: dict[str, str] = {}
    token_sentence: dict[str, int] = {}
    for token in root.iter("token"):
        token_text[token.get("t_id", "")] = token.text or ""
        token_sentence[token.get("t_id", "")] = int(token.get("sentence", "0"))
    mentions: dict[str, tuple[str, str, int]] = {}  # m_id -> (text, syntactic type, sentence)
    events: dict[str, int] = {}  # event mention -> sentence
    descriptors: dict[str, str] = {}
    markables = root.find("Markables")
    for element in markables if markables is not None else ():
        anchors = [a.get("t_id", "") for a in element.iter("token_anchor")]
        sentence = token_sentence.get(anchors[0], -1) if anchors else -1
        if element.tag == "ENTITY_MENTION":
            text = " ".join(token_text.get(t, "") for t in anchors)
            mentions[element.get("m_id", "")] = (text, element.get("syntactic_type", ""),
                                                 sentence)
        elif element.tag == "EVENT_MENTION":
            events[element.get("m_id", "")] = sentence
        elif element.tag == "ENTITY":
            descriptors[element.get("m_id", "")] = element.get("TAG_DESCRIPTOR", "")
    entity_of: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations.iter("REFERS_TO") if relations is not None else ():
        target = relation.find("target")
        if target is None or target.get("m_id") not in descriptors:
            continue
        for source in relation.iter("source"):
            entity_of[source.get("m_id", "")] = target.get("m_id", "")
    forms: dict[str, set[str]] = defaultdict(set)
    for m_id, (text, kind, _) in mentions.items():
        if kind == "NAM":
            forms[entity_of.get(m_id, m_id)].add(text)
    for entity, descriptor in descriptors.items():
        if entity in forms and descriptor:
            forms[entity].add(descriptor)
    gold: dict[int, GoldSentence] = defaultdict(GoldSentence)
    for t_id, text in token_text.items():
        gold[token_sentence[t_id]].words |= _tokens(text)
    seen: set[tuple[int, str, bool]] = set()
    for relation in relations.iter("HAS_PARTICIPANT") if relations is not None else ():
        source, target = relation.find("source"), relation.find("target")
        if source is None or target is None or source.get("m_id") not in events:
            continue
        entity = entity_of.get(target.get("m_id", ""), target.get("m_id", ""))
        if entity not in forms:
            continue  # never named: a description dateline does not list
        sentence = events[source.get("m_id", "")]
        place = relation.get("sem_role", "").lower() == _LOCATION_ROLE
        if (sentence, entity, place) in seen:
            continue
        seen.add((sentence, entity, place))
        (gold[sentence].places if place else gold[sentence].participants).append(
            forms[entity])
    return {k: v for k, v in gold.items() if v.participants or v.places}


@dataclass
class Tally(scoring.Counts):
    events: int = 0
    system: int = 0
    system_right: int = 0
    gold: int = 0
    gold_found: int = 0
    with_place: int = 0
    place_right: int = 0
    without_place: int = 0
    none_given: int = 0

    def scores(self) -> dict:
        def ratio(a: int, b: int) -> float:
            return scoring.ratio(a, b, digits=3)

        return {"matched_events": self.events,
                "precision": ratio(self.system_right, self.system),
                "recall": ratio(self.gold_found, self.gold),
                "system_participants": self.system, "gold_participants": self.gold,
                "location_accuracy": ratio(self.place_right, self.with_place),
                "with_location": self.with_place, "location_right": self.place_right,
                "no_location_rate": ratio(self.none_given, self.without_place),
                "without_location": self.without_place}


def score_event(participants: list[str], location: str | None,
                gold_sentences: list[GoldSentence]) -> Tally:
    """Counts for one dateline event against the gold of its source sentences."""
    tally = Tally()
    people: list[set[str]] = []
    places: list[set[str]] = []
    for sentence in gold_sentences:
        people.extend(f for f in sentence.participants if f not in people)
        places.extend(f for f in sentence.places if f not in places)
    if not people and not places:
        return tally
    tally.events = 1
    words = set().union(*(sentence.words for sentence in gold_sentences))
    for name in participants:
        if not _tokens(name) <= words:
            continue  # named only in sentences without gold events: cannot be judged
        tally.system += 1
        is_place = any(names_match(name, forms) for forms in places)
        tally.system_right += (not is_place
                               and any(names_match(name, forms) for forms in people))
    for forms in people:
        tally.gold += 1
        tally.gold_found += any(names_match(name, forms) for name in participants)
    if places:
        tally.with_place += 1
        tally.place_right += bool(location) and any(
            names_match(location, forms) for forms in places)
    else:
        tally.without_place += 1
        tally.none_given += location is None
    return tally


def _baseline(event, names) -> tuple[list[str], str | None]:
    """Every named entity of the event's sentences; the most frequent place as location."""
    found: list[str] = []
    places: Counter[str] = Counter()
    for mention in event.mentions:
        for name in names.names_in(mention):
            if name.text not in found:
                found.append(name.text)
            if name.kind in ("GPE", "LOC", "FAC"):
                places[name.text] += 1
    return found, (places.most_common(1)[0][0] if places else None)


def evaluate_participants(root: Path, config) -> dict:
    """Run the pipeline on each MEANTIME topic and score who and where (see module doc)."""
    from dateline.events.names import NameIndex
    from dateline.pipeline import process_articles
    from dateline.timeline.summaries import participants_and_location

    if not any(any((Path(root) / topic).glob("*.xml")) for topic in TOPICS):
        raise FileNotFoundError(f"{root}: no MEANTIME .xml documents in {', '.join(TOPICS)}")
    report: dict = {"topics": {}}
    total, base_total, rule_total = Tally(), Tally(), Tally()
    for topic in TOPICS:
        paths = sorted((Path(root) / topic).glob("*.xml"))
        docs = [read_meantime_doc(p, topic) for p in paths]
        golds = {doc.id: read_gold(doc.path) for doc in docs}
        timeline = process_articles(make_articles(docs), replace(config, progress=False))
        locators = {doc.id: SentenceLocator(doc) for doc in docs}
        mentions = [m for e in timeline.events for m in e.mentions]
        names = NameIndex.from_mentions(mentions)
        tally, base, rule = Tally(), Tally(), Tally()
        for event in timeline.events:
            sentences: list[GoldSentence] = []
            for source in event.sources:
                locator = locators.get(source.article)
                for index in sorted(locator.locate(source.sentence) if locator else ()):
                    if index in golds[source.article]:
                        sentences.append(golds[source.article][index])
            tally.add(score_event(event.participants, event.location, sentences))
            base.add(score_event(*_baseline(event, names), sentences))
            rule.add(score_event(*participants_and_location(event.mentions, names), sentences))
        report["topics"][topic] = {"dateline": tally.scores(), "baseline": base.scores(),
                                   "name-rule": rule.scores(),
                                   "documents": len(docs), "events": len(timeline.events)}
        total.add(tally)
        base_total.add(base)
        rule_total.add(rule)
    report["all"] = {"dateline": total.scores(), "baseline": base_total.scores(),
                     "name-rule": rule_total.scores()}
    return report


def format_participants(report: dict) -> str:
    """A readable table: dateline and the all-entities baseline per topic."""
    lines = [f"{'topic':<8}{'system':<11}{'events':>7}{'P':>7}{'R':>7}{'loc acc':>9}"
             f"{'(n)':>6}{'no-loc':>8}{'(n)':>6}"]
    rows = [*report["topics"].items(), ("ALL", report["all"])]
    for topic, block in rows:
        for system in ("dateline", "baseline", "name-rule"):
            s = block[system]
            lines.append(f"{topic:<8}{system:<11}{s['matched_events']:>7}{s['precision']:>7.3f}"
                         f"{s['recall']:>7.3f}{s['location_accuracy']:>9.3f}"
                         f"{s['with_location']:>6}{s['no_location_rate']:>8.3f}"
                         f"{s['without_location']:>6}")
    lines.append("baseline: every named entity of the event's sentences; location the most "
                 "frequent place among them. name-rule: the names of the event's sentences "
                 "with a place after in/at/near (dateline without a parse)")
    return "\n".join(lines)
