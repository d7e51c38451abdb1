"""Bad input (issue 11): each bad file or item is one clear problem line; the run goes on."""

from __future__ import annotations

import gzip
import json
import os

import pytest

from newsprism.model import Article, InputProblem
from newsprism.readers import ReadStats, read_inputs

GOOD = ("The ferry service between the two islands resumed on Monday after a week of storms, "
        "the operator said, with extra sailings planned for the weekend.")


def _read(paths, settings):
    items = list(read_inputs([str(p) for p in paths], settings))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, InputProblem)])


def _bad_files(d):
    """name -> (bytes, expected words in the reason)."""
    gz = gzip.compress("".join(json.dumps({"id": f"g{i}", "text": f"{GOOD} {os.urandom(40).hex()}"})
                               + "\n" for i in range(200)).encode())
    return {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\n \t", "empty"),
        "empty.jsonl": (b"", "empty"),
        "empty.html": (b"", "empty"),
        "binary.txt": (os.urandom(64) + b"\x00\x01\x02" + os.urandom(2000), "binary"),
        "photo.html": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(3000), "binary"),
        "latin1.txt": (("Caf\u00e9 society: " + GOOD).encode("latin-1"), "not valid UTF-8"),
        "truncated.jsonl.gz": (gz[: len(gz) // 2], "truncated gzip"),
        "notgzip.jsonl.gz": (b"this is not gzip at all", "gzip"),
        "bomb.html": (b"<html><body>" + b"<div>" * 100_000 + b"<p>x</p>" + b"</div>" * 100_000 +
                      b"</body></html>", "HTML bomb"),
        "xxe.rss": (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    b"<rss><channel><title>&x;</title></channel></rss>", "entity"),
        "notafeed.xml": (b"<?xml version='1.0'?><config><a>1</a></config>", "feed"),
        "broken.warc": (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabc",
                        "WARC"),
    }


def test_each_bad_file_is_one_problem_and_the_good_one_is_read(tmp_path, settings):
    expected = {}
    for name, (data, words) in _bad_files(tmp_path).items():
        (tmp_path / name).write_bytes(data)
        expected[name] = words
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    stats = ReadStats()
    items = list(read_inputs([str(tmp_path)], settings, stats=stats))
    arts = [i for i in items if isinstance(i, Article)]
    probs = [i for i in items if isinstance(i, InputProblem)]
    by_file: dict[str, list[str]] = {}
    for p in probs:
        by_file.setdefault(p.source.split(":")[0].rsplit("/", 1)[-1], []).append(p.reason)
    for name, words in expected.items():
        assert name in by_file, f"{name}: no problem reported"
        assert any(words.lower() in r.lower() for r in by_file[name]), (name, by_file[name])
        assert not any(r.startswith("reader error") for r in by_file[name]), (name, by_file[name])
    # Every problem line names its file and says why in one line.
    assert all("\n" not in str(p) and p.reason for p in probs)
    # The readable part of the truncated gzip is kept; the good file is read.
    assert {a.id for a in arts} >= {"g1", "g2", arts[-1].id}
    assert any(a.source.endswith("good.txt") for a in arts)
    assert stats.problems == len(probs)


def test_fifty_megabyte_single_line_files(tmp_path, settings):
    big_txt = tmp_path / "big.txt"
    big_jsonl = tmp_path / "big.jsonl"
    line = b"word " * 10_000_000  # 50 MB, no newline
    big_txt.write_bytes(line)
    big_jsonl.write_bytes(b'{"id": "huge", "text": "' + line + b'"}\n' +
                          json.dumps({"id": "after", "text": GOOD}).encode() + b"\n")
    arts, probs = _read([big_txt, big_jsonl], settings)
    assert [a.id for a in arts] == ["after"]
    assert "file too large" in probs[0].reason and "50.0 MB" in probs[0].reason
    assert probs[1].source.endswith("big.jsonl:1") and "line longer than" in probs[1].reason


def test_json_lines_with_wrong_types(tmp_path, settings):
    f = tmp_path / "types.jsonl"
    rows = [json.dumps({"id": "ok", "text": GOOD}), '{"id": "a", "text": 42}',
            '{"id": {"x": 1}, "text": "t"}', '{"id": "b", "text": "t", "title": ["x"]}',
            '{"id": "c", "text": "t", "published": 20200708}', "[1, 2, 3]", '"just a string"',
            '{"id": "d", "text": "   "}', '{"id": true, "text": "t"}', "{broken json",
            '{"id": "e"}', "\xff\xfe"]
    f.write_bytes("\n".join(rows).encode("utf-8", "surrogateescape").replace(
        "\xff\xfe".encode(), b"\xff\xfe"))
    arts, probs = _read([f], settings)
    assert [a.id for a in arts] == ["ok"]
    lines = [int(p.source.rsplit(":", 1)[1]) for p in probs]
    assert lines == list(range(2, len(rows) + 1))
    reasons = " | ".join(p.reason for p in probs)
    for words in ("'text' must be a string, got int", "'id' must be a string or integer",
                  "'title' must be a string or null, got list", "'published' must be a string",
                  "expected a JSON object, got list", "'text' is empty", "broken JSON line",
                  "not valid UTF-8"):
        assert words in reasons


def test_other_scripts_are_kept_and_marked(tmp_path, settings):
    from newsprism.clean.article import clean_article

    texts = {
        "ar": "قال وزير الدفاع إن الاتفاق العسكري الجديد سيعزز التعاون بين البلدين في مواجهة "
              "الضغوط الخارجية، وأضاف أن العمل المشترك سيستمر خلال الأشهر المقبلة.",
        "ru": "Министр обороны заявил, что новое военное соглашение укрепит сотрудничество "
              "между двумя странами и поможет противостоять внешнему давлению.",
        "zh": "国防部长表示，新的军事协议将加强两国之间的合作，"
              "共同应对外部压力，双方将在未来几个月继续合作。",
        "el": "Ο υπουργός Άμυνας δήλωσε ότι η νέα στρατιωτική συμφωνία θα ενισχύσει τη συνεργασία "
              "μεταξύ των δύο χωρών.",
    }
    for code, text in texts.items():
        (tmp_path / f"{code}.txt").write_text(text, encoding="utf-8")
    arts, probs = _read([tmp_path], settings)
    assert not probs and len(arts) == len(texts)
    for a in arts:
        cleaned = clean_article(a, settings)
        assert cleaned.language == a.source.rsplit("/", 1)[-1][:2]
        assert cleaned.text == a.text  # nothing in another script is mistaken for boilerplate


def test_utf16_with_bom_is_read(tmp_path, settings):
    f = tmp_path / "u16.txt"
    f.write_bytes(GOOD.encode("utf-16"))
    arts, probs = _read([f], settings)
    assert not probs and arts[0].text == GOOD


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without permissions")
def test_unreadable_file(tmp_path, settings):
    f = tmp_path / "locked.txt"
    f.write_text(GOOD, encoding="utf-8")
    f.chmod(0)
    _, probs = _read([f], settings)
    assert "cannot read file" in probs[0].reason


def test_dangling_symlink_and_missing_file(tmp_path, settings):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    _, probs = _read([link, tmp_path / "missing.jsonl"], settings)
    assert [p.reason for p in probs] == ["no such file or folder"] * 2


def test_overlong_article_is_cut_and_the_cut_recorded(settings):
    from newsprism.clean.article import clean_article

    small = settings.replace(max_article_chars=1000)
    art = Article(id="x", source="s", text="\n\n".join(f"{GOOD} Item {i}." for i in range(40)))
    cleaned = clean_article(art, small)
    assert len(cleaned.text) <= 1000
    assert int(dict(cleaned.metadata)["text_cut_from_chars"]) == len(art.text.strip())
    assert art.text.startswith(cleaned.text) and art.text[len(cleaned.text)] in " \n"
