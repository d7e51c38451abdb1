"""A story list kept current by `newsprism watch`: the open page says when articles arrived
(polling /api/v1/changes), in a real headless Chromium."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from newsprism.service import read_articles, run_analysis
from newsprism.settings import Settings
from newsprism.storage import open_store

from .test_browser import ARGS, CHROMIUM, _free_port, _need_browser

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_changes_counts_what_the_store_holds(client) -> None:  # noqa: ANN001
    body = client.get("/api/v1/changes").json()
    assert set(body) == {"articles", "stories", "pending"}
    assert body["articles"] >= 1 and body["stories"] >= 1


def test_open_story_list_says_new_articles_arrived(tmp_path: Path, examples_dir: Path) -> None:
    _need_browser()
    import uvicorn
    from playwright.sync_api import sync_playwright

    from newsprism.service import analyze_into_store
    from newsprism.web.app import create_app

    files = sorted(p for p in examples_dir.rglob("*") if p.is_file()
                   and p.suffix in (".txt", ".html", ".jsonl"))
    if len(files) < 3:
        pytest.skip("the example corpus is not present")
    db = f"sqlite:///{tmp_path / 'live.db'}"
    settings = Settings(db_url=db, web_live_seconds=1.0)
    run_analysis([str(p) for p in files[:2]], settings, db_url=db)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 390, "height": 800})
            page.goto(f"http://127.0.0.1:{port}/")
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
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
