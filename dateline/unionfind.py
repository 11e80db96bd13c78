"""Disjoint sets over ``0..n-1``: copies of one text, pages of one site, parts of a batch.

The root of a set is always its smallest member, so the sets (and anything keyed by
their root) come out the same whatever order the unions were made in.
"""

from __future__ import annotations

__all__ = ["UnionFind"]


class UnionFind:
    """Union-find with path halving; :meth:`union` keeps the smaller root."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def __len__(self) -> int:
        return len(self.parent)

    def find(self, i: int) -> int:
        """The root of ``i``'s set: its smallest member."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> int:
        """Join the sets of ``i`` and ``j``; returns the joined set's root."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            ri, rj = min(ri, rj), max(ri, rj)
            self.parent[rj] = ri
        return ri

    def groups(self, members: range | list[int] | None = None) -> dict[int, list[int]]:
        """Root -> members (ascending), for ``members`` (default: all), roots in the order
        of their first member."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)) if members is None else members:
            out.setdefault(self.find(i), []).append(i)
        return out
