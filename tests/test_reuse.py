"""Reuse stage: candidates, alignment, edits, origin, groups (synthetic texts and the seeds)."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import numpy as np
import pytest

from newsprism.model import Article, Reuse
from newsprism.reuse.index import (
    PAIR_DF_CAP,
    WordHasher,
    candidate_pairs,
    find_reuse,
    fingerprint_pairs,
    independent_groups,
    position_hashes,
    winnow,
)
from newsprism.settings import Settings
from newsprism.text import unify_quotes

BASE = [
    "The city council approved a new budget on Tuesday after three weeks of debate over "
    "transport spending and the future of the old harbour district.",
    "Council members voted eleven to four in favour, with the opposition arguing that the "
    "plan cuts funding for bus routes in the northern suburbs without consultation.",
    "The mayor said the harbour redevelopment would create hundreds of jobs and bring new "
    "housing to an area that has been neglected for decades by successive administrations.",
    "Residents groups have promised to challenge the decision in court, saying the public "
    "hearings were held at short notice and at inconvenient times for working families.",
]


def art(id_: str, paragraphs: list[str], **kw: str) -> Article:
    return Article(id=id_, source=f"{id_}.txt", text="\n\n".join(paragraphs), **kw)


def one(articles: list[Article], settings) -> Reuse:
    found = find_reuse(articles, settings)
    assert len(found) == 1, found
    return found[0]


def test_identical_articles_are_near_duplicates(settings) -> None:
    r = one([art("b", BASE), art("a", BASE)], settings)
    assert (r.a, r.b) == ("a", "b")
    assert r.near_duplicate and r.share_a == r.share_b == 1.0
    assert r.passages and not r.passages[0].edits


def test_reordered_paragraphs_and_small_edits(settings) -> None:
    edited = list(reversed(BASE))
    edited[1] = edited[1].replace("neglected for decades", "ignored for many years")
    r = one([art("x", BASE), art("y", edited)], settings)
    assert len(r.passages) >= 3  # each reordered paragraph is its own passage
    edits = [e for p in r.passages for e in p.edits]
    assert any(e.a == "neglected for decades" and e.b == "ignored for many years" for e in edits)
    texts = {"x": "\n\n".join(BASE), "y": "\n\n".join(edited)}
    for p in r.passages:
        for e in p.edits:
            assert texts["x"][e.a_start:e.a_end] == e.a
            assert texts["y"][e.b_start:e.b_end] == e.b
            assert p.a_start <= e.a_start <= e.a_end <= p.a_end


def test_unrelated_articles_are_not_reuse(settings) -> None:
    other = ["Heavy snow closed mountain passes across the region, and forecasters expect "
             "more storms through the weekend as temperatures fall well below freezing."]
    assert find_reuse([art("a", BASE), art("b", other)], settings) == ()


def test_shared_quote_alone_is_not_reuse(settings) -> None:
    quote = ("“We will not accept any plan that leaves the northern suburbs without buses, "
             "and we will fight it in every hearing and in every court,” ")
    a = art("a", [BASE[0], quote + "said the opposition leader.", BASE[2]])
    b = art("b", ["Snow closed the passes on Monday as forecasters warned of more storms.",
                  quote + "the opposition leader told reporters.",
                  "Officials said rail services would run a reduced timetable."])
    assert find_reuse([a, b], settings) == ()


def test_order_of_input_does_not_matter(settings) -> None:
    arts = [art("c", BASE[:3]), art("a", BASE), art("b", BASE[1:])]
    assert find_reuse(arts, settings) == find_reuse(list(reversed(arts)), settings)


def test_origin_from_publish_dates_and_containment(settings) -> None:
    extra = ["Analysts expect the budget to face further scrutiny when the regional "
             "government reviews municipal spending plans next spring, officials said."] * 1
    early = art("a", BASE[:2], published="2020-07-08")
    late = art("b", BASE[:2] + extra, published="2020-07-09")
    r = one([early, late], settings)
    assert r.origin == "a" and r.origin_basis and "published" in r.origin_basis
    same_day = [dataclasses.replace(early, published=None), dataclasses.replace(late,
                                                                             published=None)]
    r2 = one(same_day, settings)
    assert r2.origin in (None, "a")


def test_independent_groups() -> None:
    reuse = [Reuse("a", "b", 0.5, 0.4, None), Reuse("b", "c", 0.05, 0.04, None),
             Reuse("d", "e", 0.95, 0.97, None, near_duplicate=True)]
    groups = independent_groups(["e", "d", "c", "b", "a", "f"], reuse)
    assert groups == {"a": "a", "b": "a", "c": "c", "d": "d", "e": "d", "f": "f"}


def _random_words(rng: random.Random, n: int) -> list[str]:
    return [f"w{rng.randrange(100_000)}" for _ in range(n)]


@pytest.mark.parametrize("window", [1, 4, 7])
def test_winnowing_sees_every_shared_run_of_window_shingles(window: int) -> None:
    """The guarantee candidates rest on: two texts sharing a run of window + k - 1 words share
    a fingerprint, wherever the run sits and whatever surrounds it."""
    rng, k, hasher = random.Random(window), 5, WordHasher()
    for _ in range(200):
        run = _random_words(rng, window + k - 1)
        a = _random_words(rng, rng.randrange(0, 60)) + run + _random_words(rng, rng.randrange(60))
        b = _random_words(rng, rng.randrange(0, 60)) + run + _random_words(rng, rng.randrange(60))
        fa, fb = (winnow(position_hashes(t, k, hasher), window) for t in (a, b))
        assert np.intersect1d(fa, fb).size >= 1
    # ... and a shorter run is not always seen: the guarantee is exactly that long.
    misses = 0
    for _ in range(200):
        run = _random_words(rng, k)
        a = _random_words(rng, 40) + run + _random_words(rng, 40)
        b = _random_words(rng, 40) + run + _random_words(rng, 40)
        fa, fb = (winnow(position_hashes(t, k, hasher), window) for t in (a, b))
        misses += np.intersect1d(fa, fb).size == 0
    assert (misses > 0) == (window > 1)


def test_fingerprint_pairs_need_min_shared_and_skip_common_fingerprints() -> None:
    fp = lambda *xs: np.array(sorted(xs), dtype=np.uint64)  # noqa: E731
    common = list(range(1000, 1000 + PAIR_DF_CAP + 1))  # one fingerprint in too many documents
    docs = [fp(1, 2, 3, 50), fp(1, 2, 3, 60), fp(1, 2, 70, 71), fp(9)]
    docs += [fp(500, 501, 502, c) for c in common]  # 101 documents share 500-502 ...
    pairs = fingerprint_pairs(docs, np.zeros(0, dtype=np.uint64), min_shared=3)
    assert (0, 1) in pairs  # three shared
    assert (0, 2) not in pairs and (1, 2) not in pairs  # two shared
    assert not any(i >= 4 for pair in pairs for i in pair)  # ... which is too common to pair
    # A one-fingerprint text pairs with a text holding it: all it has is shared.
    docs[3] = fp(50)
    assert (0, 3) in fingerprint_pairs(docs, np.zeros(0, dtype=np.uint64), min_shared=3)
    # Template fingerprints make no pairs.
    assert (0, 1) not in fingerprint_pairs(docs, fp(1, 2), min_shared=3)


def test_common_phrases_do_not_make_candidates_grow_with_the_corpus() -> None:
    """Texts from a small vocabulary share short phrases by chance, and each phrase is in more
    texts as the corpus grows: without the cap on documents per fingerprint, candidates per
    text would grow with the corpus (16 times from 400 to 6,400 texts here)."""
    rng = random.Random(3)
    vocab = [f"v{i}" for i in range(60)]
    cfg = Settings(reuse_shingle=2, reuse_window=1)
    per_text = []
    for n in (400, 6400):
        texts = [[rng.choice(vocab) for _ in range(100)] for _ in range(n)]
        pairs, _ = candidate_pairs(texts, cfg)
        per_text.append(len(pairs) / n)
    assert per_text[0] > 10  # chance sharing is real at the small size ...
    assert per_text[1] <= per_text[0]  # ... and does not grow with the corpus


def _seed_articles(seeds_dir: Path) -> dict[str, Article]:
    out = {}
    for p in sorted(seeds_dir.glob("*.txt")):
        key = p.name.split("_")[0]
        out[key] = Article(id=key, source=str(p), text=p.read_text(encoding="utf-8"))
    return out


def test_seeds_pair_with_its_edits(seeds_dir: Path, settings) -> None:
    seeds = _seed_articles(seeds_dir)
    found = find_reuse(list(seeds.values()), settings)
    pairs = {(r.a, r.b) for r in found}
    assert pairs == {("002", "004")}, "only 002-004 share more than a quote"
    r = found[0]
    edits = [(" ".join(unify_quotes(e.a).split()), " ".join(unify_quotes(e.b).split()))
             for p in r.passages for e in p.edits]
    assert ("Key US ally Israel, Iran's arch-enemy", "The occupying regime of Israel") in edits
    assert any("civil" in a and "imposed" in b for a, b in edits)
    assert 0.2 < r.share_a < 0.8 and 0.2 < r.share_b < 0.8 and not r.near_duplicate


@pytest.mark.parametrize("n", [0, 1])
def test_degenerate_inputs(n: int, settings) -> None:
    arts = [art(f"e{i}", [""]) for i in range(n)] + [art("w", ["word"])]
    assert find_reuse(arts, settings) == ()


def test_cleaned_seeds_pair_with_its_edits(seeds_dir: Path, settings) -> None:
    readers = pytest.importorskip("newsprism.readers")
    clean = pytest.importorskip("newsprism.clean.article")
    arts = [clean.clean_article(a, settings) for a in readers.read_inputs([str(seeds_dir)],
                                                                           settings)
            if isinstance(a, Article)]
    name = {a.id: Path(a.source).name.split("_")[0] for a in arts}
    found = find_reuse(arts, settings)
    assert {frozenset((name[r.a], name[r.b])) for r in found} == {frozenset(("002", "004"))}
    r = found[0]
    edits = set()
    for p in r.passages:
        for e in p.edits:
            old, new = (e.a, e.b) if name[r.a] == "002" else (e.b, e.a)
            edits.add((" ".join(unify_quotes(old).split()), " ".join(unify_quotes(new).split())))
    assert ("Key US ally Israel, Iran's arch-enemy", "The occupying regime of Israel") in edits
    assert any("civil" in a and "imposed" in b for a, b in edits)
    assert r.origin is None  # same day, no wire credit: cannot be told


def test_site_template_is_not_reuse(settings) -> None:
    """A newsletter box on every page of one outlet makes its articles look alike; it is
    furniture, not reuse."""
    box = ("Sign up for our morning newsletter and get the five stories you need to read "
           "today delivered to your inbox before breakfast every weekday morning.")
    topics = ["harbour", "budget", "rail", "school", "museum", "bridge", "park", "library",
              "hospital", "airport", "stadium", "market"]
    arts = [art(f"s{n:02d}", [f"The {t} plan was discussed by officials from district {n} "
                              f"who met residents about the {t} on day {n}.", box],
                outlet="The Example Gazette") for n, t in enumerate(topics)]
    assert find_reuse(arts, settings) == ()
    # The same box in two articles from two outlets (below the template count) is shared text.
    two = [dataclasses.replace(arts[0], outlet="A"), dataclasses.replace(arts[1], outlet="B")]
    assert len(find_reuse(two, settings)) == 1


def test_edit_keeps_abbreviation_dot(settings) -> None:
    tail = (" position on tariffs for steel and aluminium imports from Europe this year, "
            "officials told reporters after the meeting.")
    a = art("a", ["The ministers met on Monday in the capital to discuss trade and the US" + tail])
    b = art("b", ["The ministers met on Monday in the capital to discuss trade and the U.S."
                  + tail])
    r = one([a, b], settings)
    assert [(e.a, e.b) for p in r.passages for e in p.edits] == [("US", "U.S.")]


def test_in_sorted_is_membership() -> None:
    from newsprism.reuse.index import in_sorted

    rng = np.random.default_rng(0)
    for n, m in ((0, 5), (5, 0), (50, 7), (1000, 300)):
        values = rng.integers(0, 400, n).astype(np.uint64)
        members = np.unique(rng.integers(0, 400, m).astype(np.uint64))
        assert in_sorted(values, members).tolist() == np.isin(values, members).tolist()
    top = np.array([np.iinfo(np.uint64).max], dtype=np.uint64)
    assert in_sorted(top, np.array([1, 2], dtype=np.uint64)).tolist() == [False]


def _shared_corpus(n: int) -> list[Article]:
    """`n` articles, each the shared paragraphs in its own order plus a line of its own, from
    `n` outlets: every pair is a candidate pair."""
    rng = random.Random(7)
    out = []
    for k in range(n):
        paras = BASE[:]
        rng.shuffle(paras)
        out.append(art(f"t{k:02d}", [*paras, f"Officials in ward {k} said more on day {k}."],
                       outlet=f"Outlet {k}"))
    return out


def test_bounded_token_cache_gives_the_same_pairs(settings, monkeypatch) -> None:
    """Tokens dropped by the budget are made again when asked: the pairs do not depend on
    it (issue 23)."""
    from newsprism.reuse import index

    arts = _shared_corpus(10)
    unbounded = find_reuse(arts, settings)
    assert len(unbounded) == 45
    monkeypatch.setattr(index, "TOKEN_CACHE_CHARS", 1)
    assert find_reuse(arts, settings) == unbounded


def test_reuse_holds_tokens_of_a_bounded_number_of_characters(settings, monkeypatch) -> None:
    """Candidate pairs link articles all over a corpus; the stage once held the alignment
    tokens of nearly every article at once (issue 23: 525 of 552). Now at most
    TOKEN_CACHE_CHARS characters' worth are held between pairs (plus the pair's own two)."""
    import weakref

    from newsprism.reuse import index
    from newsprism.reuse.align import Tokens

    @dataclasses.dataclass(frozen=True)
    class Tracked(Tokens):  # no __slots__: can be weakly referenced
        pass

    alive: list[weakref.ref] = []
    most = [0]
    make, pair = index.tokenize, index._pair

    def tokenize(text, template=None, split=None):
        t = Tracked(*(getattr(made := make(text, template, split), f.name)
                      for f in dataclasses.fields(Tokens)))
        del made
        alive.append(weakref.ref(t))
        return t

    def counting_pair(*args, **kw):
        most[0] = max(most[0], sum(r() is not None for r in alive))
        return pair(*args, **kw)

    arts = _shared_corpus(12)
    monkeypatch.setattr(index, "tokenize", tokenize)
    monkeypatch.setattr(index, "_pair", counting_pair)
    monkeypatch.setattr(index, "TOKEN_CACHE_CHARS", 3 * max(len(a.text) for a in arts))
    assert len(find_reuse(arts, settings)) == 66
    assert 2 <= most[0] <= 5  # up to the budget's 3 articles, plus the pair's own two


def _fp(*xs: int) -> np.ndarray:
    return np.array(sorted(xs), dtype=np.uint64)


def test_pairs_per_article_are_bounded_by_the_best_k() -> None:
    """30 copies of one text (every pair a candidate): unbounded, all 435 pairs are aligned;
    with the best 4 per article at most 4 x 30, every copy keeps at least its 4 best, and
    the kept pairs still join all copies into one group."""
    from scipy.cluster.hierarchy import DisjointSet

    none = np.zeros(0, dtype=np.uint64)
    docs = [_fp(1, 2, 3, 4, 5, 100 + i) for i in range(30)]
    assert len(fingerprint_pairs(docs, none, min_shared=3)) == 435
    pairs = fingerprint_pairs(docs, none, min_shared=3, per_article=4)
    assert len(pairs) <= 4 * 30
    degree = np.bincount(np.array(pairs).ravel(), minlength=30)
    assert degree.min() >= 4
    groups = DisjointSet(range(30))
    for i, j in pairs:
        groups.merge(i, j)
    assert groups.n_subsets == 1


def test_best_pairs_are_the_near_copies_whatever_the_order() -> None:
    """Text 0 has one near-copy (text 1) and shares three fingerprints with each of 20 long
    texts: with one pair per article the near-copy is the pair kept for text 0, and the
    choice does not depend on the order of the texts."""
    none = np.zeros(0, dtype=np.uint64)
    base = list(range(1, 11))
    docs = [_fp(*base), _fp(*base[:9], 98, 99)]  # sizes differ: no ties below
    docs += [_fp(1, 2, 3, *range(1000 * (i + 1), 1000 * (i + 1) + 40)) for i in range(20)]
    pairs = fingerprint_pairs(docs, none, min_shared=3, per_article=1)
    assert (0, 1) in pairs
    # Each long text's own best is text 0 or 1 (its only partners), so it keeps one pair.
    assert len(pairs) <= 1 + 20
    perm = list(range(len(docs)))
    random.Random(5).shuffle(perm)
    shuffled = fingerprint_pairs([docs[i] for i in perm], none, min_shared=3, per_article=1)
    back = {tuple(sorted((perm[i], perm[j]))) for i, j in shuffled}
    assert back == set(pairs)


def test_look_alike_texts_align_a_bounded_number_of_pairs_per_text() -> None:
    """Texts built from one topic's stock sentences all share phrases: without the bound
    the candidates per text grow with the corpus (every text pairs with its topic's
    others); with it they stay within 2 x k per text at every size."""
    rng = random.Random(7)
    frames = [[f"w{t}_{s}_{i}" for i in range(12)] for t in range(3) for s in range(6)]

    def text(topic: int) -> list[str]:
        out: list[str] = []
        for _ in range(8):
            out += frames[topic * 6 + rng.randrange(6)] + [f"x{rng.randrange(10**6)}"]
        return out

    unbounded, bounded = [], []
    for n in (60, 240):
        texts = [text(i % 3) for i in range(n)]
        for k, out in ((0, unbounded), (5, bounded)):
            cfg = Settings(reuse_candidates_per_article=k)
            out.append(len(candidate_pairs(texts, cfg)[0]) / n)
    assert unbounded[1] > 3 * unbounded[0]  # the pairs per text grow with the corpus ...
    assert max(bounded) <= 5  # ... and are at most k per text with the bound (k x N pairs)
    assert bounded[1] >= 0.8 * 5  # each text still keeps (close to) its k best


def test_each_article_is_tokenized_once_when_its_copies_lie_far_apart(settings, monkeypatch
                                                                      ) -> None:
    """Four stories, four copies each, ids interleaved so that a story's copies lie four
    apart in id order. Aligned in id order with room for three articles' tokens, copies left
    the cache before their next pair and were tokenized again; in `local_order` (copies
    together) each article is tokenized once, and the pairs are the same."""
    from newsprism.reuse import index

    rng = random.Random(11)
    vocab = [f"w{k}" for k in range(400)]
    stories = [" ".join(rng.choice(vocab) for _ in range(120)) + "." for _ in range(4)]
    arts = [art(f"a{copy}{story}", [stories[story], f"Copy {copy} of story {story} adds this."])
            for copy in range(4) for story in range(4)]
    made = [0]
    make = index.tokenize

    def counting(*args, **kw):
        made[0] += 1
        return make(*args, **kw)

    monkeypatch.setattr(index, "tokenize", counting)
    monkeypatch.setattr(index, "TOKEN_CACHE_CHARS", 3 * max(len(a.text) for a in arts))
    found = find_reuse(arts, settings)
    assert made[0] == 16
    assert len(found) == 24 and all(r.near_duplicate for r in found)
    assert {(r.a[2], r.b[2]) for r in found} == {(str(s), str(s)) for s in range(4)}
    assert [(r.a, r.b) for r in found] == sorted((r.a, r.b) for r in found)

    made[0] = 0
    monkeypatch.setattr(index, "local_order", lambda pairs, n: np.arange(len(pairs)))
    assert find_reuse(arts, settings) == found
    assert made[0] > 16
