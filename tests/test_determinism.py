"""Story findings must not depend on Python's string-hash seed: Dask workers, resumed runs
and the web server are other processes, each with its own seed."""

from __future__ import annotations

import os
import subprocess
import sys

# Spans that start at the same place (a name and a longer description beginning with it)
# once came out in set order, so the framing differed from one process to the next.
SCRIPT = r"""
from newsprism.compare.framing import framing
from newsprism.storage.codec import to_data
from newsprism.model import Article, ArticleFacts, Descriptor, Entity, Mention

arts, facts, mentions = [], [], []
for k, outlet in enumerate(("North Post", "South Ledger", "East Wire")):
    aid = f"a{k}"
    arts.append(Article(id=aid, source=f"t:{aid}", text="x" * 200, outlet=outlet))
    ms = [Mention(aid, 10 * j, 10 * j + 12, "Idris Qaderi", "PERSON", entity_id="p1")
          for j in range(4)]
    mentions += ms
    facts.append(ArticleFacts(article_id=aid, descriptors=tuple(
        Descriptor(m.start, m.end, "Idris Qaderi Fact Check" + str(j), m.start, m.end + 11 + j)
        for j, m in enumerate(ms))))
entity = Entity(id="p1", name="Idris Qaderi", type="PERSON", aliases=(),
                article_ids=("a0", "a1", "a2"), mentions=tuple(mentions))
print(to_data(framing([entity], arts, facts)))
"""


def test_framing_is_the_same_under_every_hash_seed() -> None:
    outputs = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                              text=True, timeout=120, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert "Fact Check" in next(iter(outputs))  # the descriptors did reach the framing
