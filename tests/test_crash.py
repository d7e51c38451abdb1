"""Crash safety and idempotence of `newsprism analyze --db` (issue 11), SQLite and PostgreSQL.

The CLI runs in a subprocess and is SIGKILLed at chosen points while it writes to the store:
after a random number of articles has been stored, while the stories are computed and
committed, and at a random moment. After every kill the store must be consistent (each stored
article is in exactly one story or marked pending; nothing twice); the same command run again
must finish the job and leave exactly the store and report an uninterrupted run gives.

The corpus is generated from the fictional demo corpus (examples/corpus): variants of each
article (a new lead line, a closing note, dates shifted), so that there are reuse pairs
and multi-article stories to lose or duplicate.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsprism.service import UpdateStats, read_articles, run_analysis
from newsprism.storage.report import report_json
from newsprism.storage.store import metadata, open_store
from newsprism.stories.ids import first_key
from storecases import STORE_KINDS, make_store_url

BATCH = 3  # articles per checkpoint in these runs: many checkpoints to land a kill between
VARIANTS = 2


@pytest.fixture(params=STORE_KINDS)
def kind(request) -> str:
    return request.param


def make_corpus(examples: Path, settings, out: Path) -> int:
    base, _ = read_articles([str(examples)], settings)
    lines = []
    for art in sorted(base, key=lambda a: a.id):
        for v in range(VARIANTS):
            text = f"Desk update number {v + 1} on this report.\n\n{art.text}"
            if v:
                text += f"\n\nThis version adds note {v} from the desk."
            day = f"2024-03-{12 + v:02d}"
            lines.append(json.dumps({"id": f"{art.id}-v{v}", "text": text,
                                     "outlet": f"{art.outlet_label} {v}",
                                     "title": art.title, "published": day}))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def dump(url: str) -> dict[str, list[tuple]]:
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            # Redirects are the store's history of retired story ids, which a batch run over
            # the same articles has none of: every other row must be the batch result.
            return {name: sorted(tuple(r) for r in conn.execute(sa.select(t)))
                    for name, t in metadata.tables.items() if name != "story_redirects"}
    finally:
        store.close()


def check_consistent(url: str) -> dict[str, int]:
    """The invariant a kill must never break; returns the table counts."""
    store = open_store(url)
    try:
        counts = store.counts()
        ids = set(store.article_ids())
        members = store.story_members()
        pending = set(store.pending_ids())
        in_stories = [i for m in members.values() for i in m]
        assert len(in_stories) == len(set(in_stories)), "an article is in two stories"
        assert set(in_stories) | pending == ids, "an article is neither in a story nor pending"
        assert counts["facts"] == counts["articles"], "an article without facts, or the reverse"
        reuse_ids = {i for r in store.reuse() for i in (r.a, r.b)}
        assert reuse_ids <= ids
        return counts
    finally:
        store.close()


def _cli(corpus: Path, url: str, out: Path) -> subprocess.Popen:
    env = {**os.environ, "NEWSPRISM_SPACY_BATCH_SIZE": str(BATCH), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "newsprism.cli", "analyze", str(corpus),
                             "--db", url, "--out", str(out)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _kill_when(proc: subprocess.Popen, url: str, ready, timeout: float = 120) -> bool:
    """SIGKILL `proc` as soon as `ready(counts)` holds; False if it finished first."""
    store = open_store(url)
    try:
        deadline = time.monotonic() + timeout
        while proc.poll() is None and time.monotonic() < deadline:
            if ready(store.counts()):
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                return True
            time.sleep(0.02)
    finally:
        store.close()
    proc.wait()
    return False


@pytest.mark.slow
def test_killed_runs_resume_to_the_uninterrupted_result(kind, tmp_path, examples_dir, settings):
    small = settings.replace(spacy_batch_size=BATCH)
    corpus = tmp_path / "corpus.jsonl"
    n = make_corpus(examples_dir, small, corpus)
    ref_url = make_store_url(kind, tmp_path / "ref")
    (tmp_path / "ref").mkdir()
    reference = run_analysis([str(corpus)], small, db_url=ref_url)
    assert len(reference.articles) == n and any(len(s.article_ids) > 1
                                                for s in reference.stories)
    expected = dump(ref_url)

    url = make_store_url(kind, tmp_path)
    out = tmp_path / "report.json"
    rng = random.Random(11)
    first, second = rng.randint(1, n // 3), rng.randint(n // 3 + 1, 2 * n // 3)
    plans = [
        ("after some articles", lambda c: c["articles"] >= first),
        ("after more articles", lambda c: c["articles"] >= second),
        ("during the story step", lambda c: c["articles"] >= n),
    ]
    partial = 0
    for name, ready in plans:
        proc = _cli(corpus, url, out)
        if name == "during the story step":
            # All articles are stored: let the story stages run a random while, then kill.
            _kill_when(proc, url, lambda c: c["articles"] >= n)
            proc = _cli(corpus, url, out)
            time.sleep(rng.uniform(2.0, 4.0))
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        else:
            killed = _kill_when(proc, url, ready)
            assert killed, f"the run finished before the kill {name}: {proc.stderr.read()}"
        counts = check_consistent(url)
        partial += counts["pending"] > 0 or counts["articles"] < n
    assert partial >= 2, "the kills did not land while the store was being written"
    final = _cli(corpus, url, out)
    assert final.wait(timeout=300) == 0, final.stderr.read().decode(errors="replace")
    check_consistent(url)
    assert dump(url) == expected
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(report_json(reference)))


@pytest.mark.slow
def test_the_same_input_twice_gives_the_same_store_and_report(kind, tmp_path, examples_dir,
                                                               settings):
    url = make_store_url(kind, tmp_path)
    first = run_analysis([str(examples_dir)], settings, db_url=url)
    after_first = dump(url)
    stats = UpdateStats()
    second = run_analysis([str(examples_dir)], settings, db_url=url, stats=stats)
    assert stats.processed == 0 and stats.skipped == len(first.articles) and stats.pending == 0
    assert dump(url) == after_first
    assert second == first
    assert json.dumps(report_json(second)) == json.dumps(report_json(first))
    # Without a store the line gives the same report: ids are content hashes.
    assert dataclasses.replace(run_analysis([str(examples_dir)], settings), problems=()) \
        == dataclasses.replace(first, problems=())


@pytest.mark.slow
def test_adding_inputs_later_gives_the_batch_result(kind, tmp_path, examples_dir, settings):
    """Incremental: the second run parses only the new articles and re-runs the story stages
    only for the stories they change; the store ends as one batch run over everything."""
    files = sorted(p for p in examples_dir.iterdir() if p.is_file())
    part1, part2 = files[: len(files) // 2], files[len(files) // 2:]
    url = make_store_url(kind, tmp_path)
    run_analysis([str(p) for p in part1], settings, db_url=url)
    before = open_store(url)
    old_stories = before.story_members()
    before.close()
    stats = UpdateStats()
    run_analysis([str(p) for p in files], settings, db_url=url, stats=stats)
    n_new = len(read_articles([str(p) for p in part2], settings)[0])
    assert stats.processed == n_new and stats.skipped == stats.read - n_new
    assert stats.pending == n_new
    assert stats.stories_changed <= stats.stories
    (tmp_path / "batch").mkdir()
    batch_url = make_store_url(kind, tmp_path / "batch")
    run_analysis([str(examples_dir)], settings, db_url=batch_url)
    assert dump(url) == dump(batch_url)
    after = open_store(url)
    members = after.story_members()
    unchanged = {k: v for k, v in members.items() if old_stories.get(k) == v}
    # Every story id a reader saw before still opens a story: live, or redirected to the
    # story that holds most of its articles now.
    for old, old_members in old_stories.items():
        target = old if old in members else after.redirect(old)
        assert target in members, f"old story {old} resolves to nothing"
        assert set(old_members) & set(members[target])
    assert stats.redirects == sum(1 for k in old_stories if k not in members)
    after.close()
    assert stats.stories_changed == stats.stories - len(unchanged)
    assert 0 < stats.stories_changed_new <= stats.stories_changed


@pytest.mark.slow
def test_a_story_whose_id_changes_leaves_a_redirect(kind, tmp_path, examples_dir, settings):
    """A story id is its first article's: an earlier article arriving later retires the id.
    The saved link must still open the story (a redirect), and nothing else differs from a
    batch run."""
    batch = run_analysis([str(examples_dir)], settings)
    story = max(batch.stories, key=lambda s: len(s.article_ids))
    by_id = {a.id: a for a in batch.articles}
    first = min((by_id[i] for i in story.article_ids), key=first_key)
    files = sorted(p for p in examples_dir.iterdir() if p.is_file())
    later = [str(p) for p in files if not first.source.endswith(p.name)]
    assert len(later) == len(files) - 1
    url = make_store_url(kind, tmp_path)
    run_analysis(later, settings, db_url=url)
    before = open_store(url)
    old_ids = {sid for sid, ids in before.story_members().items()
               if set(ids) & set(story.article_ids)}
    before.close()
    stats = UpdateStats()
    run_analysis([str(p) for p in files], settings, db_url=url, stats=stats)
    after = open_store(url)
    try:
        members = after.story_members()
        assert story.id in members  # the batch id: the first article's
        retired = sorted(old_ids - set(members))
        assert retired, "the earlier article did not change the story's id"
        assert all(after.redirect(old) == story.id for old in retired)
        assert stats.redirects >= len(retired)
    finally:
        after.close()
