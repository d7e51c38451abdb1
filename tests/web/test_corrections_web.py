"""Corrections through the API and the story page's forms, over the hand-built web store:
writes need the token, a wrong-marked conflict is shown struck with the analyst's mark (not
removed), undo takes the mark away, and report.json lists the corrections."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _targets(client: TestClient, story_id: str = "s1") -> dict:
    r = client.get("/api/v1/corrections/targets", params={"story_id": story_id})
    assert r.status_code == 200, r.text
    return r.json()


def _wrong(client: TestClient, key: str, **extra: str) -> object:
    return client.post("/api/v1/corrections", json={"kind": "conflict.wrong", "story_id": "s1",
                                                    "key": key}, **extra)


def test_writes_need_the_token(client: TestClient, readonly: TestClient) -> None:
    key = _targets(client)["conflicts"][0]["key"]
    assert _wrong(readonly, key, headers=AUTH).status_code == 403  # no token configured
    assert readonly.delete("/api/v1/corrections/x", headers=AUTH).status_code == 403
    assert _wrong(client, key).status_code == 401
    assert _wrong(client, key, headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.delete("/api/v1/corrections/x").status_code == 401
    assert client.get("/api/v1/corrections").json()["corrections"] == []
    # The page's form: the token is a field; without it nothing is stored.
    r = client.post("/corrections", data={"story_id": "s1", "kind": "conflict.wrong",
                                          "key": key}, follow_redirects=False)
    assert r.status_code == 401 and "token" in r.text
    assert client.get("/api/v1/corrections").json()["corrections"] == []


def test_wrong_mark_shown_struck_then_undone(client: TestClient) -> None:
    before = client.get("/stories/s1").text
    assert "corrected by analyst" not in before and "<s>" not in before
    target = next(c for c in _targets(client)["conflicts"] if c["label"].startswith("quantity"))
    r = _wrong(client, target["key"], headers=AUTH)
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    story = client.get("/api/v1/stories/s1").json()["story"]
    marked = [c for c in story["conflicts"] if c["wrong"]]
    assert [c["about"] for c in marked] == ["how many residents"]
    assert marked[0]["corrections"] == [cid] and len(story["conflicts"]) == 2  # kept
    page = client.get("/stories/s1").text
    assert "corrected by analyst: marked wrong" in page
    assert "<s>About 300 residents</s>" in page and "<s>Thousands of residents</s>" in page
    assert cid in page  # listed in the corrections section, with its undo form
    assert _wrong(client, target["key"], headers=AUTH).status_code == 422  # already marked
    report = client.get("/api/v1/report").json()
    assert [(c["id"], c["kind"], c["status"], c["undone"]) for c in report["corrections"]] == \
        [(cid, "conflict.wrong", "applied", False)]
    r = client.delete(f"/api/v1/corrections/{cid}", headers=AUTH)
    assert r.status_code == 200 and r.json()["undone"] is True
    story = client.get("/api/v1/stories/s1").json()["story"]
    assert not any(c["wrong"] for c in story["conflicts"])
    assert "marked wrong" not in client.get("/stories/s1").text
    listed = client.get("/api/v1/corrections").json()["corrections"]
    assert [(c["id"], c["status"]) for c in listed] == [(cid, "undone")]
    assert client.delete("/api/v1/corrections/no-such", headers=AUTH).status_code == 404


def test_forms_post_with_the_token_and_come_back_to_the_story(client: TestClient) -> None:
    key = _targets(client)["consensus"][0]["key"]
    r = client.post("/corrections", data={"story_id": "s1", "kind": "consensus.wrong",
                                          "key": key, "token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/stories/s1#story-corrections"
    (made,) = client.get("/api/v1/corrections").json()["corrections"]
    assert made["kind"] == "consensus.wrong" and made["status"] == "applied"
    page = client.get("/stories/s1").text
    assert "consensus marked wrong" in page
    r = client.post(f"/corrections/{made['id']}/undo", data={"story_id": "s1", "token": TOKEN},
                    follow_redirects=False)
    assert r.status_code == 303
    assert client.get("/api/v1/corrections").json()["corrections"][0]["undone"] is True


def test_entity_merge_and_bad_requests(client: TestClient) -> None:
    names = [e["name"] for e in _targets(client)["entities"]]
    assert "Ana Lind" in names and len(names) == 2
    r = client.post("/api/v1/corrections", headers=AUTH, json={
        "kind": "entity.merge", "story_id": "s1", "entity": "Ana Lind",
        "other_entity": next(n for n in names if n != "Ana Lind")})
    assert r.status_code == 201, r.text
    story = client.get("/api/v1/stories/s1").json()["story"]
    assert [e["name"] for e in story["entities"]] == ["Ana Lind"]
    assert r.json()["id"] in story["corrections"]
    assert "corrected by analyst" in client.get("/stories/s1").text
    bad = [({"kind": "story.explode", "story_id": "s1"}, 422),
           ({"kind": "conflict.wrong", "story_id": "no-such-story", "key": "k"}, 404),
           ({"kind": "conflict.wrong", "story_id": "s1", "key": "no-such-key"}, 422),
           ({"kind": "story.merge", "story_id": "s1", "other_story_id": "s1"}, 422),
           ({"kind": "story.split", "story_id": "s1", "article_ids": ["zz"]}, 422),
           # A store filled from a saved report has no facts: re-running the stages would
           # empty the stories, so analysis-changing corrections are refused, saying why.
           ({"kind": "story.merge", "story_id": "s1", "other_story_id": "s2"}, 422)]
    for body, status in bad:
        r = client.post("/api/v1/corrections", headers=AUTH, json=body)
        assert r.status_code == status, (body, r.text)
    assert "analyze --db" in r.json()["detail"]
    assert len(client.get("/api/v1/corrections").json()["corrections"]) == 1
