"""Entity timelines scored on SemEval-2015 Task 4 ("TimeLine"), corpus_1.

Gold standard
-------------
``corpus_1/docs/*.tml`` hold 30 Wikinews articles in TimeML (``<DCT>``, title in
``<EXTRAINFO>``, tokenized sentences in ``<s>``; sentence 0 repeats the title, sentence 1
is the date line). ``entities.txt`` lists the target entities and ``gold/<name>.txt``
each entity's timeline: a header line with the entity name, then
``order<TAB>date<TAB>mention ...`` (mentions are ``docid-sentence-word``). Entities are
paired with their gold file by file name (``Boeing 787 Dreamliner`` ->
``boeing_787_dreamliner.txt``), since a header may be misspelled.

Dates are normalized to the specific part the annotators knew: ``2007-10-XX`` ->
``2007-10``, ``2006-XX-XX`` -> ``2006``, ``2005-XX-12`` -> ``2005``; ``XXXX...`` (unknown)
is ignored. An entity's gold set is the set of its normalized dates.

System and scores
-----------------
All 30 articles go through the pipeline as one corpus (text = "Title\\nMonth D, YYYY\\n\\n
body", detokenized). For each entity, :func:`events_for_entity` keeps the events the
product's own entity query keeps (``dateline build --query '"Entity"'``,
:func:`dateline.timeline.query.filter_events`: the name or a variant the collection uses
in a source sentence, a participant or a quoted speaker); their ``event.date.iso()``
strings form the system set.

Per entity: precision = |system & gold| / |system|, recall = |system & gold| / |gold|, F1
their harmonic mean; an empty system set has precision 0 (and F1 0). Dates are compared as
strings, so ``2007-10`` only matches a gold ``2007-10``, never ``2007-10-25``. The report
macro-averages P, R and F1 over entities (macro F1 = mean of per-entity F1) and also gives
micro P/R/F1 over the pooled counts.

Baseline (data README): the publication dates of the articles whose text names the entity
(full name, name without a corporate suffix, the last word of a multi-word name unless
generic, a model number, or the initials of a name of three words or more), scored the
same way.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.eval.cross_document import SentenceLocator, date_line, detokenize, join_sentences
from dateline.eval.scoring import prf
from dateline.lexicon import CORPORATE_SUFFIXES, alternation
from dateline.timeline.query import filter_events

# ---------------------------------------------------------------------------
# Reading


@dataclass
class SemevalDoc:
    id: str  # file stem
    doc_id: str  # numeric id used in gold mention ids
    path: Path
    dct: dt.date | None
    title: str
    sentences: list[str]  # detokenized; 0 title, 1 date line, then body

    def body(self) -> str:
        return join_sentences(self.sentences, 2)[0]

    def body_spans(self) -> dict[int, tuple[int, int]]:
        return join_sentences(self.sentences, 2)[1]

    def raw_text(self) -> str:
        dateline = date_line(self.dct) if self.dct else (self.sentences[1:2] or [""])[0]
        return f"{self.title}\n{dateline}\n\n{self.body()}\n"


@dataclass
class GoldTimeline:
    entity: str
    entries: list[tuple[int, str, list[str]]] = field(default_factory=list)  # order, date, ids

    def dates(self) -> set[str]:
        return {d for d in (normalize_date(date) for _, date, _ in self.entries) if d}


_S = re.compile(r"<s\b[^>]*>(.*?)</s>", re.S)
_DCT_VALUE = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S)


def _field(xml: str, tag: str) -> str:
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", xml, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def read_semeval_doc(path: Path) -> SemevalDoc:
    xml = path.read_text(encoding="utf-8")
    sentences = [detokenize(html.unescape(re.sub(r"<[^>]+>", "", s)).split())
                 for s in _S.findall(xml)]
    match = _DCT_VALUE.search(xml)
    dct = dt.date.fromisoformat(match.group(1)) if match else None
    title = _field(xml, "EXTRAINFO") or (sentences[0] if sentences else path.stem)
    return SemevalDoc(id=path.stem, doc_id=_field(xml, "DOCID") or path.stem.split("_")[0],
                      path=path, dct=dct, title=detokenize(title.split()), sentences=sentences)


def read_semeval_docs(corpus: Path) -> list[SemevalDoc]:
    return [read_semeval_doc(p) for p in sorted((corpus / "docs").glob("*.tml"))]


def read_entities(corpus: Path) -> list[str]:
    lines = (corpus / "entities.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def gold_file_name(entity: str) -> str:
    return re.sub(r"\s+", "_", entity.strip().lower()) + ".txt"


def read_gold_timeline(path: Path, entity: str | None = None) -> GoldTimeline:
    lines = path.read_text(encoding="utf-8").splitlines()
    timeline = GoldTimeline(entity or (lines[0].strip() if lines else path.stem))
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2 or not parts[0].strip().isdigit():
            continue  # the header line (entity name)
        timeline.entries.append((int(parts[0]), parts[1].strip(),
                                 [p.strip() for p in parts[2:] if p.strip()]))
    return timeline


def read_gold(corpus: Path) -> dict[str, GoldTimeline]:
    """Gold timeline of every target entity (entities without a gold file are skipped)."""
    result = {}
    for entity in read_entities(corpus):
        path = corpus / "gold" / gold_file_name(entity)
        if path.is_file():
            result[entity] = read_gold_timeline(path, entity)
    return result


def normalize_date(value: str) -> str | None:
    """The known prefix of a TimeML-style date: ``2007-10-XX`` -> ``2007-10``; unknown -> None."""
    kept = []
    for part in value.strip().split("-")[:3]:
        if not part.isdigit():
            break
        kept.append(part)
    if not kept or len(kept[0]) != 4:
        return None
    return "-".join(kept)


# ---------------------------------------------------------------------------
# Entity names for the baseline

_CORPORATE = re.compile(
    r"(?:,?\s+(?:" + alternation(CORPORATE_SUFFIXES) + r")\.?)+$", re.IGNORECASE)
_GENERIC = frozenset("""airlines airline airways air force company corporation group systems
    services international aviation aerospace bank university agency department
    office ministry council""".split())


def entity_names(entity: str) -> list[str]:
    """The forms of an entity name that count as mentioning it."""
    name = " ".join(entity.split())
    names = [name]
    stripped = _CORPORATE.sub("", name).strip()
    if stripped and stripped != name:
        names.append(stripped)
    words = stripped.split()
    if len(words) >= 2:
        last = words[-1]
        if any(ch.isdigit() for ch in last) or (
                last[:1].isupper() and last.isalpha() and len(last) >= 4
                and last.lower() not in _GENERIC):
            names.append(last)
        names.extend(w for w in words[1:-1] if any(ch.isdigit() for ch in w) and len(w) >= 3)
    if len(words) >= 3 and all(w.isalpha() and w[:1].isupper() for w in words):
        names.append("".join(w[0] for w in words))  # United States Air Force -> USAF
    return list(dict.fromkeys(names))


def _pattern(entity: str) -> re.Pattern:
    forms = sorted(entity_names(entity), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in form.split()) for form in forms)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def mentions_entity(text: str, entity: str) -> bool:
    return bool(_pattern(entity).search(text))


def events_for_entity(events, entity: str) -> list:
    """The events the product's entity query (``dateline build --query``) keeps."""
    return filter_events(events, '"' + entity.replace('"', "") + '"')


# ---------------------------------------------------------------------------
# Scoring (pure)


def date_scores(system: Iterable[str], gold: Iterable[str]) -> dict:
    """Set precision/recall/F1 of date strings; empty system -> precision 0."""
    system, gold = set(system), set(gold)
    common = system & gold
    precision, recall, f1 = prf(len(common), len(system), len(gold))
    return {"precision": precision, "recall": recall, "f1": f1,
            "system": len(system), "gold": len(gold), "common": len(common)}


def aggregate(per_entity: dict[str, dict]) -> dict:
    """Macro (mean of per-entity P, R, F1) and micro (pooled counts) averages."""
    n = len(per_entity)
    macro = {key: sum(s[key] for s in per_entity.values()) / n if n else 0.0
             for key in ("precision", "recall", "f1")}
    common = sum(s["common"] for s in per_entity.values())
    system = sum(s["system"] for s in per_entity.values())
    gold = sum(s["gold"] for s in per_entity.values())
    micro = dict(zip(("precision", "recall", "f1"), prf(common, system, gold), strict=True))
    return {"macro": macro, "micro": micro}


def baseline_dates(docs: Iterable[SemevalDoc], entity: str) -> set[str]:
    """Publication dates of the articles that name the entity."""
    pattern = _pattern(entity)
    return {doc.dct.isoformat() for doc in docs
            if doc.dct and pattern.search(doc.title + "\n" + doc.body())}


# ---------------------------------------------------------------------------
# End to end


def diagnose(entries, timeline_events, selected_ids: set[int], placed, docs_by_number
             ) -> dict[str, int]:
    """Why each dated gold entry was found or lost (first matching reason).

    ``found``: one of its sentences is in a selected event with the gold date;
    ``entity not matched``: in an event with that date the entity selection skipped;
    ``dated differently``: its sentences are only in events of other dates;
    ``title only``: mentioned only in the title / date line; ``no event``: none of its
    sentences became an event (typically no explicit date in the sentence).
    """
    counts = {key: 0 for key in ("found", "entity not matched", "dated differently",
                                 "title only", "no event")}
    for _, date, mentions in entries:
        wanted = normalize_date(date)
        if not wanted:
            continue
        sentences = set()
        for mention in mentions:
            parts = mention.split("-", 2)
            doc = docs_by_number.get(parts[0])
            if doc is not None and len(parts) > 1 and parts[1].isdigit():
                sentences.add((doc.id, int(parts[1])))
        events = {k for sentence in sentences for k in placed.get(sentence, ())}
        on_date = {k for k in events if timeline_events[k].date.iso() == wanted}
        if on_date & selected_ids:
            counts["found"] += 1
        elif on_date:
            counts["entity not matched"] += 1
        elif events:
            counts["dated differently"] += 1
        elif sentences and all(index < 2 for _, index in sentences):
            counts["title only"] += 1
        else:
            counts["no event"] += 1
    return counts


def evaluate_semeval(root: Path, config) -> dict:
    """Build the timeline of corpus_1 and score every entity's dates (see module doc)."""
    from dateline.model import Article
    from dateline.pipeline import process_articles

    root = Path(root)
    corpus = root / "corpus_1" if (root / "corpus_1").is_dir() else root
    docs = read_semeval_docs(corpus)
    gold = read_gold(corpus)
    articles = [Article(id=d.id, path=str(d.path), raw_text=d.raw_text()) for d in docs]
    timeline = process_articles(articles, replace(config, progress=False))
    by_id = {d.id: d for d in docs}
    all_dates = {e.date.iso() for e in timeline.events}
    placed: dict[tuple[str, int], set[int]] = {}
    locators = {d.id: SentenceLocator(text=d.body(), spans=d.body_spans()) for d in docs}
    for number, event in enumerate(timeline.events):
        for source in event.sources:
            locator = locators.get(source.article)
            for index in (locator.locate(source.sentence) if locator else ()):
                placed.setdefault((source.article, index), set()).add(number)
    by_number = {d.doc_id: d for d in docs}
    diagnosis = {key: 0 for key in ("found", "entity not matched", "dated differently",
                                    "title only", "no event")}

    system_scores, baseline_scores, details = {}, {}, {}
    for entity, timeline_gold in gold.items():
        gold_dates = timeline_gold.dates()
        selected = events_for_entity(timeline.events, entity)
        chosen = {id(e) for e in selected}
        selected_ids = {k for k, e in enumerate(timeline.events) if id(e) in chosen}
        for key, value in diagnose(timeline_gold.entries, timeline.events, selected_ids,
                                   placed, by_number).items():
            diagnosis[key] += value
        dates = {e.date.iso() for e in selected}
        system_scores[entity] = date_scores(dates, gold_dates)
        baseline_scores[entity] = date_scores(baseline_dates(docs, entity), gold_dates)
        details[entity] = {
            "events": len(selected),
            "missed": sorted(gold_dates - dates),
            "missed_but_in_timeline": sorted((gold_dates - dates) & all_dates),
            "spurious": sorted(dates - gold_dates),
        }
    return {
        "documents": len(docs), "entities": len(gold), "events": len(timeline.events),
        "publication_date_errors": [a.id for a in timeline.articles
                                    if a.published != by_id[a.id].dct],
        "system": {"per_entity": system_scores, **aggregate(system_scores)},
        "baseline": {"per_entity": baseline_scores, **aggregate(baseline_scores)},
        "details": details,
        "gold_entry_diagnosis": diagnosis,
        "gold_dates_anywhere_in_timeline": (
            sum(len(t.dates() & all_dates) for t in gold.values())
            / max(1, sum(len(t.dates()) for t in gold.values()))),
    }


def format_semeval(report: dict) -> str:
    """The report as Markdown."""
    system, baseline = report["system"], report["baseline"]
    lines = ["## SemEval-2015 Task 4 entity timelines (corpus_1)", "",
             f"{report['documents']} documents, {report['entities']} entities, "
             f"{report['events']} dateline events. Date sets compared per entity "
             "(conventions: `dateline/eval/entity_timelines.py`).", "",
             "| entity | gold dates | dateline P | R | F1 | baseline P | R | F1 |",
             "|---|---|---|---|---|---|---|---|"]
    for entity, scores in system["per_entity"].items():
        base = baseline["per_entity"][entity]
        lines.append(f"| {entity} | {scores['gold']} | {scores['precision']:.3f} "
                     f"| {scores['recall']:.3f} | {scores['f1']:.3f} | {base['precision']:.3f} "
                     f"| {base['recall']:.3f} | {base['f1']:.3f} |")
    for kind in ("macro", "micro"):
        s, b = system[kind], baseline[kind]
        lines.append(f"| **{kind}** | | {s['precision']:.3f} | {s['recall']:.3f} "
                     f"| **{s['f1']:.3f}** | {b['precision']:.3f} | {b['recall']:.3f} "
                     f"| **{b['f1']:.3f}** |")
    lines += ["", "Baseline: publication dates of the articles naming the entity. Share of all "
              f"gold dates that some dateline event carries (any entity): "
              f"{report['gold_dates_anywhere_in_timeline']:.3f}."]
    diagnosis = report.get("gold_entry_diagnosis")
    if diagnosis:
        lines.append("Dated gold entries (entity, date, mentions), by what happened to them: "
                     + ", ".join(f"{key} {value}" for key, value in diagnosis.items()) + ".")
    if report["publication_date_errors"]:
        lines.append("Publication date wrong for: "
                     + ", ".join(report["publication_date_errors"]))
    return "\n".join(lines) + "\n"
