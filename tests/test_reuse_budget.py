"""The reuse stage's alignment budget (issue 23, `reuse.budget`): under it every candidate
pair is aligned, as before; over it the pairs most alike by fingerprints are aligned up to
the budget and one problem line says so. Made-up words only."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsprism.model import Article
from newsprism.reuse import budget, index
from newsprism.settings import Settings
from newsprism.text import word_norms

LETTERS = "bcdfghklmnprstvz"
VOWELS = "aeiou"


def made_up_words(rng: random.Random, n: int) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(LETTERS) + rng.choice(VOWELS)
                        for _ in range(rng.randrange(2, 4))))
    return sorted(out)


def prose(rng: random.Random, vocab: list[str], n_words: int) -> str:
    """Sentences of 8-16 words drawn from `vocab`, in paragraphs of four."""
    sentences: list[str] = []
    left = n_words
    while left > 0:
        k = min(left, rng.randrange(8, 17))
        sentences.append(" ".join(rng.choice(vocab) for _ in range(k)).capitalize() + ".")
        left -= k
    return "\n\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))


def edited(rng: random.Random, text: str, vocab: list[str], changes: int) -> str:
    ws = text.split(" ")
    for _ in range(changes):
        ws[rng.randrange(len(ws))] = rng.choice(vocab)
    return " ".join(ws)


def art(id_: str, text: str) -> Article:
    return Article(id=id_, source=f"{id_}.txt", text=text)


def long_pair_corpus(seed: int) -> list[Article]:
    """A copied article (a few words changed) and long texts of ten common words, which
    share fingerprints by chance with one another (chance candidate pairs)."""
    rng = random.Random(seed)
    vocab = made_up_words(rng, 2000)
    common = vocab[:10]
    orig = prose(rng, vocab, 500)
    arts = [art("copy-a", orig), art("copy-b", edited(rng, orig, vocab, 6))]
    arts += [art(f"long-{i}", prose(rng, common, 3000)) for i in range(5)]
    return arts


def corpus(seed: int) -> list[Article]:
    """Short made-up articles, some copied with edits, some sharing one paragraph."""
    rng = random.Random(seed)
    vocab = made_up_words(rng, 1500)
    texts = [prose(rng, vocab, rng.randrange(60, 400)) for _ in range(12)]
    out = [art(f"a{i:02d}", t) for i, t in enumerate(texts)]
    for i in range(6):
        src = rng.choice(texts)
        if i % 2:
            text = edited(rng, src, vocab, rng.randrange(0, 8))
        else:
            text = src.split("\n\n")[0] + "\n\n" + prose(rng, vocab, 200)
        out.append(art(f"c{i:02d}", text))
    return out


def reuse_with(articles: list[Article], settings: Settings, monkeypatch, floor: int | None
               ) -> tuple[tuple, list, int]:
    """(find_reuse, its problem lines, characters aligned) with the budget's floor set to
    `floor` (and nothing per character), or with no budget (`floor` None)."""
    aligned = [0]
    real = index.align

    def counting(a, b, **kw):
        aligned[0] += len(a.text) + len(b.text)
        return real(a, b, **kw)

    with monkeypatch.context() as m:
        m.setattr(index, "align", counting)
        m.setattr(budget, "MIN_ALIGN_CHARS", 10**15 if floor is None else floor)
        m.setattr(budget, "ALIGN_CHARS_PER_CHARACTER", 0)
        lines: list = []
        with budget.reported_to(lines.append):
            found = index.find_reuse(articles, settings)
    return found, lines, aligned[0]


def candidate_chars(articles: list[Article], settings: Settings) -> int:
    ordered = sorted(articles, key=lambda a: a.id)
    pairs, _ = index.candidate_pairs([word_norms(a.text) for a in ordered], settings)
    return sum(len(ordered[i].text) + len(ordered[j].text) for i, j in pairs)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_under_the_budget_the_pairs_are_those_of_every_candidate_aligned(monkeypatch, seed):
    """Under the budget (the default, or one just at the candidates' characters) the same
    reuse pairs as with no budget, and no problem line."""
    settings = Settings()
    arts = corpus(seed)
    free, free_lines, free_chars = reuse_with(arts, settings, monkeypatch, None)
    assert free and not free_lines
    assert free_chars == candidate_chars(arts, settings)
    lines: list = []
    with budget.reported_to(lines.append):
        assert index.find_reuse(arts, settings) == free
    assert not lines
    just, just_lines, just_chars = reuse_with(arts, settings, monkeypatch, free_chars)
    assert just == free and not just_lines and just_chars == free_chars


def test_a_long_pair_over_the_budget_keeps_the_copy_and_says_so(monkeypatch):
    """Over a lowered budget: at most the budget's characters aligned, the copy (the pair
    most alike by fingerprints) still found as with no budget, one problem line."""
    settings = Settings()
    arts = long_pair_corpus(7)
    free, _, free_chars = reuse_with(arts, settings, monkeypatch, None)
    copy = [r for r in free if (r.a, r.b) == ("copy-a", "copy-b")]
    assert copy and copy[0].near_duplicate
    chance = candidate_chars(arts, settings) - len(arts[0].text) - len(arts[1].text)
    assert chance > 0  # the long texts make candidate pairs by chance
    limit = len(arts[0].text) + len(arts[1].text) + chance // 4
    found, lines, chars = reuse_with(arts, settings, monkeypatch, limit)
    assert chars <= limit < free_chars
    assert [r for r in found if (r.a, r.b) == ("copy-a", "copy-b")] == copy
    assert set(found) <= set(free)
    (line,) = lines
    assert line.source == "reuse stage" and line.reason.startswith("reuse limit: ")
    assert f"over the {limit:,} its" in line.reason and budget.LIMIT_DOUBT in line.reason


def test_pairs_in_budget_takes_the_most_alike_first():
    first, second = np.array([0, 0, 1, 2]), np.array([1, 2, 3, 3])
    shared = np.array([3, 40, 3, 10])
    sizes = np.array([50, 60, 500, 50])
    lengths = np.array([100, 100, 100, 100])
    # agreements 3/107, 40/510, 3/107, 10/540: pair 1 first, then 0 and 2 (tied: more shared,
    # then the lower index), then 3; 200 characters each
    assert budget.pairs_in_budget(first, second, shared, sizes, lengths, 800).all()
    assert budget.pairs_in_budget(first, second, shared, sizes, lengths, 450).tolist() == [
        True, True, False, False]
    assert budget.pairs_in_budget(first, second, shared, sizes, lengths, 199).tolist() == [
        False] * 4
    assert budget.align_budget(10) == budget.MIN_ALIGN_CHARS
    assert budget.align_budget(10**8) == budget.ALIGN_CHARS_PER_CHARACTER * 10**8


def test_the_limit_through_analyze_is_one_problem_line(monkeypatch, examples_dir):
    """Through `newsprism analyze`'s path: no reuse limit on the example corpus at the
    default budget; at a budget of nothing, one line and no reuse pair."""
    from newsprism.service import run_analysis

    plain = run_analysis([str(examples_dir)], Settings())
    assert plain.reuse and not [p for p in plain.problems if p.source == "reuse stage"]
    monkeypatch.setattr(budget, "MIN_ALIGN_CHARS", 0)
    monkeypatch.setattr(budget, "ALIGN_CHARS_PER_CHARACTER", 0)
    report = run_analysis([str(examples_dir)], Settings())
    lines = [p for p in report.problems if p.source == "reuse stage"]
    assert len(lines) == 1 and lines[0].reason.startswith("reuse limit: ")
    assert not report.reuse
