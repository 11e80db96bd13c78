"""One union-find for copies, sites and store batches: roots are smallest members."""

from __future__ import annotations

import itertools

from dateline.unionfind import UnionFind


def test_sets_do_not_depend_on_the_order_of_unions():
    pairs = [(4, 2), (7, 5), (2, 0), (5, 6), (9, 8)]
    results = set()
    for order in itertools.permutations(pairs):
        sets = UnionFind(10)
        for i, j in order:
            sets.union(i, j)
        results.add(tuple((root, tuple(members)) for root, members in sets.groups().items()))
    assert results == {((0, (0, 2, 4)), (1, (1,)), (3, (3,)), (5, (5, 6, 7)), (8, (8, 9)))}


def test_union_returns_the_smallest_root_and_groups_a_subset():
    sets = UnionFind(6)
    assert sets.union(5, 3) == 3
    assert sets.union(3, 1) == 1
    assert sets.find(5) == 1 and len(sets) == 6
    assert sets.groups([5, 4, 3]) == {1: [5, 3], 4: [4]}


def test_a_long_chain_is_found_without_recursion():
    sets = UnionFind(50_000)
    for i in range(49_999, 0, -1):
        sets.union(i, i - 1)
    assert sets.find(49_999) == 0
    assert set(sets.groups()) == {0}
