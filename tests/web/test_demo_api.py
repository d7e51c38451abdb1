"""The API and pages over the demo corpus, analysed by the real line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.settings import Settings
from newsprism.storage.report import report_json
from newsprism.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> tuple[TestClient, dict]:
    if not examples_dir.exists():
        pytest.skip(f"{examples_dir} is not present")
    from newsprism.service import run_analysis

    db = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    report = report_json(run_analysis([str(examples_dir)], Settings(), db_url=db))
    return TestClient(create_app(Settings(db_url=db))), report


def test_api_gives_the_report_contract(demo: tuple[TestClient, dict]) -> None:
    client, report = demo
    listed = client.get("/api/v1/stories").json()["stories"]
    assert {s["id"] for s in listed} == {s["id"] for s in report["stories"]}
    for story in report["stories"]:
        body = client.get(f"/api/v1/stories/{story['id']}").json()
        assert body["story"] == story
        assert sorted(a["id"] for a in body["articles"]) == sorted(story["article_ids"])
    whole = client.get("/api/v1/report").json()
    assert {s["id"]: s for s in whole["stories"]} == {s["id"]: s for s in report["stories"]}
    assert {a["id"]: a for a in whole["articles"]} == {a["id"]: a for a in report["articles"]}


def test_every_citation_on_story_pages_has_its_evidence(demo: tuple[TestClient, dict]) -> None:
    client, report = demo
    for story in report["stories"]:
        html = client.get(f"/stories/{story['id']}").text
        ids = set(re.findall(r'id="([^"]+)"', html))
        cited = re.findall(r'class="cite" href="#([^"]+)"', html)
        assert len(cited) >= len(story["summary"])
        missing = [c for c in cited if c not in ids]
        assert not missing, missing[:5]


def test_story_page_shows_coverage_by_lean_from_the_profiles(
        demo: tuple[TestClient, dict], examples_dir: Path, tmp_path: Path) -> None:
    client, report = demo
    story = max(report["stories"], key=lambda s: len(s["article_ids"]))
    plain = client.get(f"/stories/{story['id']}").text
    assert 'class="lean-bar"' not in plain  # no profiles: no lean is guessed
    db = client.app.state.settings.db_url
    rated = TestClient(create_app(Settings(db_url=db,
                                           outlets_file=str(examples_dir.parent / "outlets.toml"))))
    body = rated.get(f"/api/v1/stories/{story['id']}").json()
    coverage = body["story"]["lean_coverage"]
    # Six articles, but the wire and its two copies are one independent source.
    assert sum(coverage.values()) == 4 and coverage["center"] == 1
    assert body["story"]["blindspot"] is None
    leans = {o["name"]: o["lean"] for o in body["outlets"]}
    assert leans["Marovia Today"] == "right" and leans["Meridian Press"] == "center"
    page = rated.get(f"/stories/{story['id']}").text
    assert 'class="lean-bar"' in page and "Lean right 1" in page
