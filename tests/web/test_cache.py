"""The read cache follows the store: a change in row counts drops every entry."""

from __future__ import annotations

from newsprism.web.cache import ReadCache


def test_entries_dropped_when_fingerprint_changes() -> None:
    state = {"fp": 1, "calls": 0}

    def compute() -> int:
        state["calls"] += 1
        return state["calls"]

    cache = ReadCache(lambda: state["fp"], check_every=0.0)
    assert cache.get("k", compute) == 1
    assert cache.get("k", compute) == 1  # cached
    state["fp"] = 2  # another process wrote to the store
    assert cache.get("k", compute) == 2
    cache.clear()
    assert cache.get("k", compute) == 3


def test_size_is_bounded() -> None:
    cache = ReadCache(lambda: 0, max_entries=3, check_every=0.0)
    for i in range(10):
        cache.get(i, lambda i=i: i)
    assert cache.get(0, lambda: -1) == -1  # the oldest entries were dropped
    assert cache.get(9, lambda: -1) == 9
