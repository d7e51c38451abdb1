"""Stories: partition, determinism, similar-but-different events, incremental agreement."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsprism.model import Article, ArticleFacts, Mention, Reuse
from newsprism.settings import Settings
from newsprism.stories.cluster import cluster
from newsprism.stories.features import raw_features
from newsprism.stories.ids import story_id
from newsprism.stories.streaming import StoryIndex

COMMON = ["say", "report", "official", "people", "city", "police", "time", "year", "day"]


def make(aid: str, terms: dict[str, int], names: list[tuple[str, str]] = (),
         published: str | None = None, title: str | None = None) -> tuple[Article, ArticleFacts]:
    text = " ".join(w for w, n in terms.items() for _ in range(n) if not w.startswith("ent:"))
    article = Article(id=aid, source=f"test:{aid}", text=text or "empty", published=published,
                      title=title)
    mentions = tuple(Mention(aid, 0, len(n), n, label) for n, label in names)
    ent_terms = {"ent:" + n.lower(): 1 for n, _ in names}
    facts = ArticleFacts(article_id=aid, mentions=mentions,
                         terms=tuple(sorted({**terms, **ent_terms}.items())))
    return article, facts


def _word(k: int) -> str:
    """A word of its own for each k ("baa" for 100)."""
    return "".join(chr(ord("a") + int(c)) for c in f"{k:03d}")


def event(prefix: str, n: int, topic: list[str], names: list[tuple[str, str]], rng: random.Random,
          published: str | None = None) -> list[tuple[Article, ArticleFacts]]:
    """n articles on one event: the topic words, the event's names, some common noise. The
    headlines differ by one word each, not by a figure: undated headlines each stating a
    figure the other article lacks are two reports
    (`test_undated_headline_figures_tell_two_reports_apart`)."""
    out = []
    for k in range(n):
        terms = {w: rng.randint(1, 3) for w in topic}
        for w in rng.sample(COMMON, 4):
            terms[w] = terms.get(w, 0) + 1
        out.append(make(f"{prefix}{k:02d}", terms, names, published,
                        title=f"{names[0][0]} {topic[0]} {topic[1]} report {_word(k)}"))
    return out


def two_quakes(rng: random.Random) -> list[tuple[Article, ArticleFacts]]:
    quake = ["earthquake", "magnitude", "tremor", "collapse", "rescue", "epicenter"]
    # Same kind of event, same vocabulary; different places, officials and aftermath.
    a = event("a", 6, quake + ["tsunami", "coast"], [("Sumatra", "GPE"), ("Padang", "GPE"),
                                                      ("Budi Santoso", "PERSON")], rng)
    b = event("b", 6, quake + ["landslide", "mountain"], [("Sichuan", "GPE"), ("Chengdu", "GPE"),
                                                           ("Li Wei", "PERSON")], rng)
    return a + b


def partition(stories) -> dict[str, str]:
    where: dict[str, str] = {}
    for s in stories:
        for aid in s.article_ids:
            assert aid not in where, f"{aid} in two stories"
            where[aid] = s.id
    return where


def test_two_similar_events_kept_apart() -> None:
    items = two_quakes(random.Random(1))
    stories = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    groups = sorted(tuple(sorted({aid[0] for aid in s.article_ids})) for s in stories)
    assert groups == [("a",), ("b",)]
    assert all(len(s.article_ids) == 6 for s in stories)


def test_order_independence_and_sorted_ids() -> None:
    items = two_quakes(random.Random(2)) + event(
        "c", 3, ["trial", "jury", "verdict", "court"], [("Smith", "PERSON")], random.Random(3))
    base = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    assert [s.id for s in base] == sorted(s.id for s in base)
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        facts = [f for _, f in shuffled]
        random.Random(seed + 10).shuffle(facts)
        assert cluster([a for a, _ in shuffled], facts, (), Settings()) == base


def test_story_id_is_first_article_and_stable_when_adding() -> None:
    rng = random.Random(4)
    items = event("d", 4, ["flood", "river", "dam", "evacuate"], [("Danube", "LOC")], rng,
                  published="2020-03-02")
    early = make("zz-early", dict.fromkeys(["flood", "river", "dam", "evacuate"], 2),
                 [("Danube", "LOC")], published="2020-03-01")
    stories = cluster([a for a, _ in items + [early]], [f for _, f in items + [early]], (),
                      Settings())
    assert len(stories) == 1 and stories[0].id == story_id("zz-early")
    later = make("aa-later", dict.fromkeys(["flood", "river", "dam", "evacuate"], 2),
                 [("Danube", "LOC")], published="2020-03-04")
    more = cluster([a for a, _ in items + [early, later]],
                   [f for _, f in items + [early, later]], (), Settings())
    assert [s.id for s in more] == [stories[0].id]
    assert "aa-later" in more[0].article_ids


def test_strong_reuse_links_articles_with_little_shared_vocabulary() -> None:
    a = make("r1", {"budget": 2, "deficit": 1, "tax": 1}, published="2021-01-01")
    b = make("r2", {"weather": 2, "storm": 1, "rain": 1}, published="2021-01-01")
    arts, facts = [a[0], b[0]], [a[1], b[1]]
    assert len(cluster(arts, facts, (), Settings())) == 2
    pair = Reuse(a="r1", b="r2", share_a=0.6, share_b=0.5, origin="r1")
    assert len(cluster(arts, facts, (pair,), Settings())) == 1


def test_time_window_keeps_distant_dated_articles_apart() -> None:
    words = dict.fromkeys(["election", "ballot", "vote", "turnout", "candidate"], 2)
    a = make("t1", words, [("Ohio", "GPE")], published="2020-01-01")
    b = make("t2", words, [("Ohio", "GPE")], published="2020-06-01")
    stories = cluster([a[0], b[0]], [a[1], b[1]], (), Settings(story_window_days=7))
    assert len(stories) == 2
    stories = cluster([a[0], b[0]], [a[1], b[1]], (), Settings(story_window_days=365))
    assert len(stories) == 1


def test_title_is_short_and_avoids_loaded_headlines() -> None:
    words = dict.fromkeys(["summit", "leader", "talk", "trade", "agreement"], 2)
    items = [make("h1", words, [("Geneva", "GPE")], title="OPINION: Leaders slam shocking trade "
                                                          "summit disaster!"),
             make("h2", words, [("Geneva", "GPE")], title="Leaders meet in Geneva for trade talks"),
             make("h3", words, [("Geneva", "GPE")], title="Trade summit opens in Geneva")]
    (story,) = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    assert story.title in ("Leaders meet in Geneva for trade talks", "Trade summit opens in Geneva")
    assert len(story.title.split()) <= 15


@hsettings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.lists(st.sampled_from(
    ["alpha", "beta", "gamma", "delta", "quake", "trial", "vote", "storm"]), max_size=6)),
    max_size=25), st.sampled_from([0.1, 0.35, 0.8]))
def test_clusters_partition_the_articles(spec, threshold) -> None:
    items = []
    for k, (group, words) in enumerate(spec):
        terms = {w: 1 for w in words}
        terms[f"grp{group}"] = 2
        items.append(make(f"p{k:03d}", terms, [(f"Name{group}", "PERSON")] if group else []))
    stories = cluster([a for a, _ in items], [f for _, f in items], (),
                      Settings(story_threshold=threshold))
    where = partition(stories)
    assert set(where) == {a.id for a, _ in items}
    assert len({s.id for s in stories}) == len(stories)
    assert all(s.title for s in stories)


def test_incremental_agrees_with_batch_on_easy_cases() -> None:
    rng = random.Random(5)
    items = (event("e", 5, ["wildfire", "blaze", "firefighter", "acre"], [("Oregon", "GPE")],
                   rng, published="2022-08-01")
             + event("f", 5, ["strike", "union", "wage", "worker"], [("Detroit", "GPE")], rng,
                     published="2022-08-02"))
    batch = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    index = StoryIndex(Settings())
    for a, f in items:
        index.add(a, f)
    assert {s.article_ids for s in index.stories()} == {s.article_ids for s in batch}
    assert {s.id for s in index.stories()} == {s.id for s in batch}


def test_incremental_state_is_bounded_on_a_long_stream() -> None:
    rng = random.Random(6)
    index = StoryIndex(Settings(story_window_days=3))
    sizes = []
    closed = 0
    for day in range(60):
        stamp = f"2021-{1 + day // 28:02d}-{1 + day % 28:02d}"
        for e in range(3):
            topic = [f"w{day}_{e}_{i}" for i in range(5)]
            for a, f in event(f"s{day:03d}_{e}_", 3, topic, [(f"Place{day}x{e}", "GPE")], rng,
                              published=stamp):
                index.add(a, f)
        closed += len(index.pop_closed())
        sizes.append(index.state_size())
    assert closed > 100
    late = sizes[-20:]
    assert max(s["open_articles"] for s in late) <= 9 * 5
    assert max(s["features"] for s in late) <= max(s["features"] for s in sizes[:10]) * 2
    assert max(s["postings"] for s in late) <= max(s["postings"] for s in sizes[:10]) * 2


def test_incremental_splits_a_story_that_drew_in_a_similar_event() -> None:
    items = two_quakes(random.Random(1))
    random.Random(9).shuffle(items)
    index = StoryIndex(Settings())
    for a, f in items:
        index.add(a, f)
    groups = sorted(tuple(sorted({aid[0] for aid in s.article_ids})) for s in index.stories())
    assert groups == [("a",), ("b",)]
    partition(index.stories())


def test_numbers_are_normalised_features() -> None:
    from newsprism.stories.features import numbers

    # One figure in three spellings meets itself; single digits and bare years are skipped.
    assert numbers("filed 881K claims") == numbers("881,000 claims") == ["q:8.81e+05"]
    assert numbers("3.28 million and 3.28M") == ["q:3.28e+06", "q:3.28e+06"]
    assert numbers("up 96% or 96 percent") == ["q:96%", "q:96%"]
    assert numbers("5 people in 2019, magnitude 6.1") == ["q:6.1"]
    assert numbers("COVID-19 on its 19th day, F-35 and B52") == []


def test_numbers_keep_two_reports_of_one_kind_apart() -> None:
    """Three weekly reports in the same words: only their figures (in the NER number
    mentions and the titles) say which week each article reports."""
    words = {"jobless": 1, "claim": 2, "week": 1}
    items = []
    for week, figures in enumerate((("373,000", "4.1%"), ("881,000", "6.7%"),
                                    ("1.2 million", "8.4%"))):
        for k in range(3):
            aid = f"w{week}{k}"
            article = Article(id=aid, source=f"test:{aid}", text="x",
                              title=f"Jobless claims at {figures[0]}")
            mentions = (Mention(aid, 0, 1, figures[0], "CARDINAL"),
                        Mention(aid, 0, 1, figures[1], "PERCENT"))
            items.append((article, ArticleFacts(article_id=aid, mentions=mentions,
                                                terms=tuple(sorted(words.items())))))
    stories = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    groups = sorted(tuple(sorted(s.article_ids)) for s in stories)
    assert groups == [("w00", "w01", "w02"), ("w10", "w11", "w12"), ("w20", "w21", "w22")]


def test_clustering_reads_nothing_the_stored_lean_facts_drop() -> None:
    """A run with a store clusters on `store.lean` facts, a run without one on full facts:
    the features must be the same, or the two would give different stories."""
    from newsprism.model import DateRef, Quantity
    from newsprism.storage.store import lean
    from newsprism.stories.features import raw_features

    facts = ArticleFacts(
        article_id="q1",
        mentions=(Mention("q1", 0, 6, "Norland", "GPE"),),
        quantities=(Quantity("q1", 20, 33, "2,300 families", 2300.0, 2300.0, "family"),),
        dates=(DateRef("q1", 40, 47, "Tuesday", "2026-03-03", "day"),),
        terms=(("ferry", 2), ("harbour", 1)))
    full = raw_features(facts, "Ferries return to Norland")
    assert any(f.startswith("q:") for f, _ in full.counts)
    assert raw_features(lean(facts), "Ferries return to Norland") == full


def two_close_events(rng: random.Random) -> list[tuple[Article, ArticleFacts]]:
    """Two browser flaws of one week in the same words; each event adds only its own three
    vendor words: the events are nearly as similar across as within."""
    topic = ["browser", "flaw", "patch", "attack", "exploit", "update", "security", "hacker"]
    noise = [f"w{i}" for i in range(400)]
    items = []
    for prefix, n, own in (("a", 10, ["firefox", "mozilla", "plugin"]),
                           ("b", 8, ["explorer", "microsoft", "activex"])):
        for k in range(n):
            terms = {w: rng.randint(1, 3) for w in topic}
            terms.update({w: 1 for w in own})
            terms.update({w: 1 for w in rng.sample(noise, 6)})
            items.append(make(f"{prefix}{k:02d}", terms))
    return items


def test_neighbour_ranks_split_two_events_that_cosines_cannot() -> None:
    from newsprism.stories.features import raw_features
    from newsprism.stories.split import NCUT_SPLIT, best_bisection, local_similarity

    items = two_close_events(random.Random(0))
    w = local_similarity([raw_features(f, a.title) for a, f in items])
    assert best_bisection(w)[0] >= NCUT_SPLIT  # the cut on cosines alone keeps them together
    stories = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    groups = sorted(tuple(sorted({aid[0] for aid in s.article_ids})) for s in stories)
    assert groups == [("a",), ("b",)]


def test_a_large_story_stays_one_story() -> None:
    """Pruning by neighbour ranks must not cut a big event into pieces: 120 articles on one
    event, and 300 articles on one event in varied wording among 600 on other events."""
    quake = ["earthquake", "magnitude", "tremor", "collapse", "rescue", "epicenter"]
    items = event("a", 120, quake, [("Sumatra", "GPE"), ("Padang", "GPE")], random.Random(3))
    assert len(cluster([a for a, _ in items], [f for _, f in items], (), Settings())) == 1

    rng = random.Random(5)
    topic = [f"topic{i}" for i in range(12)]
    noise = [f"w{i}" for i in range(3000)]
    items = []
    for k in range(300):  # each article uses 5 of the event's 12 words: sub-groups by chance
        terms = {w: rng.randint(1, 2) for w in rng.sample(topic, 5)}
        terms.update({w: 1 for w in rng.sample(noise, 3)})
        names = [("Sumatra", "GPE")] + ([("Padang", "GPE")] if rng.random() < 0.5 else [])
        items.append(make(f"b{k:03d}", terms, names))
    for e in range(200):
        own = [f"e{e}t{i}" for i in range(8)]
        for k in range(3):
            terms = {w: rng.randint(1, 2) for w in rng.sample(own, 5)}
            terms.update({w: 1 for w in rng.sample(noise, 3)})
            items.append(make(f"g{e:03d}{k}", terms, [(f"Place{e}", "GPE")]))
    stories = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    big = [s for s in stories if any(aid.startswith("b") for aid in s.article_ids)]
    assert len(big) == 1 and len(big[0].article_ids) == 300


def test_one_headline_reprinted_120_times_stays_one_story() -> None:
    """120 copies of one headline over one event's words: the split step's local IDF weighs
    the shared headline least and the few random common words most, and cut the story into
    6 pieces by chance; articles carrying one headline are never cut apart now. Two events
    under two headlines in one cluster are still split."""
    from newsprism.stories.split import headline_groups

    rng = random.Random(3)
    quake = ["earthquake", "magnitude", "tremor", "collapse", "rescue", "epicenter"]
    items = []
    for k in range(120):
        terms = {w: rng.randint(1, 3) for w in quake}
        for w in rng.sample(COMMON, 4):
            terms[w] = terms.get(w, 0) + 1
        items.append(make(f"a{k:03d}", terms, [("Sumatra", "GPE"), ("Padang", "GPE")],
                          title="Sumatra earthquake: magnitude report" if k % 2 else
                          "Sumatra Earthquake Magnitude Report"))
    stories = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    assert [len(s.article_ids) for s in stories] == [120]
    raws = [raw_features(f, t) for f, t in
            [(make("x", {"a": 1})[1], "Quake toll rises in the north"),
             (make("y", {"a": 1})[1], "quake toll RISES in north."),
             (make("z", {"a": 1})[1], "Quake toll rises in south"),
             (make("w", {"a": 1})[1], "Updated 5:40 p.m."),
             (make("v", {"a": 1})[1], "Updated 5:40 p.m.")]]
    assert headline_groups(raws) == [0, 0, 2, 3, 4]  # short lines are no headline
    quakes = [(Article(id=a.id, source=a.source, text=a.text,
                       title="Strong earthquake strikes "
                       + ("Sumatra" if a.id[0] == "a" else "Sichuan") + " region"), f)
              for a, f in two_quakes(random.Random(1))]
    split = cluster([a for a, _ in quakes], [f for _, f in quakes], (), Settings())
    assert sorted(sorted({aid[0] for aid in s.article_ids}) for s in split) == [["a"], ["b"]]


def test_a_large_story_stays_one_story_in_a_large_dated_corpus() -> None:
    """Above ALL_PAIRS_UP_TO articles only candidate pairs are scored, and every word the 300
    articles share is held by more than MAX_POSTING of them: the story must still come out
    whole (it fell into single articles before), the 1,800 others as their own events."""
    from newsprism.stories.link import ALL_PAIRS_UP_TO, MAX_POSTING
    from newsprism.text import stable_id

    rng = random.Random(5)
    topic = [f"topic{i}" for i in range(12)]
    noise = [f"w{i}" for i in range(3000)]
    items = []
    for k in range(300):  # each article uses 5 of the event's 12 words, over three days
        terms = {w: rng.randint(1, 2) for w in rng.sample(topic, 5)}
        terms.update({w: 1 for w in rng.sample(noise, 3)})
        names = [("Sumatra", "GPE")] + ([("Padang", "GPE")] if rng.random() < 0.5 else [])
        # Hashed ids: the order of ids says nothing about the story.
        items.append(make(stable_id("b", str(k)), terms, names,
                          published=f"2021-03-{1 + rng.randrange(3):02d}"))
    for e in range(600):
        own = [f"e{e}t{i}" for i in range(8)]
        day = f"2021-{1 + e % 12:02d}-{1 + (e * 7) % 28:02d}"
        for k in range(3):
            terms = {w: rng.randint(1, 2) for w in rng.sample(own, 5)}
            terms.update({w: 1 for w in rng.sample(noise, 3)})
            items.append(make(stable_id("g", str(e), str(k)), terms, [(f"Place{e}", "GPE")],
                              published=day))
    assert len(items) > ALL_PAIRS_UP_TO and 300 * 5 / 12 > MAX_POSTING
    big_ids = {a.id for a, _ in items[:300]}
    stories = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    big = [s for s in stories if big_ids & set(s.article_ids)]
    assert len(big) == 1 and set(big[0].article_ids) == big_ids
    assert sorted(len(s.article_ids) for s in stories if s is not big[0]) == [3] * 600
    shuffled = items[:]
    random.Random(1).shuffle(shuffled)
    assert cluster([a for a, _ in shuffled], [f for _, f in shuffled], (), Settings()) == stories
