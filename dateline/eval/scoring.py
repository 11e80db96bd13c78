"""Precision, recall and F1: the one definition every scorer and benchmark uses."""

from __future__ import annotations


def ratio(part: float, whole: float, digits: int | None = None) -> float:
    """``part / whole``, 0 when there is nothing to divide by (no system output, no gold)."""
    value = part / whole if whole else 0.0
    return round(value, digits) if digits is not None else value


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(correct: float, system: float, gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``correct`` hits among ``system`` answers and ``gold`` items."""
    precision, recall = ratio(correct, system), ratio(correct, gold)
    return precision, recall, f1(precision, recall)


class Counts:
    """A dataclass of tallies that sums another of its kind field by field (lists are
    joined), so per-document or per-publisher counts pool into one."""

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:  # type: ignore[attr-defined]
            mine = getattr(self, name)
            if isinstance(mine, list):
                mine.extend(getattr(other, name))
            else:
                setattr(self, name, mine + getattr(other, name))
