"""Verbs of implying and speculating (`X implied that …`, `experts have speculated that …`,
`she has intimated that …`): what the clause after them says is their subject's reading, an
attribution PolNeAR annotates and earlier rounds missed. They are cues of the indirect pass
(`lexicons.cues.INDIRECT_LEMMAS`) only with a subject of their own: a participle (`…,
implying that …`) takes a subject the parse guesses from another clause, so it reports
nothing here; a pronoun subject keeps its span but no speaker (on the PolNeAR train tune half
half of such pronouns went to a person named before who was not the one implying).
"""

from __future__ import annotations

import dataclasses

IMPLY_LEMMAS = frozenset("imply intimate insinuate speculate".split())


def _cue_verb(doc, cue: tuple[int, int] | None):
    """The verb of implying inside the cue's characters, or None."""
    if cue is None:
        return None
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return next((t for t in span or () if t.pos_ in ("VERB", "AUX")
                 and t.lemma_.lower() in IMPLY_LEMMAS), None)


def implied_by_subject(doc, atts: list) -> list:
    """`atts` without the clauses of a verb of implying that has no subject of its own (nor
    shares the subject of the finite verb it is joined to), and with no speaker where that
    subject is a pronoun."""
    out = []
    for a in atts:
        verb = _cue_verb(doc, a.cue)
        if verb is not None:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None and verb.dep_ == "conj" and verb.tag_ != "VBG":
                # `experts have discounted it, but have speculated that …`: the first verb's
                subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            if subj.tag_ == "PRP" and a.speaker is not None:
                a = dataclasses.replace(a, speaker=None)
        out.append(a)
    return out
