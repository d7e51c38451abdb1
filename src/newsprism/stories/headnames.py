"""Names in the headline the other report never mentions: two reports whose headlines each
name a person or organisation absent from the other's whole text tell of two events.

A headline names who its event is about: "Chief Justice rebukes Schumer" and "Chief Justice
rebukes Trump's gibe" share their actor and their verb, but each names a second party the
other report does not mention at all. One event's reports name the same parties, or at
least mention in their text the party the other puts in its headline; two events of the same
people each bring their own (the pardon / the unsealed documents; the accuser who spoke out /
the second accuser the FBI contacted).

A pair, one of them without a publish day (dated pairs have the time window), where each
headline holds a name word (the last word of a PERSON or ORG mention of its own text, so a
surname) that is not a word anywhere in the other article's title and text weighs
`HEADNAME_DISCOUNT` of its edge (`headname_factors`). Evidence, not a veto: like the other
discounts it joins `undated.evidence_against`, and a lone article it splits off may rejoin
its story (`frames.rejoin_lone`). Places (GPE, NORP) are not read: one event's reports name
different places of it, and reading them cost ECB+ recall (docs/stories.md, round 9).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..model import Article, ArticleFacts, Mention

# Chosen on NeuS lines 1-1226 and ECB+ odd topics (docs/stories.md, round 9, h-story9b).
# 1: off.
HEADNAME_DISCOUNT = 0.5
HEADNAME_LABELS = ("PERSON", "ORG")
_WORD = re.compile(r"[a-z][a-z'’\-]+")
_POSSESSIVE = re.compile(r"['’]s$")


def headline_names(article: Article, facts: ArticleFacts) -> frozenset[str]:
    """The name words (last word of a PERSON or ORG mention, lower case, three letters or
    more) that the article's own headline holds, possessive or not ("Smith's plan")."""
    return frozenset(_name_word(m) for m in headline_mentions(article, facts))


def headline_mentions(article: Article, facts: ArticleFacts) -> tuple[Mention, ...]:
    """The mentions whose name word (`headline_names`) the article's headline holds: all this
    module reads of an article's mentions (`leadcut.lead_cut` keeps only them)."""
    title = {_POSSESSIVE.sub("", w) for w in _WORD.findall((article.title or "").lower())}
    if not title:
        return ()
    return tuple(m for m in facts.mentions
                 if m.label in HEADNAME_LABELS and m.text.split()
                 and len(word := _name_word(m)) > 2 and word in title)


def _name_word(m: Mention) -> str:
    return _POSSESSIVE.sub("", m.text.split()[-1].lower())


def article_words(article: Article) -> frozenset[str]:
    """Every word of the title and text, lower case."""
    return frozenset(_WORD.findall(((article.title or "") + " " + article.text).lower()))


def headname_factors(articles: Sequence[Article], facts: Sequence[ArticleFacts],
                     days: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per scored pair (a, b), `HEADNAME_DISCOUNT` where one article has no publish day and
    each headline names someone the other article never mentions; 1 elsewhere."""
    out = np.ones(len(a))
    if not len(a) or HEADNAME_DISCOUNT >= 1.0:
        return out
    pick = np.flatnonzero(np.isnan(days[a]) | np.isnan(days[b]))
    memo: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def info(t: int) -> tuple[frozenset[str], frozenset[str]]:
        if t not in memo:
            names = headline_names(articles[t], facts[t])
            memo[t] = (names, article_words(articles[t]) if names else frozenset())
        return memo[t]

    for k in pick.tolist():
        (ni, wi), (nj, wj) = info(int(a[k])), info(int(b[k]))
        if ni and nj and (ni - wj) and (nj - wi):
            out[k] = HEADNAME_DISCOUNT
    return out
