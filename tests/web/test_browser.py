"""End to end in a real headless Chromium (Debian's, driven by Playwright; never downloaded).

The app runs under uvicorn on 127.0.0.1 over a store holding the demo corpus. Screenshots go
to test-artifacts/ (git-ignored) so a person can look at what the test saw.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.settings import Settings
from newsprism.storage.report import report_json

from .serving import serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TOKEN = "e2e-token"

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _need_browser() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install --no-install-recommends "
                    "chromium; scripts/system-deps.sh does it)")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> dict:
    _need_browser()
    if not examples_dir.exists():
        pytest.skip(f"{examples_dir} is not present")
    from newsprism.service import run_analysis

    db = tmp_path_factory.mktemp("e2e") / "demo.db"
    report = run_analysis([str(examples_dir)], Settings(), db_url=f"sqlite:///{db}")
    return {"db": f"sqlite:///{db}", "report": report_json(report)}


@pytest.fixture(scope="module")
def server(demo: dict) -> Iterator[str]:
    with serving(Settings(db_url=demo["db"], token=TOKEN)) as base:
        yield base


@pytest.fixture(scope="module")
def browser(demo: dict) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    ARTIFACTS.mkdir(exist_ok=True)
    pg = browser.new_page(viewport={"width": 1366, "height": 850})  # type: ignore[attr-defined]
    urls: list[str] = []
    pg.on("request", lambda r: urls.append(r.url))
    pg.requested = urls
    yield pg
    pg.close()


def _shot(pg: object, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))  # type: ignore[attr-defined]


def test_open_story_click_citation_see_evidence(server: str, page, demo: dict) -> None:  # noqa: ANN001
    page.goto(server + "/")
    _shot(page, "e2e-01-story-list")
    biggest = max(demo["report"]["stories"], key=lambda s: len(s["article_ids"]))
    page.click(f"a.story-link[href='/stories/{biggest['id']}']")
    page.wait_for_selector(".summary-list")
    assert page.title().startswith(biggest["title"][:20])
    _shot(page, "e2e-02-story")
    assert page.locator("mark.active").count() == 0
    cite = page.locator(".summary-list a.cite").first
    keys = cite.get_attribute("data-ev").split()
    cite.click()
    page.wait_for_selector("mark.active")
    active = page.locator("mark.active")
    assert active.count() >= 1
    for i in range(active.count()):  # every lit mark is evidence of this citation
        assert set(keys) & set((active.nth(i).get_attribute("data-ev") or "").split())
    assert active.first.is_visible()
    # The highlighted words are the article's own text at the cited offsets.
    key = keys[0]
    n, start, end = (int(x) for x in key[1:].split("-"))
    column = page.locator(f"#src{n}")
    assert "active" in (column.get_attribute("class") or "")
    article_id = column.get_attribute("data-article")
    text = next(a["text"] for a in demo["report"]["articles"] if a["id"] == article_id)
    shown = "".join(page.locator(f"#src{n} mark.active").all_inner_texts())
    assert shown and shown.replace("\n", "")[:40] in text[start:end].replace("\n", "")
    _shot(page, "e2e-03-citation-evidence")
    assert all(u.startswith(server) for u in page.requested), "only our own server is asked"


def test_article_page_marks_findings_and_follows_hash(server: str, page, demo: dict) -> None:  # noqa: ANN001
    story = max(demo["report"]["stories"], key=lambda s: len(s["conflicts"]))
    conflict = story["conflicts"][0]
    span = conflict["versions"][0]["spans"][0]
    page.goto(f"{server}/stories/{story['id']}")
    n = page.locator(f".source[data-article='{span['article_id']}'] .src-n").inner_text()
    page.goto(f"{server}/articles/{span['article_id']}#a{n}-{span['start']}-{span['end']}")
    page.wait_for_selector("mark.active")
    assert page.locator("mark.m-contested").count() >= 1
    assert page.locator("mark.m-entity").count() >= 1
    _shot(page, "e2e-04-article")
    # The legend hides a kind of mark without reloading.
    box = page.locator(".legend input[data-kind='contested']")
    box.uncheck()
    assert "hide-contested" in (page.locator("body").get_attribute("class") or "")


def test_saved_report_works_offline(page, demo: dict, tmp_path: Path) -> None:  # noqa: ANN001
    from newsprism.web.render import render_report_html

    path = tmp_path / "report.html"
    path.write_text(render_report_html(demo["report"]), encoding="utf-8")
    page.goto(path.as_uri())
    page.locator("#story-1 .summary-list a.cite, #story-2 .summary-list a.cite").first.click()
    page.wait_for_selector("mark.active")
    _shot(page, "e2e-05-saved-report")
    assert all(u.startswith("file://") for u in page.requested), page.requested


def test_upload_from_the_page(server: str, page, tmp_path: Path) -> None:  # noqa: ANN001
    item = {"id": "e2e-upload-1", "outlet": "Upload <b>Test</b>", "title": "Ferry <i>resumes</i>",
            "published": "2024-03-20",
            "text": "The ferry between the two ports resumed service on Wednesday after a "
                    "month of repairs, the operator said."}
    f = tmp_path / "one.jsonl"
    f.write_text(json.dumps(item) + "\n", encoding="utf-8")
    page.goto(server + "/upload")
    page.set_input_files("input[name=files]", str(f))
    page.fill("input[name=token]", TOKEN)
    page.click("form.upload button")
    page.wait_for_selector(".flash")
    assert "1 new" in page.locator(".flash.ok").inner_text()
    page.goto(server + "/?q=ferry")
    assert page.locator("a.story-link").first.inner_text() == "Ferry <i>resumes</i>"
    _shot(page, "e2e-06-after-upload")
