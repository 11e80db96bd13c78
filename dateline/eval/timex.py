"""Score the timex tagger against TimeML gold, TempEval-3 task A style.

Strict match = identical character span, relaxed = any overlap (one-to-one). Type and
value F1 count a relaxed match as correct only when the attribute is equal, with
precision over system expressions and recall over gold ones, as TempEval-3 does.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.eval.scoring import prf
from dateline.model import Timex

from .timeml import TimemlDoc, read_timeml

MEASURES = ("strict", "relaxed", "type", "value")


@dataclass
class TimexError:
    """One disagreement with the gold standard, for the error listing."""

    doc: str
    kind: str  # missed | spurious | span | type | value
    text: str
    gold: str
    system: str

    def __str__(self) -> str:
        return f"{self.kind:8s} {self.doc}: {self.text!r}  gold={self.gold}  sys={self.system}"


@dataclass
class TimexScores:
    """Counts and F1 scores over a set of documents."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    correct: Counter[str] = field(default_factory=Counter)  # hits by measure (MEASURES)
    seconds: float = 0.0
    errors: list[TimexError] = field(default_factory=list)

    def prf(self, measure: str) -> tuple[float, float, float]:
        """P/R/F1 of one measure: "strict", "relaxed", "type" or "value"."""
        correct = self.correct[measure]
        return prf(correct, self.system, self.gold)


def _describe(timex: Timex | None) -> str:
    if timex is None:
        return "-"
    mod = f"/{timex.mod}" if timex.mod else ""
    return f"{timex.type}:{timex.value}{mod}[{timex.text}]"


def _align(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping expressions, exact spans and larger overlaps first."""
    options = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = g.start == s.start and g.end == s.end
                options.append((not exact, -overlap, gi, si))
    options.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, _, gi, si in options:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def score_doc(doc_id: str, gold: list[Timex], system: list[Timex], scores: TimexScores) -> None:
    """Add one document's counts and errors to ``scores``."""
    scores.docs += 1
    scores.gold += len(gold)
    scores.system += len(system)
    pairs = _align(gold, system)
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    for g, s in pairs:
        exact = g.start == s.start and g.end == s.end
        scores.correct.update(relaxed=1, strict=exact, type=g.type == s.type,
                              value=g.value == s.value)
        if g.value != s.value or g.type != s.type:
            kind = "value" if g.value != s.value else "type"
            scores.errors.append(TimexError(doc_id, kind, g.text, _describe(g), _describe(s)))
        elif not exact:
            scores.errors.append(TimexError(doc_id, "span", g.text, _describe(g), _describe(s)))
    for g in gold:
        if id(g) not in matched_g:
            scores.errors.append(TimexError(doc_id, "missed", g.text, _describe(g), "-"))
    for s in system:
        if id(s) not in matched_s:
            scores.errors.append(TimexError(doc_id, "spurious", s.text, "-", _describe(s)))


def tml_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand directories to their ``.tml`` files (sorted); keep files as given."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        files.extend(sorted(path.rglob("*.tml")) if path.is_dir() else [path])
    return files


def evaluate(paths: Iterable[str | Path],
             tagger: Callable[..., list[Timex]] | None = None) -> TimexScores:
    """Tag every TimeML document under ``paths`` with its DCT and score against gold."""
    if tagger is None:
        from dateline.dating.timex import tag as tagger
    docs: list[TimemlDoc] = [read_timeml(path) for path in tml_files(paths)]
    scores = TimexScores()
    for doc in docs:
        started = time.perf_counter()
        system = tagger(doc.text, doc.dct)
        scores.seconds += time.perf_counter() - started
        score_doc(doc.id, doc.gold, system, scores)
    return scores


def format_report(scores: TimexScores, errors: bool = False) -> str:
    """Plain-text table of P/R/F1 for strict, relaxed, type and value; errors optional."""
    lines = [f"documents: {scores.docs}  gold: {scores.gold}  system: {scores.system}",
             f"{'':8s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
    for name in MEASURES:
        precision, recall, f1 = scores.prf(name)
        lines.append(f"{name:8s} {precision:6.3f} {recall:6.3f} {f1:6.3f}")
    if scores.seconds:
        lines.append(f"speed: {scores.docs / scores.seconds:.0f} docs/s")
    if errors:
        lines.append("")
        lines.append(f"errors ({len(scores.errors)}):")
        lines.extend(str(error) for error in scores.errors)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m dateline.eval.timex DIR... [--errors]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    show = "--errors" in args
    paths = [arg for arg in args if arg != "--errors"]
    if not paths:
        print("usage: python -m dateline.eval.timex DIR... [--errors]", file=sys.stderr)
        return 2
    print(format_report(evaluate(paths), errors=show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
