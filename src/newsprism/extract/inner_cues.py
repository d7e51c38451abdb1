"""`“…,” Rios reports that officials wrote in a letter`: a tag after a quote whose verb
reports another verb of saying with its own subject names two people, the one who reports
(Rios) and the one whose words the quote is (the officials). The inner verb, with its empty
object slot the quote fills, is the quote's cue, and its subject the speaker."""

from __future__ import annotations

from ..lexicons.cues import CUE_LEMMAS, WORDING_LEMMAS
from .cues import negated

# Verbs whose direct object is whom they speak to, not what they say ("told the council").
_ADDRESSEE_LEMMAS = frozenset({"tell", "ask", "inform", "assure", "warn"})


def inner_cue(verb):
    """(inner verb, its subject) when `verb`, a cue after the closing mark, reports a verb of
    saying whose words are the quote; else None."""
    if verb.lemma_.lower() not in CUE_LEMMAS:
        return None
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i < verb.i or c.pos_ != "VERB" or negated(c) \
                or c.lemma_.lower() not in WORDING_LEMMAS:
            continue
        subject = next((s for s in c.children if s.dep_ == "nsubj" and s.i > verb.i), None)
        if subject is None or subject.lower_ in ("it", "that", "this", "which") \
                or any(g.dep_ in ("ccomp", "xcomp") or g.dep_ == "dobj"
                       and c.lemma_.lower() not in _ADDRESSEE_LEMMAS for g in c.children):
            return None  # the inner verb's words are written out: the quote is not them
        return c, subject
    return None
