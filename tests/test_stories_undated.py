"""Undated articles (issue 21): the day a reader reads in the lead, and, with no day on
either side, frames and specifics decide. Texts here are fictional."""

from __future__ import annotations

import importlib
from dataclasses import replace

import numpy as np

from newsprism.model import Article, ArticleFacts, DateRef, Sentence
from newsprism.settings import Settings
from newsprism.stories import weekcut
from newsprism.stories.cluster import event_day
from newsprism.stories.features import RawFeatures
from newsprism.stories.frames import Frame
from newsprism.stories.undated import month_days, stated_day, stated_year, undated_clashes
from test_stories_events import HIKE, article, groups, run

undated_module = importlib.import_module("newsprism.stories.undated")


def undated(text: str, years: tuple[str, ...] = (), lead_sentences: int = 1,
            published: str | None = None) -> tuple[Article, ArticleFacts]:
    """An article whose first `lead_sentences` sentences (split at ". ") are its lead, stating
    `years` ("in 2031") after the lead, as the date extractor reports them."""
    parts = text.split(". ")
    spans, pos = [], 0
    for part in parts:
        spans.append(Sentence("u", pos, pos + len(part) + 1))
        pos += len(part) + 2
    body = text + "".join(f" It began in {y}." for y in years)
    dates = tuple(DateRef("u", body.index(y), body.index(y) + 4, y, f"{y}-01-01", "year")
                  for y in years)
    art = Article(id="u", source="test:u", text=body, published=published)
    facts = ArticleFacts(article_id="u", sentences=tuple(spans[:lead_sentences]) + tuple(
        spans[lead_sentences:]), dates=dates)
    return art, facts


def test_a_month_day_in_the_lead_takes_the_one_year_the_article_states() -> None:
    art, facts = undated("PORTVILLE, March 3 - The harbor board voted on the ferry plan. "
                         "More to come", years=("2031",))
    assert stated_year(facts) == 2031
    assert stated_day(art, facts).isoformat() == "2031-03-03"
    assert event_day(art, facts).isoformat() == "2031-03-03"
    art2, facts2 = undated("The board met on 14th September to vote", years=("2031",))
    assert stated_day(art2, facts2).isoformat() == "2031-09-14"


def test_a_month_day_is_left_unresolved_without_one_stated_year() -> None:
    art, facts = undated("PORTVILLE, March 3 - The harbor board voted on the ferry plan")
    assert stated_day(art, facts) is None  # no year stated anywhere
    art, facts = undated("PORTVILLE, March 3 - The harbor board voted on the ferry plan",
                         years=("2029", "2031"))
    assert stated_day(art, facts) is None  # two years: which one would be a guess


def test_weekdays_and_yesterday_need_a_publish_day() -> None:
    art, facts = undated("The harbor board voted on Tuesday, a day after the ferry plan "
                         "was shown yesterday", years=("2031",))
    assert stated_day(art, facts) is None
    dated = replace(art, published="2031-05-02")
    assert event_day(dated, facts).isoformat() == "2031-05-02"  # a publish day comes first


def test_only_the_lead_dates_an_article() -> None:
    # The month-day is in the fourth sentence: background, not the event's day.
    art, facts = undated("The board voted. It met at noon. The plan passed. "
                         "The first plan came on March 3", years=("2031",), lead_sentences=3)
    assert stated_day(art, facts) is None
    assert month_days("on March 3 and Sept. 31 and 4 July", 2031) == [
        month_days("March 3", 2031)[0], month_days("July 4", 2031)[0]]  # 31 Sept is no day


def test_month_days_of_one_year_keep_two_undated_reports_apart() -> None:
    def report(aid: str, month_day: str):
        art, facts = article(aid, HIKE)
        text = f"On {month_day} the board met. " + art.text + " It was first raised in 2031."
        year_at = text.index("2031")
        return (replace(art, text=text),
                replace(facts, sentences=(Sentence(aid, 0, len(text)),),
                        dates=(DateRef(aid, year_at, year_at + 4, "2031", "2031-01-01",
                                       "year"),)))
    spring = [report(f"s{k}", "March 3") for k in range(3)]
    autumn = [report(f"a{k}", "September 9") for k in range(3)]
    assert groups(run(spring + autumn)) == {frozenset({"s0", "s1", "s2"}),
                                            frozenset({"a0", "a1", "a2"})}
    assert len(run(spring + [report(f"n{k}", "March 5") for k in range(3)])) == 1


def _raw(aid: str, feats: dict[str, float], actors: tuple[str, ...] = ()) -> RawFeatures:
    return RawFeatures(aid, tuple(sorted(feats.items())), actors)


HEAR = Frame(frozenset({"hear"}), frozenset({"nomin"}))
CONFIRM = Frame(frozenset({"confi"}), frozenset({"judg"}))


def test_undated_clashes_need_no_day_other_headlines_a_frame_conflict_and_no_specific() -> None:
    people = ("e:dana whitfield",)
    raws = [_raw("a", {"e:dana whitfield": 1.0, "t:nominee": 1.0}, people),
            _raw("b", {"e:dana whitfield": 1.0, "t:nominee": 1.0}, people),
            _raw("c", {"e:dana whitfield": 1.0, "q:5.2e+04": 1.0}, people),
            _raw("d", {"e:dana whitfield": 1.0, "q:5.2e+04": 1.0}, people)]
    frames = [HEAR, CONFIRM, HEAR, CONFIRM]
    a, b = np.array([0, 2, 0, 0]), np.array([1, 3, 2, 1])
    nan = np.full(4, np.nan)
    # (0, 1): conflict, only the person shared; (2, 3): conflict, but the same figure;
    # (0, 2): frames agree.
    differ = np.ones(3, dtype=bool)
    assert undated_clashes(raws, frames, nan, a[:3], b[:3], differ).tolist() == [
        True, False, False]
    # Headlines sharing a word family: no evidence of two happenings.
    assert undated_clashes(raws, frames, nan, a[:1], b[:1], ~differ[:1]).tolist() == [False]
    when = nan.copy()
    when[1] = 740_000.0  # one of the pair dated: the time window decides, not this rule
    assert undated_clashes(raws, frames, when, a[3:], b[3:], differ[:1]).tolist() == [False]


def test_a_specific_held_by_many_articles_keeps_no_link(monkeypatch) -> None:
    monkeypatch.setattr(undated_module, "SPECIFIC_MAX_DF", 1)
    raws = [_raw(c, {"e:harbor city": 1.0}) for c in "abc"]
    frames = [HEAR, CONFIRM, HEAR]
    out = undated_clashes(raws, frames, np.full(3, np.nan), np.array([0]), np.array([1]),
                          np.array([True]))
    assert out.tolist() == [True]  # the city is in every article: no specific



CHAPTER_WORDS = {"nominee": 2, "court": 2, "senate": 2, "judge": 1}


def _chapter(aid: str, title: str):
    art, facts = article(aid, CHAPTER_WORDS,
                         people=[("Dana Whitfield", "PERSON"), ("Judiciary Committee", "ORG")])
    return replace(art, title=title), replace(facts, sentences=())


TITLES = ["Panel holds hearing on nominee",
          "Lawmakers question nominee at hearing",
          "Panel holds long hearing for nominee",
          "Chamber confirms Whitfield in final tally",
          "Chamber confirms Whitfield after tally",
          "Whitfield confirmed by chamber"]


def test_undated_chapters_with_conflicting_frames_and_no_specific_stay_apart(
        reader, monkeypatch) -> None:
    items = [_chapter(f"{'h' if k < 3 else 'c'}{k}", t) for k, t in enumerate(TITLES)]
    settings = Settings(story_threshold=0.45)
    assert groups(run(items, settings)) == {frozenset({"h0", "h1", "h2"}),
                                            frozenset({"c3", "c4", "c5"})}
    monkeypatch.setattr(undated_module, "UNDATED_DISCOUNT", 1.0)
    assert len(run(items, settings)) == 1  # the same people and nouns: one story without it


def test_lead_month_days_skip_sentences_looking_back_or_ahead() -> None:
    from newsprism.stories.undated import calendar_gap, lead_month_days

    art, facts = undated("Claims fell in the week ending March 20. The count began in 2031. "
                         "A hearing is set for June 2", lead_sentences=3)
    assert lead_month_days(art, facts) == frozenset({80})  # March 20 of a leap year
    art, facts = undated("The plant shut on May 4 last year. Its owners will meet on July 9",
                         lead_sentences=2)
    assert lead_month_days(art, facts) == frozenset()  # looking back, then ahead
    assert calendar_gap(frozenset({355}), frozenset({10})) == 21  # Dec 20 / Jan 10
    assert calendar_gap(frozenset({80, 230}), frozenset({240})) == 10


def _weekly(aid: str, month_day: str, published: str | None = None):
    art, facts = article(aid, HIKE, published=published)
    text = f"The board met in the week ending {month_day}. " + art.text
    return (replace(art, text=text), replace(facts, sentences=(Sentence(aid, 0, len(text)),)))


def test_month_days_far_apart_in_two_leads_weigh_the_pair_down() -> None:
    from newsprism.stories.undated import month_day_clashes

    items = [_weekly("a", "March 20"), _weekly("b", "August 14"), _weekly("c", "March 30"),
             _weekly("d", "August 14", published="2031-08-15"),
             _weekly("e", "March 2", published="2031-03-03")]
    arts, facts = [x for x, _ in items], [f for _, f in items]
    days = np.array([np.nan, np.nan, np.nan, 1.0, 2.0])
    a, b = np.array([0, 0, 1, 3]), np.array([1, 2, 2, 4])
    # (0, 1) 147 days apart; (0, 2) ten days; (1, 2) far apart; (3, 4) both published: the
    # publish days decide.
    assert month_day_clashes(arts, facts, days, a, b).tolist() == [True, False, True, False]
    plain = [article("p", HIKE)]
    assert month_day_clashes(arts[:1] + [plain[0][0]], facts[:1] + [plain[0][1]],
                             np.full(2, np.nan), np.array([0]), np.array([1])).tolist() == [
        False]  # one lead states no month-day: no evidence


def test_undated_weekly_reports_of_different_weeks_stay_apart(monkeypatch) -> None:
    spring = [_weekly(f"s{k}", "March 20") for k in range(3)]
    summer = [_weekly(f"u{k}", "August 14") for k in range(3)]
    settings = Settings(story_threshold=0.45)
    assert groups(run(spring + summer, settings)) == {frozenset({"s0", "s1", "s2"}),
                                                      frozenset({"u0", "u1", "u2"})}
    monkeypatch.setattr(undated_module, "MONTH_DAY_DISCOUNT", 1.0)
    monkeypatch.setattr(weekcut, "STORY_CUT", False)  # the story-level cut would cut it too
    assert len(run(spring + summer, settings)) == 1  # the same words: one story without it
