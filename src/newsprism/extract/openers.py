"""What a cue set in the middle of a sentence leaves on each side ("But even so, experts say,
this response could be too weak ..."): an opener of adverbials only, which no one said, or a
clause with its own subject, which is what was said (stop 56, a fresh Baly draw)."""

from __future__ import annotations

from ..lexicons.cues import CUE_LEMMAS

_ADVERBIAL_DEPS = frozenset({"prep", "advmod", "npadvmod", "cc", "mark", "intj", "punct"})


def clause_in(doc, start: int, end: int) -> bool:
    """The characters hold a verb with its own subject ("this response could be too weak"),
    not an adverbial ("But even so") nor a subject alone ("The plan")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and span.start <= t.head.i < span.end
        and t.head.pos_ in ("VERB", "AUX") for t in span)


def adverbial(doc, start: int, end: int) -> bool:
    """The characters are adverbials only ("But even so", "In the long run", "After all"):
    every word whose head lies outside them modifies as an adverb or a preposition does (not
    a subject: "The plan", "Bringing the show back")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.head.i == t.i for t in span):
        return False  # it holds a sentence's root: a clause
    tops = [t for t in span if not span.start <= t.head.i < span.end]
    return bool(tops) and all(t.dep_ in _ADVERBIAL_DEPS for t in tops)


_JOINERS = frozenset("but and while whereas yet though although".split())


def own_cue_in(doc, start: int, end: int) -> bool:
    """The characters open with a conjunction and hold a main cue verb with its own subject:
    "..., the World Health Organization said, but the United States said it will not take
    part" (stop 57, a Reuters article): what follows the parenthetical cue is another
    speaker's report, not the rest of what this one said. Not a cue inside the reported
    words ("Too often, Mr. Clarke said, the debate is infected with what he called
    tribalism": his)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span[0].lower_ in _JOINERS and any(
        t.pos_ == "VERB" and t.lemma_.lower() in CUE_LEMMAS and t.dep_ in ("conj", "ROOT")
        and any(c.dep_ == "nsubj" and span.start <= c.i < span.end for c in t.children)
        for t in span)
