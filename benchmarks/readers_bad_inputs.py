"""Feeds every kind of bad input to `read_inputs` and prints what happened, one line each.

    .venv/bin/python benchmarks/readers_bad_inputs.py

The list in docs/readers.md is this script's output. Each input is written to a temporary
folder; the run reads them all in one call, together with one good file, and shows that the
good article still comes through.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import time
from pathlib import Path

from newsprism.model import Article
from newsprism.readers import ReadStats, read_inputs
from newsprism.settings import Settings

GOOD = ("The ferry service between the two islands resumed on Monday after a week of storms, "
        "the operator said, with extra sailings planned for the weekend.")


def cases() -> dict[str, bytes]:
    lines = "".join(json.dumps({"id": f"g{i}", "text": f"{GOOD} {os.urandom(30).hex()}"}) + "\n"
                    for i in range(100)).encode()
    gz = gzip.compress(lines)
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01" + os.urandom(4000),
        "image-named.html": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(3000),
        "latin1.txt": ("Caf\u00e9 " + GOOD).encode("latin-1"),
        "truncated.jsonl.gz": gz[: len(gz) // 2],
        "not-gzip.jsonl.gz": b"plain text with a .gz name",
        "one-line-50MB.txt": b"word " * 10_000_000,
        "one-line-50MB.jsonl": b'{"id": "huge", "text": "' + b"word " * 10_000_000 + b'"}\n',
        "deep-nesting.html": b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000,
        "billion-laughs.rss": (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{lol}]>'
                               "<rss><channel><title>&l9;</title></channel></rss>").encode(),
        "xxe.rss": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   b"<rss><channel><title>&x;</title></channel></rss>",
        "wrong-types.jsonl": b'{"id": "a", "text": 42}\n{"id": "b", "text": "t", "title": []}\n'
                             b'[1, 2]\n{"id": {"x": 1}, "text": "t"}\n{broken\n',
        "dup-a.jsonl": json.dumps({"id": "same", "text": GOOD}).encode(),
        "dup-b.jsonl": json.dumps({"id": "same", "text": "Different text."}).encode(),
        "dup-identical.jsonl": json.dumps({"id": "same", "text": GOOD}).encode(),
        "arabic.txt": ("قال وزير الدفاع إن الاتفاق العسكري الجديد "
                       "سيعزز التعاون بين البلدين").encode(),
        "broken.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabc",
        "good.txt": GOOD.encode(),
    }


def main() -> int:
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in cases().items():
            (Path(tmp) / name).write_bytes(data)
        stats = ReadStats()
        start = time.perf_counter()
        for item in read_inputs([tmp], settings, stats=stats):
            if isinstance(item, Article):
                print(f"article  {Path(item.source).name}  id={item.id}")
            else:
                print(f"problem  {str(item).replace(tmp + '/', '')}")
        took = time.perf_counter() - start
    print(f"\n{stats.files} files, {stats.articles} articles, {stats.problems} problems, "
          f"{stats.duplicates} identical duplicates skipped, {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
