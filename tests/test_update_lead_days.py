"""An update from the stored features reads the lead of every article a lead's month-days
can weigh (issue 25, round 9): `undated.month_day_clashes` reads the leads of both articles
of a pair one of which has no publish day, so a dated article's lead matters as soon as an
undated article stands beside it. Before, the update read the lean facts of undated, new
and unframed articles only, and a stored dated report's lead counted as empty: a new
undated report stating another month-day joined its story, where the derived features
(`incremental.local_update`) keep it apart."""

from __future__ import annotations

import pytest

from newsprism.model import Article, ArticleFacts, Mention, Sentence
from newsprism.regrouping import save_features
from newsprism.service import analyze_into_store
from newsprism.settings import Settings
from newsprism.storage.store import open_store
from newsprism.stories import frames as frames_module
from storecases import STORE_KINDS, make_store_url
from test_features_stored import expected_members, runner_for

SETTINGS = Settings(story_consolidate_share=50.0)  # every update after the first is local
TOPIC = ["harbour", "crane", "collapse", "dockworkers", "inquiry", "cargo"]
OTHER = ["budget", "ferry", "timetable", "tourism", "festival", "museum", "bakery"]


def report(aid: str, lead_day: str, words: list[str], published: str | None
           ) -> tuple[Article, ArticleFacts]:
    """A report whose lead (its first sentence) states `lead_day` without a year."""
    lead = f"On {lead_day} a crane fell in Portvale harbour."
    body = " ".join(words) + "."
    text = f"{lead} {body}"
    place = text.index("Portvale")
    article = Article(id=aid, source=f"test:{aid}", text=text, published=published,
                      title="Crane collapse at Portvale harbour", outlet=f"Outlet {aid}")
    terms = tuple(sorted({**{w: 2 for w in words}, "ent:portvale": 1}.items()))
    facts = ArticleFacts(article_id=aid,
                         sentences=(Sentence(aid, 0, len(lead)),
                                    Sentence(aid, len(lead) + 1, len(text))),
                         mentions=(Mention(aid, place, place + 8, "Portvale", "GPE"),),
                         terms=terms)
    return article, facts


def corpus():
    old = [report(f"old{k}", "March 3", TOPIC, f"2023-03-0{3 + k}") for k in range(3)]
    # Elsewhere in the store: other events, so the weights are a corpus's.
    old += [report(f"else{k}", "May 9", OTHER[k:k + 4], "2023-05-09") for k in range(3)]
    # New, undated, its lead stating a day five months off; half the event's words.
    new = [report("late", "August 14", TOPIC[:3] + ["lorry", "weather", "tide"], None)]
    return old, new


@pytest.mark.parametrize("leads", ["stored", "missing"])
@pytest.mark.parametrize("kind", STORE_KINDS)
def test_a_dated_reports_lead_weighs_a_new_undated_report(kind, leads, tmp_path) -> None:
    """The dated reports' leads are read as stored with their rows (`leadcut`), or, where a
    row has none, cut from their lean facts: the same stories either way."""
    from newsprism.storage import story_features

    old, new = corpus()
    store = open_store(make_store_url(kind, tmp_path))
    try:
        analyze_into_store(store, [a for a, _ in old], SETTINGS, runner=runner_for(old + new))
        if frames_module.article_frames([old[0][0]], [old[0][1]], SETTINGS) is None:
            pytest.skip("no spaCy pipeline: frames are off, every lean fact is read")
        save_features(store, SETTINGS)  # every frame stored: dated leads are not read for them
        with store.engine.begin() as conn:
            assert story_features.leads(conn, [a.id for a, _ in old]).keys() == \
                {a.id for a, _ in old}  # all dated
            if leads == "missing":
                conn.execute(story_features.story_leads_t.delete())
        before = store.story_members()
        analyze_into_store(store, [a for a, _ in old + new], SETTINGS,
                           runner=runner_for(old + new))
        want, _ = expected_members(store, before, {"late"})
        # The derived features keep the late report apart (its lead's day is five months
        # from the reports' leads): the case this test is about.
        assert any(ids == ("late",) for ids in want.values())
        assert store.story_members() == want
    finally:
        store.close()


def test_the_dated_articles_facts_are_read_once_an_undated_one_stands_beside_them() -> None:
    """The rules that weigh a pair one of which is undated read both articles' leads,
    mentions and dates (month-days, weekdays, headline names, undoings, previews), so every
    dated article not read yet is read once an undated article is among the reached; with
    none, none is."""
    from newsprism.regrouping import dated_to_read

    def art(aid: str, published: str | None) -> Article:
        return Article(id=aid, source=f"test:{aid}", text="On Monday a crane fell.",
                       published=published)

    dated = [art("d1", "2023-03-03"), art("d2", "2023-03-04"), art("d3", "2023-03-05")]
    assert dated_to_read(dated, {"d1"}) == set()
    assert dated_to_read([*dated, art("u", None)], {"d1", "u"}) == {"d2", "d3"}


@pytest.mark.parametrize("leads", ["stored", "missing"])
def test_a_stored_undated_reports_stated_day_keeps_a_later_report_apart(leads, tmp_path) -> None:
    """A stored report without a publish day stands in the day its lead states
    (`cluster.event_day`), read from the lead kept with its row: a report published months
    later on the same words stays apart, as the derived features keep it."""
    from dataclasses import replace

    from newsprism.model import DateRef
    from newsprism.storage import story_features

    old, _ = corpus()
    undated_old, facts = report("stated", "March 3", TOPIC, None)
    k = undated_old.text.index("March 3")
    facts = replace(facts, dates=(DateRef("stated", k, k + 7, "March 3", "2023-03-03"),))
    later = report("later", "September 4", TOPIC, "2023-09-04")
    every = [*old, (undated_old, facts), later]
    store = open_store(make_store_url("sqlite", tmp_path))
    try:
        analyze_into_store(store, [undated_old, *(a for a, _ in old)], SETTINGS,
                           runner=runner_for(every))
        if frames_module.article_frames([old[0][0]], [old[0][1]], SETTINGS) is None:
            pytest.skip("no spaCy pipeline: frames are off, every lean fact is read")
        save_features(store, SETTINGS)
        with store.engine.begin() as conn:
            assert '"2023-03-03"' in story_features.leads(conn, ["stated"])["stated"]
            if leads == "missing":
                conn.execute(story_features.story_leads_t.delete())
        before = store.story_members()
        assert any("stated" in ids and "old0" in ids for ids in before.values())
        analyze_into_store(store, [a for a, _ in every], SETTINGS, runner=runner_for(every))
        want, _ = expected_members(store, before, {"later"})
        assert store.story_members() == want
        assert not any("stated" in ids and "later" in ids for ids in want.values())
    finally:
        store.close()
