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


def test_charge_spends_tokens_after_the_work_and_bounds_the_debt() -> None:
    import pytest

    from newsprism.web.cache import Busy, ClientLimit

    now = [0.0]
    limit = ClientLimit(burst=4, rate=1.0, clock=lambda: now[0])
    limit.take("a")
    limit.charge("a", 2.5)  # 0.5 left
    with pytest.raises(Busy):
        limit.take("a")
    limit.take("b")  # another client's budget is its own
    limit.charge("a", 1000)  # the debt stops at one burst
    now[0] = 4.4  # -4 + 4.4 = 0.4: not yet
    with pytest.raises(Busy):
        limit.take("a")
    now[0] = 5.1  # the failed take refilled nothing beyond time: 0.4 + 0.7 = 1.1
    limit.take("a")
    limit.charge(None, 5)  # not limited: nothing to charge
    limit.charge("a", 0)
