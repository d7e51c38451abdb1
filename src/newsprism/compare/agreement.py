"""Whether a claim grouped with a consensus item states what the item states.

Claims are grouped as "one fact" on the Dice of their content words (`match.claim_similarity`),
and on long real articles two sentences about one person or bill share most of their words in
names alone: "Northam served as McAuliffe's lieutenant governor" and "Mr Northam served for a
decade as a Virginia state legislator"; "The Pain-Capable Unborn Child Protection Act cleared
its first hurdle" and "The Pain-Capable Unborn Child Protection Act is not based on accepted
science". Grouped, they are fine for finding disagreements (conflicts look inside the group for
differing figures and dates), but "sources agree" on them would be false. So a consensus item
counts only the members that agree with its representative. Leads are exempt: two articles of
one story open on its event, each in its own words ("slammed Kerry for working to save the
deal" / "castigated Kerry following a report of shadow diplomacy"), so where both the member
and the representative lie in their articles' leads (`LEAD_SENTENCES`) the grouping stands
(NeuS, whose excerpts are leads: every consensus item read there was right). Elsewhere a
member must agree:
- what is said besides the names: the content words of the tokens that are not capitalised
  (`statement_words`) overlap by a Dice of at least `STATEMENT_DICE`; and
- the figures: when both state figures (digits, years aside), they share one.
Measured on real articles in docs/compare.md ("Consensus: the same statement, not the same
names").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..model import ArticleFacts, Claim
from ..text import fold
from .match import content_words, stem

STATEMENT_DICE = 0.3  # Dice of the words besides names that a member shares with the item
LEAD_SENTENCES = 2  # an article's lead: its first sentences, where it states the event

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@lru_cache(maxsize=1 << 12)
def statement_words(text: str) -> frozenset[str]:
    """Content words of `text` (as `match.content_words`) less those of capitalised tokens:
    what a sentence says about the people, places and bills it names."""
    names = {stem(fold(w)) for w in _WORD.findall(text) if w[0].isupper()}
    return content_words(text) - names


@lru_cache(maxsize=1 << 12)
def figures(text: str) -> frozenset[str]:
    """The figures written in digits ("12,400" -> "12400"), years left out."""
    found = (m.group().replace(",", "").rstrip(".") for m in _FIGURE.finditer(text))
    return frozenset(f for f in found if not _YEAR.fullmatch(f))


def agrees(item: str, member: str) -> bool:
    """Whether `member` states what `item` states (see the module docstring)."""
    fa, fb = figures(item), figures(member)
    if fa and fb and not fa & fb:
        return False
    if content_words(item) == content_words(member):
        return True
    a, b = statement_words(item), statement_words(member)
    return 2 * len(a & b) >= STATEMENT_DICE * (len(a) + len(b)) and bool(a & b)


def lead_ends(facts: Sequence[ArticleFacts]) -> dict[str, int]:
    """Article id -> where its lead (the first `LEAD_SENTENCES` sentences) ends."""
    out: dict[str, int] = {}
    for f in facts:
        ends = sorted(s.end for s in f.sentences)
        if ends:
            out[f.article_id] = ends[min(LEAD_SENTENCES, len(ends)) - 1]
    return out


def agreeing(members: Sequence[Claim], representative: Claim,
             leads: Mapping[str, int] | None = None) -> list[Claim]:
    """The members that agree with the representative (which always does); with `leads`
    (`lead_ends`), a member in its lead agrees with a representative in its own."""
    leads = leads or {}

    def in_lead(c: Claim) -> bool:
        return c.start < leads.get(c.article_id, 0)

    rep_lead = in_lead(representative)
    return [c for c in members if c is representative or (rep_lead and in_lead(c))
            or agrees(representative.text, c.text)]
