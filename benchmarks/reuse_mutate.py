"""Synthetic reuse for benchmarks: copies of real articles with edits, reorders, truncations
and splices. Generated in memory at bench time from a seed; never written to the repository.

Each mutant records its source, so a benchmark can tell planted reuse from chance overlap; the
recall measure itself uses true shingle Jaccard, not these labels.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

KINDS = ("light", "reorder", "truncate", "splice", "heavy")
WEIGHTS = (0.3, 0.2, 0.2, 0.15, 0.15)


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    text: str
    source: str | None = None  # id of the original a mutant was made from
    kind: str = "original"
    outlet: str | None = None


def _edit_words(words: list[str], rate: float, vocab: Sequence[str], rng: random.Random
                ) -> list[str]:
    """Replace, insert or delete about `rate` of the words (in runs of 1-3, like rewording)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if rng.random() < rate / 2:
            run = rng.randint(1, 3)
            op = rng.random()
            if op < 0.5:
                out.extend(rng.choice(vocab) for _ in range(run))
                i += run
            elif op < 0.75:
                out.extend(rng.choice(vocab) for _ in range(run))
            else:
                i += run
            continue
        out.append(words[i])
        i += 1
    return out


def _paragraphs(text: str) -> list[str]:
    paras = [p for p in text.split("\n") if p.strip()]
    return paras or [text]


def mutate(doc: Doc, other: Doc, kind: str, vocab: Sequence[str], rng: random.Random,
           new_id: str) -> Doc:
    paras = _paragraphs(doc.text)
    if kind == "reorder":
        rng.shuffle(paras)
        rate = rng.uniform(0.0, 0.05)
    elif kind == "truncate":
        keep = max(1, round(len(paras) * rng.uniform(0.3, 0.95)))
        paras = paras[:keep]
        rate = rng.uniform(0.0, 0.05)
    elif kind == "splice":
        mine = paras[:max(1, round(len(paras) * rng.uniform(0.3, 0.8)))]
        theirs = _paragraphs(other.text)
        paras = mine + theirs[:max(1, round(len(theirs) * rng.uniform(0.2, 0.6)))]
        rate = rng.uniform(0.0, 0.05)
    elif kind == "heavy":
        rate = rng.uniform(0.1, 0.4)
    else:
        rate = rng.uniform(0.0, 0.1)
    text = "\n\n".join(" ".join(_edit_words(p.split(), rate, vocab, rng)) for p in paras)
    return Doc(new_id, text, doc.id, kind)


def generate(originals: Sequence[Doc], total: int, seed: int = 7) -> list[Doc]:
    """`total` documents: the originals (cut to `total` if needed) plus mutants of them,
    shuffled deterministically."""
    rng = random.Random(seed)
    docs = list(originals[:total])
    vocab = [w for d in originals[:200] for w in d.text.split()[:200]] or ["word"]
    n = len(originals)
    for k in range(total - len(docs)):
        src = originals[rng.randrange(n)]
        other = originals[rng.randrange(n)]
        kind = rng.choices(KINDS, WEIGHTS)[0]
        docs.append(mutate(src, other, kind, vocab, rng, f"mut{k:06d}-{src.id}"))
    rng.shuffle(docs)
    return docs
