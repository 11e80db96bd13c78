"""Who "he" or "she" is in an attribution ("…," he said): a learned ranker over candidates.

A rule ("the first person named in the last sentence that names one") is wrong whenever
news prose names someone else in between: the person the speaker talks about, an
interviewer, a place or a show that shares a surname. Each person named in the few
sentences before the quote (outside quotation marks) is a candidate, described by where
and how it is named (sentence distance, first in its sentence, subject of a reporting
verb, after a preposition, possessive), whether it spoke the previous quotes, and whether
the article's own pronouns agree with the quote's he/she. A logistic regression scores
each candidate; the best one is the speaker when its score is high enough, else nobody.

The weights are learned by ``benchmarks/train_speaker_ranker.py`` from the quotes corpus
(leave-one-publisher-out figures are reported there) and stored in ``speakers.json``;
without that file the same features fall back to hand-set weights that encode the old rule.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.lexicon import alternation, reporting_forms

FEATURES = (
    "bias", "dist0", "dist1", "dist2", "dist3plus", "same_paragraph", "first_in_sentence",
    "sentence_start", "verb_after", "verb_before", "after_preposition", "possessive",
    "rank_inverse", "is_recent", "is_last_speaker", "spoken_log", "mentions_log",
    "full_name_seen", "gender_agrees", "gender_clashes", "only_candidate",
)
WEIGHTS_FILE = Path(__file__).with_name("speakers.json")
_SENTENCES_BACK = 6
_WINDOW = 2500
# Verbs of a reporting clause: the shared reporting verbs, plus verbs of opinion and
# posting that name a speaker in this position only ("he believes", "she tweeted").
_REPORTING = alternation(reporting_forms(forms=("present", "past"))
                         | {"say", "believes", "thinks", "called", "tweeted"})
_VERB_AFTER = re.compile(rf"^(?:\s*,[^,.;]{{0,80}},)?\s+(?:\w+ly\s+)?(?:has\s+|had\s+)?"
                         rf"(?:{_REPORTING})\b")
# "…, said James Henson": the inverted attribution names the subject ("told Reuters",
# "asked Rubio" name the listener, and are left to after_preposition's kin)
_INVERTING = alternation(reporting_forms("say", "add", "write", "explain", "note", "argue",
                                         forms=("present", "past")) | {"agreed", "agrees"})
_VERB_BEFORE = re.compile(rf"\b(?:{_INVERTING}|according to)\s+(?:[\w.’'-]+\s+){{0,4}}$")
_PREPOSITION = re.compile(r"\b(?:of|to|with|by|from|on|at|for|about|against|than|into|"
                          r"over|like|toward|towards|under|beat|beating|defeat|attacked|"
                          r"attacking)\s+(?:[A-Z][\w.’'-]*\s+){0,3}$")
_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'(])|\n")
_MALE = re.compile(r"\b(?:he|him|his|himself|Mr)\b")
_FEMALE = re.compile(r"\b(?:she|her|hers|herself|Mrs|Ms)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


@dataclass
class Candidate:
    """A person the pronoun may stand for, and the features the ranker scores."""

    name: str
    features: dict[str, float]


def _unquoted(text: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def candidates(before: str, pronoun: str, find: Callable[[str], list[tuple[int, int, str]]],
               recent: str | None = None, spoken: Sequence[str] = ()) -> list[Candidate]:
    """The people named (outside quotes) in the sentences before a pronoun attribution.

    ``find`` gives (start, end, name) of the people named in a text; ``recent`` is the
    speaker of the previous quote of this paragraph, ``spoken`` the speakers of the
    article's earlier quotes in order.
    """
    raw = before[-_WINDOW:]
    text = _unquoted(raw)  # same length: sentence bounds are found in the raw text
    # sentence boundaries, last first: the text after the last break is sentence 0
    bounds = [0] + [m.end() for m in _SENTENCE.finditer(raw)]
    bounds = bounds[-(_SENTENCES_BACK + 1):]
    last_break = text.rfind("\n")
    found: dict[str, dict[str, float]] = {}
    counts: dict[str, int] = {}
    order: list[str] = []
    for back, start in enumerate(reversed(bounds)):
        end = bounds[len(bounds) - back] if back else len(text)
        sentence = text[start:end]
        people = find(sentence)
        for k, (s, e, name) in enumerate(sorted(people, reverse=True)):
            counts[name] = counts.get(name, 0) + 1
            if name in found:
                continue
            lead = sentence[:s]
            features = {
                "dist0": float(back == 0), "dist1": float(back == 1),
                "dist2": float(back == 2), "dist3plus": float(back >= 3),
                "same_paragraph": float(start + s > last_break),
                "first_in_sentence": float(k == len(people) - 1),
                "sentence_start": float(len(lead.split()) <= 3),
                "verb_after": float(bool(_VERB_AFTER.match(sentence[e:e + 120]))),
                "verb_before": float(bool(_VERB_BEFORE.search(lead[-80:]))),
                "after_preposition": float(bool(_PREPOSITION.search(lead[-60:]))),
                "possessive": float(bool(_POSSESSIVE.match(sentence[e:e + 3]))),
            }
            found[name] = features
            order.append(name)
    gender = _gender(text, find)
    male = pronoun.lower() == "he"
    result = []
    for rank, name in enumerate(order):
        features = found[name]
        m, f = gender.get(name, (0, 0))
        agree, clash = (m, f) if male else (f, m)
        features.update({
            "bias": 1.0, "rank_inverse": 1.0 / (1 + rank),
            "is_recent": float(name == recent),
            "is_last_speaker": float(bool(spoken) and spoken[-1] == name),
            "spoken_log": math.log1p(sum(1 for s in spoken if s == name)),
            "mentions_log": math.log1p(counts.get(name, 0)),
            "full_name_seen": float(name in before),
            "gender_agrees": agree / (agree + clash + 1.0),
            "gender_clashes": clash / (agree + clash + 1.0),
            "only_candidate": float(len(order) == 1),
        })
        result.append(Candidate(name, features))
    names = {c.name for c in result}
    for name in ([recent] if recent else []) + list(spoken[-1:]):
        if name not in names:  # a speaker named only inside earlier paragraphs
            names.add(name)
            m, f = gender.get(name, (0, 0))
            agree, clash = (m, f) if male else (f, m)
            features = dict.fromkeys(FEATURES, 0.0)
            features.update({"bias": 1.0, "is_recent": float(name == recent),
                             "is_last_speaker": float(spoken[-1] == name),
                             "spoken_log": math.log1p(sum(1 for s in spoken if s == name)),
                             "full_name_seen": float(name in before),
                             "gender_agrees": agree / (agree + clash + 1.0),
                             "gender_clashes": clash / (agree + clash + 1.0)})
            result.append(Candidate(name, features))
    return result


def _gender(text: str, find: Callable[[str], list[tuple[int, int, str]]]
            ) -> dict[str, tuple[int, int]]:
    """Per person, the he/his and she/her words of sentences naming only them: the
    article's own evidence, no list of first names."""
    tally: dict[str, tuple[int, int]] = {}
    for sentence in _SENTENCE.split(text):
        people = {name for _, _, name in find(sentence)}
        if len(people) != 1:
            continue
        name = people.pop()
        m, f = tally.get(name, (0, 0))
        tally[name] = (m + len(_MALE.findall(sentence)), f + len(_FEMALE.findall(sentence)))
    return tally


# Hand-set weights, the prior the learned ones are pulled toward and the fallback without
# a learned file: the old rule (nearest sentence, its first-named person, the previous
# quote's speaker first), the subject of a reporting verb up, a preposition's object or
# an owner down, and the article's own he/she evidence.
_DEFAULT = {"bias": -2.0, "dist0": 1.5, "dist1": 1.0, "first_in_sentence": 1.0,
            "is_recent": 3.0, "verb_after": 1.0, "verb_before": 1.0,
            "after_preposition": -1.0, "possessive": -0.5,
            "gender_agrees": 0.5, "gender_clashes": -1.5}


class Ranker:
    """Scores candidates with logistic-regression weights; abstains below ``threshold``."""

    def __init__(self, weights: Mapping[str, float], threshold: float = 0.0):
        self.weights = dict(weights)
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> Ranker:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data["weights"], float(data.get("threshold", 0.0)))
        except (OSError, ValueError, KeyError):
            return cls(_DEFAULT, 0.0)

    def probability(self, candidate: Candidate) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in candidate.features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, found: Sequence[Candidate]) -> str | None:
        if not found:
            return None
        best = max(found, key=self.probability)
        return best.name if self.probability(best) >= self.threshold else None


@lru_cache(maxsize=1)
def default_ranker() -> Ranker:
    """The shipped ranker, read from ``speakers.json`` once per process."""
    return Ranker.load()
