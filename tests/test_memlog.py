"""NEWSPRISM_MEMORY_LOG: resident memory by step of a run (issue 23), off unless asked."""

from __future__ import annotations

from newsprism import memlog


def test_memory_by_step_is_logged_only_when_asked(tmp_path, monkeypatch):
    seen: list[tuple[str, int, int]] = []

    def progress(step: str, done: int, total: int) -> None:
        seen.append((step, done, total))

    monkeypatch.delenv(memlog.VARIABLE, raising=False)
    assert memlog.logged(progress) is progress
    memlog.mark("nothing")  # no file named: nothing written anywhere
    path = tmp_path / "memory.log"
    monkeypatch.setenv(memlog.VARIABLE, str(path))
    update = memlog.logged(progress)
    steps = [("reading", 1, 0), ("reading", 2, 0), ("reading", 3, 3), ("articles", 32, 40),
             ("articles", 40, 40), ("reuse", 0, 1), ("reuse", 1, 1), ("stories", 1, 3),
             ("stories", 2, 3), ("stories", 3, 3)]
    for s in steps:
        update(*s)
    memlog.mark("report write")
    assert seen == steps
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [ln.split(": ")[0].split(" ", 1)[1] for ln in lines] == [
        "reading 1/?", "reading 3/3", "articles 32/40", "articles 40/40", "reuse 0/1",
        "reuse 1/1", "stories 1/3", "stories 2/3", "stories 3/3", "report write"]
    rss, peak = memlog.memory_mb()
    assert 0 < rss <= peak
    assert " MB, peak " in lines[0] and lines[0].endswith(" s")


def test_memory_is_read_from_the_status_file(tmp_path):
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nVmHWM:\t  2097152 kB\nVmRSS:\t  1048576 kB\n")
    assert memlog.memory_mb(status) == (1024, 2048)
    assert memlog.memory_mb(tmp_path / "missing") == (0, 0)
