"""An act and its undoing are two events: "Bush administration eases species rules" and,
months later, "Obama overturns Bush species rule" share their people, their nouns and most of
their words, but the second tells of a new act (an overturning) whose object is the first.

An article's event frame (`frames.Frame`: the predicates and objects of its headline and
first sentence) undoes when one of its predicates is a verb of undoing an earlier act
(`UNDO_VERBS`: overturn, reverse, revoke, rescind, repeal, restore, ...). A pair where one
frame undoes and the other article has a frame with predicates but speaks of no undoing at
all, in its headline or lead (`UNDO_WORDS`), tells of the act and of its undoing (or of
something else): its edge weighs `UNDO_DISCOUNT`
(`cluster.similarity_graph` multiplies it into the factors of `undated.evidence_against`, so
`frames.rejoin_lone` may put a lone article back as for the other discounts).

As for opposed predicates (`frames.frames_opposed`), only pairs where one article has no
publish day count (`UNDO_UNDATED_ONLY`): two dated articles within the time window are close
in time already, and a report of an undoing and the reactions to it the same week are one
story. Evidence, not a veto: one report's headline may say "overturns" where another's says
"frees" for one court ruling.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..model import Article, ArticleFacts
from .features import family
from .frames import PREFIX, Frame
from .undated import lead_end

# Verbs whose object is an earlier act that they undo (lemmas; compared as frame families).
UNDO_VERBS = ("overturn reverse revoke rescind repeal overrule annul nullify invalidate "
              "restore reinstate undo retract")
# The same verbs as words of a text, in any form ("overturned", "reversal", "restoration").
UNDO_WORDS = re.compile(r"\b(?:overturn|revers|revok|rescind|repeal|overrul|annul|nullif|"
                        r"invalidat|restor|reinstat|retract)\w*|\bund(?:o|oes|one|oing|id)\b",
                        re.I)
# Chosen on ECB+ odd topics and NeuS lines 1-1226 (docs/stories.md, round 9): 0.4 or more
# leaves the species rules and their overturning in one story; 0.3 and 0.2 part them.
UNDO_DISCOUNT = 0.2  # 1: off
UNDO_UNDATED_ONLY = True


@lru_cache(maxsize=1)
def undo_families() -> frozenset[str]:
    """The frame families (`frames.PREFIX` letters of `features.family`) of `UNDO_VERBS`."""
    return frozenset(family(w)[:PREFIX] for w in UNDO_VERBS.split())


# A verb of undoing after a modal or an intention is a threat, a plan or a wish ("threatens
# to revoke", "will repeal"), not an act: such a headline tells of no undoing yet. A request
# ("calls on X to overturn") is left as an act: asking for an undoing is its saga.
NOT_YET = re.compile(r"(?:\b(?:will|would|could|may|might|can|should|must|shall)|"
                     r"\b(?:threat|vow|plan|seek|sought|want|aim|promis|pledg|consider|"
                     r"weigh|tr(?:y|ies|ied)\b|intend|hop)\w*\s+to)\s+$", re.I)


def undoes(frame: Frame) -> bool:
    """Whether a frame's predicates hold a verb of undoing."""
    return bool(frame.predicates & undo_families())


def states_undoing(text: str) -> bool:
    """Whether `text` holds a word of undoing (`UNDO_WORDS`) not after a modal or an
    intention (`NOT_YET`)."""
    return any(not NOT_YET.search(text[max(0, m.start() - 40):m.start()])
               for m in UNDO_WORDS.finditer(text))


def undoing_told(article: Article, facts: ArticleFacts, frame: Frame) -> bool:
    """Whether the article tells of an undoing done: its frame undoes (`undoes`) and its
    headline or first sentence states it as done (`states_undoing`)."""
    if not undoes(frame):
        return False
    first = article.text[:facts.sentences[0].end] if facts.sentences else ""
    return states_undoing(article.title or "") or states_undoing(first)


def speaks_of_undoing(article: Article, facts: ArticleFacts) -> bool:
    """Whether the headline or the lead (`undated.lead_end`) holds a word of undoing."""
    return bool(UNDO_WORDS.search(article.title or "")
                or UNDO_WORDS.search(article.text[:lead_end(facts)]))


def undo_factor(articles: Sequence[Article], facts: Sequence[ArticleFacts] | None,
                frames: Sequence[Frame] | None, days: np.ndarray, a: np.ndarray,
                b: np.ndarray) -> np.ndarray:
    """Per scored pair (a, b), the factor its edge weighs: `UNDO_DISCOUNT` when one article
    tells of an undoing done (`undoing_told`) and the other article's frame has predicates
    but its headline and lead speak of no undoing (`speaks_of_undoing`), one of them without
    a publish day (`days` nan) unless `UNDO_UNDATED_ONLY` is off; 1 elsewhere, and
    everywhere without frames."""
    factor = np.ones(len(a))
    if frames is None or facts is None or UNDO_DISCOUNT >= 1.0 or not len(a):
        return factor
    flags = np.array([undoing_told(art, f, fr)
                      for art, f, fr in zip(articles, facts, frames, strict=True)], dtype=bool)
    has = np.array([bool(f.predicates) for f in frames], dtype=bool)
    pick = (flags[a] | flags[b]) & has[a] & has[b]
    if UNDO_UNDATED_ONLY:
        pick &= np.isnan(days[a]) | np.isnan(days[b])
    memo: dict[int, bool] = {}

    def speaks(i: int) -> bool:
        if i not in memo:
            memo[i] = speaks_of_undoing(articles[i], facts[i])
        return memo[i]

    for k in np.flatnonzero(pick).tolist():
        i, j = int(a[k]), int(b[k])
        if (flags[i] and not speaks(j)) or (flags[j] and not speaks(i)):
            factor[k] = UNDO_DISCOUNT
    return factor
