"""Issue 23: hostile inputs the readers must survive with one problem line each.

Each test here failed on the main of the issue and names the numbered item it covers.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import threading

import pytest

from newsprism.model import Article, InputProblem
from newsprism.readers import ReadStats, read_inputs
from newsprism.readers.fetch import is_public
from newsprism.readers.html import nesting_depth
from newsprism.settings import Settings

WORDS = " ".join(f"word{i}" for i in range(60))


def _read(paths: list[str], settings: Settings | None = None, timeout: float = 60.0
          ) -> list[Article | InputProblem]:
    """Everything read, in a thread: a reader that hangs fails the test instead of the suite."""
    out: list[Article | InputProblem] = []
    worker = threading.Thread(target=lambda: out.extend(
        read_inputs(paths, settings or Settings(), stats=ReadStats())), daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), f"reading {paths} did not finish in {timeout} s"
    return out


def _problems(items: list[Article | InputProblem]) -> list[InputProblem]:
    return [i for i in items if isinstance(i, InputProblem)]


def _articles(items: list[Article | InputProblem]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


# -- item 1: the HTML depth check is linear -------------------------------------------------

def _in_subprocess(code: str, timeout: float) -> None:
    """Run `code` in a child: the regex engine holds the interpreter lock, so a thread
    could not be timed out. The bound is on the child's CPU seconds (RLIMIT_CPU), not wall
    seconds: at a load average of 40 on 2 cores, 20 wall seconds were not enough for linear
    work; a wall bound 30 times longer still catches a child that waits forever."""
    import signal
    import subprocess
    import sys

    limit = (f"import resource; resource.setrlimit(resource.RLIMIT_CPU, "
             f"({int(timeout)}, {int(timeout) + 1})); ")
    try:
        done = subprocess.run([sys.executable, "-c", limit + code], timeout=timeout * 30,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish in {timeout * 30} s: {code[:80]}")
    assert done.returncode != -signal.SIGXCPU, f"over {timeout} CPU seconds: {code[:80]}"
    assert done.returncode == 0, f"exit {done.returncode}: {code[:80]}"


def test_unclosed_tag_soup_depth_check_is_linear():
    """`<a` without `>` made the tag pattern scan to the end of the input from every `<`.
    200 kB of it (minutes on the old pattern) must take far under the bound: the bound is a
    guard against a hang, the growth itself is measured in benchmarks/fuzz.py."""
    _in_subprocess("from newsprism.readers.html import nesting_depth as d; "
                   "d(b'<html><body><p>x</p></body></html>' + b'<a' * 100_000)", 20)


def test_depth_still_counts_real_nesting():
    assert nesting_depth(b"<div>" * 50 + b"</div>" * 50) == 50
    assert nesting_depth(b"<div><div x='1'><span>a</span></div></div>") == 3
    assert nesting_depth(b"<div>" * 500) > 400


def test_txt_starting_with_html_and_tag_soup_finishes(tmp_path):
    path = tmp_path / "soup.txt"
    path.write_bytes(b"<html><body><p>x</p></body></html>" + b"<a" * 50_000)
    _in_subprocess("from newsprism.readers import read_inputs as r; "
                   "from newsprism.settings import Settings as S; "
                   f"x = list(r([{str(path)!r}], S())); assert len(x) == 1, x", 60)


# -- item 3: one bad byte never reaches a sink ------------------------------------------------

def test_file_name_with_invalid_utf8_is_read_with_a_printable_source(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsencode(folder) + b"/bad\xff\xfename.txt"
    with open(name, "wb") as f:
        f.write(WORDS.encode())
    items = _read([str(folder)])
    (article,) = _articles(items)
    article.source.encode("utf-8")  # no lone surrogate left
    assert "bad" in article.source and "\ufffd" in article.source


def test_lone_surrogate_in_title_is_replaced(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x1", "text": WORDS, "title": "bad \ud800 title",
                                "outlet": "Out\udfff"}) + "\n")
    (article,) = _articles(_read([str(path)]))
    assert article.title == "bad \ufffd title" and article.outlet == "Out\ufffd"
    json.dumps(article.title, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("bad_id", ["sur\ud800rogate", "nul\x00id", "x" * 129, "ctl\x1bid",
                                    "   "])
def test_bad_id_is_one_problem_and_the_good_lines_are_read(tmp_path, bad_id):
    path = tmp_path / "a.jsonl"
    lines = [{"id": "good-1", "text": WORDS}, {"id": bad_id, "text": WORDS + " other"},
             {"id": "good-2", "text": WORDS + " third"}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    items = _read([str(path)])
    ids = [a.id for a in _articles(items)]
    problems = _problems(items)
    if bad_id.strip():
        assert ids == ["good-1", "good-2"]
        assert len(problems) == 1 and problems[0].source.endswith(":2")
        assert "id" in problems[0].reason
    else:  # a blank id is no id: the text's stable id is used
        assert len(ids) == 3 and not problems


def test_problem_lines_carry_no_control_bytes_or_surrogates(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "bad\x1b[31mred\ud800", "text": WORDS}) + "\n")
    (problem,) = _problems(_read([str(path)]))
    for text in (problem.source, problem.reason):
        text.encode("utf-8")
        assert "\x1b" not in text


# -- item 5: a truncated uncompressed WARC is reported -----------------------------------------

def _warc_bytes(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i in range(n):
        body = (f"<html><head><title>Page {i}</title></head><body><article><p>{WORDS} "
                f"number {i}.</p><p>{WORDS}</p></article></body></html>").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://example.org/{i}", "response", payload=io.BytesIO(body),
            http_headers=http))
    return buf.getvalue()


def test_truncated_plain_warc_is_one_problem_and_no_stub_article(tmp_path):
    whole = _warc_bytes(2)
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[:len(whole) - 300])
    items = _read([str(path)])
    problems = _problems(items)
    assert len(problems) == 1 and "truncated" in problems[0].reason
    assert all(len(a.text) > 200 for a in _articles(items))


def test_whole_plain_warc_has_no_problem(tmp_path):
    path = tmp_path / "whole.warc"
    path.write_bytes(_warc_bytes(2))
    items = _read([str(path)])
    assert not _problems(items) and len(_articles(items)) == 2


def test_warc_problem_reason_holds_no_raw_bytes(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"WARC/1.0\r\n\x1b[2J\x07" + bytes(range(1, 32)) * 20)
    for p in _problems(_read([str(path)])):
        assert not any(ord(c) < 32 for c in p.reason), p.reason


# -- item 6: only regular files are read -------------------------------------------------------

def test_fifo_named_txt_in_a_folder_is_one_problem_not_a_hang(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "ok.txt").write_text(WORDS)
    items = _read([str(folder)], timeout=20)
    assert len(_articles(items)) == 1
    (problem,) = _problems(items)
    assert problem.source.endswith("pipe.txt") and "regular file" in problem.reason


def test_fifo_given_by_name_is_one_problem(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    (problem,) = _read([str(tmp_path / "pipe.jsonl")], timeout=20)
    assert isinstance(problem, InputProblem) and "regular file" in problem.reason


# -- item 10: partial holds ----------------------------------------------------------------------

def test_utf16_feed_declaring_entities_is_refused(tmp_path):
    feed = ('<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY a "aaaa">]>'
            '<rss version="2.0"><channel><title>T</title><item><title>&a;</title>'
            f'<description>{WORDS}</description></item></channel></rss>')
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"feed-{codec}.rss"
        data = feed.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        path.write_bytes(data)
        items = _read([str(path)])
        assert len(items) == 1 and isinstance(items[0], InputProblem), (codec, items)
        assert "entit" in items[0].reason


@pytest.mark.parametrize("address", ["64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::1",
                                     "2002:c0a8:101::", "64:ff9b:1::a9fe:a9fe",
                                     "2001:db8::1", "::ffff:10.0.0.1", "100.64.0.1"])
def test_ssrf_check_decodes_nat64_and_6to4(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1::1",
                                     "64:ff9b::5db8:d822", "2002:5db8:d822::1"])
def test_ssrf_check_keeps_public_addresses(address):
    assert is_public(address)


def test_long_text_cut_is_reported(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text((WORDS + "\n") * 200)
    settings = Settings(max_article_chars=5_000)
    items = _read([str(path)], settings)
    (article,) = _articles(items)
    (problem,) = _problems(items)
    assert len(article.text) <= 5_000
    assert "cut" in problem.reason and str(len((WORDS + "\n") * 200)) in problem.reason


def test_long_jsonl_records_are_cut_when_read(tmp_path):
    """Item 2: a reader hands on no more than max_article_chars per article, so a file of
    many huge records does not hold them all at full size."""
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt") as f:
        for i in range(5):
            f.write(json.dumps({"id": f"r{i}", "text": f"{i} " + WORDS * 100}) + "\n")
    items = _read([str(path)], Settings(max_article_chars=2_000))
    assert len(_articles(items)) == 5 and len(_problems(items)) == 5
    assert all(len(a.text) <= 2_000 for a in _articles(items))


# -- item 2 and "work per input bounded by its size": compressed inputs ------------------------

def test_gzip_bomb_jsonl_is_cut_with_one_problem(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    line = (json.dumps({"id": "x", "text": "a " * 1_000_000}) + "\n").encode()
    with gzip.open(path, "wb") as f:
        for i in range(60):  # 120 MB of text in well under 1 MB of file
            f.write(line.replace(b'"x"', f'"x{i}"'.encode()))
    items = _read([str(path)], timeout=120)
    problems = [p for p in _problems(items) if "zip bomb" in p.reason]
    assert len(problems) == 1
    assert len(_articles(items)) < 60


def test_gzip_bomb_warc_is_cut_with_one_problem(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "bomb.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        body = b"<html><body><p>" + b"a " * 900_000 + b"</p></body></html>"
        for i in range(40):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://example.org/{i}", "response", payload=io.BytesIO(body),
                http_headers=http))
    problems = [p for p in _problems(_read([str(path)], timeout=120)) if "zip bomb" in p.reason]
    assert len(problems) == 1


# -- a FIFO put in place of a file after the stat check (the readers that open files
#    themselves): the open does not block, and it is one problem line -------------------------

@pytest.mark.parametrize("name, reader", [("x.jsonl", "read_jsonl"), ("x.jsonl.gz", "read_jsonl"),
                                          ("x.json", "read_json"), ("x.warc", "read_warc")])
def test_fifo_swapped_in_after_the_check_is_one_problem_not_a_hang(tmp_path, name, reader):
    import importlib

    module = importlib.import_module("newsprism.readers." + ("warc" if "warc" in reader
                                                             else "jsonl"))
    path = tmp_path / name
    os.mkfifo(path)
    out: list[Article | InputProblem] = []
    # the reader is called past the dispatcher's stat check, as if the file was swapped then
    worker = threading.Thread(target=lambda: out.extend(
        getattr(module, reader)(path, str(path), Settings())), daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock the open so the thread ends, then fail
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(5)
        pytest.fail(f"{reader} blocked on a FIFO")
    (problem,) = out
    assert isinstance(problem, InputProblem) and problem.reason.startswith("not a regular file")


def test_sniffing_a_fifo_does_not_block(tmp_path):
    from newsprism.readers.folder import sniff_form

    os.mkfifo(tmp_path / "pipe")
    out: list[str | None] = []
    worker = threading.Thread(target=lambda: out.append(sniff_form(tmp_path / "pipe")),
                              daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():
        os.close(os.open(tmp_path / "pipe", os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
        pytest.fail("sniff_form blocked on a FIFO")
    assert out == ["text"]  # the text reader then reports it (not a regular file)


def test_files_skipped_in_a_folder_are_one_problem_each(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(WORDS)
    (folder / "notes.md").write_text("our notes")
    (folder / "gold.json").write_text("{}")
    (folder / "link.txt").symlink_to(folder / "ok.txt")
    (folder / ".hidden.txt").write_text(WORDS)  # hidden files are not walked at all
    items = _read([str(folder)])
    assert len(_articles(items)) == 1
    reasons = {p.source.rsplit("/", 1)[-1]: p.reason for p in _problems(items)}
    assert sorted(reasons) == ["gold.json", "link.txt", "notes.md"]
    assert "not a supported type" in reasons["notes.md"]
    assert ".json" in reasons["gold.json"] and "symbolic link" in reasons["link.txt"]
    assert all("\n" not in r for r in reasons.values())
