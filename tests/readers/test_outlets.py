"""Outlets as entities: one outlet per publisher across spellings and domains, neutral labels
for unnamed ones, profiles the user keeps, and the ratings importer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Article, Report
from newsprism.outlets import (
    display_name,
    domain_label,
    host_of,
    import_ratings,
    load_profiles,
    outlet_label,
    parse_lean,
    resolve_outlets,
)
from newsprism.storage.report import report_json


def art(aid: str, outlet: str | None = None, url: str | None = None,
        source: str | None = None, published: str | None = None) -> Article:
    return Article(id=aid, source=source or f"/srv/data/{aid}_0a1b2c.txt", text="Some text.",
                   outlet=outlet, url=url, published=published)


def test_case_and_leading_the_make_one_outlet() -> None:
    index = resolve_outlets([art("a", "FOX"), art("b", "fox"), art("c", "Fox"),
                             art("d", "The Guardian"), art("e", "GUARDIAN")])
    assert len(index.outlets) == 2
    assert index.by_article["a"] == index.by_article["b"] == index.by_article["c"]
    assert index.name_of("b") == "FOX"
    assert index.by_article["d"] == index.by_article["e"]
    assert index.name_of("e") == "The Guardian"  # the mixed-case spelling is shown


def test_domain_and_name_join_and_the_host_names_an_unnamed_article() -> None:
    index = resolve_outlets([art("a", "CNN"), art("b", url="https://edition.cnn.com/x/y"),
                             art("c", url="https://www.example-news.co.uk/story/1")])
    assert index.by_article["a"] == index.by_article["b"]
    assert index.of("a").domains == ("cnn.com",)
    assert index.name_of("c") == "example-news.co.uk"
    assert index.of("c").known


def test_file_names_are_never_outlets_and_unknowns_stay_apart() -> None:
    articles = [art("x1", "000_a6b6bc9408c3359f.txt", published="2024-01-02"),
                art("x2", published="2024-01-01"), art("k", "Daily Post")]
    index = resolve_outlets(articles)
    names = {index.name_of(a.id) for a in articles}
    assert not any(".txt" in n or "/srv" in n for n in names)
    assert index.name_of("x2") == "unknown outlet 1"  # numbered in publication order
    assert index.name_of("x1") == "unknown outlet 2"
    assert not index.of("x1").known and index.of("k").known
    for a in articles:  # the story-free label is no file name either
        assert ".txt" not in outlet_label(a) and "/srv" not in outlet_label(a)


def test_small_helpers() -> None:
    assert host_of("https://www.jpost.com/middle-east/1") == "jpost.com"
    assert host_of("/home/me/page.html") is None and host_of("javascript:alert(1)") is None
    assert domain_label("news.bbc.co.uk") == "bbc" and domain_label("jpost.com") == "jpost"
    assert display_name("THE DAILY POST") == "The Daily Post"
    assert display_name("page_12.html") is None


@pytest.mark.parametrize(("raw", "shown"), [
    ("USA TODAY", "USA Today"),  # an abbreviation keeps its capitals (was "Usa Today")
    ("WKRN NEWS OF THE VALLEY", "WKRN News of the Valley"),  # no vowel: an abbreviation
    ("THE KELBY TV HOUR", "The Kelby TV Hour"),
    ("THE DAILY POST", "The Daily Post"),
    ("harbor post", "Harbor Post"),
])
def test_names_in_capitals_keep_their_abbreviations(raw: str, shown: str) -> None:
    assert display_name(raw) == shown


@pytest.mark.parametrize(("raw", "lean"), [
    ("Left", "left"), ("Lean Left", "lean-left"), ("left-center", "lean-left"),
    ("Center", "center"), ("Least Biased", "center"), ("right-center", "lean-right"),
    ("Lean Right", "lean-right"), ("Far Right", "right"), ("-2", "left"), ("1", "lean-right"),
    ("Mixed", None), ("", None), ("7", None)])
def test_parse_lean(raw: str, lean: str | None) -> None:
    assert parse_lean(raw) == lean


def test_profiles_from_toml_and_csv_match_by_domain_and_name(tmp_path: Path) -> None:
    toml = tmp_path / "outlets.toml"
    toml.write_text('[[outlet]]\nname = "The Daily Post"\ndomains = ["dailypost.example"]\n'
                    'country = "GB"\nlean = "lean-right"\nlean_source = "our desk"\n\n'
                    '[[outlet]]\nname = "Bad Lean"\nlean = "sideways"\n', encoding="utf-8")
    profiles, problems = load_profiles(toml)
    assert [p.name for p in profiles] == ["The Daily Post", "Bad Lean"]
    assert len(problems) == 1 and "sideways" in str(problems[0])
    index = resolve_outlets([art("a", url="https://www.dailypost.example/a"),
                             art("b", "daily post"), art("c", "Other Paper"),
                             art("d", url="https://sport.dailypost.example/x")], profiles)
    assert index.by_article["a"] == index.by_article["b"] == index.by_article["d"]
    assert index.of("a").lean == "lean-right" and index.of("a").lean_source == "our desk"
    assert index.of("c").lean is None
    csv_file = tmp_path / "outlets.csv"
    csv_file.write_text("name,domains,lean\nRiver Gazette,rivergazette.example,center\n",
                        encoding="utf-8")
    (gazette,), _ = load_profiles(csv_file)
    assert gazette.domains == ("rivergazette.example",) and gazette.lean == "center"


def test_import_ratings_merges_into_the_profile_file(tmp_path: Path) -> None:
    into = tmp_path / "outlets.toml"
    into.write_text('[[outlet]]\nname = "The Daily Post"\nowner = "Post Group"\n',
                    encoding="utf-8")
    table = tmp_path / "ratings.csv"
    table.write_text("News Source,Website,Bias Rating\n"
                     "Daily Post,https://dailypost.example,Lean Right\n"
                     "River Gazette,rivergazette.example,Center\n"
                     "Odd One,odd.example,Mixed\n", encoding="utf-8")
    added, updated, problems = import_ratings(table, into, source="Ratings Org 2024")
    assert (added, updated) == (2, 1)
    assert len(problems) == 1 and "line 4" in str(problems[0])
    profiles = {p.name: p for p in load_profiles(into)[0]}
    post = profiles["The Daily Post"]
    assert post.lean == "lean-right" and post.owner == "Post Group"
    assert post.domains == ("dailypost.example",) and post.lean_source == "Ratings Org 2024"
    assert profiles["Odd One"].lean is None


def test_cli_outlets_import(tmp_path: Path) -> None:
    table = tmp_path / "ratings.csv"
    table.write_text("outlet,domain,bias\nRiver Gazette,rivergazette.example,left\n",
                     encoding="utf-8")
    into = tmp_path / "mine.toml"
    result = CliRunner().invoke(app, ["outlets", "import", str(table), "--into", str(into)])
    assert result.exit_code == 0, result.output
    assert "1 outlets added" in " ".join(result.output.split())
    (p,), _ = load_profiles(into)
    assert p.lean == "left" and p.lean_source == "ratings.csv"
    bad = tmp_path / "nonames.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["outlets", "import", str(bad), "--into", str(into)])
    assert result.exit_code != 0


def test_report_lists_outlets_and_every_article_points_at_one() -> None:
    articles = (art("a", "FOX"), art("b", "fox"), art("c"))
    data = report_json(Report(articles=articles, reuse=(), stories=()))
    ids = {o["id"] for o in data["outlets"]}
    assert len(data["outlets"]) == 2
    assert all(a["outlet_id"] in ids for a in data["articles"])
    by = {a["id"]: a for a in data["articles"]}
    assert by["a"]["outlet"] == by["b"]["outlet"] == "FOX"
    assert by["c"]["outlet"] is None  # the neutral label is never passed off as a name
    unknown = next(o for o in data["outlets"] if o["id"] == by["c"]["outlet_id"])
    assert unknown == {"id": unknown["id"], "name": "unknown outlet 1", "domains": [],
                       "country": None, "lean": None, "owner": None, "lean_source": None,
                       "known": False}
    json.dumps(data)


def test_seed_outlets(seeds_dir: Path, settings) -> None:  # noqa: ANN001
    from newsprism.clean.article import clean_article
    from newsprism.readers import read_inputs

    arts = [clean_article(a, settings) for a in read_inputs([str(seeds_dir)], settings)
            if isinstance(a, Article)]
    index = resolve_outlets(arts)
    names = sorted(index.name_of(a.id) for a in arts)
    assert "The Jerusalem Post" in names and "Track Persia" in names
    for a in arts:
        assert a.source.rsplit("/", 1)[-1] not in index.name_of(a.id)
    rest = [n for n in names if n not in ("The Jerusalem Post", "Track Persia")]
    assert len(rest) == 3
    assert all(n.startswith("unknown outlet ") for n in rest), rest


def _rated(*pairs: tuple[str, str, str | None]) -> tuple[list[Article], tuple]:
    """Articles (id, outlet, lean) and profiles giving each outlet its lean."""
    from newsprism.model import Outlet
    from newsprism.outlets import outlet_id

    arts = [art(aid, outlet, published=f"2024-01-0{i + 1}")
            for i, (aid, outlet, _) in enumerate(pairs)]
    profiles = tuple({o: Outlet(outlet_id(o), o, lean=lean) for _, o, lean in pairs}.values())
    return arts, profiles


def test_lean_coverage_counts_copies_once_and_marks_a_blindspot() -> None:
    from newsprism.outlets import lean_coverage

    arts, profiles = _rated(("w", "Wire", "center"), ("r1", "Right One", "right"),
                            ("r2", "Right Two", "lean-right"), ("r3", "Right Three", "right"),
                            ("r4", "Right Four", "right"), ("x", "Unrated", None))
    index = resolve_outlets(arts, profiles)
    ids = [a.id for a in arts]
    published = {a.id: a.published for a in arts}
    alone = {i: i for i in ids}
    counts, blind = lean_coverage(ids, index, alone, published)
    assert counts == {"left": 0, "lean-left": 0, "center": 1, "lean-right": 1, "right": 3}
    assert blind == "left"  # right-leaning outlets carry 4 of 5 rated sources (80%)
    # r1 reuses the wire: one independent source, counted under the first-published member.
    copied = alone | {"r1": "w"}
    counts, blind = lean_coverage(ids, index, copied, published)
    assert counts["center"] == 1 and counts["right"] == 2
    assert blind is None  # 3 of 4 rated independent sources: below 80%


def test_no_blindspot_from_too_few_rated_sources() -> None:
    from newsprism.outlets import lean_coverage

    arts, profiles = _rated(("a", "Right One", "right"), ("b", "Right Two", "right"))
    index = resolve_outlets(arts, profiles)
    ids = [a.id for a in arts]
    counts, blind = lean_coverage(ids, index, {i: i for i in ids}, {})
    assert counts["right"] == 2 and blind is None


def test_framing_of_two_spellings_of_one_outlet_is_joined() -> None:
    from newsprism.model import Framing, Story

    articles = (art("a", "Fox"), art("b", "FOX"))
    story = Story(id="s", title="t", article_ids=("a", "b"), framing=(
        Framing("e1", (("FOX", ("the minister", "Lind")), ("Fox", ("Lind", "Ms. Lind")))),))
    data = report_json(Report(articles=articles, reuse=(), stories=(story,)))
    (outlet,) = data["outlets"]
    assert data["stories"][0]["framing"][0]["by_outlet"] == {
        outlet["name"]: ["the minister", "Lind", "Ms. Lind"]}
