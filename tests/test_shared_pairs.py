"""Raw clustering features made for many articles at once share their equal (feature, count)
pairs (stories/shared.py): the same values, one object per distinct pair, a bounded cache."""

from __future__ import annotations

from newsprism.model import Article, ArticleFacts
from newsprism.stories import shared as shared_module
from newsprism.stories.features import raw_features
from newsprism.stories.features_stored import feature_row


def _facts(i: str, terms: tuple[tuple[str, int], ...]) -> ArticleFacts:
    return ArticleFacts(article_id=i, terms=terms)


def test_rows_share_equal_pairs_and_keep_their_values():
    terms = (("harbour", 2), ("strike", 1), ("ent:Mara Silva", 1))
    a = Article(id="a", source="/a", text="x", title="Harbour strike ends")
    b = Article(id="b", source="/b", text="y", title="Harbour strike goes on")
    ra, rb = feature_row(a, _facts("a", terms)), feature_row(b, _facts("b", terms))
    assert ra.raw == raw_features(_facts("a", terms), a.title)  # the same values
    assert rb.raw == raw_features(_facts("b", terms), b.title)
    common = dict(ra.raw.counts).keys() & dict(rb.raw.counts).keys()
    assert "t:harbour" in common and "e:mara silva" in common
    by_b = {p[0]: p for p in rb.raw.counts}
    for pair in ra.raw.counts:
        if pair[0] in common and by_b[pair[0]] == pair:
            assert by_b[pair[0]] is pair  # one object for both articles


def test_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(shared_module, "MAX_PAIRS", 3)
    monkeypatch.setattr(shared_module, "_PAIRS", {})
    for k in range(10):
        counts = ((f"t:w{k}", 1.0), (f"t:v{k}", 2.0))
        assert shared_module.shared_counts(iter(counts)) == counts
        assert len(shared_module._PAIRS) <= 4  # emptied once it holds 3, then 2 more


def test_an_update_empties_the_shared_pairs_once_it_has_clustered(examples_dir, settings,
                                                                  tmp_path, monkeypatch):
    # The pairs serve the clustering only; held after it, they outlived the raw features
    # through the story stages and the commit (at 10k articles some 291k pairs).
    from newsprism import regrouping
    from newsprism.service import run_analysis

    monkeypatch.setattr(shared_module, "_PAIRS", {})
    held: list[int] = []
    real = regrouping.forget_shared_pairs

    def forget() -> None:
        held.append(len(shared_module._PAIRS))
        real()
    monkeypatch.setattr(regrouping, "forget_shared_pairs", forget)
    report = run_analysis([str(examples_dir)], settings,
                          db_url=f"sqlite:///{tmp_path / 'store.db'}")
    assert report.stories
    assert held and held[0] > 0  # the whole re-cluster shared pairs, then let them go
    assert shared_module._PAIRS == {}
