"""The decoder cache under threads (issue 23): the web app decodes stories in a thread pool,
and a thread that found another thread's half-built decoder used to recurse until
RecursionError (a story page answered 500 under 50 clients on a cold cache)."""

from __future__ import annotations

import threading
import time

from newsprism.model import Story
from newsprism.storage import codec


def test_a_type_being_built_by_one_thread_is_not_used_by_another(monkeypatch):
    monkeypatch.setattr(codec, "_DECODERS", {})
    monkeypatch.setattr(codec, "_PENDING", {}, raising=False)
    real = codec._build
    building = threading.Event()

    def slow(cls):
        if cls is Story:
            building.set()
            time.sleep(0.3)  # the window another thread's request fell into
        return real(cls)
    monkeypatch.setattr(codec, "_build", slow)
    story = Story("s1", "Harbour wall delayed", ("a1", "a2"))
    data = codec.to_data(story)
    got: list[object] = []
    first = threading.Thread(target=lambda: got.append(codec.load(Story, data)))
    first.start()
    assert building.wait(5)
    got.append(codec.load(Story, data))  # while the first thread still builds
    first.join(5)
    assert got == [story, story]
