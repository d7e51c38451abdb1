"""A story list kept current by `newsprism watch`: the open page says when articles arrived
(polling /api/v1/changes), in a real headless Chromium."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsprism.service import read_articles, run_analysis
from newsprism.settings import Settings
from newsprism.storage import open_store

from .serving import serving
from .test_browser import ARGS, CHROMIUM, _need_browser

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_changes_counts_what_the_store_holds(client) -> None:  # noqa: ANN001
    body = client.get("/api/v1/changes").json()
    assert set(body) == {"articles", "stories", "pending"}
    assert body["articles"] >= 1 and body["stories"] >= 1


def test_open_story_list_says_new_articles_arrived(tmp_path: Path, examples_dir: Path) -> None:
    _need_browser()
    from playwright.sync_api import sync_playwright

    from newsprism.service import analyze_into_store

    files = sorted(p for p in examples_dir.rglob("*") if p.is_file()
                   and p.suffix in (".txt", ".html", ".jsonl"))
    if len(files) < 3:
        pytest.skip("the example corpus is not present")
    db = f"sqlite:///{tmp_path / 'live.db'}"
    settings = Settings(db_url=db, web_live_seconds=1.0)
    run_analysis([str(p) for p in files[:2]], settings, db_url=db)
    with serving(settings) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 800})
        page.goto(base + "/")
        live = page.locator("#live")
        time.sleep(2.5)  # two polls with nothing new: the marker stays hidden
        assert live.is_hidden()
        store = open_store(db)
        try:
            new, _ = read_articles([str(p) for p in files[2:4]], settings)
            analyze_into_store(store, new, settings)
        finally:
            store.close()
        page.wait_for_selector("#live:not([hidden])", timeout=15_000)
        text = live.inner_text()
        assert f"{len(new)} new article" in text and "since you opened" in text
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        browser.close()
