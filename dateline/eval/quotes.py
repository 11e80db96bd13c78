"""Direct quotes and their speakers scored on hand-annotated news (``../shared/data/quotes``).

The corpus is one article per JSON line with every direct quote's span and speaker (see
its README). dateline reads each article body as the pipeline does (rule-based sentence
split, spaCy entities, the collection's :class:`~dateline.events.names.NameIndex`) and
runs :func:`dateline.events.quotes.find_quotes` over it.

Conventions (the corpus README's, so the figures compare with the part kept apart):

* a system quote matches a gold quote when their word sequences (lowercase alphanumerics)
  share at least half of the shorter one (difflib matching blocks); one-to-one, greedy by
  overlap, within an article;
* detection P = matched / (system quotes minus those on ``partial_quotes``), R = matched /
  gold quotes;
* attribution accuracy over matched gold quotes with a named speaker: right when the
  system speaker equals the speaker or an alias (honorifics and possessive 's dropped), or
  is a surname / full-name match of it; a null system speaker is wrong. "Right when
  given" is the same over quotes the system gives a speaker;
* the baseline gives each of the same gold quotes the nearest spaCy PERSON entity before
  or after it (outside the quote) in its paragraph.

Scores are reported pooled and per publisher (``outlet``): no part of the method is fitted
to this data, so the per-publisher figures show how it carries over between newsrooms.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.clean.sentences import split_sentences
from dateline.eval import scoring
from dateline.events.names import NameIndex
from dateline.events.quotes import find_quotes
from dateline.model import Entity

_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sen|rep|gov|gen|prof)\.?\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PRONOUN_ALIASES = frozenset("he she him her his i we they it".split())
_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


@dataclass
class Tally(scoring.Counts):
    """Counts for one publisher (or all): detection and attribution."""

    gold: int = 0
    system: int = 0
    neutral: int = 0  # system quotes on a partial quote: neither right nor wrong
    matched: int = 0
    named: int = 0  # matched gold quotes with a named speaker
    right: int = 0
    given: int = 0  # of ``named``, those the system gave a speaker
    right_given: int = 0
    baseline_right: int = 0
    baseline_all: int = 0  # every gold quote with a named speaker
    baseline_all_right: int = 0
    errors: list[dict] = field(default_factory=list)

    def scores(self) -> dict:
        def ratio(a: int, b: int) -> float:
            return scoring.ratio(a, b, digits=3)

        precision = ratio(self.matched, self.system - self.neutral)
        recall = ratio(self.matched, self.gold)
        f1 = round(scoring.f1(precision, recall), 3)
        return {"gold": self.gold, "system": self.system - self.neutral,
                "matched": self.matched, "precision": precision, "recall": recall, "f1": f1,
                "named": self.named, "attribution": ratio(self.right, self.named),
                "right_when_given": ratio(self.right_given, self.given),
                "given": self.given,
                "baseline": ratio(self.baseline_right, self.named),
                "baseline_all_named": ratio(self.baseline_all_right, self.baseline_all)}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def overlap(a: list[str], b: list[str]) -> float:
    """Share of the shorter word sequence found in the longer (difflib matching blocks)."""
    if not a or not b:
        return 0.0
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / min(len(a), len(b))


def match_quotes(system: list[list[str]], gold: list[list[str]]) -> dict[int, int]:
    """One-to-one matches system index -> gold index, greedy by overlap (>= 0.5)."""
    pairs = sorted(((overlap(s, g), i, j) for i, s in enumerate(system)
                    for j, g in enumerate(gold)), reverse=True)
    used_s: set[int] = set()
    used_g: set[int] = set()
    matches = {}
    for score, i, j in pairs:
        if score < 0.5:
            break
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            matches[i] = j
    return matches


def _norm_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,.")
    name = _HONORIFIC.sub("", name)
    return _POSSESSIVE.sub("", name).lower()


def speaker_right(system: str | None, gold: str, aliases: Iterable[str] = ()) -> bool:
    """The corpus rule: equal to the speaker or an alias, or a surname/full-name match."""
    if not system:
        return False
    said = _norm_name(system)
    forms = [_norm_name(gold)] + [_norm_name(a) for a in aliases
                                  if a and a.lower() not in _PRONOUN_ALIASES]
    for form in forms:
        if not form:
            continue
        if said == form:
            return True
        a, b = said.split(), form.split()
        if not a or not b or a[-1] != b[-1]:
            continue
        # "Clinton" ~ "Hillary Clinton", "Donald J. Trump" ~ "Donald Trump",
        # but not "Bill Clinton" ~ "Hillary Clinton"
        if len(a) == 1 or len(b) == 1 or a[0] == b[0]:
            return True
    return False


@dataclass
class _Read:
    """An article's body as the pipeline sees it."""

    sentences: list[tuple[int, str]]
    offsets: list[int]  # start of each sentence in the article's text
    paragraph_starts: set[int]  # sentence indexes that open a paragraph
    people: list[tuple[int, int, str]]  # PERSON entities: start, end (article offsets), text


def read_corpus(path: Path, warnings: list[str] | None = None) -> list[dict]:
    """The articles of a quotes.jsonl file; a bad line is reported and skipped."""
    warnings = warnings if warnings is not None else []
    articles = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item.get("text"), str) or not isinstance(
                        item.get("quotes"), list):
                    raise ValueError("no 'text' string or 'quotes' list")
            except ValueError as error:
                warnings.append(f"{path}: line {number}: skipped ({error})")
                continue
            articles.append(item)
    return articles


def _read_article(item: dict, nlp) -> tuple[_Read, list[tuple[str, list[Entity]]]]:
    offset = int(item.get("body_offset") or 0)
    body = item["text"][offset:]
    sentences = split_sentences(body)
    starts = set()
    for k, sentence in enumerate(sentences):
        gap = body[sentences[k - 1].end:sentence.start] if k else "\n"
        if "\n" in gap:
            starts.add(sentence.index)
    people = []
    entities: list[tuple[str, list[Entity]]] = []
    docs = nlp.pipe([s.text for s in sentences], batch_size=64) if nlp is not None else (
        None for _ in sentences)
    for sentence, doc in zip(sentences, docs, strict=True):
        found = []
        for ent in (doc.ents if doc is not None else ()):
            if ent.label_ in _LABELS:
                found.append(Entity(ent.text, ent.label_))
            if ent.label_ == "PERSON":
                base = offset + sentence.start
                people.append((base + ent.start_char, base + ent.end_char, ent.text))
        entities.append((sentence.text, found))
    read = _Read([(s.index, s.text) for s in sentences], [offset + s.start for s in sentences],
                 starts, people)
    return read, entities


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right < 0 else right


def nearest_person(text: str, start: int, end: int,
                   people: list[tuple[int, int, str]]) -> str | None:
    """The baseline: the PERSON entity nearest the quote, outside it, in its paragraph."""
    left, right = _paragraph(text, start, end)
    best: tuple[int, str] | None = None
    for p_start, p_end, name in people:
        if p_start < left or p_end > right or (p_start < end and p_end > start):
            continue
        distance = start - p_end if p_end <= start else p_start - end
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


def score_article(item: dict, read: _Read, names: NameIndex) -> Tally:
    """Detection and attribution counts for one article."""
    tally = Tally()
    article = item.get("id", "")
    found = find_quotes(read.sentences, article, names, paragraphs=read.paragraph_starts)
    system = [words(f.quote.text) for f in found]
    gold_quotes = item["quotes"]
    gold = [words(q["text"]) for q in gold_quotes]
    partial = [words(q["text"]) for q in item.get("partial_quotes", [])]
    matches = match_quotes(system, gold)
    tally.gold = len(gold)
    tally.system = len(system)
    for i, quote_words in enumerate(system):
        if i not in matches and any(overlap(quote_words, p) >= 0.5 for p in partial):
            tally.neutral += 1
    tally.matched = len(matches)
    text = item["text"]
    matched_gold = {j: i for i, j in matches.items()}
    for j, quote in enumerate(gold_quotes):
        if not quote.get("speaker"):
            continue
        aliases = quote.get("speaker_aliases") or []
        base = nearest_person(text, quote["start"], quote["end"], read.people)
        base_ok = speaker_right(base, quote["speaker"], aliases)
        tally.baseline_all += 1
        tally.baseline_all_right += base_ok
        if j not in matched_gold:
            continue
        said = found[matched_gold[j]].quote.speaker
        ok = speaker_right(said, quote["speaker"], aliases)
        tally.named += 1
        tally.right += ok
        tally.baseline_right += base_ok
        if said:
            tally.given += 1
            tally.right_given += ok
        if not ok:
            tally.errors.append({"article": article, "quote": quote["text"][:80],
                                 "gold": quote["speaker"], "system": said,
                                 "basis": quote.get("speaker_basis")})
    return tally


def evaluate_quotes(path: Path, nlp=None, warnings: list[str] | None = None) -> dict:
    """Scores per publisher and pooled for the quotes.jsonl at ``path`` (or in a folder)."""
    path = Path(path)
    if path.is_dir():
        path = path / "quotes.jsonl"
    if nlp is None:
        from dateline.nlp import load_pipeline

        nlp = load_pipeline()
    warnings = warnings if warnings is not None else []
    items = read_corpus(path, warnings)
    reads = []
    names = NameIndex()
    for item in items:
        read, entities = _read_article(item, nlp)
        names.learn_sentences(item.get("id", ""), entities)
        reads.append(read)
    by_outlet: dict[str, Tally] = defaultdict(Tally)
    for item, read in zip(items, reads, strict=True):
        by_outlet[item.get("outlet") or "?"].add(score_article(item, read, names))
    total = Tally()
    for tally in by_outlet.values():
        total.add(tally)
    return {"file": str(path), "articles": len(items), "warnings": warnings,
            "all": total.scores(), "outlets": {k: v.scores() for k, v in sorted(
                by_outlet.items())}, "errors": total.errors}


def format_quotes(report: dict, errors: bool = False) -> str:
    """A readable table of the report."""
    lines = [f"quotes: {report['file']} ({report['articles']} articles)"]
    lines += [f"warning: {w}" for w in report["warnings"]]
    header = (f"{'outlet':<12}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}{'named':>7}"
              f"{'attrib':>8}{'given':>7}{'right|given':>12}{'baseline':>10}")
    lines.append(header)
    rows = [*report["outlets"].items(), ("ALL", report["all"])]
    for name, s in rows:
        lines.append(f"{name:<12}{s['gold']:>6}{s['precision']:>7.3f}{s['recall']:>7.3f}"
                     f"{s['f1']:>7.3f}{s['named']:>7}{s['attribution']:>8.3f}{s['given']:>7}"
                     f"{s['right_when_given']:>12.3f}{s['baseline']:>10.3f}")
    lines.append("attrib / baseline: accuracy over matched gold quotes with a named speaker; "
                 "baseline = nearest spaCy PERSON in the paragraph, same quotes "
                 f"(over all named gold quotes: {report['all']['baseline_all_named']:.3f})")
    if errors:
        for error in report["errors"]:
            lines.append(f"  {error['article']}: gold {error['gold']!r} system "
                         f"{error['system']!r} [{error['basis']}] {error['quote']}")
    return "\n".join(lines)
