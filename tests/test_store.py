"""The store, on SQLite and on a real PostgreSQL server (started by tests/pgserver.py).

Synthetic values only (no spaCy): what is stored comes back equal, writes repeated after a
crash add nothing, and search values are bound, never spliced into SQL.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from newsprism.errors import StoreError
from newsprism.model import ArticleFacts, Passage, Report, Reuse, Sentence
from newsprism.storage.store import lean, metadata, open_store
from storecases import STORE_KINDS, article, facts, make_store_url, story


@pytest.fixture(params=STORE_KINDS)
def store_url(request, tmp_path) -> str:
    return make_store_url(request.param, tmp_path)


def dump(store) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two equal dumps are the same store."""
    out = {}
    with store.engine.connect() as conn:
        for name, table in metadata.tables.items():
            out[name] = sorted(tuple(r) for r in conn.execute(sa.select(table)))
    return out


def test_round_trip(store_url):
    store = open_store(store_url)
    a, b, c = article("a1", "2024-05-01"), article("b2", "2024-05-02"), article("c3", None)
    s1 = story("s1", ("a1", "b2"), "Harbour wall vote")
    s2 = story("s2", ("c3",), "Other news")
    reuse = Reuse(a="a1", b="b2", share_a=0.5, share_b=0.4, origin="a1",
                  passages=(Passage(0, 10, 0, 10),))
    store.add_processed([(a, facts("a1")), (b, facts("b2")), (c, facts("c3"))])
    assert store.pending_ids() == ["a1", "b2", "c3"]
    store.commit_analysis([reuse], [s1, s2], removed=[], done=["a1", "b2", "c3"])
    assert store.pending_ids() == []
    assert store.report() == Report(articles=(a, b, c), reuse=(reuse,), stories=(s1, s2))
    assert store.facts(["a1", "zz"]) == {"a1": facts("a1")}
    assert store.lean_facts()[0] == lean(facts("a1"))
    assert store.story_members() == {"s1": ("a1", "b2"), "s2": ("c3",)}
    assert store.article("b2") == b and store.article("nope") is None
    assert store.reuse(["c3"]) == [] and store.reuse(["b2"]) == [reuse]
    rows = store.stories()
    assert [r.id for r in rows] == ["s1", "s2"]  # latest first; undated last
    assert rows[0].first_published == "2024-05-01" and rows[0].last_published == "2024-05-02"
    assert rows[0].n_articles == 2 and rows[0].outlets == ("Outlet a1", "Outlet b2")
    store.close()


def test_writes_repeated_after_a_crash_add_nothing(store_url):
    store = open_store(store_url)
    pairs = [(article(f"x{i}", "2024-01-01"), facts(f"x{i}")) for i in range(3)]
    assert store.add_processed(pairs) == ["x0", "x1", "x2"]
    first = dump(store)
    # The same batch again (a re-run after a kill), and a batch that repeats one id.
    assert store.add_processed(pairs) == []
    assert store.add_processed([pairs[0], pairs[0]]) == []
    assert dump(store) == first
    s = story("s", ("x0", "x1", "x2"), "t")
    store.commit_analysis([], [s], removed=[], done=["x0", "x1", "x2"])
    after = dump(store)
    store.commit_analysis([], [s], removed=[], done=["x0", "x1", "x2"])
    assert dump(store) == after
    assert store.counts() == {"articles": 3, "facts": 3, "reuse": 0, "stories": 1,
                              "story_articles": 3, "pending": 0}
    store.close()


def test_commit_replaces_only_the_given_stories(store_url):
    store = open_store(store_url)
    store.add_processed([(article(i, "2024-02-02"), facts(i)) for i in ("p", "q", "r")])
    store.commit_analysis([], [story("sp", ("p",), "P"), story("sq", ("q",), "Q"),
                               story("sr", ("r",), "R")], removed=[], done=["p", "q", "r"])
    # q joins p's story; q's old story goes; r's story is not touched.
    store.commit_analysis([], [story("sp", ("p", "q"), "P+Q")], removed=["sq"], done=[])
    assert store.story_members() == {"sp": ("p", "q"), "sr": ("r",)}
    assert store.story("sp").title == "P+Q" and store.story("sq") is None
    store.close()


def test_text_that_databases_refuse_is_stored_with_offsets_kept(store_url):
    store = open_store(store_url)
    arabic = "\u0645\u0631\u062d\u0628\u0627"
    odd = article("odd", None, text=f"nul\x00here and a lone \udc80 surrogate, {arabic}")
    store.add_processed([(odd, facts("odd"))])
    back = store.article("odd")
    assert back is not None and len(back.text) == len(odd.text)
    assert back.text.startswith("nul\ufffdhere") and back.text.endswith(arabic)
    store.close()


@pytest.mark.parametrize("attack", ["'; DROP TABLE stories; --", "%", "_", "\\", "a' OR '1'='1"])
def test_search_values_are_bound_not_spliced(store_url, attack):
    store = open_store(store_url)
    store.add_processed([(article("a", "2024-03-03"), facts("a"))])
    store.commit_analysis([], [story("s", ("a",), "Flood wall 100% funded")], removed=[],
                          done=["a"])
    found = store.stories(query=attack)
    assert [r.id for r in found] == []  # no searchable word in any of them: nothing found
    with pytest.raises(ValueError, match="since must be a date"):
        store.stories(since=attack)
    assert store.counts()["stories"] == 1
    assert [r.id for r in store.stories(query="FLOOD funded")] == ["s"]
    store.close()


def test_date_filter_limit_and_offset(store_url):
    store = open_store(store_url)
    days = ["2024-01-05", "2024-02-05", "2024-03-05"]
    store.add_processed([(article(f"a{i}", d), facts(f"a{i}")) for i, d in enumerate(days)])
    store.commit_analysis([], [story(f"s{i}", (f"a{i}",), f"T{i}") for i in range(3)],
                          removed=[], done=[f"a{i}" for i in range(3)])
    assert [r.id for r in store.stories(since="2024-02-01")] == ["s2", "s1"]
    assert [r.id for r in store.stories(until="2024-02-05")] == ["s1", "s0"]
    assert [r.id for r in store.stories(limit=1, offset=1)] == ["s1"]
    store.close()


def test_many_ids_are_queried_in_chunks(store_url):
    store = open_store(store_url)
    ids = [f"id{i:04d}" for i in range(1200)]
    store.add_processed([(article(i, None), facts(i)) for i in ids])
    assert store.processed_ids(ids + ["missing"]) == set(ids)
    assert len(store.articles(ids[::-1])) == 1200
    assert len(store.facts(ids)) == 1200
    store.close()


def test_save_report_replace_all_clears_pending(store_url):
    store = open_store(store_url)
    a = article("a", "2024-01-01")
    store.add_processed([(a, facts("a"))])
    store.save_report(Report(articles=(a,), reuse=(), stories=(story("s", ("a",), "A"),)),
                      replace_all=True)
    assert store.pending_ids() == [] and store.story_members() == {"s": ("a",)}
    store.close()


def test_unusable_url_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="--db"):
        open_store(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    with pytest.raises(StoreError, match="--db"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_retired_story_ids_redirect_to_where_their_articles_went(store_url):
    store = open_store(store_url)
    store.add_processed([(article(i, "2024-02-02"), facts(i)) for i in ("p", "q", "r")])
    store.commit_analysis([], [story("sp", ("p",), "P"), story("sq", ("q",), "Q"),
                               story("sr", ("r",), "R")], removed=[], done=["p", "q", "r"])
    assert store.redirect("sq") is None
    # q joins p's story: the link to "sq" must still open the story.
    store.commit_analysis([], [story("sp", ("p", "q"), "P+Q")], removed=["sq"], done=[],
                          redirects={"sq": "sp"})
    assert store.redirect("sq") == "sp" and store.redirect("sp") is None
    # Later "sp" itself is retired into "sr": the older redirect follows (no chains to walk).
    store.commit_analysis([], [story("sr", ("p", "q", "r"), "All")], removed=["sp"], done=[],
                          redirects={"sp": "sr"})
    assert (store.redirect("sq"), store.redirect("sp")) == ("sr", "sr")
    # An id made again is a story, not a redirect.
    store.commit_analysis([], [story("sp", ("p",), "P"), story("sr", ("q", "r"), "QR")],
                          removed=[], done=[])
    assert store.redirect("sp") is None and store.redirect("sq") == "sr"
    # Repeating a commit (a crash and a resume) adds nothing.
    before = dump(store)
    store.commit_analysis([], [story("sp", ("p",), "P"), story("sr", ("q", "r"), "QR")],
                          removed=[], done=[], redirects={"sq": "sr"})
    assert dump(store) == before
    store.close()


def test_lean_facts_read_the_stored_rows_and_cut_known_facts_only_where_none_is_stored(
        store_url):
    """h-speed11: a stored lean row is read as it is, also when the caller holds the
    article's facts (they are equal to the stored ones: cutting them down again only cost
    CPU); known facts of an id with no stored row are still cut down. Fails before: the
    known facts were cut down for every id they covered."""
    import dataclasses

    def with_lead(i: str) -> ArticleFacts:  # a lead sentence: a row of today's stores
        return dataclasses.replace(facts(i), sentences=(Sentence(i, 0, 5),))

    store = open_store(store_url)
    store.add_processed([(article("a1", "2024-05-01"), with_lead("a1"))])
    other = dataclasses.replace(with_lead("a1"), terms=(("held", 1),))
    extra = with_lead("z9")  # known, never stored
    assert store.lean_facts(known={"a1": other}) == [lean(with_lead("a1"))]
    assert store.lean_facts(known={"a1": other, "z9": extra}, ids=["a1", "z9"]) \
        == [lean(with_lead("a1")), lean(extra)]
