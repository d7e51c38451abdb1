"""Names in the headline (stories/headnames.py): two undated reports whose headlines each
name someone the other report never mentions are weighed apart. Made-up articles only."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsprism.model import Mention
from newsprism.settings import Settings
from newsprism.stories import headnames
from newsprism.stories.headnames import headline_names, headname_factors
from test_stories_events import HIKE, article, groups, run


def _report(aid: str, title: str, party: str, published: str | None = None,
            text_extra: str = ""):
    """A made-up rate-hike report headlined `title`, whose text mentions `party` (a
    PERSON) besides the shared people, and optionally `text_extra`."""
    art, facts = article(aid, HIKE, published=published)
    text = f"{art.text} {party} spoke. {text_extra}".strip()
    start = len(art.text) + 1
    mention = Mention(aid, start, start + len(party), party, "PERSON")
    return (replace(art, title=title, text=text),
            replace(facts, mentions=facts.mentions + (mention,)))


def test_headline_names_are_name_words_of_the_headline() -> None:
    art, facts = _report("a", "Powell rebukes Smith on plan", "Ann Smith")
    # "powell" (the shared PERSON) and "smith"; "reserve" (the ORG's last word) is not there.
    assert headline_names(art, facts) == frozenset({"powell", "smith"})
    # A possessive headline word is read as the name.
    art, facts = _report("p", "Smith’s plan rebuked", "Ann Smith")
    assert headline_names(art, facts) == frozenset({"smith"})
    art, facts = _report("b", "", "Ann Smith")
    assert headline_names(art, facts) == frozenset()


def test_headname_factors_need_each_headline_to_name_someone_the_other_never_mentions() -> None:
    items = [_report("a", "Powell rebukes Smith", "Ann Smith"),
             _report("b", "Powell rebukes Jones", "Bo Jones"),
             _report("c", "Powell rebukes Jones", "Bo Jones", text_extra="Smith listened."),
             _report("d", "Powell speaks", "Bo Jones"),
             _report("e", "Powell rebukes Smith", "Ann Smith", published="2031-03-03"),
             _report("f", "Powell rebukes Jones", "Bo Jones", published="2031-03-04")]
    arts, facts = [x for x, _ in items], [f for _, f in items]
    days = np.array([np.nan, np.nan, np.nan, np.nan, 1.0, 2.0])
    a, b = np.array([0, 0, 0, 4, 1]), np.array([1, 2, 3, 5, 4])
    # (0, 1) each headline's other party absent from the other text; (0, 2) c mentions
    # Smith; (0, 3) d's headline names only the shared Powell; (4, 5) both published;
    # (1, 4) one undated, each names its own party.
    assert headname_factors(arts, facts, days, a, b).tolist() == [
        headnames.HEADNAME_DISCOUNT, 1.0, 1.0, 1.0, headnames.HEADNAME_DISCOUNT]
    assert headnames.HEADNAME_DISCOUNT < 1.0


def test_undated_reports_headlining_different_parties_stay_apart(monkeypatch) -> None:
    smith = [_report(f"s{k}", "Powell rebukes Smith over rate hike", "Ann Smith")
             for k in range(3)]
    jones = [_report(f"j{k}", "Powell rebukes Jones over rate hike", "Bo Jones")
             for k in range(3)]
    settings = Settings(story_threshold=0.6)  # nearly the same words across
    assert groups(run(smith + jones, settings)) == {
        frozenset({"s0", "s1", "s2"}), frozenset({"j0", "j1", "j2"})}
    monkeypatch.setattr(headnames, "HEADNAME_DISCOUNT", 1.0)
    assert len(run(smith + jones, settings)) == 1  # one story without the rule
