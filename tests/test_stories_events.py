"""Stories are events, not topics (issue 21): shared people alone make no story, stated
dates stand in for missing publish dates, and chapters of one saga are related, not merged."""

from __future__ import annotations

import importlib

import pytest

from newsprism.model import Article, ArticleFacts, DateRef, Mention, Sentence, Story
from newsprism.settings import Settings
from newsprism.storage.report import story_json
from newsprism.stories.cluster import cluster, event_day
from newsprism.stories.features import raw_features
from newsprism.stories.streaming import StoryIndex

PEOPLE = [("Jerome Powell", "PERSON"), ("Federal Reserve", "ORG")]
HIKE = {"hike": 2, "rate": 2, "inflation": 1, "basis": 1}
TESTIMONY = {"testimony": 2, "senate": 2, "committee": 1, "lawmaker": 1}


def article(aid: str, words: dict[str, int], people=PEOPLE, published: str | None = None,
            stated: str | None = None) -> tuple[Article, ArticleFacts]:
    """One article: its event words, its people named three times each (and their names as
    plain terms, as the parser's proper-noun lemmas are), optionally a date stated in its
    lead."""
    text = " ".join(w for w, n in words.items() for _ in range(n))
    lead = f"On {stated}, " if stated else ""
    text = lead + text
    art = Article(id=aid, source=f"test:{aid}", text=text, published=published)
    mentions = tuple(Mention(aid, 0, len(n), n, label) for n, label in people for _ in range(3))
    name_terms = {w.lower(): 3 for n, _ in people for w in n.split()}
    terms = {**words, **name_terms, **{"ent:" + n.lower(): 3 for n, _ in people}}
    dates = ()
    if stated:
        iso = {"March 3, 2019": "2019-03-03", "September 9, 2019": "2019-09-09",
               "March 5, 2019": "2019-03-05"}[stated]
        dates = (DateRef(aid, 3, 3 + len(stated), stated, iso, "day"),)
    facts = ArticleFacts(article_id=aid, sentences=(Sentence(aid, 0, len(text)),),
                         mentions=mentions, dates=dates, terms=tuple(sorted(terms.items())))
    return art, facts


def run(items, settings: Settings | None = None) -> tuple[Story, ...]:
    return cluster([a for a, _ in items], [f for _, f in items], (), settings or Settings())


def groups(stories) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def saga(published: tuple[str | None, str | None] = (None, None)):
    return ([article(f"h{k}", HIKE, published=published[0]) for k in range(3)]
            + [article(f"t{k}", TESTIMONY, published=published[1]) for k in range(3)])


def test_same_people_different_event_stay_apart(monkeypatch) -> None:
    items = saga()
    assert groups(run(items)) == {frozenset({"h0", "h1", "h2"}), frozenset({"t0", "t1", "t2"})}
    # The names alone are close enough to merge them: without the event gate they would.
    module = importlib.import_module("newsprism.stories.cluster")
    monkeypatch.setattr(module, "EVENT_FLOOR", 0.0)
    monkeypatch.setattr(module, "VETO_WHOLE", 2.0)  # no veto: no pair reaches it
    assert len(run(items)) == 1


def chained():
    """Two events of the same people, and two articles that tell both (a round-up): each
    round-up is close to every article, so average linkage would chain the two events."""
    both = {**HIKE, **TESTIMONY}
    return saga() + [article(f"m{k}", both) for k in range(2)]


def test_a_pair_alike_in_people_only_is_never_chained_into_one_story(monkeypatch) -> None:
    items = chained()
    for stories in (run(items), incremental(items)):
        for s in stories:
            ids = "".join(sorted(a[0] for a in s.article_ids))
            assert not ("h" in ids and "t" in ids), s.article_ids
    # Without the veto the round-ups chain the two events into one story.
    module = importlib.import_module("newsprism.stories.cluster")
    monkeypatch.setattr(module, "VETO_WHOLE", 2.0)  # no veto: no pair reaches it
    assert any({a[0] for a in s.article_ids} >= {"h", "t"} for s in run(items))


def incremental(items) -> tuple[Story, ...]:
    index = StoryIndex(Settings())
    for a, f in items:
        index.add(a, f)
    return index.stories()


def test_actor_features_are_people_and_organisations_not_places() -> None:
    _, facts = article("x", {"quake": 2}, people=PEOPLE + [("Sumatra", "GPE")])
    raw = raw_features(facts)
    assert {"e:jerome powell", "n:powell", "t:powell", "e:federal reserve"} <= set(raw.actors)
    assert "e:sumatra" not in raw.actors and "t:quake" not in raw.actors
    assert {f for f, _ in raw.event_counts()} & {"e:sumatra", "t:quake"} == {"e:sumatra",
                                                                               "t:quake"}


def test_incremental_keeps_the_same_people_apart_like_batch() -> None:
    items = saga()
    index = StoryIndex(Settings())
    for a, f in items:
        index.add(a, f)
    assert groups(index.stories()) == groups(run(items))


def test_stated_lead_dates_stand_in_for_missing_publish_dates() -> None:
    spring = [article(f"s{k}", HIKE, stated="March 3, 2019") for k in range(3)]
    autumn = [article(f"a{k}", HIKE, stated="September 9, 2019") for k in range(3)]
    near = [article(f"n{k}", HIKE, stated="March 5, 2019") for k in range(3)]
    assert groups(run(spring + autumn)) == {frozenset({"s0", "s1", "s2"}),
                                            frozenset({"a0", "a1", "a2"})}
    assert len(run(spring + near)) == 1  # two days apart: one event
    art, facts = spring[0]
    assert event_day(art, facts).isoformat() == "2019-03-03"
    dated = Article(id="d", source="x", text=art.text, published="2019-03-20")
    assert event_day(dated, facts).isoformat() == "2019-03-20"  # the publish date comes first


def test_chapters_of_one_saga_are_related_with_their_order() -> None:
    stories = run(saga(("2021-01-04", "2021-03-01")))
    by_member = {s.article_ids[0][0]: s for s in stories}
    hike, testimony = by_member["h"], by_member["t"]
    assert [(r.story_id, r.relation) for r in hike.related] == [(testimony.id, "later")]
    assert [(r.story_id, r.relation) for r in testimony.related] == [(hike.id, "earlier")]
    assert story_json(hike)["related"] == [{"story_id": testimony.id, "relation": "later"}]


def test_undated_chapters_are_related_as_same_topic_and_unrelated_events_are_not() -> None:
    other = [article(f"o{k}", {"wildfire": 2, "acre": 2}, people=[("Gavin Newsom", "PERSON")])
             for k in range(3)]
    stories = run(saga() + other)
    related = {s.article_ids[0][0]: [(r.relation) for r in s.related] for s in stories}
    assert related == {"h": ["same topic"], "t": ["same topic"], "o": []}


@pytest.mark.parametrize("published", [(None, None), ("2021-01-04", "2021-03-01")])
def test_related_is_deterministic_whatever_the_input_order(published) -> None:
    items = saga(published)
    assert run(items) == run(list(reversed(items)))


def test_story_pages_show_related_stories() -> None:
    from newsprism.model import Report
    from newsprism.storage.report import report_json
    from newsprism.web.render import render, render_report_html
    from newsprism.web.views import StoryView

    items = saga(("2021-01-04", "2021-03-01"))
    stories = run(items)
    report = report_json(Report(articles=tuple(a for a, _ in items), reuse=(),
                                stories=stories))
    data = report["stories"][0]
    other = report["stories"][1]["id"]
    page = render("story.html", v=StoryView(data, report["articles"], []).context(),
                  sid="story")
    assert "Related stories" in page and f'href="/stories/{other}"' in page
    single = render_report_html(report)  # one file: no link out, the id and relation shown
    assert f"<code>{other}</code>" in single and 'href="/stories/' not in single


def test_related_survives_the_store_codec() -> None:
    from newsprism.storage.codec import load, to_data
    from newsprism.storage.store import encode_story

    stories = run(saga(("2021-01-04", "2021-03-01")))
    for story in stories:
        assert story.related
        assert load(Story, to_data(story)) == story
        assert '"related"' in encode_story(story).data  # the stored row carries it


def test_related_needs_the_same_people_not_only_the_same_subject() -> None:
    # The same kind of event two months apart: by other people it is not the same saga.
    fed = [article(f"f{k}", HIKE, published="2021-01-04") for k in range(3)]
    ecb = [article(f"e{k}", HIKE, people=[("Christine Lagarde", "PERSON")],
                   published="2021-03-01") for k in range(3)]
    again = [article(f"g{k}", HIKE, published="2021-03-01") for k in range(3)]
    assert all(not s.related for s in run(fed + ecb))
    related = {s.article_ids[0][0]: [r.relation for r in s.related] for s in run(fed + again)}
    assert related == {"f": ["later"], "g": ["earlier"]}


def test_a_story_whose_dated_members_fall_years_apart_is_cut_in_two() -> None:
    """An undated article can chain dated ones years apart; the story is cut at the gap and
    the undated member joins the side it is linked to most."""
    import numpy as np

    from newsprism.stories.cluster import split_at_date_gaps

    day = 737000.0
    days = np.array([day, day + 2, day + 800, np.nan])
    edges = [(0, 3, 0.1), (2, 3, 0.5), (0, 1, 0.6)]
    assert split_at_date_gaps([0, 1, 2, 3], days, edges, 365) == [[0, 1], [2, 3]]
    # weeks of coverage, or a single dated member: nothing to cut
    assert split_at_date_gaps([0, 1, 3], days, edges, 365) == [[0, 1, 3]]
    assert split_at_date_gaps([2, 3], days, edges, 365) == [[2, 3]]
    # an undated member with no link to either side goes to the earliest
    assert split_at_date_gaps([0, 2, 3], days, [], 365) == [[0, 3], [2]]


def _seasons() -> list[tuple[Article, ArticleFacts]]:
    """Two events of the same people and words, undated, told apart only by the day their
    leads state (March and September): the text runs past the lead, so the lead's end is
    read from the sentences."""
    items = []
    for k, stated in enumerate(["March 3, 2019"] * 3 + ["September 9, 2019"] * 3):
        art, facts = article(f"x{k}", HIKE, stated=stated)
        end = len(stated) + 5
        sentences = tuple(Sentence(art.id, s, e) for s, e in
                          [(0, end), (end, end + 4), (end + 4, end + 8), (end + 8, len(art.text))])
        items.append((art, ArticleFacts(article_id=art.id, sentences=sentences,
                                        mentions=facts.mentions, dates=facts.dates,
                                        terms=facts.terms)))
    return items


def test_stored_lean_facts_date_undated_articles_as_the_full_facts_do(tmp_path) -> None:
    """Incremental (`--db`) = batch: the store's lean facts keep what `event_day` reads (the
    lead's sentences), so undated articles cluster as they do without a store. They used to
    lose their sentences, and March and September merged into one story with `--db` only."""
    from newsprism.storage.store import lean, open_store

    items = _seasons()
    batch = groups(run(items))
    assert batch == {frozenset({"x0", "x1", "x2"}), frozenset({"x3", "x4", "x5"})}
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        store.add_processed(items)
        stored = store.lean_facts()
        assert groups(cluster([a for a, _ in items], stored, (), Settings())) == batch
        assert stored == [lean(f) for _, f in items]
        assert all(len(f.sentences) == 3 for f in stored)  # the lead only, not the whole text
    finally:
        store.close()


def test_lean_rows_stored_without_sentences_are_completed_from_the_full_facts(tmp_path) -> None:
    """A store written before the lean facts kept the lead: its rows are completed from the
    stored full facts when read, so an old store clusters as batch does too."""
    import json

    from newsprism.storage.codec import to_data
    from newsprism.storage.store import lean, lean_facts_t, open_store

    items = _seasons()
    store = open_store(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        store.add_processed(items)
        with store.engine.begin() as conn:
            for _, f in items:
                old = ArticleFacts(article_id=f.article_id, mentions=f.mentions,
                                   dates=f.dates, terms=f.terms)
                conn.execute(lean_facts_t.update()
                             .where(lean_facts_t.c.article_id == f.article_id)
                             .values(data=json.dumps(to_data(old), sort_keys=True)))
        assert store.lean_facts() == [lean(f) for _, f in items]
    finally:
        store.close()


CLAIMS = {"jobless": 2, "claim": 2, "week": 1, "benefit": 1, "labor": 1}


def _report(aid: str, headline: str, *figures: str, published: str | None = None):
    from dataclasses import replace

    art, facts = article(aid, CLAIMS, people=PEOPLE + [(f, "CARDINAL") for f in figures],
                         published=published)
    return replace(art, title=headline), facts


def test_undated_headline_figures_tell_two_reports_apart(monkeypatch) -> None:
    """Two weeks' jobless-claims reports in the same words: with no date, the headline
    figures (each absent from the other report) keep them apart, and no round-up stating
    both chains them; rounding ("3.28 million" / "3.3 million") still agrees; dated reports
    are left to the time window (a rising toll updates its headline inside one event)."""
    mod = importlib.import_module("newsprism.stories.cluster")

    spring = [_report(f"s{k}", "Jobless claims rise to 373,000", "373,000") for k in range(3)]
    autumn = [_report(f"a{k}", "Jobless claims fall to 684,000", "684,000") for k in range(3)]
    roundup = [_report("r", "Jobless claims this year", "373,000", "684,000")]
    found = groups(run(spring + autumn + roundup))
    assert not any({"s0", "a0"} <= g for g in found)
    assert any({"s0", "s1", "s2"} <= g for g in found)
    assert any({"a0", "a1", "a2"} <= g for g in found)
    rounded = [_report(f"m{k}", "Record 3.3 million file claims", "3.3 million") for k in range(2)]
    rounded += [_report(f"n{k}", "Claims spike to 3.28 million", "3.28 million") for k in range(2)]
    assert len(run(rounded)) == 1
    dated = [_report(f"d{k}", h, f, published="2020-04-02")
             for k, (h, f) in enumerate([("Toll rises to 120", "120")] * 2
                                        + [("Toll rises to 145", "145")] * 2)]
    assert len(run(dated)) == 1
    monkeypatch.setattr(mod, "figure_vetoes", lambda *args: ())
    assert len(run(spring + autumn + roundup)) == 1  # without the veto: one story


def test_dated_headline_figures_far_apart_tell_two_reports_apart(monkeypatch) -> None:
    """Dated reports of one day in the same words: headline figures 10 times apart or more
    (each absent from the other report) count different things and keep them apart;
    figures of one magnitude (a rising toll) are left to the time window, and a figure
    the other report states is no evidence (issue 21, round 14)."""
    feats = importlib.import_module("newsprism.stories.features")
    day = "2020-04-01"
    count = [_report(f"c{k}", "Jobless claims rise to 373,000", "373,000", published=day)
             for k in range(2)]
    bill = [_report(f"b{k}", "Jobless claims bill of 45,000,000", "45,000,000", published=day)
            for k in range(2)]
    assert groups(run(count + bill)) == {frozenset({"c0", "c1"}), frozenset({"b0", "b1"})}
    toll = [_report(f"t{k}", h, f, published=day)
            for k, (h, f) in enumerate([("Toll rises to 120", "120")] * 2
                                       + [("Toll rises to 145", "145")] * 2)]
    assert len(run(toll)) == 1  # one magnitude: the window decides
    both = [_report(f"x{k}", "Jobless claims bill of 45,000,000", "45,000,000", "373,000",
                    published=day) for k in range(2)]
    assert len(run(count + both)) == 1  # the bill's reports state the count too
    assert feats.figures_far(("q:9.38e+04",), ("q:2e+12",))
    assert feats.figures_far(("q:50%",), ("q:120",))  # another kind
    assert not feats.figures_far(("q:120",), ("q:145",)) and not feats.figures_far((), ("q:1",))
    monkeypatch.setattr(feats, "FIGURE_FAR", float("inf"))
    assert len(run(count + bill)) == 1  # without the rule: one story


def test_an_update_keeps_far_headline_figures_apart_as_the_batch_does() -> None:
    """The dated far-figure veto holds in an update (`incremental.local_update`): the bill's
    reports arriving at a store of the count's reports end as the batch puts them."""
    from newsprism.stories.incremental import local_update

    day = "2020-04-01"
    count = [_report(f"c{k}", "Jobless claims rise to 373,000", "373,000", published=day)
             for k in range(2)]
    bill = [_report(f"b{k}", "Jobless claims bill of 45,000,000", "45,000,000", published=day)
            for k in range(2)]
    items = count + bill
    before = {s.id: s.article_ids for s in run(count)}
    local = local_update([a for a, _ in items], [f for _, f in items], (), Settings(), before,
                         {"b0", "b1"})
    apart = {frozenset({"c0", "c1"}), frozenset({"b0", "b1"})}
    assert groups(local.stories) == groups(run(items)) == apart


def test_headline_word_families_and_what_they_exclude() -> None:
    """A headline's trigger is its content words' families, less its actors' names."""
    from newsprism.stories.features import family, title_trigger

    assert family("voting") == family("votes") == family("voted") == "vot"
    assert family("nomination") == family("nominated") == "nomin"
    assert family("approval") == family("approved") == "approv"
    assert family("war") == "war" and family("report") == "report"  # short roots stay whole
    art, facts = article("h1", HIKE)
    raw = raw_features(facts, "Powell signals rate hike vote")
    assert "powell" not in raw.trigger and {"signal", "hik", "vot"} <= set(raw.trigger)
    assert title_trigger(None) == ()


def test_headlines_without_a_shared_word_family_count_part_of_their_cosine(monkeypatch) -> None:
    """The edge of a pair whose headlines share no word family besides names is
    TRIGGER_DISCOUNT of its cosine; a shared family, or a pair without a headline on one
    side (no evidence either way), keeps the cosine."""
    import numpy as np

    mod = importlib.import_module("newsprism.stories.cluster")
    titles = {"a": "Central bank raises rates again", "b": "Bank rate raise surprises markets",
              "c": "Senate hearing grills the chair", "d": None}
    items = [article(k, {**HIKE, "extra" + k: 1}) for k in titles]
    arts = [Article(id=a.id, source=a.source, text=a.text, title=titles[a.id]) for a, _ in items]
    raws = [raw_features(f, t.title) for (_, f), t in zip(items, arts, strict=True)]
    agree = mod.triggers_agree(raws, np.array([0, 0, 0]), np.array([1, 2, 3]))
    assert agree.tolist() == [True, False, True]

    def edges() -> dict[tuple[int, int], float]:
        graph = mod.similarity_graph(arts, raws, (), Settings(), [f for _, f in items])
        return {(i, j): w for i, j, w in graph[0]}

    discounted = edges()
    monkeypatch.setattr(mod, "TRIGGER_DISCOUNT", 1.0)
    plain = edges()
    monkeypatch.undo()
    assert mod.TRIGGER_DISCOUNT < 1
    assert discounted[(0, 2)] == pytest.approx(mod.TRIGGER_DISCOUNT * plain[(0, 2)])
    assert discounted[(0, 1)] == pytest.approx(plain[(0, 1)])
    assert discounted[(0, 3)] == pytest.approx(plain[(0, 3)])
