"""Cross-document event grouping scored on NewsReader MEANTIME (airbus + apple).

Gold standard
-------------
Each MEANTIME document (CAT XML, tokenized) is read into its sentences (sentence 0 is
the title, sentence 1 the date line, the rest the body), its creation date (the
``CREATION_TIME`` TIMEX3, else the date line) and its *cross-document event instances*:
an ``EVENT_MENTION`` is linked by a ``REFERS_TO`` relation to an ``EVENT``; when that
``EVENT`` carries an ``instance_id`` (an entry of ``list_instances.csv``) the mention
belongs to a corpus-level instance. Events without ``instance_id`` are document-local
and ignored. A sentence's gold label set is the set of instances mentioned in it.

Scored items and conventions
----------------------------
* **Items are body sentences** (title and date line excluded: dateline builds events
  from body sentences only) that carry at least one gold cross-document event mention.
* **A sentence can carry several gold instances and sit in several dateline events**
  (dateline makes one mention per date a sentence gives). Both sides are therefore
  *sets of labels per item* and are scored with measures defined for overlapping
  clusterings, which reduce to the usual ones when every item has one label per side:

  - pairwise: over unordered pairs of distinct items, a pair is *gold-linked* when the
    two sentences share a gold instance and *system-linked* when they share a dateline
    event; P = |both| / |system-linked|, R = |both| / |gold-linked|.
  - B-cubed: the extended B-cubed of Amigó et al. (2009). For items e, e' let
    C = number of shared dateline events and L = number of shared gold instances;
    precision of e averages min(C, L) / C over the e' with C > 0 (e itself included),
    recall averages min(C, L) / L over the e' with L > 0; both are averaged over items.
* **A sentence in no dateline event** (not dated, not selected, or no mention at all) is
  its own singleton system cluster: grouping it with nothing. ``coverage`` reports the
  share of items that dateline placed in some event, and the ``covered`` block repeats
  the scores over those items only, to separate grouping mistakes from sentences that
  never became events.
* **Multi-document gold events** are instances mentioned in body sentences of >= 2
  documents. ``multi_doc`` scores B-cubed over the sentences carrying such an instance,
  with gold labels restricted to those instances and dateline events restricted to those
  sentences (so its precision asks: of the multi-document-event sentences a dateline
  event puts together, how many share a gold event). ``single_event_share`` is the share
  of multi-document gold events whose sentences all lie in one common dateline event;
  ``linked_share`` the share where at least two of its documents are linked by some
  common dateline event.
* Each corpus (a folder of documents: airbus, apple, or any other MEANTIME corpus) is run
  through the pipeline on its own; the pooled scores average over the items of all
  (pairwise: summed pair counts).

Mapping dateline back to sentences
----------------------------------
An event source gives the article id and the exact sentence text. The text is located in
the article's reconstructed body (whitespace-insensitive) and assigned to every gold
sentence its span overlaps by at least three non-space characters, so splitting
differences between dateline and MEANTIME are tolerated.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.eval.scoring import f1
from dateline.lexicon import MONTHS

TOPICS = ("airbus", "apple")

# ---------------------------------------------------------------------------
# Detokenization (shared with the SemEval reader)

_NO_SPACE_BEFORE = frozenset(
    ", . ; : ! ? % ) ] } 's 'S n't N'T 're 've 'll 'd 'm '' ” ’ ...".split())
_NO_SPACE_AFTER = frozenset("( [ { $ US$ £ € # `` “ ‘ `".split())


def detokenize(tokens: Iterable[str]) -> str:
    """Join tokens into readable text ("Boeing 's 787 , " -> "Boeing's 787,")."""
    out: list[str] = []
    glue_next = True
    quote_open = False
    for raw in tokens:
        token = raw
        if token == "``" or token == "''":
            token = '"'
        glue = glue_next or raw in _NO_SPACE_BEFORE
        glue_next = raw in _NO_SPACE_AFTER
        if raw == '"':
            if quote_open:  # closing quote sticks to the previous word
                glue = True
            else:
                glue_next = True
            quote_open = not quote_open
        if out and not glue:
            out.append(" ")
        out.append(token)
    return "".join(out)


_DATE_LINE = re.compile(r"([A-Za-z]+)\s+(\d{1,2})\s*,\s*(\d{4})")


def parse_date_line(text: str) -> dt.date | None:
    """``"March 06 , 2005"`` -> 2005-03-06."""
    match = _DATE_LINE.search(text)
    if not match or match.group(1).lower() not in MONTHS:
        return None
    try:
        return dt.date(int(match.group(3)), MONTHS[match.group(1).lower()],
                       int(match.group(2)))
    except ValueError:
        return None


def date_line(date: dt.date) -> str:
    """The date line a reader would see under the title: ``March 6, 2005``."""
    return f"{date:%B} {date.day}, {date.year}"


_SENTENCE_END = re.compile(r"[.!?:;][\"')\]”’]*$")


def join_sentences(sentences: list[str], first: int = 0
                   ) -> tuple[str, dict[int, tuple[int, int]]]:
    """Body text from ``sentences[first:]`` and each sentence's span in it.

    Sentences are joined by a space; one without final punctuation (a subheading, a
    dateline-less caption) ends its paragraph instead, so no splitter runs it into the next.
    """
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    position = 0
    for index in range(first, len(sentences)):
        text = sentences[index]
        if parts:
            separator = " " if _SENTENCE_END.search(parts[-1]) else "\n\n"
            parts.append(separator)
            position += len(separator)
        spans[index] = (position, position + len(text))
        parts.append(text)
        position += len(text)
    return "".join(parts), spans


# ---------------------------------------------------------------------------
# Documents


@dataclass
class MeantimeDoc:
    """One MEANTIME article: sentences, creation date, gold cross-document events."""

    id: str  # file stem, e.g. "5403_Boeing_allowed_to_bid..."
    doc_id: str  # numeric Wikinews id
    topic: str
    path: Path
    dct: dt.date | None
    sentences: list[str]  # index = MEANTIME sentence number; 0 title, 1 date line
    instances: dict[int, set[str]] = field(default_factory=dict)  # sentence -> instance ids
    first_body: int = 2  # first body sentence

    @property
    def title(self) -> str:
        return self.sentences[0] if self.sentences else ""

    def body(self) -> str:
        return join_sentences(self.sentences, self.first_body)[0]

    def body_spans(self) -> dict[int, tuple[int, int]]:
        """Character span of each body sentence inside :meth:`body`."""
        return join_sentences(self.sentences, self.first_body)[1]

    def raw_text(self) -> str:
        """"Title\\nMonth D, YYYY\\n\\nbody" as a reader would paste it."""
        dateline = date_line(self.dct) if self.dct else self.sentences[1]
        return f"{self.title}\n{dateline}\n\n{self.body()}\n"


def read_meantime_doc(path: Path, topic: str = "") -> MeantimeDoc:
    """Parse one CAT XML file (intra + cross-document annotation)."""
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[tuple[int, str]]] = defaultdict(list)
    token_sentence: dict[str, int] = {}
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        by_sentence[sentence].append((int(token.get("number", "0")), token.text or ""))
        token_sentence[token.get("t_id", "")] = sentence
    count = max(by_sentence) + 1 if by_sentence else 0
    sentences = [detokenize(t for _, t in sorted(by_sentence.get(i, []))) for i in range(count)]

    markables = root.find("Markables")
    mention_sentences: dict[str, set[int]] = {}
    instance_of: dict[str, str] = {}  # EVENT m_id -> instance id
    dct = None
    if markables is not None:
        for element in markables:
            if element.tag == "EVENT_MENTION":
                mention_sentences[element.get("m_id", "")] = {
                    token_sentence[a.get("t_id")] for a in element.iter("token_anchor")
                    if a.get("t_id") in token_sentence}
            elif element.tag == "EVENT" and element.get("instance_id"):
                instance_of[element.get("m_id", "")] = element.get("instance_id", "")
            elif (element.tag == "TIMEX3"
                  and element.get("functionInDocument") == "CREATION_TIME"):
                with contextlib.suppress(ValueError):
                    dct = dt.date.fromisoformat(element.get("value", "")[:10])
    if dct is None and count > 1:
        dct = parse_date_line(sentences[1])

    instances: dict[int, set[str]] = defaultdict(set)
    relations = root.find("Relations")
    if relations is not None:
        for relation in relations.iter("REFERS_TO"):
            target = relation.find("target")
            instance = instance_of.get(target.get("m_id", "")) if target is not None else None
            if not instance:
                continue
            for source in relation.iter("source"):
                for sentence in mention_sentences.get(source.get("m_id", ""), ()):
                    instances[sentence].add(instance)
    return MeantimeDoc(id=path.stem, doc_id=root.get("doc_id", path.stem.split("_")[0]),
                       topic=topic, path=path, dct=dct, sentences=sentences,
                       instances=dict(instances))


def read_meantime(root: Path, topics: Iterable[str] = TOPICS) -> dict[str, list[MeantimeDoc]]:
    """All documents of each topic folder, sorted by file name."""
    return {topic: [read_meantime_doc(p, topic) for p in sorted((root / topic).glob("*.xml"))]
            for topic in topics}


def find_corpora(folders: Iterable[Path]) -> dict[str, Path]:
    """The MEANTIME corpora under ``folders``: every folder that holds the NAF/CAT ``.xml``
    documents of one corpus, named by its folder. A folder may be a corpus itself
    (``meantime/airbus``) or hold several (``meantime/``, a release with language
    folders), so any MEANTIME corpus can be scored, not only the two shipped here.
    Two corpora with one folder name keep both, the second named by its parent too."""
    found: dict[str, Path] = {}
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: not a folder")
        holders = sorted({p.parent for p in folder.rglob("*.xml")})
        for holder in holders:
            name = holder.name
            if name in found:
                name = f"{holder.parent.name}/{holder.name}"
            found[name] = holder
    if not found:
        raise FileNotFoundError(
            f"{', '.join(str(f) for f in folders)}: no MEANTIME .xml documents found")
    return found


def read_corpora(folders: Iterable[Path]) -> dict[str, list[MeantimeDoc]]:
    """Every corpus under ``folders`` (see ``find_corpora``), each sorted by file name."""
    return {name: [read_meantime_doc(p, name) for p in sorted(path.glob("*.xml"))]
            for name, path in find_corpora(folders).items()}


def read_instance_list(root: Path) -> dict[str, dict[str, str]]:
    """``list_instances.csv`` (tab-separated) keyed by instance id."""
    path = root / "list_instances.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        header = [h.lstrip("#") for h in next(rows)]
        return {row[0]: dict(zip(header, row, strict=False)) for row in rows if row}


def gold_items(docs: Iterable[MeantimeDoc]) -> dict[tuple[str, int], set[str]]:
    """Body sentences with a gold cross-document event, mapped to their instances."""
    items = {}
    for doc in docs:
        for sentence, instances in doc.instances.items():
            if sentence >= doc.first_body and instances:
                items[(doc.id, sentence)] = set(instances)
    return items


def multi_document_instances(items: Mapping[tuple[str, int], set[str]]) -> set[str]:
    """Instances whose sentences come from at least two documents."""
    docs: dict[str, set[str]] = defaultdict(set)
    for (doc, _), instances in items.items():
        for instance in instances:
            docs[instance].add(doc)
    return {instance for instance, found in docs.items() if len(found) >= 2}


# ---------------------------------------------------------------------------
# Scorers over overlapping clusterings (pure)

Labels = Mapping[Hashable, Iterable[Hashable]]


def _prf(precision: float, recall: float) -> dict[str, float]:
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


def _label_sets(gold: Labels, system: Labels) -> tuple[list, dict, dict]:
    items = list(gold)
    gold_sets = {item: frozenset(gold[item]) for item in items}
    system_sets = {}
    for item in items:
        labels = frozenset(system.get(item, ()))
        # An item the system put nowhere is a cluster of its own.
        system_sets[item] = labels or frozenset({("__singleton__", item)})
    return items, gold_sets, system_sets


def _group(item: Hashable) -> Hashable:
    return item[0] if isinstance(item, tuple) else item


def pairwise_scores(gold: Labels, system: Labels, cross_only: bool = False
                    ) -> dict[str, float]:
    """Pairwise link P/R/F1 over distinct items; links = sharing at least one label.

    Items are the keys of ``gold``; items missing from ``system`` (or with no label) are
    singletons. Empty link sets give precision/recall 1.0 (nothing claimed, nothing missed).
    ``cross_only`` counts only pairs of items from different groups (the first element of
    a tuple item: the document), i.e. cross-document links.
    """
    items, gold_sets, system_sets = _label_sets(gold, system)
    both = gold_links = system_links = 0
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            if cross_only and _group(items[a]) == _group(items[b]):
                continue
            g = bool(gold_sets[items[a]] & gold_sets[items[b]])
            s = bool(system_sets[items[a]] & system_sets[items[b]])
            gold_links += g
            system_links += s
            both += g and s
    result = _prf(both / system_links if system_links else 1.0,
                  both / gold_links if gold_links else 1.0)
    result.update({"gold_links": gold_links, "system_links": system_links, "common": both})
    return result


def bcubed_scores(gold: Labels, system: Labels) -> dict[str, float]:
    """Extended B-cubed (Amigó et al. 2009) P/R/F1; plain B-cubed for one label each."""
    items, gold_sets, system_sets = _label_sets(gold, system)
    if not items:
        return {**_prf(0.0, 0.0), "items": 0}
    precision_sum = recall_sum = 0.0
    for e in items:
        p_total = p_count = r_total = r_count = 0.0
        for other in items:
            shared_c = len(system_sets[e] & system_sets[other])
            shared_l = len(gold_sets[e] & gold_sets[other])
            if shared_c:
                p_total += min(shared_c, shared_l) / shared_c
                p_count += 1
            if shared_l:
                r_total += min(shared_c, shared_l) / shared_l
                r_count += 1
        precision_sum += p_total / p_count if p_count else 0.0
        recall_sum += r_total / r_count if r_count else 0.0
    result = _prf(precision_sum / len(items), recall_sum / len(items))
    result["items"] = len(items)
    return result


def restrict(gold: Labels, system: Labels, keep_labels: set) -> tuple[dict, dict]:
    """Gold labels limited to ``keep_labels``; items left without any are dropped."""
    new_gold = {item: set(labels) & keep_labels for item, labels in gold.items()}
    new_gold = {item: labels for item, labels in new_gold.items() if labels}
    return new_gold, {item: set(system.get(item, ())) for item in new_gold}


def cluster_cohesion(gold: Labels, system: Labels, instances: Iterable[Hashable]
                     ) -> dict[str, float]:
    """For each gold instance: are all its items in one common system cluster?

    ``single_event_share``: every item of the instance shares one system label.
    ``linked_share``: at least two of its items from different groups (the first element
    of a tuple item, e.g. the document) share a system label.
    """
    members: dict[Hashable, list] = defaultdict(list)
    for item, labels in gold.items():
        for label in labels:
            members[label].append(item)
    instances = [i for i in instances if members.get(i)]
    single = linked = 0
    for instance in instances:
        sets = [set(system.get(item, ())) for item in members[instance]]
        common = set.intersection(*sets) if sets else set()
        single += bool(common)
        found = False
        for a, item_a in enumerate(members[instance]):
            for b in range(a + 1, len(members[instance])):
                item_b = members[instance][b]
                if _group(item_a) != _group(item_b) and sets[a] & sets[b]:
                    found = True
                    break
            if found:
                break
        linked += found
    total = len(instances)
    return {"instances": total,
            "single_event_share": single / total if total else 0.0,
            "linked_share": linked / total if total else 0.0}


def score_grouping(gold: Labels, system: Labels) -> dict:
    """Every grouping number of the report, from gold and system label sets."""
    report = {"items": len(gold),
              "coverage": (sum(1 for i in gold if system.get(i)) / len(gold)) if gold else 0.0,
              "pairwise": pairwise_scores(gold, system),
              "pairwise_cross_doc": pairwise_scores(gold, system, cross_only=True),
              "bcubed": bcubed_scores(gold, system)}
    covered = {item: labels for item, labels in gold.items() if system.get(item)}
    report["covered"] = {"items": len(covered),
                         "pairwise": pairwise_scores(covered, system),
                         "bcubed": bcubed_scores(covered, system)}
    multi = multi_document_instances(gold)
    multi_gold, multi_system = restrict(gold, system, multi)
    report["multi_doc"] = {"instances": len(multi), "items": len(multi_gold),
                           "bcubed": bcubed_scores(multi_gold, multi_system),
                           **cluster_cohesion(multi_gold, multi_system, multi)}
    return report


# ---------------------------------------------------------------------------
# Mapping dateline events to gold sentences


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Text without whitespace, and for each kept character its original offset."""
    kept, offsets = [], []
    for position, char in enumerate(text):
        if not char.isspace():
            kept.append(char)
            offsets.append(position)
    return "".join(kept), offsets


def _normalize_chars(text: str) -> str:
    return text.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"}))


class SentenceLocator:
    """Finds a sentence of dateline's output inside a document's gold sentences."""

    def __init__(self, doc: MeantimeDoc | None = None, *, text: str = "",
                 spans: Mapping[int, tuple[int, int]] | None = None, min_overlap: int = 3):
        if doc is not None:
            text, spans = doc.body(), doc.body_spans()
        self.squeezed, self.offsets = _squeeze(_normalize_chars(text))
        self.spans = dict(spans or {})
        self.min_overlap = min_overlap
        self.text = text

    def locate(self, sentence: str) -> set[int]:
        """Gold sentence indices the given text overlaps (empty when not found)."""
        needle, _ = _squeeze(_normalize_chars(sentence))
        if not needle:
            return set()
        start = self.squeezed.find(needle)
        if start < 0:
            return set()
        found = set()
        for index, (begin, end) in self.spans.items():
            # count non-space characters of the match inside this sentence's span
            overlap = sum(1 for k in range(start, start + len(needle))
                          if begin <= self.offsets[k] < end)
            if overlap >= self.min_overlap or overlap == len(needle):
                found.add(index)
        return found


def map_events(events, locators: Mapping[str, SentenceLocator]
               ) -> tuple[dict[tuple[str, int], set[int]], list[tuple[str, str]]]:
    """(document, sentence) -> indices of the events citing it; and unlocated sources."""
    placed: dict[tuple[str, int], set[int]] = defaultdict(set)
    missing = []
    for number, event in enumerate(events):
        for source in event.sources:
            locator = locators.get(source.article)
            indices = locator.locate(source.sentence) if locator else set()
            if not indices:
                missing.append((source.article, source.sentence))
            for index in indices:
                placed[(source.article, index)].add(number)
    return dict(placed), missing


# ---------------------------------------------------------------------------
# End to end


def make_articles(docs: Iterable[MeantimeDoc]):
    """Pipeline ``Article`` objects for the documents (id = file stem)."""
    from dateline.model import Article

    return [Article(id=doc.id, path=str(doc.path), raw_text=doc.raw_text()) for doc in docs]


def _examples(gold, system, events, docs_by_id, limit=4) -> dict[str, list]:
    """A few concrete misses and wrong merges, for people improving the grouping."""
    def text(item):
        return docs_by_id[item[0]].sentences[item[1]]

    members: dict[str, list] = defaultdict(list)
    for item, labels in gold.items():
        for label in labels:
            members[label].append(item)
    multi = multi_document_instances(gold)
    split = []
    for instance in sorted(multi, key=lambda i: -len(members[i])):
        items = members[instance]
        groups = defaultdict(list)
        for item in items:
            key = tuple(sorted(system.get(item, ()))) or ("none",)
            groups[key].append(item)
        if len(groups) > 1:
            split.append({"instance": instance, "sentences": [
                {"doc": item[0], "text": text(item),
                 "events": [f"{events[k].date.iso()} #{k}" for k in sorted(system.get(item, ()))]}
                for item in items[:5]]})
        if len(split) >= limit:
            break
    merged = []
    for number, event in enumerate(events):
        items = [item for item, labels in system.items() if number in labels and item in gold]
        instance_sets = {frozenset(gold[i]) for i in items}
        if len(items) >= 2 and not frozenset.intersection(*instance_sets):
            merged.append({"event": f"{event.date.iso()} #{number}", "sentences": [
                {"doc": item[0], "text": text(item), "instances": sorted(gold[item])}
                for item in items[:4]]})
        if len(merged) >= limit:
            break
    return {"split": split, "merged": merged}


def evaluate_meantime(root: Path | Iterable[Path], config) -> dict:
    """Run the pipeline on each MEANTIME corpus found under ``root`` (one folder or
    several; see ``find_corpora``) and score its grouping (see module doc)."""
    from dateline.pipeline import process_articles

    folders = [Path(root)] if isinstance(root, str | Path) else [Path(f) for f in root]
    corpora = read_corpora(folders)
    report: dict = {"topics": {}, "conventions": "items = body sentences with a gold "
                    "cross-document event; overlapping labels; uncovered = singletons"}
    all_gold, all_system = {}, {}
    for topic, docs in corpora.items():
        docs_by_id = {doc.id: doc for doc in docs}
        articles = make_articles(docs)
        timeline = process_articles(articles, replace(config, progress=False))
        wrong_dates = [a.id for a in timeline.articles
                       if a.published != docs_by_id[a.id].dct]
        locators = {doc.id: SentenceLocator(doc) for doc in docs}
        placed, missing = map_events(timeline.events, locators)
        gold = gold_items(docs)
        system = {item: {(topic, k) for k in labels} for item, labels in placed.items()}
        topic_report = score_grouping(gold, system)
        topic_report.update({
            "documents": len(docs), "events": len(timeline.events),
            "multi_article_events": sum(1 for e in timeline.events
                                        if len({s.article for s in e.sources}) > 1),
            "publication_date_errors": wrong_dates,
            "unlocated_sources": len(missing),
            "examples": _examples(gold, placed, timeline.events, docs_by_id)})
        report["topics"][topic] = topic_report
        all_gold.update(gold)
        all_system.update(system)
    report["all"] = score_grouping(all_gold, all_system)
    report["references"] = {
        "every sentence alone": score_grouping(all_gold, {}),
        "one event per document": score_grouping(
            all_gold, {item: {("doc", item[0])} for item in all_gold}),
    }
    return report


def _fmt(block: dict) -> str:
    return f"{block['precision']:.3f} | {block['recall']:.3f} | {block['f1']:.3f}"


def format_meantime(report: dict) -> str:
    """The report as Markdown."""
    topics = report["topics"]
    rows = list(topics.items()) + [("all", report["all"])]
    rows += [(f"all: reference, {name}", {**block, "documents": "-", "events": "-"})
             for name, block in report.get("references", {}).items()]
    lines = ["## MEANTIME cross-document event grouping", "",
             "Items: body sentences carrying a gold cross-document event mention (a sentence "
             "may carry several gold events and sit in several dateline events: overlapping "
             "pairwise and extended B-cubed). A sentence in no dateline event is a singleton. "
             "Conventions: `dateline/eval/cross_document.py`.", "",
             "| corpus | docs | events | items | coverage | pairwise P | R | F1 "
             "| cross-doc pairs P | R | F1 | B3 P | R | F1 |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    docs = sum(t["documents"] for t in topics.values())
    events = sum(t["events"] for t in topics.values())
    for name, block in rows:
        lines.append(
            f"| {name} | {block.get('documents', docs)} | {block.get('events', events)} "
            f"| {block['items']} | {block['coverage']:.3f} | {_fmt(block['pairwise'])} "
            f"| {_fmt(block['pairwise_cross_doc'])} | {_fmt(block['bcubed'])} |")
    lines += ["", "Multi-document gold events (mentioned in >= 2 documents): B-cubed over their "
              "sentences; *one entry* = all its sentences share one dateline event; *linked* = "
              "two of its documents share a dateline event.", "",
              "| corpus | events | items | B3 P | R | F1 | one entry | linked |",
              "|---|---|---|---|---|---|---|---|"]
    for name, block in rows:
        multi = block["multi_doc"]
        lines.append(f"| {name} | {multi['instances']} | {multi['items']} "
                     f"| {_fmt(multi['bcubed'])} | {multi['single_event_share']:.3f} "
                     f"| {multi['linked_share']:.3f} |")
    lines += ["", "Over covered items only (sentences dateline placed in some event):", "",
              "| corpus | items | pairwise P | R | F1 | B3 P | R | F1 |",
              "|---|---|---|---|---|---|---|---|"]
    for name, block in rows[: len(topics) + 1]:
        covered = block["covered"]
        lines.append(f"| {name} | {covered['items']} | {_fmt(covered['pairwise'])} "
                     f"| {_fmt(covered['bcubed'])} |")
    notes = []
    for name, block in topics.items():
        if block["publication_date_errors"]:
            notes.append(f"- {name}: publication date wrong for "
                         f"{', '.join(block['publication_date_errors'])}")
        if block["unlocated_sources"]:
            notes.append(f"- {name}: {block['unlocated_sources']} event sources not found "
                         "in the gold text")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"
