"""`nlp.parse_many`: texts go through spaCy in batches bounded by count and by characters
(the memory a worker holds parsed at once), in order, each text parsed as it would be alone."""

from __future__ import annotations

from newsprism.nlp.loader import parse_many


class RecordingPipe:
    """Stands in for a spaCy pipeline: records each `pipe` call's texts."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def pipe(self, texts, batch_size):
        group = list(texts)
        assert batch_size == len(group)
        self.calls.append(group)
        return (t.upper() for t in group)


def test_batches_are_bounded_by_count_and_characters_and_keep_the_order():
    texts = ["a" * 10, "b" * 10, "c" * 25, "d" * 5, "e" * 60, "f" * 1, "g" * 1, "h" * 1]
    nlp = RecordingPipe()
    out = list(parse_many(nlp, iter(texts), batch_size=2, max_chars=30))
    assert out == [t.upper() for t in texts]
    assert nlp.calls == [["a" * 10, "b" * 10], ["c" * 25, "d" * 5], ["e" * 60],  # alone: > 30
                         ["f", "g"], ["h"]]
    assert all(len(c) <= 2 and (len(c) == 1 or sum(map(len, c)) <= 30) for c in nlp.calls)


def test_small_batches_parse_as_one_big_batch(nlp, settings, examples_dir):
    from newsprism.service import read_articles

    articles, _ = read_articles([str(examples_dir)], settings)
    texts = [a.text for a in articles]
    assert len(texts) >= 7
    whole = list(nlp.pipe(texts, batch_size=len(texts)))
    small = list(parse_many(nlp, texts, batch_size=32, max_chars=1))  # one text a batch
    assert len(small) == len(whole)
    for a, b in zip(whole, small, strict=True):
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in a] == \
            [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in b]
