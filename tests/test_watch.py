"""`newsprism watch`: polls feeds (conditionally) and folders into a store; new articles reach
their stories; a stop signal ends it cleanly between polls."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from feedserver import news_site
from newsprism.settings import Settings
from newsprism.storage import open_store
from newsprism.watch import Watcher

pytestmark = pytest.mark.slow

GOOD = ("Harbourtown, May 3 - The council of Harbourtown voted on Monday to build a new sea "
        "wall after two winters of flooding, the mayor said. The wall will cost about 12 "
        "million euros and should be finished by 2027, according to the council.\n")


@pytest.fixture
def polite() -> Settings:
    return Settings().replace(allow_private_fetch=True, fetch_host_delay=0.0, fetch_retries=0,
                              fetch_timeout=5.0)


def _story_of(store, article_id: str) -> str | None:
    return next((sid for sid, ids in store.story_members().items() if article_id in ids), None)


def test_feed_is_polled_conditionally_and_new_items_join_stories(tmp_path, polite):
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    with news_site() as site:
        for _ in range(3):
            site.publish()
        watcher = Watcher([site.base + "/feed.xml"], store, polite)
        try:
            first = watcher.poll()
            assert first.new_articles == 3 and not first.problems
            assert len(store.article_ids()) == 3
            assert all(_story_of(store, a) for a in store.article_ids())

            quiet = watcher.poll()  # nothing published: the server answers 304
            assert quiet.new_articles == 0 and quiet.unchanged == 1
            assert site.not_modified == 1
            assert all(hits == 1 for hits in site.page_hits.values())  # no page fetched twice

            site.publish()
            third = watcher.poll()
            assert third.new_articles == 1
            assert third.stories_touched >= 1
            assert len(store.article_ids()) == 4
            assert site.page_hits == {1: 1, 2: 1, 3: 1, 4: 1}  # old items were not refetched
        finally:
            watcher.close()
            store.close()


def test_a_new_watcher_on_an_old_store_fetches_no_stored_page_again(tmp_path, polite):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with news_site() as site:
        site.publish()
        site.publish()
        for expected_new in (2, 0):
            store = open_store(url)
            watcher = Watcher([site.base + "/feed.xml"], store, polite)
            try:
                assert watcher.poll().new_articles == expected_new
            finally:
                watcher.close()
                store.close()
        assert site.page_hits == {1: 1, 2: 1}


def test_folder_files_are_read_once_and_again_when_changed(tmp_path, polite):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    watcher = Watcher([str(folder), str(tmp_path / "missing")], store, polite)
    try:
        first = watcher.poll()
        assert first.new_articles == 1
        assert [p.source for p in first.problems] == [str(tmp_path / "missing")]
        again = watcher.poll()
        assert again.new_articles == 0 and again.unchanged == 1
        (folder / "b.txt").write_text(GOOD.replace("sea wall", "flood gate"), encoding="utf-8")
        assert watcher.poll().new_articles == 1
        assert len(store.article_ids()) == 2
    finally:
        watcher.close()
        store.close()


def test_run_stops_between_polls_when_asked(tmp_path, polite):
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    watcher = Watcher([str(tmp_path)], store, polite)
    stop = threading.Event()
    seen: list[int] = []

    def on_poll(result) -> None:
        seen.append(result.new_articles)
        if len(seen) == 2:
            stop.set()

    try:
        t0 = time.monotonic()
        polls = watcher.run(every=1.0, stop=stop, on_poll=on_poll)
        assert polls == 2 and seen == [0, 0]
        assert time.monotonic() - t0 < 30  # the wait after the second poll was cut short
    finally:
        watcher.close()
        store.close()


def test_sigterm_stops_the_command_cleanly_with_everything_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "w.db"
    env = {**os.environ, "NEWSPRISM_ALLOW_PRIVATE_FETCH": "true"}
    proc = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "watch", str(folder),
                             "--db", f"sqlite:///{db}", "--every", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:  # until the first poll has stored the article
            if db.exists():
                try:
                    with sqlite3.connect(db) as conn:
                        if conn.execute("select count(*) from story_articles").fetchone()[0]:
                            break
                except sqlite3.Error:
                    pass
            time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "SIGTERM: stopping after the current poll" in err
    assert "stopped after" in err
    store = open_store(f"sqlite:///{db}")
    try:
        assert len(store.article_ids()) == 1
        assert not store.pending_ids()  # nothing half-joined
        assert Path(folder / "a.txt").exists()
    finally:
        store.close()
