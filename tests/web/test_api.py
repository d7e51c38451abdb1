"""The JSON API: the report contract's data, search and filters, errors as JSON."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsprism.storage.report import article_json, story_json
from newsprism.storage.search import query_words
from newsprism.storage.store import Store

from .factory import make_report


def test_story_list_has_counts_and_outlets(client: TestClient) -> None:
    r = client.get("/api/v1/stories")
    assert r.status_code == 200
    rows = {s["id"]: s for s in r.json()["stories"]}
    assert set(rows) == {"s1", "s2"}
    assert rows["s1"]["n_articles"] == 3
    assert rows["s1"]["n_conflicts"] == 2
    assert rows["s1"]["n_quotes"] == 2
    assert "Daily Copy" in rows["s1"]["outlets"]


def test_story_is_the_contract_form(client: TestClient) -> None:
    report = make_report(evil=True)
    plain = story_json(report.stories[0])
    body = client.get("/api/v1/stories/s1").json()
    assert body["schema"] == "newsprism/1"
    # The contract form plus the fields added in newsprism/1 for outlets (lean coverage).
    assert body["story"] == plain | {"lean_coverage": body["story"]["lean_coverage"],
                                     "blindspot": None}
    assert set(body["story"]["lean_coverage"]) == {"left", "lean-left", "center",
                                                   "lean-right", "right"}
    assert sorted(a["id"] for a in body["articles"]) == ["c1", "o1", "w1"]
    w1 = {a["id"]: a for a in body["articles"]}["w1"]
    # The contract form, plus the outlet entity it belongs to (listed in `outlets`).
    assert w1 == article_json(report.articles[0]) | {"outlet_id": w1["outlet_id"]}
    assert w1["outlet_id"] in {o["id"] for o in body["outlets"]}
    assert [(p["a"], p["b"]) for p in body["reuse"]] == [("c1", "w1")]


def test_article_names_its_story(client: TestClient) -> None:
    body = client.get("/api/v1/articles/o1").json()
    assert body["article"]["outlet"] == "Own Voice"
    assert body["story_id"] == "s1"


@pytest.mark.parametrize("path", ["/api/v1/stories/nope", "/api/v1/articles/nope",
                                  "/api/v1/stories/" + "x" * 129])
def test_missing_things_are_json_errors(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 422)
    assert r.headers["content-type"].startswith("application/json")
    assert "detail" in r.json()


def test_search_and_date_filter(client: TestClient) -> None:
    ids = lambda **q: [s["id"] for s in client.get("/api/v1/stories", params=q).json()["stories"]]  # noqa: E731
    assert ids(q="bridge") == ["s1"]
    assert ids(q="tram") == ["s2"]
    assert ids(since="2024-05-01") == ["s1"]
    assert ids(until="2024-04-30") == ["s2"]
    assert ids(since="2024-05") == ["s1"]
    assert ids(limit=1) == ["s1"] and ids(limit=1, offset=1) == ["s2"]


INJECTIONS = ["' OR '1'='1", "'; DROP TABLE stories; --", "\" OR 1=1 --", "%", "_",
              "bridge' UNION SELECT id, data FROM articles --", "\\", "%' --"]


@pytest.mark.parametrize("q", INJECTIONS)
def test_sql_injection_in_search_does_nothing(client: TestClient, store: Store, q: str) -> None:
    before = store.counts()
    r = client.get("/api/v1/stories", params={"q": q})
    assert r.status_code == 200
    # Matched as words, never as SQL or FTS syntax: the same stories as the words alone.
    words = query_words(q)
    plain = client.get("/api/v1/stories", params={"q": " ".join(words)}).json()["stories"] \
        if words else []
    assert r.json()["stories"] == plain
    assert client.get("/", params={"q": q}).status_code == 200
    assert store.counts() == before
    assert len(client.get("/api/v1/stories").json()["stories"]) == 2


@pytest.mark.parametrize("value", ["2024' OR '1'='1", "2024-01-01; DROP TABLE stories",
                                   "1=1", "2024-13-01'--"])
def test_sql_injection_in_date_filters_is_refused(client: TestClient, store: Store,
                                                  value: str) -> None:
    before = store.counts()
    for name in ("since", "until"):
        assert client.get("/api/v1/stories", params={name: value}).status_code == 422
        page = client.get("/", params={name: value})
        assert page.status_code == 422 and "is not a date" in page.text
    assert store.counts() == before


@pytest.mark.parametrize("ident", ["s1' OR '1'='1", "s1; DROP TABLE stories", "' OR 1=1 --"])
def test_sql_injection_in_ids_finds_nothing(client: TestClient, ident: str) -> None:
    assert client.get(f"/api/v1/stories/{ident}").status_code == 404
    assert client.get(f"/api/v1/articles/{ident}").status_code == 404
    assert client.get(f"/stories/{ident}").status_code == 404


def test_out_of_range_paging_is_refused(client: TestClient) -> None:
    assert client.get("/api/v1/stories", params={"limit": 0}).status_code == 422
    assert client.get("/api/v1/stories", params={"limit": 10**9}).status_code == 422
    assert client.get("/api/v1/stories", params={"offset": -1}).status_code == 422
    assert client.get("/api/v1/stories", params={"q": "x" * 201}).status_code == 422


def test_openapi_without_cdn(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/stories" in spec["paths"]
    assert "/api/v1/uploads" in spec["paths"]
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    page = client.get("/api").text
    assert "/api/v1/stories/{story_id}" in page
    assert "cdn" not in page.lower()


def test_whole_report(client: TestClient) -> None:
    body = client.get("/api/v1/report").json()
    assert body["schema"] == "newsprism/1"
    assert {s["id"] for s in body["stories"]} == {"s1", "s2"}
    assert len(body["articles"]) == 4


def test_a_retired_story_id_redirects_on_the_page_and_the_api(client: TestClient,
                                                               store: Store) -> None:
    live = client.get("/api/v1/stories").json()["stories"][0]["id"]
    store.commit_analysis([], [], removed=[], done=[], redirects={"retired-story": live})
    client.app.state.reads.cache.clear()
    page = client.get("/stories/retired-story", follow_redirects=False)
    assert page.status_code == 308
    assert page.headers["location"] == f"/stories/{quote(live, safe='')}"
    assert client.get("/stories/retired-story").status_code == 200
    api = client.get("/api/v1/stories/retired-story", follow_redirects=False)
    assert api.status_code == 308
    assert client.get("/api/v1/stories/retired-story").json()["story"]["id"] == live
    assert client.get("/stories/never-was").status_code == 404
    assert client.get("/api/v1/stories/never-was").status_code == 404


def test_search_finds_a_word_only_in_an_article_body(client: TestClient) -> None:
    # "repairs" is in t1's text only: not in a story title, an entity name, an article title
    # or an outlet (the search before issue 22 looked at titles and names only).
    story = client.get("/api/v1/stories/s2").json()
    assert "repairs" not in story["story"]["title"].lower()
    assert all("repairs" not in (a["title"] or "").lower() for a in story["articles"])
    assert "repairs" in story["articles"][0]["text"]
    body = client.get("/api/v1/stories", params={"q": "repairs"}).json()
    assert [s["id"] for s in body["stories"]] == ["s2"]
    assert (body["total"], body["next"], body["sort"]) == (1, None, "relevance")
    assert client.get("/api/v1/stories", params={"q": "repairs bridge"}).json()["total"] == 0


@pytest.fixture()
def many(tmp_path) -> TestClient:
    from newsprism.settings import Settings
    from newsprism.storage.store import open_store
    from newsprism.web.app import create_app

    s = open_store(f"sqlite:///{tmp_path / 'many.db'}")
    s.save_report(make_report(n_filler=12))
    return TestClient(create_app(Settings(), s))


def test_lists_carry_total_and_a_next_link_that_walks_every_page(many: TestClient) -> None:
    url, seen, totals = "/api/v1/stories?q=filler&limit=5", [], set()
    while url:
        body = many.get(url).json()
        assert (body["limit"], body["offset"]) == (5, len(seen))  # the old fields stay
        seen += [s["id"] for s in body["stories"]]
        totals.add(body["total"])
        url = body["next"]
    assert totals == {12} and len(seen) == len(set(seen)) == 12
    assert many.get("/api/v1/stories", params={"limit": 500}).json()["total"] == 14


def test_outlet_filter_and_sort(client: TestClient) -> None:
    def ids(**params: str) -> list[str]:
        return [s["id"] for s in client.get("/api/v1/stories", params=params).json()["stories"]]

    assert ids(outlet="Own Voice") == ["s1"]
    assert ids(outlet="daily copy") == ["s1", "s2"]  # one outlet whatever the case
    assert ids(outlet="o-ownvoice") == ["s1"]  # by the outlet id the report gives it
    assert ids(outlet="Nobody Here") == []
    assert ids(sort="outlets") == ["s1", "s2"]
    rows = client.get("/api/v1/stories").json()["stories"]
    assert "o-ownvoice" in rows[0]["outlet_ids"] and rows[0]["n_outlets"] == 3
    assert client.get("/api/v1/stories", params={"sort": "best"}).status_code == 422
    assert client.get("/api/v1/stories", params={"lean": "up"}).status_code == 422
    # No profiles: no outlet has a lean, so a lean filter finds nothing (nothing is guessed).
    assert ids(lean="left") == []


@pytest.mark.parametrize("path", ["/api/v1/stories", "/"])
@pytest.mark.parametrize("name", ["since", "until"])
@pytest.mark.parametrize("value", ["2019-13-45", "2024-02-30", "2024-00"])
def test_impossible_dates_are_422_on_every_endpoint_that_takes_one(
        client: TestClient, path: str, name: str, value: str) -> None:
    r = client.get(path, params={name: value})
    assert r.status_code == 422
    if path.startswith("/api/"):
        assert r.headers["content-type"].startswith("application/json")
        assert r.json()["detail"][0]["loc"] == ["query", name]
    else:
        assert "is not a date" in r.text
    assert client.get(path, params={name: "2024-02-29"}).status_code == 200


def test_lean_filter_and_list_bar_follow_the_users_profiles(store: Store, tmp_path) -> None:
    from newsprism.settings import Settings
    from newsprism.web.app import create_app

    profiles = tmp_path / "outlets.toml"
    profiles.write_text('[[outlet]]\nname = "Own Voice"\nlean = "left"\n\n'
                        '[[outlet]]\nname = "Daily Copy"\nlean = "right"\n', encoding="utf-8")
    app = TestClient(create_app(Settings(outlets_file=str(profiles)), store))

    def ids(**params: str) -> list[str]:
        return [s["id"] for s in app.get("/api/v1/stories", params=params).json()["stories"]]

    assert ids(lean="left") == ["s1"]
    assert ids(lean="right") == ["s1", "s2"]
    assert ids(lean="center") == []
    rows = {s["id"]: s for s in app.get("/api/v1/stories").json()["stories"]}
    assert rows["s1"]["lean_coverage"]["left"] == 1 and rows["s1"]["lean_coverage"]["right"] == 1
    page = app.get("/", params={"lean": "left"})
    assert page.status_code == 200 and "1 story found" in page.text
    assert 'class="lean-bar mini"' in page.text and '<option value="left" selected>' in page.text
