"""The JSON API: the report contract's data, search and filters, errors as JSON."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsprism.storage.report import article_json, story_json
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
    assert r.json()["stories"] == []  # matched as text: no story title holds these
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
        assert page.status_code == 200 and "is not a date" in page.text
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
