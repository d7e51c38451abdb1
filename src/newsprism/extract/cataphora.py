"""A he/she that speaks in a subordinate clause written before its main clause may name the
main clause's subject, written after it: `After he blasted the film for being too “…”,
Pastor X has now set his sights on …`, `Though he said it brought in a “handful of people”,
John said …`, `While he's said he'll fight on, Sanders must decide …`. The resolver looks
back from the pronoun and so gave these to someone named before (on the PolNeAR train tune
half: a headline's "Girl Scout", Hillary Clinton for a "he", a quoted expert for Giuliani).

When the main clause's subject is a person's name, the pronoun is that person; when the
name's gender (title or first name) is not the pronoun's, the speaker is left unresolved
(`While her husband could draw on …, when he devoted …, Mrs. Clinton has struggled`: the "he"
is the husband, whom the article names nowhere near).
"""

from __future__ import annotations

import dataclasses

from .names import name_gender, pronoun_gender

_MAX_HOPS = 4  # from the cue verb up to the fronted clause


def _fronted_clause(verb):
    """The subordinate clause (advcl with a marker: after, though, while, as, when, …) holding
    `verb` and written before the verb it depends on, within a few hops; else None."""
    x, hops = verb, 0
    while x.head.i != x.i and hops < _MAX_HOPS:
        if x.dep_ == "advcl" and x.i < x.head.i and any(
                c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in x.children):
            return x
        x, hops = x.head, hops + 1
    return None


def _pronoun_subject(doc, att):
    """(pronoun token, its cue verb) when the speaker span is a he/she subject of the cue."""
    if att.speaker_span is None or att.cue is None:
        return None
    sp = doc.char_span(*att.speaker_span, alignment_mode="expand")
    if sp is None or len(sp) != 1 or sp[0].lower_ not in ("he", "she"):
        return None
    pron = sp[0]
    cue = doc.char_span(*att.cue, alignment_mode="expand") or ()
    return (pron, pron.head) if any(t.i == pron.head.i for t in cue) \
        and pron.dep_ == "nsubj" else None


def forward_pronouns(finder, atts: list) -> list:
    """`atts` with a he/she speaker of a fronted subordinate clause given to the main
    clause's subject when that is a person's name of the same (or unknown) gender, and
    unresolved when the genders differ."""
    doc, out = finder.doc, []
    for a in atts:
        found = _pronoun_subject(doc, a)
        clause = _fronted_clause(found[1]) if found is not None else None
        main = clause.head if clause is not None else None
        subj = next((c for c in main.children if c.dep_ == "nsubj"), None) \
            if main is not None else None
        if found is None or subj is None or subj.ent_type_ != "PERSON" \
                or subj.pos_ != "PROPN" or subj.i < found[0].i:
            out.append(a)
            continue
        name, chars = finder.resolve(subj, main)
        words = " ".join(t.text for t in subj.subtree)
        gender = name_gender(name or "", words)
        if name is None or gender is not None and gender != pronoun_gender(found[0].text):
            out.append(dataclasses.replace(a, speaker=None))
            finder.speaker_conf[a.speaker_span] = 0.0
            continue
        finder.speaker_conf[a.speaker_span] = finder.speaker_conf.get(chars, 0.0)
        out.append(dataclasses.replace(a, speaker=name))
    return out
