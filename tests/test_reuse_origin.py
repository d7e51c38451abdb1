"""Origin rules: wire credits, publish times, containment, and saying None when unsure."""

from __future__ import annotations

import pytest

from newsprism.model import Article
from newsprism.reuse.origin import agency_of, decide_origin, wire_credits


@pytest.mark.parametrize("text,expected", [
    ("BEIRUT (AFP) - Officials said on Monday that talks would resume.", ("AFP",)),
    ("LONDON, July 8 (Reuters) - Shares fell sharply.", ("Reuters",)),
    ("Talks resumed on Monday, officials said.\n\n- AFP", ("AFP",)),
    ("Talks resumed on Monday.\nReuters contributed to this report.", ("Reuters",)),
    ("Talks resumed, with additional reporting from IRNA and Xinhua.", ("IRNA",)),
    ("A soldier stands guard in the city, Oct. 20, 2017. (AP)\n\nTalks resumed on Monday.", ()),
    ("(photo credit: RAHEB HOMAVANDI/REUTERS)\nTalks resumed on Monday.", ()),
    ("The ap said nothing; Fars province is large.", ()),
    ("", ()),
])
def test_wire_credits(text: str, expected: tuple[str, ...]) -> None:
    assert wire_credits(text) == expected


def test_agency_of_outlet_or_byline() -> None:
    assert agency_of(Article("a", "s", "t", outlet="Reuters")) == "Reuters"
    assert agency_of(Article("a", "s", "t", byline="Associated Press")) == "AP"
    assert agency_of(Article("a", "s", "t", outlet="The Daily Example")) is None


def test_published_days_decide() -> None:
    a = Article("a", "s", "x", published="2020-07-09")
    b = Article("b", "s", "y", published="2020-07-08")
    assert decide_origin(a, b, 0.5, 0.5) == ("b", "published")


def test_same_day_without_times_is_unknown() -> None:
    a = Article("a", "s", "x", published="2020-07-08")
    b = Article("b", "s", "y", published="2020-07-08T10:00")
    assert decide_origin(a, b, 0.5, 0.5)[0] is None


def test_times_with_zones_decide() -> None:
    a = Article("a", "s", "x", published="2020-07-08T10:00+00:00")
    b = Article("b", "s", "y", published="2020-07-08T12:30+02:00")  # 10:30 UTC
    assert decide_origin(a, b, 0.5, 0.5) == ("a", "published")


def test_wire_article_is_origin_of_its_credited_copy() -> None:
    wire = Article("b", "s", "Talks resumed.", outlet="Reuters")
    copy = Article("a", "s", "PARIS (Reuters) - Talks resumed.")
    assert decide_origin(copy, wire, 0.9, 0.9) == ("b", "wire credit")


def test_common_wire_source_is_not_an_origin() -> None:
    a = Article("a", "s", "PARIS (AFP) - Talks resumed.", published="2020-07-08")
    b = Article("b", "s", "PARIS (AFP) - Talks resumed.", published="2020-07-09")
    assert decide_origin(a, b, 0.9, 0.9) == (None, "common wire source: AFP")


def test_containment_and_conflict() -> None:
    a, b = Article("a", "s", "x"), Article("b", "s", "y")
    assert decide_origin(a, b, 0.95, 0.4) == ("a", "containment")
    late = Article("a", "s", "x", published="2020-07-10")
    early = Article("b", "s", "y", published="2020-07-08")
    origin, basis = decide_origin(late, early, 0.95, 0.4)
    assert origin is None and basis and basis.startswith("conflicting")


def test_a_dateline_crediting_the_other_outlet_names_the_origin():
    from newsprism.model import Article
    from newsprism.reuse.origin import dateline_credit, decide_origin

    wire = Article(id="w", source="w", outlet="Lakeside Wire", published="2030-05-02",
                   text="LAKESIDE, May 2 (Lakeside Wire) - The bridge reopened on Friday.")
    copy = Article(id="c", source="c", outlet="The Valley Times", published="2030-05-02",
                   text="LAKESIDE, May 2 (Lakeside Wire) - The bridge reopened on Friday.")
    other = Article(id="o", source="o", outlet="Hill Post", published="2030-05-02",
                    text="LAKESIDE (Lakeside Wire) -- The bridge reopened on Friday.")
    assert dateline_credit(copy.text) == "lakeside wire"
    assert decide_origin(wire, copy, 0.9, 0.9) == ("w", "wire credit")
    assert decide_origin(copy, wire, 0.9, 0.9) == ("w", "wire credit")
    # two copies of an outlet outside the pair: neither copied the other
    assert decide_origin(copy, other, 0.9, 0.9) == (None, "common wire source: lakeside wire")
    generic = Article(id="g", source="g", outlet="X", text="CITY (Agencies) -- Words.")
    assert dateline_credit(generic.text) is None
